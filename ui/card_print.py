"""Paints a loyalty card (QR, shop, name, typeable number) onto any device: a card-sized printer page or an image."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from pos_loyalty.cards import grouped

from . import theme

CARD_MM = QSizeF(85.6, 53.98)  # ISO/IEC 7810 ID-1, the size of a bank card


def card_page() -> QPageLayout:
    size = QPageSize(CARD_MM, QPageSize.Millimeter, "ID-1 card", QPageSize.ExactMatch)
    return QPageLayout(size, QPageLayout.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Millimeter)


def card_printer(printer: QPrinter | None = None) -> QPrinter:
    """A high-resolution printer set to a card-sized page (the dialog may still change it)."""
    printer = printer or QPrinter(QPrinter.HighResolution)
    printer.setPageLayout(card_page())
    printer.setFullPage(True)
    printer.setDocName("loyalty-card")
    return printer


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont(theme.FAMILY)
    font.setBold(bold)
    font.setPixelSize(max(1, round(pixels)))
    return font


def _fitting(painter: QPainter, texts: list[str], width: float, pixels: float, bold: bool = False) -> QFont:
    """The largest font (up to `pixels`) at which every one of `texts` fits `width`.

    Measured with the painter's own fontMetrics: with QPrinter.HighResolution the device has ~1200 dpi and any
    fixed rectangle would clip the text.
    """
    while True:
        font = _font(pixels, bold)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        if all(metrics.horizontalAdvance(t) <= width for t in texts) or pixels <= 4:
            return font
        pixels *= 0.92


def paint_card(painter: QPainter, page: QRectF, qr: QImage, token: str, shop: str, name: str = "") -> None:
    margin = page.height() * 0.06
    side = page.height() - 2 * margin
    painter.fillRect(page, Qt.white)
    painter.setRenderHint(QPainter.SmoothPixmapTransform, False)  # keep the QR modules crisp
    painter.drawImage(QRectF(page.left() + margin, page.top() + margin, side, side), qr)
    left = page.left() + margin + side
    width = page.right() - margin - left
    groups = grouped(token).split(" ")
    number = [" ".join(groups[i:i + 2]) for i in range(0, len(groups), 2)]  # typeable, two groups a line
    blocks = [(_fitting(painter, [shop], width, page.height() * 0.12, True), [shop] if shop else [], 1.5),
              (_fitting(painter, [name], width, page.height() * 0.085), [name] if name else [], 1.6),
              (_fitting(painter, number, width, page.height() * 0.075), number, 1.0)]
    lines = []
    for font, texts, gap_after in blocks:
        painter.setFont(font)
        height = painter.fontMetrics().height()
        lines += [(font, text, height) for text in texts]
        if texts:
            lines[-1] = (font, texts[-1], height * gap_after)
    y = page.top() + (page.height() - sum(h for _, _, h in lines)) / 2  # the text block centred beside the QR
    painter.setPen(Qt.black)
    for font, text, advance in lines:
        painter.setFont(font)
        height = painter.fontMetrics().height()
        painter.drawText(QRectF(left, y, width, height), Qt.AlignLeft | Qt.AlignVCenter, text)
        y += advance


def paint_on_printer(printer: QPrinter, qr: QImage, token: str, shop: str, name: str = "") -> None:
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("CardPrint", "The printer could not be opened."))
    try:
        page = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        paint_card(painter, QRectF(0, 0, page.width(), page.height()), qr, token, shop, name)
    finally:
        painter.end()
