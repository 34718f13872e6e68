"""The camera worker: reads frames on its own thread, decodes the newest one when the decoder is free, reports codes."""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QImage

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.scanning import decode
from pos_loyalty.scanning.camera import Debouncer, FrameSource, open_source

from ..i18n import fill
from ..messages import describe

log = logging.getLogger(__name__)

Decoder = Callable[[np.ndarray], list[str]]
SourceSpec = str | Callable[[], FrameSource]


def frame_to_qimage(frame: np.ndarray) -> QImage:
    """A QImage that owns a copy of the pixels, so the numpy buffer may be reused or freed at once."""
    frame = np.ascontiguousarray(frame)
    height, width = frame.shape[:2]
    if frame.ndim == 2:
        fmt = QImage.Format.Format_Grayscale8
    elif frame.shape[2] == 3:
        fmt = QImage.Format.Format_BGR888
    elif frame.shape[2] == 4:
        fmt = QImage.Format.Format_ARGB32  # BGRA bytes are ARGB32 on little-endian machines
    else:
        raise ValueError(f"cannot show a frame of shape {frame.shape}")
    return QImage(frame.data, width, height, frame.strides[0], fmt).copy()


class CameraWorker(QObject):
    """Lives on its own QThread; run() loops until stop() or the end of a finite source.

    Capture and decoding overlap: a single decoder thread takes a frame only when it is idle and every frame
    read meanwhile goes to the preview alone. Decoding in the capture loop would let a real camera's driver
    queue stale frames behind a slow decode, and the code under the camera would be read late.
    """

    code_read = Signal(str)
    frame_ready = Signal(QImage)
    error = Signal(str)
    finished = Signal()

    def __init__(self, source: SourceSpec, *, fps: float | None = None, decoder: Decoder = decode,
                 debounce_seconds: float = 3.0, preview_fps: float = 15.0, preview_width: int = 640,
                 clock: Callable[[], float] = time.monotonic):
        """source: a spec for open_source ("0", a video, a folder; fps applies to files) or a FrameSource factory,
        which is called on the worker's thread because opening a camera can take a second."""
        super().__init__()
        self._source_spec = source
        self._fps = fps
        self._decoder = decoder
        self._debouncer = Debouncer(debounce_seconds, clock)
        self._preview_interval = 1.0 / preview_fps if preview_fps else 0.0
        self._preview_width = preview_width
        self._clock = clock
        self._stopping = threading.Event()
        self._next_preview: float | None = None
        self.frames_read = 0
        self.frames_decoded = 0

    def stop(self) -> None:
        """Ask the loop to end; safe from any thread (the loop holds this thread's event loop, so no slot)."""
        self._stopping.set()

    def _open(self) -> FrameSource:
        if callable(self._source_spec):
            return self._source_spec()
        # Paced sources wait on the stop flag, so stop() ends a slow folder at once, not after its next frame.
        return open_source(self._source_spec, fps=self._fps, sleep=self._stopping.wait)

    @Slot()
    def run(self) -> None:
        try:
            source = self._open()
        except LoyaltyError as exc:
            self.error.emit(describe(exc))  # translating is thread-safe
            self._finish()
            return
        except Exception as exc:  # noqa: BLE001 - a driver can fail in any way; the counter must keep running
            log.exception("opening the camera failed")
            self.error.emit(fill(self.tr("The camera could not be opened: %1"), exc))
            self._finish()
            return
        decoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qr-decode")
        pending: Future | None = None
        try:
            while not self._stopping.is_set():
                frame = source.read()
                if frame is None:
                    break
                self.frames_read += 1
                if pending is None or pending.done():
                    pending = decoder.submit(self._decode_and_report, frame)
                    self.frames_decoded += 1
                self._preview(frame)
            if pending is not None:
                pending.result()  # a finite source's last frame is still read
        except LoyaltyError as exc:
            self.error.emit(describe(exc))
        except Exception as exc:  # noqa: BLE001
            log.exception("the camera loop failed")
            self.error.emit(fill(self.tr("The camera stopped: %1"), exc))
        finally:
            decoder.shutdown(wait=True, cancel_futures=True)
            source.close()
            self._finish()

    def _finish(self) -> None:
        # Hand the worker back to the GUI thread before its own thread ends, so it is deleted there like any
        # object, never by a deferred delete on a dead thread while Python still holds it.
        app = QCoreApplication.instance()
        if app is not None and self.thread() is not app.thread():
            self.moveToThread(app.thread())
        self.finished.emit()

    def _decode_and_report(self, frame: np.ndarray) -> None:
        # Runs on the decoder thread, which alone touches the debouncer; reporting from here saves up to a
        # frame of delay. Signals emitted here are queued to receivers on other threads, as from any thread.
        try:
            codes = self._decoder(frame)
        except Exception:  # noqa: BLE001 - one undecodable frame must not end the scanning
            log.exception("decoding a frame failed")
            return
        for code in self._debouncer.filter(codes):
            if self._stopping.is_set():
                return
            self.code_read.emit(code)

    def _preview(self, frame: np.ndarray) -> None:
        now = self._clock()
        if self._next_preview is not None and now < self._next_preview:
            return
        # Keep to the rate on average (a frame at 50 fps is not always due on the dot), without catching up
        # in a burst after a stall.
        due = self._next_preview
        late = due is None or now - due >= self._preview_interval
        self._next_preview = (now if late else due) + self._preview_interval
        height, width = frame.shape[:2]
        if self._preview_width and width > self._preview_width:
            # Shrunk here, off the GUI thread: the widget is rarely wider, and a 720p copy per frame is waste.
            size = (self._preview_width, round(height * self._preview_width / width))
            frame = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
        self.frame_ready.emit(frame_to_qimage(frame))


class _Relay(QObject):
    """Lives on the GUI thread and passes one worker's signals on to the Camera while that worker is current.

    A flag rather than disconnect(): signals the worker emitted just before stop() are already queued, and
    a cashier must not see a scan from a camera that was switched off.
    """

    def __init__(self, camera: Camera, worker: CameraWorker, thread: QThread):
        super().__init__(camera)
        self.camera, self.worker, self.thread = camera, worker, thread
        self.active = True

    @Slot(str)
    def code(self, text: str) -> None:
        if self.active:
            self.camera.code_read.emit(text)

    @Slot(QImage)
    def frame(self, image: QImage) -> None:
        if self.active:
            self.camera.frame_ready.emit(image)

    @Slot(str)
    def error(self, message: str) -> None:
        if self.active:
            self.camera.error.emit(message)

    @Slot()
    def thread_finished(self) -> None:
        self.camera._ended(self)


class Camera(QObject):
    """Runs one CameraWorker on its own QThread and relays its signals on the thread that owns this object.

    start(spec) begins (or switches) the source; stop() sets the worker's flag, then quit() and wait(), never
    terminate(). Nothing is relayed from a worker that was stopped, even if its last signals are still queued.
    stopped is emitted once the thread has ended, whether stop() ended it or the source did. Stop it before
    dropping it (aboutToQuit does): a QThread destroyed while running takes the process with it.
    """

    code_read = Signal(str)
    frame_ready = Signal(QImage)
    error = Signal(str)
    stopped = Signal()

    def __init__(self, parent: QObject | None = None, **worker_options):
        super().__init__(parent)
        self._options = worker_options
        self._relay: _Relay | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def worker(self) -> CameraWorker | None:
        return self._relay.worker if self._relay else None

    def is_running(self) -> bool:
        return self._relay is not None and self._relay.thread.isRunning()

    def start(self, source: SourceSpec, **worker_options) -> CameraWorker:
        self.stop()
        worker = CameraWorker(source, **(self._options | worker_options))
        thread = QThread(self)
        thread.setObjectName("camera")
        worker.moveToThread(thread)
        relay = _Relay(self, worker, thread)
        thread.started.connect(worker.run)
        # Direct: the thread ends itself even while the GUI thread sits in stop()'s wait().
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        worker.code_read.connect(relay.code)
        worker.frame_ready.connect(relay.frame)
        worker.error.connect(relay.error)
        thread.finished.connect(relay.thread_finished)
        self._relay = relay
        thread.start()
        return worker

    @Slot()
    def stop(self, timeout_ms: int = 5000) -> bool:
        """End the worker and its thread; False if the thread did not end within timeout_ms."""
        relay, self._relay = self._relay, None
        if relay is None:
            return True
        relay.active = False
        relay.worker.stop()
        relay.thread.quit()
        ended = relay.thread.wait(timeout_ms)
        if not ended:
            log.error("the camera thread did not stop within %d ms", timeout_ms)
        return ended

    def _ended(self, relay: _Relay) -> None:
        if relay is self._relay:  # the source ended or failed by itself
            self._relay = None
        relay.active = False
        relay.thread.deleteLater()
        relay.deleteLater()
        self.stopped.emit()
