"""SQL of a terminal's own set-up: its identity, its card-signing keys and the program versions it has loaded."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime

from ..clock import to_db


def initialise(conn: sqlite3.Connection, key_id: int, secret: bytes, at: datetime) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES ('terminal_id', ?), ('shop_id', 'local')", (str(uuid.uuid4()),))
    conn.execute("INSERT INTO card_keys (key_id, secret, created_at) VALUES (?, ?, ?)", (key_id, secret, to_db(at)))


def card_keys(conn: sqlite3.Connection) -> dict[int, bytes]:
    return {r[0]: bytes(r[1]) for r in conn.execute("SELECT key_id, secret FROM card_keys")}


def signing_key(conn: sqlite3.Connection) -> tuple[int, bytes]:
    key_id, secret = conn.execute("SELECT key_id, secret FROM card_keys ORDER BY created_at DESC LIMIT 1").fetchone()
    return key_id, bytes(secret)


def add_program(conn: sqlite3.Connection, name: str, source: str, at: datetime, staff_id: str) -> int:
    version = conn.execute("SELECT COALESCE(MAX(version), 0) + 1 FROM programs").fetchone()[0]
    conn.execute("INSERT INTO programs (version, name, source, loaded_at, staff_id) VALUES (?, ?, ?, ?, ?)",
                 (version, name, source, to_db(at), staff_id))
    return version


def latest_program(conn: sqlite3.Connection) -> tuple[int, str] | None:
    row = conn.execute("SELECT version, source FROM programs ORDER BY version DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else None


def programs(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every program version, newest first, with the name of who loaded it (staff names are not personal fields)."""
    return conn.execute("SELECT p.version, p.name, p.loaded_at, p.origin, s.name AS staff, s.role AS staff_role "
                        "FROM programs p LEFT JOIN staff s ON s.id = p.staff_id ORDER BY p.version DESC").fetchall()


def program_source(conn: sqlite3.Connection, version: int) -> str | None:
    row = conn.execute("SELECT source FROM programs WHERE version = ?", (version,)).fetchone()
    return row[0] if row else None
