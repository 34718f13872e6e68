"""One cell at a time: what a person or Excel writes for an email, a date, a count or an amount, checked strictly."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..money import MAX_AMOUNT_MAJOR, AmountError, parse_amount

MAX_STAMPS = 10_000
MAX_POINTS = 100_000_000  # far below the ledger's 32-bit limit, far above any real card

_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]+$")
_PHONE = re.compile(r"^\+?[\d\s()/.\-]+$")
_EXCEL_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?E\+?\d+$", re.IGNORECASE)  # 4,91511E+11: Excel ate a phone number
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_DOT_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?: 00:00(?::00)?)?$")
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")  # day first, as in Europe
_COUNT = re.compile(r"^\+?(\d+)(?:[.,]0+)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:([.,' \u202f])\d{3})(?:\1\d{3})*$")  # 1.234 or 1,234 points: no fractions
_YES = {"ja", "j", "yes", "y", "x", "1", "true", "wahr", "ok", "✓", "✔"}
_NO = {"nein", "n", "no", "0", "false", "falsch", "-"}


class Invalid(Exception):
    """A cell that cannot be imported: a problem code, and what the cell said."""

    def __init__(self, code: str, value: str):
        super().__init__(code)
        self.code, self.value = code, value


@dataclass(frozen=True)
class Problem:
    """Why one row cannot be imported: its line, the column (None: the row as a whole) and a code with details.

    `ref` is what the problem points at: the other line, the existing customer's name, the number of extra fields.
    """

    line: int
    column: str | None
    code: str
    value: str = ""
    ref: str = ""

    @property
    def message(self) -> str:
        return MESSAGES[self.code].format(value=self.value, ref=self.ref)

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "code": self.code, "value": self.value, "ref": self.ref,
                "message": self.message}


MESSAGES = {  # English; the UI words them by code
    "bad_email": "'{value}' is not an email address",
    "bad_phone": "'{value}' is not a phone number",
    "excel_number": "'{value}': Excel turned the phone number into a number; format the column as text and export "
                    "again",
    "bad_date": "'{value}' is not a date like 23.04.1990 or 1990-04-23",
    "impossible_date": "'{value}' is not a day of the calendar",
    "implausible_birthday": "{value} is not a plausible birthday",
    "bad_count": "'{value}' is not a whole number",
    "negative": "'{value}' is negative",
    "too_large": "'{value}' is too large to be right",
    "bad_money": "'{value}' is not an amount of money like 12,50",
    "bad_consent": "'{value}' is neither yes nor no",
    "no_identity": "the row has no name, email, phone or card number",
    "too_many_fields": "the row has {ref} more field(s) than the header (a separator inside a field without "
                       "quotes?)",
    "same_as_line": "the same customer as line {ref}",
    "card_twice": "card number {value} is also in line {ref}",
    "existing_customer": "already a customer: {ref}",
}


def email(text: str) -> str:
    value = text.removeprefix("mailto:").strip()
    if not _EMAIL.match(value):
        raise Invalid("bad_email", text)
    return value


def phone(text: str) -> str:
    if _EXCEL_NUMBER.match(text):
        raise Invalid("excel_number", text)
    if not _PHONE.match(text) or sum(c.isdigit() for c in text) < 5:
        raise Invalid("bad_phone", text)
    return " ".join(text.split())


def birthday(text: str, today: date) -> str:
    """ISO text of a birthday written 23.04.1990, 23.4.90, 1990-04-23 or 23/04/1990."""
    for pattern, order in ((_DOT_DATE, "dmy"), (_ISO_DATE, "ymd"), (_SLASH_DATE, "dmy")):
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, map(int, match.groups())))
            break
    else:
        raise Invalid("bad_date", text)
    year = parts["y"]
    if year < 100:  # 23.04.90: the latest such year that is not in the future
        year += 2000 if 2000 + year <= today.year else 1900
    try:
        born = date(year, parts["m"], parts["d"])
    except ValueError:
        raise Invalid("impossible_date", text) from None
    if not date(1900, 1, 1) <= born <= today:
        raise Invalid("implausible_birthday", text)
    return born.isoformat()


def count(text: str, limit: int) -> int:
    """Stamps or points: a whole number, '12', '12,0' or '1.234' (thousands); empty is 0."""
    if not text:
        return 0
    if text.startswith("-") or text.endswith("-"):
        raise Invalid("negative", text)
    match = _COUNT.match(text)
    if _GROUPED.match(text):  # 2.000 is two thousand (Excel's German grouping), not two with three decimals
        value = int(re.sub(r"\D", "", text))
    elif match:
        value = int(match[1])
    else:
        raise Invalid("bad_count", text)
    if value > limit:
        raise Invalid("too_large", text)
    return value


def money(text: str, currency: str) -> int:
    """Cashback in minor units by the counter's own rules (12,50 or 12.50), with a currency sign or 1.234,50."""
    if not text:
        return 0
    raw = re.sub(rf"(?i)€|\$|£|\b{re.escape(currency)}\b", "", text).strip()
    if raw.startswith(("-", "(")) or raw.endswith("-"):
        raise Invalid("negative", text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", raw):
        raw = raw.replace(".", "")  # 1.234,50
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", raw):
        raw = raw.replace(",", "")  # 1,234.50
    try:
        return parse_amount(raw, currency, allow_zero=True)
    except AmountError:
        whole = re.match(r"\d+", raw)
        too_large = whole is not None and int(whole[0]) >= MAX_AMOUNT_MAJOR
        raise Invalid("too_large" if too_large else "bad_money", text) from None


def consent(text: str) -> bool:
    value = text.casefold()
    if not value or value in _NO:
        return False
    if value in _YES:
        return True
    raise Invalid("bad_consent", text)
