"""Every table of a report as (headers, rows) of text, for the screen and the CSV and PDF exports.

Cells are what a spreadsheet reads as numbers in that language: counts without grouping, money in major units with
the language's decimal mark ("12.50" / "12,50") and the currency in the column header, rates in percent with
one decimal, days as ISO dates in English and "14.03.2026" in German. An empty cell means "not defined" (a
rate without anything to divide by).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..money import exponent, to_decimal
from .model import Kpis, Report
from .texts import day, figure, language, text, weekdays

# The figures table: (name, kind): how to write the value; "kind.side" is one side of a Split.
_PERIOD_FIGURES = [
    ("members_enrolled", "count"), ("active_members", "count"), ("visits", "count.total"),
    ("visits_members", "count.members"), ("visits_anonymous", "count.anonymous"), ("revenue", "money.total"),
    ("revenue_members", "money.members"), ("revenue_anonymous", "money.anonymous"), ("average_spend", "money"),
    ("repeat_visit_rate", "rate"), ("stamps_issued", "count"), ("stamps_redeemed", "count"),
    ("stamp_redemption_rate", "rate"), ("points_issued", "count"), ("points_redeemed", "count"),
    ("point_redemption_rate", "rate"), ("cashback_issued", "money"), ("cashback_redeemed", "money"),
    ("cashback_redemption_rate", "rate"), ("points_expired", "count"), ("donations", "count"),
    ("donated_points", "count"), ("donated_value", "money"), ("first_reward_cohort", "count"),
    ("first_reward_reached", "count"), ("first_reward_pending", "count"), ("first_reward_share", "rate"),
    ("days_to_first_reward", "days"),
]
_NOW_FIGURES = [
    ("members_total", "count"), ("lifetime_value", "money"), ("average_membership_days", "days"),
    ("liability_stamps", "count"), ("liability_points", "count"), ("liability_cashback", "money"),
    ("liability_value", "money"), ("inactive_count", "count"),
]
_FEATURE = {"stamp": "stamps", "point": "points", "cashback": "cashback", "donat": "donations",
            "liability_stamps": "stamps", "liability_points": "points", "liability_cashback": "cashback"}
FUNNEL_STAGES = ("enrolled", "visited", "visited_again", "reached_reward", "redeemed")


def tables(report: Report, lang: str) -> dict[str, tuple[list[str], list[list[str]]]]:
    """name -> (headers, rows): figures, days, hours, funnel, tiers (when the program has tiers), staff, inactive."""
    out = {"figures": _figures(report, lang), "days": _days(report, lang), "hours": _hours(report, lang),
           "funnel": _funnel(report, lang)}
    if report.tiers:
        out["tiers"] = _tiers(report, lang)
    out["staff"] = _staff(report, lang)
    out["inactive"] = _inactive(report, lang)
    return out


def is_number(cell: str) -> bool:
    """A cell holding a number (aligned right), not a date like 2026-03-01 or 01.03.2026."""
    return re.fullmatch(r"[+-]?\d+(?:[.,]\d+)?", cell) is not None


def cell_money(minor: int | None, currency: str, lang: str) -> str:
    if minor is None:
        return ""
    text_ = f"{to_decimal(minor, currency):.{exponent(currency)}f}"
    return text_.replace(".", ",") if language(lang) == "de" else text_


def cell_number(value: float | int | None, lang: str, digits: int = 1) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text_ = f"{Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits))}"
    return text_.replace(".", ",") if language(lang) == "de" else text_


def cell_rate(share: float | None, lang: str) -> str:
    return cell_number(None if share is None else share * 100, lang)


def _value(source: Kpis | Report, name: str, kind: str, currency: str, lang: str) -> str:
    if "." in kind:  # a part of a Split: "money.members" is revenue.members
        kind, side = kind.split(".")
        split = getattr(source, name.split("_")[0])
        value = split.total if side == "total" else getattr(split, side)
    else:
        value = getattr(source, name)
    if kind == "money":
        return cell_money(value, currency, lang)
    if kind == "rate":
        return cell_rate(value, lang)
    return cell_number(value, lang)


def _unit(kind: str, currency: str) -> str:
    return f" ({currency})" if kind.startswith("money") else " (%)" if kind == "rate" else ""


def _change(now: str, before: str, kind: str, lang: str) -> str:
    """The difference, in the figure's own unit (percentage points for rates)."""
    if not now or not before:
        return ""
    de = language(lang) == "de"
    a, b = (Decimal(v.replace(",", ".")) if de else Decimal(v) for v in (now, before))
    diff = a - b
    out = f"{'+' if diff > 0 else ''}{diff}"
    return out.replace(".", ",") if de else out


def _figures(report: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [text("column.figure", lang), report.period.label(language(lang)),
               report.compared.label(language(lang)), text("column.change", lang)]
    rows = []
    for name, kind in _shown(_PERIOD_FIGURES, report):
        label = figure(name, lang) + _unit(kind, report.currency)
        now = _value(report.kpis, name, kind, report.currency, lang)
        before = _value(report.previous, name, kind, report.currency, lang)
        rows.append([label, now, before, _change(now, before, kind, lang)])
    for name, kind in _shown(_NOW_FIGURES, report):
        label = figure(name, lang) + _unit(kind, report.currency)
        rows.append([label, _value(report, name, kind, report.currency, lang), "", ""])
    return headers, rows


def _shown(figures: list[tuple[str, str]], report: Report) -> list[tuple[str, str]]:
    """The figures of the features the program has (no stamp figures for a points-only program)."""
    def feature(name: str) -> str | None:
        return next((f for prefix, f in _FEATURE.items() if name.startswith(prefix)), None)

    return [(name, kind) for name, kind in figures if feature(name) in (None, *report.features)]


def _days(report: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    cur = report.currency
    headers = [text("column.day", lang), text("column.visits_members", lang), text("column.visits_anonymous", lang),
               text("column.visits", lang), text("column.revenue_members", lang, currency=cur),
               text("column.revenue_anonymous", lang, currency=cur), text("column.revenue", lang, currency=cur),
               text("column.enrolled", lang)]
    rows = [[day(d.day, lang), str(d.visits.members), str(d.visits.anonymous), str(d.visits.total),
             cell_money(d.revenue.members, cur, lang), cell_money(d.revenue.anonymous, cur, lang),
             cell_money(d.revenue.total, cur, lang), str(d.enrolled)] for d in report.daily]
    return headers, rows


def _hours(report: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [text("column.weekday", lang)] + [f"{hour:02d}" for hour in range(24)]
    return headers, [[name] + [str(v) for v in row] for name, row in zip(weekdays(lang), report.hours)]


def _funnel(report: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [text("column.stage", lang), text("column.members", lang), text("column.share", lang)]
    enrolled = report.funnel.enrolled
    rows = [[text(f"stage.{stage}", lang), str(count), cell_rate(count / enrolled if enrolled else None, lang)]
            for stage, count in zip(FUNNEL_STAGES, (getattr(report.funnel, s) for s in FUNNEL_STAGES))]
    return headers, rows


def _tiers(report: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    unit = {"spend": report.currency, "visits": text("unit.visits", lang), "points": text("unit.points", lang)}
    qualify = report.tier_measure
    headers = [text("column.tier", lang), f"{text('column.from', lang)} ({unit.get(qualify, '')})",
               text("column.members_now", lang), text("column.moved_up", lang), text("column.moved_down", lang)]
    rows = []
    for tier in report.tiers:
        if tier.threshold is None:
            start = text("value.retired_tier", lang)
        elif qualify == "spend":
            start = cell_money(tier.threshold, report.currency, lang)
        else:
            start = str(tier.threshold)
        rows.append([tier.name, start, str(tier.members), str(tier.moved_up), str(tier.moved_down)])
    return headers, rows


def _staff(report: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [text("column.rank", lang), text("column.staff", lang), text("column.enrolled", lang)]
    return headers, [[str(rank), row.name or text("value.unknown_staff", lang), str(row.enrolled)]
                     for rank, row in enumerate(report.staff, 1)]


def _inactive(report: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    cur = report.currency
    headers = [text("column.customer", lang), text("column.name", lang), text("column.last_visit", lang),
               text("column.days_away", lang), text("column.visits", lang), text("column.spend", lang, currency=cur),
               text("column.stamps", lang), text("column.points", lang), text("column.cashback", lang, currency=cur)]
    rows = [[r.customer_id, r.name or text("value.guest", lang),
             day(r.last_visit, lang) if r.last_visit else text("value.never", lang), str(r.days), str(r.visits),
             cell_money(r.spend, cur, lang), str(r.stamps), str(r.points), cell_money(r.cashback, cur, lang)]
            for r in report.inactive]
    return headers, rows
