"""SQL of a person's data as a whole: everything held about them (for an export) and its erasure, and the audit."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from ..clock import to_db
from ..sync.protocol import ERASED
from . import customers as customer_sql


def family(conn: sqlite3.Connection, customer_id: str) -> list[str]:
    """The customer and the accounts merged into it (one person's ledger)."""
    return [customer_id] + [r[0] for r in conn.execute(
        "SELECT id FROM customers WHERE merged_into = ? ORDER BY num", (customer_id,))]


def events_of(conn: sqlite3.Connection, ids: list[str]) -> list[sqlite3.Row]:
    marks = ",".join("?" * len(ids))
    return conn.execute(f"SELECT * FROM events WHERE customer_id IN ({marks}) ORDER BY created_at, seq",
                        ids).fetchall()


def cards_of(conn: sqlite3.Connection, ids: list[str]) -> list[sqlite3.Row]:
    marks = ",".join("?" * len(ids))
    return conn.execute(f"SELECT * FROM cards WHERE customer_id IN ({marks}) ORDER BY issued_at", ids).fetchall()


def messages_of(conn: sqlite3.Connection, ids: list[str]) -> list[dict] | None:
    """Messages sent to the person, where this shop keeps any (None: no such table)."""
    if "customer_id" not in _columns(conn, "messages"):
        return None
    marks = ",".join("?" * len(ids))
    return [dict(r) for r in conn.execute(f"SELECT * FROM messages WHERE customer_id IN ({marks})", ids)]


def imported_of(conn: sqlite3.Connection, ids: list[str]) -> list[dict]:
    """Where the person came from when imported: the import, its line, the old system's card number."""
    marks = ",".join("?" * len(ids))
    return [dict(r) for r in conn.execute(
        f"""SELECT i.import_id, m.file_name, m.created_at AS imported_at, i.line, i.old_card FROM imported_customers i
            JOIN imports m ON m.id = i.import_id WHERE i.customer_id IN ({marks}) ORDER BY m.created_at""", ids)]


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def erase(conn: sqlite3.Connection, customer_id: str, at: datetime) -> dict:
    """The person's fields, search tokens and free texts about them go; ids, cards and money figures stay.
    Also applied when the erasure comes from another till (sync), so it is complete on its own."""
    ids = family(conn, customer_id)
    marks = ",".join("?" * len(ids))
    for cid in ids:
        customer_sql.erase(conn, cid, at)
    conn.execute(f"UPDATE customers SET erased_at = COALESCE(erased_at, ?) WHERE id IN ({marks})", [to_db(at), *ids])
    blocked = 0
    for card in cards_of(conn, ids):
        if card["blocked_at"] is None:
            customer_sql.block_card(conn, card["token"], at, "erased")
            blocked += 1
    # Reasons typed by staff (an adjustment, a card's block) may name the person; the amounts stay.
    redacted = conn.execute(f"UPDATE events SET reason = ? WHERE customer_id IN ({marks}) AND kind = 'adjust' "
                            f"AND reason != ?", [ERASED, *ids, ERASED]).rowcount
    conn.execute(f"UPDATE cards SET block_reason = 'erased' WHERE customer_id IN ({marks}) "
                 "AND block_reason IS NOT 'erased'", ids)
    # The old card number identifies the person; the keyed row stays, so re-importing the old file does not
    # bring an erased customer back.
    conn.execute(f"UPDATE imported_customers SET old_card = NULL WHERE customer_id IN ({marks})", ids)
    messages = 0
    if "customer_id" in _columns(conn, "messages"):
        messages = conn.execute(f"DELETE FROM messages WHERE customer_id IN ({marks})", ids).rowcount
    return {"accounts": len(ids), "cards_blocked": blocked, "reasons_erased": redacted, "messages_deleted": messages}


def audit(conn: sqlite3.Connection, at: datetime, staff_id: str, action: str, customer_id: str, detail: dict) -> int:
    return conn.execute("INSERT INTO audit (at, staff_id, action, customer_id, detail) VALUES (?, ?, ?, ?, ?)",
                        (to_db(at), staff_id, action, customer_id, json.dumps(detail, ensure_ascii=False))).lastrowid


def audit_of(conn: sqlite3.Connection, customer_id: str | None = None) -> list[dict]:
    """Audit entries (of one customer, or all), oldest first, with the staff member's name."""
    where, params = ("WHERE a.customer_id = ?", (customer_id,)) if customer_id else ("", ())
    rows = conn.execute(f"SELECT a.*, s.name AS staff_name FROM audit a LEFT JOIN staff s ON s.id = a.staff_id "
                        f"{where} ORDER BY a.id", params)
    return [dict(r) | {"detail": json.loads(r["detail"])} for r in rows]
