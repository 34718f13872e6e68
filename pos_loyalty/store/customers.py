"""SQL of customers and their cards: create, find (card, name, email, phone), edit, block, merge, erase.

Name, email, phone and birthday are stored sealed (store.personal); every function here takes and returns them
in plain text, so nothing outside this module reads those columns.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime

from ..clock import to_db
from ..errors import Refused
from . import personal
from .personal import FIELDS as PERSONAL

FIELDS = PERSONAL + ("consent_email",)


def _open(conn: sqlite3.Connection, row: sqlite3.Row | None) -> dict | None:
    """A customer row as a dict with the personal fields decrypted."""
    if row is None:
        return None
    key = personal.of(conn)
    out = dict(row)
    for field in PERSONAL:
        out[field] = key.open(out["id"], field, out[field])
    return out


def _write_tokens(conn: sqlite3.Connection, num: int, before: set[int], after: set[int]) -> None:
    conn.executemany("DELETE FROM customer_tokens WHERE token = ? AND num = ?", [(t, num) for t in before - after])
    conn.executemany("INSERT OR IGNORE INTO customer_tokens (token, num) VALUES (?, ?)",
                     [(t, num) for t in after - before])


def create(conn: sqlite3.Connection, customer_id: str, *, at: datetime, staff_id: str, shop_id: str,
           referred_by: str | None = None, **fields) -> None:
    key = personal.of(conn)
    values = {k: fields.get(k) for k in FIELDS}
    sealed = {f: key.seal(customer_id, f, values[f]) for f in PERSONAL}
    num = conn.execute(
        """INSERT INTO customers (id, name, email, phone, birthday, consent_email, referred_by, home_shop,
                                  enrolled_by, created_at, updated_at)
           VALUES (:id, :name, :email, :phone, :birthday, :consent_email, :referred_by, :shop, :staff, :at, :at)""",
        sealed | {"id": customer_id, "consent_email": int(bool(values["consent_email"])), "referred_by": referred_by,
                  "shop": shop_id, "staff": staff_id, "at": to_db(at)},
    ).lastrowid
    _write_tokens(conn, num, set(), key.tokens(values))


def update(conn: sqlite3.Connection, customer_id: str, at: datetime, **fields) -> None:
    """Write the fields that really change (a re-encrypted equal value would look like an edit to sync)."""
    current = get(conn, customer_id)
    if current is None:
        return
    if current["erased_at"]:
        raise Refused("This customer's personal data was erased at their request: the account stays anonymous.",
                      code="erased")
    changes = {k: v for k, v in fields.items() if k in FIELDS and v != current[k]}
    if not changes:
        return
    _write(conn, current, changes, {"updated_at": to_db(at)})


def set_synced(conn: sqlite3.Connection, customer_id: str, field: str, value, at: str) -> None:
    """A field value merged from the server (sync's pull), sealed like a local edit."""
    current = get(conn, customer_id)
    if current is None or current[field] == value or (current["erased_at"] and field in PERSONAL):
        return  # an erased customer's fields stay empty whatever a till that has not heard of it sends
    _write(conn, current, {field: value}, {"updated_at": at})


def _write(conn: sqlite3.Connection, current: dict, changes: dict, extra: dict) -> None:
    key = personal.of(conn)
    customer_id = current["id"]
    stored = {k: key.seal(customer_id, k, v) if k in PERSONAL else v for k, v in changes.items()}
    if "consent_email" in stored:
        stored["consent_email"] = int(bool(stored["consent_email"]))
    stored |= extra
    assignments = ", ".join(f"{k} = :{k}" for k in stored)
    conn.execute(f"UPDATE customers SET {assignments} WHERE id = :id", stored | {"id": customer_id})
    if any(k in PERSONAL for k in changes):
        _write_tokens(conn, current["num"], key.tokens(current), key.tokens(current | changes))


def erase(conn: sqlite3.Connection, customer_id: str, at: datetime) -> None:
    """The personal fields and every search token of the customer are gone (the row and its id stay)."""
    row = conn.execute("SELECT num FROM customers WHERE id = ?", (customer_id,)).fetchone()
    if row is None:
        return
    conn.execute("UPDATE customers SET name = NULL, email = NULL, phone = NULL, birthday = NULL, consent_email = 0, "
                 "updated_at = ? WHERE id = ?", (to_db(at), customer_id))
    # Not only the tokens its current values give: whatever an older version or a bug left behind too.
    conn.execute("DELETE FROM customer_tokens WHERE num = ?", (row[0],))


def get(conn: sqlite3.Connection, customer_id: str) -> dict | None:
    return _open(conn, conn.execute("SELECT * FROM customers WHERE id = ?", (customer_id,)).fetchone())


def birthday(conn: sqlite3.Connection, customer_id: str) -> date | None:
    row = conn.execute("SELECT birthday FROM customers WHERE id = ?", (customer_id,)).fetchone()
    text = personal.of(conn).open(customer_id, "birthday", row[0]) if row else None
    return date.fromisoformat(text) if text else None


def birthdays_between(conn: sqlite3.Connection, first: date, last: date) -> list[dict]:
    """Customers (not merged away) whose birthday falls from `first` to `last` in some year; found by their
    month-day token, so only they are decrypted."""
    tokens = personal.of(conn).birthday_tokens(first, last)
    marks = ",".join("?" * len(tokens))
    rows = conn.execute(
        f"""SELECT c.* FROM customers c WHERE c.merged_into IS NULL AND c.num IN
            (SELECT num FROM customer_tokens WHERE token IN ({marks})) ORDER BY c.num""", tokens).fetchall()
    return [_open(conn, r) for r in rows]


def by_email(conn: sqlite3.Connection, email: str) -> list[dict]:
    """Customers (not merged away) with exactly this email address (case and accents aside)."""
    token = personal.of(conn).token("x", personal.fold(email.strip()))
    rows = conn.execute("""SELECT c.* FROM customer_tokens t JOIN customers c ON c.num = t.num
                           WHERE t.token = ? AND c.merged_into IS NULL ORDER BY c.num""", (token,)).fetchall()
    return [_open(conn, r) for r in rows]


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


def named_cards(conn: sqlite3.Connection, limit: int) -> list[dict]:
    """Active cards of customers with a name, oldest customers first: {'token', 'name'}."""
    rows = conn.execute(
        """SELECT c.token, cu.id, cu.name FROM cards c JOIN customers cu ON cu.id = c.customer_id
           WHERE cu.name IS NOT NULL AND c.blocked_at IS NULL ORDER BY cu.num LIMIT ?""", (limit,)).fetchall()
    key = personal.of(conn)
    return [{"token": r["token"], "name": key.open(r["id"], "name", r["name"])} for r in rows]


_CANDIDATES = 200
_PHONE_ENTRY = re.compile(r"[\d\s+()/\-]+")


def search(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[dict]:
    """Customers matching a name or email (word prefixes), or a phone number's last digits; best first."""
    text = text.strip()
    if not text:
        return []
    key = personal.of(conn)
    number = personal.digits(text)
    if len(number) >= personal.MIN_PHONE and _PHONE_ENTRY.fullmatch(text):
        wanted = number.lstrip("0")  # a leading 0 or 00 stands for a country code we don't know
        if len(wanted) < personal.MIN_PHONE:
            return []
        rows = _candidates(conn, [key.token("p", wanted)])
        return sorted((_open(conn, r) for r in rows), key=lambda c: c["name"] or "\uffff")[:limit]
    typed = personal.words(text)
    if not typed:
        return []
    # Names match each typed word's prefix; an email-like entry ("anna.m") also matches the email's beginning.
    rows = _candidates(conn, [key.token("w", w) for w in sorted(typed, key=len, reverse=True)])
    if "@" in text or "." in text:
        by_email = _candidates(conn, [key.token("e", personal.fold(text))])
        seen = {r["num"] for r in rows}
        rows = sorted(rows + [r for r in by_email if r["num"] not in seen], key=lambda r: -r["num"])[:_CANDIDATES]
    # Ranking every match of a short prefix costs tens of ms on 100k customers: take the newest candidates
    # through the index and put the names that start with what was typed first (decrypting only the names).
    start = personal.fold(text)
    first = sorted(rows, key=lambda r: not personal.fold(key.open(r["id"], "name", r["name"]) or "").startswith(start))
    return [_open(conn, r) for r in first[:limit]]


def _candidates(conn: sqlite3.Connection, tokens: list[int]) -> list[sqlite3.Row]:
    """The newest customers (not merged away) holding every one of the tokens."""
    tokens = list(dict.fromkeys(tokens))
    joins = "".join(f" JOIN customer_tokens t{i} ON t{i}.token = ? AND t{i}.num = t0.num"
                    for i in range(1, len(tokens)))
    return conn.execute(
        f"""SELECT c.* FROM customer_tokens t0{joins} JOIN customers c ON c.num = t0.num
            WHERE t0.token = ? AND c.merged_into IS NULL ORDER BY t0.num DESC LIMIT ?""",
        (*tokens[1:], tokens[0], _CANDIDATES)).fetchall()


def seal_plaintext(conn: sqlite3.Connection) -> None:
    """The upgrade to sealed fields: every customer's plaintext fields encrypted, their tokens made."""
    key = personal.of(conn)
    rows = conn.execute("SELECT num, id, name, email, phone, birthday FROM customers WHERE name IS NOT NULL "
                        "OR email IS NOT NULL OR phone IS NOT NULL OR birthday IS NOT NULL").fetchall()
    conn.executemany("UPDATE customers SET name = ?, email = ?, phone = ?, birthday = ? WHERE num = ?",
                     [(*(key.seal(r["id"], f, r[f]) for f in PERSONAL), r["num"]) for r in rows])
    conn.executemany("INSERT OR IGNORE INTO customer_tokens (token, num) VALUES (?, ?)",
                     [(t, r["num"]) for r in rows for t in key.tokens(dict(r))])
