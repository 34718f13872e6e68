"""SQL of customer imports: each import's record, and per imported row its identity key and old card number."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from ..clock import to_db


def record(conn: sqlite3.Connection, import_id: str, file_name: str, fingerprint: str, staff_id: str,
           at: datetime, summary: dict) -> None:
    conn.execute("INSERT INTO imports (id, file_name, fingerprint, staff_id, created_at, summary) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
                 (import_id, file_name, fingerprint, staff_id, to_db(at), json.dumps(summary, ensure_ascii=False)))


def add_customer(conn: sqlite3.Connection, row_key: int, import_id: str, customer_id: str, line: int,
                 old_card: str | None) -> None:
    conn.execute("INSERT INTO imported_customers (row_key, import_id, customer_id, line, old_card) "
                 "VALUES (?, ?, ?, ?, ?)", (row_key, import_id, customer_id, line, old_card))


def imported_keys(conn: sqlite3.Connection) -> dict[int, str]:
    """Row key -> the id of the import that brought the row in."""
    return dict(conn.execute("SELECT row_key, import_id FROM imported_customers"))


def customer_by_old_card(conn: sqlite3.Connection, number: str) -> str | None:
    """The customer an old card number leads to (the account it was merged into, if it was)."""
    row = conn.execute(
        """SELECT COALESCE(c.merged_into, c.id) FROM imported_customers i JOIN customers c ON c.id = i.customer_id
           WHERE i.old_card = ?""", (number,)).fetchone()
    return row[0] if row else None


def by_fingerprint(conn: sqlite3.Connection, fingerprint: str) -> sqlite3.Row | None:
    """The latest import of a file with these exact bytes."""
    return conn.execute("SELECT * FROM imports WHERE fingerprint = ? ORDER BY created_at DESC LIMIT 1",
                        (fingerprint,)).fetchone()


def get(conn: sqlite3.Connection, import_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM imports WHERE id = ?", (import_id,)).fetchone()


def all_imports(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Newest first, with the name of the staff member who imported (staff_name)."""
    return conn.execute("SELECT i.*, s.name AS staff_name FROM imports i LEFT JOIN staff s ON s.id = i.staff_id "
                        "ORDER BY i.created_at DESC").fetchall()


def customers_of(conn: sqlite3.Connection, import_id: str) -> list[sqlite3.Row]:
    """(line, customer_id, old_card) of the customers one import brought in, in file order."""
    return conn.execute("SELECT line, customer_id, old_card FROM imported_customers WHERE import_id = ? "
                        "ORDER BY line", (import_id,)).fetchall()
