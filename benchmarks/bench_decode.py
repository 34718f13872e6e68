"""QR decoders compared on generated, degraded camera frames of real card tokens: read rate, false reads, time.

    .venv/bin/python benchmarks/bench_decode.py            # ~3 minutes; table on stdout, JSON in results/
    .venv/bin/python benchmarks/bench_decode.py --quick    # a few frames per category, to try a change
    .venv/bin/python benchmarks/bench_decode.py --samples /tmp/frames   # also save every 7th frame to look at

Every frame is generated from (seed, index) alone, so a run is reproducible and frames need not be kept in memory.
pyzbar runs if importable (pip install pyzbar, plus the system library libzbar0); WeChat only with opencv-contrib.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Callable

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import fmt_ms, machine_info, percentile, table, utc_stamp, write_json  # noqa: E402

from pos_loyalty import cards  # noqa: E402
from pos_loyalty.scanning import decode as zxing_decode  # noqa: E402

RESOLUTIONS = [(640, 480), (1280, 720)]
CATEGORIES = ["scale", "rotation", "perspective", "blur", "motion_blur", "noise", "low_light", "low_contrast",
              "glare", "jpeg", "inverted", "small", "combo"]
CAPTIONS = ["Bäckerei Schmidt", "Corner Café", "Bio Laden", "Blumen Anna", "Kiosk am Markt"]
WORDS = ["SALE", "Brot 2,49", "OPEN", "Kaffee", "-20%", "Total 12.80", "Danke!", "EC/Visa", "Croissant", "Tee"]
KEY_ID = 4242
SECRET = b"benchmark secret, not a real shop key!!"


# ---- card tokens ----

def make_token(rng: np.random.Generator) -> str:
    """A genuine card token drawn from rng: cards.issue() uses the secrets module, which cannot be seeded."""
    body = KEY_ID.to_bytes(2, "big") + rng.bytes(7)
    token = cards.PREFIX + cards._encode(body + cards._mac(SECRET, body))
    cards.verify(token, {KEY_ID: SECRET})  # fails loudly if the token format ever changes under us
    return token


# ---- scene pieces ----

def background(rng: np.random.Generator, width: int, height: int, tempting: bool = False) -> np.ndarray:
    """A cluttered shop counter: a lit gradient, objects, printed text, a product barcode now and then."""
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(angle) * xs / width + np.sin(angle) * ys / height + 1) / 2
    c0, c1 = rng.uniform(30, 210, 3), rng.uniform(30, 210, 3)
    image = (c0 + (c1 - c0) * ramp[..., None]).astype(np.uint8)
    for _ in range(int(rng.integers(8, 25))):
        color = tuple(int(c) for c in rng.integers(0, 256, 3))
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        size = int(rng.integers(width // 30, width // 5))
        kind = rng.integers(0, 4)
        if kind == 0:
            cv2.rectangle(image, (x, y), (x + size, y + int(size * rng.uniform(0.3, 1.5))), color, -1)
        elif kind == 1:
            cv2.circle(image, (x, y), size // 2, color, -1, cv2.LINE_AA)
        elif kind == 2:
            cv2.line(image, (x, y), (x + size, y + int(rng.integers(-size, size))), color,
                     int(rng.integers(1, 6)), cv2.LINE_AA)
        else:
            cv2.putText(image, str(rng.choice(WORDS)), (x, y), cv2.FONT_HERSHEY_SIMPLEX, rng.uniform(0.5, 2.0),
                        color, int(rng.integers(1, 4)), cv2.LINE_AA)
    if tempting or rng.random() < 0.3:
        _product_barcode(rng, image)
    if tempting:
        for _ in range(int(rng.integers(1, 4))):
            _qr_lookalike(rng, image)
    return cv2.GaussianBlur(image, (0, 0), 0.7)  # camera optics: nothing is pixel-sharp


def _product_barcode(rng, image):
    height, width = image.shape[:2]
    bar_w, bar_h = int(rng.integers(80, width // 3)), int(rng.integers(40, height // 4))
    x, y = int(rng.integers(0, width - bar_w)), int(rng.integers(0, height - bar_h))
    image[y:y + bar_h, x:x + bar_w] = 255
    pos = x + 6
    while pos < x + bar_w - 8:
        w = int(rng.integers(1, 4))
        if rng.random() < 0.5:
            image[y + 4:y + bar_h - 4, pos:pos + w] = 0
        pos += w


def _qr_lookalike(rng, image):
    """Things that fool detectors: finder-pattern-like squares, module grids without a valid code, checkers."""
    height, width = image.shape[:2]
    cells = int(rng.integers(21, 35))
    cell = int(rng.integers(2, 6))
    size = cells * cell
    if size >= min(width, height) - 2:
        return
    x, y = int(rng.integers(0, width - size)), int(rng.integers(0, height - size))
    kind = rng.integers(0, 3)
    if kind == 0:
        grid = (rng.random((cells, cells)) < 0.5).astype(np.uint8) * 255
    elif kind == 1:
        grid = ((np.add.outer(np.arange(cells), np.arange(cells)) % 2) * 255).astype(np.uint8)
    else:
        grid = np.full((cells, cells), 255, np.uint8)
        for fx, fy in ((0, 0), (cells - 7, 0), (0, cells - 7)):  # three finder patterns, random inside
            grid[fy:fy + 7, fx:fx + 7] = 0
            grid[fy + 1:fy + 6, fx + 1:fx + 6] = 255
            grid[fy + 2:fy + 5, fx + 2:fx + 5] = 0
        grid[8:cells - 8, 8:cells - 8] = (rng.random((cells - 16, cells - 16)) < 0.5) * 255
    block = cv2.resize(grid, (size, size), interpolation=cv2.INTER_NEAREST)
    image[y:y + size, x:x + size] = block[..., None]


@dataclass
class Card:
    image: np.ndarray  # BGR
    qr_box: tuple[float, float, float, float]  # x, y, width, height of the QR symbol (no quiet zone) in image


def printed_card(token: str, caption: str, rng) -> Card:
    """The card as printed by the app (cards.card_image), slightly off-white paper."""
    box = 12  # cards.qr_image's default module size; the symbol starts after a 4-module quiet zone
    image = cv2.cvtColor(np.asarray(cards.card_image(token, caption)), cv2.COLOR_RGB2BGR).astype(np.float32)
    image *= rng.uniform(0.85, 1.0, 3)  # paper and light are never pure white
    side = cards.qr_image(token).width
    modules = side // box - 8
    pad = image.shape[0] - side  # card_image adds pad above and below the code
    return Card(image.clip(0, 255).astype(np.uint8), (4 * box, pad / 2 + 4 * box, modules * box, modules * box))


def phone_screen(token: str, rng) -> Card:
    """A phone in dark mode showing the card: light modules on black, inside a bezel."""
    box = 12
    qr = 255 - np.asarray(cards.qr_image(token).convert("L"))
    modules = qr.shape[0] // box - 8
    bezel, margin = 30, 40
    height, width = qr.shape[0] + 2 * margin + 200, qr.shape[1] + 2 * margin
    phone = np.full((height + 2 * bezel, width + 2 * bezel), 15, np.uint8)
    screen = np.full((height, width), int(rng.integers(0, 25)), np.uint8)
    screen[margin + 100:margin + 100 + qr.shape[0], margin:margin + qr.shape[1]] = qr * rng.uniform(0.75, 1.0)
    cv2.putText(screen, "Corner Cafe", (margin, 80), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 200, 2, cv2.LINE_AA)
    phone[bezel:bezel + height, bezel:bezel + width] = screen
    image = cv2.cvtColor(phone, cv2.COLOR_GRAY2BGR)
    x0, y0 = bezel + margin + 4 * box, bezel + margin + 100 + 4 * box
    return Card(image, (x0, y0, modules * box, modules * box))


def blank_card(rng) -> Card:
    """A loyalty card with its text but no code: a frame with a card in it that must read nothing."""
    image = np.full((520, 396, 3), 240, np.uint8)
    cv2.putText(image, str(rng.choice(["Stamp card", "Gift card", "Coupon"])), (20, 80),
                cv2.FONT_HERSHEY_SIMPLEX, 1.2, (30, 30, 30), 2, cv2.LINE_AA)
    for i in range(6):
        cv2.circle(image, (50 + 60 * i, 250), 22, (30, 30, 30), 2, cv2.LINE_AA)
    return Card(image, (48, 120, 300, 300))


# ---- geometry ----

def project(card: Card, frame_size, rng, symbol_px: float, rotation: float, tilt: tuple[float, float]):
    """A homography putting the card's QR symbol, symbol_px wide, anywhere it fits, rotated and tilted.

    Tilt is a rotation of the card plane about the x and y axes seen through a pinhole camera, so the far edge
    shrinks as it would on a real counter. Returns (H, qr corners in the frame) or None if it cannot fit.
    """
    width, height = frame_size
    x, y, w, h = card.qr_box
    card_h, card_w = card.image.shape[:2]
    scale = symbol_px / w
    cx, cy = x + w / 2, y + h / 2
    corners = np.array([[0, 0], [card_w, 0], [card_w, card_h], [0, card_h]], np.float64)
    quiet = 4 * w / 25  # the QR needs its quiet zone inside the frame, too
    qr = np.array([[x - quiet, y - quiet], [x + w + quiet, y - quiet], [x + w + quiet, y + h + quiet],
                   [x - quiet, y + h + quiet]], np.float64)
    ax, ay = np.radians(tilt)
    rx = np.array([[1, 0, 0], [0, np.cos(ax), -np.sin(ax)], [0, np.sin(ax), np.cos(ax)]])
    ry = np.array([[np.cos(ay), 0, np.sin(ay)], [0, 1, 0], [-np.sin(ay), 0, np.cos(ay)]])
    rz = np.array([[np.cos(rotation), -np.sin(rotation), 0], [np.sin(rotation), np.cos(rotation), 0], [0, 0, 1]])
    rot = rx @ ry @ rz
    focal = 1.1 * width

    def place(points, center):
        p = np.column_stack([(points - [cx, cy]) * scale, np.zeros(len(points))]) @ rot.T
        return np.column_stack([center[0] + focal * p[:, 0] / (focal + p[:, 2]),
                                center[1] + focal * p[:, 1] / (focal + p[:, 2])])

    for _ in range(20):
        center = (rng.uniform(0.2, 0.8) * width, rng.uniform(0.2, 0.8) * height)
        qr_in_frame = place(qr, center)
        if (qr_in_frame.min(axis=0) >= 2).all() and (qr_in_frame[:, 0].max() < width - 2) and (
                qr_in_frame[:, 1].max() < height - 2):
            dst = place(corners, center).astype(np.float32)
            return cv2.getPerspectiveTransform(corners.astype(np.float32), dst), place(
                qr[:, :] + np.array([[quiet, quiet], [-quiet, quiet], [-quiet, -quiet], [quiet, -quiet]]), center)
    return None


def composite(frame: np.ndarray, card: Card, homography: np.ndarray) -> np.ndarray:
    height, width = frame.shape[:2]
    # Shrink with area averaging first, as a sensor integrates light; a plain warp would alias small codes.
    shrink = min(1.0, np.sqrt(abs(np.linalg.det(homography[:2, :2]))))
    source = card.image
    if shrink < 0.5:
        source = cv2.resize(card.image, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA)
        homography = homography @ np.diag([1 / shrink, 1 / shrink, 1])
    warped = cv2.warpPerspective(source, homography, (width, height), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full(source.shape[:2], 255, np.uint8), homography, (width, height),
                               flags=cv2.INTER_LINEAR).astype(np.float32)[..., None] / 255
    return (frame * (1 - mask) + warped * mask).astype(np.uint8)


# ---- degradations (float32 in 0..255) ----

def gaussian_blur(image, sigma):
    return cv2.GaussianBlur(image, (0, 0), sigma)


def motion_blur(image, length, angle):
    size = int(length) | 1
    kernel = np.zeros((size, size), np.float32)
    kernel[size // 2, :] = 1
    kernel = cv2.warpAffine(kernel, cv2.getRotationMatrix2D((size / 2 - 0.5, size / 2 - 0.5), angle, 1.0),
                            (size, size))
    return cv2.filter2D(image, -1, kernel / kernel.sum())


def noise(image, rng, sigma):
    return image + rng.normal(0, sigma, image.shape).astype(np.float32)


def low_light(image, rng, gain):
    # A dark scene: little signal, and the sensor's gain turns its noise up with it.
    return noise(image * gain, rng, rng.uniform(2, 5))


def low_contrast(image, factor):
    mean = image.mean()
    return mean + (image - mean) * factor


def glare(image, rng, qr_corners, strength):
    height, width = image.shape[:2]
    center = qr_corners.mean(axis=0) + rng.uniform(-0.3, 0.3, 2) * np.ptp(qr_corners, axis=0)
    radius = rng.uniform(0.15, 0.4) * np.ptp(qr_corners, axis=0).mean()
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    blob = np.exp(-((xs - center[0]) ** 2 + (ys - center[1]) ** 2) / (2 * radius ** 2))
    return image + strength * blob[..., None]


def jpeg(image: np.ndarray, quality: int) -> np.ndarray:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    return cv2.imdecode(data, cv2.IMREAD_COLOR)


# ---- frames ----

@dataclass
class Frame:
    index: int
    category: str
    size: tuple[int, int]
    token: str | None
    symbol_px: float
    image: np.ndarray = field(repr=False)


def make_frame(seed: int, index: int, category: str, size: tuple[int, int]) -> Frame:
    rng = np.random.default_rng([seed, index])
    width, height = size
    token = None if category == "no_code" else make_token(rng)
    frame = background(rng, width, height, tempting=category == "no_code")
    largest = 0.68 * min(width, height)  # the symbol plus its quiet zone must fit in the frame
    symbol = min(largest, rng.uniform(90, 300))
    rotation = np.radians(rng.uniform(-20, 20))
    tilt = tuple(rng.uniform(-10, 10, 2))
    if category == "scale":
        symbol = min(largest, rng.uniform(90, 400))
    elif category == "rotation":
        rotation = rng.uniform(0, 2 * np.pi)
    elif category == "perspective":
        tilt = tuple(rng.choice([-1, 1], 2) * rng.uniform([25, 0], [55, 40]))[::int(rng.choice([-1, 1]))]
    elif category == "small":
        symbol = rng.uniform(60, 90)
    elif category == "combo":
        symbol = min(largest, rng.uniform(70, 300))
        tilt = tuple(rng.uniform(-30, 30, 2))
    if category == "no_code":
        card = blank_card(rng) if rng.random() < 0.5 else None
        # Where glare falls on a frame with no code: a patch the size a code would have had.
        qr_corners = np.array([width / 2, height / 2]) + symbol / 2 * np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]])
        if card is not None:
            placed = project(card, size, rng, symbol, rotation, tilt)
            if placed is not None:
                frame = composite(frame, card, placed[0])
    else:
        card = phone_screen(token, rng) if category == "inverted" else printed_card(token, str(rng.choice(CAPTIONS)),
                                                                                   rng)
        placed = project(card, size, rng, symbol, rotation, tilt)
        while placed is None:  # too big for this frame at this tilt: shrink until it fits
            symbol *= 0.9
            placed = project(card, size, rng, symbol, rotation, tilt)
        homography, qr_corners = placed
        frame = composite(frame, card, homography)

    image = frame.astype(np.float32)
    effects = {
        "blur": lambda im: gaussian_blur(im, rng.uniform(1.5, 4.0)),
        "motion_blur": lambda im: motion_blur(im, rng.uniform(6, 20), rng.uniform(0, 180)),
        "noise": lambda im: noise(im, rng, rng.uniform(12, 35)),
        "low_light": lambda im: low_light(im, rng, rng.uniform(0.05, 0.25)),
        "low_contrast": lambda im: low_contrast(im, rng.uniform(0.08, 0.3)),
        "glare": lambda im: glare(im, rng, qr_corners, rng.uniform(150, 260)),
    }
    mild = {
        "blur": lambda im: gaussian_blur(im, rng.uniform(0.8, 1.8)),
        "motion_blur": lambda im: motion_blur(im, rng.uniform(4, 10), rng.uniform(0, 180)),
        "noise": lambda im: noise(im, rng, rng.uniform(8, 18)),
        "low_light": lambda im: low_light(im, rng, rng.uniform(0.2, 0.45)),
        "low_contrast": lambda im: low_contrast(im, rng.uniform(0.3, 0.5)),
        "glare": lambda im: glare(im, rng, qr_corners, rng.uniform(100, 200)),
    }
    quality = int(rng.integers(80, 96))  # webcams at 720p send MJPEG: every frame was a JPEG once
    if category in effects:
        image = effects[category](image)
    elif category == "jpeg":
        quality = int(rng.integers(5, 25))
    elif category == "inverted":
        image = gaussian_blur(image, rng.uniform(0.5, 1.2))  # screens are photographed slightly out of focus
    elif category == "combo":
        for name in rng.choice(list(mild), size=int(rng.integers(2, 4)), replace=False):
            image = mild[str(name)](image)
        quality = int(rng.integers(40, 90))
    elif category == "no_code":
        if rng.random() < 0.5:
            image = mild[str(rng.choice(list(mild)))](image)
    image = noise(image, rng, 2.0)  # every sensor has some
    frame = jpeg(image.clip(0, 255).astype(np.uint8), quality)
    return Frame(index, category, size, token, float(symbol), frame)


def frame_plan(per_category: int, no_code: int) -> list[tuple[str, tuple[int, int]]]:
    """(category, size) for every frame, interleaved so a cut-short run still covers everything."""
    plan = []
    for i in range(per_category):
        for category in CATEGORIES:
            plan.append((category, RESOLUTIONS[(i + CATEGORIES.index(category)) % len(RESOLUTIONS)]))
    for i in range(no_code):
        plan.append(("no_code", RESOLUTIONS[i % len(RESOLUTIONS)]))
    return plan


# ---- decoders ----

def _gray(frame):
    return frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)


def _opencv(detector) -> Callable[[np.ndarray], list[str]]:
    def read(frame):
        try:
            text = detector.detectAndDecode(_gray(frame))[0]
        except cv2.error:
            return []
        return [text] if text else []
    return read


def available_decoders() -> tuple[dict[str, Callable], dict[str, str]]:
    """name -> frame -> texts, in the form the camera loop would call it (BGR in, conversion included)."""
    decoders: dict[str, Callable] = {"zxing-cpp": zxing_decode}
    skipped: dict[str, str] = {}
    decoders["opencv"] = _opencv(cv2.QRCodeDetector())
    if hasattr(cv2, "QRCodeDetectorAruco"):
        decoders["opencv-aruco"] = _opencv(cv2.QRCodeDetectorAruco())
    else:
        skipped["opencv-aruco"] = "this OpenCV has no QRCodeDetectorAruco"
    try:
        from pyzbar import pyzbar
    except (ImportError, OSError) as exc:  # OSError: the module is there but libzbar0 is not
        skipped["pyzbar"] = f"not importable ({exc}); pip install pyzbar and apt-get install libzbar0"
    else:
        symbols = [pyzbar.ZBarSymbol.QRCODE]

        def zbar(frame):
            return [r.data.decode("utf-8", "replace") for r in pyzbar.decode(_gray(frame), symbols=symbols)]

        def zbar_inverted(frame):
            gray = _gray(frame)  # zbar reads dark-on-light only: a phone in dark mode needs a second pass
            found = [r.data.decode("utf-8", "replace") for r in pyzbar.decode(gray, symbols=symbols)]
            return found or [r.data.decode("utf-8", "replace") for r in pyzbar.decode(255 - gray, symbols=symbols)]

        decoders["pyzbar"] = zbar
        decoders["pyzbar+inverted"] = zbar_inverted
    if hasattr(cv2, "wechat_qrcode_WeChatQRCode"):
        wechat = cv2.wechat_qrcode_WeChatQRCode()
        decoders["wechat"] = lambda frame: [t for t in wechat.detectAndDecode(frame)[0] if t]
    else:
        skipped["wechat"] = "needs opencv-contrib-python, which would replace opencv-python-headless"
    return decoders, skipped


def versions() -> dict:
    out = {}
    for dist in ("zxing-cpp", "opencv-python-headless", "opencv-contrib-python", "pyzbar", "numpy"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
    out["opencv_build"] = cv2.__version__
    return out


# ---- statistics ----

def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _times(values: list[float]) -> dict:
    values = sorted(values)
    if not values:
        return {}
    return {"median_ms": percentile(values, 50), "p95_ms": percentile(values, 95),
            "mean_ms": sum(values) / len(values), "max_ms": values[-1]}


def summarize(frames: list[dict], reads: dict[str, list[list[str]]], times: dict[str, list[float]]) -> dict:
    """Per decoder (or fallback chain): read rates overall, per category and per size band, false reads, time."""
    out = {}
    for name in reads:
        hits = [f["token"] is not None and f["token"] in texts for f, texts in zip(frames, reads[name])]
        false = [any(t != f["token"] for t in texts) for f, texts in zip(frames, reads[name])]
        coded = [i for i, f in enumerate(frames) if f["token"]]
        idle = [i for i, f in enumerate(frames) if not f["token"]]
        entry = {
            "read_pct": _pct(sum(hits[i] for i in coded), len(coded)),
            "read": sum(hits[i] for i in coded), "frames_with_code": len(coded),
            "false_reads": sum(false), "false_reads_on_no_code_frames": sum(false[i] for i in idle),
            "categories": {}, "by_size": {}, "by_resolution": {},
        }
        for category in CATEGORIES:
            members = [i for i in coded if frames[i]["category"] == category]
            entry["categories"][category] = _pct(sum(hits[i] for i in members), len(members))
        for low, high in ((0, 90), (90, 150), (150, 250), (250, 1000)):
            members = [i for i in coded if low <= frames[i]["symbol_px"] < high]
            entry["by_size"][f"{low}-{high}px"] = _pct(sum(hits[i] for i in members), len(members))
        for width, height in RESOLUTIONS:
            label = f"{width}x{height}"
            members = [i for i, f in enumerate(frames) if f["size"] == label]
            idle_here = [i for i in members if not frames[i]["token"]]
            coded_here = [i for i in members if frames[i]["token"]]
            entry["by_resolution"][label] = {
                "read_pct": _pct(sum(hits[i] for i in coded_here), len(coded_here)),
                "all_frames": _times([times[name][i] for i in members]),
                "no_code_frames": _times([times[name][i] for i in idle_here]),
            }
        out[name] = entry
    return out


def chain(first: str, second: str, reads: dict, times: dict) -> tuple[list, list]:
    """`second` runs only on frames `first` read nothing on: its texts and the time both took, per frame."""
    texts, spent = [], []
    for a, b, ta, tb in zip(reads[first], reads[second], times[first], times[second]):
        texts.append(a if a else b)
        spent.append(ta if a else ta + tb)
    return texts, spent


# ---- the run ----

def pin_to_one_core() -> int | None:
    """Pin to one core (the last): timings then do not depend on what the other cores are doing."""
    try:
        cpu = max(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
    except (AttributeError, OSError):
        return None
    cv2.setNumThreads(1)
    return cpu


def run(args) -> dict:
    cpu = pin_to_one_core()
    decoders, skipped = available_decoders()
    plan = frame_plan(args.per_category, args.no_code)
    print(f"{len(plan)} frames ({args.per_category} per category x {len(CATEGORIES)} categories + {args.no_code} "
          f"with no code), seed {args.seed}, decoders: {', '.join(decoders)}"
          + (f"; pinned to CPU {cpu}" if cpu is not None else ""), file=sys.stderr)
    for name, why in skipped.items():
        print(f"  skipped {name}: {why}", file=sys.stderr)

    for i in range(6):  # warm-up: first calls allocate and load; they are not what a running camera pays
        warm = make_frame(args.seed + 1, i, CATEGORIES[i], RESOLUTIONS[i % 2]).image
        for decoder in decoders.values():
            decoder(warm)

    frames, reads = [], {name: [] for name in decoders}
    times: dict[str, list[float]] = {name: [] for name in decoders}
    clock = time.perf_counter_ns
    started = time.monotonic()
    generating = 0.0
    for index, (category, size) in enumerate(plan):
        t0 = time.monotonic()
        frame = make_frame(args.seed, index, category, size)
        generating += time.monotonic() - t0
        if args.samples and index % 7 == 0:
            args.samples.mkdir(parents=True, exist_ok=True)
            cv2.imwrite(str(args.samples / f"{index:04d}-{category}-{size[0]}.jpg"), frame.image)
        frames.append({"index": index, "category": category, "size": f"{size[0]}x{size[1]}",
                       "token": frame.token, "symbol_px": frame.symbol_px})
        # Each decoder gets its own copy: none may see another's in-place work, and all start from a cold cache.
        for name, decoder in decoders.items():
            image = frame.image.copy()
            start = clock()
            found = decoder(image)
            times[name].append((clock() - start) / 1e6)
            reads[name].append(list(found))
        if (index + 1) % 100 == 0:
            print(f"  {index + 1}/{len(plan)} frames, {time.monotonic() - started:.0f} s", file=sys.stderr)

    results = summarize(frames, reads, times)
    chains = {}
    for second in ("opencv-aruco", "pyzbar+inverted", "opencv"):
        if "zxing-cpp" in decoders and second in decoders:
            name = f"zxing-cpp then {second}"
            texts, spent = chain("zxing-cpp", second, reads, times)
            chains[name] = summarize(frames, {name: texts}, {name: spent})[name]
    return {
        "benchmark": "decode", "when": utc_stamp(), "machine": machine_info(), "pinned_cpu": cpu,
        "versions": versions(), "seed": args.seed, "frames": len(plan), "per_category": args.per_category,
        "no_code_frames": args.no_code, "resolutions": [f"{w}x{h}" for w, h in RESOLUTIONS],
        "seconds": {"total": round(time.monotonic() - started, 1), "generating_frames": round(generating, 1)},
        "skipped": skipped, "decoders": results, "fallbacks": chains,
        "misses_of_zxing_cpp": [f | {"read_by": [n for n in decoders if f["token"] in reads[n][f["index"]]]}
                                for f in frames if f["token"] and f["token"] not in reads["zxing-cpp"][f["index"]]],
    }


def print_report(report: dict) -> None:
    sizes = report["resolutions"]
    every = report["decoders"] | report["fallbacks"]
    rows = []
    def pair(stats: dict, second: str) -> str:
        return f"{fmt_ms(stats['median_ms'])} / {fmt_ms(stats[second])}"

    for name, r in every.items():
        res = r["by_resolution"]
        rows.append([name, f"{r['read_pct']:.1f}", f"{r['categories']['inverted']:.0f}",
                     f"{r['categories']['small']:.0f}", r["false_reads"],
                     *[pair(res[s]["all_frames"], "p95_ms") for s in sizes],
                     *[pair(res[s]["no_code_frames"], "mean_ms") for s in sizes]])
    print(f"\nQR decoders on {report['frames']} generated frames ({report['per_category']} per category, "
          f"{report['no_code_frames']} with no code), seed {report['seed']}, one core\n")
    print(table(rows, ["decoder", "read %", "inverted %", "small %", "false reads",
                       *[f"ms {s} median / p95" for s in sizes],
                       *[f"no-code ms {s} median / mean" for s in sizes]]))
    print("\nRead % per category")
    names = list(every)
    def cell(value):
        return "-" if value is None else f"{value:.0f}"

    cat_rows = [[c, *[cell(every[n]["categories"][c]) for n in names]] for c in CATEGORIES]
    size_rows = [[f"symbol {band}", *[cell(every[n]["by_size"][band]) for n in names]]
                 for band in every[names[0]]["by_size"]]
    print(table(cat_rows + size_rows, ["category", *names]))
    if report["skipped"]:
        print("\nSkipped: " + "; ".join(f"{k}: {v}" for k, v in report["skipped"].items()))
    seconds = report["seconds"]
    print(f"\n{seconds['total']:.0f} s in all, {seconds['generating_frames']:.0f} s of it making frames")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-category", type=int, default=48, help="frames with a code per category (48)")
    parser.add_argument("--no-code", type=int, default=100, help="frames with no code (100)")
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("--quick", action="store_true", help="4 frames per category and 10 with no code")
    parser.add_argument("--samples", type=Path, help="save every 7th frame here as JPEG, to look at")
    parser.add_argument("--json", type=Path, help="where to write the results (default results/decode.json)")
    args = parser.parse_args(argv)
    if args.quick:
        args.per_category, args.no_code = 4, 10
    report = run(args)
    print_report(report)
    path = write_json(report, args.json, "decode.json")
    print(f"JSON: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
