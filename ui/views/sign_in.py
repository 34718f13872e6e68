"""Staff sign-in: everyone as a big button, then the PIN (keypad or keyboard); wrong PINs and lockouts explained."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty

from ..i18n import fill
from ..messages import describe
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
        self._message: Callable[[], str] | None = None  # makes the text of the message, again after a language change
        self.staff_buttons: dict[str, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)

        self.title = title = QLabel()
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

        self.pin_label = QLabel()
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

    def retranslate(self) -> None:
        self.title.setText(self.tr("Who is at the counter?"))
        self._show_pin_label()
        self._show_shop()
        self.message.setText(self._message() if self._message else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_pin_label(self) -> None:
        if not self.staff_buttons:
            self.pin_label.setText(self.tr("No staff yet: add someone with 'pos-loyalty staff add'."))
        elif self.selected in self.staff_buttons:
            self.pin_label.setText(fill(self.tr("PIN for %1"), self.selected))
        else:
            self.pin_label.setText(self.tr("Tap your name, then type your PIN."))

    def _show_shop(self) -> None:
        try:
            self.service.program  # without one, the label says how to load it
        except LoyaltyError as exc:
            self.shop_label.setText(describe(exc))
        else:
            self.shop_label.setText(self.service.shop_name())

    def reload(self) -> None:
        """(Re)read the staff list and the shop name."""
        for button in self.staff_buttons.values():
            self._group.removeButton(button)
            button.deleteLater()
        self.staff_buttons = {}
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
        self.retranslate()

    def select(self, name: str) -> None:
        self.selected = name
        self.staff_buttons[name].setChecked(True)
        self._show_pin_label()
        self.show_message(None)
        self.pin_pad.clear()
        self.pin_pad.focus()

    def reset(self) -> None:
        """Back to a clean screen (after sign-out)."""
        self.pin_pad.clear()
        self.show_message(None)
        self.reload()
        if self.selected in self.staff_buttons:
            self.select(self.selected)
        elif self.staff_buttons:
            next(iter(self.staff_buttons.values())).setFocus()

    def show_message(self, text: Callable[[], str] | None) -> None:
        """text: a function that makes the message in the current language (it is called again after a switch)."""
        self._message = text
        self.message.setText(text() if text else "")

    def _submit(self, pin: str) -> None:
        if not self.selected:
            self.show_message(lambda: self.tr("Tap your name first."))
            return
        if not pin:
            self.show_message(lambda: self.tr("Type your PIN."))
            return
        try:
            # Argon2 makes this take ~20-40 ms on purpose; the service's SQLite connection belongs to this
            # thread, so it runs here rather than in a worker.
            staff = self.service.sign_in(self.selected, pin)
        except LoyaltyError as exc:
            self.pin_pad.clear()
            self.show_message(lambda error=exc: describe(error))
            return
        self.pin_pad.clear()
        self.show_message(None)
        self.signed_in.emit(staff)
