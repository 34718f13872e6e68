"""Customers found by a search, as big rows: a tap, a click or Enter opens one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pos_loyalty.program import Program

from .. import i18n
from ..i18n import fill
from ..theme import set_role


class SearchResults(QWidget):
    opened = Signal(str)  # customer id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._shown: tuple[list[dict], str, Program | None] | None = None  # to word again after a language change
        self.caption = QLabel()
        set_role(self.caption, "subtitle")
        self.list = QListWidget()
        self.list.setObjectName("results")
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)  # one tap on a touch screen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.list, 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange and self._shown is not None:
            row = self.list.currentRow()
            self.show_results(*self._shown)
            self.list.setCurrentRow(row)
        super().changeEvent(event)

    def show_results(self, rows: list[dict], query: str, program: Program | None = None) -> None:
        self._shown = (rows, query, program)
        self.list.clear()
        for row in rows:
            details = [v for v in (row.get("email"), row.get("phone")) if v]
            if row.get("created_at"):  # tells two "Mia Koch" apart
                details.append(fill(self.tr("since %1"), i18n.day(row["created_at"][:10], program)))
            text = (row.get("name") or self.tr("Guest")) + ("   ·   " + "   ·   ".join(details) if details else "")
            item = QListWidgetItem(text)
            item.setData(Qt.UserRole, row["id"])
            self.list.addItem(item)
        if rows:
            self.caption.setText(fill(self.tr("Customers matching “%1”"), query))
            self.list.setCurrentRow(0)
        else:
            self.caption.setText(fill(self.tr("No customer matches “%1”."), query))

    def count(self) -> int:
        return self.list.count()

    def focus(self) -> None:
        self.list.setFocus(Qt.OtherFocusReason)

    def open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._open(item)

    def _open(self, item: QListWidgetItem) -> None:
        self.opened.emit(item.data(Qt.UserRole))
