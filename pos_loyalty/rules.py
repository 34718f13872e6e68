"""The rules engine: a pure function from (program, customer state, purchase, time) to ledger entries."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from fnmatch import fnmatchcase
from fractions import Fraction

from .errors import Refused
from .money import plain
from .program import CASHBACK_REWARD, Bonus, Program, Tier


@dataclass(frozen=True)
class Item:
    sku: str
    price: int | None = None  # minor units; part of the purchase total


@dataclass(frozen=True)
class Purchase:
    amount: int  # total paid, minor units
    at: datetime  # aware
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class CustomerState:
    """What the engine needs to know about a customer; the store computes it from the ledger."""

    stamps: int = 0
    points: int = 0
    cashback: int = 0
    qualifying: int = 0  # tier measure (spend, visits or points) over the tier window before now
    stamps_today: int = 0  # stamps earned by purchases on this shop-calendar day
    birthday: date | None = None
    birthday_bonus_years: frozenset[int] = frozenset()
    has_purchased: bool = False
    referred_by: str | None = None


@dataclass(frozen=True)
class Entry:
    """One ledger entry to book. customer None means the customer being served."""

    kind: str
    stamps: int = 0
    points: int = 0
    cashback: int = 0
    reason: str = ""
    detail: dict = field(default_factory=dict)
    customer: str | None = None


def local_time(program: Program, at: datetime) -> datetime:
    return at.astimezone(program.zone)


def tier_of(program: Program, qualifying: int) -> Tier | None:
    return program.tiers.tier_for(qualifying) if program.tiers else None


def _matches(sku: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatchcase(sku.upper(), p.upper()) for p in patterns)


def _active_time_bonuses(program: Program, local: datetime) -> list[Bonus]:
    active = []
    for bonus in program.bonuses:
        if bonus.kind == "happy_hour":
            if local.weekday() in bonus.days and bonus.start <= local.time() < bonus.end:
                active.append(bonus)
        elif bonus.kind == "seasonal":
            today = local.strftime("%m-%d")
            lo, hi = bonus.date_from, bonus.date_to
            if (lo <= today <= hi) if lo <= hi else (today >= lo or today <= hi):  # ranges may wrap the new year
                active.append(bonus)
    return active


def birthday_year(birthday: date, day: date, window: int) -> int | None:
    """The year of the birthday within `window` days of `day` (the one around New Year may be next year's)."""
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            anniversary = birthday.replace(year=year)
        except ValueError:  # 29 February in a common year
            anniversary = date(year, 2, 28)
        if abs((day - anniversary).days) <= window:
            return year
    return None


def _weighted_amount(program: Program, purchase: Purchase) -> tuple[Fraction, list]:
    """The amount with item multipliers applied to the items' prices; the rest of the total counts once."""
    item_bonuses = program.bonuses_of("item")
    weighted, applied, priced = Fraction(0), [], 0
    for item in purchase.items:
        if item.price is None:
            continue
        priced += item.price
        factor = Fraction(1)
        for bonus in item_bonuses:
            if _matches(item.sku, bonus.items):
                factor *= bonus.multiplier
                applied.append([bonus.name, item.sku, str(bonus.multiplier)])
        weighted += item.price * factor
    return weighted + (purchase.amount - priced), applied


def evaluate_purchase(program: Program, state: CustomerState, purchase: Purchase) -> list[Entry]:
    """Everything one purchase earns: the purchase entry first, then any bonus entries."""
    local = local_time(program, purchase.at)
    detail: dict = {}
    stamps = points = cashback = 0

    if program.stamps:
        rule = program.stamps
        if rule.count == "item":
            earned = rule.per_purchase * sum(1 for i in purchase.items if _matches(i.sku, rule.items))
        else:
            earned = rule.per_purchase if purchase.amount >= rule.min_amount else 0
        if rule.daily_cap is not None:
            earned = max(0, min(earned, rule.daily_cap - state.stamps_today))
        stamps = earned

    tier = tier_of(program, state.qualifying)
    if tier:
        detail["tier"] = tier.name

    if program.points:
        weighted, applied = _weighted_amount(program, purchase)
        factor = Fraction(1)
        multipliers = applied
        if tier and tier.multiplier != 1:
            factor *= tier.multiplier
            multipliers.append([tier.name, "", str(tier.multiplier)])
        for bonus in _active_time_bonuses(program, local):
            factor *= bonus.multiplier
            if bonus.multiplier != 1:
                multipliers.append([bonus.name, "", str(bonus.multiplier)])
        rule = program.points
        points = math.floor(weighted * factor * rule.per_unit / rule.unit)
        if multipliers:
            detail["multipliers"] = multipliers

    if program.cashback:
        rule = program.cashback
        if rule.percent is not None:
            cashback = math.floor(purchase.amount * rule.percent / 100)
        else:
            cashback = purchase.amount // rule.per * rule.fixed

    entries = [Entry("purchase", stamps, points, cashback, detail=detail)]
    entries += _purchase_bonuses(program, state, local)
    return entries


def _purchase_bonuses(program: Program, state: CustomerState, local: datetime) -> list[Entry]:
    entries = []
    for bonus in _active_time_bonuses(program, local):
        if bonus.points:
            entries.append(Entry("bonus", points=bonus.points, reason=bonus.name, detail={"bonus": bonus.kind}))
    for bonus in program.bonuses_of("birthday"):
        # Once per birthday: the year is the birthday's, so 29 Dec and 2 Jan around one birthday pay once.
        year = birthday_year(state.birthday, local.date(), bonus.window_days) if state.birthday else None
        if year is not None and year not in state.birthday_bonus_years:
            entries.append(
                Entry("bonus", bonus.stamps, bonus.points, bonus.cashback, bonus.name,
                      {"bonus": "birthday", "year": year})
            )
    if not state.has_purchased and state.referred_by:
        for bonus in program.bonuses_of("referral"):
            if bonus.points or bonus.cashback:
                entries.append(
                    Entry("bonus", 0, bonus.points, bonus.cashback, bonus.name,
                          {"bonus": "referral"}, customer=state.referred_by)
                )
            if bonus.referred_points:
                entries.append(Entry("bonus", points=bonus.referred_points, reason=bonus.name,
                                     detail={"bonus": "referred"}))
    return entries


def evaluate_enrollment(program: Program) -> list[Entry]:
    return [
        Entry("bonus", bonus.stamps, bonus.points, 0, bonus.name, {"bonus": "enrollment"})
        for bonus in program.bonuses_of("enrollment")
        if bonus.stamps or bonus.points
    ]


def evaluate_redeem(program: Program, state: CustomerState, reward_id: str, amount: int | None = None) -> Entry:
    """The entry that redeems a reward, or Refused with the current balance in the message."""
    if reward_id == CASHBACK_REWARD:
        return _redeem_cashback(program, state, amount)
    reward = program.reward(reward_id)
    if reward is None:
        known = ", ".join(r.id for r in program.rewards) + (", cashback" if program.cashback else "")
        raise Refused(f"There is no reward '{reward_id}'. Rewards: {known or 'none'}.", code="unknown_reward")
    kind = "donate" if reward.donation else "redeem"
    detail = {"reward": reward.id, "value": reward.value}
    if reward.cost_stamps:
        if state.stamps < reward.cost_stamps:
            raise Refused(
                f"'{reward.name}' needs {reward.cost_stamps} stamps; the card has {state.stamps}.",
                code="insufficient_balance",
            )
        return Entry(kind, stamps=-reward.cost_stamps, reason=reward.name, detail=detail)
    if state.points < reward.cost_points:
        raise Refused(
            f"'{reward.name}' needs {reward.cost_points} points; the balance is {state.points} points.",
            code="insufficient_balance",
        )
    return Entry(kind, points=-reward.cost_points, reason=reward.name, detail=detail)


def _redeem_cashback(program: Program, state: CustomerState, amount: int | None) -> Entry:
    rule = program.cashback
    if rule is None:
        raise Refused("This program has no cashback.", code="unknown_reward")
    if not amount:
        raise Refused("Say how much cashback to redeem (an amount).", code="bad_amount")
    cur = program.currency
    if amount < rule.min_redeem:
        raise Refused(f"Cashback can be redeemed from {plain(rule.min_redeem, cur)} {cur} upwards.",
                      code="below_minimum")
    if amount > state.cashback:
        raise Refused(
            f"Only {plain(state.cashback, cur)} {cur} cashback is available; asked for {plain(amount, cur)}.",
            code="insufficient_balance",
        )
    return Entry("redeem", cashback=-amount, reason="Cashback", detail={"reward": CASHBACK_REWARD, "value": amount})


def rewards_available(program: Program, state: CustomerState) -> list[str]:
    """Reward ids the customer can take right now."""
    ready = [
        r.id for r in program.rewards
        if (r.cost_stamps and state.stamps >= r.cost_stamps) or (r.cost_points and state.points >= r.cost_points)
    ]
    if program.cashback and state.cashback >= max(program.cashback.min_redeem, 1):
        ready.append(CASHBACK_REWARD)
    return ready


def expiry_date(program: Program, earned_at: datetime) -> datetime | None:
    if program.points and program.points.expiry_days:
        return earned_at + timedelta(days=program.points.expiry_days)
    return None
