"""New customer: every field optional (a card alone is fine); a referrer's card can be scanned into the form."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty
from pos_loyalty.staff import StaffMember

from ..messages import describe
from .parts import button_row, error_label, form_grid
from ..theme import set_role

_DOTTED = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")


def iso_birthday(text: str) -> str:
    """'23.4.1990' (as Germans write it) -> '1990-04-23'; anything else is left for the service to judge."""
    match = _DOTTED.match(text or "")
    return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}" if match else (text or "").strip()


class EnrollDialog(QDialog):
    """Books the enrollment itself (so errors stay in the form); then emits enrolled(customer_id, token, name)."""

    enrolled = Signal(str, str, str)

    def __init__(self, service: Loyalty, staff: StaffMember, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.staff = service, staff
        self.result_: tuple[str, str] | None = None
        self.setWindowTitle(self.tr("New customer"))
        self.setMinimumWidth(680)
        heading = QLabel(self.tr("New customer"))
        set_role(heading, "title")
        note = QLabel(self.tr("Every field is optional: a card alone collects stamps and points."))
        set_role(note, "hint")
        note.setWordWrap(True)

        self.name, self.email, self.phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.birthday, self.referred_by = QLineEdit(), QLineEdit()
        self.email.setPlaceholderText("name@example.org")
        self.phone.setPlaceholderText("+49 151 1234567")
        self.birthday.setPlaceholderText(self.tr("YYYY-MM-DD or DD.MM.YYYY"))
        self.referred_by.setPlaceholderText(self.tr("Scan or type the friend's card"))
        self.consent = QCheckBox(self.tr("Agrees to receive offers by email"))
        form = form_grid(((self.tr("Name"), self.name, "name"), (self.tr("Email"), self.email, "email"),
                          (self.tr("Phone"), self.phone, "phone"), (self.tr("Birthday"), self.birthday, "birthday"),
                          (self.tr("Referred by"), self.referred_by, "referredBy")), below=self.consent)

        self.error = error_label()
        self.error.setObjectName("enrollError")
        buttons, self.ok_button = button_row(self, self.tr("Enroll and show card"), self.tr("Cancel"), "enroll",
                                             self.submit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.name.setFocus()

    def on_code_scanned(self, text: str) -> None:
        """A card read while the form is open is the referrer's (the counter routes scans here)."""
        self.referred_by.setText(text.strip())
        self.referred_by.setFocus()

    def submit(self) -> None:
        referrer = self.referred_by.text().replace(" ", "").strip() or None
        try:
            customer_id, token, _ = self.service.enroll(
                self.staff, name=self.name.text(), email=self.email.text(), phone=self.phone.text(),
                birthday=iso_birthday(self.birthday.text()), consent_email=self.consent.isChecked(),
                referred_by=referrer)
        except LoyaltyError as exc:
            self.error.setText(describe(exc))
            self.error.show()
            return
        self.result_ = (customer_id, token)
        self.accept()
        self.enrolled.emit(customer_id, token, self.name.text().strip())
