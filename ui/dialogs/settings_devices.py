"""Settings → Camera, Scanner and Printer: this till's devices (ui/device_settings.py keeps them on this computer).

Each page applies a change at once, like the language: the window is told by signal and restarts the camera or
retunes the scanner filter, so the cashier sees the effect without closing the dialog.
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from pos_loyalty.errors import LoyaltyError

from .. import device_settings, messages
from ..i18n import fill
from ..theme import set_role

FILE = "file"  # the camera choice "a video file or a folder of pictures"


def _page(*widgets: QWidget | QHBoxLayout) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setSpacing(12)
    for widget in widgets:
        if isinstance(widget, QHBoxLayout):
            layout.addLayout(widget)
        else:
            layout.addWidget(widget)
    layout.addStretch(1)
    return layout


def _hint() -> QLabel:
    label = QLabel()
    set_role(label, "hint")
    label.setWordWrap(True)
    return label


class _Page(QWidget):
    changed = Signal(object)  # the new device_settings.Devices, saved already

    def __init__(self, devices: device_settings.Devices, parent: QWidget | None = None):
        super().__init__(parent)
        self.devices = devices

    def _save(self, **change) -> None:
        self.devices = replace(self.devices, **change)
        device_settings.save(self.devices)
        self.changed.emit(self.devices)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CameraPage(_Page):
    def __init__(self, devices: device_settings.Devices, parent: QWidget | None = None):
        super().__init__(devices, parent)
        self.caption = _hint()
        self.choice = QComboBox()
        self.choice.setObjectName("cameraChoice")
        self.path = QLineEdit()
        self.path.setObjectName("cameraPath")
        self.path.editingFinished.connect(self._path_entered)
        self.file_button, self.folder_button, self.refresh_button = QPushButton(), QPushButton(), QPushButton()
        self.file_button.clicked.connect(self._choose_file)
        self.folder_button.clicked.connect(self._choose_folder)
        self.refresh_button.clicked.connect(self.fill)
        for button in (self.file_button, self.folder_button, self.refresh_button):
            button.setAutoDefault(False)
        self.found = _hint()
        self.found.setObjectName("camerasFound")
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.choice, 1)
        choice_row.addWidget(self.refresh_button)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.file_button)
        path_row.addWidget(self.folder_button)
        self.setLayout(_page(self.caption, choice_row, self.found, path_row))
        self.fill()
        self.choice.currentIndexChanged.connect(self._chosen)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Read cards with a webcam: the preview shows on the counter screen. A USB "
                                     "scanner needs no setting here."))
        self.file_button.setText(self.tr("Video file …"))
        self.folder_button.setText(self.tr("Folder …"))
        self.refresh_button.setText(self.tr("Look again"))
        self.path.setPlaceholderText(self.tr("A video file or a folder of pictures of cards"))
        self.choice.setItemText(0, self.tr("No camera"))
        self.choice.setItemText(self.choice.count() - 1, self.tr("A video file or a folder of pictures (demo, test)"))
        for i in range(1, self.choice.count() - 1):
            number, name = self.choice.itemData(i), self._names.get(self.choice.itemData(i))
            self.choice.setItemText(i, fill(self.tr("%1 (camera %2)"), name, number) if name
                                    else fill(self.tr("Camera %1"), number))
        self._show_found()

    def fill(self) -> None:
        """List the cameras the system knows (without opening them), the saved choice selected."""
        self._names = dict(device_settings.cameras())
        numbers = list(self._names)
        saved = self.devices.camera
        if saved.isdigit() and saved not in numbers:
            numbers.append(saved)  # unplugged now: keep it choosable, it may come back
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem("", "")
        for number in numbers:
            self.choice.addItem("", number)
        self.choice.addItem("", FILE)
        is_file = bool(saved) and not saved.isdigit()
        self.choice.setCurrentIndex(self.choice.findData(FILE if is_file else saved))
        self.path.setText(saved if is_file else "")
        self.choice.blockSignals(False)
        self._show_path_row()
        self.retranslate()

    def _show_found(self) -> None:
        count = len(self._names)
        self.found.setText(self.tr("%n camera(s) found on this computer.", "", count) if count
                           else self.tr("No camera found on this computer. Plug one in and press “Look again”."))

    def _show_path_row(self) -> None:
        is_file = self.choice.currentData() == FILE
        for widget in (self.path, self.file_button, self.folder_button):
            widget.setVisible(is_file)

    def _chosen(self) -> None:
        self._show_path_row()
        data = self.choice.currentData()
        if data == FILE:
            if self.path.text().strip():
                self._path_entered()
            else:
                self.path.setFocus()
            return
        self._save(camera=data)

    def _path_entered(self) -> None:
        path = self.path.text().strip()
        if path and path != self.devices.camera:
            self._save(camera=path)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a video file"), self.path.text())
        if path:
            self.path.setText(path)
            self._path_entered()

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of pictures"), self.path.text())
        if path:
            self.path.setText(path)
            self._path_entered()


class ScannerPage(_Page):
    """The slow-scanner switch, and a test: scan a card here and see whether it came in as a scan."""

    def __init__(self, devices: device_settings.Devices, service, parent: QWidget | None = None):
        super().__init__(devices, parent)
        self.service = service
        self.caption = _hint()
        self.slow = QCheckBox()
        self.slow.setObjectName("slowScanner")
        self.slow.setChecked(devices.slow_scanner)
        self.slow.toggled.connect(lambda on: self._save(slow_scanner=on))
        self.test_caption = QLabel()
        set_role(self.test_caption, "subtitle")
        self.typed = QLineEdit()  # a scan that is not recognised arrives here as typing
        self.typed.setObjectName("scannerTest")
        self.typed.returnPressed.connect(self._typed)
        self.result = QLabel()
        self.result.setObjectName("scannerResult")
        self.result.setWordWrap(True)
        self._result = None
        self.setLayout(_page(self.caption, self.slow, self.test_caption, self.typed, self.result))
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("A USB barcode scanner types like a keyboard. The app tells a scan from "
                                     "typing by its speed, so a scan never lands in the amount field."))
        self.slow.setText(self.tr("My scanner is slow (wireless): scans are not recognised"))
        self.test_caption.setText(self.tr("Test: scan a customer's card now"))
        self.typed.setPlaceholderText(self.tr("A scan that is not recognised shows up here as typing"))
        self._show_result()

    def take_scan(self, text: str, gaps_ms: list[float]) -> None:
        """A burst the scanner filter recognised: say whose card it is, or why it is refused."""
        try:
            customer = self.service.customer(self.service.resolve(text))
            card = customer.get("name") or self.tr("Guest")
        except LoyaltyError as exc:
            card = messages.describe(exc)
        self._result = ("scan", card, len(text), median(gaps_ms) if gaps_ms else None)
        self._show_result()

    def _typed(self) -> None:
        text = self.typed.text().strip()
        self.typed.clear()
        looks_like_card = text.upper().startswith("PL1") and len(text) >= 20
        self._result = ("typed_card",) if looks_like_card else ("typed", text)
        self._show_result()

    def _show_result(self) -> None:
        result = self._result
        if result is None:
            self.result.setText("")
            return
        if result[0] == "scan":
            _, card, length, gap = result
            speed = fill(self.tr("%1 characters, %2 ms between keys"), length, f"{gap:.0f}") if gap else ""
            text = fill(self.tr("✓ Recognised as a scan: %1"), card) + (f" ({speed})" if speed else "")
        elif result[0] == "typed_card":
            text = (self.tr("✗ A card number arrived as typing, not as a scan: switch on “My scanner is slow” "
                            "and scan again.") if not self.slow.isChecked() else
                    self.tr("✗ A card number arrived as typing even in slow mode: set the scanner to send Enter "
                            "after the code (see its manual), then scan again."))
        else:
            text = fill(self.tr("Typed: %1. Scan a card to test the scanner."), result[1])
        self.result.setText(text)


class PrinterPage(_Page):
    print_blank = Signal()  # show a card without a customer, to print (a pre-printed card)

    def __init__(self, devices: device_settings.Devices, parent: QWidget | None = None):
        super().__init__(devices, parent)
        self.caption = _hint()
        self.choice = QComboBox()
        self.choice.setObjectName("printerChoice")
        self.choice.addItem("", "")
        names = device_settings.printers()
        if devices.printer and devices.printer not in names:
            names.append(devices.printer)  # offline now; keep the choice
        for name in names:
            self.choice.addItem(name, name)
        self.choice.setCurrentIndex(max(0, self.choice.findData(devices.printer)))
        self.choice.currentIndexChanged.connect(lambda _: self._save(printer=self.choice.currentData()))
        self.none_found = _hint()
        self.none_found.setVisible(len(names) == 0)
        self.blank_button = QPushButton()
        self.blank_button.setObjectName("printBlankCard")
        self.blank_button.setAutoDefault(False)
        self.blank_button.clicked.connect(self.print_blank)
        row = QHBoxLayout()
        row.addWidget(self.blank_button)
        row.addStretch(1)
        self.setLayout(_page(self.caption, self.choice, self.none_found, row))
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Customer cards print on a card-sized page (85.6 × 54 mm). With a printer "
                                     "chosen here, “Print” prints at once; otherwise the print dialog asks."))
        self.choice.setItemText(0, self.tr("Ask every time"))
        self.none_found.setText(self.tr("No printer is set up on this computer. Cards can still be saved as PDF "
                                        "(in the print dialog) or as a picture."))
        self.blank_button.setText(self.tr("Print a blank card …"))
