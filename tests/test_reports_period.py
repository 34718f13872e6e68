"""Reports: periods (calendar periods, the one before, the stretch a running period is compared with, labels, bounds
in the shop's zone) and the SQL that turns stored UTC into shop time."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.reports import Period
from pos_loyalty.reports.build import local_sql, us

BERLIN = ZoneInfo("Europe/Berlin")


def test_the_comparison_of_a_running_period():
    def compared(period, at):
        c = period.comparison(at)
        return c.start, c.last, c.until

    at = datetime(2025, 11, 23, 18, 44)
    assert compared(Period.named("month", at.date()), at) == (date(2025, 10, 1), date(2025, 10, 23), time(18, 30))
    # the 31st against a 30-day month, the 30th against February: the whole month before
    for day in (date(2025, 12, 31), date(2026, 3, 29), date(2026, 3, 31)):
        c = Period.named("month", day).comparison(datetime.combine(day, time(9)))
        assert c.whole and c.before == Period.named("month", day).previous(), day
    assert compared(Period.named("month", date(2026, 3, 28)), datetime(2026, 3, 28, 9)) == (
        date(2026, 2, 1), date(2026, 2, 28), time(9))
    # a quarter and a year: the same date; 29 February against a year without one: up to 28 February, whole
    assert compared(Period.named("quarter", date(2026, 3, 15)), datetime(2026, 3, 15, 7)) == (
        date(2025, 10, 1), date(2025, 12, 15), time(7))
    assert compared(Period.named("quarter", date(2026, 5, 31)), datetime(2026, 5, 31, 7)) == (
        date(2026, 1, 1), date(2026, 2, 28), None)
    assert compared(Period.named("year", date(2028, 2, 29)), datetime(2028, 2, 29, 7)) == (
        date(2027, 1, 1), date(2027, 2, 28), None)
    # a week, a day and custom days: as many days in
    assert compared(Period.named("week", date(2026, 3, 4)), datetime(2026, 3, 4, 12, 59)) == (
        date(2026, 2, 23), date(2026, 2, 25), time(12, 45))
    assert compared(Period.named("today", date(2026, 3, 1)), datetime(2026, 3, 1, 0, 10)) == (
        date(2026, 2, 28), date(2026, 2, 28), time(0, 0))
    custom = Period.custom(date(2026, 3, 1), date(2026, 3, 10))
    assert compared(custom, datetime(2026, 3, 3, 8)) == (date(2026, 2, 19), date(2026, 2, 21), time(8))
    # over, or not begun: the whole period before
    for at in (datetime(2026, 3, 11), datetime(2026, 2, 28, 23, 59)):
        assert custom.comparison(at).whole


def test_named_periods_are_calendar_periods():
    day = date(2026, 3, 14)  # a Saturday
    assert Period.named("today", day) == Period("today", day, date(2026, 3, 15))
    assert Period.named("week", day) == Period("week", date(2026, 3, 9), date(2026, 3, 16))
    assert Period.named("month", day) == Period("month", date(2026, 3, 1), date(2026, 4, 1))
    assert Period.named("quarter", day) == Period("quarter", date(2026, 1, 1), date(2026, 4, 1))
    assert Period.named("year", day) == Period("year", date(2026, 1, 1), date(2027, 1, 1))
    assert Period.named("month", date(2026, 12, 31)).end == date(2027, 1, 1)
    with pytest.raises(LoyaltyError) as error:
        Period.named("fortnight", day)
    assert error.value.code == "bad_period"


def test_the_period_before():
    assert Period.named("month", date(2026, 3, 31)).previous() == Period("month", date(2026, 2, 1), date(2026, 3, 1))
    assert Period.named("month", date(2026, 1, 5)).previous() == Period("month", date(2025, 12, 1), date(2026, 1, 1))
    assert Period.named("quarter", date(2026, 2, 1)).previous() == Period("quarter", date(2025, 10, 1),
                                                                          date(2026, 1, 1))
    assert Period.named("week", date(2026, 3, 4)).previous() == Period("week", date(2026, 2, 23), date(2026, 3, 2))
    assert Period.named("today", date(2026, 3, 1)).previous() == Period("today", date(2026, 2, 28), date(2026, 3, 1))
    custom = Period.custom(date(2026, 3, 1), date(2026, 3, 10))
    assert custom.days == 10 and custom.last == date(2026, 3, 10)
    assert custom.previous() == Period("custom", date(2026, 2, 19), date(2026, 3, 1))


def test_custom_periods_refuse_nonsense():
    with pytest.raises(LoyaltyError, match="before it starts"):
        Period.custom(date(2026, 3, 10), date(2026, 3, 1))
    with pytest.raises(LoyaltyError, match="ten years"):
        Period.custom(date(2010, 1, 1), date(2026, 1, 1))
    assert Period.custom(date(2026, 3, 1), date(2026, 3, 1)).days == 1


def test_period_labels():
    assert Period.named("month", date(2026, 3, 2)).label("en") == "March 2026"
    assert Period.named("month", date(2026, 3, 2)).label("de") == "März 2026"
    assert Period.named("quarter", date(2026, 5, 2)).label("de") == "Q2 2026"
    assert Period.named("week", date(2026, 3, 11)).label("de") == "KW 11: 09.03.2026 – 15.03.2026"
    assert Period.named("today", date(2026, 3, 14)).label("en") == "Saturday, March 14, 2026"
    assert Period.custom(date(2026, 3, 1), date(2026, 3, 10)).label("en") == "Mar 1, 2026 – Mar 10, 2026"


def test_period_bounds_follow_the_zone():
    start, end = Period.named("month", date(2026, 3, 1)).bounds(BERLIN)
    assert start == datetime(2026, 2, 28, 23, tzinfo=timezone.utc)
    assert end == datetime(2026, 3, 31, 22, tzinfo=timezone.utc)  # summer time since the 29th


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns",
                                  "Pacific/Chatham", "UTC"])
def test_shop_time_in_sql_matches_zoneinfo(zone):
    """The SQL that turns stored UTC microseconds into shop time, checked against zoneinfo every 15 minutes of a
    year and on both sides of each second a change happens (zones with half hours, 45 minutes, 30-minute DST)."""
    tz = ZoneInfo(zone)
    start, end = datetime(2026, 1, 1, tzinfo=timezone.utc), datetime(2027, 1, 1, tzinfo=timezone.utc)
    moments = [start + timedelta(minutes=15 * n) for n in range(int((end - start) / timedelta(minutes=15)))]
    changes = [m for a, m in zip(moments, moments[1:]) if m.astimezone(tz).utcoffset() != a.astimezone(tz).utcoffset()]
    moments += [c + timedelta(seconds=s) for c in changes for s in (-1, 0, 1)]
    conn = sqlite3.connect(":memory:")
    shop_time = local_sql(tz, start, end)
    for moment in moments:
        local = moment.astimezone(tz).replace(tzinfo=timezone.utc)
        assert conn.execute(f"SELECT {shop_time.format(us(moment))}").fetchone()[0] == us(local), moment
