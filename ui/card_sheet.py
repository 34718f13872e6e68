"""Many cards on A4 sheets as a PDF (ten a page, with cut lines): the new cards of an import, printed at once."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from pos_loyalty import cards

from .card_print import CARD_MM, paint_card

COLUMNS, ROWS = 2, 5  # 2 x 85.6 mm and 5 x 54 mm fit A4 (210 x 297 mm) with room for margins
DPI = 300


def qr_image(token: str) -> QImage:
    """Four pixels a module: crisp at 300 dpi without making a 10,000-card PDF heavy."""
    return QImage.fromData(cards.png_bytes(cards.qr_image(token, box=4)), "PNG")


def write_pdf(path: str | Path, people: Sequence[tuple[str, str]], shop: str,
              progress: Callable[[int, int], None] | None = None) -> Path:
    """(card, name) pairs as printable cards; progress(done, total) now and then (it may raise to stop)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(shop)
    dots = DPI / 25.4
    width, height = CARD_MM.width() * dots, CARD_MM.height() * dots
    left = (210 * dots - COLUMNS * width) / 2
    top = (297 * dots - ROWS * height) / 2
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{path} cannot be written.")
    try:
        for index, (token, name) in enumerate(people):
            if progress and index % 20 == 0:
                progress(index, len(people))
            place = index % (COLUMNS * ROWS)
            if index and place == 0:
                writer.newPage()
            card = QRectF(left + place % COLUMNS * width, top + place // COLUMNS * height, width, height)
            paint_card(painter, card, qr_image(token), token, shop, name)
            painter.setPen(QPen(Qt.lightGray, 1, Qt.DashLine))  # where to cut
            painter.drawRect(card)
    finally:
        painter.end()
    if progress:
        progress(len(people), len(people))
    return Path(path)
