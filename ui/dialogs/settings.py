"""Settings, as pages: General (the language, and facts about this till), Camera, Scanner and Printer (this till's,
anyone at the till may change them), Shop (the owner's) and Server (only the owner connects, with their PIN).

Every change applies at once – a language retranslates the window in place, a camera starts reading – and is kept
for the next start (QSettings for this computer's choices, the database for the shop's details).
"""

from __future__ import annotations

import os
from typing import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.staff import StaffMember

from .. import device_settings, i18n, messages
from ..i18n import fill
from ..theme import set_role
from .settings_devices import CameraPage, PrinterPage, ScannerPage
from .settings_server import ServerPage
from .settings_shop import ShopPage


class GeneralPage(QWidget):
    """The language, and what support asks for: program version, currency, time zone, this till, the data folder."""

    chosen = Signal(str)

    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.caption = QLabel()
        set_role(self.caption, "subtitle")
        self.buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(14)
        for code, name in i18n.LANGUAGES.items():
            button = QPushButton(name)  # each language named in itself, whatever the UI speaks now
            button.setObjectName(f"language-{code}")
            set_role(button, "staff")  # the look of the sign-in names: big, and filled when checked
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setChecked(code == i18n.language())
            button.clicked.connect(lambda _=False, c=code: self.choose(c))
            group.addButton(button)
            row.addWidget(button, 1)
            self.buttons[code] = button
        self.hint = QLabel()
        set_role(self.hint, "hint")
        self.hint.setWordWrap(True)
        self.facts_caption = QLabel()
        set_role(self.facts_caption, "subtitle")
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(14)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self.caption)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addSpacing(8)
        layout.addWidget(self.facts_caption)
        layout.addLayout(self.facts)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("The language of this till"))
        forced = i18n.supported(os.environ.get(i18n.ENV))
        if forced:
            text = fill(self.tr("Applies at once. %1=%2 is set, so the app starts in %3."), i18n.ENV,
                        os.environ[i18n.ENV], i18n.LANGUAGES[forced])
        else:
            text = self.tr("Applies at once and is kept for the next start.")
        self.hint.setText(text)
        self.facts_caption.setText(self.tr("About this till"))
        self._show_facts()

    def _show_facts(self) -> None:
        while self.facts.count():
            self.facts.takeAt(0).widget().deleteLater()
        try:
            program = self.service.program
            program_text = fill(self.tr("%1 (version %2)"), program.name, self.service.program_version)
            currency, zone = program.currency, program.timezone
        except LoyaltyError as exc:
            program_text, currency, zone = messages.describe(exc), "—", "—"
        facts = ((self.tr("Program"), program_text), (self.tr("Currency"), currency), (self.tr("Time zone"), zone),
                 (self.tr("Till"), self.service.db.meta("terminal_id") or ""),
                 (self.tr("Data folder"), str(self.service.data_dir)))
        for row, (name, value) in enumerate(facts):
            label, text = QLabel(name), QLabel(value)
            set_role(label, "hint")
            text.setTextInteractionFlags(Qt.TextSelectableByMouse)  # to read out or paste to support
            self.facts.addWidget(label, row, 0)
            self.facts.addWidget(text, row, 1)
        self.facts.setColumnStretch(1, 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def choose(self, code: str) -> None:
        self.buttons[code].setChecked(True)
        i18n.save_language(code)
        i18n.install(code)
        self.chosen.emit(code)


class SettingsDialog(QDialog):
    """Pages in tabs; `devices_changed(Devices)`, `shop_saved` and `registered` tell the window what to apply."""

    language_chosen = Signal(str)
    devices_changed = Signal(object)
    shop_saved = Signal()
    print_blank = Signal()

    def __init__(self, parent: QWidget | None = None, service=None, staff: StaffMember | None = None,
                 on_registered: Callable[[], None] | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setMinimumSize(860, 700)
        self.heading = QLabel()
        set_role(self.heading, "title")
        devices = device_settings.load()
        self.general = GeneralPage(service)
        self.general.chosen.connect(self.language_chosen)
        self.camera = CameraPage(devices)
        self.scanner = ScannerPage(devices, service)
        self.printer = PrinterPage(devices)
        for page in (self.camera, self.scanner, self.printer):
            page.changed.connect(self._devices_changed)
        self.printer.print_blank.connect(self.print_blank)
        self.shop = ShopPage(service, staff)
        self.shop.saved.connect(self.shop_saved)
        self.server = ServerPage(service, staff, on_registered)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        for page in (self.general, self.camera, self.scanner, self.printer, self.shop, self.server):
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(self._page_shown)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeSettings")
        set_role(self.close_button, "primary")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(16)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.heading.setText(self.tr("Settings"))
        for index, text in enumerate((self.tr("General"), self.tr("Camera"), self.tr("Scanner"), self.tr("Printer"),
                                      self.tr("Shop"), self.tr("Server"))):
            self.tabs.setTabText(index, text)
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _devices_changed(self, devices: device_settings.Devices) -> None:
        for page in (self.camera, self.scanner, self.printer):  # each page edits its part of the same record
            page.devices = devices
        self.devices_changed.emit(devices)

    def _page_shown(self) -> None:
        if self.tabs.currentWidget() is self.scanner:
            self.scanner.typed.setFocus()  # ready for the test scan, and where a slow scanner's typing lands

    def wants_scans(self) -> bool:
        """While the Scanner page is open, a scan is the test's, not the counter's."""
        return self.isVisible() and self.tabs.currentWidget() is self.scanner
