"""A question before a step that cannot be taken back silently: a title, what will happen, Cancel or go ahead."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from ..theme import set_role
from .parts import button_row


class ConfirmDialog(QDialog):
    """Texts come translated from the caller; accepted() when the owner goes ahead."""

    def __init__(self, title: str, text: str, confirm_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(620)
        heading = QLabel(title)
        set_role(heading, "title")
        heading.setWordWrap(True)
        body = QLabel(text)
        set_role(body, "subtitle")
        body.setWordWrap(True)
        buttons, self.ok_button = button_row(self, confirm_text, self.tr("Cancel"), "confirm", self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addLayout(buttons)
        self.ok_button.setFocus()
