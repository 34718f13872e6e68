"""Frame sources and the debouncer: real card QR images through the folder and video sources and the real decoder."""

from __future__ import annotations

import subprocess
import sys

import cv2
import numpy as np
import pytest

from pos_loyalty import cards
from pos_loyalty.scanning import decode
from pos_loyalty.scanning.camera import (CameraError, Debouncer, ImageFolderSource, VideoFileSource,
                                         open_source)


class FakeClock:
    """A monotonic clock that moves only when told to, or when the code under test sleeps on it."""

    def __init__(self, start: float = 1000.0):
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def tokens():
    key_id, secret = cards.new_key()
    return [cards.issue(key_id, secret) for _ in range(3)]


@pytest.fixture
def card_folder(tmp_path, tokens):
    """Three printed cards as PNGs, named so that sorting keeps the order of `tokens`."""
    folder = tmp_path / "cards"
    folder.mkdir()
    for i, token in enumerate(tokens):
        cards.card_image(token, "Bakery").save(folder / f"card-{i:02d}.png")
    (folder / "notes.txt").write_text("not an image: skipped")
    return folder


def _on_canvas(image, size=(640, 480)) -> np.ndarray:
    """A PIL card shrunk onto a grey camera-sized BGR frame, as a webcam would see it held up."""
    bgr = cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR)
    width, height = size
    scale = 0.8 * min(width / bgr.shape[1], height / bgr.shape[0])
    card = cv2.resize(bgr, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    frame = np.full((height, width, 3), 90, np.uint8)
    top, left = (height - card.shape[0]) // 2, (width - card.shape[1]) // 2
    frame[top:top + card.shape[0], left:left + card.shape[1]] = card
    return frame


# ---- the folder source ----

def test_folder_source_reads_every_card_in_name_order(card_folder, tokens):
    with ImageFolderSource(card_folder, fps=0, loop=False) as source:
        frames = list(source)
    assert len(frames) == 3
    assert all(f.ndim == 3 and f.shape[2] == 3 and f.dtype == np.uint8 for f in frames)
    assert [decode(f) for f in frames] == [[t] for t in tokens]


def test_folder_source_loops_forever_when_asked(card_folder, tokens):
    source = ImageFolderSource(card_folder, fps=0, loop=True)
    read = [decode(source.read()) for _ in range(7)]
    assert read == [[tokens[i % 3]] for i in range(7)]


def test_folder_source_is_paced_at_its_fps_like_a_camera(card_folder):
    clock = FakeClock()
    source = ImageFolderSource(card_folder, fps=20, loop=True, clock=clock, sleep=clock.sleep)
    times = []
    for _ in range(5):
        source.read()
        times.append(clock())
        clock.advance(0.01)  # the reader's own work between frames
    assert np.allclose(np.diff(times), 0.05)
    assert np.allclose(clock.sleeps, 0.04)


def test_a_slow_reader_gets_the_next_frame_at_once_but_no_burst(card_folder):
    clock = FakeClock()
    source = ImageFolderSource(card_folder, fps=10, loop=True, clock=clock, sleep=clock.sleep)
    source.read()
    clock.advance(0.5)  # the reader stalled for five frame times
    source.read()
    assert clock.sleeps == []
    source.read()  # a camera would not hand over the missed frames in a rush either
    assert clock.sleeps == [pytest.approx(0.1)]


def test_a_single_image_file_is_a_still_camera(card_folder, tokens):
    source = open_source(card_folder / "card-01.png", fps=0)
    assert isinstance(source, ImageFolderSource)
    assert [decode(source.read()) for _ in range(3)] == [[tokens[1]]] * 3


def test_an_empty_folder_or_a_broken_image_is_a_clear_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CameraError, match="no images") as caught:
        open_source(empty)
    assert caught.value.code == "no_images"
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "card.png").write_bytes(b"not a png at all")
    source = open_source(broken, fps=0)
    with pytest.raises(CameraError, match="not an image"):
        source.read()


# ---- the video source ----

def _write_mjpg(path, frames, fps=10.0) -> bool:
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (width, height))
    if not writer.isOpened():
        return False
    for frame in frames:
        writer.write(frame)
    writer.release()
    return True


def test_video_file_source_plays_cards_back(tmp_path, tokens):
    blank = np.full((480, 640, 3), 90, np.uint8)
    frames = [blank] * 2 + [_on_canvas(cards.card_image(t, "Bakery")) for t in tokens for _ in range(3)]
    video = tmp_path / "counter.avi"
    if not _write_mjpg(video, frames):
        pytest.skip("this OpenCV build cannot write MJPG .avi files; the folder source covers the camera stand-in")
    source = open_source(video, fps=0, loop=False)
    assert isinstance(source, VideoFileSource)
    with source:
        played = list(source)
    assert len(played) == len(frames)
    assert played[0].shape == (480, 640, 3)
    read = [code for frame in played for code in decode(frame)]
    assert read == [t for t in tokens for _ in range(3)]  # blank frames read nothing, JPEG frames still read


def test_video_file_source_loops_and_keeps_its_own_rate(tmp_path, tokens):
    video = tmp_path / "one.avi"
    if not _write_mjpg(video, [_on_canvas(cards.qr_image(tokens[0]))] * 2, fps=25):
        pytest.skip("this OpenCV build cannot write MJPG .avi files")
    clock = FakeClock()
    source = VideoFileSource(video, loop=True, clock=clock, sleep=clock.sleep)
    assert source.fps == pytest.approx(25)
    assert all(decode(source.read()) == [tokens[0]] for _ in range(5))
    assert clock.now == pytest.approx(1000.0 + 4 / 25)


def test_a_file_that_is_not_a_video_is_a_clear_error(tmp_path):
    fake = tmp_path / "holiday.avi"
    fake.write_text("no frames in here")
    with pytest.raises(CameraError, match="cannot be played") as caught:
        open_source(fake)
    assert caught.value.code == "bad_video"


# ---- the camera ----

def test_a_missing_camera_is_a_clear_error_not_a_crash():
    # Index 97: no machine running these tests has that many cameras, so the outcome is the same everywhere.
    with pytest.raises(CameraError, match="No camera found") as caught:
        open_source("97")
    assert caught.value.code == "no_camera"
    assert "camera 97" in caught.value.message


def test_a_spec_that_is_neither_camera_nor_file_says_what_is_expected(tmp_path):
    with pytest.raises(CameraError, match="no such camera, video file or folder") as caught:
        open_source(tmp_path / "missing")
    assert caught.value.code == "no_camera"


def test_the_command_line_does_not_pay_for_opencv():
    """`pos-loyalty decode` imports the scanning package; OpenCV loads only with the camera names."""
    code = ("import sys, pos_loyalty.scanning as s; assert 'cv2' not in sys.modules; "
            "s.open_source; assert 'cv2' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


# ---- the debouncer ----

def test_debouncer_reports_a_code_once_then_again_after_it_was_gone_long_enough():
    clock = FakeClock()
    debounce = Debouncer(3.0, clock)
    assert debounce.accept("PL1A") is True
    clock.advance(1.0)
    assert debounce.accept("PL1A") is False
    clock.advance(2.9)
    assert debounce.accept("PL1A") is False  # seen 2.9 s ago: still the same scan
    clock.advance(3.0)
    assert debounce.accept("PL1A") is True


def test_debouncer_holds_a_card_left_in_front_of_the_camera_as_one_scan():
    clock = FakeClock()
    debounce = Debouncer(3.0, clock)
    reports = []
    for _ in range(100):  # ten seconds at 10 reads a second
        reports.append(debounce.accept("PL1A"))
        clock.advance(0.1)
    assert reports.count(True) == 1


def test_debouncer_reports_other_codes_at_once_and_each_code_of_a_frame_once():
    clock = FakeClock()
    debounce = Debouncer(3.0, clock)
    assert debounce.filter(["PL1A", "PL1B", "PL1A"]) == ["PL1A", "PL1B"]
    clock.advance(0.5)
    assert debounce.filter(["PL1B", "PL1C"]) == ["PL1C"]
    debounce.reset()
    assert debounce.filter(["PL1A"]) == ["PL1A"]
