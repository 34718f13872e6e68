"""SQL of customers and their cards: create, find (card, name, email, phone), edit, block, merge."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime

from ..clock import to_db
from .migrations import phone_key

FIELDS = ("name", "email", "phone", "birthday", "consent_email")


def create(conn: sqlite3.Connection, customer_id: str, *, at: datetime, staff_id: str, shop_id: str,
           referred_by: str | None = None, **fields) -> None:
    values = {k: fields.get(k) for k in FIELDS}
    conn.execute(
        """INSERT INTO customers (id, name, email, phone, phone_rev, birthday, consent_email, referred_by, home_shop,
                                  enrolled_by, created_at, updated_at)
           VALUES (:id, :name, :email, :phone, :phone_rev, :birthday, :consent_email, :referred_by, :shop, :staff,
                   :at, :at)""",
        values | {"id": customer_id, "phone_rev": phone_key(values["phone"]), "consent_email": int(bool(
            values["consent_email"])), "referred_by": referred_by, "shop": shop_id, "staff": staff_id,
                  "at": to_db(at)},
    )


def update(conn: sqlite3.Connection, customer_id: str, at: datetime, **fields) -> None:
    changes = {k: v for k, v in fields.items() if k in FIELDS}
    if "phone" in changes:
        changes["phone_rev"] = phone_key(changes["phone"])
    if not changes:
        return
    assignments = ", ".join(f"{k} = :{k}" for k in changes)
    conn.execute(f"UPDATE customers SET {assignments}, updated_at = :at WHERE id = :id",
                 changes | {"id": customer_id, "at": to_db(at)})


def get(conn: sqlite3.Connection, customer_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM customers WHERE id = ?", (customer_id,)).fetchone()


def add_card(conn: sqlite3.Connection, token: str, customer_id: str, at: datetime) -> None:
    conn.execute("INSERT INTO cards (token, customer_id, issued_at) VALUES (?, ?, ?)", (token, customer_id, to_db(at)))


def card(conn: sqlite3.Connection, token: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM cards WHERE token = ?", (token,)).fetchone()


def cards_of(conn: sqlite3.Connection, customer_id: str) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM cards WHERE customer_id = ? ORDER BY issued_at", (customer_id,)).fetchall()


def active_card(conn: sqlite3.Connection, customer_id: str) -> str | None:
    row = conn.execute("SELECT token FROM cards WHERE customer_id = ? AND blocked_at IS NULL ORDER BY issued_at DESC",
                       (customer_id,)).fetchone()
    return row[0] if row else None


def block_card(conn: sqlite3.Connection, token: str, at: datetime, reason: str) -> None:
    conn.execute("UPDATE cards SET blocked_at = ?, block_reason = ? WHERE token = ? AND blocked_at IS NULL",
                 (to_db(at), reason, token))


def merge(conn: sqlite3.Connection, source: str, target: str, at: datetime) -> None:
    """Point the source's cards and earlier merges at the target; the ledger moves by events (the caller's job)."""
    conn.execute("UPDATE cards SET customer_id = ? WHERE customer_id = ?", (target, source))
    conn.execute("UPDATE customers SET merged_into = ?, updated_at = ? WHERE id = ? OR merged_into = ?",
                 (target, to_db(at), source, source))


def count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM customers WHERE merged_into IS NULL").fetchone()[0]


def named_cards(conn: sqlite3.Connection, limit: int) -> list[sqlite3.Row]:
    """Active cards of customers with a name, oldest customers first."""
    return conn.execute(
        """SELECT c.token, cu.name FROM cards c JOIN customers cu ON cu.id = c.customer_id
           WHERE cu.name IS NOT NULL AND c.blocked_at IS NULL ORDER BY cu.num LIMIT ?""", (limit,)).fetchall()


_WORD = re.compile(r"\w+", re.UNICODE)
_CANDIDATES = 200


def search(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[sqlite3.Row]:
    """Customers matching a name or email (word prefixes), or a phone number's last digits; best first."""
    text = text.strip()
    if not text:
        return []
    digits = "".join(c for c in text if c.isdigit())
    if digits and len(digits) >= 4 and not re.search(r"[^\d\s+()/\-]", text):
        key = phone_key(digits.lstrip("0")) or "0"  # a leading 0 or 00 stands for a country code we don't know
        return conn.execute(
            """SELECT * FROM customers WHERE phone_rev >= ? AND phone_rev < ? AND merged_into IS NULL
               ORDER BY name LIMIT ?""",
            (key, key + ":", limit),
        ).fetchall()
    words = _WORD.findall(text)
    if not words:
        return []
    # An email-like entry is one phrase ("anna.m" is "anna" then "m*"); names match each word's prefix.
    match = f'"{" ".join(words)}"*' if "@" in text or "." in text else " ".join(f'"{w}"*' for w in words)
    # Ranking every match of a short prefix costs tens of ms on 100k customers: take the newest candidates
    # through the index and put the names that start with what was typed first.
    rows = conn.execute(
        """SELECT c.* FROM customers_fts f JOIN customers c ON c.num = f.rowid
           WHERE customers_fts MATCH ? AND c.merged_into IS NULL ORDER BY f.rowid DESC LIMIT ?""",
        (match, max(limit, _CANDIDATES)),
    ).fetchall()
    typed = text.casefold()
    return sorted(rows, key=lambda r: not (r["name"] or "").casefold().startswith(typed))[:limit]
