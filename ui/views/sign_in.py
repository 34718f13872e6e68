"""Staff sign-in: everyone as a big button, then the PIN (keypad or keyboard); wrong PINs and lockouts explained."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty

from ..i18n import fill
from ..theme import set_role
from ..widgets.pin_pad import PinPad


class SignInView(QWidget):
    """Emits signed_in(StaffMember) after a correct PIN."""

    signed_in = Signal(object)

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signIn")
        self.service = service
        self.selected: str | None = None
        self.staff_buttons: dict[str, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)

        title = QLabel(self.tr("Who is at the counter?"))
        set_role(title, "title")
        self.shop_label = QLabel()
        set_role(self.shop_label, "subtitle")
        self.staff_grid = QGridLayout()
        self.staff_grid.setSpacing(14)
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(title)
        left.addWidget(self.shop_label)
        left.addLayout(self.staff_grid)
        left.addStretch(1)

        self.pin_label = QLabel(self.tr("Tap your name, then type your PIN."))
        set_role(self.pin_label, "subtitle")
        self.pin_label.setWordWrap(True)
        self.pin_pad = PinPad()
        self.pin_pad.submitted.connect(self._submit)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(64)
        self.message.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        pad_frame = QFrame()
        set_role(pad_frame, "panel")
        right = QVBoxLayout(pad_frame)
        right.setContentsMargins(24, 24, 24, 24)
        right.setSpacing(14)
        right.addWidget(self.pin_label)
        right.addWidget(self.pin_pad)
        right.addWidget(self.message)
        pad_frame.setFixedWidth(420)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(48)
        layout.addLayout(left, 1)
        layout.addWidget(pad_frame, 0, Qt.AlignTop)
        self.reload()

    def reload(self) -> None:
        """(Re)read the staff list and the shop name."""
        for button in self.staff_buttons.values():
            self._group.removeButton(button)
            button.deleteLater()
        self.staff_buttons = {}
        try:
            self.shop_label.setText(self.service.program.name)
        except LoyaltyError as exc:
            self.shop_label.setText(exc.message)
        members = [m for m in self.service.staff_list() if m["active"]]
        for index, member in enumerate(members):
            button = QPushButton(member["name"])
            set_role(button, "staff")
            button.setObjectName(f"staff-{member['name']}")
            button.setCheckable(True)
            button.setAutoDefault(True)  # Enter on a focused name selects it, like Space
            button.clicked.connect(lambda _=False, name=member["name"]: self.select(name))
            self._group.addButton(button)
            self.staff_grid.addWidget(button, index // 2, index % 2)
            self.staff_buttons[member["name"]] = button
        if not members:
            self.pin_label.setText(self.tr("No staff yet: add someone with 'pos-loyalty staff add'."))

    def select(self, name: str) -> None:
        self.selected = name
        self.staff_buttons[name].setChecked(True)
        self.pin_label.setText(fill(self.tr("PIN for %1"), name))
        self.message.clear()
        self.pin_pad.clear()
        self.pin_pad.focus()

    def reset(self) -> None:
        """Back to a clean screen (after sign-out)."""
        self.pin_pad.clear()
        self.message.clear()
        self.reload()
        if self.selected in self.staff_buttons:
            self.select(self.selected)
        elif self.staff_buttons:
            next(iter(self.staff_buttons.values())).setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _submit(self, pin: str) -> None:
        if not self.selected:
            self.show_message(self.tr("Tap your name first."))
            return
        if not pin:
            self.show_message(self.tr("Type your PIN."))
            return
        try:
            # Argon2 makes this take ~20-40 ms on purpose; the service's SQLite connection belongs to this
            # thread, so it runs here rather than in a worker.
            staff = self.service.sign_in(self.selected, pin)
        except LoyaltyError as exc:
            self.pin_pad.clear()
            self.show_message(exc.message)
            return
        self.pin_pad.clear()
        self.message.clear()
        self.signed_in.emit(staff)
