"""Which messages are due: pure functions from a customer's new events, balance, point lots, birthday and last visit
to candidate messages. The till and the server feed them from their own databases and get the same ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from ..ledger import Lot
from ..program import Program
from ..rules import CustomerState, birthday_year, rewards_available

EVENT_FRESH = timedelta(days=2)  # an event older than this (an old backlog arriving) brings no message
TRANSACTIONAL_WINDOW = timedelta(days=7)  # a welcome or a reward notice not sent within a week is not sent
REENGAGE_WINDOW = timedelta(days=30)  # "we miss you" goes to customers who lapsed recently, not years ago
REENGAGE_DEADLINE = timedelta(days=14)


@dataclass(frozen=True)
class Candidate:
    """A message that is due; `facts` hold what its text says (no personal data: names are added when shown)."""

    customer_id: str
    kind: str
    occasion: str
    send_by: datetime
    facts: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Activity:
    """A customer's events since the planner last looked, with the balance now and rewards redeemed so far."""

    customer_id: str
    events: list[dict]  # kind, stamps, points, cashback, detail (dict), created_at (datetime)
    balance: tuple[int, int, int]
    redeemed: dict[str, int]  # reward id -> how many times redeemed (not undone)


def balance_facts(program: Program, balance: tuple[int, int, int]) -> dict:
    """The parts of the balance this program uses, for the line every message ends with."""
    stamps, points, cashback = balance
    out = {}
    if program.stamps:
        out["stamps"] = stamps
        if program.card_size:
            out["card_size"] = program.card_size
    if program.points:
        out["points"] = points
    if program.cashback:
        out["cashback"] = cashback
    return out


def from_activity(program: Program, activity: Activity, now: datetime) -> list[Candidate]:
    """Welcome, tier reached and reward earned, from events booked since the planner last looked."""
    # What an import brought (an opening balance) is not news: no welcome, no "reward earned" for it.
    imported = any((e.get("detail") or {}).get("import") for e in activity.events)
    news = [e for e in activity.events if not (e.get("detail") or {}).get("import")]
    fresh = [e for e in news if now - e["created_at"] <= EVENT_FRESH]
    if not fresh:
        return []
    cid, out = activity.customer_id, []
    deadline = now + TRANSACTIONAL_WINDOW
    if any(e["kind"] == "enroll" for e in fresh) and not imported:
        out.append(Candidate(cid, "welcome", "joined", deadline))
    levels = [t.name for t in program.tiers.levels] if program.tiers else []
    for e in fresh:
        detail = e.get("detail") or {}
        if e["kind"] == "tier" and detail.get("to") in levels and detail.get("from") in levels \
                and levels.index(detail["to"]) > levels.index(detail["from"]):
            # Once per tier and year: a tier won, lost and won again in a sliding window is not news each time.
            out.append(Candidate(cid, "tier_reached", f"{detail['to']}:{e['created_at'].year}", deadline,
                                 {"tier": detail["to"]}))
    after = activity.balance
    before = tuple(b - sum(e[k] for e in news) for b, k in zip(after, ("stamps", "points", "cashback")))
    gifts = {r.id for r in program.rewards if r.donation}
    was = set(_available(program, before))
    for reward in _available(program, after):
        if reward not in was and reward not in gifts:
            # The n-th time this reward is earned: the same id wherever the events are replayed.
            out.append(Candidate(cid, "reward_earned", f"{reward}:{activity.redeemed.get(reward, 0)}", deadline,
                                 {"reward": reward}))
    return out


def _available(program: Program, balance: tuple[int, int, int]) -> list[str]:
    return rewards_available(program, CustomerState(stamps=balance[0], points=balance[1], cashback=balance[2]))


def birthday(program: Program, customer_id: str, born: date, now: datetime) -> Candidate | None:
    """The birthday message, birthday_days_before the day (or later, up to the day itself)."""
    today = now.astimezone(program.zone).date()
    year = birthday_year(born, today, program.messages.birthday_days_before)
    if year is None:
        return None
    try:
        day = born.replace(year=year)
    except ValueError:  # 29 February in a common year
        day = date(year, 2, 28)
    if not today <= day <= today + timedelta(days=program.messages.birthday_days_before):
        return None
    end = datetime.combine(day + timedelta(days=1), time(), program.zone).astimezone(timezone.utc)
    return Candidate(customer_id, "birthday", str(year), end, {"day": day.isoformat()} | _gift(program))


def _gift(program: Program) -> dict:
    """The program's birthday bonus, for the birthday message to mention."""
    bonus = next(iter(program.bonuses_of("birthday")), None)
    if bonus is None:
        return {}
    return {"bonus": {"points": bonus.points, "stamps": bonus.stamps, "cashback": bonus.cashback,
                      "window_days": bonus.window_days}}


def expiring(program: Program, customer_id: str, lots: list[Lot], balance: tuple[int, int, int],
             now: datetime) -> Candidate | None:
    """Points that expire within expiry_warning_days: a reward warning when they pay for a reward the customer can
    take now, a points warning otherwise. Its occasion is the first lot to go, so each lot is warned about once."""
    horizon = now + timedelta(days=program.messages.expiry_warning_days)
    going = sorted((lot for lot in lots if lot.remaining > 0 and lot.expires_at and now < lot.expires_at <= horizon),
                   key=lambda lot: lot.expires_at)
    if not going:
        return None
    points = sum(lot.remaining for lot in going)
    first = going[0]
    facts = {"points": points, "expires": first.expires_at.astimezone(program.zone).date().isoformat()}
    gifts = {r.id for r in program.rewards if r.donation}
    lost = [r for r in _available(program, balance)
            if r not in gifts and r not in _available(program, (balance[0], balance[1] - points, balance[2]))]
    if lost:
        return Candidate(customer_id, "reward_expiring", first.event_id, first.expires_at, facts | {"reward": lost[0]})
    return Candidate(customer_id, "points_expiring", first.event_id, first.expires_at, facts)


def missed(program: Program, customer_id: str, last_visit: datetime, now: datetime) -> Candidate | None:
    """"We miss you" once per absence: inactive_days after the last visit, if that was not too long ago."""
    away = now - last_visit
    if not timedelta(days=program.messages.inactive_days) <= away < timedelta(
            days=program.messages.inactive_days) + REENGAGE_WINDOW:
        return None
    last = last_visit.astimezone(program.zone).date().isoformat()
    return Candidate(customer_id, "we_miss_you", last, now + REENGAGE_DEADLINE, {"days": away.days, "last": last})


def localized(program: Program, facts: dict, language: str) -> dict:
    """Reward and tier names in the message's language (the file's name_de = "..."), as the text will show them."""
    out = dict(facts)
    if "reward" in out:
        reward = program.reward(out["reward"])
        out["reward_id"], out["reward"] = out["reward"], reward.name_in(language) if reward else out["reward"]
    if "tier" in out:
        out["tier"] = program.name_in(out["tier"], language)
    return out


def still_true(program: Program, row: dict, balance: tuple[int, int, int], lots, last_visit) -> bool:
    """Whether what a due message says still holds: the reward not redeemed yet, the lot not spent, the customer
    still away. `lots()` and `last_visit()` are asked only when needed."""
    kind, facts = row["kind"], row["facts"]
    if kind == "reward_earned":
        return facts.get("reward_id") in _available(program, balance)
    if kind in ("reward_expiring", "points_expiring"):
        return any(lot.event_id == row["occasion"] and lot.remaining > 0 for lot in lots())
    if kind == "we_miss_you":
        last = last_visit()
        return last is None or last.astimezone(program.zone).date().isoformat() <= facts["last"]
    return True


def sample(program: Program, kind: str, now: datetime) -> dict:
    """Made-up facts of one kind of message, from this program's own rewards and tiers (the owner's preview)."""
    later = (now + timedelta(days=10)).astimezone(program.zone).date().isoformat()
    rewards = [r for r in program.rewards if not r.donation]
    by_points = [r for r in rewards if r.cost_points]
    if kind == "reward_earned":
        return {"reward": rewards[0].id if rewards else "cashback"}
    if kind == "reward_expiring":
        return {"points": 40, "expires": later} | ({"reward": by_points[0].id} if by_points else {})
    if kind == "points_expiring":
        return {"points": 40, "expires": later}
    if kind == "tier_reached":
        return {"tier": program.tiers.levels[-1].name if program.tiers else "Gold"}
    if kind == "birthday":
        return {"day": (now + timedelta(days=3)).astimezone(program.zone).date().isoformat()} | _gift(program)
    if kind == "we_miss_you":
        days = program.messages.inactive_days + 3
        return {"days": days, "last": (now - timedelta(days=days)).astimezone(program.zone).date().isoformat()}
    return {}
