"""The rules every message passes, on the till and on the server alike: consent, address, caps and quiet hours.

Pure functions of the recipient, the customer's other messages and the program's [messages] rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from ..program import MessageRules
from .kinds import MARKETING, QUEUED, SENDING, SENT, TRANSACTIONAL


@dataclass(frozen=True)
class Recipient:
    """What the rules need to know about the customer; the name only greets."""

    customer_id: str
    email: str | None = None
    consent: bool = False
    unsubscribed_at: str | None = None
    name: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Prior:
    """Another message of the same customer: its kind, status and when it went (or will go) out."""

    kind: str
    status: str
    at: datetime


def hold_reason(kind: str, recipient: Recipient, prior: list[Prior], rules: MessageRules, now: datetime, *,
                count_queued: bool = True) -> str | None:
    """Why this message must not go out, or None. When planning, queued messages count against the caps (they
    will go out); when sending, only what went out does, so two queued ones never hold each other back."""
    if not recipient.consent:
        return "unsubscribed" if recipient.unsubscribed_at else "no_consent"
    if not recipient.email:
        return "no_address"
    return cap_reason(kind, prior, rules, now, count_queued=count_queued)


def cap_reason(kind: str, prior: list[Prior], rules: MessageRules, now: datetime, *,
               count_queued: bool = True) -> str | None:
    """The frequency cap a message would break, or None (transactional messages have none)."""
    if kind in TRANSACTIONAL:
        return None
    counted = (QUEUED, SENDING, SENT) if count_queued else (SENDING, SENT)
    live = [p for p in prior if p.status in counted]

    def within(kinds: tuple[str, ...], days: int) -> bool:
        return any(p.kind in kinds and now - p.at < timedelta(days=days) for p in live)

    if kind == "birthday" and within(("birthday",), rules.birthday_cap_days):
        return "birthday_cap"
    if kind == "we_miss_you" and within(("we_miss_you",), rules.reengagement_cap_days):
        return "reengagement_cap"
    if within(MARKETING, rules.marketing_cap_days):
        return "weekly_cap"
    return None


def after_quiet_hours(at: datetime, rules: MessageRules, zone: ZoneInfo) -> datetime:
    """`at` itself, or the end of the quiet hours it falls into (shop time; the hours may span midnight)."""
    start, end = rules.quiet_start, rules.quiet_end
    if start == end:
        return at
    local = at.astimezone(zone)
    now = local.time()
    if start < end:
        quiet, day = start <= now < end, local.date()
    else:
        quiet = now >= start or now < end
        day = local.date() + timedelta(days=1) if now >= start else local.date()
    if not quiet:
        return at
    return datetime.combine(day, end, zone).astimezone(timezone.utc)
