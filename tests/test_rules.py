"""The rules engine as a pure function: worked examples for every structure, and properties over random inputs."""

from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings, strategies as st

from pos_loyalty import program as program_file
from pos_loyalty.errors import Refused
from pos_loyalty.paths import resource
from pos_loyalty.rules import (CustomerState, Item, Purchase, evaluate_enrollment, evaluate_purchase,
                               evaluate_redeem, rewards_available)

UTC = timezone.utc


def sample(name):
    return program_file.load(resource("programs", f"{name}.toml"))


def earn(program, amount, at, state=CustomerState(), items=()):
    return evaluate_purchase(program, state, Purchase(amount, at, tuple(items)))


# A Wednesday in winter: Berlin is UTC+1.
WED_NOON = datetime(2026, 1, 14, 11, 0, tzinfo=UTC)


class TestCafe:
    def test_min_amount_earns_one_stamp(self):
        cafe = sample("cafe")
        assert earn(cafe, 250, WED_NOON)[0].stamps == 1
        assert earn(cafe, 249, WED_NOON)[0].stamps == 0

    def test_daily_cap(self):
        cafe = sample("cafe")
        assert earn(cafe, 500, WED_NOON, CustomerState(stamps_today=1))[0].stamps == 0

    def test_redeem_needs_ten(self):
        cafe = sample("cafe")
        assert evaluate_redeem(cafe, CustomerState(stamps=10), "free-coffee").stamps == -10
        with pytest.raises(Refused, match="has 9"):
            evaluate_redeem(cafe, CustomerState(stamps=9), "free-coffee")
        assert rewards_available(cafe, CustomerState(stamps=10)) == ["free-coffee"]


class TestBoutique:
    @pytest.mark.parametrize("qualifying, amount, points", [
        (0, 12345, 123),            # Bronze x1: floor(123.45)
        (50000, 12345, 154),        # Silver x1.25: floor(154.3125)
        (49999, 12345, 123),        # just below Silver
        (150000, 12345, 185),       # Gold x1.5: floor(185.175)
        (150000, 99, 1),            # floor(0.99 * 1.5) = 1
        (0, 99, 0),
    ])
    def test_points_are_floor_of_amount_times_tier(self, qualifying, amount, points):
        boutique = sample("boutique")
        assert earn(boutique, amount, WED_NOON, CustomerState(qualifying=qualifying))[0].points == points

    @pytest.mark.parametrize("birthday, bonus", [
        (date(1990, 1, 7), True), (date(1990, 1, 21), True),     # exactly 7 days either side (Berlin date 14 Jan)
        (date(1990, 1, 6), False), (date(1990, 1, 22), False),
    ])
    def test_birthday_window(self, birthday, bonus):
        entries = earn(sample("boutique"), 1000, WED_NOON, CustomerState(birthday=birthday))
        assert any(e.detail.get("bonus") == "birthday" and e.points == 50 for e in entries) == bonus

    def test_birthday_once_per_calendar_year(self):
        state = CustomerState(birthday=date(1990, 1, 14), birthday_bonus_years=frozenset({2026}))
        assert len(earn(sample("boutique"), 1000, WED_NOON, state)) == 1

    def test_birthday_across_new_year(self):
        state = CustomerState(birthday=date(1990, 1, 2))
        entries = earn(sample("boutique"), 1000, datetime(2026, 12, 28, 12, tzinfo=UTC), state)
        assert entries[1].detail == {"bonus": "birthday", "year": 2027}  # it is next year's birthday
        paid = CustomerState(birthday=date(1990, 1, 2), birthday_bonus_years=frozenset({2027}))
        assert len(earn(sample("boutique"), 1000, datetime(2027, 1, 3, 12, tzinfo=UTC), paid)) == 1

    def test_leap_day_birthday_in_common_year(self):
        state = CustomerState(birthday=date(2000, 2, 29))
        assert len(earn(sample("boutique"), 1000, datetime(2026, 3, 3, 12, tzinfo=UTC), state)) == 2


class TestSalon:
    @pytest.mark.parametrize("amount, cashback", [(1999, 99), (2000, 100), (19, 0), (4567, 228)])
    def test_five_percent_rounded_down(self, amount, cashback):
        assert earn(sample("salon"), amount, WED_NOON)[0].cashback == cashback

    def test_referrer_gets_five_euros_on_first_purchase_only(self):
        salon = sample("salon")
        first = earn(salon, 3000, WED_NOON, CustomerState(referred_by="anna"))
        assert [(e.customer, e.cashback) for e in first[1:]] == [("anna", 500)]
        later = earn(salon, 3000, WED_NOON, CustomerState(referred_by="anna", has_purchased=True))
        assert len(later) == 1

    def test_cashback_redeem_minimum_and_balance(self):
        salon = sample("salon")
        assert evaluate_redeem(salon, CustomerState(cashback=800), "cashback", 500).cashback == -500
        with pytest.raises(Refused, match="from 5.00"):
            evaluate_redeem(salon, CustomerState(cashback=800), "cashback", 499)
        with pytest.raises(Refused, match="Only 8.00 EUR"):
            evaluate_redeem(salon, CustomerState(cashback=800), "cashback", 900)


class TestBakery:
    def test_bio_items_double_points_on_their_price(self):
        bakery = sample("bakery")
        entries = earn(bakery, 1250, WED_NOON, items=[Item("BIO-BREAD", 420), Item("ROLL", 60)])
        assert (entries[0].stamps, entries[0].points) == (1, 16)  # 8.30 + 2 x 4.20 = 16.70

    @pytest.mark.parametrize("hour_utc, minute, points", [(15, 59, 10), (16, 0, 20), (16, 59, 20), (17, 0, 10)])
    def test_happy_hour_weekdays_17_to_18_berlin(self, hour_utc, minute, points):
        at = datetime(2026, 1, 14, hour_utc, minute, tzinfo=UTC)  # Berlin = UTC+1 in January
        assert earn(sample("bakery"), 1000, at)[0].points == points

    def test_no_happy_hour_on_saturday(self):
        assert earn(sample("bakery"), 1000, datetime(2026, 1, 17, 16, 30, tzinfo=UTC))[0].points == 10

    def test_happy_hour_follows_summer_time(self):
        assert earn(sample("bakery"), 1000, datetime(2026, 7, 15, 15, 30, tzinfo=UTC))[0].points == 20

    def test_stamp_for_any_amount_without_cap(self):
        assert earn(sample("bakery"), 1, WED_NOON, CustomerState(stamps_today=5))[0].stamps == 1

    def test_enrollment_bonus(self):
        assert [e.points for e in evaluate_enrollment(sample("bakery"))] == [20]


def test_unknown_reward_lists_known_ones():
    with pytest.raises(Refused, match="free-coffee"):
        evaluate_redeem(sample("cafe"), CustomerState(stamps=20), "free-cake")


PROGRAMS = [sample(n) for n in ("cafe", "boutique", "salon", "bakery")]
moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC))
states = st.builds(CustomerState, qualifying=st.integers(0, 10**7), stamps_today=st.integers(0, 3),
                   has_purchased=st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PROGRAMS), st.integers(1, 10**7), moments, states,
       st.lists(st.tuples(st.sampled_from(["BIO-X", "ROLL", "bio-y"]), st.integers(0, 10**5)), max_size=4))
def test_engine_is_exact_pure_and_never_negative(program, amount, at, state, items):
    items = [Item(sku, price) for sku, price in items]
    if sum(i.price for i in items) > amount:
        items = []
    first = earn(program, amount, at, state, items)
    assert first == earn(program, amount, at, state, items)  # same inputs, same entries
    for entry in first:
        assert all(isinstance(v, int) and v >= 0 for v in (entry.stamps, entry.points, entry.cashback))
    if program.points:
        # Never more than every multiplier at once allows, never less than the plain rate.
        most = max((t.multiplier for t in program.tiers.levels), default=1) if program.tiers else 1
        for bonus in program.bonuses:
            most *= max(bonus.multiplier, 1)
        assert first[0].points >= amount // program.points.unit * program.points.per_unit
        assert first[0].points <= amount * most * program.points.per_unit / program.points.unit


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10**7), st.integers(1, 10**7))
def test_points_are_monotonic_in_amount(a, b):
    boutique = sample("boutique")
    low, high = sorted((a, b))
    assert earn(boutique, low, WED_NOON)[0].points <= earn(boutique, high, WED_NOON)[0].points
