"""Why a card is blocked (or replaced): lost, stolen, damaged or the owner's own words.

The reason is kept with the card and shown when the old card is scanned again ("blocked on 3 May (stolen)"), so
the cashier knows whether to hand over the new card or to be careful. The usual reasons are stored as codes and
translated when shown (ui/messages.py); a typed reason is shown as typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QDialog, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from ..theme import set_role
from .parts import button_row, error_label

REASONS = ("lost", "stolen", "damaged")


class CardReasonDialog(QDialog):
    """Asks the question with the reasons below it; `reason()` once accepted."""

    def __init__(self, title: str, question: str, confirm: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cardReasonDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        heading = QLabel(title)
        set_role(heading, "title")
        self.question = QLabel(question)
        self.question.setWordWrap(True)
        caption = QLabel(self.tr("Why?"))
        set_role(caption, "subtitle")
        labels = {"lost": self.tr("Lost"), "stolen": self.tr("Stolen"), "damaged": self.tr("Damaged")}
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for code in (*REASONS, "other"):
            button = QRadioButton(labels.get(code) or self.tr("Other:"))
            button.setObjectName(f"reason-{code}")
            self.group.addButton(button)
            self.buttons[code] = button
        self.buttons["lost"].setChecked(True)
        self.other = QLineEdit()
        self.other.setObjectName("reasonText")
        self.other.setMaxLength(80)
        self.other.setPlaceholderText(self.tr("In a few words"))
        self.other.textEdited.connect(lambda _: self.buttons["other"].setChecked(True))
        self.error = error_label()
        buttons, self.confirm = button_row(self, confirm, self.tr("Cancel"), "confirmReason", self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.question)
        layout.addWidget(caption)
        for code in REASONS:
            layout.addWidget(self.buttons[code])
        layout.addWidget(self.buttons["other"])
        layout.addWidget(self.other)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def reason(self) -> str:
        if self.buttons["other"].isChecked():
            return self.other.text().strip()
        return next(code for code in REASONS if self.buttons[code].isChecked())

    def submit(self) -> None:
        if not self.reason():
            self.error.setText(self.tr("Write the reason in a few words, or choose one above."))
            self.error.show()
            self.other.setFocus()
            return
        self.accept()
