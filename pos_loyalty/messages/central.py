"""Customer messages on the central server: the outbox rows terminals push and pull, the server's own planner and
sender (for shops whose tills do not send), and unsubscribing from a link.

Who sends is decided here, once per message id, in the tenant's write order: the first to store an id (the
server's planner, or a terminal's push) becomes its sender; anyone else offering the same id is told who has it.
A shop whose till declared (with its last push, within SENDER_FRESH) that it sends is left to that till.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import Counter
from datetime import date, datetime, timedelta
from functools import lru_cache

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from .. import program as program_file
from ..clock import from_db, to_db, utcnow
from ..errors import LoyaltyError, NotFound
from ..ledger import PointsEvent, point_lots
from ..program import MessageRules, Program
from ..server.schema import (balances, card_keys, customers, events, fields, message_planner, message_senders,
                             messages, programs, tenant_seq, tenants, terminals)
from ..sync import protocol
from . import occasions, smtp, tokens
from .kinds import HELD, QUEUED, SENDING, SERVER, WIRE_FIELDS, forward
from .occasions import Activity
from .planner import STUCK, after_attempt, before_send, compose, decide, unsubscribe_for
from .policy import Prior, Recipient, cap_reason

log = logging.getLogger(__name__)

SENDER_FRESH = timedelta(days=3)  # a till that has not said "I send" for this long is no longer trusted to


def _sequencer(conn: Connection, tenant: str):
    from ..server.storage import _Sequencer  # noqa: PLC0415 - storage imports this module for push and pull

    return _Sequencer(conn, tenant)


@lru_cache(maxsize=64)
def _parse(source: str) -> Program | None:
    try:
        return program_file.loads(source)
    except LoyaltyError:
        return None


def _program(conn: Connection, tenant: str) -> Program | None:
    source = conn.execute(select(programs.c.source).where(programs.c.tenant_id == tenant)
                          .order_by(programs.c.version.desc()).limit(1)).scalar()
    return _parse(source) if source else None


# ---- what terminals push and pull (inside storage.push / storage.pull) ----

def push(conn: Connection, seq, term, rows: list[dict], sends: bool | None, now: datetime) -> list[dict]:
    """A terminal's rows: new ones become its to send (unless the chain-wide caps hold them), known ones of its own
    move on, anyone else's stay as they are. Answers who sends each and its state."""
    tenant = term.tenant_id
    if sends is not None:
        conn.execute(delete(message_senders).where(message_senders.c.terminal_id == term.id))
        if sends:
            conn.execute(insert(message_senders).values(terminal_id=term.id, tenant_id=tenant, shop_id=term.shop_id,
                                                        declared_at=to_db(now)))
    if not rows:
        return []
    held = {r.id: dict(r._mapping) for r in conn.execute(select(messages).where(
        messages.c.tenant_id == tenant, messages.c.id.in_({r["id"] for r in rows})))}
    rules, answers = None, []
    for row in rows:
        old = held.get(row["id"])
        if old is None:
            values = {k: row[k] for k in WIRE_FIELDS}
            if values["status"] == QUEUED:
                rules = rules or _rules(conn, tenant)
                reason = cap_reason(values["kind"], _prior(conn, tenant, values["customer_id"], values["id"]), rules,
                                    now)
                if reason:
                    values |= {"status": HELD, "reason": reason}
            old = values | {"sender": term.id}
            conn.execute(insert(messages).values(old | {"tenant_id": tenant, "server_seq": seq.next(),
                                                        "updated_at": to_db(now)}))
            held[row["id"]] = old
        elif old["sender"] == term.id and forward(old["status"], row["status"]):
            state = {k: row[k] for k in ("status", "reason", "detail", "attempts", "sent_at", "not_before")}
            conn.execute(update(messages).where(messages.c.tenant_id == tenant, messages.c.id == row["id"])
                         .values(state | {"server_seq": seq.next(), "updated_at": to_db(now)}))
            old |= state
        answers.append({"id": row["id"], "sender": old["sender"], "status": old["status"], "reason": old["reason"]})
    return answers


def changed(conn: Connection, tenant: str, cursor: int, upper: int) -> list[dict]:
    """Rows whose latest change falls in a pull's window."""
    rows = conn.execute(select(messages).where(messages.c.tenant_id == tenant, messages.c.server_seq > cursor,
                                               messages.c.server_seq <= upper).order_by(messages.c.server_seq))
    return [{k: r._mapping[k] for k in WIRE_FIELDS + ("sender",)} for r in rows]


def _rules(conn: Connection, tenant: str) -> MessageRules:
    program = _program(conn, tenant)
    return program.messages if program else MessageRules()


def _prior(conn: Connection, tenant: str, customer_id: str, other_than: str = "") -> list[Prior]:
    rows = conn.execute(select(messages.c.kind, messages.c.status,
                               func.coalesce(messages.c.sent_at, messages.c.planned_at))
                        .where(messages.c.tenant_id == tenant, messages.c.customer_id == customer_id,
                               messages.c.id != other_than))
    return [Prior(r[0], r[1], from_db(r[2])) for r in rows]


def _fields_of(conn: Connection, tenant: str, customer_id: str) -> dict:
    rows = conn.execute(select(fields.c.field, fields.c.value).where(
        fields.c.tenant_id == tenant, fields.c.entity == "customer", fields.c.key == customer_id))
    return {r.field: protocol.decode_value(r.value) for r in rows}


def _recipient(conn: Connection, tenant: str, customer_id: str) -> Recipient:
    f = _fields_of(conn, tenant, customer_id)
    return Recipient(customer_id, f.get("email"), bool(f.get("consent_email")), f.get("unsubscribed_at"),
                     f.get("name"), f.get("language"))


def _balance(conn: Connection, tenant: str, customer_id: str) -> tuple[int, int, int]:
    row = conn.execute(select(balances.c.stamps, balances.c.points, balances.c.cashback).where(
        balances.c.tenant_id == tenant, balances.c.customer_id == customer_id)).first()
    return tuple(row) if row else (0, 0, 0)


class _Sources:
    """planner.Sources over one tenant of the server's database."""

    def __init__(self, conn: Connection, tenant: str):
        self.conn, self.tenant = conn, tenant

    def known(self, ids: list[str]) -> set[str]:
        out = set()
        for start in range(0, len(ids), 1000):
            out |= {r[0] for r in self.conn.execute(select(messages.c.id).where(
                messages.c.tenant_id == self.tenant, messages.c.id.in_(ids[start:start + 1000])))}
        return out

    def recipient(self, customer_id: str) -> Recipient:
        return _recipient(self.conn, self.tenant, customer_id)

    def prior(self, customer_id: str) -> list[Prior]:
        return _prior(self.conn, self.tenant, customer_id)

    def balance(self, customer_id: str) -> tuple[int, int, int]:
        return _balance(self.conn, self.tenant, customer_id)


# ---- the server's own planner and sender ----

class Central:
    """Plans and sends the messages of shops without a sending till, with the server's SMTP settings."""

    def __init__(self, storage, settings: smtp.SmtpSettings | None, public_url: str | None = None):
        self.storage, self.settings, self.public_url = storage, settings, public_url

    def run(self, now: datetime | None = None) -> dict:
        """One round over every tenant: plan, then send what is due."""
        now = now or utcnow()
        out = {}
        for tenant in self.storage.tenants():
            out[tenant["name"]] = {"plan": self.plan(tenant["id"], now), "send": self.send_due(tenant["id"], now)}
        return out

    def plan(self, tenant: str, now: datetime | None = None) -> dict:
        now = now or utcnow()
        if self.settings is None:
            return {"planned": 0, "skipped": "no e-mail settings on the server"}
        with self.storage.read() as conn:
            program = _program(conn, tenant)
            if program is None:
                return {"planned": 0, "skipped": "no program uploaded for this tenant (pos-loyalty server "
                                                 "program-upload)"}
            state = conn.execute(select(message_planner).where(message_planner.c.tenant_id == tenant)).first()
            cursor, scanned = (state.cursor, state.scanned_on) if state else (0, None)
            top = conn.execute(select(tenant_seq.c.last).where(tenant_seq.c.tenant_id == tenant)).scalar() or 0
            others = _sending_shops(conn, tenant, now)
            candidates = [c for a in _activity(conn, tenant, cursor, top, now, others)
                          for c in occasions.from_activity(program, a, now)]
            today = now.astimezone(program.zone).date()
            scan = scanned != today.isoformat()
            if scan:
                candidates += _scan(conn, tenant, program, now, today, others)
            rows = decide(program, candidates, _Sources(conn, tenant), program.name, now)
        with self.storage.write() as conn:
            seq = _sequencer(conn, tenant)
            taken = _Sources(conn, tenant).known([r["id"] for r in rows])  # a till's push may have come first
            new = [r for r in rows if r["id"] not in taken]
            for r in new:
                conn.execute(insert(messages).values(r | {"facts": json.dumps(r["facts"], ensure_ascii=False),
                                                          "tenant_id": tenant, "sender": SERVER,
                                                          "server_seq": seq.next(), "updated_at": to_db(now)}))
            conn.execute(delete(message_planner).where(message_planner.c.tenant_id == tenant))
            conn.execute(insert(message_planner).values(tenant_id=tenant, cursor=top,
                                                        scanned_on=today.isoformat() if scan else scanned))
            seq.finish()
        statuses = Counter(r["status"] for r in new)
        return {"planned": len(new), "queued": statuses[QUEUED], "held": statuses[HELD]}

    def send_due(self, tenant: str, now: datetime | None = None, limit: int = 200) -> dict:
        now = now or utcnow()
        counts: Counter = Counter()
        with self.storage.write() as conn:
            stuck = [r.id for r in conn.execute(select(messages.c.id).where(
                messages.c.tenant_id == tenant, messages.c.sender == SERVER, messages.c.status == SENDING,
                messages.c.updated_at < to_db(now - STUCK)))]
        for message_id in stuck:
            self._update(tenant, message_id, now, status="failed", reason="interrupted")
            counts["interrupted"] += 1
        if self.settings is None:
            return dict(counts)
        with self.storage.read() as conn:
            program = _program(conn, tenant)
            key = conn.execute(select(card_keys.c.key_id, card_keys.c.secret).where(card_keys.c.tenant_id == tenant)
                               .order_by(card_keys.c.server_seq.desc()).limit(1)).first()
            due = [_row(r) for r in conn.execute(select(messages).where(
                messages.c.tenant_id == tenant, messages.c.sender == SERVER, messages.c.status == QUEUED,
                messages.c.not_before <= to_db(now)).order_by(messages.c.not_before, messages.c.id).limit(limit))]
        if not due or program is None or key is None:
            return dict(counts)
        with smtp.Mailer(self.settings) as mailer:
            for row in due:
                with self.storage.read() as conn:
                    person = _recipient(conn, tenant, row["customer_id"])
                    verdict = before_send(program, row, person, _prior(conn, tenant, row["customer_id"], row["id"]),
                                          _relevant(conn, tenant, program, row), now)
                if verdict.action == "hold":
                    self._update(tenant, row["id"], now, status=HELD, reason=verdict.reason)
                    counts["held"] += 1
                    continue
                if verdict.action == "wait":
                    self._update(tenant, row["id"], now, not_before=to_db(verdict.later))
                    counts["deferred"] += 1
                    continue
                if not self._update(tenant, row["id"], now, expect=QUEUED, status=SENDING,
                                    attempts=row["attempts"] + 1):
                    continue
                row["attempts"] += 1
                token = tokens.make(row["customer_id"], key.key_id, bytes(key.secret))
                outcome = mailer.send(compose(self.settings, row, person,
                                              unsubscribe_for(token, self.public_url, self.settings.sender)))
                changes = after_attempt(row, outcome, now)
                self._update(tenant, row["id"], now, **{k: to_db(v) if isinstance(v, datetime) else v
                                                       for k, v in changes.items()})
                counts[{"queued": "retry"}.get(changes["status"], changes["status"])] += 1
        return {k: v for k, v in counts.items() if v}

    def _update(self, tenant: str, message_id: str, now: datetime, expect: str | None = None, **values) -> bool:
        """Change one row in its own commit, with a new sequence number for the pulls; `expect`: only from that
        status (one sender process wins)."""
        with self.storage.write() as conn:
            seq = _sequencer(conn, tenant)  # the tenant's lock: nobody changes the row between check and write
            status = conn.execute(select(messages.c.status).where(messages.c.tenant_id == tenant,
                                                                  messages.c.id == message_id)).scalar()
            if status is None or (expect and status != expect):
                return False
            conn.execute(update(messages).where(messages.c.tenant_id == tenant, messages.c.id == message_id)
                         .values(values | {"server_seq": seq.next(), "updated_at": to_db(now)}))
            seq.finish()
        return True

    def rows(self, tenant: str, status: str | None = None, limit: int = 500) -> list[dict]:
        with self.storage.read() as conn:
            query = select(messages).where(messages.c.tenant_id == tenant)
            if status:
                query = query.where(messages.c.status == status)
            return [_row(r) for r in conn.execute(query.order_by(messages.c.planned_at.desc()).limit(limit))]


def _row(r) -> dict:
    out = dict(r._mapping)
    try:
        out["facts"] = json.loads(out["facts"])
    except ValueError:
        out["facts"] = {}
    return out


def _sending_shops(conn: Connection, tenant: str, now: datetime) -> set[str]:
    return {r[0] for r in conn.execute(
        select(message_senders.c.shop_id).join(terminals, terminals.c.id == message_senders.c.terminal_id)
        .where(message_senders.c.tenant_id == tenant, terminals.c.revoked_at.is_(None),
               message_senders.c.declared_at >= to_db(now - SENDER_FRESH)))}


def _activity(conn: Connection, tenant: str, cursor: int, top: int, now: datetime,
              others: set[str]) -> list[Activity]:
    """Customers with new events in shops the server sends for."""
    origin_shop = {r.id: r.shop_id for r in conn.execute(select(terminals.c.id, terminals.c.shop_id)
                                                          .where(terminals.c.tenant_id == tenant))}
    grouped: dict[str, list[dict]] = {}
    for r in conn.execute(select(events.c.customer_id, events.c.kind, events.c.stamps, events.c.points,
                                 events.c.cashback, events.c.detail, events.c.created_at, events.c.shop_id,
                                 events.c.origin)
                          .where(events.c.tenant_id == tenant, events.c.server_seq > cursor,
                                 events.c.server_seq <= top,
                                 events.c.created_at >= to_db(now - occasions.EVENT_FRESH))
                          .order_by(events.c.server_seq)):
        shop = r.shop_id if r.shop_id in origin_shop.values() else origin_shop.get(r.origin)
        if shop in others:
            continue
        grouped.setdefault(r.customer_id, []).append(
            {"kind": r.kind, "stamps": r.stamps, "points": r.points, "cashback": r.cashback,
             "detail": json.loads(r.detail) if r.detail else {}, "created_at": from_db(r.created_at)})
    return [Activity(cid, found, _balance(conn, tenant, cid), _redeemed(conn, tenant, cid))
            for cid, found in grouped.items()]


def _redeemed(conn: Connection, tenant: str, customer_id: str) -> dict[str, int]:
    rows = conn.execute(select(events.c.id, events.c.kind, events.c.detail, events.c.ref).where(
        events.c.tenant_id == tenant, events.c.customer_id == customer_id,
        events.c.kind.in_(("redeem", "donate", "void")))).fetchall()
    undone = {r.ref for r in rows if r.kind == "void"}
    out: Counter = Counter()
    for r in rows:
        if r.kind != "void" and r.id not in undone and r.detail:
            reward = json.loads(r.detail).get("reward")
            if reward:
                out[reward] += 1
    return dict(out)


def _homes(conn: Connection, tenant: str, ids: list[str], others: set[str]) -> set[str]:
    """Which customers (not merged away) belong to shops the server sends for."""
    merged = {r.key for r in conn.execute(select(fields.c.key).where(
        fields.c.tenant_id == tenant, fields.c.entity == "customer", fields.c.field == "merged_into",
        fields.c.value.is_not(None), fields.c.value != "null"))}
    out = set()
    for start in range(0, len(ids), 1000):
        for r in conn.execute(select(customers.c.id, customers.c.home_shop).where(
                customers.c.tenant_id == tenant, customers.c.id.in_(ids[start:start + 1000]))):
            if r.home_shop not in others and r.id not in merged:
                out.add(r.id)
    return out


def _points_events(conn: Connection, tenant: str, customer_id: str) -> list[PointsEvent]:
    rows = conn.execute(select(events.c.id, events.c.kind, events.c.points, events.c.created_at,
                               events.c.expires_at, events.c.ref)
                        .where(events.c.tenant_id == tenant, events.c.customer_id == customer_id,
                               events.c.points != 0).order_by(events.c.created_at, events.c.server_seq))
    return [PointsEvent(r.id, r.kind, r.points, from_db(r.created_at),
                        from_db(r.expires_at) if r.expires_at else None, r.ref) for r in rows]


def _last_visit(conn: Connection, tenant: str, customer_id: str) -> datetime | None:
    last = conn.execute(select(func.max(events.c.created_at)).where(
        events.c.tenant_id == tenant, events.c.customer_id == customer_id, events.c.kind == "purchase")).scalar()
    return from_db(last) if last else None


def _relevant(conn: Connection, tenant: str, program: Program, row: dict) -> bool:
    cid = row["customer_id"]
    return occasions.still_true(program, row, _balance(conn, tenant, cid),
                                lambda: point_lots(_points_events(conn, tenant, cid)),
                                lambda: _last_visit(conn, tenant, cid))


def _scan(conn: Connection, tenant: str, program: Program, now: datetime, today: date,
          others: set[str]) -> list[occasions.Candidate]:
    rules, out = program.messages, []
    if "birthday" in rules.send:
        born = {}
        for r in conn.execute(select(fields.c.key, fields.c.value).where(
                fields.c.tenant_id == tenant, fields.c.entity == "customer", fields.c.field == "birthday",
                fields.c.value.is_not(None))):
            try:
                born[r.key] = date.fromisoformat(protocol.decode_value(r.value))
            except (TypeError, ValueError):
                continue
        soon = [cid for cid, day in born.items() if occasions.birthday(program, cid, day, now)]
        out += [occasions.birthday(program, cid, born[cid], now) for cid in _homes(conn, tenant, soon, others)]
    if program.points and {"reward_expiring", "points_expiring"} & set(rules.send):
        horizon = now + timedelta(days=rules.expiry_warning_days)
        ids = [r[0] for r in conn.execute(select(events.c.customer_id).distinct().where(
            events.c.tenant_id == tenant, events.c.expires_at > to_db(now), events.c.expires_at <= to_db(horizon),
            events.c.points > 0))]
        for cid in _homes(conn, tenant, ids, others):
            out.append(occasions.expiring(program, cid, point_lots(_points_events(conn, tenant, cid)),
                                          _balance(conn, tenant, cid), now))
    if "we_miss_you" in rules.send:
        away = timedelta(days=rules.inactive_days)
        last = func.max(events.c.created_at)
        rows = conn.execute(select(events.c.customer_id, last).where(
            events.c.tenant_id == tenant, events.c.kind == "purchase").group_by(events.c.customer_id).having(
            last >= to_db(now - away - occasions.REENGAGE_WINDOW)).having(last < to_db(now - away))).fetchall()
        mine = _homes(conn, tenant, [r[0] for r in rows], others)
        out += [occasions.missed(program, r[0], from_db(r[1]), now) for r in rows if r[0] in mine]
    return [c for c in out if c is not None]


# ---- unsubscribing from a link ----

def check_token(storage, token: str) -> dict:
    """The tenant, customer and shop name behind a token (TokenError or NotFound if there is none)."""
    parsed = tokens.parse(token)
    with storage.read() as conn:
        for key in conn.execute(select(card_keys.c.tenant_id, card_keys.c.secret)
                                .where(card_keys.c.key_id == parsed.key_id)):
            if parsed.signed_by(bytes(key.secret)):
                tenant = key.tenant_id
                break
        else:
            raise tokens.TokenError("This unsubscribe link is not valid.")
        if conn.execute(select(customers.c.id).where(customers.c.tenant_id == tenant,
                                                     customers.c.id == parsed.customer_id)).first() is None:
            raise NotFound("This unsubscribe link belongs to a customer this server does not know.",
                           code="unknown_customer")
        program = _program(conn, tenant)
        name = program.name if program else conn.execute(select(tenants.c.name).where(tenants.c.id == tenant)).scalar()
        person = _recipient(conn, tenant, parsed.customer_id)
        language = person.language or (program.locale.split("_")[0] if program else "en")
    return {"tenant": tenant, "customer_id": parsed.customer_id, "shop": name, "language": language,
            "consent": person.consent}


def unsubscribe(storage, token: str, now: datetime | None = None) -> dict:
    """No more e-mails: consent off and the time recorded, as customer field changes every till pulls."""
    now = now or utcnow()
    found = check_token(storage, token)
    tenant, customer_id = found["tenant"], found["customer_id"]
    with storage.write() as conn:
        seq = _sequencer(conn, tenant)
        clock = max([protocol.hlc_from_ms(int(now.timestamp() * 1000))] + [r[0] + 1 for r in conn.execute(
            select(fields.c.hlc).where(fields.c.tenant_id == tenant, fields.c.entity == "customer",
                                       fields.c.key == customer_id))])
        changes = [("consent_email", False)]
        if found["consent"] or not _fields_of(conn, tenant, customer_id).get("unsubscribed_at"):
            changes.append(("unsubscribed_at", to_db(now)))
        storage._fields(conn, seq, tenant, [{"entity": "customer", "key": customer_id, "field": f,
                                             "value": protocol.encode_value(v), "hlc": clock, "node": SERVER}
                                            for f, v in changes], now)
        seq.finish()
    return found | {"consent": False}


# ---- the loop in `pos-loyalty serve` ----

class MessageLoop:
    """Central.run every `interval` seconds in a thread, until stop()."""

    def __init__(self, central: Central, interval: float = 60.0):
        self.central, self.interval = central, interval
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="messages", daemon=True)
        self.rounds = 0

    def start(self) -> "MessageLoop":
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.thread.join(30)  # a round in the middle of an SMTP exchange ends within the mail timeout

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.central.run()
            except Exception:  # noqa: BLE001 - a bad round (database away) must not end the loop
                log.exception("messages round failed")
            self.rounds += 1
            self._stop.wait(self.interval)
