"""What an outbox row is: message kinds, statuses, the reasons a message is held or failed, and its wire shape."""

from __future__ import annotations

from ..ledger import derived_id
from ..program import MESSAGE_KINDS

KINDS = MESSAGE_KINDS
# Transactional messages answer something the customer did (joined, earned, moved up): never capped.
TRANSACTIONAL = ("welcome", "reward_earned", "tier_reached")
MARKETING = tuple(k for k in KINDS if k not in TRANSACTIONAL)
# When two marketing messages fall on the same run, the first of these wins the weekly cap.
PRIORITY = ("birthday", "reward_expiring", "points_expiring", "we_miss_you")

CHANNELS = ("email",)  # SMS would be another channel with its own consent and sender
LANGUAGES = ("en", "de")

QUEUED, SENDING, SENT, HELD, FAILED = "queued", "sending", "sent", "held", "failed"
STATUSES = (QUEUED, SENDING, SENT, HELD, FAILED)
FINAL = (SENT, HELD, FAILED)

# Why a message is held (never sent) or failed; the UI words them for the owner.
REASONS = {
    "no_consent": "the customer has not agreed to e-mails",
    "unsubscribed": "the customer unsubscribed",
    "no_address": "no e-mail address",
    "weekly_cap": "another marketing message went out in the last days",
    "birthday_cap": "a birthday message went out within the last year",
    "reengagement_cap": "a 'we miss you' message went out within the last months",
    "too_late": "its moment had passed before it could be sent",
    "no_longer_relevant": "no longer true when it was due (e.g. the reward was redeemed)",
    "sender_removed": "this till's e-mail settings were removed before it was sent",
    "rejected": "the mail server refused it",
    "gave_up": "the mail server could not be reached after several attempts",
    "interrupted": "sending was interrupted; not sent again to avoid a duplicate",
}

SERVER = "server"  # the sender of messages the central server sends

# An outbox row as terminals and the server exchange it (status and who sends travel with it).
WIRE_FIELDS = ("id", "customer_id", "kind", "occasion", "channel", "language", "shop_id", "facts", "planned_at",
               "not_before", "send_by", "status", "reason", "detail", "attempts", "sent_at")


def family(kind: str) -> str:
    """Expiry warnings share one occasion: a lot warned about as a reward is not warned about again as points."""
    return "expiry" if kind in ("reward_expiring", "points_expiring") else kind


def message_id(customer_id: str, kind: str, occasion: str) -> str:
    """The same message planned twice (a retry, two tills, a till and the server) is the same row."""
    return derived_id("message", customer_id, family(kind), occasion)


def rank(status: str) -> int:
    """Statuses only move forward: queued, then sending, then one of the final ones."""
    return 2 if status in FINAL else 1 if status == SENDING else 0


def forward(old: str, new: str) -> bool:
    """Whether a row may move from status `old` to `new`: never back, never out of a final state."""
    return old not in FINAL and (rank(new) > rank(old) or new == old == QUEUED)
