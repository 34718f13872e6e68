"""From candidate messages to outbox rows, and from a due row to an e-mail: the decisions the till and the server
share (consent, caps, quiet hours, language, retries), each fed by its own database through `Sources`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Protocol

from ..clock import from_db, to_db
from ..program import Program
from . import smtp, templates
from .kinds import CHANNELS, HELD, LANGUAGES, PRIORITY, QUEUED, SENT, TRANSACTIONAL, message_id
from .occasions import Candidate, balance_facts, localized
from .policy import Prior, Recipient, after_quiet_hours, hold_reason

# Seconds to wait after the 1st, 2nd, ... failed attempt (the mail server down, a full mailbox); then give up.
RETRY_DELAYS = (60, 300, 1800, 7200, 21600)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
STUCK = timedelta(minutes=10)  # a row 'sending' this long belongs to a process that died


class Sources(Protocol):
    """What planning asks the database (the till's SQLite or the server's tables)."""

    def known(self, ids: list[str]) -> set[str]: ...
    def recipient(self, customer_id: str) -> Recipient: ...
    def prior(self, customer_id: str) -> list[Prior]: ...
    def balance(self, customer_id: str) -> tuple[int, int, int]: ...


def language_of(program: Program, recipient: Recipient) -> str:
    """The customer's own choice, else the program's language, else English."""
    if recipient.language in LANGUAGES:
        return recipient.language
    shop = program.locale.split("_")[0].lower()
    return shop if shop in LANGUAGES else "en"


def _order(candidate: Candidate) -> int:
    return -1 if candidate.kind in TRANSACTIONAL else PRIORITY.index(candidate.kind)


def decide(program: Program, candidates: list[Candidate], sources: Sources, shop: str, now: datetime,
           shop_id: str | None = None) -> list[dict]:
    """New outbox rows (wire shape) for the candidates not planned before: queued, or held with the reason.
    Within one run the weekly cap keeps the most important marketing message (PRIORITY)."""
    wanted = [c for c in candidates if c.kind in program.messages.send]
    ids = {id(c): message_id(c.customer_id, c.kind, c.occasion) for c in wanted}
    planned = sources.known(list(set(ids.values())))
    rules, today = program.messages, now.astimezone(program.zone).date().isoformat()
    fresh: dict[str, list[Prior]] = {}
    out, seen = [], set(planned)
    for c in sorted(wanted, key=_order):
        mid = ids[id(c)]
        if mid in seen:
            continue
        seen.add(mid)
        person = sources.recipient(c.customer_id)
        if c.customer_id not in fresh:
            fresh[c.customer_id] = sources.prior(c.customer_id)
        reason = hold_reason(c.kind, person, fresh[c.customer_id], rules, now)
        language = language_of(program, person)
        facts = localized(program, c.facts, language) | {
            "shop": shop, "currency": program.currency, "locale": templates.locale_for(program.locale, language),
            "as_of": today, "balance": balance_facts(program, sources.balance(c.customer_id))}
        out.append({"id": mid, "customer_id": c.customer_id, "kind": c.kind, "occasion": c.occasion,
                    "channel": CHANNELS[0], "language": language, "shop_id": shop_id, "facts": facts,
                    "planned_at": to_db(now),
                    "not_before": to_db(now if reason else after_quiet_hours(now, rules, program.zone)),
                    "send_by": to_db(c.send_by), "status": HELD if reason else QUEUED, "reason": reason,
                    "detail": None, "attempts": 0, "sent_at": None})
        if not reason:
            fresh[c.customer_id].append(Prior(c.kind, QUEUED, now))
    return out


@dataclass(frozen=True)
class Verdict:
    """What to do with a due row now: send it, hold it (reason), or wait until `later`."""

    action: str
    reason: str | None = None
    later: datetime | None = None


def before_send(program: Program, row: dict, person: Recipient, prior: list[Prior], relevant: bool,
                now: datetime) -> Verdict:
    """The checks again at the moment of sending: consent can be withdrawn and caps filled since planning."""
    if now > from_db(row["send_by"]):
        return Verdict("hold", "too_late")
    reason = hold_reason(row["kind"], person, prior, program.messages, now, count_queued=False)
    if reason:
        return Verdict("hold", reason)
    if not relevant:
        return Verdict("hold", "no_longer_relevant")
    later = after_quiet_hours(now, program.messages, program.zone)
    return Verdict("wait", later=later) if later > now else Verdict("send")


def compose(settings: smtp.SmtpSettings, row: dict, person: Recipient,
            unsubscribe: templates.Unsubscribe) -> EmailMessage:
    text = templates.render(row["kind"], row["facts"], row["language"], person.name, unsubscribe)
    return smtp.build(settings, to=person.email, subject=text.subject, text=text.text, html=text.html,
                      language=row["language"], message_id=row["id"], from_name=row["facts"].get("shop", ""),
                      unsubscribe_url=unsubscribe.url, unsubscribe_mailto=unsubscribe.mailto)


def unsubscribe_for(token: str, base_url: str | None, sender: str) -> templates.Unsubscribe:
    url = f"{base_url.rstrip('/')}/unsubscribe/{token}" if base_url else None
    return templates.Unsubscribe(token, url, f"mailto:{sender}?subject=unsubscribe%20{token}")


def after_attempt(row: dict, outcome: smtp.Outcome, now: datetime) -> dict:
    """The row's new state after one delivery attempt (attempts already counts this one)."""
    if outcome.status == "sent":
        return {"status": SENT, "sent_at": now, "reason": None, "detail": outcome.detail}
    if outcome.status == "permanent":
        return {"status": "failed", "reason": "rejected", "detail": outcome.detail}
    if outcome.status == "uncertain":
        return {"status": "failed", "reason": "interrupted", "detail": outcome.detail}
    if row["attempts"] >= MAX_ATTEMPTS:
        return {"status": "failed", "reason": "gave_up", "detail": outcome.detail}
    wait = timedelta(seconds=RETRY_DELAYS[row["attempts"] - 1])
    return {"status": QUEUED, "not_before": now + wait, "detail": outcome.detail}
