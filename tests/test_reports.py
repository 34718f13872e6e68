"""Reports: every figure of the Report, computed again here from the raw ledger rows with plain Python.

A shop is booked through the real service over eleven weeks (Europe/Berlin, across the switch to summer time):
three staff, two shops, stamps, points with expiry, tiers, cashback, a donation reward, voided purchases and
redemptions, adjustments, merges (one of them into a younger account), customers who give or remove their
details. `expected()` below knows nothing of the report tables or their SQL: it reads `SELECT * FROM events`
and the customers, and follows the definitions in pos_loyalty/reports/build.py word by word.
"""

from __future__ import annotations

import dataclasses
import json
import random
import shutil
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from pos_loyalty.errors import LoyaltyError, Refused
from pos_loyalty.importer import build as build_import, guess, parse, run as run_import
from pos_loyalty.reports import Period, build
from pos_loyalty.reports.period import Comparison
from pos_loyalty.reports.model import Day, Funnel, InactiveRow, Kpis, Report, Split, StaffRow, TierRow
from pos_loyalty.service import Loyalty
from pos_loyalty.store import migrations, reports as report_sql
from pos_loyalty.store.migrations import _statements

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 4, 15, 10, 0, tzinfo=BERLIN)
SECOND_SHOP = "shop-2"

PROGRAM = """
[program]
name = "Café Test"
currency = "EUR"
timezone = "Europe/Berlin"
locale = "de_DE"

[stamps]
per_purchase = 1

[points]
per_unit = 1
unit = "1.00"
expiry_days = 30

[tiers]
qualify_by = "spend"
window_days = 30

[[tiers.levels]]
name = "Bronze"
from = "0.00"

[[tiers.levels]]
name = "Silver"
from = "60.00"
multiplier = "1.5"

[[tiers.levels]]
name = "Gold"
from = "150.00"
multiplier = "2"

[cashback]
percent = "2"
min_redeem = "1.00"

[[bonuses]]
kind = "enrollment"
name = "Welcome"
points = 5

[[rewards]]
id = "coffee"
name = "Free coffee"
stamps = 4
value = "3.00"

[[rewards]]
id = "five-off"
name = "5 off"
points = 40
value = "5.00"

[[rewards]]
id = "tree"
name = "Plant a tree"
points = 20
value = "2.00"
donation = true
"""


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), BERLIN)


def book_shop(data_dir) -> Loyalty:
    """The shop every test here reads; its history ends before NOW."""
    app = Loyalty(data_dir)
    program = data_dir / "cafe.toml"
    program.write_text(PROGRAM, encoding="utf-8")
    app.load_program(program)
    staff = [app.add_staff("Jonas", "cashier", "1111"), app.add_staff("Lea", "cashier", "2222"),
             app.add_staff("Maria", "owner", "3333")]
    own_shop = app.db.meta("shop_id")
    rng = random.Random(20260329)
    cards: dict[str, str] = {}
    enrolled_on: dict[str, datetime] = {}

    def enroll(when: datetime, named: bool, shop: str | None = None) -> str:
        app.db.set_meta("shop_id", shop or own_shop)
        person = {"name": f"Kundin {len(cards) + 1}", "email": f"k{len(cards) + 1}@example.org"} if named else {}
        cid, token, _ = app.enroll(rng.choice(staff), at=when, **person)
        app.db.set_meta("shop_id", own_shop)
        cards[cid], enrolled_on[cid] = token, when
        return cid

    # Edge cases of shop time: a member enrolled 30 minutes into 1 March (still 28 February in UTC), visits on the
    # night summer time starts (29 March: 02:00 becomes 03:00) and on both sides of midnight into April.
    early_march = enroll(at(date(2026, 3, 1), 0, 30), named=False)
    night_owl = enroll(at(date(2026, 3, 28), 22), named=True)
    # Members who stop coming (or never come) before the default 60 days of inactivity before NOW.
    stops = {enroll(at(date(2026, 1, 20), 9), named=True): date(2026, 2, 12),
             enroll(at(date(2026, 1, 28), 17, 45), named=False): date(2026, 2, 5),
             enroll(at(date(2026, 1, 26), 12), named=True): date(2026, 1, 26)}
    for day, hour, named in ((3, 10, True), (9, 16, False), (16, 8, True), (24, 19, True)):
        enroll(at(date(2026, 2, day), hour), named)
    start = date(2026, 1, 25)
    for offset in range(80):
        day = start + timedelta(days=offset)
        if rng.random() < 0.18:
            enroll(at(day, rng.randint(8, 19), rng.choice((0, 15, 40))), named=rng.random() < 0.6,
                   shop=SECOND_SHOP if rng.random() < 0.2 else None)
    actions: list[tuple[datetime, str, str]] = []
    for cid, since in enrolled_on.items():
        day = since.date()
        while day < stops.get(cid, date(2026, 4, 14)):
            day += timedelta(days=rng.choice((1, 2, 3, 5, 8, 13)))
            actions.append((at(day, rng.randint(8, 20), rng.randint(0, 59)), "visit", cid))
    actions += [(at(date(2026, 3, 29), 1, 50), "visit", night_owl), (at(date(2026, 3, 29), 3, 30), "visit", night_owl),
                (at(date(2026, 3, 31), 23, 30), "visit", night_owl), (at(date(2026, 4, 1), 0, 15), "visit", night_owl),
                (at(date(2026, 3, 2), 11), "visit", early_march)]
    actions += [(at(date(2026, 2, 1) + timedelta(days=2 * n), 7), "expire", "") for n in range(36)]  # nightly
    actions.sort()
    merged: set[str] = set()
    for when, action, cid in actions:
        if when >= NOW - timedelta(days=1):
            continue
        if action == "expire":
            app.expire(at=when)
            continue
        member = rng.choice(staff)
        app.db.set_meta("shop_id", SECOND_SHOP if rng.random() < 0.15 else own_shop)
        receipt = app.checkout(member, cards[cid], rng.randint(150, 4500), at=when)
        if rng.random() < 0.07:
            app.void(member, receipt.event_id, at=when + timedelta(minutes=2))
        balance = receipt.balance
        later = when + timedelta(minutes=5)
        try:
            if "coffee" in balance.rewards_available and rng.random() < 0.6:
                redeemed = app.redeem(member, cards[cid], "coffee", at=later)
                if rng.random() < 0.15:
                    app.void(member, redeemed.event_id, at=later + timedelta(minutes=1))
            elif "five-off" in balance.rewards_available and rng.random() < 0.5:
                app.redeem(member, cards[cid], "five-off", at=later)
            elif balance.points >= 20 and rng.random() < 0.08:
                app.redeem(member, cards[cid], "tree", at=later)
            elif balance.cashback >= 150 and rng.random() < 0.3:
                app.redeem(member, cards[cid], "cashback", amount=100, at=later)
            elif rng.random() < 0.08:
                app.adjust(member, cards[cid], rng.choice((10, -3)), "goodwill", at=later)
        except Refused:
            pass  # a negative adjustment larger than the balance: the shop would not book it either
        app.db.set_meta("shop_id", own_shop)
        if when.date() == date(2026, 3, 10) and len(merged) < 2:
            merged |= _merge_two(app, staff[2], {c: t for c, t in enrolled_on.items()
                                                 if c not in (early_march, night_owl)}, when)
        if when.date() == date(2026, 3, 20) and early_march not in merged:
            app.update_customer(early_march, name="Named Later")
        if when.date() == date(2026, 3, 15) and "imported" not in NOTES:
            NOTES["imported"] = _import_two(app, staff[2], when)
    anonymous_again = next(c for c in enrolled_on if c not in merged and c != night_owl and app.customer(c)["name"])
    app.update_customer(anonymous_again, name="", email="")
    NOTES.update(night_owl=night_owl, early_march=early_march, merged=merged)
    return app


NOTES: dict = {}


def _import_two(app: Loyalty, owner, when: datetime) -> list[str]:
    """Two members of the old paper card, with what their cards held: members, but not new ones."""
    table = parse("Name;E-Mail;Stempel;Punkte\nAnna Alt;anna@alt.example;3;25\nBernd Alt;;0;50\n".encode(),
                  "alt.csv")
    plan = build_import(app, table, guess(table.header), when.date())
    return [card.customer_id for card in run_import(app, plan, owner, at=when + timedelta(minutes=45)).cards]


def _merge_two(app: Loyalty, owner, enrolled_on, when) -> set[str]:
    """Merge an older account into a younger one (the member then dates from the older) and a younger one into an
    older one; the cards of the merged accounts keep working (they open the account they went into)."""
    candidates = sorted((c for c in enrolled_on if datetime(2026, 2, 1, tzinfo=BERLIN) < enrolled_on[c] < when),
                        key=enrolled_on.get)
    old, young = candidates[0], candidates[-1]
    app.merge(owner, old, young, at=when + timedelta(minutes=30))
    other_old, other_young = candidates[1], candidates[-2]
    app.merge(owner, other_young, other_old, at=when + timedelta(minutes=31))
    return {old, other_young}


def copy_shop(app: Loyalty, folder) -> Loyalty:
    """A copy of the shop's data folder (the database and the key to its personal fields)."""
    app.backup(folder / "loyalty.db")
    shutil.copytree(app.data_dir / "keys", folder / "keys")
    return Loyalty(folder)


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    app = book_shop(tmp_path_factory.mktemp("reports") / "shop")
    yield app
    app.close()


# ---- the figures again, from the raw rows ----

US = timedelta(microseconds=1)


def end_of(day: date) -> datetime:
    """Midnight at the start of `day` in Berlin, in UTC."""
    return datetime.combine(day, time(0), BERLIN).astimezone(timezone.utc)


def expected(app: Loyalty, period: Period, shop: str | None, now: datetime, inactive_days: int = 60) -> Report:
    conn = app.db.conn
    events = [dict(r) for r in conn.execute("SELECT * FROM events ORDER BY seq")]
    customers = {r["id"]: dict(r) for r in conn.execute(
        "SELECT id, num, merged_into, created_at, home_shop, enrolled_by, (name IS NOT NULL OR email IS NOT NULL "
        "OR phone IS NOT NULL OR birthday IS NOT NULL) AS identified FROM customers")}
    program = app.program
    now = now.astimezone(timezone.utc)
    for e in events:
        e["at"] = datetime.fromisoformat(e["created_at"])
    voided = {e["ref"] for e in events if e["kind"] == "void"}
    standing = [e for e in events if e["kind"] != "void" and e["id"] not in voided]

    def root(cid):
        return customers[cid]["merged_into"] or cid

    roots = [cid for cid, c in customers.items() if not c["merged_into"]]
    family = defaultdict(list)
    for cid in customers:
        family[root(cid)].append(cid)
    first = {r: min(family[r], key=lambda c: (customers[c]["created_at"], customers[c]["num"])) for r in roots}
    enrolled_at = {r: datetime.fromisoformat(customers[first[r]]["created_at"]) for r in roots}
    home = {r: customers[first[r]]["home_shop"] for r in roots}
    members = [r for r in roots if shop is None or home[r] == shop]
    imported = {row[0] for row in conn.execute("SELECT customer_id FROM imported_customers")}

    def kinds(*names, where=lambda e: True):
        return [e for e in standing if e["kind"] in names and where(e)]

    purchases = defaultdict(list)  # root -> its standing purchases, any shop
    for e in kinds("purchase"):
        purchases[root(e["customer_id"])].append(e)
    prices = {"stamps": min((r.cost_stamps for r in program.rewards if r.cost_stamps and not r.donation),
                            default=None),
              "points": min((r.cost_points for r in program.rewards if r.cost_points and not r.donation),
                            default=None),
              "cashback": max(program.cashback.min_redeem, 1) if program.cashback else None}

    def reached(r, until=None):
        earned = Counter()
        for e in kinds("purchase", "bonus", "adjust", where=lambda e: root(e["customer_id"]) == r):
            if until is None or e["at"] < until:
                for unit in prices:
                    earned[unit] += e[unit]
        return any(price is not None and earned[unit] >= price for unit, price in prices.items())

    def first_reward(r):
        taken = [e["at"] for e in kinds("redeem", "donate", where=lambda e: root(e["customer_id"]) == r)]
        return min(taken) if taken else None

    def local(moment):
        return moment.astimezone(BERLIN)

    def kpis_of(p: Period, as_of: datetime, until: datetime | None = None
                ) -> tuple[Kpis, tuple, tuple, tuple, dict, Funnel]:
        start = datetime.combine(p.start, time(0), BERLIN).astimezone(timezone.utc)
        end = until or datetime.combine(p.end, time(0), BERLIN).astimezone(timezone.utc)

        def inside(e, since=start, until=end):
            return since <= e["at"] < until and (shop is None or e["shop_id"] == shop)

        visits = kinds("purchase", where=inside)
        split = {True: [e for e in visits if customers[root(e["customer_id"])]["identified"]],
                 False: [e for e in visits if not customers[root(e["customer_id"])]["identified"]]}
        per_root = Counter(root(e["customer_id"]) for e in visits)
        recent = kinds("purchase", where=lambda e: inside(e, as_of - timedelta(days=90), as_of))
        cohort = [r for r in members if start <= enrolled_at[r] < end and r not in imported]

        def total(unit, *names):
            return sum(e[unit] for e in kinds(*names, where=inside))

        issued = {u: total(u, "purchase", "bonus", "adjust") for u in ("stamps", "points", "cashback")}
        taken = {u: -total(u, "redeem", "donate") for u in ("stamps", "points", "cashback")}
        donations = kinds("donate", where=inside)
        early = [r for r in cohort if reached(r, enrolled_at[r] + timedelta(days=90))]
        rewarded = [r for r in cohort if first_reward(r)]
        revenue = sum(e["amount"] for e in visits)
        kpis = Kpis(
            members_enrolled=len(cohort), active_members=len({root(e["customer_id"]) for e in recent}),
            visits=Split(len(split[True]), len(split[False])),
            revenue=Split(sum(e["amount"] for e in split[True]), sum(e["amount"] for e in split[False])),
            average_spend=round(Fraction(revenue, len(visits))) if visits else None,
            repeat_visit_rate=(sum(1 for n in per_root.values() if n >= 2) / len(per_root)) if per_root else None,
            stamps_issued=issued["stamps"], stamps_redeemed=taken["stamps"], points_issued=issued["points"],
            points_redeemed=taken["points"], cashback_issued=issued["cashback"], cashback_redeemed=taken["cashback"],
            stamp_redemption_rate=taken["stamps"] / issued["stamps"] if issued["stamps"] else None,
            point_redemption_rate=taken["points"] / issued["points"] if issued["points"] else None,
            cashback_redemption_rate=taken["cashback"] / issued["cashback"] if issued["cashback"] else None,
            points_expired=-total("points", "expire"), donations=len(donations),
            donated_points=-sum(e["points"] for e in donations),
            donated_value=sum(json.loads(e["detail"])["value"] for e in donations),
            first_reward_cohort=len(cohort), first_reward_reached=len(early),
            first_reward_pending=sum(1 for r in cohort if r not in early and enrolled_at[r] + timedelta(days=90) > now),
            first_reward_share=len(early) / len(cohort) if cohort else None,
            days_to_first_reward=(sum((first_reward(r) - enrolled_at[r]) / timedelta(days=1) for r in rewarded)
                                  / len(rewarded)) if rewarded else None,
        )
        days = []
        for d in p.dates():
            that_day = [e for e in visits if local(e["at"]).date() == d]
            ident = [e for e in that_day if customers[root(e["customer_id"])]["identified"]]
            anon = [e for e in that_day if not customers[root(e["customer_id"])]["identified"]]
            days.append(Day(d, Split(len(ident), len(anon)), Split(sum(e["amount"] for e in ident),
                                                                   sum(e["amount"] for e in anon)),
                            sum(1 for r in cohort if local(enrolled_at[r]).date() == d)))
        hours = [[0] * 24 for _ in range(7)]
        for e in visits:
            hours[local(e["at"]).weekday()][local(e["at"]).hour] += 1
        names = {row["id"]: row["name"] for row in conn.execute("SELECT id, name FROM staff")}
        by_staff = Counter(customers[first[r]]["enrolled_by"] for r in cohort)
        staff = tuple(sorted((StaffRow(s, names.get(s, ""), n) for s, n in by_staff.items()),
                             key=lambda row: (-row.enrolled, row.name.casefold(), row.staff_id)))
        moves = Counter()
        for e in kinds("tier", where=inside):
            detail = json.loads(e["detail"])
            moves[(detail["from"], detail["to"])] += 1
        funnel = Funnel(len(cohort), sum(1 for r in cohort if purchases[r]),
                        sum(1 for r in cohort if len(purchases[r]) >= 2), sum(1 for r in cohort if reached(r)),
                        len(rewarded))
        return kpis, tuple(days), tuple(tuple(h) for h in hours), staff, moves, funnel

    start, end = (datetime.combine(d, time(0), BERLIN).astimezone(timezone.utc) for d in (period.start, period.end))
    kpis, days, hours, staff, moves, funnel = kpis_of(period, min(now, end))
    # Compared with: the whole period before, or while this one runs, the same stretch of it: for a month,
    # quarter or year up to the same date, else as many days in, up to the same time of day cut to 15 minutes.
    before, shop_now = period.previous(), now.astimezone(BERLIN)
    compared = Comparison(before, before.end, None)
    cut = before_end = end_of(before.end)
    if period.start <= shop_now.date() < period.end:
        months = {"month": 1, "quarter": 3, "year": 12}.get(period.kind)
        if months:
            index = shop_now.year * 12 + shop_now.month - 1 - months
            same_day = date(index // 12, index % 12 + 1, shop_now.day)
        else:
            same_day = before.start + (shop_now.date() - period.start)
        same_time = time(shop_now.hour, shop_now.minute // 15 * 15)
        cut = datetime.combine(same_day, same_time, BERLIN).astimezone(timezone.utc)
        assert cut < before_end  # the scenario's running periods are not cut short by a shorter period before
        compared = Comparison(before, same_day + timedelta(days=1), same_time)
    previous = kpis_of(before, min(now, cut), cut)[0]
    now_members = [r for r in members if enrolled_at[r] <= now]
    spend = {r: sum(e["amount"] for e in purchases[r]) for r in now_members}
    last_visit = {r: max((e["at"] for e in purchases[r]), default=None) for r in now_members}
    cutoff = now - timedelta(days=inactive_days)
    away = [r for r in now_members if (last_visit[r] or enrolled_at[r]) < cutoff]
    away.sort(key=lambda r: (-spend[r], -(last_visit[r] or datetime.min.replace(tzinfo=timezone.utc)).timestamp(),
                             r))

    def own_balance(cid, unit):
        return sum(e[unit] for e in events if e["customer_id"] == cid)

    inactive = tuple(InactiveRow(r, app.customer(r)["name"], local(last_visit[r]).date() if last_visit[r] else None,
                                 (now - (last_visit[r] or enrolled_at[r])).days, len(purchases[r]), spend[r],
                                 own_balance(r, "stamps"), own_balance(r, "points"), own_balance(r, "cashback"))
                     for r in away[:100])
    on_cards = {u: sum(e[u] for e in events if shop is None or home[root(e["customer_id"])] == shop)
                for u in ("stamps", "points", "cashback")}
    valued = [r for r in program.rewards if not r.donation and r.value]
    per_stamp = max((Fraction(r.value, r.cost_stamps) for r in valued if r.cost_stamps), default=0)
    per_point = max((Fraction(r.value, r.cost_points) for r in valued if r.cost_points), default=0)
    window_end = now + US
    measure = {r: sum(e["amount"] for e in purchases[r]
                      if window_end - timedelta(days=program.tiers.window_days) <= e["at"] < window_end)
               for r in now_members}
    levels = program.tiers.levels
    tier_of = {r: max(i for i, t in enumerate(levels) if measure[r] >= t.threshold) for r in now_members}
    rank = {t.name: i for i, t in enumerate(levels)}
    tiers = tuple(TierRow(t.name, t.threshold, sum(1 for r in now_members if tier_of[r] == i),
                          sum(n for (a, b), n in moves.items() if b == t.name and rank[b] > rank.get(a, -1)),
                          sum(n for (a, b), n in moves.items() if b == t.name and rank[b] <= rank.get(a, -1)))
                  for i, t in enumerate(levels))
    return Report(
        period=period, shop_id=shop, shop_name=app.shop_name() if shop == app.db.meta("shop_id") else (shop or "")[:8],
        program_name=program.name, currency="EUR", timezone="Europe/Berlin", generated_at=now, as_of=min(now, end),
        inactive_days=inactive_days, kpis=kpis, previous=previous, compared=compared, members_total=len(now_members),
        lifetime_value=round(Fraction(sum(spend.values()), len(now_members))) if now_members else None,
        average_membership_days=(sum((now - enrolled_at[r]) / timedelta(days=1) for r in now_members)
                                 / len(now_members)) if now_members else None,
        liability_stamps=on_cards["stamps"], liability_points=on_cards["points"],
        liability_cashback=on_cards["cashback"],
        liability_value=round(on_cards["stamps"] * per_stamp + on_cards["points"] * per_point) + on_cards["cashback"],
        daily=days, funnel=funnel, tiers=tiers, hours=hours, staff=staff, inactive_count=len(away), inactive=inactive,
        features=("stamps", "points", "cashback", "donations", "tiers"), tier_measure="spend",
    )


def assert_same(got, want, path="report"):
    """Field by field, so a difference names the figure; floats to 12 digits (SQL and Python sum differently)."""
    if dataclasses.is_dataclass(want) and not isinstance(want, type):
        assert type(got) is type(want), path
        for field in dataclasses.fields(want):
            assert_same(getattr(got, field.name), getattr(want, field.name), f"{path}.{field.name}")
    elif isinstance(want, tuple) and want and dataclasses.is_dataclass(want[0]):
        assert len(got) == len(want), f"{path}: {len(got)} rows, expected {len(want)}"
        for i, (g, w) in enumerate(zip(got, want)):
            assert_same(g, w, f"{path}[{i}]")
    elif isinstance(want, float):
        assert got == pytest.approx(want, rel=1e-12), path
    else:
        assert got == want, path


PERIODS = [
    Period.named("month", date(2026, 3, 15)),  # the month summer time starts; compared with February
    Period.named("month", NOW.date()),  # the current month: as_of is now
    Period.named("week", date(2026, 3, 29)),  # Monday 23 to Sunday 29 March, the night of the switch
    Period.named("today", date(2026, 3, 29)),  # a 23-hour day
    Period.named("quarter", date(2026, 2, 1)),
    Period.named("year", date(2026, 6, 1)),
    Period.custom(date(2026, 2, 20), date(2026, 3, 31)),
]


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: f"{p.kind}-{p.start}")
@pytest.mark.parametrize("shop_choice", ["all", "own", "second"])
def test_every_figure_matches_the_raw_events(shop, period, shop_choice):
    shop_id = {"all": None, "own": shop.db.meta("shop_id"), "second": SECOND_SHOP}[shop_choice]
    got = build(shop, period, shop_id, now=NOW)
    assert_same(got, expected(shop, period, shop_id, NOW))


@pytest.mark.parametrize("days", [1, 9, 30, 400])
def test_inactive_members_for_any_number_of_days(shop, days):
    got = build(shop, PERIODS[0], now=NOW, inactive_days=days)
    assert_same(got, expected(shop, PERIODS[0], None, NOW, inactive_days=days))


def test_the_shop_has_what_the_figures_need(shop):
    """Guard the scenario itself: every kind of booking the report counts happened, in both periods compared."""
    report = build(shop, PERIODS[0], now=NOW)
    for kpis in (report.kpis, report.previous):
        assert kpis.visits.members and kpis.visits.anonymous
        assert kpis.stamps_redeemed and kpis.points_redeemed and kpis.points_expired
        assert kpis.first_reward_cohort
    kinds = dict(shop.db.query("SELECT kind, count(*) FROM events GROUP BY kind"))
    assert {"void", "merge", "adjust", "donate", "expire", "tier", "bonus", "redeem"} <= set(kinds)
    assert shop.db.scalar("SELECT count(*) FROM events WHERE kind = 'void' AND json_extract(detail, '$.voided') = "
                          "'redeem'")
    assert report.kpis.cashback_redeemed or report.previous.cashback_redeemed
    assert report.kpis.donations or report.previous.donations
    assert any(t.moved_up for t in report.tiers)
    assert report.inactive_count and report.staff and len(report.staff) == 3
    assert 0 < report.kpis.first_reward_reached < report.kpis.first_reward_cohort
    assert kinds.get("opening") == 2 and len(NOTES["imported"]) == 2
    away = build(shop, PERIODS[0], now=NOW, inactive_days=20).inactive  # they never came after the import
    assert {r.customer_id for r in away} >= set(NOTES["imported"])


def test_days_and_hours_are_the_shops(shop):
    """Local midnight decides the day (not UTC), and the day summer time starts has 23 hours."""
    night_owl = NOTES["night_owl"]
    visits = [datetime.fromisoformat(r[0]) for r in shop.db.query(
        "SELECT created_at FROM events WHERE customer_id = ? AND kind = 'purchase' ORDER BY created_at",
        (night_owl,))]
    late_march = next(v for v in visits if v.astimezone(BERLIN) == at(date(2026, 3, 31), 23, 30))
    after_midnight = next(v for v in visits if v.astimezone(BERLIN) == at(date(2026, 4, 1), 0, 15))
    assert late_march.date() == after_midnight.date() == date(2026, 3, 31)  # the same day in UTC
    march = build(shop, Period.named("month", date(2026, 3, 1)), now=NOW)
    april = build(shop, Period.named("month", date(2026, 4, 1)), now=NOW)
    assert march.daily[-1].visits.total >= 1 and april.daily[0].visits.total >= 1
    assert sum(d.visits.total for d in march.daily) == march.kpis.visits.total
    switch = Period.named("today", date(2026, 3, 29))
    start, end = switch.bounds(BERLIN)
    assert end - start == timedelta(hours=23)
    sunday = build(shop, switch, now=NOW).hours[6]
    assert sunday[1] >= 1 and sunday[3] >= 1 and sunday[2] == 0  # 01:50 and 03:30; 02:xx never happened
    assert build(shop, Period.named("month", date(2026, 3, 1)), now=NOW).daily[0].enrolled >= 1  # 00:30, 1 March


def test_the_comparison_is_the_period_before(shop):
    for period in PERIODS:
        report = build(shop, period, now=NOW)
        if period.start <= NOW.date() < period.end:
            continue  # running: the same stretch of the period before (below)
        before = build(shop, period.previous(), now=NOW)
        assert report.previous == before.kpis, period
        assert report.compared.whole and report.compared.before == period.previous()


@pytest.mark.parametrize("kind", ["today", "week", "month", "year"])
def test_a_running_period_is_compared_with_the_same_stretch_before(shop, kind):
    """On 15 April at 10:07 the month is compared with 1-15 March up to 10:00, not with all of March."""
    now = NOW + timedelta(minutes=7)
    period = Period.named(kind, now.date())
    report = build(shop, period, now=now)
    assert_same(report, expected(shop, period, None, now))
    compared = {"today": (date(2026, 4, 14), date(2026, 4, 14)), "week": (date(2026, 4, 6), date(2026, 4, 8)),
                "month": (date(2026, 3, 1), date(2026, 3, 15)), "year": (date(2025, 1, 1), date(2025, 4, 15))}[kind]
    assert (report.compared.start, report.compared.last, report.compared.until) == (*compared, time(10, 0))
    assert report.compared.bounds(BERLIN)[1] == datetime.combine(compared[1], time(10), BERLIN)
    if kind == "month":  # the cut makes a difference in this scenario: March went on after the 15th
        assert report.previous.visits.total < build(shop, period.previous(), now=now).kpis.visits.total
        assert report.compared.label("en") == "Mar 1\u2009–\u200915, 2026, up to 10:00\u202fAM"
        assert report.compared.label("de") == "1.–15. März 2026, bis 10:00 Uhr"
        data = report.as_dict()["compared"]
        assert (data["start"], data["last"], data["until"], data["whole"]) == ("2026-03-01", "2026-03-15", "10:00",
                                                                               False)
        assert data["ends_at"] == "2026-03-15T09:00:00+00:00"



def test_tiers_are_the_ones_the_service_gives(shop):
    report = build(shop, Period.named("month", NOW.date()), now=NOW)
    service = Counter(shop.balance_of(cid, NOW).tier for cid in
                      (r[0] for r in shop.db.query("SELECT id FROM customers WHERE merged_into IS NULL")))
    assert {t.name: t.members for t in report.tiers} == {name: service[name] for name in ("Bronze", "Silver", "Gold")}
    assert service["Silver"] and service["Bronze"]


def test_the_schema_step_rebuilds_what_the_triggers_kept(shop, tmp_path):
    """The report tables rebuilt from the ledger alone (as on upgrading a shop) equal those the triggers kept."""
    again = copy_shop(shop, tmp_path / "copy")
    try:
        with again.db.write() as conn:
            for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE name LIKE 'report\\_%' "
                                           "ESCAPE '\\' AND type IN ('table', 'trigger')").fetchall():
                conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
            for statement in _statements(report_sql.SCHEMA):
                conn.execute(statement)
        # A void leaves its slot at zero rather than deleting it: compare what is not zero.
        nonzero = " WHERE n OR amount OR stamps OR points OR cashback OR value"
        for table, key, where in (("report_slots", "slot, kind, shop, identified, label", nonzero),
                                  ("report_ledger", "seq", ""), ("report_members", "root", "")):
            kept, rebuilt = ([tuple(r) for r in app.db.query(f"SELECT * FROM {table}{where} ORDER BY {key}")]
                             for app in (shop, again))
            assert rebuilt == kept, table
        for period in PERIODS[:3]:
            assert build(again, period, now=NOW) == build(shop, period, now=NOW)
    finally:
        again.close()
    assert report_sql.SCHEMA in migrations.STEPS


def test_pulled_events_count_too(shop, tmp_path):
    """Bookings another till made arrive by sync as plain inserts: the report sees them like its own."""
    from pos_loyalty.store import sync as sync_sql

    app = copy_shop(shop, tmp_path / "pulled")
    try:
        period = Period.named("month", NOW.date())
        before = build(app, period, now=NOW)
        customer = app.db.scalar("SELECT id FROM customers WHERE merged_into IS NULL ORDER BY num LIMIT 1")
        pulled = {"id": "9d7c3a50-0000-4000-8000-000000000001", "seq": 1, "customer_id": customer,
                  "kind": "purchase", "stamps": 1, "points": 12, "cashback": 24, "amount": 1234, "items": None,
                  "reason": "", "detail": None, "ref": None, "staff_id": None, "shop_id": "shop-3",
                  "terminal_id": None, "created_at": "2026-04-14T16:00:00.5Z", "expires_at": None,
                  "program_version": 1}
        # A till that was offline for weeks: its purchase lands between visits the ledger already has.
        late = pulled | {"id": "9d7c3a50-0000-4000-8000-000000000002", "seq": 2, "created_at": "2026-03-05T09:30:00Z"}
        with app.db.write() as conn:
            sync_sql._insert_events(conn, [pulled, late])
        after = build(app, period, now=NOW)
        assert after.kpis.visits.total == before.kpis.visits.total + 1
        assert after.kpis.revenue.total == before.kpis.revenue.total + 1234
        assert build(app, period, "shop-3", now=NOW).kpis.visits.total == 1
        for each in (period, PERIODS[0], PERIODS[-1]):
            for shop_id in (None, "shop-3"):
                assert_same(build(app, each, shop_id, now=NOW), expected(app, each, shop_id, NOW))
    finally:
        app.close()


def test_bad_inactive_days(shop):
    with pytest.raises(LoyaltyError) as error:
        build(shop, PERIODS[0], inactive_days=0, now=NOW)
    assert error.value.code == "bad_days"
