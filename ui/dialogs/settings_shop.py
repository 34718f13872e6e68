"""Settings → Shop: the name and contact details printed on cards and used in messages (the owner's to change),
and the facts support asks for: program version, currency, time zone, this till's id, the data folder."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.staff import StaffMember

from .. import messages
from ..i18n import fill
from ..theme import set_role

FIELDS = ("name", "address", "phone", "email", "website")  # the order on screen


class ShopPage(QWidget):
    saved = Signal()

    def __init__(self, service, staff: StaffMember | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.staff = service, staff
        details = service.shop_details()
        self.fields = {key: QLineEdit(details[key]) for key in ("name", "phone", "email", "website")}
        self.address = QPlainTextEdit(details["address"])
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fields["name"].sizeHint().height() * 2 + 8)
        self.labels = {key: QLabel() for key in FIELDS}
        form = QGridLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(12)
        for row, key in enumerate(FIELDS):
            field = self.address if key == "address" else self.fields[key]
            field.setObjectName(f"shop-{key}")
            self.labels[key].setBuddy(field)
            form.addWidget(self.labels[key], row, 0, Qt.AlignRight | Qt.AlignVCenter)
            form.addWidget(field, row, 1)
        form.setColumnStretch(1, 1)
        editable = staff is not None and staff.is_owner
        for widget in (*self.fields.values(), self.address):
            widget.setReadOnly(not editable)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveShop")
        set_role(self.save_button, "primary")
        self.save_button.setAutoDefault(False)
        self.save_button.setVisible(editable)
        self.save_button.clicked.connect(self.save)
        self.result = QLabel()
        self.result.setObjectName("shopResult")
        self.result.setWordWrap(True)
        set_role(self.result, "hint")
        row = QHBoxLayout()
        row.addWidget(self.result, 1)
        row.addWidget(self.save_button)
        self.facts_caption = QLabel()
        set_role(self.facts_caption, "subtitle")
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(14)
        self._done = False
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.facts_caption)
        layout.addLayout(self.facts)
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
        self.facts_caption.setText(self.tr("About this till"))
        self._show_facts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_facts(self) -> None:
        while self.facts.count():
            self.facts.takeAt(0).widget().deleteLater()
        try:
            program = self.service.program
            program_text = fill(self.tr("%1 (version %2)"), program.name, self.service.program_version)
            currency, zone = program.currency, str(program.timezone)
        except LoyaltyError as exc:
            program_text, currency, zone = messages.describe(exc), "—", "—"
        facts = ((self.tr("Program"), program_text), (self.tr("Currency"), currency), (self.tr("Time zone"), zone),
                 (self.tr("Till"), self.service.db.meta("terminal_id") or ""),
                 (self.tr("Data folder"), str(self.service.data_dir)))
        for row, (name, value) in enumerate(facts):
            label, text = QLabel(name), QLabel(value)
            set_role(label, "hint")
            text.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.facts.addWidget(label, row, 0)
            self.facts.addWidget(text, row, 1)
        self.facts.setColumnStretch(1, 1)

    def save(self) -> None:
        values = {key: field.text() for key, field in self.fields.items()} | {"address": self.address.toPlainText()}
        try:
            self.service.set_shop_details(self.staff, **values)
        except LoyaltyError as exc:
            self.result.setText(messages.describe(exc))
            return
        self._done = True
        self.retranslate()
        self.saved.emit()
