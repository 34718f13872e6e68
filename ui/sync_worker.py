"""Background sync for the app: a SyncScheduler run on its own QThread, its status delivered to the GUI by signal.

The scheduler makes its own SyncClient (its own SQLite connection to the data folder) inside the worker thread;
the GUI's Loyalty service and its connection are never touched from there. The GUI thread only pokes the scheduler
(thread-safe, non-blocking) and receives statuses, coalesced to at most a few per second.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer, Signal, Slot

from pos_loyalty.sync.backoff import Backoff
from pos_loyalty.sync.client import SyncClient
from pos_loyalty.sync.scheduler import SyncScheduler, SyncStatus

log = logging.getLogger(__name__)

# What the app's scheduler uses; tests shorten the waits. Short HTTP timeouts and few in-call retries: the
# scheduler backs off on its own, and stop() must not wait long for a call to a server that is gone.
OPTIONS: dict = {"interval": 300.0, "debounce": 3.0, "backoff": lambda: Backoff(base=2.0, cap=120.0),
                 "timeout": 10.0, "attempts": 2}
COALESCE_MS = 250


def is_registered(service) -> bool:
    """The terminal has sync credentials (what SyncClient.registered checks), read on the GUI's own connection."""
    return bool(service.db.meta("sync_token"))


class _Loop(QObject):
    """Lives in the worker thread; runs the scheduler's loop there until stop()."""

    def __init__(self, scheduler: SyncScheduler):
        super().__init__()
        self.scheduler = scheduler

    @Slot()
    def run(self) -> None:
        try:
            self.scheduler.run()
        except Exception:  # noqa: BLE001 - e.g. the data folder vanished: log it, the counter goes on
            log.exception("background sync ended")


class SyncWorker(QObject):
    """start() once the terminal is registered; poke() after each booking; sync_now(); stop() on exit.

    status(SyncStatus) arrives on the GUI thread. `attempts` counts finished sync attempts (for "Sync now" progress).
    """

    status = Signal(object)
    _raw = Signal(object, int)  # from the worker thread, queued to this object in the GUI thread

    def __init__(self, data_dir: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.scheduler: SyncScheduler | None = None
        self.thread: QThread | None = None
        self._loop: _Loop | None = None
        self.latest: SyncStatus | None = None
        self.attempts = 0
        self._finished = 0  # written by the worker thread only
        self._raw.connect(self._arrived)
        self._emit = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._emit.timeout.connect(self._flush)
        self._pending: SyncStatus | None = None
        if parent is not None:
            parent.installEventFilter(self)  # the window closing stops the thread
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    def start(self) -> None:
        if self.running:
            self.sync_now()
            return
        options = dict(OPTIONS)
        timeout, attempts = options.pop("timeout"), options.pop("attempts")
        backoff = options.pop("backoff")()

        def client(folder: Path) -> SyncClient:
            return SyncClient(folder, timeout=timeout, attempts=attempts)

        self.scheduler = SyncScheduler(self.data_dir, backoff=backoff, on_status=self._on_status,
                                       client_factory=client, **options)
        self.thread = QThread()
        self.thread.setObjectName("sync")
        self._loop = _Loop(self.scheduler)
        self._loop.moveToThread(self.thread)
        self.thread.started.connect(self._loop.run)
        self.thread.start()

    @Slot()
    def poke(self) -> None:
        if self.scheduler is not None:
            self.scheduler.poke()

    @Slot()
    def sync_now(self) -> None:
        if self.scheduler is not None:
            self.scheduler.sync_now()

    @Slot()
    def stop(self) -> None:
        """Ask the loop to end, then wait for it: the thread is never terminated."""
        if self.scheduler is None or self.thread is None:
            return
        self.scheduler.stop()
        self.thread.quit()
        self.thread.wait()
        self.thread = self._loop = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Close and watched is self.parent():
            self.stop()
        return False

    # ---- worker thread -> GUI thread ----

    def _on_status(self, status: SyncStatus) -> None:
        if not status.running:
            self._finished += 1
        self._raw.emit(status, self._finished)

    @Slot(object, int)
    def _arrived(self, status: SyncStatus, finished: int) -> None:
        self._pending = status
        self.attempts = finished
        if not self._emit.isActive():  # the first at once, then at most one per COALESCE_MS
            self._flush()
            self._emit.start()

    @Slot()
    def _flush(self) -> None:
        if self._pending is not None:
            self.latest, self._pending = self._pending, None
            self.status.emit(self.latest)
