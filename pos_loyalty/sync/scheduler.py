"""Background sync without Qt: a loop the app runs in a worker thread (a QThread later), poked after bookings.

It syncs at start, a few seconds after a booking (debounced: a burst of bookings is one sync), every few minutes,
and while the server is unreachable it retries with exponential backoff and jitter, so it notices quickly when the
connection is back without hammering a server that is down. It never touches the counter's SQLite connection.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Callable

from ..errors import LoyaltyError
from .backoff import Backoff
from .client import SyncClient
from .lock import Busy, SyncLock

log = logging.getLogger(__name__)


@dataclass
class SyncStatus:
    """What the status bar shows. `online` is None until the first attempt."""

    online: bool | None = None
    registered: bool = False
    running: bool = False
    unsynced: int = 0
    conflicts: int = 0
    last_ok: str | None = None
    last_error: str | None = None  # in words a cashier understands
    warning: str | None = None  # e.g. this computer's clock is off
    next_attempt_s: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)


class SyncScheduler:
    def __init__(self, data_dir: str | Path, *, interval: float = 300.0, debounce: float = 3.0,
                 backoff: Backoff | None = None, on_status: Callable[[SyncStatus], None] | None = None,
                 client_factory: Callable[[Path], SyncClient] = SyncClient,
                 clock: Callable[[], float] = time.monotonic):
        self.data_dir = Path(data_dir)
        self.interval, self.debounce = interval, debounce
        self.backoff = backoff or Backoff(base=2.0, cap=120.0)
        self.on_status = on_status or (lambda status: None)
        self._factory, self._clock = client_factory, clock
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._due = clock()  # sync at start
        self.failures = 0
        self.status = SyncStatus()

    # ---- called from any thread (the GUI's) ----

    def poke(self) -> None:
        """A booking was made: sync soon, once the burst is over."""
        with self._lock:
            self._due = min(self._due, self._clock() + self.debounce) if self.failures == 0 else self._due
        self._wake.set()

    def sync_now(self) -> None:
        """The owner pressed "Sync now": go at once, even while backing off."""
        with self._lock:
            self._due = self._clock()
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    # ---- the worker thread ----

    def run(self) -> None:
        """Loop until stop(); creates its own client (and SQLite connection) in this thread."""
        client = self._factory(self.data_dir)
        try:
            while not self._stop.is_set():
                with self._lock:
                    wait = self._due - self._clock()
                if wait > 0:
                    self._wake.wait(wait)
                    self._wake.clear()
                    continue
                self.step(client)
        finally:
            client.close()

    def step(self, client: SyncClient) -> SyncStatus:
        """One attempt and the scheduling that follows from it (tests call this directly)."""
        if not client.registered:
            self._publish(client, online=None, error=None, next_in=self.interval)
            return self.status
        self.status = replace(self.status, running=True)  # each published status is a fresh object
        self.on_status(self.status)
        try:
            with SyncLock(self.data_dir):
                report = client.sync()
        except Busy:
            self._publish(client, online=self.status.online, error=None, next_in=min(30.0, self.interval))
        except LoyaltyError as exc:
            retry = bool(getattr(exc, "retry", False))
            self.failures += 1
            delay = self.backoff.delay(self.failures - 1) if retry else self.interval
            self._publish(client, online=False if exc.code == "offline" else self.status.online,
                          error=exc.message, next_in=delay)
        except Exception as exc:  # a bug must not end background sync for the day: log it, back off, go on
            log.exception("background sync failed")
            self.failures += 1
            self._publish(client, online=self.status.online, next_in=self.backoff.delay(self.failures - 1),
                          error=f"Sync stopped on an unexpected error ({type(exc).__name__}); it will try again.")
        else:
            self.failures = 0
            self._publish(client, online=True, error=None, next_in=self.interval,
                          warning="; ".join(report.warnings) or None)
        return self.status

    def _publish(self, client: SyncClient, *, online, error, next_in: float, warning: str | None = None) -> None:
        local = client.status()
        with self._lock:
            self._due = self._clock() + next_in
        self.status = SyncStatus(online=online, registered=local["registered"], running=False,
                                 unsynced=local["unsynced"], conflicts=local["conflicts"], last_ok=local["last_ok"],
                                 last_error=error, warning=warning, next_attempt_s=round(next_in, 2))
        self.on_status(self.status)
