"""Settings → Shop: the name and contact details printed on cards and used in messages (the owner's to change)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.staff import StaffMember

from .. import messages
from ..theme import set_role

FIELDS = ("name", "address", "phone", "email", "website")  # the order on screen


class ShopPage(QWidget):
    saved = Signal()

    def __init__(self, service, staff: StaffMember | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.staff = service, staff
        details = service.shop_details()
        self.fields = {key: QLineEdit(details[key]) for key in FIELDS}
        self.labels = {key: QLabel() for key in FIELDS}
        form = QGridLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(12)
        for row, key in enumerate(FIELDS):
            field = self.fields[key]
            field.setObjectName(f"shop-{key}")
            self.labels[key].setBuddy(field)
            form.addWidget(self.labels[key], row, 0, Qt.AlignRight | Qt.AlignVCenter)
            form.addWidget(field, row, 1)
        form.setColumnStretch(1, 1)
        editable = staff is not None and staff.is_owner
        for widget in self.fields.values():
            widget.setReadOnly(not editable)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveShop")
        set_role(self.save_button, "primary")
        self.save_button.setAutoDefault(False)
        self.save_button.setVisible(editable)
        self.save_button.clicked.connect(self.save)
        self._done = False
        self.result = QLabel()
        self.result.setObjectName("shopResult")
        self.result.setWordWrap(True)
        set_role(self.result, "hint")
        row = QHBoxLayout()
        row.addWidget(self.result, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        for key, text in (("name", self.tr("Shop name")), ("address", self.tr("Address")),
                          ("phone", self.tr("Phone")), ("email", self.tr("Email")), ("website", self.tr("Website"))):
            self.labels[key].setText(text)
        self.save_button.setText(self.tr("Save"))
        if self._done:
            self.result.setText(self.tr("Saved. New cards and messages use these details."))
        elif self.staff is None or not self.staff.is_owner:
            self.result.setText(self.tr("Only the owner changes these: sign in as the owner."))
        else:
            self.result.setText(self.tr("On printed cards and in messages to customers."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> None:
        values = {key: field.text() for key, field in self.fields.items()}
        try:
            self.service.set_shop_details(self.staff, **values)
        except LoyaltyError as exc:
            self.result.setText(messages.describe(exc))
            return
        self._done = True
        self.retranslate()
        self.saved.emit()
