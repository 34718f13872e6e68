"""Frame sources for the camera loop (a camera, a video file, a folder of images) and the repeat-scan debouncer."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Callable, Iterator, Sequence

import cv2
import numpy as np

from ..errors import LoyaltyError

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".webp", ".tif", ".tiff"})
IMAGE_FPS = 0.5  # stills have no rate of their own: a card every 2 s, as a person holds them up one by one

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class CameraError(LoyaltyError):
    code = "camera"


class FrameSource:
    """Frames as numpy arrays (BGR or grayscale). read() blocks like a camera until the next frame is due."""

    name = "source"

    def read(self) -> np.ndarray | None:
        """The next frame; None once a finite source has ended. Raises CameraError if the device fails."""
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> FrameSource:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __iter__(self) -> Iterator[np.ndarray]:
        while (frame := self.read()) is not None:
            yield frame


class _Pacer:
    """Spaces frames 1/fps apart so a file plays like a live camera; fps 0 or None: as fast as asked."""

    def __init__(self, fps: float | None, clock: Clock, sleep: Sleep):
        self.interval = 1.0 / fps if fps else 0.0
        self.clock, self.sleep = clock, sleep
        self.due: float | None = None

    def wait(self) -> None:
        if not self.interval:
            return
        now = self.clock()
        if self.due is None:
            self.due = now
        elif now < self.due:
            self.sleep(self.due - now)
        else:
            # A slow reader skips ahead instead of bursting to catch up: a camera does not queue frames either.
            self.due = now
        self.due += self.interval


def _quiet_open(*args) -> cv2.VideoCapture:
    # OpenCV prints a warning per backend it tries; a missing camera is reported once, by us, in words.
    previous = cv2.utils.logging.getLogLevel()
    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    try:
        return cv2.VideoCapture(*args)
    finally:
        cv2.utils.logging.setLogLevel(previous)


# The default backend on Windows (Media Foundation) takes seconds to open a camera; DirectShow does not.
_CAMERA_BACKEND = {"linux": cv2.CAP_V4L2, "win32": cv2.CAP_DSHOW, "darwin": cv2.CAP_AVFOUNDATION}.get(
    sys.platform, cv2.CAP_ANY)


class CameraSource(FrameSource):
    """A live camera by index; the camera itself paces the frames."""

    def __init__(self, index: int, width: int | None = None, height: int | None = None):
        self.index = index
        self.name = f"camera {index}"
        capture = _quiet_open(index, _CAMERA_BACKEND)
        if not capture.isOpened() and _CAMERA_BACKEND != cv2.CAP_ANY:
            capture = _quiet_open(index, cv2.CAP_ANY)
        if not capture.isOpened():
            raise CameraError(f"No camera found (camera {index}). Check that it is plugged in and not used by "
                              "another program, or choose another camera in the settings.", code="no_camera")
        if width and height:
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        self._capture = capture

    def read(self) -> np.ndarray | None:
        ok, frame = self._capture.read()
        if not ok or frame is None:
            raise CameraError(f"Camera {self.index} stopped sending pictures (unplugged?).", code="camera_lost")
        return frame

    def close(self) -> None:
        self._capture.release()


class VideoFileSource(FrameSource):
    """A video file played at its own rate (or `fps`), once or looping, standing in for a camera."""

    def __init__(self, path: str | Path, *, fps: float | None = None, loop: bool = False,
                 clock: Clock = time.monotonic, sleep: Sleep = time.sleep):
        self.path = Path(path)
        self.name = self.path.name
        self._capture = _quiet_open(str(self.path))
        if not self._capture.isOpened():
            raise CameraError(f"{self.path}: cannot be played as a video.", code="bad_video")
        native = self._capture.get(cv2.CAP_PROP_FPS)
        self.fps = fps if fps is not None else (native if native and native > 0 else IMAGE_FPS)
        self.loop = loop
        self._pacer = _Pacer(self.fps, clock, sleep)
        self._frames_read = 0

    def read(self) -> np.ndarray | None:
        ok, frame = self._capture.read()
        if not ok and self.loop and self._frames_read:
            self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = self._capture.read()
        if not ok:
            return None
        self._frames_read += 1
        self._pacer.wait()
        return frame

    def close(self) -> None:
        self._capture.release()


class ImageFolderSource(FrameSource):
    """Still images shown one after another (sorted by name) at `fps`, once or looping."""

    def __init__(self, images: str | Path | Sequence[str | Path], *, fps: float | None = IMAGE_FPS,
                 loop: bool = True, clock: Clock = time.monotonic, sleep: Sleep = time.sleep):
        if isinstance(images, (str, Path)):
            folder = Path(images)
            self.name = folder.name
            paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file())
            if not paths:
                raise CameraError(f"{folder}: no images in this folder ({', '.join(sorted(IMAGE_SUFFIXES))}).",
                                  code="no_images")
        else:
            paths = [Path(p) for p in images]
            self.name = paths[0].name if paths else "images"
            if not paths:
                raise CameraError("No images were given.", code="no_images")
        self.paths = paths
        self.fps, self.loop = fps, loop
        self._pacer = _Pacer(fps, clock, sleep)
        self._next = 0
        # Stills are decoded once: a looping folder would otherwise re-read the same PNGs many times a second.
        self._cache: dict[int, np.ndarray] = {}

    def _load(self, i: int) -> np.ndarray:
        if i not in self._cache:
            path = self.paths[i]
            try:
                # imdecode from bytes, not imread: imread cannot open non-ASCII paths on Windows.
                frame = cv2.imdecode(np.fromfile(path, dtype=np.uint8), cv2.IMREAD_COLOR)
            except OSError as exc:
                raise CameraError(f"{path}: cannot be read ({exc.strerror or exc}).", code="bad_image") from None
            if frame is None:
                raise CameraError(f"{path}: not an image.", code="bad_image")
            frame.flags.writeable = False  # the same array is handed out again on every loop
            self._cache[i] = frame
        return self._cache[i]

    def read(self) -> np.ndarray | None:
        if self._next >= len(self.paths):
            if not self.loop:
                return None
            self._next = 0
        frame = self._load(self._next)
        self._next += 1
        self._pacer.wait()
        return frame


def open_source(spec: str | Path, *, fps: float | None = None, loop: bool = True,
                clock: Clock = time.monotonic, sleep: Sleep = time.sleep) -> FrameSource:
    """"0" -> camera 0; a folder -> its images; an image file -> that still; any other file -> a video.

    fps None is the source's natural rate (the video's own, IMAGE_FPS for stills); 0 means unpaced.
    """
    text = str(spec).strip()
    if text.isdigit():
        return CameraSource(int(text))
    path = Path(text).expanduser()
    if path.is_dir():
        return ImageFolderSource(path, fps=IMAGE_FPS if fps is None else fps, loop=loop, clock=clock, sleep=sleep)
    if path.is_file():
        if path.suffix.lower() in IMAGE_SUFFIXES:
            return ImageFolderSource([path], fps=IMAGE_FPS if fps is None else fps, loop=loop, clock=clock,
                                     sleep=sleep)
        return VideoFileSource(path, fps=fps, loop=loop, clock=clock, sleep=sleep)
    raise CameraError(f"{text}: no such camera, video file or folder of images. Give a camera number "
                      "(0, 1, …), a video file or a folder of images.", code="no_camera")


class Debouncer:
    """Reports a code once, then stays quiet about it until it has been out of sight for `seconds`.

    The quiet time restarts each time the code is seen again, so a card left in front of the camera is one
    scan, not one every few seconds. Other codes are reported at once.
    """

    def __init__(self, seconds: float = 3.0, clock: Clock = time.monotonic):
        self.seconds = seconds
        self.clock = clock
        self._last_seen: dict[str, float] = {}

    def accept(self, code: str) -> bool:
        """True if `code` should be reported now."""
        now = self.clock()
        # Forget codes gone long enough, so the memory stays as small as what is in front of the camera.
        self._last_seen = {c: t for c, t in self._last_seen.items() if now - t < self.seconds}
        fresh = code not in self._last_seen
        self._last_seen[code] = now
        return fresh

    def filter(self, codes: Sequence[str]) -> list[str]:
        """The codes of one frame that should be reported now, each once."""
        return [c for c in dict.fromkeys(codes) if self.accept(c)]

    def reset(self) -> None:
        """Report the next read of any code, e.g. after the cashier closed the customer panel."""
        self._last_seen.clear()
