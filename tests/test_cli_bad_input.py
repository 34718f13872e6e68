"""What a cashier or a script gets wrong is refused by the real `pos-loyalty` command, and refused cleanly.

For every bad input: a non-zero exit, one JSON object {"error": {"code", "message"}} on stdout (checked by the
`cli` helper in conftest), the expected code, a message that says what is wrong, and NOTHING changed: every row of
every table of the data folder's database is the same before and after.
"""

from __future__ import annotations

import secrets

from pos_loyalty import cards
from pos_loyalty.paths import resource


def refused(shop, *args) -> dict:
    """Run a command that must fail; the database must be exactly as before. Returns the error object."""
    before = shop.snapshot()
    error = shop.run(*args, ok=False)["error"]
    assert shop.snapshot() == before, f"{args} failed with {error} but changed the database"
    return error


# ---- amounts ----


def test_bad_amounts_are_refused_and_book_nothing(cli_shop):
    shop = cli_shop("bakery")  # any accepted purchase would earn a stamp here, whatever the amount
    cases = [
        (["--amount", "-5"], "bad_amount", "negative"),
        (["--amount", "abc"], "bad_amount", "abc"),
        (["--amount", "1e9"], "bad_amount", "1e9"),
        (["--amount", "12.345"], "bad_amount", "12.345"),
        (["--amount", ""], "bad_amount", "amount"),
        (["--amount", "0"], "bad_amount", "zero"),
        (["--amount", "100000.01"], "bad_amount", "100,000"),
        (["--amount", "3.00", "--item", "BIO-BREAD:5.00"], "bad_items", "items cost more"),
    ]
    problems = []
    for extra, code, says in cases:
        error = refused(shop, "checkout", "--card", shop.card, *extra, "--at", "2026-03-06T09:00")
        if error["code"] != code or says.lower() not in error["message"].lower():
            problems.append(f"{extra}: expected code {code!r} and a message about {says!r}, got {error}")
    assert not problems, "\n".join(problems)


# ---- rewards and balances ----


def test_unknown_reward_is_refused_and_the_message_lists_the_real_ones(cli_shop):
    shop = cli_shop("cafe")
    error = refused(shop, "redeem", "--card", shop.card, "--reward", "free-cake", "--at", "2026-03-06T09:00")
    assert error["code"] == "unknown_reward"
    assert "free-cake" in error["message"] and "free-coffee" in error["message"]


def test_redeeming_more_cashback_than_the_balance_says_the_balance(cli_shop):
    shop = cli_shop("salon")
    r = shop.checkout("123.45", "2026-04-01T10:00")  # 5 % = 6.1725 -> 6.17
    assert r["balance"]["cashback"] == 617
    error = refused(shop, "redeem", "--card", shop.card, "--reward", "cashback", "--amount", "7.00",
                    "--at", "2026-04-01T10:01")
    assert error["code"] == "insufficient_balance"
    assert "6.17" in error["message"]


def test_taking_more_points_than_the_balance_says_the_balance(cli_shop):
    shop = cli_shop("bakery")  # the template customer has the 20 welcome points
    error = refused(shop, "adjust", "--card", shop.card, "--points", "-25", "--reason", "typo",
                    "--at", "2026-03-06T09:00")
    assert error["code"] == "insufficient_balance"
    assert "20" in error["message"]


# ---- cards ----


def _other_char(char: str) -> str:
    return next(c for c in cards.ALPHABET if c != char)


def test_codes_that_are_not_our_cards_are_refused_and_enroll_nobody(cli_shop):
    """checkout enrolls a genuine unused card; none of these may create a customer or book anything."""
    shop = cli_shop("cafe")
    real = shop.card
    body = 0
    for char in real[len(cards.PREFIX):]:
        body = body * 32 + cards.ALPHABET.index(char)
    key_id = body >> (len(real[len(cards.PREFIX):]) * 5 - 16)  # the first 16 bits: the shop's key id
    other_shop = cards.issue((key_id + 1) % 2**16, secrets.token_bytes(32))
    cases = [
        ("https://example.org", "foreign_code"),
        ("4006381333931", "foreign_code"),  # a product barcode (EAN-13)
        (real[:12] + _other_char(real[12]) + real[13:], "forged"),  # one character of a real card changed
        (other_shop, "unknown_issuer"),  # genuine-looking, but another shop's key
    ]
    problems = []
    for code_text, code in cases:
        error = refused(shop, "checkout", "--card", code_text, "--amount", "3.00", "--at", "2026-03-06T09:00")
        if error["code"] != code:
            problems.append(f"{code_text}: expected {code!r}, got {error}")
    assert not problems, "\n".join(problems)


def test_a_card_of_this_shop_that_is_not_in_use_is_unknown_here(cli_shop):
    """Two copies of one shop share the card key: a card enrolled in one is genuine but unknown in the other."""
    shop = cli_shop("cafe", "a")
    other = cli_shop("cafe", "b")
    unknown = other.run("customer", "enroll", "--name", "Elsewhere")["card"]
    error = refused(shop, "redeem", "--card", unknown, "--reward", "free-coffee", "--at", "2026-03-06T09:00")
    assert error["code"] == "unknown_card"


def test_a_blocked_card_books_nothing(cli_shop):
    shop = cli_shop("bakery")
    blocked = shop.run("customer", "block", "--card", shop.card)
    assert blocked["blocked"] == shop.card

    problems = []
    for args in (
        ("checkout", "--card", shop.card, "--amount", "3.00", "--at", "2026-03-06T10:00"),
        ("redeem", "--card", shop.card, "--reward", "free-bread", "--at", "2026-03-06T10:00"),
        ("adjust", "--card", shop.card, "--points", "5", "--reason", "goodwill", "--at", "2026-03-06T10:00"),
    ):
        error = refused(shop, *args)
        if error["code"] != "card_blocked" or "blocked" not in error["message"]:
            problems.append(f"{args[0]}: expected card_blocked, got {error}")
    assert not problems, "\n".join(problems)


# ---- program files ----


def test_a_typo_in_a_program_key_names_line_and_key_and_keeps_the_old_program(cli_shop, tmp_path):
    shop = cli_shop("cafe")
    cafe = resource("programs", "cafe.toml").read_text(encoding="utf-8")
    typo = tmp_path / "cafe-typo.toml"
    typo.write_text(cafe.replace("min_amount = ", "min_ammount = "), encoding="utf-8")
    error = refused(shop, "program", "load", typo)
    assert error["code"] == "bad_program"
    assert "line 11" in error["message"] and "min_ammount" in error["message"]
    assert "min_amount" in error["message"].replace("min_ammount", "")  # the suggestion

    # A typo inside an array table ([[rewards]], the second one) is found on its line too.
    boutique = resource("programs", "boutique.toml").read_text(encoding="utf-8")
    typo2 = tmp_path / "boutique-typo.toml"
    typo2.write_text(boutique.replace("points = 250", "pionts = 250"), encoding="utf-8")
    error = refused(shop, "program", "load", typo2)
    assert error["code"] == "bad_program"
    line = 1 + typo2.read_text(encoding="utf-8").splitlines().index("pionts = 250")
    assert f"line {line}:" in error["message"] and "pionts" in error["message"]

    shown = shop.run("program", "show")
    assert (shown["version"], shown["name"], shown["source"]) == (1, "Café Sonne", cafe)


def test_a_broken_toml_file_is_refused_with_its_line(cli_shop, tmp_path):
    shop = cli_shop("cafe")
    broken = tmp_path / "broken.toml"
    broken.write_text(resource("programs", "cafe.toml").read_text(encoding="utf-8").replace("[stamps]", "[stamps"),
                      encoding="utf-8")
    error = refused(shop, "program", "load", broken)
    assert error["code"] == "bad_program"
    assert "TOML" in error["message"] and "line 9" in error["message"]


# ---- other mistakes on the command line ----


def test_a_time_that_is_not_iso_8601_is_refused(cli_shop):
    shop = cli_shop("cafe")
    error = refused(shop, "checkout", "--card", shop.card, "--amount", "3.00", "--at", "yesterday")
    assert error["code"] == "bad_time" and "yesterday" in error["message"]


def test_voiding_twice_or_an_unknown_booking_is_refused(cli_shop):
    shop = cli_shop("cafe")
    error = refused(shop, "void", "00000000-0000-0000-0000-000000000000")
    assert error["code"] == "unknown_event"

    booked = shop.checkout("3.00", "2026-03-06T09:00")
    shop.run("void", booked["event_id"], "--at", "2026-03-06T09:01")
    error = refused(shop, "void", booked["event_id"], "--at", "2026-03-06T09:02")
    assert error["code"] == "already_voided"


def test_a_card_number_typed_as_printed_under_the_qr_is_accepted(cli_shop):
    """The card image prints the number in groups of four for typing (cards.grouped): typing it so must work."""
    shop = cli_shop("cafe")
    printed = cards.grouped(shop.card)
    assert " " in printed
    balance = shop.run("balance", "--card", printed)
    assert balance["card"] == shop.card
