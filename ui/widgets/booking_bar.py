"""Where the cashier books: the amount (Enter books it), optional items, the error next to the field."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.money import parse_amount
from pos_loyalty.program import Program
from pos_loyalty.rules import Item

from .. import i18n
from ..messages import describe
from ..theme import set_role


def parse_items(text: str, currency: str) -> list[Item]:
    """'BIO-BREAD:4.20, ROLL' -> items; a price is optional and counts towards the amount paid.

    A decimal comma is a comma too: 'BIO-BROT:4,20, ROLL' is two items, the first for 4.20.
    """
    items = []
    for part in (p.strip() for p in _split_items(text)):
        if not part:
            continue
        sku, _, price = part.partition(":")
        sku = sku.strip().upper()
        if not sku or " " in sku:
            raise LoyaltyError(f"'{part}' is not an item: write a code, optionally with a price (BIO-BREAD:4.20).",
                               code="bad_items")
        items.append(Item(sku, parse_amount(price, currency) if price.strip() else None))
    return items


def _split_items(text: str) -> list[str]:
    parts: list[str] = []
    for piece in re.split(r"[,;\n]", text or ""):
        if parts and re.fullmatch(r"\d{1,2}", piece) and re.search(r":\s*\d+$", parts[-1]):
            parts[-1] += "," + piece  # the cents after a decimal comma, as in 4,20
        else:
            parts.append(piece)
    return parts


class BookingBar(QFrame):
    """Emits book(amount_minor, items) when the input is valid; otherwise shows why and books nothing."""

    book = Signal(int, list)
    done = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, "panel")
        self.currency = "EUR"
        self.program: Program | None = None
        self._error: LoyaltyError | None = None  # shown in the current language, again after a switch
        self.caption = caption = QLabel()
        set_role(caption, "subtitle")
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        set_role(self.amount, "amount")
        self.amount.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.amount.returnPressed.connect(self.submit)
        self.currency_label = QLabel()
        set_role(self.currency_label, "metric")
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.currency_label)

        self.items_caption = items_caption = QLabel()
        set_role(items_caption, "hint")
        self.items = QLineEdit()
        self.items.setObjectName("items")
        self.items.returnPressed.connect(self.submit)

        self.error = QLabel()
        self.error.setObjectName("bookingError")
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()

        self.book_button = QPushButton()
        self.book_button.setObjectName("book")
        set_role(self.book_button, "primary")
        self.book_button.setMinimumHeight(72)
        self.book_button.clicked.connect(self.submit)
        self.done_button = QPushButton()
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
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Amount paid"))
        # 0,00 or 0.00: how amounts are written in this language and currency (the field takes either)
        self.amount.setPlaceholderText(i18n.editable_amount(0, self.program))
        self.items_caption.setText(self.tr("Items (optional)"))
        self.items.setPlaceholderText(self.tr("CODE:PRICE, CODE …"))
        self.book_button.setText(self.tr("Book  (Enter)"))
        self.done_button.setText(self.tr("Next customer  (Esc)"))
        if self._error is not None:
            self.error.setText(describe(self._error, self.program))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_program(self, program: Program | None) -> None:
        self.program = program
        self.currency = program.currency if program else "EUR"
        self.currency_label.setText(self.currency)
        self.amount.setPlaceholderText(i18n.editable_amount(0, program))

    def submit(self) -> None:
        try:
            amount = parse_amount(self.amount.text(), self.currency)
        except LoyaltyError as exc:
            self.show_error(exc, self.amount)
            return
        try:
            items = parse_items(self.items.text(), self.currency)
        except LoyaltyError as exc:
            self.show_error(exc, self.items)
            return
        self.clear_error()
        self.book.emit(amount, items)

    def show_error(self, error: LoyaltyError, field: QLineEdit | None = None) -> None:
        self._error = error
        self.error.setText(describe(error, self.program))
        self.error.show()
        field = field or self.amount
        set_role(field, "true", "invalid")
        field.setFocus()
        field.selectAll()

    def clear_error(self) -> None:
        self._error = None
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
