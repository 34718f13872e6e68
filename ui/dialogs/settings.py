"""Settings: the language, which anyone at the till may change without the owner PIN, and the sync server,
which only the owner connects (their PIN is checked with the sign-in logic).

A language applies at once (the window retranslates itself in place) and is kept with QSettings for the next start.
Connecting registers the terminal in the background (its own SQLite connection there); `registered` then starts sync.
"""

from __future__ import annotations

import os
import socket

from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.staff import StaffMember

from .. import i18n, messages
from ..i18n import fill
from ..tasks import run_in_background
from ..theme import set_role


def register_terminal(data_dir, url: str, code: str) -> dict:
    """Runs in a background thread: its own SyncClient, so its own SQLite connection there."""
    from pos_loyalty.sync.client import SyncClient  # noqa: PLC0415

    with SyncClient(data_dir, timeout=15.0, attempts=2) as client:
        return client.register(url, code, socket.gethostname() or "Terminal")


class SettingsDialog(QDialog):
    """language_chosen(code) after a language button is pressed and the language is installed."""

    language_chosen = Signal(str)
    registered = Signal()  # the terminal was connected to a sync server

    def __init__(self, parent: QWidget | None = None, service=None, staff: StaffMember | None = None,
                 on_registered: Callable[[], None] | None = None):
        super().__init__(parent)
        self.service, self.staff = service, staff
        self.on_registered = on_registered  # called even if the dialog is gone by then (a scan closes it)
        self._server_result = None  # makes the result text again after a language change
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(560)
        self.heading = QLabel()
        set_role(self.heading, "title")
        self.language_caption = QLabel()
        set_role(self.language_caption, "subtitle")
        self.language_buttons: dict[str, QPushButton] = {}
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
            self.language_buttons[code] = button
        self.hint = QLabel()
        set_role(self.hint, "hint")
        self.hint.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeSettings")
        set_role(self.close_button, "primary")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        server = self._server_section() if service is not None else None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(16)
        layout.addWidget(self.heading)
        layout.addWidget(self.language_caption)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        if server is not None:
            layout.addSpacing(8)
            layout.addLayout(server)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.heading.setText(self.tr("Settings"))
        self.language_caption.setText(self.tr("Language"))
        forced = i18n.supported(os.environ.get(i18n.ENV))
        if forced:
            text = fill(self.tr("Applies at once. %1=%2 is set, so the app starts in %3."), i18n.ENV,
                        os.environ[i18n.ENV], i18n.LANGUAGES[forced])
        else:
            text = self.tr("Applies at once and is kept for the next start.")
        self.hint.setText(text)
        self.close_button.setText(self.tr("Close"))
        if self.service is not None:
            self.server_caption.setText(self.tr("Server"))
            self.url_label.setText(self.tr("Server address"))
            self.url.setPlaceholderText("https://loyalty.example.com")
            self.code_label.setText(self.tr("Enrollment code"))
            self.owner_label.setText(self.tr("Owner"))
            self.pin_label.setText(self.tr("Owner PIN"))
            self.connect_button.setText(self.tr("Connect"))
            self._show_server_result()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def choose(self, code: str) -> None:
        self.language_buttons[code].setChecked(True)
        i18n.save_language(code)
        i18n.install(code)
        self.language_chosen.emit(code)

    # ---- the sync server (owner only) ----

    def _server_section(self) -> QVBoxLayout:
        self.server_caption = QLabel()
        set_role(self.server_caption, "subtitle")
        self.url = QLineEdit()
        self.url.setObjectName("serverUrl")
        self.code = QLineEdit()
        self.code.setObjectName("enrollmentCode")
        self.owner = QComboBox()
        self.owner.setObjectName("ownerName")
        owners = [row["name"] for row in self.service.staff_list() if row["role"] == "owner" and row["active"]]
        self.owner.addItems(owners)
        if self.staff is not None and self.staff.is_owner and self.staff.name in owners:
            self.owner.setCurrentText(self.staff.name)
        self.pin = QLineEdit()
        self.pin.setObjectName("ownerPin")
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin.returnPressed.connect(self.connect_server)
        self.connect_button = QPushButton()
        self.connect_button.setObjectName("connectServer")
        self.connect_button.setAutoDefault(False)
        self.connect_button.clicked.connect(self.connect_server)
        self.server_result = QLabel()
        self.server_result.setObjectName("serverResult")
        self.server_result.setWordWrap(True)
        set_role(self.server_result, "hint")
        form = QFormLayout()
        self.url_label, self.code_label, self.owner_label, self.pin_label = QLabel(), QLabel(), QLabel(), QLabel()
        form.addRow(self.url_label, self.url)
        form.addRow(self.code_label, self.code)
        form.addRow(self.owner_label, self.owner)
        form.addRow(self.pin_label, self.pin)
        row = QHBoxLayout()
        row.addWidget(self.server_result, 1)
        row.addWidget(self.connect_button)
        section = QVBoxLayout()
        section.setSpacing(10)
        section.addWidget(self.server_caption)
        section.addLayout(form)
        section.addLayout(row)
        url = self.service.db.meta("sync_url")
        if url and self.service.db.meta("sync_token"):
            self.url.setText(url)
            self._server_result = ("connected", url)
        return section

    def connect_server(self) -> None:
        """Check the owner's PIN here (local), then register in the background; the answer comes back by callback."""
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url or not code:
            self._set_result(("missing",))
            return
        try:
            member = self.service.sign_in(self.owner.currentText(), self.pin.text())
        except LoyaltyError as exc:
            self.pin.clear()
            self._set_result(("pin", exc))
            return
        self.pin.clear()
        if not member.is_owner:
            self._set_result(("not_owner",))
            return
        self.connect_button.setEnabled(False)
        self._set_result(("busy",))
        data_dir = self.service.data_dir
        started = self.on_registered

        def connected(answer: dict) -> None:
            if started is not None:
                started()
            if shiboken6.isValid(self):
                self._connected(answer)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._failed(exc)

        run_in_background(lambda: register_terminal(data_dir, url, code), connected, failed)

    def _connected(self, answer: dict) -> None:
        self.connect_button.setEnabled(True)
        self.code.clear()
        self._set_result(("ok", answer.get("shop") or "", answer.get("tenant") or ""))
        self.registered.emit()

    def _failed(self, exc: BaseException) -> None:
        self.connect_button.setEnabled(True)
        code = getattr(exc, "code", None)
        self._set_result(("failed", code, getattr(exc, "message", None) or str(exc)))

    def _set_result(self, result: tuple) -> None:
        self._server_result = result
        self._show_server_result()

    def _show_server_result(self) -> None:
        result = self._server_result
        if result is None:
            self.server_result.setText(self.tr("Only the owner connects this till to a server."))
            return
        kind = result[0]
        if kind == "connected":
            text = fill(self.tr("Connected to %1."), result[1])
        elif kind == "missing":
            text = self.tr("Enter the server address and the enrollment code.")
        elif kind == "pin":
            text = messages.describe(result[1])
        elif kind == "not_owner":
            text = self.tr("Only the owner can connect the till to a server.")
        elif kind == "busy":
            text = self.tr("Connecting…")
        elif kind == "ok":
            text = fill(self.tr("Connected: shop %1 (%2). Sync starts now."), result[1], result[2])
        else:
            code, message = result[1], result[2]
            if code == "bad_url":
                text = self.tr("That is not a server address. Write it like https://loyalty.example.com.")
            elif code == "offline":
                text = self.tr("The server cannot be reached. Check the address and the network.")
            elif code == "bad_code":
                text = self.tr("This enrollment code is unknown, already used or expired. Ask for a new one.")
            else:
                text = fill(self.tr("Could not connect: %1"), message)
        self.server_result.setText(text)
