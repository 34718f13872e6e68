"""A PIN entry for touch and keyboard: a masked field that takes typed digits, and a big 3x4 keypad."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ..theme import set_role


class PinPad(QWidget):
    """Emits submitted(pin) on Enter or OK. The keypad buttons never take the focus, so typing keeps working."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setObjectName("pin")
        set_role(self.field, "pin")
        self.field.setEchoMode(QLineEdit.Password)
        self.field.setMaxLength(8)
        self.field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self.field))
        self.field.setAlignment(Qt.AlignCenter)
        self.field.returnPressed.connect(self.submit)

        grid = QGridLayout()
        grid.setSpacing(10)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(keys):
            button = QPushButton(key)
            set_role(button, "pin")
            if index == 11:
                button.setObjectName("pinOk")
            button.setFocusPolicy(Qt.NoFocus)
            button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            if key.isdigit():
                button.clicked.connect(lambda _=False, digit=key: self.field.insert(digit))
            elif index == 9:
                button.clicked.connect(self.field.backspace)
            else:
                button.clicked.connect(self.submit)
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key if index != 11 else "ok"] = button

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.field)
        layout.addLayout(grid)
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("PIN"))
        self.buttons["ok"].setText(self.tr("OK"))
        self.buttons["⌫"].setToolTip(self.tr("Delete the last digit"))
        self.buttons["⌫"].setAccessibleName(self.tr("Delete"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def submit(self) -> None:
        self.submitted.emit(self.field.text())

    def clear(self) -> None:
        self.field.clear()

    def focus(self) -> None:
        self.field.setFocus(Qt.OtherFocusReason)
