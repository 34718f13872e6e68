"""Where the cashier books: the amount (Enter books it), optional items, the error next to the field."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.money import parse_amount
from pos_loyalty.program import Program
from pos_loyalty.rules import Item

from ..theme import set_role


def parse_items(text: str, currency: str) -> list[Item]:
    """'BIO-BREAD:4.20, ROLL' -> items; a price is optional and counts towards the amount paid."""
    items = []
    for part in (p.strip() for p in re.split(r"[,;\n]", text or "")):
        if not part:
            continue
        sku, _, price = part.partition(":")
        sku = sku.strip().upper()
        if not sku or " " in sku:
            raise LoyaltyError(f"'{part}' is not an item: write a code, optionally with a price (BIO-BREAD:4.20).",
                               code="bad_items")
        items.append(Item(sku, parse_amount(price, currency) if price.strip() else None))
    return items


class BookingBar(QFrame):
    """Emits book(amount_minor, items) when the input is valid; otherwise shows why and books nothing."""

    book = Signal(int, list)
    done = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, "panel")
        self.currency = "EUR"
        caption = QLabel(self.tr("Amount paid"))
        set_role(caption, "subtitle")
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        set_role(self.amount, "amount")
        self.amount.setPlaceholderText(self.tr("e.g. 12.50"))
        self.amount.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.amount.returnPressed.connect(self.submit)
        self.currency_label = QLabel()
        set_role(self.currency_label, "metric")
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.currency_label)

        items_caption = QLabel(self.tr("Items (optional)"))
        set_role(items_caption, "hint")
        self.items = QLineEdit()
        self.items.setObjectName("items")
        self.items.setPlaceholderText(self.tr("CODE:PRICE, CODE …"))
        self.items.returnPressed.connect(self.submit)

        self.error = QLabel()
        self.error.setObjectName("bookingError")
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()

        self.book_button = QPushButton(self.tr("Book  (Enter)"))
        self.book_button.setObjectName("book")
        set_role(self.book_button, "primary")
        self.book_button.setMinimumHeight(72)
        self.book_button.clicked.connect(self.submit)
        self.done_button = QPushButton(self.tr("Next customer  (Esc)"))
        self.done_button.setObjectName("done")
        self.done_button.clicked.connect(self.done)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(caption)
        layout.addLayout(amount_row)
        layout.addWidget(self.error)
        layout.addWidget(items_caption)
        layout.addWidget(self.items)
        layout.addSpacing(8)
        layout.addWidget(self.book_button)
        layout.addStretch(1)
        layout.addWidget(self.done_button)

    def set_program(self, program: Program | None) -> None:
        self.currency = program.currency if program else "EUR"
        self.currency_label.setText(self.currency)

    def submit(self) -> None:
        try:
            amount = parse_amount(self.amount.text(), self.currency)
        except LoyaltyError as exc:
            self.show_error(exc.message, self.amount)
            return
        try:
            items = parse_items(self.items.text(), self.currency)
        except LoyaltyError as exc:
            self.show_error(exc.message, self.items)
            return
        self.clear_error()
        self.book.emit(amount, items)

    def show_error(self, text: str, field: QLineEdit | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        field = field or self.amount
        set_role(field, "true", "invalid")
        field.setFocus()
        field.selectAll()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        for field in (self.amount, self.items):
            set_role(field, "false", "invalid")

    def reset(self) -> None:
        self.amount.clear()
        self.items.clear()
        self.clear_error()

    def focus(self) -> None:
        self.amount.setFocus(Qt.OtherFocusReason)
