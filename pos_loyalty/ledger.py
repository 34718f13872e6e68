"""Event kinds and what is derived from a customer's events: point lots (FIFO) and which of them expire."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

# Kinds a cashier or owner can take back with a void; bonuses booked with a purchase go with it.
VOIDABLE = ("purchase", "redeem", "donate", "adjust")
KINDS = VOIDABLE + ("bonus", "void", "expire", "merge", "tier", "enroll")

# Deterministic ids make the same expiry booked on two terminals one event after sync.
_EXPIRY_NAMESPACE = uuid.UUID("6f1c35a0-5d2b-4a8e-9b59-8f1f6f0a7c11")


@dataclass(frozen=True)
class PointsEvent:
    id: str
    kind: str
    points: int
    created_at: datetime
    expires_at: datetime | None = None
    ref: str | None = None


@dataclass
class Lot:
    """Points earned by one event, and how many of them are still unspent."""

    event_id: str
    earned_at: datetime
    expires_at: datetime | None
    earned: int
    remaining: int


def point_lots(events: list[PointsEvent]) -> list[Lot]:
    """Replay a customer's points events in time order, spending oldest lots first.

    A void or expiry takes from the lot it refers to first. Spending beyond the balance becomes a
    debt that later earnings pay off before they form a lot, so a lot never holds points already spent.
    """
    lots: dict[str, Lot] = {}
    debt = 0
    for event in sorted(events, key=lambda e: e.created_at):
        if event.points > 0:
            paid = min(debt, event.points)
            debt -= paid
            lots[event.id] = Lot(event.id, event.created_at, event.expires_at, event.points, event.points - paid)
        elif event.points < 0:
            need = -event.points
            own = lots.get(event.ref) if event.ref else None
            queue = ([own] if own else []) + [lot for lot in lots.values() if lot is not own]
            for lot in queue:
                take = min(need, lot.remaining)
                lot.remaining -= take
                need -= take
                if not need:
                    break
            debt += need
    return list(lots.values())


def due_expiries(lots: list[Lot], at: datetime) -> list[Lot]:
    """Lots past their expiry that still hold points."""
    return [lot for lot in lots if lot.expires_at is not None and lot.expires_at <= at and lot.remaining > 0]


def expiry_event_id(lot_event_id: str) -> str:
    return str(uuid.uuid5(_EXPIRY_NAMESPACE, lot_event_id))
