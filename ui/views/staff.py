"""The owner's staff list: who works here, role and state; add someone, change a PIN (which unlocks), disable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from pos_loyalty import staff as staff_rules
from pos_loyalty.clock import utcnow
from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty

from ..i18n import fill
from ..messages import describe
from ..theme import set_role


def _pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.Password)
    field.setMaxLength(12)
    return field


class StaffView(QWidget):
    """changed() after a staff member was added, enabled or disabled (the sign-in screen lists them)."""

    changed = Signal()

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("staff")
        self.service = service
        self.members: list[dict] = []

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("staffTable")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.new_group = QGroupBox()
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newStaffName")
        self.new_role = QComboBox()
        self.new_role.setObjectName("newStaffRole")
        self.new_role.setMinimumHeight(52)  # a touch target, like the fields
        self.new_pin, self.new_pin2 = _pin_field("newStaffPin"), _pin_field("newStaffPin2")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addStaff")
        set_role(self.add_button, "primary")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        self.new_labels = [QLabel() for _ in range(4)]
        grid = QGridLayout(self.new_group)
        grid.setVerticalSpacing(14)
        for row, (label, field) in enumerate(zip(self.new_labels, (self.new_name, self.new_role, self.new_pin,
                                                                    self.new_pin2))):
            label.setBuddy(field)
            grid.addWidget(label, row, 0, Qt.AlignRight | Qt.AlignVCenter)
            grid.addWidget(field, row, 1)
        grid.addWidget(self.add_button, 4, 1)

        self.selected_group = QGroupBox()
        self.pin, self.pin2 = _pin_field("staffPin"), _pin_field("staffPin2")
        self.pin_labels = [QLabel(), QLabel()]
        self.pin_button = QPushButton()
        self.pin_button.setObjectName("changePin")
        self.pin_button.setAutoDefault(False)
        self.pin_button.clicked.connect(self.change_pin)
        self.active_button = QPushButton()
        self.active_button.setObjectName("toggleActive")
        self.active_button.setAutoDefault(False)
        self.active_button.clicked.connect(self.toggle_active)
        pin_grid = QGridLayout(self.selected_group)
        pin_grid.setVerticalSpacing(14)
        for row, (label, field) in enumerate(zip(self.pin_labels, (self.pin, self.pin2))):
            label.setBuddy(field)
            pin_grid.addWidget(label, row, 0, Qt.AlignRight | Qt.AlignVCenter)
            pin_grid.addWidget(field, row, 1)
        pin_grid.addWidget(self.pin_button, 2, 1)
        pin_grid.addWidget(self.active_button, 3, 1)

        self.message = QLabel()
        self.message.setObjectName("staffMessage")
        self.message.setWordWrap(True)
        set_role(self.message, "hint")

        side = QHBoxLayout()  # side by side: stacked, the two forms would not fit the smallest window's height
        side.setSpacing(14)
        side.addWidget(self.selected_group, 1, Qt.AlignTop)
        side.addWidget(self.new_group, 1, Qt.AlignTop)
        row = QHBoxLayout()
        row.setSpacing(18)
        row.addWidget(self.table, 2)
        row.addLayout(side, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("State")])
        self.new_group.setTitle(self.tr("Add a staff member"))
        for label, text in zip(self.new_labels, (self.tr("Name"), self.tr("Role"), self.tr("PIN"),
                                                 self.tr("PIN again"))):
            label.setText(text)
        role = self.new_role.currentData()
        self.new_role.clear()
        self.new_role.addItem(self.tr("Cashier"), "cashier")
        self.new_role.addItem(self.tr("Owner"), "owner")
        self.new_role.setCurrentIndex(max(0, self.new_role.findData(role)))
        self.add_button.setText(self.tr("Add"))
        for label, text in zip(self.pin_labels, (self.tr("New PIN"), self.tr("PIN again"))):
            label.setText(text)
        self.pin_button.setText(self.tr("Change PIN (unlocks)"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _role(self, role: str) -> str:
        return {"cashier": self.tr("Cashier"), "owner": self.tr("Owner")}.get(role, role)

    def _state(self, member: dict) -> str:
        if not member["active"]:
            return self.tr("Disabled")
        until = staff_rules.locked_until(member, utcnow())
        return self.tr("Locked (wrong PINs)") if until else self.tr("Active")

    def refresh(self) -> None:
        self.members = self.service.staff_list()
        self._fill()

    def _fill(self) -> None:
        name = self.selected()
        self.table.setRowCount(len(self.members))
        for row, member in enumerate(self.members):
            for column, text in enumerate((member["name"], self._role(member["role"]), self._state(member))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if name:
            self.select(name)
        self._selection_changed()

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.members[rows[0].row()]["name"] if rows and rows[0].row() < len(self.members) else None

    def select(self, name: str) -> None:
        for row, member in enumerate(self.members):
            if member["name"] == name:
                self.table.selectRow(row)

    def _member(self) -> dict | None:
        name = self.selected()
        return next((m for m in self.members if m["name"] == name), None)

    def _selection_changed(self) -> None:
        member = self._member()
        self.selected_group.setEnabled(member is not None)
        self.selected_group.setTitle(member["name"] if member else self.tr("Select a staff member"))
        active = bool(member and member["active"])
        self.active_button.setText(self.tr("Disable") if active or member is None else self.tr("Enable"))
        for widget in (self.pin, self.pin2, self.pin_button):
            widget.setEnabled(active)

    def _done(self, text: str) -> None:
        self.message.setText(text)
        set_role(self.message, "hint")

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        set_role(self.message, "error")

    def add(self) -> None:
        if self.new_pin.text() != self.new_pin2.text():
            self._fail(self.tr("The two PINs differ. Type the same PIN twice."))
            return
        try:
            member = self.service.add_staff(self.new_name.text(), self.new_role.currentData(), self.new_pin.text())
        except LoyaltyError as exc:
            self._fail(describe(exc))
            return
        for field in (self.new_name, self.new_pin, self.new_pin2):
            field.clear()
        self.refresh()
        self.select(member.name)
        self._done(fill(self.tr("%1 can sign in now."), member.name))
        self.changed.emit()

    def change_pin(self) -> None:
        member = self._member()
        if member is None:
            return
        if self.pin.text() != self.pin2.text():
            self._fail(self.tr("The two PINs differ. Type the same PIN twice."))
            return
        try:
            self.service.set_pin(member["name"], self.pin.text())
        except LoyaltyError as exc:
            self._fail(describe(exc))
            return
        self.pin.clear()
        self.pin2.clear()
        self.refresh()
        self._done(fill(self.tr("The PIN of %1 is changed."), member["name"]))

    def toggle_active(self) -> None:
        member = self._member()
        if member is None:
            return
        try:
            self.service.set_staff_active(member["name"], not member["active"])
        except LoyaltyError as exc:
            self._fail(describe(exc))
            return
        self.refresh()
        self._done(fill(self.tr("%1 is disabled.") if member["active"] else self.tr("%1 is enabled."),
                        member["name"]))
        self.changed.emit()
