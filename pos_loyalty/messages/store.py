"""SQL of the till's outbox: planning inputs (new events, the daily scans), rows and their states, and their sync.

Personal fields (name, email, birthday) come only through store.customers, which decrypts them.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

from ..clock import from_db, to_db
from ..ledger import point_lots
from ..store import customers as customer_sql, events as event_sql
from ..store.events import NOT_VOIDED
from .kinds import SENDING, WIRE_FIELDS
from .occasions import Activity
from .policy import Prior, Recipient

SENDABLE = ("local", "granted")  # claims under which this till sends a row
OWN = ("local", "pending", "granted")


# ---- what the planner reads ----

def activity(conn: sqlite3.Connection, cursor: int, since: datetime, shops: set[str]) -> tuple[list[Activity], int]:
    """Customers of these shops with events after `cursor` (booked since `since`), and the new cursor."""
    top = conn.execute("SELECT COALESCE(MAX(seq), ?) FROM events", (cursor,)).fetchone()[0]
    marks = ",".join("?" * len(shops))
    rows = conn.execute(
        f"""SELECT customer_id, kind, stamps, points, cashback, detail, created_at FROM events
            WHERE seq > ? AND seq <= ? AND created_at >= ? AND shop_id IN ({marks}) ORDER BY seq""",
        (cursor, top, to_db(since), *shops)).fetchall()
    grouped: dict[str, list[dict]] = {}
    for r in rows:
        grouped.setdefault(r["customer_id"], []).append(
            dict(r) | {"detail": json.loads(r["detail"]) if r["detail"] else {}, "created_at": from_db(r["created_at"])})
    return [Activity(cid, events, event_sql.balance(conn, cid), redeemed(conn, cid))
            for cid, events in grouped.items()], top


def redeemed(conn: sqlite3.Connection, customer_id: str) -> dict[str, int]:
    rows = conn.execute(
        f"""SELECT json_extract(e.detail, '$.reward'), COUNT(*) FROM events e WHERE e.customer_id = ?
            AND e.kind IN ('redeem', 'donate') AND {NOT_VOIDED} GROUP BY 1""", (customer_id,))
    return {r[0]: r[1] for r in rows if r[0]}


def _local(conn: sqlite3.Connection, ids: list[str], shops: set[str]) -> set[str]:
    """Which of these customers belong to one of the shops (and were not merged into another)."""
    out = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = conn.execute(
            f"""SELECT id FROM customers WHERE id IN ({','.join('?' * len(chunk))}) AND merged_into IS NULL
                AND home_shop IN ({','.join('?' * len(shops))})""", (*chunk, *shops))
        out |= {r[0] for r in rows}
    return out


def birthdays(conn: sqlite3.Connection, first: date, last: date, shops: set[str]) -> list[tuple[str, date]]:
    found = [c for c in customer_sql.birthdays_between(conn, first, last) if c["home_shop"] in shops]
    return [(c["id"], date.fromisoformat(c["birthday"])) for c in found]


def expiring(conn: sqlite3.Connection, after: datetime, until: datetime, shops: set[str]) -> list[tuple[str, list]]:
    """(customer, point lots) of customers with points expiring in (after, until]."""
    # A customer whose balance holds no points has no lot left to lose: no replay for them.
    ids = [r[0] for r in conn.execute(
        """SELECT DISTINCT e.customer_id FROM events e JOIN balances b ON b.customer_id = e.customer_id
           WHERE e.expires_at > ? AND e.expires_at <= ? AND e.points > 0 AND b.points > 0""",
        (to_db(after), to_db(until)))]
    mine = _local(conn, ids, shops)
    return [(cid, point_lots(event_sql.points_events(conn, cid))) for cid in ids if cid in mine]


def last_visits(conn: sqlite3.Connection, earliest: datetime, latest: datetime,
                shops: set[str]) -> list[tuple[str, datetime]]:
    """Customers whose last purchase was from `earliest` to before `latest`."""
    # Purchases in the window (a range of the time index), of customers with none since (their own index).
    rows = conn.execute(
        """SELECT e.customer_id, MAX(e.created_at) FROM events e
           WHERE e.kind = 'purchase' AND e.created_at >= :earliest AND e.created_at < :latest
           AND NOT EXISTS (SELECT 1 FROM events later WHERE later.customer_id = e.customer_id
                           AND later.created_at >= :latest AND later.kind = 'purchase')
           GROUP BY e.customer_id""", {"earliest": to_db(earliest), "latest": to_db(latest)}).fetchall()
    mine = _local(conn, [r[0] for r in rows], shops)
    return [(r[0], from_db(r[1])) for r in rows if r[0] in mine]


def last_visit(conn: sqlite3.Connection, customer_id: str) -> datetime | None:
    row = conn.execute("SELECT MAX(created_at) FROM events WHERE customer_id = ? AND kind = 'purchase'",
                       (customer_id,)).fetchone()
    return from_db(row[0]) if row and row[0] else None


def recipient(conn: sqlite3.Connection, customer_id: str) -> Recipient:
    c = customer_sql.get(conn, customer_id)
    if c is None:
        return Recipient(customer_id)
    return Recipient(customer_id, c["email"], bool(c["consent_email"]), c["unsubscribed_at"], c["name"],
                     c["language"])


def prior(conn: sqlite3.Connection, customer_id: str, other_than: str = "") -> list[Prior]:
    rows = conn.execute("SELECT kind, status, COALESCE(sent_at, planned_at) FROM messages WHERE customer_id = ? "
                        "AND id != ?", (customer_id, other_than))
    return [Prior(r[0], r[1], from_db(r[2])) for r in rows]


def known(conn: sqlite3.Connection, ids: list[str]) -> set[str]:
    out = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        out |= {r[0] for r in conn.execute(f"SELECT id FROM messages WHERE id IN ({','.join('?' * len(chunk))})",
                                           chunk)}
    return out


# ---- rows ----

def insert(conn: sqlite3.Connection, rows: list[dict]) -> int:
    """New rows; one planned already (here, or pulled from the server) stays as it is."""
    before = conn.total_changes
    conn.executemany(
        f"""INSERT OR IGNORE INTO messages ({', '.join(WIRE_FIELDS)}, sender, claim, dirty, rev, updated_at)
            VALUES ({', '.join(':' + f for f in WIRE_FIELDS)}, :sender, :claim, 1, 0, :updated_at)""", rows)
    return conn.total_changes - before


def get(conn: sqlite3.Connection, message_id: str) -> dict | None:
    row = conn.execute("SELECT * FROM messages WHERE id = ?", (message_id,)).fetchone()
    return _row(row) if row else None


def listing(conn: sqlite3.Connection, status: str | None = None, kind: str | None = None,
            limit: int = 500) -> list[dict]:
    where, args = [], []
    for column, value in (("status", status), ("kind", kind)):
        if value:
            where.append(f"{column} = ?")
            args.append(value)
    sql = "SELECT * FROM messages" + (" WHERE " + " AND ".join(where) if where else "")
    return [_row(r) for r in conn.execute(sql + " ORDER BY planned_at DESC, id LIMIT ?", (*args, limit))]


def counts(conn: sqlite3.Connection) -> dict:
    """Rows per status, and the held ones per reason."""
    out = {"status": {r[0]: r[1] for r in conn.execute("SELECT status, COUNT(*) FROM messages GROUP BY 1")},
           "held": {r[0]: r[1] for r in conn.execute("SELECT reason, COUNT(*) FROM messages WHERE status = 'held' "
                                                      "GROUP BY 1")}}
    return out


def due(conn: sqlite3.Connection, now: datetime, limit: int = 200) -> list[dict]:
    marks = ",".join("?" * len(SENDABLE))
    rows = conn.execute(f"SELECT * FROM messages WHERE status = 'queued' AND not_before <= ? AND claim IN ({marks}) "
                        "ORDER BY not_before, id LIMIT ?", (to_db(now), *SENDABLE, limit))
    return [_row(r) for r in rows]


def start_sending(conn: sqlite3.Connection, message_id: str, now: datetime) -> bool:
    """Take a queued row for sending (one process wins); committed before the mail server hears of it."""
    marks = ",".join("?" * len(SENDABLE))
    return conn.execute(
        f"""UPDATE messages SET status = 'sending', attempts = attempts + 1, dirty = 1, rev = rev + 1, updated_at = ?
            WHERE id = ? AND status = 'queued' AND claim IN ({marks})""",
        (to_db(now), message_id, *SENDABLE)).rowcount == 1


def update(conn: sqlite3.Connection, message_id: str, now: datetime, **values) -> None:
    """Change an own row's state (it then goes to the server with the next push)."""
    values = {k: to_db(v) if isinstance(v, datetime) else v for k, v in values.items()}
    assignments = ", ".join(f"{k} = :{k}" for k in values)
    conn.execute(f"UPDATE messages SET {assignments}, dirty = 1, rev = rev + 1, updated_at = :now WHERE id = :id",
                 values | {"now": to_db(now), "id": message_id})


def interrupted(conn: sqlite3.Connection, before: datetime, now: datetime) -> int:
    """Rows left 'sending' by a process that died: they may have gone out, so they are never sent again."""
    return conn.execute(
        """UPDATE messages SET status = 'failed', reason = 'interrupted', dirty = 1, rev = rev + 1, updated_at = ?
           WHERE status = 'sending' AND updated_at < ? AND claim IN ('local', 'granted')""",
        (to_db(now), to_db(before))).rowcount


def release_own(conn: sqlite3.Connection, now: datetime) -> int:
    """This till no longer sends (its e-mail settings were removed): its queued rows are held, not left waiting."""
    return conn.execute(
        """UPDATE messages SET status = 'held', reason = 'sender_removed', dirty = 1, rev = rev + 1, updated_at = ?
           WHERE status = 'queued' AND claim IN ('local', 'pending', 'granted')""", (to_db(now),)).rowcount


def set_preferences(conn: sqlite3.Connection, customer_id: str, now: datetime, **values) -> None:
    """The customer's message language or unsubscribe time (not personal fields; they sync by trigger)."""
    values = {k: v for k, v in values.items() if k in ("language", "unsubscribed_at")}
    if values:
        assignments = ", ".join(f"{k} = :{k}" for k in values)
        conn.execute(f"UPDATE customers SET {assignments}, updated_at = :now WHERE id = :id",
                     values | {"now": to_db(now), "id": customer_id})


def _row(row: sqlite3.Row) -> dict:
    out = dict(row)
    out["facts"] = json.loads(out["facts"])
    return out


# ---- sync ----

def pending(conn: sqlite3.Connection, limit: int) -> tuple[list[dict], dict[str, int]]:
    """This till's rows the server has not seen in their latest state, in wire shape; and their revisions."""
    marks = ",".join("?" * len(OWN))
    rows = conn.execute(f"SELECT {', '.join(WIRE_FIELDS)}, rev FROM messages WHERE dirty = 1 AND claim IN ({marks}) "
                        "ORDER BY rev, id LIMIT ?", (*OWN, limit)).fetchall()
    return [{k: r[k] for k in WIRE_FIELDS} for r in rows], {r["id"]: r["rev"] for r in rows}


def apply_answer(conn: sqlite3.Connection, answers: list[dict], revs: dict[str, int], me: str) -> None:
    """The server's word on each pushed row: ours to send (perhaps held by the chain-wide caps) or someone else's."""
    for a in answers:
        if a.get("id") not in revs:
            continue
        ours = a["sender"] == me
        changes = {"sender": a["sender"], "status": a["status"], "reason": a.get("reason")}
        conn.execute(
            """UPDATE messages SET sender = :sender, claim = CASE WHEN :ours THEN
                   (CASE claim WHEN 'local' THEN 'local' ELSE 'granted' END) ELSE 'lost' END,
                   status = CASE WHEN :ours AND rev != :rev THEN status ELSE :status END,
                   reason = CASE WHEN :ours AND rev != :rev THEN reason ELSE :reason END,
                   dirty = CASE WHEN rev = :rev THEN 0 ELSE dirty END
               WHERE id = :id""", changes | {"ours": ours, "rev": revs[a["id"]], "id": a["id"]})


def apply_pulled(conn: sqlite3.Connection, rows: list[dict], me: str, now: datetime) -> int:
    """Rows from the server: others' rows are copied as they are; ours stay as we hold them (we are the authority
    once the server granted them), except that a pending claim learns its answer."""
    changed = 0
    for r in rows:
        held = conn.execute("SELECT claim, status FROM messages WHERE id = ?", (r["id"],)).fetchone()
        ours = r["sender"] == me
        if held and held["claim"] in OWN and ours:
            if held["claim"] == "pending":
                conn.execute("UPDATE messages SET claim = 'granted' WHERE id = ?", (r["id"],))
            continue
        values = {k: r[k] for k in WIRE_FIELDS} | {"sender": r["sender"], "updated_at": to_db(now)}
        if held is None:
            conn.execute(
                f"""INSERT INTO messages ({', '.join(WIRE_FIELDS)}, sender, claim, dirty, rev, updated_at)
                    VALUES ({', '.join(':' + f for f in WIRE_FIELDS)}, :sender, 'remote', 0, 0, :updated_at)""",
                values)
        elif held["status"] == SENDING and held["claim"] in ("local", "granted"):
            continue  # our own send in progress: its outcome decides, not an older copy
        else:
            claim = "remote" if held["claim"] == "remote" else "lost"
            assignments = ", ".join(f"{k} = :{k}" for k in values if k != "id")
            conn.execute(f"UPDATE messages SET {assignments}, claim = :claim, dirty = 0 WHERE id = :id",
                         values | {"claim": claim})
        changed += 1
    return changed



def declaration(conn: sqlite3.Connection, now: datetime) -> bool | None:
    """Whether to tell the server (again) that this till sends its shop's messages: once a day while it does (the
    server stops trusting a till that has not said so for a few days), and once when it stopped. None: nothing."""
    sends = conn.execute("SELECT 1 FROM meta WHERE key = 'smtp_host' AND value != ''").fetchone() is not None
    said = (conn.execute("SELECT value FROM meta WHERE key = 'messages_declared'").fetchone() or ("",))[0]
    if not sends:  # a till that never sent has nothing to take back
        return False if said.startswith("1:") else None
    return None if said == f"1:{now.date().isoformat()}" else True


def declared(conn: sqlite3.Connection, sends: bool, now: datetime) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES ('messages_declared', ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (f"{int(sends)}:{now.date().isoformat()}",))
