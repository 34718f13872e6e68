"""A customer's history: every event with its shop-time moment, kind in words, deltas, amount, reason and staff."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from pos_loyalty.clock import from_db
from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty

from .. import i18n
from ..theme import set_role


def kind_in_words(kind: str) -> str:
    words = {
        "purchase": QCoreApplication.translate("HistoryDialog", "Purchase"),
        "redeem": QCoreApplication.translate("HistoryDialog", "Reward redeemed"),
        "enroll": QCoreApplication.translate("HistoryDialog", "Enrolled"),
        "bonus": QCoreApplication.translate("HistoryDialog", "Bonus"),
        "void": QCoreApplication.translate("HistoryDialog", "Undone"),
        "adjust": QCoreApplication.translate("HistoryDialog", "Adjustment"),
        "expire": QCoreApplication.translate("HistoryDialog", "Points expired"),
        "merge": QCoreApplication.translate("HistoryDialog", "Accounts merged"),
        "tier": QCoreApplication.translate("HistoryDialog", "Tier change"),
        "opening": QCoreApplication.translate("HistoryDialog", "Opening balance (import)"),
    }
    return words.get(kind, kind)


def _signed(value: int, text: str) -> str:
    return "" if not value else (f"+{text}" if value > 0 else text)


class HistoryDialog(QDialog):
    def __init__(self, service: Loyalty, customer_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("History"))
        self.resize(1100, 600)
        customer = service.customer(customer_id)
        try:
            program = service.program
        except LoyaltyError:
            program = None
        staff = {s["id"]: s["name"] for s in service.staff_list()}
        heading = QLabel(customer.get("name") or self.tr("Guest"))
        set_role(heading, "title")
        events = service.history(customer_id)
        headers = (self.tr("Time"), self.tr("What"), self.tr("Stamps"), self.tr("Points"), self.tr("Cashback"),
                   self.tr("Amount"), self.tr("Reason"), self.tr("Staff"))
        self.table = QTableWidget(len(events), len(headers))
        self.table.setObjectName("history")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)
        for row, event in enumerate(events):
            cells = (i18n.moment(from_db(event["created_at"]), program), kind_in_words(event["kind"]),
                     _signed(event["stamps"], i18n.number(event["stamps"], program)),
                     _signed(event["points"], i18n.number(event["points"], program)),
                     _signed(event["cashback"], i18n.money(event["cashback"], program)),
                     i18n.money(event["amount"], program) if event["amount"] else "",
                     i18n.named(event["reason"], program) if event["reason"] else "",  # a reward's name
                     staff.get(event["staff_id"], ""))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 2 <= column <= 5:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.Stretch)
        empty = QLabel(self.tr("No events yet."))
        set_role(empty, "hint")
        empty.setVisible(not events)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close")
        set_role(close, "primary")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addLayout(buttons)

    def texts(self, row: int) -> list[str]:
        return [self.table.item(row, c).text() for c in range(self.table.columnCount())]
