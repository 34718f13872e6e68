"""The program file: the samples load, and every mistake is named with its key and line."""

import pytest

from pos_loyalty import program as program_file
from pos_loyalty.paths import resource
from pos_loyalty.program import ProgramError

CAFE = resource("programs", "cafe.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["cafe", "boutique", "salon", "bakery"])
def test_samples_load_in_euro_and_berlin_time(name):
    program = program_file.load(resource("programs", f"{name}.toml"))
    assert (program.currency, program.timezone) == ("EUR", "Europe/Berlin")


def line_of(text, needle):
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize("old, new, key, hint, on_line", [
    ("min_amount = ", "min_ammount = ", "stamps.min_ammount", "did you mean 'min_amount'", "min_ammount"),
    ('min_amount = "2.50"', 'min_amount = "2.505"', "stamps.min_amount", "not a valid EUR amount", "min_amount"),
    ('min_amount = "2.50"', 'min_amount = "zwei"', "stamps.min_amount", "amount like", "min_amount"),
    ("daily_cap = 1", "daily_cap = -1", "stamps.daily_cap", "at least 1", "daily_cap"),
    ("stamps = 10", "stamps = 10\npoints = 5", "rewards[0]", "either stamps or points", "[[rewards]]"),
    ('timezone = "Europe/Berlin"', 'timezone = "Europe/Berlln"', "program.timezone", "unknown time zone", "timezone"),
])
def test_errors_name_key_and_line(old, new, key, hint, on_line):
    text = CAFE.replace(old, new)
    with pytest.raises(ProgramError) as caught:
        program_file.loads(text)
    message = str(caught.value)
    assert key in message and hint in message
    assert message.startswith(f"line {line_of(text, on_line)}:")


def test_broken_toml_names_the_line():
    with pytest.raises(ProgramError, match=r"line 3"):
        program_file.loads('[program]\nname = "x"\ncurrency = EUR\n')


def test_array_tables_are_indexed_in_messages():
    text = resource("programs", "boutique.toml").read_text(encoding="utf-8").replace('multiplier = "1.25"',
                                                                                      'multiplier = "fast"')
    with pytest.raises(ProgramError, match=r"tiers\.levels\[1\]\.multiplier"):
        program_file.loads(text)


def test_tiers_must_rise():
    text = resource("programs", "boutique.toml").read_text(encoding="utf-8").replace('from = "1500.00"',
                                                                                      'from = "100.00"')
    with pytest.raises(ProgramError, match="lowest threshold up"):
        program_file.loads(text)


def test_program_that_earns_nothing_is_refused():
    with pytest.raises(ProgramError, match="earns nothing"):
        program_file.loads('[program]\nname = "Empty"\n')


def test_unreadable_file(tmp_path):
    with pytest.raises(ProgramError, match="cannot read"):
        program_file.load(tmp_path / "missing.toml")
