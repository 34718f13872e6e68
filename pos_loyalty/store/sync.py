"""SQL of sync at the terminal: what to push, marking it pushed, and applying a pulled page in one transaction."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from ..clock import from_db, to_db
from ..sync import protocol
from . import customers as customer_sql, privacy as privacy_sql

_EVENT_COLUMNS = ", ".join(("seq",) + protocol.EVENT_FIELDS)
_OLD = "1970-01-01T00:00:00.000000Z"  # a pulled card key must never become this terminal's signing key


# ---- state kept in meta ----

def get(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return default if row is None else row[0]


def put(conn: sqlite3.Connection, key: str, value) -> None:
    if value is None:
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    else:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, str(value)))


def save_registration(conn: sqlite3.Connection, url: str, answer: dict) -> None:
    """A (new) terminal identity: everything learnt from an earlier server starts again from zero."""
    for key, value in (("sync_url", url), ("sync_token", answer["token"]), ("terminal_id", answer["terminal_id"]),
                       ("shop_id", answer["shop_id"]), ("sync_tenant", answer["tenant"]),
                       ("sync_shop", answer["shop"]), ("sync_cursor", 0), ("sync_pushed", 0),
                       ("sync_keys_sent", "[]"), ("sync_last_error", None)):
        put(conn, key, value)
    # A terminal registered afresh (or with another server) sends everything again; the server drops duplicates.
    conn.execute("UPDATE events SET synced = 0 WHERE pulled = 0")
    conn.execute("DELETE FROM sync_outbox")
    conn.execute("INSERT INTO sync_outbox (entity, key, field) SELECT 'customer', id, NULL FROM customers ORDER BY num")
    conn.execute("INSERT INTO sync_outbox (entity, key, field) SELECT 'card', token, NULL FROM cards "
                 "ORDER BY issued_at")
    conn.execute("INSERT INTO sync_outbox (entity, key, field) SELECT entity, key, field FROM sync_fields")


# ---- push ----

def pending_events(conn: sqlite3.Connection, limit: int) -> list[dict]:
    rows = conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events WHERE synced = 0 ORDER BY seq LIMIT ?", (limit,))
    return [dict(r) for r in rows]


def pending_changes(conn: sqlite3.Connection, limit: int) -> tuple[dict, list[int]]:
    """Customer and card creations and field changes queued by the triggers, with current values and clocks."""
    queued = conn.execute("SELECT n, entity, key, field FROM sync_outbox ORDER BY n LIMIT ?", (limit,)).fetchall()
    out = {"customers": [], "cards": [], "fields": []}
    seen = set()
    for n, entity, key, field in queued:
        if (entity, key, field) in seen:
            continue
        seen.add((entity, key, field))
        if field is None:
            if entity == "customer":
                row = conn.execute("SELECT id, referred_by, home_shop, enrolled_by, created_at FROM customers "
                                   "WHERE id = ?", (key,)).fetchone()
                if row:
                    out["customers"].append(dict(row))
            else:
                row = conn.execute("SELECT token, customer_id, issued_at FROM cards WHERE token = ?", (key,)).fetchone()
                if row:
                    out["cards"].append(dict(row))
            continue
        if field not in protocol.FIELDS[entity]:
            continue
        if entity == "customer":  # the server keeps plain values: the personal fields go decrypted
            held = customer_sql.get(conn, key)
            value = None if held is None else (held[field],)
        else:
            value = conn.execute(f"SELECT {field} FROM cards WHERE token = ?", (key,)).fetchone()
        stamp = conn.execute("SELECT hlc, node FROM sync_fields WHERE entity = ? AND key = ? AND field = ?",
                             (entity, key, field)).fetchone()
        if value is None or stamp is None:
            continue
        out["fields"].append({"entity": entity, "key": key, "field": field,
                              "value": protocol.encode_value(value[0]), "hlc": stamp["hlc"], "node": stamp["node"]})
    return out, [r[0] for r in queued]


def unsent_keys(conn: sqlite3.Connection) -> list[dict]:
    sent = set(json.loads(get(conn, "sync_keys_sent", "[]")))
    return [{"key_id": r[0], "secret": bytes(r[1]).hex()}
            for r in conn.execute("SELECT key_id, secret FROM card_keys WHERE created_at != ?", (_OLD,))
            if r[0] not in sent]


def mark_pushed(conn: sqlite3.Connection, answer: dict, outbox: list[int], keys: list[dict], at: datetime) -> dict:
    """After the server's answer is parsed: its events are held there (or refused for good); the queue shrinks."""
    counts = {protocol.APPLIED: 0, protocol.DUPLICATE: 0, protocol.REJECTED: 0}
    done = []
    for result in answer["results"]:
        counts[result["status"]] += 1
        done.append((result["id"],))
        if result["status"] == protocol.REJECTED:
            conn.execute("INSERT OR REPLACE INTO sync_rejects (event_id, code, message, at) VALUES (?, ?, ?, ?)",
                         (result["id"], result.get("code") or "rejected", result.get("message"), to_db(at)))
    conn.executemany("UPDATE events SET synced = 1 WHERE id = ? AND synced = 0", done)
    conn.executemany("DELETE FROM sync_outbox WHERE n = ?", [(n,) for n in outbox])
    sent = set(json.loads(get(conn, "sync_keys_sent", "[]"))) | {k["key_id"] for k in keys}
    put(conn, "sync_keys_sent", json.dumps(sorted(sent)))
    put(conn, "sync_pushed", answer["pushed_seq"])
    return counts


def resend_after(conn: sqlite3.Connection, pushed_seq: int) -> int:
    """The server holds fewer of our events than we thought (restored from a backup): send them again."""
    count = conn.execute("UPDATE events SET synced = 0 WHERE pulled = 0 AND seq > ? AND synced = 1",
                         (pushed_seq,)).rowcount
    put(conn, "sync_pushed", pushed_seq)
    return count


def pending_counts(conn: sqlite3.Connection) -> dict:
    return {"events": conn.execute("SELECT COUNT(*) FROM events WHERE synced = 0").fetchone()[0],
            "changes": conn.execute("SELECT COUNT(*) FROM sync_outbox").fetchone()[0]}


# ---- pull ----

def apply_page(conn: sqlite3.Connection, page: dict, at: datetime, system_staff: str, check_program) -> dict:
    """Apply one pulled page and move the cursor, all in the caller's transaction; applying twice changes nothing."""
    conn.execute("PRAGMA defer_foreign_keys = ON")
    put(conn, "sync_applying", 1)
    now = to_db(at)
    customers = {c["id"]: c for c in page["customers"]}
    referenced = {c["customer_id"] for c in page["cards"]} | {e["customer_id"] for e in page["events"]}
    known = _existing(conn, "customers", "id", set(customers) | referenced)
    for c in page["customers"]:
        referrer = c.get("referred_by")
        if referrer and referrer not in known and referrer not in customers:
            referrer = None
        conn.execute(
            """INSERT INTO customers (id, referred_by, home_shop, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET referred_by = COALESCE(customers.referred_by, excluded.referred_by),
                   home_shop = COALESCE(customers.home_shop, excluded.home_shop)""",
            (c["id"], referrer, c.get("home_shop"), c["created_at"], now))
    for customer_id in referenced - known - set(customers):
        # Its creation is on the server in an earlier commit we hold already, or comes later: never wedge a page.
        conn.execute("INSERT OR IGNORE INTO customers (id, created_at, updated_at) VALUES (?, ?, ?)",
                     (customer_id, now, now))
    conn.executemany("INSERT OR IGNORE INTO cards (token, customer_id, issued_at) VALUES (?, ?, ?)",
                     [(c["token"], c["customer_id"], c["issued_at"]) for c in page["cards"]])
    changed = _merge_fields(conn, page["fields"], now)
    added = _insert_events(conn, page["events"])
    conn.executemany("INSERT OR IGNORE INTO card_keys (key_id, secret, created_at) VALUES (?, ?, ?)",
                     [(k["key_id"], bytes.fromhex(k["secret"]), _OLD) for k in page["card_keys"]])
    programs = 0
    for program in page["programs"]:
        latest = conn.execute("SELECT source FROM programs ORDER BY version DESC LIMIT 1").fetchone()
        if (latest is None or latest[0] != program["source"]) and check_program(program["source"]):
            number = conn.execute("SELECT COALESCE(MAX(version), 0) + 1 FROM programs").fetchone()[0]
            conn.execute("INSERT INTO programs (version, name, source, loaded_at, staff_id, origin) "
                         "VALUES (?, ?, ?, ?, ?, 'server')",
                         (number, program["name"], program["source"], now, system_staff))
            programs += 1
        put(conn, "sync_program", program["version"])
    conn.executemany("INSERT OR IGNORE INTO sync_conflicts (id, kind, customer_id, detail, created_at) "
                     "VALUES (?, ?, ?, ?, ?)",
                     [(c["id"], c["kind"], c["customer_id"], json.dumps(c["detail"]), c["created_at"])
                      for c in page["conflicts"]])
    put(conn, "sync_cursor", page["cursor"])
    put(conn, "sync_applying", None)
    return {"events": added, "fields": changed, "programs": programs, "conflicts": len(page["conflicts"])}


def _existing(conn: sqlite3.Connection, table: str, column: str, keys: set[str]) -> set[str]:
    found, keys = set(), list(keys)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found |= {r[0] for r in conn.execute(f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", chunk)}
    return found


def _merge_fields(conn: sqlite3.Connection, items: list[dict], now: str) -> int:
    """The server's value is the merged one, unless we hold a newer edit it has not acknowledged yet (last writer
    wins by (hlc, node)). Our own clock moves past every clock we have seen."""
    changed, highest = 0, 0
    for f in items:
        highest = max(highest, f["hlc"])
        if f["field"] not in protocol.FIELDS.get(f["entity"], ()):
            continue
        slot = (f["entity"], f["key"], f["field"])
        held = conn.execute("SELECT hlc, node FROM sync_fields WHERE entity = ? AND key = ? AND field = ?",
                            slot).fetchone()
        if held and tuple(held) == (f["hlc"], f["node"]):
            continue
        pending = conn.execute("SELECT 1 FROM sync_outbox WHERE entity = ? AND key = ? AND field = ?",
                               slot).fetchone()
        if pending and not protocol.hlc_newer((f["hlc"], f["node"]), tuple(held) if held else None):
            continue
        value = protocol.decode_value(f["value"])
        if f["entity"] == "customer" and f["field"] == "erased_at" and value:
            privacy_sql.erase(conn, f["key"], from_db(value))  # erased at another till: here too, completely
        elif f["entity"] == "customer":
            customer_sql.set_synced(conn, f["key"], f["field"], value, now)
        else:
            conn.execute(f"UPDATE cards SET {f['field']} = ? WHERE token = ?", (value, f["key"]))
        conn.execute("INSERT OR REPLACE INTO sync_fields (entity, key, field, hlc, node) VALUES (?, ?, ?, ?, ?)",
                     (f["entity"], f["key"], f["field"], f["hlc"], f["node"]))
        changed += 1
    if highest:
        conn.execute("UPDATE meta SET value = MAX(CAST(value AS INTEGER), ?) WHERE key = 'hlc'", (highest,))
    return changed


def _insert_events(conn: sqlite3.Connection, items: list[dict]) -> int:
    if not items:
        return 0
    held = _existing(conn, "events", "id", {e["id"] for e in items})
    new, deltas = [], {}
    for e in items:
        if e["id"] in held:
            continue
        held.add(e["id"])
        new.append(tuple(e[k] for k in protocol.EVENT_FIELDS))
        d = deltas.setdefault(e["customer_id"], [0, 0, 0])
        d[0], d[1], d[2] = d[0] + e["stamps"], d[1] + e["points"], d[2] + e["cashback"]
    columns = ", ".join(protocol.EVENT_FIELDS)
    marks = ", ".join("?" * len(protocol.EVENT_FIELDS))
    conn.executemany(f"INSERT INTO events ({columns}, synced, pulled) VALUES ({marks}, 1, 1)", new)
    conn.executemany(
        """INSERT INTO balances (customer_id, stamps, points, cashback) VALUES (?, ?, ?, ?)
           ON CONFLICT(customer_id) DO UPDATE SET stamps = stamps + excluded.stamps,
               points = points + excluded.points, cashback = cashback + excluded.cashback""",
        [(cid, *d) for cid, d in deltas.items() if any(d)])
    return len(new)


# ---- the offline redemption limit ----

def unsynced_redemptions(conn: sqlite3.Connection, customer_id: str) -> tuple[int, int, int]:
    """Stamps, points and cashback the customer redeemed here that the server has not seen yet (not undone)."""
    row = conn.execute(
        """SELECT -COALESCE(SUM(stamps), 0), -COALESCE(SUM(points), 0), -COALESCE(SUM(cashback), 0) FROM events e
           WHERE customer_id = ? AND kind IN ('redeem', 'donate') AND synced = 0
           AND NOT EXISTS (SELECT 1 FROM events v WHERE v.ref = e.id AND v.kind = 'void')""",
        (customer_id,)).fetchone()
    return tuple(row)


# ---- what the owner sees ----

def conflicts(conn: sqlite3.Connection) -> list[dict]:
    return [dict(r) | {"detail": json.loads(r["detail"])}
            for r in conn.execute("SELECT * FROM sync_conflicts ORDER BY created_at")]


def rejects(conn: sqlite3.Connection) -> list[dict]:
    return [dict(r) for r in conn.execute("SELECT * FROM sync_rejects ORDER BY at")]
