"""Edit a customer's details (name, email, phone, birthday, email consent); saves through the service."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty

from .. import i18n
from ..messages import describe
from .parts import button_row, error_label, form_grid
from ..theme import set_role
from .enroll import iso_birthday


def _shown_birthday(iso: str | None) -> str:
    """As the cashier would type it: 23.04.1990 in German (iso_birthday reads it back), 1990-04-23 otherwise."""
    if not iso:
        return ""
    return f"{iso[8:10]}.{iso[5:7]}.{iso[:4]}" if i18n.language() == "de" else iso


class CustomerEditDialog(QDialog):
    """Saves on OK (errors stay in the form) and accepts."""

    def __init__(self, service: Loyalty, customer_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.customer_id = service, customer_id
        customer = service.customer(customer_id)
        self.setWindowTitle(self.tr("Edit customer"))
        self.setMinimumWidth(680)
        heading = QLabel(self.tr("Edit customer"))
        set_role(heading, "title")
        self.name, self.email, self.phone, self.birthday = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.name.setText(customer.get("name") or "")
        self.email.setText(customer.get("email") or "")
        self.phone.setText(customer.get("phone") or "")
        self.birthday.setText(_shown_birthday(customer.get("birthday")))
        self.email.setPlaceholderText("name@example.org")
        self.phone.setPlaceholderText("+49 151 1234567")
        self.birthday.setPlaceholderText(self.tr("YYYY-MM-DD or DD.MM.YYYY"))
        self.consent = QCheckBox(self.tr("Agrees to receive offers by email"))
        self.consent.setChecked(bool(customer.get("consent_email")))
        form = form_grid(((self.tr("Name"), self.name, "name"), (self.tr("Email"), self.email, "email"),
                          (self.tr("Phone"), self.phone, "phone"), (self.tr("Birthday"), self.birthday, "birthday")),
                         below=self.consent)

        self.error = error_label()
        buttons, self.ok_button = button_row(self, self.tr("Save"), self.tr("Cancel"), "save", self.submit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.name.setFocus()

    def submit(self) -> None:
        try:
            self.service.update_customer(self.customer_id, name=self.name.text(), email=self.email.text(),
                                         phone=self.phone.text(), birthday=iso_birthday(self.birthday.text()),
                                         consent_email=self.consent.isChecked())
        except LoyaltyError as exc:
            self.error.setText(describe(exc))
            self.error.show()
            return
        self.accept()
