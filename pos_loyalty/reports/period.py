"""The stretch of shop-calendar days a report covers: today, this week, month, quarter, year, or custom days."""

from __future__ import annotations

from dataclasses import dataclass
from calendar import monthrange
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_interval, format_time

from ..errors import LoyaltyError

KINDS = ("today", "week", "month", "quarter", "year")
_MONTHS = {"month": 1, "quarter": 3, "year": 12}
CUT_MINUTES = 15  # a running period is compared up to the quarter hour: the report tables' finest step
LONGEST = timedelta(days=3660)  # ten years: a longer custom period is a typo, not a report


class PeriodError(LoyaltyError):
    code = "bad_period"


@dataclass(frozen=True)
class Period:
    """Days `start` (inclusive) to `end` (EXCLUSIVE: the day after the last), in the shop's calendar.

    A named period is the whole calendar period that holds `today` (the weeks start on Monday), so "month" in
    the middle of March is 1-31 March: its later days simply have no bookings yet.
    """

    kind: str  # one of KINDS or "custom"
    start: date
    end: date

    @classmethod
    def named(cls, kind: str, today: date) -> "Period":
        if kind == "today":
            return cls(kind, today, today + timedelta(days=1))
        if kind == "week":
            monday = today - timedelta(days=today.weekday())
            return cls(kind, monday, monday + timedelta(days=7))
        if kind == "month":
            return cls(kind, today.replace(day=1), _add_months(today.replace(day=1), 1))
        if kind == "quarter":
            first = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
            return cls(kind, first, _add_months(first, 3))
        if kind == "year":
            return cls(kind, date(today.year, 1, 1), date(today.year + 1, 1, 1))
        raise PeriodError(f"Unknown period '{kind}': use one of {', '.join(KINDS)}, or custom dates.")

    @classmethod
    def custom(cls, first: date, last: date) -> "Period":
        """From `first` to `last`, both days included."""
        if last < first:
            raise PeriodError(f"The period ends ({last.isoformat()}) before it starts ({first.isoformat()}).")
        if last - first > LONGEST:
            raise PeriodError(f"A report covers at most ten years; {first.isoformat()} to {last.isoformat()} is more.")
        return cls("custom", first, last + timedelta(days=1))

    @property
    def last(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def dates(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(self.days)]

    def previous(self) -> "Period":
        """The period just before, to compare with: the previous calendar period, or as many days just before."""
        if self.kind == "custom":
            return Period("custom", self.start - timedelta(days=self.days), self.start)
        months = _MONTHS.get(self.kind)
        if months:
            return Period(self.kind, _add_months(self.start, -months), self.start)
        return Period(self.kind, self.start - timedelta(days=self.days), self.start)

    def comparison(self, now: datetime) -> "Comparison":
        """What the figures are compared with at the shop-local moment `now`.

        A period that is over (or not begun) is compared with the whole period before. One still running is
        compared with the same stretch of the period before, so the 23rd of a month at 10:07 is compared with the
        1st to the 23rd of the month before up to 10:00 (the time cut to the quarter hour): a month, quarter or
        year up to the same date (the 31st is compared with a shorter month's last day, whole), a week, a day or
        custom days up to as many days in. Never past the end of the period before.
        """
        before = self.previous()
        today = now.date()
        if not self.start <= today < self.end:
            return Comparison(before, before.end, None)
        months = _MONTHS.get(self.kind)
        if months:
            same = _add_months(today.replace(day=1), -months)
            day = today.day
            if day > monthrange(same.year, same.month)[1]:  # the 31st: that month's last day, whole
                return Comparison(before, _add_months(same, 1), None)
            last = same.replace(day=day)
        else:
            last = before.start + (today - self.start)
        if last >= before.end:
            return Comparison(before, before.end, None)
        minute = now.hour * 60 + now.minute
        minute -= minute % CUT_MINUTES
        return Comparison(before, last + timedelta(days=1), time(minute // 60, minute % 60))

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """The period as UTC moments: local midnight of the first day up to local midnight after the last."""
        return midnight(self.start, zone), midnight(self.end, zone)

    def label(self, lang: str) -> str:
        """'March 2026', 'Q1 2026', 'Week 11, 2026', '9 Mar 2026 – 15 Mar 2026' (in German: 'März 2026', ...)."""
        if self.kind == "month":
            return format_date(self.start, "LLLL yyyy", locale=lang)
        if self.kind == "quarter":
            return f"Q{(self.start.month - 1) // 3 + 1} {self.start.year}"
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "week":
            week = self.start.isocalendar().week
            span = f"{_short(self.start, lang)} – {_short(self.last, lang)}"
            return (f"KW {week}: {span}" if lang == "de" else f"Week {week}: {span}")
        if self.days == 1:
            return format_date(self.start, "full", locale=lang)
        return f"{_short(self.start, lang)} – {_short(self.last, lang)}"


@dataclass(frozen=True)
class Comparison:
    """The stretch of the period before that a report compares with: from its first day up to `end` (EXCLUSIVE);
    with `until`, only up to that local time on the last day (a running period's time of day)."""

    before: Period  # the whole period before
    end: date
    until: time | None

    @property
    def start(self) -> date:
        return self.before.start

    @property
    def last(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def whole(self) -> bool:
        return self.until is None and self.end == self.before.end

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        if self.until is None:
            return midnight(self.start, zone), midnight(self.end, zone)
        return midnight(self.start, zone), datetime.combine(self.last, self.until, zone).astimezone(timezone.utc)

    def label(self, lang: str) -> str:
        """The period before's own label when whole, else its days and time: 'Oct 1 – 23, 2025, up to 10:00 AM' /
        '1.–23. Okt. 2025, bis 10:00 Uhr'."""
        if self.whole:
            return self.before.label(lang)
        days = format_interval(self.start, self.last, "yMMMd", locale=lang)
        if self.until is None:
            return days
        moment = format_time(self.until, "short", locale=lang)
        return f"{days}, bis {moment} Uhr" if lang == "de" else f"{days}, up to {moment}"


def midnight(day: date, zone: ZoneInfo) -> datetime:
    """The UTC moment a shop-calendar day begins (a DST change makes some days 23 or 25 hours long)."""
    return datetime.combine(day, datetime.min.time(), zone).astimezone(timezone.utc)


def _short(day: date, lang: str) -> str:
    return format_date(day, "medium", locale=lang)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
