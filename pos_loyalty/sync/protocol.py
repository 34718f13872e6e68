"""The sync protocol's shapes and rules, shared by the client and the server (plain dicts: no web framework here).

Version 1, JSON over HTTP:
- `GET /v1/meta`: protocol range and the server's clock (no auth).
- `POST /v1/register`: one-time enrollment code -> terminal id and a secret token; uploads the terminal's card keys.
- `POST /v1/push`: a batch of the terminal's events (in its own sequence order), customer/card creations and
  per-field changes (hybrid logical clock); answers per event applied / duplicate / rejected with a code.
- `POST /v1/pull`: everything after the terminal's cursor (the tenant's server sequence), never splitting one
  server commit over two pages.
Every request body carries `protocol`; a server refuses a version outside its range with a 400 naming both.
"""

from __future__ import annotations

import json

from ..ledger import derived_id

PROTOCOL = 1
PROTOCOL_MIN = 1
PROTOCOL_MAX = 1

MAX_PUSH_EVENTS = 2000  # per request; the client sends 1000
MAX_PUSH_CHANGES = 2000
MAX_BODY_BYTES = 8 * 1024 * 1024
PULL_LIMIT_DEFAULT = 5000
PULL_LIMIT_MAX = 10000
CLOCK_SKEW_WARN_S = 5 * 60

# Columns of an event on the wire, in the local table's names. `seq` is the terminal's own sequence number.
EVENT_FIELDS = ("id", "customer_id", "kind", "stamps", "points", "cashback", "amount", "items", "reason", "detail",
                "ref", "staff_id", "shop_id", "terminal_id", "created_at", "expires_at", "program_version")
# What must match for a same-id event booked by two terminals for the same reason (its id is derived).
DERIVED_MATCH = ("customer_id", "kind", "stamps", "points", "cashback", "amount", "ref")

CUSTOMER_FIELDS = ("name", "email", "phone", "birthday", "consent_email", "merged_into",
                   "language", "unsubscribed_at",  # these two: for customer messages
                   "erased_at")  # an erasure (GDPR): its personal fields go everywhere, the server's copy too
PERSONAL_FIELDS = ("name", "email", "phone", "birthday")
ERASED = "[erased]"  # an event's free-text reason after its customer's data was erased
CARD_FIELDS = ("customer_id", "blocked_at", "block_reason")
FIELDS = {"customer": CUSTOMER_FIELDS, "card": CARD_FIELDS}

# Per-event results of a push.
APPLIED, DUPLICATE, REJECTED = "applied", "duplicate", "rejected"
STATUSES = (APPLIED, DUPLICATE, REJECTED)


def is_derived(event: dict) -> bool:
    """Events whose id two terminals compute alike (enrollment, its bonuses, a lot's expiry): same id = same event."""
    kind = event["kind"]
    if kind in ("enroll", "expire"):
        return True
    return kind == "bonus" and event.get("ref") is not None and event["ref"] == derived_id(event["customer_id"],
                                                                                           "enroll")


def same_event(held: dict, incoming: dict) -> bool:
    """True when `incoming` is a copy of `held` (a retry, or the same derived event from another terminal)."""
    keys = DERIVED_MATCH if is_derived(incoming) and is_derived(held) else EVENT_FIELDS
    # An erased reason matches the text it replaced: one side may not have heard of the erasure yet.
    return all(held.get(k) == incoming.get(k) or (k == "reason" and ERASED in (held.get(k), incoming.get(k)))
               for k in keys)


def hlc_newer(a: tuple[int, str], b: tuple[int, str] | None) -> bool:
    """Last writer wins: (hlc, node) pairs compare by clock, then node id to break ties the same way everywhere."""
    return b is None or (a[0], a[1]) > (b[0], b[1])


def hlc_from_ms(ms: int) -> int:
    """A hybrid logical clock is milliseconds * 1000 plus a counter for events within one millisecond."""
    return ms * 1000


def encode_value(value) -> str | None:
    return None if value is None else json.dumps(value)


def decode_value(text: str | None):
    return None if text is None else json.loads(text)


def protocol_error(version: int) -> str:
    return (f"This server speaks sync protocol {PROTOCOL_MIN} to {PROTOCOL_MAX}; the terminal uses {version}. "
            + ("Update the app on this terminal." if version < PROTOCOL_MIN else "Update the server."))
