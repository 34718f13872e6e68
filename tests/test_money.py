"""Money: what a cashier types becomes exact minor units, or a clear refusal."""

import pytest

from pos_loyalty.money import AmountError, format_money, parse_amount, plain


@pytest.mark.parametrize("text, minor", [("12.50", 1250), ("12,50", 1250), ("12", 1200), ("0.01", 1),
                                         (" 7.5 ", 750), ("100000", 10_000_000)])
def test_parse(text, minor):
    assert parse_amount(text) == minor


@pytest.mark.parametrize("text, words", [("-5", "negative"), ("abc", "not an amount"), ("1e9", "not an amount"),
                                         ("12.345", "more than 2 decimals"), ("", "Enter an amount"),
                                         ("0", "more than zero"), ("100000.01", "check the amount"),
                                         ("1.000,00", "not an amount")])
def test_refusals(text, words):
    with pytest.raises(AmountError, match=words):
        parse_amount(text)


def test_currency_without_decimals():
    assert parse_amount("500", "JPY") == 500
    with pytest.raises(AmountError, match="no decimals"):
        parse_amount("5.5", "JPY")


def test_locale_formatting():
    assert format_money(1250, "EUR", "de_DE") == "12,50\xa0€"
    assert format_money(1250, "EUR", "en") == "€12.50"
    assert plain(-5, "EUR") == "-0.05"
