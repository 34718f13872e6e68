"""Pieces the form dialogs share: the labelled grid of fields, the error line and the Cancel / confirm row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ..theme import set_role


def error_label() -> QLabel:
    """A hidden, wrapping error line; callers show it with a translated message."""
    label = QLabel()
    set_role(label, "error")
    label.setWordWrap(True)
    label.hide()
    return label


def button_row(dialog: QDialog, confirm_text: str, cancel_text: str, object_name: str, on_confirm,
               *, default: bool = True) -> tuple[QHBoxLayout, QPushButton]:
    """Cancel on the left, the primary action on the right (texts come translated in the dialog's context)."""
    confirm = QPushButton(confirm_text)
    confirm.setObjectName(object_name)
    set_role(confirm, "primary")
    confirm.setDefault(default)
    confirm.clicked.connect(on_confirm)
    cancel = QPushButton(cancel_text)
    cancel.setAutoDefault(False)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(confirm)
    return row, confirm


def form_grid(rows: tuple[tuple[str, QWidget, str], ...], below: QWidget | None = None) -> QGridLayout:
    """(label, field, object name) rows, labels right-aligned beside their fields; `below` under the fields.

    A QGridLayout rather than a QFormLayout, which puts labels at the top of tall fields.
    """
    form = QGridLayout()
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(12)
    for row, (text, field, name) in enumerate(rows):
        field.setObjectName(name)
        label = QLabel(text)
        label.setBuddy(field)
        form.addWidget(label, row, 0, Qt.AlignRight | Qt.AlignVCenter)
        form.addWidget(field, row, 1)
    if below is not None:
        form.addWidget(below, len(rows), 1)
    form.setColumnStretch(1, 1)
    return form
