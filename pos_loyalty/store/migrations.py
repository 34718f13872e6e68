"""Numbered schema steps. Each runs in its own transaction and bumps PRAGMA user_version; never edit a released step."""

from __future__ import annotations

import sqlite3
import uuid
from typing import TYPE_CHECKING, Callable

from ..errors import StorageError
from . import customers, reports

if TYPE_CHECKING:
    from .db import Database

_LEDGER = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE programs (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    loaded_at TEXT NOT NULL,
    staff_id TEXT
);

CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('cashier', 'owner', 'system')),
    pin_hash TEXT,
    failed_pins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE customers (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT,
    email TEXT,
    phone TEXT,
    birthday TEXT,
    referred_by TEXT REFERENCES customers(id),
    consent_email INTEGER NOT NULL DEFAULT 0,
    home_shop TEXT,
    enrolled_by TEXT REFERENCES staff(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    merged_into TEXT REFERENCES customers(id)
);
-- Every history query asks for "this customer or those merged into it": without this index, a full scan.
CREATE INDEX customers_merged_into ON customers(merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE cards (
    token TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers(id),
    issued_at TEXT NOT NULL,
    blocked_at TEXT,
    block_reason TEXT
);
CREATE INDEX cards_customer ON cards(customer_id);

CREATE TABLE card_keys (key_id INTEGER PRIMARY KEY, secret BLOB NOT NULL, created_at TEXT NOT NULL);

CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    customer_id TEXT NOT NULL REFERENCES customers(id),
    kind TEXT NOT NULL,
    stamps INTEGER NOT NULL DEFAULT 0,
    points INTEGER NOT NULL DEFAULT 0,
    cashback INTEGER NOT NULL DEFAULT 0,
    amount INTEGER NOT NULL DEFAULT 0,
    items TEXT,
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT,
    ref TEXT,
    staff_id TEXT,
    shop_id TEXT,
    terminal_id TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    program_version INTEGER,
    synced INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_customer_time ON events(customer_id, created_at);
CREATE INDEX events_ref ON events(ref) WHERE ref IS NOT NULL;
CREATE INDEX events_time ON events(created_at);
CREATE INDEX events_expiry ON events(expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX events_unsynced ON events(seq) WHERE synced = 0;

-- The ledger is append-only: corrections are new events. Only the sync flag may change.
CREATE TRIGGER events_no_update BEFORE UPDATE OF id, customer_id, kind, stamps, points, cashback, amount, items,
    reason, detail, ref, staff_id, shop_id, terminal_id, created_at, expires_at, program_version ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE balances (
    customer_id TEXT PRIMARY KEY REFERENCES customers(id),
    stamps INTEGER NOT NULL DEFAULT 0,
    points INTEGER NOT NULL DEFAULT 0,
    cashback INTEGER NOT NULL DEFAULT 0
);
"""

# Search by name or email (full-text, prefixes, accents folded) and by the end of a phone number
# (reversed digits, so '0170 1234567' and '+49 170 1234567' both match '1234567' through an index).
_SEARCH = """
ALTER TABLE customers ADD COLUMN phone_rev TEXT;
CREATE INDEX customers_phone_rev ON customers(phone_rev) WHERE phone_rev IS NOT NULL;
CREATE INDEX customers_email ON customers(email COLLATE NOCASE) WHERE email IS NOT NULL;
CREATE VIRTUAL TABLE customers_fts USING fts5(
    name, email, content='customers', content_rowid='num', tokenize='unicode61 remove_diacritics 2',
    prefix='1 2 3'
);
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customers_fts(rowid, name, email) VALUES (new.num, new.name, new.email);
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customers_fts(customers_fts, rowid, name, email) VALUES ('delete', old.num, old.name, old.email);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF name, email ON customers BEGIN
    INSERT INTO customers_fts(customers_fts, rowid, name, email) VALUES ('delete', old.num, old.name, old.email);
    INSERT INTO customers_fts(rowid, name, email) VALUES (new.num, new.name, new.email);
END;
INSERT INTO customers_fts(customers_fts) VALUES ('rebuild');
UPDATE customers SET phone_rev = reverse_digits(phone) WHERE phone IS NOT NULL;
"""


# The field triggers' parts (see _sync_step): not while sync applies a pull; tick the clock; its value; this till.
_QUIET = "NOT EXISTS (SELECT 1 FROM meta WHERE key = 'sync_applying')"
_TICK = ("UPDATE meta SET value = MAX(CAST(value AS INTEGER) + 1, "
         "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) * 1000) WHERE key = 'hlc';")
_HLC = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'hlc')"
_NODE = "COALESCE((SELECT value FROM meta WHERE key = 'terminal_id'), '')"


def _sync_step() -> str:
    """Sync bookkeeping: pulled events are marked as such; customer and card edits queue themselves for the server.

    Triggers record every local creation and field change in `sync_outbox` and stamp the field with a hybrid
    logical clock (meta 'hlc': milliseconds * 1000 + a counter, never going back) and this terminal's id in
    `sync_fields`, so the UI, the CLI and any future code path are covered without calling sync code. Rows the
    sync client writes while meta 'sync_applying' is set (inside its own transaction) do not echo back.
    """
    fields = {"customer": ("name", "email", "phone", "birthday", "consent_email", "merged_into"),
              "card": ("customer_id", "blocked_at", "block_reason")}
    key = {"customer": "id", "card": "token"}
    table = {"customer": "customers", "card": "cards"}
    quiet, tick, hlc, node = _QUIET, _TICK, _HLC, _NODE
    out = [
        # Rows written without their phone key (by an older tool) become findable by phone too.
        "UPDATE customers SET phone_rev = reverse_digits(phone) WHERE phone IS NOT NULL AND phone_rev IS NULL;",
        "ALTER TABLE events ADD COLUMN pulled INTEGER NOT NULL DEFAULT 0;",
        "CREATE TRIGGER events_pulled_fixed BEFORE UPDATE OF pulled ON events\n"
        "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;",
        "CREATE TABLE sync_outbox (n INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL, key TEXT NOT NULL, "
        "field TEXT);",
        "CREATE TABLE sync_fields (entity TEXT NOT NULL, key TEXT NOT NULL, field TEXT NOT NULL, "
        "hlc INTEGER NOT NULL, node TEXT NOT NULL, PRIMARY KEY (entity, key, field)) WITHOUT ROWID;",
        "CREATE TABLE sync_conflicts (id TEXT PRIMARY KEY, kind TEXT NOT NULL, customer_id TEXT, "
        "detail TEXT NOT NULL, created_at TEXT NOT NULL);",
        "CREATE TABLE sync_rejects (event_id TEXT PRIMARY KEY, code TEXT NOT NULL, message TEXT, at TEXT NOT NULL);",
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('hlc', '0');",
        tick,
    ]
    for entity, names in fields.items():
        # What exists already goes to the server on the first sync, stamped now.
        set_ = lambda f: f"{f} IS NOT NULL" + (" AND consent_email != 0" if f == "consent_email" else "")  # noqa: E731
        order = "num" if entity == "customer" else "issued_at"
        out.append(f"INSERT INTO sync_outbox (entity, key, field) SELECT '{entity}', {key[entity]}, NULL "
                   f"FROM {table[entity]} ORDER BY {order};")
        for f in names:
            out.append(f"INSERT INTO sync_outbox (entity, key, field) SELECT '{entity}', {key[entity]}, '{f}' "
                       f"FROM {table[entity]} WHERE {set_(f)} ORDER BY {order};")
            out.append(f"INSERT OR REPLACE INTO sync_fields SELECT '{entity}', {key[entity]}, '{f}', {hlc}, "
                       f"{node} FROM {table[entity]} WHERE {set_(f)};")
        # A creation: the row, and each field it was created with (an empty field is not a write).
        body = [tick, f"INSERT INTO sync_outbox (entity, key, field) VALUES ('{entity}', new.{key[entity]}, NULL);"]
        for f in names:
            given = f"new.{f} IS NOT NULL" + (" AND new.consent_email != 0" if f == "consent_email" else "")
            body.append(f"INSERT INTO sync_outbox (entity, key, field) SELECT '{entity}', new.{key[entity]}, '{f}' "
                        f"WHERE {given};")
            body.append(f"INSERT OR REPLACE INTO sync_fields SELECT '{entity}', new.{key[entity]}, '{f}', {hlc}, "
                        f"{node} WHERE {given};")
        out.append(f"CREATE TRIGGER sync_{entity}_insert AFTER INSERT ON {table[entity]} WHEN {quiet}\nBEGIN\n"
                   + "\n".join(body) + "\nEND;")
        body = [tick]
        for f in names:
            body.append(f"INSERT INTO sync_outbox (entity, key, field) SELECT '{entity}', new.{key[entity]}, '{f}' "
                        f"WHERE old.{f} IS NOT new.{f};")
            body.append(f"INSERT OR REPLACE INTO sync_fields SELECT '{entity}', new.{key[entity]}, '{f}', {hlc}, "
                        f"{node} WHERE old.{f} IS NOT new.{f};")
        out.append(f"CREATE TRIGGER sync_{entity}_update AFTER UPDATE OF {', '.join(names)} ON {table[entity]} "
                   f"WHEN {quiet}\nBEGIN\n" + "\n".join(body) + "\nEND;")
    return "\n".join(out) + "\n"


_SYNC = _sync_step()

# Personal fields at rest (store.personal): the plaintext search structures go, blind tokens replace them; and the
# privacy audit (exports and erasures: who, when, why; never the person's data).
_PRIVATE = """
DROP TRIGGER customers_fts_insert;
DROP TRIGGER customers_fts_delete;
DROP TRIGGER customers_fts_update;
DROP TABLE customers_fts;
DROP INDEX customers_phone_rev;
DROP INDEX customers_email;
CREATE TABLE customer_tokens (token INTEGER NOT NULL, num INTEGER NOT NULL, PRIMARY KEY (token, num)) WITHOUT ROWID;
CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    staff_id TEXT,
    action TEXT NOT NULL,
    customer_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_customer ON audit(customer_id);
-- An erased customer keeps the row (the ledger points at it) and this date, which syncs like a field.
ALTER TABLE customers ADD COLUMN erased_at TEXT;
CREATE TRIGGER sync_customer_erased AFTER UPDATE OF erased_at ON customers
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'sync_applying')
BEGIN
UPDATE meta SET value = MAX(CAST(value AS INTEGER) + 1,
    CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) * 1000) WHERE key = 'hlc';
INSERT INTO sync_outbox (entity, key, field) VALUES ('customer', new.id, 'erased_at');
INSERT OR REPLACE INTO sync_fields SELECT 'customer', new.id, 'erased_at',
    (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'hlc'),
    COALESCE((SELECT value FROM meta WHERE key = 'terminal_id'), '');
END;
-- Events stay append-only, except that an erasure blanks a reason typed by staff (it may name the person).
DROP TRIGGER events_no_update;
CREATE TRIGGER events_no_update BEFORE UPDATE OF id, customer_id, kind, stamps, points, cashback, amount, items,
    detail, ref, staff_id, shop_id, terminal_id, created_at, expires_at, program_version ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_reason_erased_only BEFORE UPDATE OF reason ON events WHEN new.reason IS NOT '[erased]'
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
"""


def _personal_at_rest(conn: sqlite3.Connection) -> None:
    # Sealing rewrites every personal column: the sync triggers must not take that for edits to push.
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync_applying', '1')")
    for statement in _statements(_PRIVATE):
        conn.execute(statement)
    conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('database_id', ?)", (str(uuid.uuid4()),))
    customers.seal_plaintext(conn)
    conn.execute("ALTER TABLE customers DROP COLUMN phone_rev")
    conn.execute("DELETE FROM meta WHERE key = 'sync_applying'")


# Where a program version came from: NULL loaded or edited here, 'server' pulled from the chain's server (the program
# editor tells the owner which, since a server upload replaces local edits).
_PROGRAM_ORIGIN = "ALTER TABLE programs ADD COLUMN origin TEXT;\n"

# Customer imports (pos_loyalty/importer): what each import did, and per imported row the keyed token of the person's
# identity (a file imported again adds no one twice) and the old system's card number (the search finds it).
_IMPORTS = """
CREATE TABLE imports (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    staff_id TEXT REFERENCES staff(id),
    created_at TEXT NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX imports_fingerprint ON imports(fingerprint);
CREATE TABLE imported_customers (
    row_key INTEGER PRIMARY KEY,
    import_id TEXT NOT NULL REFERENCES imports(id),
    customer_id TEXT NOT NULL REFERENCES customers(id),
    line INTEGER NOT NULL,
    old_card TEXT UNIQUE
);
CREATE INDEX imported_customers_import ON imported_customers(import_id);
"""


def _messages_step() -> str:
    """Customer messages (pos_loyalty.messages): the outbox, and two customer fields that sync like the others
    (queued and clocked by the same kind of trigger): the language to write in, and when the customer unsubscribed.

    Outbox rows: `claim` says who may send a row planned here: 'local' (no server: this till alone), 'pending'
    (the server has not confirmed that this till sends it), 'granted', 'lost' (someone else sends it); 'remote'
    for rows pulled from the server. `dirty` rows go to the server with the next push; `rev` tells a newer change.
    """
    body = [_TICK]
    for f in ("language", "unsubscribed_at"):
        body.append(f"INSERT INTO sync_outbox (entity, key, field) SELECT 'customer', new.id, '{f}' "
                    f"WHERE old.{f} IS NOT new.{f};")
        body.append(f"INSERT OR REPLACE INTO sync_fields SELECT 'customer', new.id, '{f}', {_HLC}, {_NODE} "
                    f"WHERE old.{f} IS NOT new.{f};")
    return f"""
ALTER TABLE customers ADD COLUMN language TEXT;
ALTER TABLE customers ADD COLUMN unsubscribed_at TEXT;
CREATE TRIGGER sync_customer_messages_update AFTER UPDATE OF language, unsubscribed_at ON customers WHEN {_QUIET}
BEGIN
""" + "\n".join(body) + """
END;
CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    occasion TEXT NOT NULL,
    channel TEXT NOT NULL,
    language TEXT NOT NULL,
    shop_id TEXT,
    facts TEXT NOT NULL,
    planned_at TEXT NOT NULL,
    not_before TEXT NOT NULL,
    send_by TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'held', 'failed')),
    reason TEXT,
    detail TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    sent_at TEXT,
    sender TEXT NOT NULL,
    claim TEXT NOT NULL CHECK (claim IN ('local', 'pending', 'granted', 'lost', 'remote')),
    dirty INTEGER NOT NULL DEFAULT 1,
    rev INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX messages_customer ON messages(customer_id, planned_at);
CREATE INDEX messages_listed ON messages(planned_at);
CREATE INDEX messages_due ON messages(not_before) WHERE status IN ('queued', 'sending');
CREATE INDEX messages_dirty ON messages(rev) WHERE dirty = 1;
"""


_MESSAGES = _messages_step()

STEPS: list[str | Callable[[sqlite3.Connection], None]] = [_LEDGER, _SEARCH, _SYNC, _personal_at_rest, _PROGRAM_ORIGIN,
                                                          _IMPORTS, _MESSAGES, reports.SCHEMA]
LATEST = len(STEPS)
ENCRYPTED = STEPS.index(_personal_at_rest) + 1  # the first version without personal data in plaintext


def phone_key(phone: str | None) -> str | None:
    """Digits of a phone number, reversed, so a suffix search becomes an indexable prefix search."""
    digits = "".join(c for c in phone or "" if c.isdigit())
    return digits[::-1] or None


def upgrade(db: "Database", target: int = LATEST) -> None:
    db.conn.create_function("reverse_digits", 1, phone_key, deterministic=True)
    current = db.version
    if current > LATEST:
        raise StorageError(f"{db.path} was written by a newer pos-loyalty (schema {current}); please update the app.",
                           code="newer_schema")
    copy = None
    if 0 < current < target and db.path.exists():
        copy = db.backup_to(db.path.with_name(f"{db.path.name}.before-v{current + 1}"))
    for number in range(current + 1, target + 1):
        step = STEPS[number - 1]
        with db.write() as conn:
            if callable(step):
                step(conn)
            else:
                for statement in _statements(step):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
    if current < ENCRYPTED <= target:
        # The copy from before held the names in plaintext, and so may the WAL's old frames: now the sealed
        # database is the truth, keep neither.
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if copy:
            copy.unlink()


def _statements(script: str) -> list[str]:
    """Split a script on statement ends that sqlite3 says are complete (triggers hold inner semicolons)."""
    out, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    return out
