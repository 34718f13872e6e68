"""Event kinds and what is derived from a customer's events: point lots (FIFO) and which of them expire."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

# Kinds a cashier or owner can take back with a void; bonuses booked with a purchase go with it.
VOIDABLE = ("purchase", "redeem", "donate", "adjust")
# Balances carried over from another system by an import (detail names the import); not voidable, like enroll.
OPENING = "opening"
KINDS = VOIDABLE + ("bonus", "void", "expire", "merge", "tier", "enroll", OPENING)

# Deterministic ids: what two terminals may each book for the same reason (a lot's expiry, a card's first use
# and its enrollment bonus) becomes one account and one event after sync, never two.
_NAMESPACE = uuid.UUID("6f1c35a0-5d2b-4a8e-9b59-8f1f6f0a7c11")


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
    expirations: int = 0  # expiry events booked against it (more than one if an undo refilled it)


def point_lots(events: list[PointsEvent]) -> list[Lot]:
    """Replay a customer's points events in time order, spending oldest lots first.

    A void or expiry takes from the lot it refers to first; a void that gives points back (an undone
    redemption) returns them to the lots they were taken from, with those lots' own expiry. Spending beyond
    the balance becomes a debt that later earnings pay off first, so a lot never holds points already spent.
    """
    lots: dict[str, Lot] = {}
    taken: dict[str, list[tuple[Lot, int]]] = {}
    debt = 0
    for event in sorted(events, key=lambda e: e.created_at):
        if event.points > 0:
            paid = min(debt, event.points)  # a debt exists only while every lot is empty: pay it first
            debt -= paid
            amount = event.points - paid
            for lot, count in taken.pop(event.ref, []) if event.kind == "void" else []:
                back = min(amount, count)
                lot.remaining += back
                amount -= back
            if amount:
                lots[event.id] = Lot(event.id, event.created_at, event.expires_at, amount, amount)
        elif event.points < 0:
            need = -event.points
            own = lots.get(event.ref) if event.ref else None
            if own and event.kind == "expire":
                own.expirations += 1
            queue = ([own] if own else []) + [lot for lot in lots.values() if lot is not own]
            spent = taken.setdefault(event.id, [])
            for lot in queue:
                take = min(need, lot.remaining)
                if take:
                    lot.remaining -= take
                    spent.append((lot, take))
                    need -= take
                if not need:
                    break
            debt += need
    return list(lots.values())


def due_expiries(lots: list[Lot], at: datetime) -> list[Lot]:
    """Lots past their expiry that still hold points."""
    return [lot for lot in lots if lot.expires_at is not None and lot.expires_at <= at and lot.remaining > 0]


def derived_id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, ":".join(parts)))


def expiry_event_id(lot: Lot) -> str:
    """One id per lot and expiry: a lot refilled by an undone redemption can expire a second time."""
    return derived_id(lot.event_id, "expire", str(lot.expirations))


def customer_id_for(first_card: str) -> str:
    """A customer's id follows from the first card: an offline shop that meets the card opens the same account."""
    return derived_id("customer", first_card)
