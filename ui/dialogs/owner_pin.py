"""The owner's PIN before the owner area opens for a cashier's session; cashiers' own PINs are refused."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty
from pos_loyalty.staff import StaffMember

from ..messages import describe
from ..theme import set_role


class OwnerPinDialog(QDialog):
    """Accepts once an owner's name and PIN check out; `owner` is then that owner."""

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.owner: StaffMember | None = None
        self.setWindowTitle(self.tr("Owner"))
        self.setMinimumWidth(520)
        heading = QLabel(self.tr("Owner PIN required"))
        set_role(heading, "title")
        hint = QLabel(self.tr("Customers and staff are managed by the owner."))
        set_role(hint, "hint")
        hint.setWordWrap(True)
        self.name = QComboBox()
        self.name.setObjectName("ownerName")
        self.name.setMinimumHeight(52)  # a touch target, like the fields
        active = [s for s in service.staff_list() if s["active"]]
        for member in sorted(active, key=lambda s: (s["role"] != "owner", s["name"].lower())):
            self.name.addItem(member["name"])
        self.pin = QLineEdit()
        self.pin.setObjectName("ownerPin")
        set_role(self.pin, "pin")
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.returnPressed.connect(self.submit)
        self.error = QLabel()
        self.error.setObjectName("ownerError")
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        ok = QPushButton(self.tr("Open"))
        ok.setObjectName("ownerOpen")
        set_role(ok, "primary")
        ok.setAutoDefault(False)
        ok.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.name)
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.pin.setFocus()

    def submit(self) -> None:
        try:
            member = self.service.sign_in(self.name.currentText(), self.pin.text())
        except LoyaltyError as exc:
            self._refuse(describe(exc))
            return
        if member.role != "owner":
            self._refuse(self.tr("Only the owner can open this. Ask the owner to enter their PIN."))
            return
        self.owner = member
        self.accept()

    def _refuse(self, text: str) -> None:
        self.pin.clear()
        self.error.setText(text)
        self.error.show()
        self.pin.setFocus()
