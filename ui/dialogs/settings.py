"""Settings anyone at the till may change, without the owner PIN: the language for now.

A choice applies at once (the window retranslates itself in place) and is kept with QSettings for the next start.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QButtonGroup, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .. import i18n
from ..i18n import fill
from ..theme import set_role


class SettingsDialog(QDialog):
    """language_chosen(code) after a language button is pressed and the language is installed."""

    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(560)
        self.heading = QLabel()
        set_role(self.heading, "title")
        self.language_caption = QLabel()
        set_role(self.language_caption, "subtitle")
        self.language_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(14)
        for code, name in i18n.LANGUAGES.items():
            button = QPushButton(name)  # each language named in itself, whatever the UI speaks now
            button.setObjectName(f"language-{code}")
            set_role(button, "staff")  # the look of the sign-in names: big, and filled when checked
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setChecked(code == i18n.language())
            button.clicked.connect(lambda _=False, c=code: self.choose(c))
            group.addButton(button)
            row.addWidget(button, 1)
            self.language_buttons[code] = button
        self.hint = QLabel()
        set_role(self.hint, "hint")
        self.hint.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeSettings")
        set_role(self.close_button, "primary")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(16)
        layout.addWidget(self.heading)
        layout.addWidget(self.language_caption)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.heading.setText(self.tr("Settings"))
        self.language_caption.setText(self.tr("Language"))
        forced = i18n.supported(os.environ.get(i18n.ENV))
        if forced:
            text = fill(self.tr("Applies at once. %1=%2 is set, so the app starts in %3."), i18n.ENV,
                        os.environ[i18n.ENV], i18n.LANGUAGES[forced])
        else:
            text = self.tr("Applies at once and is kept for the next start.")
        self.hint.setText(text)
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def choose(self, code: str) -> None:
        self.language_buttons[code].setChecked(True)
        i18n.save_language(code)
        i18n.install(code)
        self.language_chosen.emit(code)
