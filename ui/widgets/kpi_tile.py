"""One figure of the reports dashboard on a card: what it is, the number, how it changed, and an aim if it has one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..theme import set_role

# How a change is coloured: green when it is good news, red when bad, grey when neither (or no change).
GOOD, BAD, FLAT = "good", "bad", "flat"


class KpiTile(QFrame):
    """tile.set_figures("34", "▲ 12 vs previous period", GOOD); texts come translated and formatted by the view."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"tile_{name}")
        set_role(self, "tile")
        self.caption = QLabel()
        set_role(self.caption, "tile-caption")
        self.caption.setWordWrap(True)
        self.value = QLabel("–")
        self.value.setObjectName("value")
        set_role(self.value, "tile-value")
        self.value.setTextInteractionFlags(Qt.TextSelectableByMouse)  # an owner may copy a figure into a mail
        self.change = QLabel()
        self.change.setObjectName("change")
        self.change.setWordWrap(True)
        set_role(self.change, f"trend-{FLAT}")
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        set_role(self.note, "tile-note")
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.change)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def set_caption(self, caption: str, explanation: str = "") -> None:
        self.caption.setText(caption)
        self.setToolTip(explanation)
        self.setAccessibleName(caption)
        self.setAccessibleDescription(explanation)

    def set_figures(self, value: str, change: str = "", trend: str = FLAT, note: str = "") -> None:
        self.value.setText(value)
        self.change.setText(change)
        set_role(self.change, f"trend-{trend if change else FLAT}")
        self.change.setVisible(bool(change))
        self.note.setText(note)
        self.note.setVisible(bool(note))

    @property
    def trend(self) -> str:
        return self.change.property("role").removeprefix("trend-")
