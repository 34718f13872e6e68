"""Compute a Report from the ledger, through the tables the store keeps for reports (store/reports.py).

What the figures mean (the tests compute each of them again from the raw events, by these words):

- A *member* is an account nobody merged into another: accounts merged together count once, as the account they
  were merged into, enrolled when and where (home shop) and by whom the family's first account was. Members a
  customer import brought in were members before: they are not *new* members (nor in the first-reward cohort),
  and their opening balances are not *issued*; they count in everything standing now.
  *Identified* members gave a name, email, phone or birthday; *anonymous* ones have just a card.
- A *visit* is a purchase that was not voided; *revenue* is the sum of their amounts. Every booking belongs to a
  card, so "members vs all bookings" is identified members vs anonymous cards, with the total.
- A void cancels what it voids, whenever it was booked: a voided purchase, bonus, redemption or adjustment
  counts nowhere. The void rows themselves are never counted.
- *Issued*: what purchases, bonuses and hand adjustments booked (a negative adjustment subtracts);
  *redeemed*: what redemptions and donations took. *Redemption rate* = redeemed / issued in the period (None
  without issues; it can pass 100 % when older balances are spent). *Points expired*: what expiry events took.
- *Active members*: customers with a visit in the 90 days up to `as_of` (the end of the period, or now).
  *Repeat-visit rate*: of the customers who visited in the period, the share who visited at least twice.
- *First reward*: the cohort is the members enrolled in the period. One *reached a first reward within 90 days*
  when what they earned (purchases, bonuses, adjustments) in their first 90 days reaches the price of the
  program's cheapest reward in stamps, points or cashback (the redemption minimum); *pending* are those who have
  not but whose 90 days are still running. *Time to first reward*: days from enrolling to the first reward taken
  (a redemption or donation), averaged over the cohort members who took one. The funnel follows the same
  cohort by now: visited, visited again, reached a reward (earned its price at any time), redeemed.
- With a shop chosen, booking figures (visits, revenue, issued, redeemed, expired, donations, hours, active
  members, repeat visits, tier moves) count that shop's bookings; member figures (enrolled, the staff
  leaderboard, first reward, members, lifetime value, tiers, liability, inactive) count the members enrolled there.
- Days and hours are the shop's (the program's time zone): a period runs from local midnight to local midnight.
- *Compared with*: a period that is over is compared with the whole period before (the month, quarter, year,
  week or day before; custom days with as many days just before). A period still running at `now` is compared
  with the same stretch of the period before (Period.comparison): a month, quarter or year from its start up to
  the same date, a week, day or custom period up to as many days in, and on that last day up to the same local
  time (cut to the quarter hour), so the 23rd at 10:07 compares 1-23 Nov with 1-23 Oct up to 10:00. Where the
  period before is shorter (the 31st against a 30-day month) it is compared whole. Its figures are the same
  figures over that stretch, with active members counted up to its end.
- Standing now: *lifetime value* = revenue of all members so far / members; *liability* = stamps, points and
  cashback on the cards, in money at the best rate a reward pays per stamp and per point (cashback at face
  value; expired points the nightly run has not booked yet still count); the *tier* of each member is the one
  the rules engine gives at this moment; *inactive* members have had no visit for `inactive_days` (those who
  never visited count once they have been members that long).
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

from ..clock import utcnow
from ..errors import LoyaltyError, NotFound
from ..program import Program
from ..service import Loyalty
from ..store import reports as sql
from .model import Day, Funnel, InactiveRow, Kpis, Report, Split, StaffRow, TierRow
from .period import Period

INACTIVE_DAYS = 60
ACTIVE_DAYS = 90
INACTIVE_ROWS = 100
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_NEVER = 2**62  # the price of a reward the program does not have


def build(app: Loyalty, period: Period, shop_id: str | None = None, *, now: datetime | None = None,
          inactive_days: int = INACTIVE_DAYS) -> Report:
    """The report of `period` (and of the one before, to compare), for one shop or (None) all of them."""
    if inactive_days < 1:
        raise LoyaltyError("The number of days without a visit must be at least 1.", code="bad_days")
    if shop_id is not None and shop_id not in sql.shops(app.db.conn):
        known = ", ".join(f"{label} ({shop})" if label != shop[:8] else shop for shop, label in shops(app))
        raise NotFound(f"No bookings or members of a shop '{shop_id}' here. Shops: {known or 'none yet'}.",
                       code="unknown_shop")
    now = (now or utcnow()).astimezone(timezone.utc)
    program = app.program
    conn = app.db.conn
    zone = program.zone
    start, end = period.bounds(zone)
    as_of = min(now, end)
    compared = period.comparison(now.astimezone(zone))
    with _snapshot(app):  # a booking made meanwhile is in every figure or in none
        kpis, per_day, moves, funnel = _kpis(conn, program, period.start, (start, end), shop_id, now, as_of)
        days, hours, staff = _series(app, program, period, shop_id, per_day)
        before = compared.bounds(zone)
        previous = _kpis(conn, program, compared.start, before, shop_id, now, min(now, before[1]))[0]
        members = sql.members_now(conn, us(now), us(now - timedelta(days=inactive_days)), shop_id)
        stamps, points, cashback = sql.liability(conn, shop_id)
        inactive = _inactive(app, now, inactive_days, shop_id, zone)
        tiers = _tiers(conn, program, now, shop_id, moves)
    return Report(
        period=period, shop_id=shop_id, shop_name=shop_label(app, shop_id), program_name=program.name,
        currency=program.currency, timezone=program.timezone, generated_at=now, as_of=as_of,
        inactive_days=inactive_days, kpis=kpis, previous=previous, compared=compared, members_total=members["members"],
        lifetime_value=_divide(members["spend"], members["members"]),
        average_membership_days=members["membership"] / sql.DAY_US if members["members"] else None,
        liability_stamps=stamps, liability_points=points, liability_cashback=cashback,
        liability_value=_liability_value(program, stamps, points, cashback), daily=days,
        funnel=funnel, tiers=tiers, tier_measure=program.tiers.qualify_by if program.tiers else None, hours=hours,
        staff=staff, inactive_count=members["inactive"], inactive=inactive,
        features=_features(program, kpis, previous))


@contextmanager
def _snapshot(app: Loyalty):
    """A read transaction: in WAL mode the figures all see one state of the ledger while the counter books on."""
    app.db.conn.execute("BEGIN")
    try:
        yield
    finally:
        app.db.conn.execute("COMMIT")


def us(moment: datetime) -> int:
    """Microseconds since the epoch, exactly (as the report tables keep times)."""
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def shops(app: Loyalty) -> list[tuple[str, str]]:
    """(shop id, name) of every shop in the data, this till's first."""
    own = app.db.meta("shop_id")
    found = sql.shops(app.db.conn)
    return [(shop, shop_label(app, shop)) for shop in sorted(found, key=lambda s: (s != own, s))]


def shop_label(app: Loyalty, shop_id: str | None) -> str:
    """The shop's name where this till knows it (its own), else a short form of its id; '' for all shops."""
    if shop_id is None:
        return ""
    if shop_id == app.db.meta("shop_id"):
        return app.shop_name()
    return shop_id[:8]


def local_sql(zone: ZoneInfo, start: datetime, end: datetime) -> str:
    """SQL turning a UTC microsecond column `{0}` into shop-time microseconds, for moments from start to end: the
    zone's offset, changing where daylight saving time does (found by day, then to the second)."""
    def offset(second: int) -> int:
        return int(datetime.fromtimestamp(second, zone).utcoffset().total_seconds()) * 1_000_000

    cases, moment, last = [], int(start.timestamp()), int(end.timestamp())
    current = offset(moment)
    while moment < last:
        step = min(moment + 86_400, last)
        if offset(step) == current:
            moment = step
            continue
        low, high = moment, step  # the offset changes in (low, high]; zones change on a whole second
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if offset(middle) == current else (low, middle)
        cases.append(f"WHEN {{0}} < {high * 1_000_000} THEN {current}")
        moment, current = high, offset(high)
    if not cases:
        return f"({{0}} + {current})"
    return f"({{0}} + CASE {' '.join(cases)} ELSE {current} END)"


def _kpis(conn, program: Program, first: date, bounds: tuple[datetime, datetime], shop_id: str | None,
          now: datetime, as_of: datetime) -> tuple[Kpis, dict[int, dict], dict[str, int], Funnel]:
    """The figures from `bounds[0]` (local midnight of the day `first`) up to `bounds[1]` (on a quarter hour); its
    visits and revenue per day (index from `first`), its tier moves ('from>to' -> count) and the funnel of its new
    members."""
    start, end = bounds
    epoch_day = (first - date(1970, 1, 1)).days
    per_day: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    sums: dict[str, int] = defaultdict(int)
    moves: dict[str, int] = defaultdict(int)
    for row in sql.flows_by_day(conn, local_sql(program.zone, start, end), us(start) // sql.SLOT_US,
                                us(end) // sql.SLOT_US, shop_id):
        kind = row["kind"]
        for field in ("n", "amount", "stamps", "points", "cashback", "value"):
            sums[f"{kind}.{field}"] += row[field]
        if kind == "purchase":
            side = "members" if row["identified"] else "anonymous"
            per_day[row["day"] - epoch_day][f"visits.{side}"] += row["n"]
            per_day[row["day"] - epoch_day][f"revenue.{side}"] += row["amount"]
            sums[f"visits.{side}"] += row["n"]
            sums[f"revenue.{side}"] += row["amount"]
        elif kind == "tier":
            moves[row["label"]] += row["n"]
    once, twice = sql.visitors(conn, us(start), us(end), shop_id)
    active = sql.visitors(conn, us(as_of - timedelta(days=ACTIVE_DAYS)), us(as_of), shop_id)[0]
    group = sql.cohort(conn, us(start), us(end), shop_id, reward_prices(program), us(now))
    visits = Split(sums["visits.members"], sums["visits.anonymous"])
    revenue = Split(sums["revenue.members"], sums["revenue.anonymous"])

    def earned(unit: str) -> int:
        return sums[f"purchase.{unit}"] + sums[f"bonus.{unit}"] + sums[f"adjust.{unit}"]

    def taken(unit: str) -> int:
        return -(sums[f"redeem.{unit}"] + sums[f"donate.{unit}"])

    kpis = Kpis(
        members_enrolled=group["enrolled"], active_members=active, visits=visits, revenue=revenue,
        average_spend=_divide(revenue.total, visits.total), repeat_visit_rate=_rate(twice, once),
        stamps_issued=earned("stamps"), stamps_redeemed=taken("stamps"), points_issued=earned("points"),
        points_redeemed=taken("points"), cashback_issued=earned("cashback"), cashback_redeemed=taken("cashback"),
        stamp_redemption_rate=_rate(taken("stamps"), earned("stamps")),
        point_redemption_rate=_rate(taken("points"), earned("points")),
        cashback_redemption_rate=_rate(taken("cashback"), earned("cashback")),
        points_expired=-sums["expire.points"], donations=sums["donate.n"], donated_points=-sums["donate.points"],
        donated_value=sums["donate.value"], first_reward_cohort=group["enrolled"],
        first_reward_reached=group["reached_early"], first_reward_pending=group["pending"],
        first_reward_share=_rate(group["reached_early"], group["enrolled"]),
        days_to_first_reward=group["reward_after"] / sql.DAY_US if group["reward_after"] is not None else None,
    )
    funnel = Funnel(group["enrolled"], group["visited"], group["visited_again"], group["reached"], group["redeemed"])
    return kpis, per_day, dict(moves), funnel


def _series(app: Loyalty, program: Program, period: Period, shop_id: str | None, per_day: dict[int, dict]
            ) -> tuple[tuple[Day, ...], tuple[tuple[int, ...], ...], tuple[StaffRow, ...]]:
    """The period day by day, its busiest hours and its staff leaderboard (the period before needs none)."""
    conn = app.db.conn
    start, end = period.bounds(program.zone)
    local = local_sql(program.zone, start, end)
    epoch_day = (period.start - date(1970, 1, 1)).days
    per_staff: dict[str | None, int] = defaultdict(int)
    for row in sql.enrolled(conn, local, us(start), us(end), shop_id):
        per_day[row["day"] - epoch_day]["enrolled"] += row["n"]
        per_staff[row["staff_id"]] += row["n"]
    days = tuple(
        Day(day, Split(per_day[n]["visits.members"], per_day[n]["visits.anonymous"]),
            Split(per_day[n]["revenue.members"], per_day[n]["revenue.anonymous"]), per_day[n]["enrolled"])
        for n, day in enumerate(period.dates()))
    hours = [[0] * 24 for _ in range(7)]
    for row in sql.visits_by_hour(conn, local, us(start) // sql.SLOT_US, us(end) // sql.SLOT_US, shop_id):
        hours[row["weekday"]][row["hour"]] += row["n"]
    system = app.system_staff()
    names = {s["id"]: s["name"] for s in app.staff_list()} | {system.id: system.name}
    staff = tuple(sorted((StaffRow(sid or "", names.get(sid, ""), n) for sid, n in per_staff.items()),
                         key=lambda r: (-r.enrolled, r.name.casefold(), r.staff_id)))
    return days, tuple(tuple(row) for row in hours), staff


def _features(program: Program, *periods: Kpis) -> tuple[str, ...]:
    """What the program has, and what the periods booked anyway (under an older version of the program)."""
    used = {
        "stamps": bool(program.stamps or program.card_size) or any(k.stamps_issued or k.stamps_redeemed
                                                                   for k in periods),
        "points": bool(program.points) or any(k.points_issued or k.points_redeemed for k in periods),
        "cashback": bool(program.cashback) or any(k.cashback_issued or k.cashback_redeemed for k in periods),
        "donations": any(r.donation for r in program.rewards) or any(k.donations for k in periods),
        "tiers": bool(program.tiers),
    }
    return tuple(name for name, present in used.items() if present)


def reward_prices(program: Program) -> tuple[int, int, int]:
    """What the cheapest reward asks, in stamps, points and cashback (minor units); _NEVER where none exists."""
    rewards = [r for r in program.rewards if not r.donation] or list(program.rewards)
    stamps = min((r.cost_stamps for r in rewards if r.cost_stamps), default=_NEVER)
    points = min((r.cost_points for r in rewards if r.cost_points), default=_NEVER)
    cashback = max(program.cashback.min_redeem, 1) if program.cashback else _NEVER
    return stamps, points, cashback


def _tiers(conn, program: Program, now: datetime, shop_id: str | None, moves: dict[str, int]) -> tuple[TierRow, ...]:
    """Members per tier now, as the rules engine has it (the measure over the window up to now, inclusive), and
    the period's tier changes into each tier, up or down."""
    if not program.tiers:
        return ()
    levels = program.tiers.levels
    until = us(now) + 1
    counts = sql.tier_counts(conn, program.tiers.qualify_by, until - program.tiers.window_days * sql.DAY_US, until,
                             [t.threshold for t in levels], us(now), shop_id)
    rank = {t.name: i for i, t in enumerate(levels)}
    up: dict[str, int] = defaultdict(int)
    down: dict[str, int] = defaultdict(int)
    for label, n in moves.items():
        before, _, after = label.partition(">")
        direction = up if rank.get(after, len(levels)) > rank.get(before, -1) else down
        direction[after] += n
    rows = [TierRow(t.name, t.threshold, counts.get(i, 0), up[t.name], down[t.name]) for i, t in enumerate(levels)]
    rows += [TierRow(name, None, 0, up[name], down[name]) for name in sorted(set(up) | set(down)) if name not in rank]
    return tuple(rows)


def _inactive(app: Loyalty, now: datetime, days: int, shop_id: str | None, zone: ZoneInfo) -> tuple[InactiveRow, ...]:
    rows = []
    for row in sql.inactive(app.db.conn, us(now), us(now - timedelta(days=days)), shop_id, INACTIVE_ROWS):
        seen = row["last_visit"]
        last = _EPOCH + timedelta(microseconds=seen) if seen is not None else None
        since = last or _EPOCH + timedelta(microseconds=row["enrolled_at"])
        rows.append(InactiveRow(row["id"], app.customer(row["id"])["name"],
                                last.astimezone(zone).date() if last else None, (now - since).days, row["visits"],
                                row["spend"], row["stamps"], row["points"], row["cashback"]))
    return tuple(rows)


def _liability_value(program: Program, stamps: int, points: int, cashback: int) -> int:
    """Stamps and points in money at the best value per stamp / per point among the rewards, plus the cashback."""
    rewards = [r for r in program.rewards if not r.donation and r.value > 0]
    per_stamp = max((Fraction(r.value, r.cost_stamps) for r in rewards if r.cost_stamps), default=Fraction(0))
    per_point = max((Fraction(r.value, r.cost_points) for r in rewards if r.cost_points), default=Fraction(0))
    return round(stamps * per_stamp + points * per_point) + cashback


def _divide(total: int, count: int) -> int | None:
    return round(Fraction(total, count)) if count else None


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None

