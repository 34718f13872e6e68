"""A read-only table of the reports dashboard: as tall as its rows (up to a limit, then it scrolls itself)."""

from __future__ import annotations

import re
from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ..theme import set_role

ROW_HEIGHT = 40
_NUMBER = re.compile(r"^[−+\-]?[\d€$£¥]|^\d")  # a figure, an amount or a percentage: right-aligned like in a ledger


def _numeric(value: object) -> bool:
    return isinstance(value, (int, float)) or bool(_NUMBER.match(str(value)))


class ReportTable(QTableWidget):
    """show_rows(headers, rows); an empty table shows `empty_text` in its one row.

    Text columns share the width; figure columns take what their widest cell needs and are right-aligned.
    """

    def __init__(self, name: str, max_rows: int = 10, parent: QWidget | None = None):
        super().__init__(0, 0, parent)
        self.setObjectName(f"table_{name}")
        set_role(self, "report")
        self.max_rows = max_rows
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.NoSelection)
        self.setFocusPolicy(Qt.NoFocus)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.horizontalHeader().setHighlightSections(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._fit()

    def show_rows(self, headers: Sequence[str], rows: Sequence[Sequence[object]], empty_text: str = "",
                  hidden: Sequence[int] = ()) -> None:
        """`hidden`: columns left out on screen (an export has them all)."""
        self.clearSpans()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels([str(h) for h in headers])
        numeric = [bool(rows) and all(_numeric(row[c]) for row in rows if row[c] not in ("", None))
                   for c in range(len(headers))]
        header = self.horizontalHeader()
        for column in range(len(headers)):
            self.setColumnHidden(column, column in hidden)
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents if numeric[column]
                                        else QHeaderView.Stretch)
        self.setRowCount(len(rows) or (1 if empty_text else 0))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem("" if value is None else str(value))
                item.setTextAlignment((Qt.AlignRight if numeric[c] else Qt.AlignLeft) | Qt.AlignVCenter)
                self.setItem(r, c, item)
        if not rows and empty_text and headers:
            item = QTableWidgetItem(empty_text)
            item.setTextAlignment(Qt.AlignCenter)
            item.setForeground(Qt.darkGray)
            self.setItem(0, 0, item)
            self.setSpan(0, 0, 1, len(headers))
        self._fit()

    def texts(self, row: int) -> list[str]:
        return [self.item(row, c).text() if self.item(row, c) else "" for c in range(self.columnCount())]

    def _fit(self) -> None:
        """Tall enough for every row up to max_rows: inside the scrolling dashboard a table should not scroll too."""
        shown = max(1, min(self.rowCount(), self.max_rows))
        header = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(header + shown * ROW_HEIGHT + 2 * self.frameWidth() + 2)
