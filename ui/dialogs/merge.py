"""Merge two accounts of one customer: find the other account, choose which one is kept, confirm."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QRadioButton, QVBoxLayout,
                               QWidget)

from pos_loyalty import cards
from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty
from pos_loyalty.staff import StaffMember

from ..i18n import fill
from ..messages import describe
from .parts import button_row, error_label
from ..theme import set_role


class MergeDialog(QDialog):
    """Merges on "Merge" (errors stay in the dialog); `kept` is the id that remains."""

    def __init__(self, service: Loyalty, staff: StaffMember, customer_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.staff, self.customer_id = service, staff, customer_id
        self.kept: str | None = None
        self.name = service.customer(customer_id).get("name") or self.tr("Guest")
        self.setWindowTitle(self.tr("Merge accounts"))
        self.setMinimumSize(900, 640)
        heading = QLabel(self.tr("Merge accounts"))
        set_role(heading, "title")
        hint = QLabel(fill(self.tr("Find the other account of %1 (name, phone, email or card)."), self.name))
        set_role(hint, "hint")
        hint.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("mergeSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search: name, phone, email, card"))
        self.search.textChanged.connect(self.run_search)
        self.results = QListWidget()
        self.results.setObjectName("mergeResults")
        self.results.currentItemChanged.connect(lambda *_: self._update())
        self.keep_this = QRadioButton(fill(self.tr("Keep this account (%1)"), self.name))
        self.keep_this.setChecked(True)
        self.keep_other = QRadioButton(self.tr("Keep the other account"))
        self.keep_this.toggled.connect(lambda *_: self._update())
        self.outcome = QLabel()
        self.outcome.setObjectName("mergeOutcome")
        self.outcome.setWordWrap(True)
        self.error = error_label()
        buttons, self.merge_button = button_row(self, self.tr("Merge"), self.tr("Cancel"), "merge", self.submit,
                                                default=False)
        self.merge_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.keep_this)
        layout.addWidget(self.keep_other)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.search.setFocus()

    def run_search(self, text: str) -> None:
        self.results.clear()
        for customer in self.service.search(text) if text.strip() else []:
            if customer["id"] == self.customer_id:
                continue
            card = self.service.customer(customer["id"]).get("card")
            parts = [customer.get("name") or self.tr("Guest"), customer.get("email") or "", customer.get("phone") or "",
                     cards.grouped(card) if card else ""]
            item = QListWidgetItem("   ".join(p for p in parts if p))
            item.setData(Qt.UserRole, customer["id"])
            item.setData(Qt.UserRole + 1, parts[0])
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self._update()

    def other(self) -> str | None:
        item = self.results.currentItem()
        return item.data(Qt.UserRole) if item else None

    def _update(self) -> None:
        """Both choices name their customer, and the line above the button says what will happen."""
        item = self.results.currentItem()
        other = item.data(Qt.UserRole + 1) if item else None
        self.merge_button.setEnabled(other is not None)
        self.keep_other.setText(fill(self.tr("Keep the other account (%1)"), other) if other
                                else self.tr("Keep the other account"))
        if other is None:
            self.outcome.setText("")
            return
        kept, gone = (self.name, other) if self.keep_this.isChecked() else (other, self.name)
        self.outcome.setText(fill(self.tr("The stamps, points, cashback and cards of %1 move to %2; the account of "
                                          "%1 is closed."), gone, kept))

    def submit(self) -> None:
        other = self.other()
        if other is None:
            return
        kept = self.customer_id if self.keep_this.isChecked() else other
        source = other if kept == self.customer_id else self.customer_id
        try:
            self.service.merge(self.staff, source, kept)
        except LoyaltyError as exc:
            self.error.setText(describe(exc))
            self.error.show()
            return
        self.kept = kept
        self.accept()
