"""Every version of the program this till has had: when, by whom, the file itself; restore one or edit a copy."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty

from .. import i18n
from ..i18n import fill
from ..theme import set_role


class ProgramVersions(QWidget):
    """restore_requested(version) and edit_requested(source): the editor asks and does both."""

    restore_requested = Signal(int)
    edit_requested = Signal(str)

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.versions: list[dict] = []
        self.current: int | None = None
        self.program = None  # the program in force: its time zone for the times shown
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("programVersions")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.source = QPlainTextEdit()
        self.source.setObjectName("versionSource")
        self.source.setReadOnly(True)
        mono = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        mono.setPixelSize(16)
        self.source.setFont(mono)
        self.caption = QLabel()
        set_role(self.caption, "subtitle")
        self.caption.setWordWrap(True)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreVersion")
        set_role(self.restore_button, "primary")
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(lambda: self.restore_requested.emit(self.selected()))
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editVersion")
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.source.toPlainText()))
        buttons = QVBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(self.table, 1)
        top.addLayout(buttons, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(top, 2)
        layout.addWidget(self.caption)
        layout.addWidget(self.source, 3)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Version"), self.tr("Saved"), self.tr("By"),
                                              self.tr("Program")])
        self.restore_button.setText(self.tr("Restore…"))
        self.edit_button.setText(self.tr("Edit a copy"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.versions = self.service.program_versions()
        try:
            self.current, self.program = self.service.program_version, self.service.program
        except LoyaltyError:
            self.current = self.program = None
        self._fill()
        if self.versions and self.selected() is None:
            self.table.selectRow(0)

    def _who(self, version: dict) -> str:
        if version["origin"] == "server":
            return self.tr("The chain's server")
        if version["staff_role"] == "system":
            return self.tr("File")  # loaded with `pos-loyalty program load`
        return version["staff"] or "?"

    def _fill(self) -> None:
        chosen = self.selected()
        self.table.setRowCount(len(self.versions))
        for row, version in enumerate(self.versions):
            number = str(version["version"])
            if version["version"] == self.current:
                number = fill(self.tr("%1 (in force)"), number)
            cells = (number, i18n.moment(version["loaded_at"], self.program), self._who(version), version["name"])
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, version["version"])
                self.table.setItem(row, column, item)
        if chosen is not None:
            self.select(chosen)
        self._selected()

    def selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.table.item(rows[0].row(), 0).data(Qt.UserRole) if rows else None

    def select(self, version: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.UserRole) == version:
                self.table.selectRow(row)

    def _selected(self) -> None:
        version = self.selected()
        self.restore_button.setEnabled(version is not None and version != self.current)
        self.edit_button.setEnabled(version is not None)
        if version is None:
            self.caption.setText(self.tr("Choose a version to see its file."))
            self.source.clear()
            return
        self.caption.setText(fill(self.tr("Version %1 as it was saved:"), version))
        if self.source.property("version") != version:  # read once per choice, not on every retranslation
            self.source.setPlainText(self.service.program_source(version))
            self.source.setProperty("version", version)
