"""Customer messages in the background: every few minutes one round of pos_loyalty.messages.outbox.run (plan, offer
new messages to the server, send what is due) on its own connection, never on the GUI thread."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from pos_loyalty.messages import outbox

from .tasks import run_in_background

log = logging.getLogger(__name__)

INTERVAL_MS = 5 * 60 * 1000  # a welcome goes out within minutes; nobody waits for it at the counter
FIRST_MS = 30 * 1000  # not while the app is still starting


class MessageWorker(QObject):
    """start() once; run_now() for the owner's button. finished(dict) carries what a round did."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, data_dir: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.busy = False
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.run_now)

    def start(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
            QTimer.singleShot(FIRST_MS, self, self.run_now)

    def run_now(self) -> bool:
        """One round unless one is under way (False then)."""
        if self.busy:
            return False
        self.busy = True
        run_in_background(lambda: outbox.run(self.data_dir), self._done, self._failed)
        return True

    def _done(self, result: dict) -> None:
        self.busy = False
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        log.warning("messages round failed: %s", exc)
        self.failed.emit(exc)
