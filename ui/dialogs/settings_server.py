"""Settings → Server: only the owner connects the till to a sync server (their PIN is checked with the sign-in logic).

Connecting registers the terminal in the background (its own SQLite connection there); `on_registered` then starts
sync, even if a scanned card closed the dialog meanwhile.
"""

from __future__ import annotations

import socket
from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.staff import StaffMember

from .. import messages
from ..i18n import fill
from ..tasks import run_in_background
from ..theme import set_role


def register_terminal(data_dir, url: str, code: str) -> dict:
    """Runs in a background thread: its own SyncClient, so its own SQLite connection there."""
    from pos_loyalty.sync.client import SyncClient  # noqa: PLC0415

    with SyncClient(data_dir, timeout=15.0, attempts=2) as client:
        return client.register(url, code, socket.gethostname() or "Terminal")


class ServerPage(QWidget):
    def __init__(self, service, staff: StaffMember | None, on_registered: Callable[[], None] | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.on_registered = on_registered
        self._result = None  # makes the result text again after a language change
        self.caption = QLabel()
        set_role(self.caption, "hint")
        self.caption.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setObjectName("serverUrl")
        self.code = QLineEdit()
        self.code.setObjectName("enrollmentCode")
        self.owner = QComboBox()
        self.owner.setObjectName("ownerName")
        owners = [row["name"] for row in service.staff_list() if row["role"] == "owner" and row["active"]]
        self.owner.addItems(owners)
        if staff is not None and staff.is_owner and staff.name in owners:
            self.owner.setCurrentText(staff.name)
        self.pin = QLineEdit()
        self.pin.setObjectName("ownerPin")
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin.returnPressed.connect(self.connect_server)
        self.connect_button = QPushButton()
        self.connect_button.setObjectName("connectServer")
        self.connect_button.setAutoDefault(False)
        self.connect_button.clicked.connect(self.connect_server)
        self.result = QLabel()
        self.result.setObjectName("serverResult")
        self.result.setWordWrap(True)
        set_role(self.result, "hint")
        form = QGridLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(12)
        self.url_label, self.code_label, self.owner_label, self.pin_label = QLabel(), QLabel(), QLabel(), QLabel()
        for row, (label, field) in enumerate(((self.url_label, self.url), (self.code_label, self.code),
                                              (self.owner_label, self.owner), (self.pin_label, self.pin))):
            label.setBuddy(field)
            form.addWidget(label, row, 0, Qt.AlignRight | Qt.AlignVCenter)
            form.addWidget(field, row, 1)
        form.setColumnStretch(1, 1)
        row = QHBoxLayout()
        row.addWidget(self.result, 1)
        row.addWidget(self.connect_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.caption)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addStretch(1)
        url = service.db.meta("sync_url")
        if url and service.db.meta("sync_token"):
            self.url.setText(url)
            self._result = ("connected", url)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Connect this till to the shop's server, so that several tills share their "
                                     "customers and the owner sees every shop."))
        self.url_label.setText(self.tr("Server address"))
        self.url.setPlaceholderText("https://loyalty.example.com")
        self.code_label.setText(self.tr("Enrollment code"))
        self.owner_label.setText(self.tr("Owner"))
        self.pin_label.setText(self.tr("Owner PIN"))
        self.connect_button.setText(self.tr("Connect"))
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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

    def _failed(self, exc: BaseException) -> None:
        self.connect_button.setEnabled(True)
        code = getattr(exc, "code", None)
        self._set_result(("failed", code, getattr(exc, "message", None) or str(exc)))

    def _set_result(self, result: tuple) -> None:
        self._result = result
        self._show_result()

    def _show_result(self) -> None:
        result = self._result
        if result is None:
            self.result.setText(self.tr("Only the owner connects this till to a server."))
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
        self.result.setText(text)
