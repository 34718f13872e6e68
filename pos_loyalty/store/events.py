"""SQL of the ledger: appending events with their balance change, and the facts the rules engine asks for."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..clock import from_db, to_db
from ..ledger import PointsEvent
from ..program import Program
from ..rules import CustomerState, Entry
from . import customers

NOT_VOIDED = "NOT EXISTS (SELECT 1 FROM events v WHERE v.ref = e.id AND v.kind = 'void')"
FAMILY = "(SELECT id FROM customers WHERE id = :customer OR merged_into = :customer)"


@dataclass(frozen=True)
class Booking:
    """Where and by whom an event is booked; the same for every event of one operation."""

    staff_id: str
    at: datetime
    program_version: int | None
    shop_id: str
    terminal_id: str


def append(conn: sqlite3.Connection, customer_id: str, entry: Entry, booking: Booking, *, amount: int = 0,
           items: list | None = None, ref: str | None = None, expires_at: datetime | None = None,
           event_id: str | None = None) -> str:
    """Insert one event and move the customer's balance by its deltas, in the caller's transaction."""
    event_id = event_id or str(uuid.uuid4())
    conn.execute(
        """INSERT INTO events (id, customer_id, kind, stamps, points, cashback, amount, items, reason, detail, ref,
                               staff_id, shop_id, terminal_id, created_at, expires_at, program_version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (event_id, customer_id, entry.kind, entry.stamps, entry.points, entry.cashback, amount,
         json.dumps(items) if items else None, entry.reason, json.dumps(entry.detail) if entry.detail else None,
         ref, booking.staff_id, booking.shop_id, booking.terminal_id, to_db(booking.at),
         to_db(expires_at) if expires_at else None, booking.program_version),
    )
    if entry.stamps or entry.points or entry.cashback:
        conn.execute(
            """INSERT INTO balances (customer_id, stamps, points, cashback) VALUES (?, ?, ?, ?)
               ON CONFLICT(customer_id) DO UPDATE SET stamps = stamps + excluded.stamps,
                   points = points + excluded.points, cashback = cashback + excluded.cashback""",
            (customer_id, entry.stamps, entry.points, entry.cashback),
        )
    return event_id


def balance(conn: sqlite3.Connection, customer_id: str) -> tuple[int, int, int]:
    row = conn.execute("SELECT stamps, points, cashback FROM balances WHERE customer_id = ?", (customer_id,)).fetchone()
    return tuple(row) if row else (0, 0, 0)


def _day_bounds(program: Program, at: datetime) -> tuple[str, str]:
    local = at.astimezone(program.zone)
    start = datetime.combine(local.date(), datetime.min.time(), program.zone)
    return to_db(start), to_db(datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), program.zone))


def qualifying(conn: sqlite3.Connection, program: Program, customer_id: str, at: datetime) -> int:
    """The customer's tier measure over the tier window ending just before `at` (merged accounts included)."""
    if not program.tiers:
        return 0
    since = to_db(at - timedelta(days=program.tiers.window_days))
    measure = {
        "spend": "COALESCE(SUM(e.amount), 0)",
        "visits": "COUNT(*)",
        "points": "COALESCE(SUM(e.points), 0)",
    }[program.tiers.qualify_by]
    kinds = "('purchase', 'bonus')" if program.tiers.qualify_by == "points" else "('purchase')"
    return conn.execute(
        f"""SELECT {measure} FROM events e WHERE e.customer_id IN {FAMILY} AND e.kind IN {kinds}
            AND e.created_at >= :since AND e.created_at < :at AND {NOT_VOIDED}""",
        {"customer": customer_id, "since": since, "at": to_db(at)},
    ).fetchone()[0]


def customer_state(conn: sqlite3.Connection, program: Program, customer_id: str, at: datetime) -> CustomerState:
    row = conn.execute("SELECT referred_by FROM customers WHERE id = ?", (customer_id,)).fetchone()
    stamps, points, cashback = balance(conn, customer_id)
    day_start, day_end = _day_bounds(program, at)
    family = {"customer": customer_id}
    stamps_today = conn.execute(
        f"""SELECT COALESCE(SUM(e.stamps), 0) FROM events e WHERE e.customer_id IN {FAMILY}
            AND e.kind = 'purchase' AND e.created_at >= :start AND e.created_at < :end AND {NOT_VOIDED}""",
        family | {"start": day_start, "end": day_end},
    ).fetchone()[0]
    years = conn.execute(
        f"""SELECT json_extract(e.detail, '$.year') FROM events e WHERE e.customer_id IN {FAMILY}
            AND e.kind = 'bonus' AND json_extract(e.detail, '$.bonus') = 'birthday' AND {NOT_VOIDED}""",
        family,
    ).fetchall()
    has_purchased = conn.execute(
        f"SELECT EXISTS (SELECT 1 FROM events e WHERE e.customer_id IN {FAMILY} AND e.kind = 'purchase' AND {NOT_VOIDED})",
        family,
    ).fetchone()[0]
    return CustomerState(
        stamps=stamps,
        points=points,
        cashback=cashback,
        qualifying=qualifying(conn, program, customer_id, at),
        stamps_today=stamps_today,
        birthday=customers.birthday(conn, customer_id),
        birthday_bonus_years=frozenset(y for (y,) in years if y is not None),
        has_purchased=bool(has_purchased),
        referred_by=row["referred_by"] if row else None,
    )


def points_events(conn: sqlite3.Connection, customer_id: str) -> list[PointsEvent]:
    rows = conn.execute(
        "SELECT id, kind, points, created_at, expires_at, ref FROM events WHERE customer_id = ? AND points != 0 "
        "ORDER BY created_at, seq",
        (customer_id,),
    ).fetchall()
    return [
        PointsEvent(r["id"], r["kind"], r["points"], from_db(r["created_at"]),
                    from_db(r["expires_at"]) if r["expires_at"] else None, r["ref"])
        for r in rows
    ]


def customers_with_expiring_points(conn: sqlite3.Connection, at: datetime) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT customer_id FROM events WHERE expires_at <= ? AND points > 0", (to_db(at),))]


def get(conn: sqlite3.Connection, event_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()


def is_voided(conn: sqlite3.Connection, event_id: str) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM events WHERE ref = ? AND kind = 'void')",
                        (event_id,)).fetchone()[0] == 1


def group(conn: sqlite3.Connection, event_id: str) -> list[sqlite3.Row]:
    """An event and the events booked because of it (its bonuses, the referrer's reward, a tier change)."""
    return conn.execute(
        "SELECT * FROM events WHERE id = ? OR (ref = ? AND kind NOT IN ('void', 'expire')) ORDER BY seq",
        (event_id, event_id),
    ).fetchall()


def latest_by_staff(conn: sqlite3.Connection, staff_id: str, since: datetime) -> sqlite3.Row | None:
    """The staff member's newest purchase or redemption since a time, if it was not undone."""
    return conn.execute(
        f"""SELECT * FROM events e WHERE e.staff_id = ? AND e.kind IN ('purchase', 'redeem', 'donate')
            AND e.created_at >= ? AND {NOT_VOIDED} ORDER BY e.seq DESC LIMIT 1""",
        (staff_id, to_db(since)),
    ).fetchone()


def unsynced_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM events WHERE synced = 0").fetchone()[0]


def history(conn: sqlite3.Connection, customer_id: str, limit: int = 200) -> list[sqlite3.Row]:
    return conn.execute(
        f"SELECT * FROM events e WHERE e.customer_id IN {FAMILY} ORDER BY e.created_at DESC, e.seq DESC LIMIT :limit",
        {"customer": customer_id, "limit": limit},
    ).fetchall()


def mismatched_balances(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Customers whose stored balance differs from the sum of their events."""
    return conn.execute(
        """WITH sums AS (SELECT customer_id, SUM(stamps) AS stamps, SUM(points) AS points, SUM(cashback) AS cashback
                         FROM events GROUP BY customer_id)
           SELECT c.id AS customer_id,
                  COALESCE(b.stamps, 0) AS stored_stamps, COALESCE(s.stamps, 0) AS stamps,
                  COALESCE(b.points, 0) AS stored_points, COALESCE(s.points, 0) AS points,
                  COALESCE(b.cashback, 0) AS stored_cashback, COALESCE(s.cashback, 0) AS cashback
           FROM customers c LEFT JOIN balances b ON b.customer_id = c.id LEFT JOIN sums s ON s.customer_id = c.id
           WHERE COALESCE(b.stamps, 0) != COALESCE(s.stamps, 0) OR COALESCE(b.points, 0) != COALESCE(s.points, 0)
              OR COALESCE(b.cashback, 0) != COALESCE(s.cashback, 0)"""
    ).fetchall()


def rebuild_balances(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM balances")
    conn.execute(
        """INSERT INTO balances (customer_id, stamps, points, cashback)
           SELECT customer_id, SUM(stamps), SUM(points), SUM(cashback) FROM events GROUP BY customer_id"""
    )
