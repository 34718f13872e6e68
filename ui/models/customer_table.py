"""Customers as a table (name, contact, card, balances, member since) for the owner's customer list."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from pos_loyalty import cards
from pos_loyalty.clock import from_db
from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty

from .. import i18n

NAME, EMAIL, PHONE, CARD, STAMPS, POINTS, CASHBACK, SINCE = range(8)
_NUMERIC = (STAMPS, POINTS, CASHBACK)


def headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("CustomerTableModel", "Name"),
        QCoreApplication.translate("CustomerTableModel", "Email"),
        QCoreApplication.translate("CustomerTableModel", "Phone"),
        QCoreApplication.translate("CustomerTableModel", "Card"),
        QCoreApplication.translate("CustomerTableModel", "Stamps"),
        QCoreApplication.translate("CustomerTableModel", "Points"),
        QCoreApplication.translate("CustomerTableModel", "Cashback"),
        QCoreApplication.translate("CustomerTableModel", "Member since"),
    )


class CustomerTableModel(QAbstractTableModel):
    """search(text) fills the rows from service.search; each row carries the customer's balance and active card."""

    def __init__(self, service: Loyalty, parent=None):
        super().__init__(parent)
        self.service = service
        self.text = ""
        self.rows: list[dict] = []

    def search(self, text: str) -> None:
        self.text = text
        self.refresh()

    def refresh(self) -> None:
        found = self.service.search(self.text) if self.text.strip() else []
        rows = []
        for customer in found:
            try:
                balance = self.service.balance_of(customer["id"])
            except LoyaltyError:
                continue
            rows.append(customer | {"stamps": balance.stamps, "points": balance.points,
                                    "cashback": balance.cashback, "card": balance.card})
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def customer_id(self, row: int) -> str | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def row_of(self, customer_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r["id"] == customer_id), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else SINCE + 1

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section <= SINCE:
            return headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter) if column in _NUMERIC else int(Qt.AlignLeft | Qt.AlignVCenter)
        if role == Qt.UserRole:
            return row["id"]
        if role == Qt.ToolTipRole and column in (EMAIL, CARD):  # both may be elided on a small screen
            return self.data(index, Qt.DisplayRole)
        if role != Qt.DisplayRole:
            return None
        program = self._program()
        if column == NAME:
            return row.get("name") or QCoreApplication.translate("CustomerTableModel", "Guest")
        if column == EMAIL:
            return row.get("email") or ""
        if column == PHONE:
            return row.get("phone") or ""
        if column == CARD:
            return cards.grouped(row["card"]) if row.get("card") else ""
        if column == STAMPS:
            return i18n.number(row["stamps"], program)
        if column == POINTS:
            return i18n.number(row["points"], program)
        if column == CASHBACK:
            return i18n.money(row["cashback"], program)
        if column == SINCE:
            return i18n.day(from_db(row["created_at"]).astimezone(program.zone if program else None).date(), program)
        return None

    def _program(self):
        try:
            return self.service.program
        except LoyaltyError:
            return None
