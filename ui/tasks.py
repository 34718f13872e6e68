"""run_in_background(fn, on_done, on_error): slow work on a QThreadPool, results back on the GUI thread by signal.

Tests swap in SyncRunner (set_runner) so background code runs inline and deterministically, as Picard does.
Background functions must not touch the Loyalty service: it owns one SQLite connection bound to the GUI thread.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Qt, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


def _log_error(exc: BaseException) -> None:
    log.error("background task failed", exc_info=(type(exc), exc, exc.__traceback__))


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits, the queued connection delivers to the callbacks there."""

    finished = Signal(bool, object)

    def __init__(self, on_done: Done | None, on_error: Failed | None, forget: Callable[["_Relay"], None]):
        super().__init__()
        self._on_done, self._on_error, self._forget = on_done, on_error or _log_error, forget
        self.finished.connect(self._deliver, Qt.QueuedConnection)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        self._forget(self)
        if ok:
            if self._on_done:
                self._on_done(value)
        else:
            self._on_error(value)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self._fn, self._relay = fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI, never vanish in a thread
            self._relay.finished.emit(False, exc)
        else:
            self._relay.finished.emit(True, result)


class PoolRunner:
    """Runs jobs on a QThreadPool (the global one unless given)."""

    def __init__(self, pool: QThreadPool | None = None):
        self.pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()  # keep relays alive until their result is delivered

    def run(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None) -> None:
        relay = _Relay(on_done, on_error, self._relays.discard)
        self._relays.add(relay)
        self.pool.start(_Job(fn, relay))

    @property
    def pending(self) -> int:
        return len(self._relays)


class SyncRunner:
    """The stand-in for tests and scripts: runs the job inline and calls back at once."""

    def run(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None) -> None:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001
            (on_error or _log_error)(exc)
            return
        if on_done:
            on_done(result)

    pending = 0


_runner: PoolRunner | SyncRunner | None = None


def runner() -> PoolRunner | SyncRunner:
    global _runner
    if _runner is None:
        _runner = PoolRunner()
    return _runner


def set_runner(new: PoolRunner | SyncRunner | None) -> PoolRunner | SyncRunner | None:
    """Install a runner (None: back to the default pool); returns the previous one so a test can restore it."""
    global _runner
    previous, _runner = _runner, new
    return previous


def run_in_background(fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None) -> None:
    """Run fn() off the GUI thread; on_done(result) or on_error(exception) is then called on the GUI thread."""
    runner().run(fn, on_done, on_error)
