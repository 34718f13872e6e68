"""SQL of staff members and their PIN attempts."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime

from ..clock import to_db


def create(conn: sqlite3.Connection, name: str, role: str, pin_hash: str | None, at: datetime) -> str:
    staff_id = str(uuid.uuid4())
    conn.execute("INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                 (staff_id, name, role, pin_hash, to_db(at)))
    return staff_id


def by_name(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM staff WHERE name = ?", (name,)).fetchone()


def get(conn: sqlite3.Connection, staff_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM staff WHERE id = ?", (staff_id,)).fetchone()


def all_staff(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM staff WHERE role != 'system' ORDER BY active DESC, name").fetchall()


def system(conn: sqlite3.Connection) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM staff WHERE role = 'system'").fetchone()


def set_pin(conn: sqlite3.Connection, staff_id: str, pin_hash: str) -> None:
    conn.execute("UPDATE staff SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?",
                 (pin_hash, staff_id))


def set_active(conn: sqlite3.Connection, staff_id: str, active: bool) -> None:
    conn.execute("UPDATE staff SET active = ? WHERE id = ?", (int(active), staff_id))


def record_attempt(conn: sqlite3.Connection, staff_id: str, ok: bool, locked_until: datetime | None) -> None:
    if ok:
        conn.execute("UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ?", (staff_id,))
    else:
        conn.execute("UPDATE staff SET failed_pins = failed_pins + 1, locked_until = ? WHERE id = ?",
                     (to_db(locked_until) if locked_until else None, staff_id))
