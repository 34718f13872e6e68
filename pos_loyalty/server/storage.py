"""The server's storage: one SQLAlchemy Core layer over PostgreSQL (psycopg 3) or SQLite; all its SQL lives here.

Stateless between calls (every call opens its own transaction), so several server processes can share one
PostgreSQL. Every writing transaction first takes the tenant's counter row with a row lock and numbers what it
writes from there: the tenant's `server_seq` follows commit order and has no gaps, which is what pulls page by.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import create_engine, event, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from ..clock import to_db, utcnow
from ..errors import LoyaltyError, NotFound, Refused, StorageError
from ..messages import central as message_rows
from ..sync import protocol
from . import migrations
from .schema import (balances, card_keys, cards, commits, conflicts, customers, enrollment_codes, events, fields,
                     programs, shops, tenant_seq, tenants, terminals)

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LIFETIME = timedelta(days=7)
MAX_CLOCK_LEAD_MS = 5 * 60 * 1000  # a field change stamped further ahead of the server's clock is pulled back


class AuthError(LoyaltyError):
    code = "unauthorized"


@dataclass(frozen=True)
class Terminal:
    id: str
    tenant_id: str
    shop_id: str
    name: str


def hash_secret(secret: str) -> str:
    # The tokens are 256-bit random values, not passwords: one SHA-256 is enough and keeps each request cheap.
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def database_url(url: str) -> str:
    """Accept the usual spellings of a PostgreSQL URL and use psycopg 3 for them."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str) -> Engine:
    url = database_url(url)
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=8, max_overflow=24)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # transactions are begun below, IMMEDIATE for writers
        cursor = dbapi_conn.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=30000"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # A writer takes the write lock up front (SQLite's stand-in for the counter row lock); readers get a snapshot.
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("readonly") else "BEGIN IMMEDIATE")

    return engine


class _Sequencer:
    """Numbers what one transaction writes, after taking the tenant's counter row with a row lock."""

    def __init__(self, conn: Connection, tenant_id: str):
        self.conn, self.tenant_id = conn, tenant_id
        row = conn.execute(select(tenant_seq.c.last).where(tenant_seq.c.tenant_id == tenant_id)
                           .with_for_update()).first()
        if row is None:
            raise NotFound("Unknown tenant.", code="unknown_tenant")
        self.start = self.last = row.last

    def next(self) -> int:
        self.last += 1
        return self.last

    def finish(self) -> None:
        if self.last == self.start:
            return
        self.conn.execute(update(tenant_seq).where(tenant_seq.c.tenant_id == self.tenant_id).values(last=self.last))
        self.conn.execute(insert(commits).values(tenant_id=self.tenant_id, first_seq=self.start + 1,
                                                 last_seq=self.last))


class Storage:
    """The server's database. Open once per process; every method runs in its own transaction."""

    def __init__(self, url: str, *, migrate: bool = True):
        self.url = database_url(url)
        if self.url.startswith("sqlite:///") and not self.url.startswith("sqlite:///:memory:"):
            Path(self.url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(url)
        if migrate:
            try:
                migrations.upgrade(self.engine)
            except DBAPIError as exc:
                self.engine.dispose()
                raise StorageError(f"Cannot open the server database {self.engine.url!r}: "
                                   f"{str(exc.orig).strip().splitlines()[0]}", code="database") from None

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def write(self):
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self):
        with self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            else:
                conn = conn.execution_options(readonly=True)
            with conn.begin():
                yield conn

    # ---- admin ----

    def create_tenant(self, name: str) -> dict:
        name = name.strip()
        if not name:
            raise LoyaltyError("A tenant needs a name.", code="bad_name")
        tenant_id, now = str(uuid.uuid4()), to_db(utcnow())
        with self.write() as conn:
            if conn.execute(select(tenants.c.id).where(tenants.c.name == name)).first():
                raise Refused(f"There is already a tenant called {name}.", code="exists")
            conn.execute(insert(tenants).values(id=tenant_id, name=name, created_at=now))
            conn.execute(insert(tenant_seq).values(tenant_id=tenant_id, last=0))
        return {"id": tenant_id, "name": name}

    def tenant(self, name_or_id: str) -> dict:
        with self.read() as conn:
            row = conn.execute(select(tenants).where(or_(tenants.c.id == name_or_id,
                                                         tenants.c.name == name_or_id))).first()
        if row is None:
            raise NotFound(f"No tenant {name_or_id}.", code="unknown_tenant")
        return dict(row._mapping)

    def tenants(self) -> list[dict]:
        with self.read() as conn:
            return [dict(r._mapping) for r in conn.execute(select(tenants).order_by(tenants.c.name))]

    def create_shop(self, tenant_id: str, name: str) -> dict:
        name = name.strip()
        if not name:
            raise LoyaltyError("A shop needs a name.", code="bad_name")
        shop_id = str(uuid.uuid4())
        with self.write() as conn:
            conn.execute(insert(shops).values(id=shop_id, tenant_id=tenant_id, name=name, created_at=to_db(utcnow())))
        return {"id": shop_id, "name": name, "tenant_id": tenant_id, "code": self.enrollment_code(shop_id)}

    def shop(self, tenant_id: str, name_or_id: str) -> dict:
        with self.read() as conn:
            row = conn.execute(select(shops).where(shops.c.tenant_id == tenant_id, or_(
                shops.c.id == name_or_id, shops.c.name == name_or_id))).first()
        if row is None:
            raise NotFound(f"No shop {name_or_id} in this tenant.", code="unknown_shop")
        return dict(row._mapping)

    def enrollment_code(self, shop_id: str) -> str:
        """A new one-time code for registering one terminal of the shop; only its hash is kept."""
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
        now = utcnow()
        with self.write() as conn:
            shop = conn.execute(select(shops).where(shops.c.id == shop_id)).first()
            if shop is None:
                raise NotFound("No such shop.", code="unknown_shop")
            conn.execute(insert(enrollment_codes).values(
                code_hash=hash_secret(raw), tenant_id=shop.tenant_id, shop_id=shop_id, created_at=to_db(now),
                expires_at=to_db(now + CODE_LIFETIME)))
        return "-".join(raw[i:i + 4] for i in range(0, 12, 4))

    def terminals(self, tenant_id: str) -> list[dict]:
        with self.read() as conn:
            rows = conn.execute(select(terminals, shops.c.name.label("shop"))
                                .join(shops, shops.c.id == terminals.c.shop_id)
                                .where(terminals.c.tenant_id == tenant_id).order_by(terminals.c.created_at))
            return [{k: v for k, v in r._mapping.items() if k != "token_hash"} for r in rows]

    def revoke(self, terminal_id: str) -> dict:
        with self.write() as conn:
            done = conn.execute(update(terminals).where(terminals.c.id == terminal_id, terminals.c.revoked_at.is_(None))
                                .values(revoked_at=to_db(utcnow()))).rowcount
            row = conn.execute(select(terminals.c.id, terminals.c.name, terminals.c.revoked_at)
                               .where(terminals.c.id == terminal_id)).first()
        if row is None:
            raise NotFound(f"No terminal {terminal_id}.", code="unknown_terminal")
        return {"id": row.id, "name": row.name, "revoked_at": row.revoked_at, "changed": bool(done)}

    def upload_program(self, tenant_id: str, name: str, source: str) -> int:
        with self.write() as conn:
            seq = _Sequencer(conn, tenant_id)
            version = conn.execute(select(func.coalesce(func.max(programs.c.version), 0) + 1)
                                   .where(programs.c.tenant_id == tenant_id)).scalar()
            conn.execute(insert(programs).values(tenant_id=tenant_id, version=version, name=name, source=source,
                                                 uploaded_at=to_db(utcnow()), server_seq=seq.next()))
            seq.finish()
        return version

    def conflicts(self, tenant_id: str) -> list[dict]:
        with self.read() as conn:
            rows = conn.execute(select(conflicts).where(conflicts.c.tenant_id == tenant_id)
                                .order_by(conflicts.c.server_seq))
            return [_conflict(r) for r in rows]

    def balances(self, tenant_id: str) -> dict[str, tuple[int, int, int]]:
        with self.read() as conn:
            rows = conn.execute(select(balances).where(balances.c.tenant_id == tenant_id))
            return {r.customer_id: (r.stamps, r.points, r.cashback) for r in rows}

    def event_ids(self, tenant_id: str) -> list[str]:
        with self.read() as conn:
            return [r[0] for r in conn.execute(select(events.c.id).where(events.c.tenant_id == tenant_id)
                                               .order_by(events.c.server_seq))]

    def stats(self, tenant_id: str) -> dict:
        with self.read() as conn:
            count = conn.execute(select(func.count()).select_from(events)
                                 .where(events.c.tenant_id == tenant_id)).scalar()
            last = conn.execute(select(tenant_seq.c.last).where(tenant_seq.c.tenant_id == tenant_id)).scalar()
        return {"events": count, "server_seq": last}

    # ---- terminals ----

    def register(self, code: str, name: str, keys: list[tuple[int, bytes]]) -> dict:
        """Spend a one-time code: a new terminal with a secret token (only its hash is stored) and its card keys."""
        now = utcnow()
        with self.write() as conn:
            row = conn.execute(select(enrollment_codes).where(
                enrollment_codes.c.code_hash == hash_secret(normalise_code(code)))).first()
            if row is None or row.used_at or row.expires_at < to_db(now):
                raise AuthError("This enrollment code is unknown, already used or expired. "
                                "Ask for a new one (pos-loyalty server code).", code="bad_code")
            terminal_id, secret = str(uuid.uuid4()), secrets.token_urlsafe(32)
            taken = conn.execute(update(enrollment_codes).where(enrollment_codes.c.code_hash == row.code_hash,
                                                                enrollment_codes.c.used_at.is_(None))
                                 .values(used_at=to_db(now), terminal_id=terminal_id)).rowcount
            if taken != 1:
                raise AuthError("This enrollment code was just used.", code="bad_code")
            conn.execute(insert(terminals).values(
                id=terminal_id, tenant_id=row.tenant_id, shop_id=row.shop_id, name=name.strip() or "Terminal",
                token_hash=hash_secret(secret), created_at=to_db(now), pushed_seq=0, cursor=0))
            seq = _Sequencer(conn, row.tenant_id)
            rejected = self._add_keys(conn, seq, row.tenant_id, terminal_id, keys)
            seq.finish()
            shop = conn.execute(select(shops.c.name).where(shops.c.id == row.shop_id)).scalar()
            tenant = conn.execute(select(tenants.c.name).where(tenants.c.id == row.tenant_id)).scalar()
        return {"terminal_id": terminal_id, "token": f"{terminal_id}.{secret}", "tenant_id": row.tenant_id,
                "tenant": tenant, "shop_id": row.shop_id, "shop": shop, "keys_rejected": rejected}

    def authenticate(self, token: str) -> Terminal:
        terminal_id, _, secret = (token or "").partition(".")
        if not secret or len(terminal_id) != 36:
            raise AuthError("Missing or malformed terminal token.", code="unauthorized")
        with self.read() as conn:
            row = conn.execute(select(terminals).where(terminals.c.id == terminal_id)).first()
        if row is None or not hmac.compare_digest(row.token_hash, hash_secret(secret)):
            raise AuthError("This terminal is not registered with this server.", code="unauthorized")
        if row.revoked_at:
            raise AuthError(f"This terminal was revoked on {row.revoked_at[:10]}: register it again with a new "
                            "enrollment code.", code="revoked")
        return Terminal(row.id, row.tenant_id, row.shop_id, row.name)

    def _add_keys(self, conn: Connection, seq: _Sequencer, tenant_id: str, terminal_id: str,
                  keys: list[tuple[int, bytes]]) -> list[int]:
        """Add card keys to the tenant's ring; a key id already taken by another secret is refused (returned)."""
        if not keys:
            return []
        held = {r.key_id: bytes(r.secret) for r in conn.execute(
            select(card_keys.c.key_id, card_keys.c.secret).where(card_keys.c.tenant_id == tenant_id,
                                                                card_keys.c.key_id.in_([k for k, _ in keys])))}
        rejected = []
        for key_id, secret in keys:
            if key_id in held:
                if not hmac.compare_digest(held[key_id], secret):
                    rejected.append(key_id)
                continue
            conn.execute(insert(card_keys).values(tenant_id=tenant_id, key_id=key_id, secret=secret,
                                                  terminal_id=terminal_id, server_seq=seq.next()))
            held[key_id] = secret
        return rejected

    # ---- push ----

    def push(self, term: Terminal, body: dict) -> dict:
        """Store a batch exactly once by id, in one transaction; answer per event (applied/duplicate/rejected)."""
        tenant = term.tenant_id
        now = utcnow()
        with self.write() as conn:
            seq = _Sequencer(conn, tenant)
            pushed = conn.execute(select(terminals.c.pushed_seq).where(terminals.c.id == term.id)).scalar()
            if body["after"] > pushed:
                # The terminal thinks we hold more of its events than we do (restored server?): ask for a resend.
                return {"status": "resend", "pushed_seq": pushed, "results": [], "keys_rejected": [],
                        "server_time": to_db(now), "messages": []}
            rejected_keys = self._add_keys(conn, seq, tenant, term.id,
                                           [(k["key_id"], bytes.fromhex(k["secret"])) for k in body["card_keys"]])
            self._customers(conn, seq, tenant, body["customers"])
            self._cards(conn, seq, tenant, body["cards"])
            self._fields(conn, seq, tenant, body["fields"], now)
            results, applied = self._events(conn, seq, term, sorted(body["events"], key=lambda e: e["seq"]))
            self._balances(conn, seq, tenant, applied, now)
            claims = message_rows.push(conn, seq, term, body.get("messages") or [], body.get("message_sender"), now)
            top = max([pushed] + [e["seq"] for e in body["events"]])
            conn.execute(update(terminals).where(terminals.c.id == term.id)
                         .values(pushed_seq=top, last_seen_at=to_db(now)))
            seq.finish()
        return {"status": "ok", "pushed_seq": top, "results": results, "keys_rejected": rejected_keys,
                "server_time": to_db(now), "messages": claims}

    def _customers(self, conn: Connection, seq: _Sequencer, tenant: str, items: list[dict]) -> None:
        if not items:
            return
        held = {r[0] for r in conn.execute(select(customers.c.id).where(
            customers.c.tenant_id == tenant, customers.c.id.in_([c["id"] for c in items])))}
        rows = []
        for c in items:  # the first creation that reaches the server keeps its immutable facts
            if c["id"] not in held:
                held.add(c["id"])
                rows.append({"tenant_id": tenant, "id": c["id"], "server_seq": seq.next(), "referred_by":
                             c.get("referred_by"), "home_shop": c.get("home_shop"),
                             "enrolled_by": c.get("enrolled_by"), "created_at": c["created_at"]})
        if rows:
            conn.execute(insert(customers), rows)

    def _cards(self, conn: Connection, seq: _Sequencer, tenant: str, items: list[dict]) -> None:
        if not items:
            return
        held = {r.token: r.customer_id for r in conn.execute(select(cards.c.token, cards.c.customer_id).where(
            cards.c.tenant_id == tenant, cards.c.token.in_([c["token"] for c in items])))}
        rows = []
        for c in items:
            owner = held.get(c["token"])
            if owner is None:
                held[c["token"]] = c["customer_id"]
                rows.append({"tenant_id": tenant, "token": c["token"], "server_seq": seq.next(),
                             "customer_id": c["customer_id"], "issued_at": c["issued_at"]})
            elif owner != c["customer_id"]:
                # One card opened two accounts (a re-issued card met offline elsewhere): the owner merges them.
                self._conflict(conn, seq, tenant, "card_claimed", c["customer_id"],
                               {"card": c["token"], "accounts": [owner, c["customer_id"]]}, to_db(utcnow()))
        if rows:
            conn.execute(insert(cards), rows)

    def _fields(self, conn: Connection, seq: _Sequencer, tenant: str, items: list[dict], now) -> None:
        if not items:
            return
        ceiling = protocol.hlc_from_ms(int(now.timestamp() * 1000) + MAX_CLOCK_LEAD_MS)
        keys = {f["key"] for f in items}
        held = {(r.entity, r.key, r.field): (r.hlc, r.node) for r in conn.execute(
            select(fields.c.entity, fields.c.key, fields.c.field, fields.c.hlc, fields.c.node)
            .where(fields.c.tenant_id == tenant, fields.c.key.in_(keys)))}
        erasing = {f["key"] for f in items if f["entity"] == "customer" and f["field"] == "erased_at" and f["value"]}
        erased = erasing | {r[0] for r in conn.execute(select(fields.c.key).where(
            fields.c.tenant_id == tenant, fields.c.entity == "customer", fields.c.field == "erased_at",
            fields.c.value.is_not(None), fields.c.key.in_(keys)))}
        new, changed = [], []
        for f in items:
            if f["field"] not in protocol.FIELDS.get(f["entity"], ()):
                continue
            if f["key"] in erased and f["field"] in protocol.PERSONAL_FIELDS and f["value"] is not None:
                continue  # a till that has not heard of the erasure yet: the person stays forgotten
            slot = (f["entity"], f["key"], f["field"])
            stamp = (min(f["hlc"], ceiling), f["node"])  # a clock far ahead must not win for ever
            if not protocol.hlc_newer(stamp, held.get(slot)):
                continue
            row = {"value": f["value"], "hlc": stamp[0], "node": stamp[1], "server_seq": seq.next()}
            (changed if slot in held else new).append((slot, row))
            held[slot] = stamp
        if new:
            conn.execute(insert(fields), [{"tenant_id": tenant, "entity": s[0], "key": s[1], "field": s[2]} | r
                                          for s, r in new])
        for slot, row in changed:
            conn.execute(update(fields).where(fields.c.tenant_id == tenant, fields.c.entity == slot[0],
                                              fields.c.key == slot[1], fields.c.field == slot[2]).values(**row))
        for key in erasing:
            self._erase(conn, seq, tenant, key)

    def _erase(self, conn: Connection, seq: _Sequencer, tenant: str, customer_id: str) -> None:
        """A customer erased at a till: blank this copy of their fields (pulled again as empty) and the reasons
        staff typed about them; their events' amounts stay."""
        held = conn.execute(select(fields.c.field).where(
            fields.c.tenant_id == tenant, fields.c.entity == "customer", fields.c.key == customer_id,
            fields.c.field.in_(protocol.PERSONAL_FIELDS), fields.c.value.is_not(None))).scalars().all()
        for field in held:
            conn.execute(update(fields).where(fields.c.tenant_id == tenant, fields.c.entity == "customer",
                                              fields.c.key == customer_id, fields.c.field == field)
                         .values(value=None, server_seq=seq.next()))
        conn.execute(update(events).where(events.c.tenant_id == tenant, events.c.customer_id == customer_id,
                                          events.c.kind == "adjust", events.c.reason != protocol.ERASED)
                     .values(reason=protocol.ERASED))

    def _events(self, conn: Connection, seq: _Sequencer, term: Terminal, items: list[dict]):
        tenant = term.tenant_id
        held = {}
        ids = [e["id"] for e in items]
        for start in range(0, len(ids), 1000):
            for r in _rows_with_ids(conn, ids[start:start + 1000], tenant):
                held[r["id"]] = r
        results, rows = [], []
        for e in items:
            payload = {k: e.get(k) for k in protocol.EVENT_FIELDS}
            old = held.get(e["id"])
            if old is None:
                held[e["id"]] = payload
                rows.append(payload | {"tenant_id": tenant, "server_seq": seq.next(), "origin": term.id,
                                       "terminal_seq": e["seq"]})
                results.append({"id": e["id"], "status": protocol.APPLIED})
            elif protocol.same_event(old, payload):
                results.append({"id": e["id"], "status": protocol.DUPLICATE})
            else:
                results.append({"id": e["id"], "status": protocol.REJECTED, "code": "id_reused",
                                "message": "Another event with this id and a different content is already stored."})
        if rows:
            _bulk_insert(conn, events, rows)
        return results, rows

    def _balances(self, conn: Connection, seq: _Sequencer, tenant: str, applied: list[dict], now) -> None:
        if not applied:
            return
        deltas: dict[str, list[int]] = {}
        spent: dict[str, list[str]] = {}
        for e in applied:
            d = deltas.setdefault(e["customer_id"], [0, 0, 0])
            d[0], d[1], d[2] = d[0] + e["stamps"], d[1] + e["points"], d[2] + e["cashback"]
            if e["stamps"] < 0 or e["points"] < 0 or e["cashback"] < 0:
                spent.setdefault(e["customer_id"], []).append(e["id"])
        held = {}
        ids = list(deltas)
        for start in range(0, len(ids), 1000):
            for r in conn.execute(select(balances).where(balances.c.tenant_id == tenant,
                                                         balances.c.customer_id.in_(ids[start:start + 1000]))):
                held[r.customer_id] = (r.stamps, r.points, r.cashback)
        new, changed = [], []
        for customer_id, d in deltas.items():
            before = held.get(customer_id, (0, 0, 0))
            after = tuple(b + x for b, x in zip(before, d))
            row = {"cid": customer_id, "stamps": after[0], "points": after[1], "cashback": after[2]}
            (changed if customer_id in held else new).append(row)
            worse = [name for name, b, a in zip(("stamps", "points", "cashback"), before, after) if a < 0 and a < b]
            if worse and customer_id in spent:
                self._conflict(conn, seq, tenant, "overspend", customer_id,
                               {"balance": dict(zip(("stamps", "points", "cashback"), after)), "short": worse,
                                "events": spent[customer_id]}, to_db(now))
        if new:
            _bulk_insert(conn, balances, [{"tenant_id": tenant, "customer_id": r["cid"], "stamps": r["stamps"],
                                           "points": r["points"], "cashback": r["cashback"]} for r in new])
        if changed:
            mark = "%s" if conn.dialect.name == "postgresql" else "?"
            conn.connection.cursor().executemany(
                f"UPDATE balances SET stamps = {mark}, points = {mark}, cashback = {mark} "
                f"WHERE tenant_id = {mark} AND customer_id = {mark}",
                [(r["stamps"], r["points"], r["cashback"], tenant, r["cid"]) for r in changed])

    def _conflict(self, conn: Connection, seq: _Sequencer, tenant: str, kind: str, customer_id: str | None,
                  detail: dict, at: str) -> None:
        conn.execute(insert(conflicts).values(tenant_id=tenant, id=str(uuid.uuid4()), kind=kind,
                                              customer_id=customer_id, detail=json.dumps(detail), created_at=at,
                                              server_seq=seq.next()))

    # ---- pull ----

    def pull(self, term: Terminal, cursor: int, limit: int) -> dict:
        """Everything after `cursor` up to about `limit` sequence numbers, ending on a whole commit."""
        tenant = term.tenant_id
        with self.read() as conn:
            upper, count, more = cursor, 0, False
            for c in conn.execute(select(commits.c.first_seq, commits.c.last_seq).where(
                    commits.c.tenant_id == tenant, commits.c.last_seq > cursor)
                    .order_by(commits.c.last_seq).limit(1000)):
                size = c.last_seq - max(c.first_seq - 1, cursor)
                if count and count + size > limit:
                    more = True
                    break
                upper, count = c.last_seq, count + size
            else:
                more = conn.execute(select(func.count()).select_from(commits).where(
                    commits.c.tenant_id == tenant, commits.c.last_seq > upper)).scalar() > 0

            def window(table, *more):
                return conn.execute(select(table).where(table.c.tenant_id == tenant, table.c.server_seq > cursor,
                                                        table.c.server_seq <= upper, *more)
                                    .order_by(table.c.server_seq))

            page = {
                "customers": [_row(r, ("id", "referred_by", "home_shop", "enrolled_by", "created_at"))
                              for r in window(customers)],
                "cards": [_row(r, ("token", "customer_id", "issued_at")) for r in window(cards)],
                "fields": [_row(r, ("entity", "key", "field", "value", "hlc", "node")) for r in window(fields)],
                # A terminal's own events are not sent back to it.
                "events": [_row(r, protocol.EVENT_FIELDS) for r in window(events, events.c.origin != term.id)],
                "card_keys": [{"key_id": r.key_id, "secret": bytes(r.secret).hex()} for r in window(card_keys)],
                "programs": [_row(r, ("version", "name", "source")) for r in window(programs)],
                "conflicts": [_conflict(r) for r in window(conflicts)],
                "messages": message_rows.changed(conn, tenant, cursor, upper),
            }
        with self.write() as conn:  # for the admin's list: when each terminal was last heard from, how far it is
            conn.execute(update(terminals).where(terminals.c.id == term.id)
                         .values(cursor=cursor, last_seen_at=to_db(utcnow())))
        return {"cursor": upper, "more": more, "server_time": to_db(utcnow())} | page


# Hot paths of a push go straight to the driver, inside the same transaction: SQLAlchemy's per-row parameter
# handling cost more than the database's own work for a batch of 1,000 events.

def _bulk_insert(conn: Connection, table, rows: list[dict]) -> None:
    columns = list(rows[0])
    cursor = conn.connection.cursor()
    if conn.dialect.name == "postgresql":
        with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
    else:
        cursor.executemany(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                           [tuple(row[c] for c in columns) for row in rows])


def _rows_with_ids(conn: Connection, ids: list[str], tenant: str) -> list[dict]:
    columns = ", ".join(protocol.EVENT_FIELDS)
    cursor = conn.connection.cursor()
    if conn.dialect.name == "postgresql":
        cursor.execute(f"SELECT {columns} FROM events WHERE tenant_id = %s AND id = ANY(%s)", (tenant, ids))
    else:
        cursor.execute(f"SELECT {columns} FROM events WHERE tenant_id = ? AND id IN ({', '.join('?' * len(ids))})",
                       [tenant, *ids])
    return [dict(zip(protocol.EVENT_FIELDS, r)) for r in cursor.fetchall()]


def _row(row, keys) -> dict:
    m = row._mapping
    return {k: m[k] for k in keys}


def _conflict(row) -> dict:
    return {"id": row.id, "kind": row.kind, "customer_id": row.customer_id, "detail": json.loads(row.detail),
            "created_at": row.created_at}
