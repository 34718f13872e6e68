"""Money as integer minor units: strict parsing of what a cashier types, locale-aware formatting."""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import format_currency, get_currency_precision

from .errors import LoyaltyError

# A single purchase above this is almost certainly a typo (an extra zero, a barcode in the amount field).
MAX_AMOUNT_MAJOR = 100_000

_AMOUNT = re.compile(r"^(?P<units>[0-9]{1,9})(?:[.,](?P<frac>[0-9]+))?$")  # ASCII digits only


class AmountError(LoyaltyError):
    code = "bad_amount"


def exponent(currency: str) -> int:
    """Number of minor-unit digits of a currency (EUR 2, JPY 0)."""
    return get_currency_precision(currency)


def parse_amount(text: str, currency: str = "EUR", *, allow_zero: bool = False) -> int:
    """Parse '12.50' or '12,50' into minor units (1250). Refuses anything that is not a plain amount."""
    raw = (text or "").strip()
    if not raw:
        raise AmountError("Enter an amount, e.g. 12.50.")
    if raw.startswith("-"):
        raise AmountError(f"The amount {raw} is negative; to take back a purchase, undo it instead.")
    match = _AMOUNT.match(raw)
    digits = exponent(currency)
    if not match:
        raise AmountError(f"'{raw}' is not an amount; type it like 12.50.")
    frac = match["frac"] or ""
    if len(frac) > digits:
        if digits == 0:
            raise AmountError(f"'{raw}': {currency} amounts have no decimals.")
        raise AmountError(f"'{raw}' has more than {digits} decimals.")
    minor = int(match["units"]) * 10**digits + int(frac.ljust(digits, "0") or 0)
    if minor == 0 and not allow_zero:
        raise AmountError("The amount must be more than zero.")
    if minor > MAX_AMOUNT_MAJOR * 10**digits:
        raise AmountError(f"{raw} is more than {MAX_AMOUNT_MAJOR:,} {currency}; please check the amount.")
    return minor


def to_decimal(minor: int, currency: str = "EUR") -> Decimal:
    return Decimal(minor).scaleb(-exponent(currency))


def format_money(minor: int, currency: str = "EUR", locale: str = "en") -> str:
    """'€12.50' in English, '12,50 €' in German."""
    return format_currency(to_decimal(minor, currency), currency, locale=locale)


def plain(minor: int, currency: str = "EUR") -> str:
    """Locale-free '12.50', for files, JSON and messages read by scripts."""
    return f"{to_decimal(minor, currency):.{exponent(currency)}f}"
