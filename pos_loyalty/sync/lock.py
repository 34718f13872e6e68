"""One sync at a time per data folder: a file lock shared by the app's background sync and the nightly command."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import LoyaltyError

LOCK_NAME = "sync.lock"


class Busy(LoyaltyError):
    code = "busy"


class SyncLock:
    """`with SyncLock(data_dir):` holds an OS lock on data_dir/sync.lock; a second holder gets Busy at once.

    The OS drops the lock when the process dies, so a crash never leaves a stale lock behind.
    """

    def __init__(self, data_dir: str | Path):
        self.path = Path(data_dir) / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise Busy("Another sync is running on this terminal; this one is skipped.") from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "SyncLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
