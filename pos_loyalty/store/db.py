"""One SQLite connection with the ledger's durability settings, and transactions that nest."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from ..errors import StorageError
from . import migrations

FILENAME = "loyalty.db"


def _translate(exc: sqlite3.Error) -> StorageError:
    text = str(exc).lower()
    if "full" in text:
        return StorageError("The disk is full: nothing was booked. Free some space and try again.", code="disk_full")
    if "locked" in text or "busy" in text:
        return StorageError("The database is busy (another program is writing). Try again.", code="busy")
    if "readonly" in text or "read-only" in text:
        return StorageError("The data folder is read-only: nothing was booked.", code="read_only")
    return StorageError(f"Database error: {exc}")


class Connection(sqlite3.Connection):
    """A connection that also carries its data folder and, once loaded, the key to the personal fields
    (store.personal.of), so every function handed a connection can seal and open them."""

    data_dir: Path
    personal = None


class Database:
    """A connection for one thread. Write through `write()`: all of it commits, or none of it."""

    def __init__(self, path: str | Path, *, migrate: bool = True):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=10, factory=Connection)
        except sqlite3.Error as exc:
            raise _translate(exc) from None
        self.conn.row_factory = sqlite3.Row
        self.conn.data_dir = self.path.parent
        self._depth = 0
        self._owner = threading.get_ident()
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=10000",
                       # what is deleted or overwritten (an erased customer, an old encryption) is zeroed on disk
                       "secure_delete=ON"):
            self.conn.execute(f"PRAGMA {pragma}")
        if migrate:
            migrations.upgrade(self)

    @classmethod
    def in_dir(cls, data_dir: str | Path) -> "Database":
        return cls(Path(data_dir) / FILENAME)

    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def write(self):
        """A write transaction (BEGIN IMMEDIATE, so readers never have to upgrade). Nested calls join it."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _translate(exc) from None
        self._depth = 1
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise _translate(exc) from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def query(self, sql: str, params=()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params=()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params=()):
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def meta(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("SELECT value FROM meta WHERE key = ?", (key,))
        return default if value is None else value

    def set_meta(self, key: str, value: str) -> None:
        with self.write() as conn:
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                         (key, value))

    def backup_to(self, dest: str | Path) -> Path:
        """A consistent copy while the app keeps running (SQLite's online backup)."""
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(dest)
        try:
            self.conn.backup(target)
        except sqlite3.Error as exc:
            raise _translate(exc) from None
        finally:
            target.close()
        return dest

    def close(self) -> None:
        self.conn.close()
