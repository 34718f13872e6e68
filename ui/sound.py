"""Short sounds that confirm a card read or a refusal (QSoundEffect when QtMultimedia works, else the system beep)."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

from pos_loyalty.paths import resource

FILES = {"ok": "scan-ok.wav", "refused": "scan-refused.wav"}


class Feedback(QObject):
    """play("ok") / play("refused"). POS_LOYALTY_SOUND=0 silences it (tests, a quiet shop)."""

    def __init__(self, parent: QObject | None = None, enabled: bool | None = None):
        super().__init__(parent)
        self.enabled = os.environ.get("POS_LOYALTY_SOUND", "1") != "0" if enabled is None else enabled
        self._effects: dict | None = None
        self.played: list[str] = []  # what was asked for, for tests and the self-test

    def _load(self) -> dict:
        # Loaded on first use: QtMultimedia takes a moment to start and may not exist (no libpulse).
        effects = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect  # noqa: PLC0415
        except ImportError:
            return effects
        for name, file in FILES.items():
            path = resource("sounds", file)
            if path.exists():
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.8)
                effects[name] = effect
        return effects

    def play(self, name: str) -> None:
        self.played.append(name)
        if not self.enabled:
            return
        if self._effects is None:
            self._effects = self._load()
        effect = self._effects.get(name)
        if effect is not None and effect.status() != effect.Status.Error:
            effect.play()
        else:
            QApplication.beep()
