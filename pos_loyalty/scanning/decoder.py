"""Frame -> list of QR texts, with zxing-cpp: the most reads and no system library (see benchmarks/)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import zxingcpp
from PIL import Image, UnidentifiedImageError

from ..errors import LoyaltyError

# QRCodeModel2 only: the whole QR family also matches Micro QR and rMQR, which misread clutter as short numbers.
_FORMATS = zxingcpp.BarcodeFormat.QRCodeModel2


def decode(frame: np.ndarray | Image.Image) -> list[str]:
    """Texts of the QR codes in a grayscale or BGR frame (or a PIL image), in reading order."""
    return [result.text for result in zxingcpp.read_barcodes(frame, formats=_FORMATS) if result.text]


def decode_file(path: str | Path) -> list[str]:
    try:
        with Image.open(path) as image:
            image.load()
            return decode(image.convert("L"))
    except FileNotFoundError:
        raise LoyaltyError(f"{path}: no such file", code="not_found") from None
    except (UnidentifiedImageError, OSError) as exc:
        raise LoyaltyError(f"{path}: not an image ({exc})", code="bad_image") from None
