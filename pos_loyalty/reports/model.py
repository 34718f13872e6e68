"""What a report holds: plain frozen data (money in minor units, rates 0..1 or None), ready for screen, CSV and PDF."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from zoneinfo import ZoneInfo

from .period import Comparison, Period


@dataclass(frozen=True)
class Split:
    """A figure for identified members (any personal detail given) and for anonymous card holders."""

    members: int = 0  # identified: a name, email, phone or birthday is on the account
    anonymous: int = 0  # a card and nothing else

    @property
    def total(self) -> int:
        return self.members + self.anonymous


@dataclass(frozen=True)
class Kpis:
    """The figures of one period; the report holds them for its period and for the one before, to compare."""

    members_enrolled: int = 0
    active_members: int = 0  # customers with a visit in the 90 days up to as_of (the period's end, or now)
    visits: Split = Split()
    revenue: Split = Split()  # minor units
    average_spend: int | None = None  # revenue per visit, minor units
    repeat_visit_rate: float | None = None  # of the customers who visited, the share who came twice or more
    stamps_issued: int = 0
    stamps_redeemed: int = 0
    points_issued: int = 0
    points_redeemed: int = 0
    cashback_issued: int = 0  # minor units
    cashback_redeemed: int = 0
    stamp_redemption_rate: float | None = None  # redeemed / issued in the period
    point_redemption_rate: float | None = None
    cashback_redemption_rate: float | None = None
    points_expired: int = 0
    donations: int = 0  # donation rewards taken
    donated_points: int = 0
    donated_value: int = 0  # minor units, the rewards' stated value
    first_reward_cohort: int = 0  # members enrolled in the period
    first_reward_reached: int = 0  # ... who earned the price of the cheapest reward within 90 days of enrolling
    first_reward_pending: int = 0  # ... who have not yet, but whose 90 days are still running
    first_reward_share: float | None = None  # reached / cohort
    days_to_first_reward: float | None = None  # average days from enrolling to the first reward taken

    def as_dict(self) -> dict:
        out = asdict(self)
        for name in ("visits", "revenue"):
            out[name]["total"] = getattr(self, name).total
        return out


@dataclass(frozen=True)
class Day:
    day: date
    visits: Split
    revenue: Split
    enrolled: int


@dataclass(frozen=True)
class Funnel:
    """Members enrolled in the period, and how far they have come by the report's moment."""

    enrolled: int = 0
    visited: int = 0
    visited_again: int = 0
    reached_reward: int = 0
    redeemed: int = 0

    def stages(self) -> list[tuple[str, int]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self)]


@dataclass(frozen=True)
class TierRow:
    name: str
    threshold: int | None  # None: a tier the current program no longer has (moves into it are still shown)
    members: int  # members in this tier at the report's moment
    moved_up: int  # tier changes into this tier from a lower one during the period
    moved_down: int  # ... from a higher one


@dataclass(frozen=True)
class StaffRow:
    staff_id: str
    name: str
    enrolled: int


@dataclass(frozen=True)
class InactiveRow:
    customer_id: str
    name: str | None
    last_visit: date | None  # shop-local day; None: never visited
    days: int  # days since the last visit (or since enrolling)
    visits: int
    spend: int  # minor units, all time
    stamps: int
    points: int
    cashback: int


@dataclass(frozen=True)
class Report:
    period: Period
    shop_id: str | None  # None: every shop this till knows
    shop_name: str
    program_name: str
    currency: str
    timezone: str
    generated_at: datetime  # UTC
    as_of: datetime  # UTC: the end of the period, or now if that is earlier (active members are counted up to it)
    inactive_days: int
    kpis: Kpis
    previous: Kpis  # the same figures for what the period is compared with:
    compared: Comparison  # the period before, or the same stretch of it while the period is still running
    # What stands now (generated_at), whatever the period: members, their value, tiers, liability, who stayed away.
    members_total: int = 0
    lifetime_value: int | None = None  # revenue per member since they enrolled, minor units
    average_membership_days: float | None = None
    liability_stamps: int = 0  # on the cards, not yet redeemed
    liability_points: int = 0
    liability_cashback: int = 0  # minor units
    liability_value: int = 0  # all three in money (minor units), at the best rate a reward pays
    daily: tuple[Day, ...] = ()
    funnel: Funnel = Funnel()
    tiers: tuple[TierRow, ...] = ()
    features: tuple[str, ...] = ()  # what the program has (or the period used): stamps, points, cashback,
    # donations, tiers; figures of the others are all zero and the tables leave them out
    tier_measure: str | None = None  # what a tier's threshold counts: "spend" (minor units), "visits" or "points"
    hours: tuple[tuple[int, ...], ...] = ()  # 7 x 24 visits, [weekday Mon=0][hour], shop time
    staff: tuple[StaffRow, ...] = ()
    inactive_count: int = 0
    inactive: tuple[InactiveRow, ...] = ()  # the first INACTIVE_ROWS, biggest spenders first

    def as_dict(self) -> dict:
        """JSON-ready: dates and times as ISO text, money as integer minor units (like the rest of the CLI)."""
        out = asdict(self)
        out["period"] = {"kind": self.period.kind, "start": self.period.start.isoformat(),
                         "last": self.period.last.isoformat(), "days": self.period.days}
        out["generated_at"] = self.generated_at.isoformat()
        out["as_of"] = self.as_of.isoformat()
        out["kpis"], out["previous"] = self.kpis.as_dict(), self.previous.as_dict()
        since, until = self.compared.bounds(ZoneInfo(self.timezone))
        out["compared"] = {"start": self.compared.start.isoformat(), "last": self.compared.last.isoformat(),
                           "until": self.compared.until.strftime("%H:%M") if self.compared.until else None,
                           "whole": self.compared.whole, "starts_at": since.isoformat(), "ends_at": until.isoformat()}
        out["daily"] = [{"day": d.day.isoformat(), "visits": asdict(d.visits) | {"total": d.visits.total},
                         "revenue": asdict(d.revenue) | {"total": d.revenue.total}, "enrolled": d.enrolled}
                        for d in self.daily]
        out["hours"] = [list(row) for row in self.hours]
        out["inactive"] = [asdict(r) | {"last_visit": r.last_visit.isoformat() if r.last_visit else None}
                           for r in self.inactive]
        return out
