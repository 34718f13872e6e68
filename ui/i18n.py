"""Locale helpers for the UI: money and dates through babel, and English plurals until a .qm file supplies them."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from pos_loyalty.money import format_money
from pos_loyalty.program import Program

FALLBACK_LOCALE = "en"


def plural(text: str, n: int) -> str:
    """Finish an untranslated '%n stamp(s)' source string in English.

    Qt resolves plural forms only through a translation (.qm); without one, tr() returns the source with %n filled
    in. Once an English .qm with numerus forms is loaded, the text has no '(s)' left and this does nothing.
    """
    return text.replace("(s)", "" if abs(n) == 1 else "s") if "(s)" in text else text


def fill(text: str, *args: object) -> str:
    """Put arguments into a translated text's %1, %2, … (PySide's tr() returns a str, which has no .arg())."""
    for index in range(len(args), 0, -1):  # %10 before %1
        text = text.replace(f"%{index}", str(args[index - 1]))
    return text


def locale_of(program: Program | None) -> str:
    """The locale money and dates are shown in: the program's for now (the translation pass adds the UI's)."""
    return (program.locale if program else None) or FALLBACK_LOCALE


def money(minor: int, program: Program | None) -> str:
    currency = program.currency if program else "EUR"
    return format_money(minor, currency, locale_of(program))


def number(value: int, program: Program | None) -> str:
    return format_decimal(value, locale=locale_of(program))


def day(value: date | str, program: Program | None) -> str:
    when = date.fromisoformat(value) if isinstance(value, str) else value
    return format_date(when, "medium", locale=locale_of(program))


def moment(value: datetime, program: Program | None) -> str:
    zone = program.zone if program else None
    return format_datetime(value.astimezone(zone) if zone else value, "short", locale=locale_of(program))
