"""One key of the program file as a form field: a label, the input, a hint under it and the error next to it.

A field shows the file's value (money with the UI's decimal sign) and, as the owner types, hands the typed text as a
file value (program_edit.typed) to whoever listens. It judges nothing itself: the editor runs the program's parser
and puts the reason on the field it names (show_error).
"""

from __future__ import annotations

from datetime import time

from babel.numbers import get_decimal_symbol
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from pos_loyalty.program import WEEKDAYS
from pos_loyalty.program_edit import typed

from .. import i18n
from ..theme import set_role

TEXT_KINDS = ("text", "count", "money", "ratio", "patterns", "time")


def shown(kind: str, value) -> str:
    """A file value as the field shows it: 2.50 as 2,50 in German, a list as "A, B", a TOML time as 17:00."""
    if value is None:
        return ""
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    text = str(value)
    if kind in ("money", "ratio"):
        return text.replace(".", get_decimal_symbol(i18n.locale_of()))
    return text


class Field(QWidget):
    """edited(path, value) when the owner changes it; value None means "not set" (the default applies)."""

    edited = Signal(tuple, object)

    def __init__(self, path: tuple, kind: str, label: str, hint: str = "", *,
                 choices: tuple[tuple[str, str], ...] = (), placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.path, self.kind = path, kind
        self.setObjectName("field-" + ".".join(map(str, path)))
        self.label = QLabel(label)
        self.label.setObjectName("fieldLabel")
        self.label.setWordWrap(True)
        self.input = self._make_input(choices, placeholder)
        self.label.setBuddy(self.input)
        self.hint = QLabel(hint)
        set_role(self.hint, "hint")
        self.hint.setWordWrap(True)
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        # Columns of fields share the width evenly, whatever their texts would like.
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.input)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        self.hint.setVisible(bool(hint))  # only now: shown without a parent, a label would be a window of its own

    def _make_input(self, choices, placeholder: str) -> QWidget:
        if self.kind in TEXT_KINDS:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.textEdited.connect(lambda text: self.edited.emit(self.path, typed(self.kind, text)))
            return edit
        if self.kind == "choice":
            combo = QComboBox()
            combo.setMinimumHeight(52)  # a touch target, like the text fields
            for value, text in choices:
                combo.addItem(text, value)
            combo.activated.connect(lambda _i: self.edited.emit(self.path, combo.currentData()))
            return combo
        if self.kind == "flag":
            box = QCheckBox(placeholder)
            box.clicked.connect(lambda on: self.edited.emit(self.path, True if on else None))
            return box
        if self.kind == "days":
            return DayPicker(lambda days: self.edited.emit(self.path, days))
        raise ValueError(f"unknown field kind {self.kind}")

    def load(self, value) -> None:
        """Show the file's value (without emitting edited)."""
        if self.kind in TEXT_KINDS:
            self.input.setText(shown(self.kind, value))
        elif self.kind == "choice":
            index = self.input.findData(value)
            self.input.setCurrentIndex(max(index, 0))
        elif self.kind == "flag":
            self.input.setChecked(bool(value))
        else:
            self.input.set_days(value if isinstance(value, list) else list(WEEKDAYS))

    def show_error(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
        if isinstance(self.input, QLineEdit):
            self.input.setProperty("invalid", bool(text))
            self.input.style().unpolish(self.input)
            self.input.style().polish(self.input)

    def focus(self) -> None:
        self.input.setFocus(Qt.OtherFocusReason)


class DayPicker(QWidget):
    """Seven toggle buttons, Monday first; calls back with the chosen days as the file writes them ("mon", …)."""

    def __init__(self, on_change, parent: QWidget | None = None):
        super().__init__(parent)
        self._on_change = on_change
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        locale = QLocale()
        for index, day in enumerate(WEEKDAYS):
            button = QPushButton(locale.dayName(index + 1, QLocale.ShortFormat))
            button.setObjectName(f"day-{day}")
            button.setCheckable(True)
            set_role(button, "day")
            button.clicked.connect(lambda _on: self._on_change(self.days()))
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)

    def days(self) -> list[str]:
        return [day for day, button in zip(WEEKDAYS, self.buttons) if button.isChecked()]

    def set_days(self, days: list[str]) -> None:
        for day, button in zip(WEEKDAYS, self.buttons):
            button.setChecked(day in days)

    def setFocus(self, reason=Qt.OtherFocusReason) -> None:  # noqa: N802 - Field.focus() lands on the first day
        self.buttons[0].setFocus(reason)
