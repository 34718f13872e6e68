"""The till's outbox: plan messages from its own ledger, send the due ones with its own e-mail settings, and what the
owner sees and changes (rows and reasons, the texts, consent and language per customer, unsubscribe codes).

Who sends, never two places: a till plans and sends only when it has e-mail settings, and only for its own shop
(events booked there, customers enrolled there). Not registered with a server, it is alone and sends what it plans
('local'). Registered, it first offers each row to the server with the next push ('pending'); the server stores a
message id once, so of the tills and the server itself exactly one becomes its sender ('granted'), the others
learn that it is not theirs ('lost') and never send it. A till without settings plans nothing: the server plans
and sends (if it has settings), and the rows come to the till with the pulls for the owner to see.

At most once: a row is marked 'sending' and committed before the mail server hears of it, and marked sent or
failed after. A process killed in between leaves it 'sending'; after STUCK it is recorded as failed
('interrupted') and never sent again: a customer may miss one message, never get it twice. A refusal before the
text went out (a 4xx, a dropped connection) is retried later with a growing delay; a 5xx is final.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from ..clock import to_db, utcnow
from ..errors import LoyaltyError, NotFound
from ..ledger import derived_id, point_lots
from ..service import Loyalty
from ..store import customers as customer_sql, events as event_sql, setup as setup_sql
from ..store.sync import put as meta_put
from . import occasions, smtp, store, templates, tokens
from .kinds import HELD, KINDS, LANGUAGES, QUEUED, REASONS, STATUSES
from .planner import STUCK, after_attempt, before_send, compose, decide, unsubscribe_for
from .policy import Prior, Recipient


@dataclass
class _Local:
    """planner.Sources over the till's database."""

    conn: object

    def known(self, ids: list[str]) -> set[str]:
        return store.known(self.conn, ids)

    def recipient(self, customer_id: str) -> Recipient:
        return store.recipient(self.conn, customer_id)

    def prior(self, customer_id: str) -> list[Prior]:
        return store.prior(self.conn, customer_id)

    def balance(self, customer_id: str) -> tuple[int, int, int]:
        return event_sql.balance(self.conn, customer_id)


class Outbox:
    """The outbox of one till's data folder, on the caller's Loyalty (one thread, like it)."""

    def __init__(self, app: Loyalty):
        self.app, self.db = app, app.db

    # ---- who this till is ----

    @property
    def me(self) -> str:
        return self.db.meta("terminal_id") or ""

    @property
    def registered(self) -> bool:
        return bool(self.db.meta("sync_token"))

    def shops(self) -> set[str]:
        """This till's shop; 'local' is what it booked before it was registered."""
        return {self.db.meta("shop_id") or "local", "local"}

    def settings(self) -> smtp.SmtpSettings | None:
        return smtp.load(self.db)

    @property
    def sends(self) -> bool:
        """This till has e-mail settings (read without asking the keyring for the password)."""
        return bool(self.db.meta("smtp_host"))

    def configure(self, settings: smtp.SmtpSettings, *, keep_password: bool = False) -> smtp.SmtpSettings:
        return smtp.save(self.db, settings, keep_password=keep_password)

    def remove_settings(self, now: datetime | None = None) -> int:
        """No more sending from here; queued rows of this till are held (they would wait for ever)."""
        smtp.clear(self.db)
        with self.db.write() as conn:
            return store.release_own(conn, now or utcnow())

    # ---- planning ----

    def plan(self, now: datetime | None = None) -> dict:
        """New rows for what happened since the last run, and once a day for birthdays, expiring points and
        customers who stay away. Nothing without e-mail settings (then the server plans)."""
        now = now or utcnow()
        if not self.sends:
            return {"planned": 0, "queued": 0, "held": 0, "skipped": "no e-mail settings on this till"}
        program = self.app.program
        conn, shops = self.db.conn, self.shops()
        cursor = int(self.db.meta("messages_cursor", "0"))
        found, top = store.activity(conn, cursor, now - occasions.EVENT_FRESH, shops)
        candidates = [c for a in found for c in occasions.from_activity(program, a, now)]
        today = now.astimezone(program.zone).date()
        scan = self.db.meta("messages_scanned") != today.isoformat()
        if scan:
            candidates += self._scan(program, now, today, shops)
        rows = decide(program, candidates, _Local(conn), self.app.shop_name(), now, self.db.meta("shop_id"))
        claim = "pending" if self.registered else "local"
        stamped = [r | {"sender": self.me, "claim": claim, "updated_at": to_db(now)} for r in rows]
        with self.db.write() as conn:
            added = store.insert(conn, [r | {"facts": _json(r["facts"])} for r in stamped])
            meta_put(conn, "messages_cursor", top)
            if scan:
                meta_put(conn, "messages_scanned", today.isoformat())
        statuses = Counter(r["status"] for r in rows)
        return {"planned": added, "queued": statuses[QUEUED], "held": statuses[HELD]}

    def _scan(self, program, now: datetime, today: date, shops: set[str]) -> list[occasions.Candidate]:
        rules, conn, out = program.messages, self.db.conn, []
        if "birthday" in rules.send:
            for cid, born in store.birthdays(conn, today, today + timedelta(days=rules.birthday_days_before), shops):
                out.append(occasions.birthday(program, cid, born, now))
        if program.points and {"reward_expiring", "points_expiring"} & set(rules.send):
            for cid, lots in store.expiring(conn, now, now + timedelta(days=rules.expiry_warning_days), shops):
                out.append(occasions.expiring(program, cid, lots, event_sql.balance(conn, cid), now))
        if "we_miss_you" in rules.send:
            away = timedelta(days=rules.inactive_days)
            for cid, last in store.last_visits(conn, now - away - occasions.REENGAGE_WINDOW, now - away, shops):
                out.append(occasions.missed(program, cid, last, now))
        return [c for c in out if c is not None]

    # ---- sending ----

    def send_due(self, now: datetime | None = None, limit: int = 200) -> dict:
        """Send the rows that are due and this till's to send; hold or postpone the ones that must not go now."""
        now = now or utcnow()
        settings = self.settings()
        counts: Counter = Counter()
        with self.db.write() as conn:
            counts["interrupted"] = store.interrupted(conn, now - STUCK, now)
        if settings is None:
            return dict(counts) | {"skipped": "no e-mail settings on this till"}
        program = self.app.program
        with smtp.Mailer(settings) as mailer:
            for row in store.due(self.db.conn, now, limit):
                person = store.recipient(self.db.conn, row["customer_id"])
                verdict = before_send(program, row, person, store.prior(self.db.conn, row["customer_id"], row["id"]),
                                      self._relevant(program, row), now)
                with self.db.write() as conn:
                    if verdict.action == "hold":
                        store.update(conn, row["id"], now, status=HELD, reason=verdict.reason)
                        counts["held"] += 1
                        continue
                    if verdict.action == "wait":
                        store.update(conn, row["id"], now, not_before=verdict.later)
                        counts["deferred"] += 1
                        continue
                    if not store.start_sending(conn, row["id"], now):
                        continue  # another process took it
                message = compose(settings, row, person, self._unsubscribe(row["customer_id"], settings))
                row["attempts"] += 1
                outcome = mailer.send(message)
                changes = after_attempt(row, outcome, now)
                with self.db.write() as conn:
                    store.update(conn, row["id"], now, **changes)
                counts[{"queued": "retry"}.get(changes["status"], changes["status"])] += 1
        return {k: v for k, v in counts.items() if v}

    def _relevant(self, program, row: dict) -> bool:
        conn, cid = self.db.conn, row["customer_id"]
        return occasions.still_true(program, row, event_sql.balance(conn, cid),
                                    lambda: point_lots(event_sql.points_events(conn, cid)),
                                    lambda: store.last_visit(conn, cid))

    def _unsubscribe(self, customer_id: str, settings: smtp.SmtpSettings) -> templates.Unsubscribe:
        key_id, secret = setup_sql.signing_key(self.db.conn)
        return unsubscribe_for(tokens.make(customer_id, key_id, secret), self.db.meta("sync_url"), settings.sender)

    def test(self, to: str, language: str = "en", settings: smtp.SmtpSettings | None = None) -> smtp.Outcome:
        """A test e-mail to `to` with these (or the stored) settings."""
        settings = (settings or self.settings())
        if settings is None:
            raise smtp.SmtpError("There are no e-mail settings on this till yet.")
        settings = settings.checked()
        if "@" not in to:
            raise LoyaltyError(f"'{to}' is not an e-mail address.", code="bad_email")
        text = templates.render_test(language, self.app.shop_name())
        message = smtp.build(settings, to=to.strip(), subject=text.subject, text=text.text, html=text.html,
                             language=language, message_id=f"test-{utcnow():%Y%m%d%H%M%S%f}",
                             from_name=self.app.shop_name(), unsubscribe_url=None, unsubscribe_mailto=None)
        with smtp.Mailer(settings) as mailer:
            return mailer.send(message)

    # ---- what the owner sees ----

    def rows(self, status: str | None = None, kind: str | None = None, limit: int = 500) -> list[dict]:
        """Newest first, with the customer's name and the reason in words."""
        if status and status not in STATUSES or kind and kind not in KINDS:
            raise LoyaltyError(f"Unknown status or kind: {status or kind}.", code="usage")
        names: dict[str, str | None] = {}
        out = []
        for row in store.listing(self.db.conn, status, kind, limit):
            cid = row["customer_id"]
            if cid not in names:
                found = customer_sql.get(self.db.conn, cid)
                names[cid] = found["name"] if found else None
            out.append(row | {"name": names[cid], "why": REASONS.get(row["reason"] or "", ""),
                              "by": "this till" if row["sender"] == self.me else
                              "server" if row["sender"] == "server" else "another till"})
        return out

    def counts(self) -> dict:
        return store.counts(self.db.conn)

    def show(self, message_id: str) -> dict:
        """A row with its text as the customer gets (or got) it."""
        row = store.get(self.db.conn, message_id)
        if row is None:
            raise NotFound(f"There is no message {message_id}.", code="unknown_message")
        person = store.recipient(self.db.conn, row["customer_id"])
        settings = self.settings()
        key_id, secret = setup_sql.signing_key(self.db.conn)
        token = tokens.make(row["customer_id"], key_id, secret)
        unsubscribe = unsubscribe_for(token, self.db.meta("sync_url"), settings.sender if settings else "shop")
        text = templates.render(row["kind"], row["facts"], row["language"], person.name, unsubscribe)
        return row | {"name": person.name, "email": person.email, "subject": text.subject, "text": text.text,
                      "html": text.html, "why": REASONS.get(row["reason"] or "", "")}

    def preview(self, kind: str, language: str, name: str | None = "Anna") -> templates.Rendered:
        """A message as a customer would get it, with sample numbers (the owner's check of the texts)."""
        if kind not in KINDS or language not in LANGUAGES:
            raise LoyaltyError(f"Unknown message {kind} or language {language}.", code="usage")
        program, now = self.app.program, utcnow()
        facts = occasions.localized(program, occasions.sample(program, kind, now), language) | {
            "shop": self.app.shop_name(), "currency": program.currency, "as_of": now.date().isoformat(),
            "locale": templates.locale_for(program.locale, language),
            "balance": occasions.balance_facts(program, (7, 120, 350))}
        token = tokens.make(derived_id("message preview"), *setup_sql.signing_key(self.db.conn))
        settings = self.settings()
        unsubscribe = unsubscribe_for(token, self.db.meta("sync_url"), settings.sender if settings else "shop")
        return templates.render(kind, facts, language, name, unsubscribe)

    # ---- the customer's say ----

    def unsubscribe(self, token: str, now: datetime | None = None) -> dict:
        """The customer's unsubscribe code (a reply, a call): no more e-mails, on every till after the next sync."""
        customer_id = tokens.verify(token, setup_sql.card_keys(self.db.conn))
        row = customer_sql.get(self.db.conn, customer_id)
        if row is None:
            raise NotFound("This unsubscribe code belongs to a customer this till does not know (yet): sync, then "
                           "try again.", code="unknown_customer")
        self.set_consent(customer_id, False, now, unsubscribed=True)
        return {"customer_id": customer_id, "name": row["name"], "unsubscribed": True}

    def set_consent(self, customer_id: str, consent: bool, now: datetime | None = None, *,
                    unsubscribed: bool = False) -> None:
        now = now or utcnow()
        current = customer_sql.get(self.db.conn, customer_id)
        if current is None:
            raise NotFound("No such customer.", code="unknown_customer")
        with self.db.write() as conn:
            customer_sql.update(conn, customer_id, now, consent_email=consent)
            if consent:
                store.set_preferences(conn, customer_id, now, unsubscribed_at=None)
            elif unsubscribed and not current["unsubscribed_at"]:
                store.set_preferences(conn, customer_id, now, unsubscribed_at=to_db(now))

    def set_language(self, customer_id: str, language: str | None) -> None:
        """The language of the customer's messages; None: the shop's."""
        if language not in (None, *LANGUAGES):
            raise LoyaltyError(f"Messages are written in {', '.join(LANGUAGES)}, not {language}.", code="usage")
        if customer_sql.get(self.db.conn, customer_id) is None:
            raise NotFound("No such customer.", code="unknown_customer")
        with self.db.write() as conn:
            store.set_preferences(conn, customer_id, utcnow(), language=language)


def _json(facts: dict) -> str:
    return json.dumps(facts, ensure_ascii=False, sort_keys=True)


def run(data_dir: str | Path, now: datetime | None = None) -> dict:
    """One round for a background worker or the command line, on its own connection: plan, offer new rows to the
    server (registered tills), send what is due."""
    app = Loyalty(data_dir)
    try:
        outbox = Outbox(app)
        if not outbox.sends:
            return {"planned": 0, "skipped": "no e-mail settings on this till"}
        out = {"plan": outbox.plan(now)}
        if outbox.registered:
            out["offered"] = _offer(data_dir)
        out["send"] = outbox.send_due(now)
        return out
    finally:
        app.close()


def _offer(data_dir) -> dict:
    """Push right away, so the server grants new rows without waiting for the next scheduled sync."""
    from ..sync.nightly import sync_once  # noqa: PLC0415 - sync imports the service; keep it off the import path

    report = sync_once(data_dir)
    return {"ok": report.ok} | ({"error": report.error["message"]} if report.error else {})
