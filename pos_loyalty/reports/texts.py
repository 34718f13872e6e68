"""The words of the reports in English and German, as plain data (the core has no Qt), and the summary sentence.

Numbers, money, percentages and dates are formatted by babel for the language ("58%" / "58 %", "€1,234.50" /
"1.234,50 €"). `{name}` marks where a value goes; keys ending in `.one` / `.other` are the singular and plural.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from babel.dates import format_date, get_day_names
from babel.numbers import format_decimal, format_percent

from ..money import format_money
from .model import Kpis, Report

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # figures (the rows of the figures table, the PDF's key figures)
        "figure.members_enrolled": "New members",
        "figure.active_members": "Active members (a visit in 90 days)",
        "figure.visits": "Visits",
        "figure.visits_members": "Visits by identified members",
        "figure.visits_anonymous": "Visits by anonymous cards",
        "figure.revenue": "Revenue",
        "figure.revenue_members": "Revenue from identified members",
        "figure.revenue_anonymous": "Revenue from anonymous cards",
        "figure.average_spend": "Average spend per visit",
        "figure.repeat_visit_rate": "Repeat-visit rate",
        "figure.stamps_issued": "Stamps issued",
        "figure.stamps_redeemed": "Stamps redeemed",
        "figure.stamp_redemption_rate": "Stamp redemption rate",
        "figure.points_issued": "Points issued",
        "figure.points_redeemed": "Points redeemed",
        "figure.point_redemption_rate": "Point redemption rate",
        "figure.cashback_issued": "Cashback issued",
        "figure.cashback_redeemed": "Cashback redeemed",
        "figure.cashback_redemption_rate": "Cashback redemption rate",
        "figure.points_expired": "Points expired",
        "figure.donations": "Donations",
        "figure.donated_points": "Points donated",
        "figure.donated_value": "Value donated",
        "figure.first_reward_cohort": "New members followed for a first reward",
        "figure.first_reward_reached": "... who reached a first reward within 90 days",
        "figure.first_reward_pending": "... who still have time",
        "figure.first_reward_share": "Share reaching a first reward within 90 days",
        "figure.days_to_first_reward": "Average days to the first reward taken",
        "figure.members_total": "Members now",
        "figure.lifetime_value": "Lifetime value (revenue per member)",
        "figure.average_membership_days": "Average membership (days)",
        "figure.liability_stamps": "Stamps on the cards",
        "figure.liability_points": "Points on the cards",
        "figure.liability_cashback": "Cashback on the cards",
        "figure.liability_value": "Outstanding liability",
        "figure.inactive_count": "Inactive members",
        # tables: titles and columns
        "table.figures": "Key figures",
        "table.days": "Day by day",
        "table.hours": "Visits by weekday and hour",
        "table.funnel": "From new member to first reward",
        "table.tiers": "Tiers",
        "table.staff": "New members by staff member",
        "table.inactive": "Inactive members",
        "column.figure": "Figure",
        "column.change": "Change",
        "column.now": "Now",
        "column.day": "Day",
        "column.visits_members": "Visits, identified",
        "column.visits_anonymous": "Visits, anonymous",
        "column.visits": "Visits",
        "column.revenue_members": "Revenue, identified ({currency})",
        "column.revenue_anonymous": "Revenue, anonymous ({currency})",
        "column.revenue": "Revenue ({currency})",
        "column.enrolled": "New members",
        "column.weekday": "Weekday",
        "column.time": "Time",
        "column.stage": "Stage",
        "column.members": "Members",
        "column.share": "Share of new members (%)",
        "column.tier": "Tier",
        "column.from": "From",
        "column.members_now": "Members now",
        "column.moved_up": "Moved up into it",
        "column.moved_down": "Moved down into it",
        "column.rank": "Rank",
        "column.staff": "Staff member",
        "column.customer": "Customer number",
        "column.name": "Name",
        "column.last_visit": "Last visit",
        "column.days_away": "Days away",
        "column.spend": "Spend ({currency})",
        "column.stamps": "Stamps",
        "column.points": "Points",
        "column.cashback": "Cashback ({currency})",
        "stage.enrolled": "Enrolled",
        "stage.visited": "Visited",
        "stage.visited_again": "Visited again",
        "stage.reached_reward": "Reached a reward",
        "stage.redeemed": "Redeemed a reward",
        "unit.spend": "{currency}",
        "unit.visits": "visits",
        "unit.points": "points",
        "value.never": "never",
        "value.guest": "(no name)",
        "value.unknown_staff": "(another till)",
        "value.retired_tier": "(no longer in the program)",
        # charts
        "chart.visits": "Visits per {step}",
        "chart.enrollments": "New members per {step}",
        "chart.funnel": "New members of the period: how far they came",
        "chart.tiers": "Members per tier now",
        "chart.hours": "Busiest hours (visits, shop time)",
        "step.day": "day",
        "step.week": "week",
        "step.month": "month",
        "axis.date": "Date",
        "axis.visits": "Visits",
        "axis.members": "Members",
        "axis.new_members": "New members",
        "axis.hour": "Hour of the day",
        "axis.weekday": "Weekday",
        "legend.members": "Identified members",
        "legend.anonymous": "Anonymous cards",
        "legend.moved_up": "Moved up this period",
        "legend.moved_down": "Moved down this period",
        "chart.empty": "No bookings in this period",
        "chart.no_tiers": "This program has no tiers",
        # the PDF
        "pdf.title": "Loyalty report",
        "pdf.period": "Period",
        "pdf.shop": "Shop",
        "pdf.all_shops": "All shops",
        "pdf.compared": "Compared with",
        "pdf.generated": "Made on",
        "pdf.page": "Page {page} of {pages}",
        "pdf.first_rows": "The first {rows} of {total} are listed.",
        # the summary
        "summary.this.today": "today",
        "summary.this.week": "this week",
        "summary.this.month": "this month",
        "summary.this.quarter": "this quarter",
        "summary.this.year": "this year",
        "summary.this.custom": "in this period",
        "summary.last.today": "yesterday",
        "summary.last.week": "last week",
        "summary.last.month": "last month",
        "summary.last.quarter": "last quarter",
        "summary.last.year": "last year",
        "summary.last.custom": "the period before",
        "summary.in": "in {label}",
        "summary.on": "on {label}",
        "summary.new.one": "{count} new member {when}",
        "summary.new.other": "{count} new members {when}",
        "summary.more": "{count} more than {before}",
        "summary.fewer": "{count} fewer than {before}",
        "summary.same": "as many as {before}",
        "summary.first_reward": "{share} reached a first reward within 90 days",
        "summary.pending.one": "{count} still has time",
        "summary.pending.other": "{count} still have time",
        "summary.visits.one": "{count} visit brought {revenue}",
        "summary.visits.other": "{count} visits brought {revenue}",
        "summary.up": "{share} more than {before}",
        "summary.down": "{share} less than {before}",
        "summary.flat": "the same as {before}",
        "summary.no_visits": "No visits {when}.",
        "summary.active.one": "{active} of {count} member visited in the last 90 days.",
        "summary.active.other": "{active} of {count} members visited in the last 90 days.",
        "summary.inactive.one": "{count} member has not come for {days} days or more.",
        "summary.inactive.other": "{count} members have not come for {days} days or more.",
    },
    "de": {
        "figure.members_enrolled": "Neue Mitglieder",
        "figure.active_members": "Aktive Mitglieder (Besuch in 90 Tagen)",
        "figure.visits": "Besuche",
        "figure.visits_members": "Besuche bekannter Mitglieder",
        "figure.visits_anonymous": "Besuche anonymer Karten",
        "figure.revenue": "Umsatz",
        "figure.revenue_members": "Umsatz bekannter Mitglieder",
        "figure.revenue_anonymous": "Umsatz anonymer Karten",
        "figure.average_spend": "Durchschnittlicher Umsatz pro Besuch",
        "figure.repeat_visit_rate": "Wiederkehrquote",
        "figure.stamps_issued": "Ausgegebene Stempel",
        "figure.stamps_redeemed": "Eingelöste Stempel",
        "figure.stamp_redemption_rate": "Einlösequote Stempel",
        "figure.points_issued": "Ausgegebene Punkte",
        "figure.points_redeemed": "Eingelöste Punkte",
        "figure.point_redemption_rate": "Einlösequote Punkte",
        "figure.cashback_issued": "Ausgegebenes Cashback",
        "figure.cashback_redeemed": "Eingelöstes Cashback",
        "figure.cashback_redemption_rate": "Einlösequote Cashback",
        "figure.points_expired": "Verfallene Punkte",
        "figure.donations": "Spenden",
        "figure.donated_points": "Gespendete Punkte",
        "figure.donated_value": "Gespendeter Wert",
        "figure.first_reward_cohort": "Neue Mitglieder auf dem Weg zur ersten Prämie",
        "figure.first_reward_reached": "... davon erste Prämie innerhalb von 90 Tagen erreicht",
        "figure.first_reward_pending": "... davon noch in der Frist",
        "figure.first_reward_share": "Anteil mit erster Prämie innerhalb von 90 Tagen",
        "figure.days_to_first_reward": "Tage bis zur ersten eingelösten Prämie (Durchschnitt)",
        "figure.members_total": "Mitglieder heute",
        "figure.lifetime_value": "Kundenwert (Umsatz pro Mitglied)",
        "figure.average_membership_days": "Mitgliedsdauer im Durchschnitt (Tage)",
        "figure.liability_stamps": "Stempel auf den Karten",
        "figure.liability_points": "Punkte auf den Karten",
        "figure.liability_cashback": "Cashback auf den Karten",
        "figure.liability_value": "Offene Verbindlichkeit",
        "figure.inactive_count": "Inaktive Mitglieder",
        "table.figures": "Kennzahlen",
        "table.days": "Tag für Tag",
        "table.hours": "Besuche nach Wochentag und Uhrzeit",
        "table.funnel": "Vom neuen Mitglied zur ersten Prämie",
        "table.tiers": "Stufen",
        "table.staff": "Neue Mitglieder je Mitarbeiter",
        "table.inactive": "Inaktive Mitglieder",
        "column.figure": "Kennzahl",
        "column.change": "Veränderung",
        "column.now": "Heute",
        "column.day": "Tag",
        "column.visits_members": "Besuche, bekannt",
        "column.visits_anonymous": "Besuche, anonym",
        "column.visits": "Besuche",
        "column.revenue_members": "Umsatz, bekannt ({currency})",
        "column.revenue_anonymous": "Umsatz, anonym ({currency})",
        "column.revenue": "Umsatz ({currency})",
        "column.enrolled": "Neue Mitglieder",
        "column.weekday": "Wochentag",
        "column.time": "Uhrzeit",
        "column.stage": "Stufe",
        "column.members": "Mitglieder",
        "column.share": "Anteil der neuen Mitglieder (%)",
        "column.tier": "Stufe",
        "column.from": "Ab",
        "column.members_now": "Mitglieder heute",
        "column.moved_up": "Aufgestiegen",
        "column.moved_down": "Abgestiegen",
        "column.rank": "Platz",
        "column.staff": "Mitarbeiter",
        "column.customer": "Kundennummer",
        "column.name": "Name",
        "column.last_visit": "Letzter Besuch",
        "column.days_away": "Tage weg",
        "column.spend": "Umsatz ({currency})",
        "column.stamps": "Stempel",
        "column.points": "Punkte",
        "column.cashback": "Cashback ({currency})",
        "stage.enrolled": "Angemeldet",
        "stage.visited": "Eingekauft",
        "stage.visited_again": "Wiedergekommen",
        "stage.reached_reward": "Prämie erreicht",
        "stage.redeemed": "Prämie eingelöst",
        "unit.spend": "{currency}",
        "unit.visits": "Besuche",
        "unit.points": "Punkte",
        "value.never": "nie",
        "value.guest": "(ohne Namen)",
        "value.unknown_staff": "(andere Kasse)",
        "value.retired_tier": "(nicht mehr im Programm)",
        "chart.visits": "Besuche pro {step}",
        "chart.enrollments": "Neue Mitglieder pro {step}",
        "chart.funnel": "Neue Mitglieder des Zeitraums: wie weit sie kamen",
        "chart.tiers": "Mitglieder je Stufe heute",
        "chart.hours": "Stoßzeiten (Besuche, Ortszeit)",
        "step.day": "Tag",
        "step.week": "Woche",
        "step.month": "Monat",
        "axis.date": "Datum",
        "axis.visits": "Besuche",
        "axis.members": "Mitglieder",
        "axis.new_members": "Neue Mitglieder",
        "axis.hour": "Uhrzeit",
        "axis.weekday": "Wochentag",
        "legend.members": "Bekannte Mitglieder",
        "legend.anonymous": "Anonyme Karten",
        "legend.moved_up": "In diesem Zeitraum aufgestiegen",
        "legend.moved_down": "In diesem Zeitraum abgestiegen",
        "chart.empty": "Keine Buchungen in diesem Zeitraum",
        "chart.no_tiers": "Dieses Programm hat keine Stufen",
        "pdf.title": "Bericht zum Kundenprogramm",
        "pdf.period": "Zeitraum",
        "pdf.shop": "Geschäft",
        "pdf.all_shops": "Alle Geschäfte",
        "pdf.compared": "Verglichen mit",
        "pdf.generated": "Erstellt am",
        "pdf.page": "Seite {page} von {pages}",
        "pdf.first_rows": "Aufgeführt sind die ersten {rows} von {total}.",
        "summary.this.today": "heute",
        "summary.this.week": "in dieser Woche",
        "summary.this.month": "in diesem Monat",
        "summary.this.quarter": "in diesem Quartal",
        "summary.this.year": "in diesem Jahr",
        "summary.this.custom": "in diesem Zeitraum",
        "summary.last.today": "gestern",
        "summary.last.week": "in der Vorwoche",
        "summary.last.month": "im Vormonat",
        "summary.last.quarter": "im Vorquartal",
        "summary.last.year": "im Vorjahr",
        "summary.last.custom": "im Zeitraum davor",
        "summary.in": "im Zeitraum {label}",
        "summary.on": "am {label}",
        "summary.new.one": "{count} neues Mitglied {when}",
        "summary.new.other": "{count} neue Mitglieder {when}",
        "summary.more": "{count} mehr als {before}",
        "summary.fewer": "{count} weniger als {before}",
        "summary.same": "so viele wie {before}",
        "summary.first_reward": "{share} erreichten innerhalb von 90 Tagen eine erste Prämie",
        "summary.pending.one": "{count} hat noch Zeit",
        "summary.pending.other": "{count} haben noch Zeit",
        "summary.visits.one": "{count} Besuch brachte {revenue}",
        "summary.visits.other": "{count} Besuche brachten {revenue}",
        "summary.up": "{share} mehr als {before}",
        "summary.down": "{share} weniger als {before}",
        "summary.flat": "genauso viel wie {before}",
        "summary.no_visits": "Keine Besuche {when}.",
        "summary.active.one": "{active} von {count} Mitglied kam in den letzten 90 Tagen.",
        "summary.active.other": "{active} von {count} Mitgliedern kamen in den letzten 90 Tagen.",
        "summary.inactive.one": "{count} Mitglied kam seit {days} Tagen oder länger nicht mehr.",
        "summary.inactive.other": "{count} Mitglieder kamen seit {days} Tagen oder länger nicht mehr.",
    },
}


def language(lang: str) -> str:
    return "de" if lang.lower().startswith("de") else "en"


def text(key: str, lang: str, **values) -> str:
    """The text under `key` in the language, with `{name}` filled in from `values`."""
    template = TEXTS[language(lang)][key]
    return template.format(**values) if values else template


def plural(key: str, count: int, lang: str, **values) -> str:
    return text(f"{key}.{'one' if count == 1 else 'other'}", lang, count=number(count, lang), **values)


def number(value: int | float, lang: str) -> str:
    return format_decimal(value, locale=language(lang))


def percent(share: float | None, lang: str) -> str:
    return "–" if share is None else format_percent(share, locale=language(lang))


def money(minor: int | None, currency: str, lang: str) -> str:
    return "–" if minor is None else format_money(minor, currency, language(lang))


def day(value: date, lang: str) -> str:
    """'2026-03-14' in English (what a spreadsheet reads anywhere), '14.03.2026' in German."""
    return value.isoformat() if language(lang) == "en" else format_date(value, "dd.MM.yyyy", locale="de")


def weekdays(lang: str, width: str = "wide") -> list[str]:
    """Monday first."""
    names = get_day_names(width, locale=language(lang))
    return [names[i] for i in range(7)]


def figure(name: str, lang: str) -> str:
    return text(f"figure.{name}", lang)


def summary(report: Report, lang: str) -> str:
    """'34 new members this month, 12 more than last month; 58% reached a first reward within 90 days. ...'"""
    now, before = report.kpis, report.previous
    today = report.generated_at.astimezone(ZoneInfo(report.timezone)).date()
    current = report.period.start <= today < report.period.end
    compared = report.compared
    if current:
        when = text(f"summary.this.{report.period.kind}", lang)
    else:
        when = text("summary.in", lang, label=report.period.label(language(lang)))
    if current and compared.whole:
        then = text(f"summary.last.{report.period.kind}", lang)
    else:  # the days (and time) compared with, as they were: "than in Oct 1 – 23, 2025, up to 10:00 AM"
        then = text("summary.on" if compared.start == compared.last and not compared.whole else "summary.in", lang,
                    label=compared.label(language(lang)))
    sentences = [_enrolled(now, before, when, then, lang)]
    if now.visits.total:
        visits = plural("summary.visits", now.visits.total, lang,
                        revenue=money(now.revenue.total, report.currency, lang))
        change = _change(now.revenue.total, before.revenue.total, then, lang)
        sentences.append(_capital(visits + (f", {change}" if change else "")) + ".")
    else:
        sentences.append(_capital(text("summary.no_visits", lang, when=when)))
    if report.members_total:
        sentences.append(plural("summary.active", report.members_total, lang,
                                active=number(now.active_members, lang)))
    if report.inactive_count:
        sentences.append(plural("summary.inactive", report.inactive_count, lang,
                                days=number(report.inactive_days, lang)))
    return " ".join(sentences)


def _enrolled(now: Kpis, before: Kpis, when: str, then: str, lang: str) -> str:
    out = plural("summary.new", now.members_enrolled, lang, when=when)
    difference = now.members_enrolled - before.members_enrolled
    if difference > 0:
        out += ", " + text("summary.more", lang, count=number(difference, lang), before=then)
    elif difference < 0:
        out += ", " + text("summary.fewer", lang, count=number(-difference, lang), before=then)
    elif now.members_enrolled:
        out += ", " + text("summary.same", lang, before=then)
    if now.first_reward_cohort:
        out += "; " + text("summary.first_reward", lang, share=percent(now.first_reward_share, lang))
        if now.first_reward_pending:
            out += f" ({plural('summary.pending', now.first_reward_pending, lang)})"
    return _capital(out) + "."


def _change(value: int, previous: int, then: str, lang: str) -> str:
    """'8% more than last month' (nothing to compare with when the period before had nothing)."""
    if not previous:
        return ""
    share = abs(value - previous) / previous
    if round(share, 2) == 0:
        return text("summary.flat", lang, before=then)
    return text("summary.up" if value > previous else "summary.down", lang, share=percent(share, lang), before=then)


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]
