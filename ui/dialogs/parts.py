"""Pieces every form dialog shares: the error line under the form and the Cancel / confirm button row."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton

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
