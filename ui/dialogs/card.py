"""A customer's card on screen: the QR large (to photograph), the typeable number, Print and Save as PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_loyalty import cards

from .. import device_settings
from ..card_print import card_printer, paint_on_printer
from ..i18n import fill
from ..messages import describe
from ..tasks import run_in_background
from ..theme import set_role

QR_PIXELS = 400


def _qr_image(token: str) -> QImage:
    image = QImage()
    image.loadFromData(cards.png_bytes(cards.qr_image(token, box=10)), "PNG")
    return image


class CardDialog(QDialog):
    """ready() once the QR is drawn; saved(path) and printed() after those jobs finish (they run in the background)."""

    ready = Signal()
    saved = Signal(str)
    printed = Signal()
    failed = Signal(str)

    def __init__(self, token: str, shop: str, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.token, self.shop, self.name = token, shop, name
        self.qr: QImage | None = None
        self.setWindowTitle(self.tr("Loyalty card"))
        heading = QLabel(name or self.tr("New card"))
        set_role(heading, "title")
        heading.setAlignment(Qt.AlignCenter)
        hint = QLabel(self.tr("The customer can photograph this code, or take it printed."))
        set_role(hint, "hint")
        hint.setAlignment(Qt.AlignCenter)
        hint.setWordWrap(True)
        self.qr_label = QLabel(self.tr("Drawing the code …"))
        self.qr_label.setObjectName("qr")
        set_role(self.qr_label, "qr")
        self.qr_label.setAlignment(Qt.AlignCenter)
        self.qr_label.setFixedSize(QR_PIXELS + 24, QR_PIXELS + 24)
        self.number = QLabel(cards.grouped(token))
        self.number.setObjectName("cardNumber")
        set_role(self.number, "metric")
        self.number.setAlignment(Qt.AlignCenter)
        self.number.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.message = QLabel()
        set_role(self.message, "hint")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignCenter)

        self.print_button = QPushButton(self.tr("Print …"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.ask_print)
        self.png_button = QPushButton(self.tr("Save as PNG …"))
        self.png_button.setObjectName("savePng")
        self.png_button.clicked.connect(self.ask_png)
        close = QPushButton(self.tr("Done"))
        close.setObjectName("close")
        set_role(close, "primary")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        for button in (self.print_button, self.png_button):
            button.setAutoDefault(False)
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.png_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.qr_label, 0, Qt.AlignHCenter)
        layout.addWidget(self.number)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        run_in_background(lambda: _qr_image(token), self._show_qr, self._fail)

    def _show_qr(self, image: QImage) -> None:
        self.qr = image
        # Whole-number, nearest-neighbour scaling: smoothing or a fractional factor would blur or unevenly size
        # the modules a phone camera needs.
        side = image.width() * max(1, QR_PIXELS // max(1, image.width()))
        if image.width() > QR_PIXELS:
            side = QR_PIXELS
        pixmap = QPixmap.fromImage(image).scaled(side, side, Qt.KeepAspectRatio, Qt.FastTransformation)
        self.qr_label.setPixmap(pixmap)
        for button in (self.print_button, self.png_button):
            button.setEnabled(True)
        self.ready.emit()

    def _fail(self, exc: BaseException) -> None:
        self.message.setText(fill(self.tr("That did not work: %1"), describe(exc)))
        self.failed.emit(str(exc))

    # ---- PNG ----

    def ask_png(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.PicturesLocation) or str(Path.home())
        suggestion = str(Path(folder) / f"card-{(self.name or 'guest').replace(' ', '-').lower()}.png")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save card as PNG"), suggestion,
                                              self.tr("PNG image (*.png)"))
        if path:
            self.save_png(path if path.lower().endswith(".png") else path + ".png")

    def save_png(self, path: str) -> None:
        token, caption = self.token, self.name or self.shop

        def work() -> str:
            cards.card_image(token, caption).save(path, "PNG")
            return path

        self.message.setText(self.tr("Saving …"))
        run_in_background(work, self._saved, self._fail)

    def _saved(self, path: str) -> None:
        self.message.setText(fill(self.tr("Saved: %1"), path))
        self.saved.emit(path)

    # ---- print ----

    def ask_print(self) -> None:
        """On the printer chosen in Settings at once; with none chosen (or it is gone), the print dialog asks."""
        printer = card_printer()
        chosen = device_settings.load().printer
        if chosen and chosen in device_settings.printers():
            printer.setPrinterName(chosen)
            self.print_card(printer)
            return
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print card"))
        dialog.accepted.connect(lambda: self.print_card(printer))
        dialog.open()
        self._print_dialog = dialog  # keep it alive while open

    def print_card(self, printer: QPrinter) -> None:
        """Paint the card on the printer in a worker (QPainter on a QPrinter is thread-safe; spooling can block)."""
        qr, token, shop, name = self.qr, self.token, self.shop, self.name
        self.message.setText(self.tr("Printing …"))
        run_in_background(lambda: paint_on_printer(printer, qr, token, shop, name), self._printed, self._fail)

    def _printed(self, _result=None) -> None:
        self.message.setText(self.tr("Sent to the printer."))
        self.printed.emit()
