"""Time: stored as UTC ISO-8601 text (sorts correctly), shown and reasoned about in the shop's zone."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from .errors import LoyaltyError

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def to_db(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; attach a zone")
    return moment.astimezone(timezone.utc).strftime(_FORMAT)


def from_db(text: str) -> datetime:
    return datetime.fromisoformat(text)  # 50x faster than strptime; it reads the trailing Z as UTC


def parse_at(text: str, zone: str) -> datetime:
    """An ISO-8601 time from a script; without an offset it is read as shop time."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise LoyaltyError(f"'{text}' is not an ISO-8601 time like 2026-03-01T10:30", code="bad_time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(timezone.utc)
