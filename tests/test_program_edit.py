"""The program editor's core: the file round-trips through the editor, edits touch only their key, program.py judges,
versions are kept, and the preview earns exactly what a checkout books."""

import difflib
from dataclasses import replace
from datetime import date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from pos_loyalty import program as program_file
from pos_loyalty.errors import NotFound, Refused
from pos_loyalty.paths import resource
from pos_loyalty.program import BONUS_KINDS, ProgramError
from pos_loyalty.program_edit import (BONUSES, LEVELS, REFERRER, REWARDS, ProgramDocument, new_bonus, new_reward,
                                      new_section, new_tier, preview, typed)
from pos_loyalty.rules import Item
from pos_loyalty.staff import StaffMember

SAMPLES = ("cafe", "boutique", "salon", "bakery")
BERLIN = ZoneInfo("Europe/Berlin")
TUESDAY_1730 = datetime(2026, 3, 3, 17, 30, tzinfo=BERLIN)
SATURDAY_1000 = datetime(2026, 3, 7, 10, 0, tzinfo=BERLIN)


def sample(name: str) -> str:
    return resource("programs", f"{name}.toml").read_text(encoding="utf-8")


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


# ---- the file round-trips ----

@pytest.mark.parametrize("name", SAMPLES)
def test_every_sample_comes_back_byte_for_byte(name):
    text = sample(name)
    doc = ProgramDocument(text)
    assert doc.text == text
    assert doc.check() == program_file.loads(text)


@pytest.mark.parametrize("name, path, value, line, expect", [
    ("cafe", ("stamps", "min_amount"), "2.60", 'min_amount = "2.60"   # smaller purchases earn no stamp',
     lambda p: replace(p, stamps=replace(p.stamps, min_amount=260))),
    ("cafe", ("rewards", 0, "stamps"), 8, "stamps = 8", lambda p: replace(p, rewards=(replace(p.rewards[0],
                                                                                            cost_stamps=8),))),
    ("boutique", ("tiers", "levels", 1, "multiplier"), "1.3", 'multiplier = "1.3"',
     lambda p: replace(p, tiers=replace(p.tiers, levels=(p.tiers.levels[0], replace(p.tiers.levels[1],
                                                                                       multiplier=Fraction(13, 10)),
                                                           p.tiers.levels[2])))),
    ("boutique", ("points", "expiry_days"), 180,
     "expiry_days = 180     # points expire 365 days after they were earned, oldest first",
     lambda p: replace(p, points=replace(p.points, expiry_days=180))),
    ("salon", ("cashback", "percent"), "3", 'percent = "3"         # 5 % of every purchase, rounded down to the cent',
     lambda p: replace(p, cashback=replace(p.cashback, percent=Fraction(3)))),
    ("bakery", ("bonuses", 2, "end"), "18:30", 'end = "18:30"', None),
    ("bakery", ("bonuses", 0, "items"), ["BIO-*", "ORGANIC-*"],
     'items = ["BIO-*", "ORGANIC-*"]     # items whose code starts with BIO- earn double points on their price', None),
    ("bakery", ("rewards", 0, "name_de"), "Brot gratis", 'name_de = "Brot gratis"',
     lambda p: replace(p, rewards=(replace(p.rewards[0], names=(("de", "Brot gratis"),)),))),
])
def test_an_edit_changes_only_its_value_and_keeps_the_comment(name, path, value, line, expect):
    text = sample(name)
    doc = ProgramDocument(text)
    doc.set(path, value)
    assert [d[2:] for d in changed_lines(text, doc.text) if d[0] == "+"] == [line]
    assert len(changed_lines(text, doc.text)) == 2  # one line out, one in
    edited = doc.check()
    if expect:
        assert edited == expect(program_file.loads(text))
    assert program_file.loads(doc.text) == edited and doc.get(path) == value


def test_setting_the_same_value_again_changes_nothing():
    text = sample("bakery")
    doc = ProgramDocument(text)
    doc.set(("points", "unit"), "1.00")
    doc.set(("stamps", "per_purchase"), 1)
    assert doc.text == text


def test_a_new_name_in_another_language_goes_under_the_name():
    doc = ProgramDocument(sample("salon").replace('name_de = "Empfehlung"   # the name when the app runs in German\n',
                                                  ""))
    doc.set(("bonuses", 0, "name_de"), "Empfehlung")
    doc.set(("bonuses", 0, "name_fr"), "Recommandation")
    lines = doc.text.splitlines()
    at = lines.index('name = "Recommendation"')
    assert lines[at + 1:at + 3] == ['name_de = "Empfehlung"', 'name_fr = "Recommandation"']
    assert doc.check().bonuses[0].name_in("fr") == "Recommandation"


def test_an_empty_field_removes_the_key_and_its_default_applies():
    text = sample("cafe")
    doc = ProgramDocument(text)
    doc.set(("stamps", "daily_cap"), None)
    assert "daily_cap" not in doc.text and doc.check().stamps.daily_cap is None
    doc.set(("stamps", "daily_cap"), None)  # twice is fine
    doc.set(("stamps", "daily_cap"), 2)
    assert doc.check().stamps.daily_cap == 2


def test_what_the_owner_types_becomes_a_file_value():
    assert typed("count", " 12 ") == 12
    assert typed("count", "zwölf") == "zwölf"  # stays text: the parser names the mistake
    assert typed("money", "2,50") == "2.50" and typed("money", "2.50") == "2.50"
    assert typed("money", "1.000,50") == "1.000,50"
    assert typed("ratio", "1,25") == "1.25"
    assert typed("patterns", "BIO-*, ROLL  CAKE") == ["BIO-*", "ROLL", "CAKE"]
    assert typed("text", "  ") is None and typed("count", "") is None


@pytest.mark.parametrize("path, value, reason", [
    (("stamps", "per_purchase"), "x", "must be a whole number, got 'x'"),
    (("stamps", "min_amount"), "2.505", "2.505 is not a valid EUR amount"),
    (("stamps", "count"), "item", 'is required when count = "item"'),
    (("rewards", 0, "id"), "Free Coffee",
     "'Free Coffee': use lowercase letters, digits and dashes (and not 'cashback')"),
    (("rewards", 0, "name_de"), "", "must be text, got ''"),
])
def test_the_parser_names_the_key_a_mistake_is_in(path, value, reason):
    doc = ProgramDocument(sample("cafe"))
    doc.set(path, value)
    with pytest.raises(ProgramError) as caught:
        doc.check()
    assert caught.value.path == (path[:-1] + ("items",) if path[-1] == "count" else path)
    assert caught.value.reason == reason


def test_not_toml_at_all_is_a_program_error():
    with pytest.raises(ProgramError, match="not a valid TOML file"):
        ProgramDocument('[program]\nname = "x\n')


# ---- sections and rows ----

def test_a_section_switched_off_and_on_again_comes_back_as_it_was():
    text = sample("cafe")
    doc = ProgramDocument(text)
    doc.set_enabled("stamps", False)
    assert "[stamps]" not in doc.text
    with pytest.raises(ProgramError, match="no \\[stamps\\] section"):
        doc.check()
    doc.set_enabled("stamps", True, new_section("stamps"))
    assert doc.text == text


def test_a_new_section_goes_where_a_reader_expects_it():
    doc = ProgramDocument(sample("cafe"))
    doc.set_enabled("points", True, new_section("points"))
    doc.set_enabled("sync", True, new_section("sync"))
    doc.set_enabled("tiers", True, new_section("tiers"))
    doc.add_row(LEVELS, new_tier(None, "spend"))
    program = doc.check()
    assert (program.points.per_unit, program.points.unit) == (1, 100)
    assert [t.name_in("de") for t in program.tiers.levels] == ["Neue Stufe"]
    headers = [line for line in doc.text.splitlines() if line.startswith("[")]
    assert headers == ["[program]", "[stamps]", "[points]", "[tiers]", "[[tiers.levels]]", "[[rewards]]", "[sync]"]
    assert "\n\n[points]\n" in doc.text and "\n\n[sync]\n" in doc.text  # a blank line before each section


def test_whatever_is_added_is_laid_out_like_the_samples():
    doc = ProgramDocument(sample("cafe"))
    doc.add_row(REWARDS, new_reward(doc.check(), ["free-coffee"]))
    doc.set_enabled("sync", True, new_section("sync"))
    doc.set_enabled("points", True, new_section("points"))
    for kind in ("happy_hour", "birthday"):
        doc.add_row(BONUSES, new_bonus(kind, doc.check()))
    doc.set_enabled("tiers", True, new_section("tiers"))
    for _ in range(2):
        doc.add_row(LEVELS, new_tier(doc.check() if doc.rows(LEVELS) else None, "spend"))
    lines = doc.text.splitlines()
    assert "\n\n\n" not in doc.text and doc.text.endswith("\n") and not doc.text.endswith("\n\n")
    assert all(lines[n - 1] == "" for n, line in enumerate(lines) if line.startswith("[") and n > 2)
    assert len(doc.check().tiers.levels) == 2 and len(doc.check().bonuses) == 2


def test_rows_are_added_and_removed():
    text = sample("boutique")
    doc = ProgramDocument(text)
    program = doc.check()
    assert doc.rows(LEVELS) == 3 and doc.rows(REWARDS) == 2 and doc.rows(BONUSES) == 1
    assert doc.add_row(LEVELS, new_tier(program, "spend")) == 3
    assert doc.check().tiers.levels[3].threshold == 300000  # twice the highest
    doc.remove_row(LEVELS, 3)
    assert doc.text == text
    assert doc.add_row(REWARDS, new_reward(program, ["ten-off", "tote-bag"])) == 2
    added = doc.check().rewards[2]
    assert (added.id, added.cost_points, added.name_in("de")) == ("reward-1", 100, "Neue Prämie")
    doc.remove_row(REWARDS, 0)
    assert [r.id for r in doc.check().rewards] == ["tote-bag", "reward-1"]
    doc.remove_row(BONUSES, 0)
    assert "[[bonuses]]" not in doc.text and doc.check().bonuses == ()


@pytest.mark.parametrize("name, where", [("cafe", REWARDS), ("bakery", BONUSES), ("bakery", REWARDS),
                                         ("boutique", LEVELS), ("salon", BONUSES)])
def test_a_row_added_and_removed_again_gives_the_file_back(name, where):
    text = sample(name)
    doc = ProgramDocument(text)
    program = doc.check()
    values = {LEVELS: new_tier(program, "spend"), BONUSES: new_bonus("birthday", program),
              REWARDS: new_reward(program, [r.id for r in program.rewards])}[where]
    doc.remove_row(where, doc.add_row(where, values))
    assert doc.text == text


def test_the_first_bonus_of_a_program_goes_before_its_rewards():
    doc = ProgramDocument(sample("cafe"))
    doc.add_row(BONUSES, new_bonus("enrollment", doc.check()))
    assert doc.check().bonuses_of("enrollment")[0].stamps == 1  # a stamp card: a stamp as the welcome gift
    assert doc.text.index("[[bonuses]]") < doc.text.index("[[rewards]]")


@pytest.mark.parametrize("kind", BONUS_KINDS)
def test_a_new_bonus_of_every_kind_is_a_working_example(kind):
    doc = ProgramDocument(sample("bakery"))
    index = doc.add_row(BONUSES, new_bonus(kind, doc.check()))
    if kind == "item":  # which items is the owner's to say
        with pytest.raises(ProgramError) as caught:
            doc.check()
        assert caught.value.path == ("bonuses", index, "items")
        doc.set(("bonuses", index, "items"), ["CAKE-*"])
    assert doc.check().bonuses[index].kind == kind


def test_a_bonus_must_give_what_the_program_has():
    doc = ProgramDocument(sample("cafe"))
    doc.add_row(BONUSES, new_bonus("referral", doc.check()))  # a stamp card has no points to give
    with pytest.raises(ProgramError) as caught:
        doc.check()
    assert caught.value.path == ("bonuses", 0, "points")
    assert caught.value.reason == "gives points, but the program has no [points] section"


# ---- names in the customer's language ----

def test_names_in_other_languages_and_the_fallback():
    program = program_file.loads(sample("boutique"))
    silver = program.tiers.levels[1]
    assert (silver.name_in("de"), silver.name_in("en"), silver.name_in("fr")) == ("Silber", "Silver", "Silver")
    assert program.name_in("Silver", "de") == "Silber" and program.name_in("Birthday", "de") == "Geburtstag"
    assert program.name_in("Tote bag", "de") == "Stofftasche" and program.name_in("Unknown", "de") == "Unknown"
    old = sample("cafe").replace('name_de = "Gratis-Kaffee"   # the name when the app runs in German\n', "")
    assert program_file.loads(old).rewards[0].name_in("de") == "Free coffee"  # files without names stay valid


@pytest.mark.parametrize("key, hint", [("name_deu", "did you mean 'name'"), ("title_de", "known keys")])
def test_only_two_letter_languages_are_names(key, hint):
    text = sample("cafe").replace('name_de = "Gratis-Kaffee"', f'{key} = "Gratis-Kaffee"')
    with pytest.raises(ProgramError, match=hint):
        program_file.loads(text)


# ---- versions ----

def owner() -> StaffMember:
    return StaffMember("owner-id", "Maria", "owner")


def test_saving_creates_a_version_and_bookings_keep_theirs(make_shop):
    app = make_shop("cafe")
    maria = app.add_staff("Maria", "owner", "1234")
    staff = app.system_staff()
    _, card, _ = app.enroll(staff)
    before = app.checkout(staff, card, 300, at=TUESDAY_1730)
    doc = ProgramDocument(app.program.source)
    doc.set(("stamps", "per_purchase"), 2)
    doc.set(("stamps", "daily_cap"), None)
    assert app.save_program_source(doc.text, maria) == 2
    assert app.program_version == 2 and app.program.stamps.per_purchase == 2
    after = app.checkout(staff, card, 300, at=TUESDAY_1730 + timedelta(minutes=5))
    assert (before.stamps, after.stamps) == (1, 2)
    versions = dict(app.db.query("SELECT id, program_version FROM events WHERE kind = 'purchase'"))
    assert versions == {before.event_id: 1, after.event_id: 2}
    listed = app.program_versions()
    assert [(v["version"], v["name"], v["staff"], v["origin"]) for v in listed] == [
        (2, "Café Sonne", "Maria", None), (1, "Café Sonne", "Command line", None)]
    assert listed[0]["loaded_at"].tzinfo is not None
    assert app.program_source(2) == doc.text and app.program_source(1) == sample("cafe")


def test_an_invalid_or_unchanged_program_stores_nothing(make_shop):
    app = make_shop("cafe")
    with pytest.raises(ProgramError):
        app.save_program_source(sample("cafe").replace('min_amount = "2.50"', 'min_amount = "zwei"'), owner())
    assert app.save_program_source(sample("cafe"), owner()) == 1  # the same text: still version 1
    assert [v["version"] for v in app.program_versions()] == [1]


def test_only_the_owner_changes_the_program(make_shop):
    app = make_shop("cafe")
    with pytest.raises(Refused) as caught:
        app.save_program_source(sample("bakery"), StaffMember("c", "Jonas", "cashier"))
    assert caught.value.code == "not_owner" and app.program_version == 1


def test_restoring_an_old_version_makes_it_the_newest(make_shop):
    app = make_shop("cafe")
    app.save_program_source(sample("bakery"), owner())
    assert app.program.name == "Bäckerei Korn"
    assert app.restore_program(1, owner()) == 3
    assert app.program.name == "Café Sonne" and app.program.source == sample("cafe")
    assert [v["version"] for v in app.program_versions()] == [3, 2, 1]
    with pytest.raises(NotFound):
        app.restore_program(9, owner())


# ---- the preview earns what a checkout books ----

SCENARIOS = [
    # program, amount, items, at, tier, birthday, new customer, referred
    ("cafe", 320, (), TUESDAY_1730, None, False, False, False),
    ("cafe", 200, (), TUESDAY_1730, None, False, True, False),  # below the minimum: no stamp
    ("bakery", 1250, (), TUESDAY_1730, None, False, False, False),  # happy hour
    ("bakery", 1250, (Item("BIO-BREAD", 420), Item("ROLL")), TUESDAY_1730, None, False, True, False),
    ("bakery", 1250, (Item("BIO-BREAD", 420),), SATURDAY_1000, None, False, False, False),
    ("boutique", 1250, (), TUESDAY_1730, "Silver", False, False, False),
    ("boutique", 9999, (), SATURDAY_1000, "Gold", True, False, False),
    ("boutique", 4000, (), SATURDAY_1000, None, True, True, False),
    ("salon", 4999, (), TUESDAY_1730, None, False, False, True),
    ("salon", 4999, (), TUESDAY_1730, None, True, True, False),
]


@pytest.mark.parametrize("name, amount, items, at, tier, birthday, new, referred", SCENARIOS)
def test_preview_earns_what_a_checkout_books(make_shop, name, amount, items, at, tier, birthday, new, referred):
    app = make_shop(name)
    staff = app.system_staff()
    earned = preview(app.program, amount, at, items, tier=tier, birthday=birthday, new_customer=new,
                     referred=referred)
    referrer = app.enroll(staff, at=at - timedelta(days=60))[1] if referred else None
    born = at.date().replace(year=at.year - 30).isoformat() if birthday else None
    # A new customer is enrolled at the counter just before the first purchase (the welcome bonus comes with it).
    _, card, _ = app.enroll(staff, birthday=born, referred_by=referrer, at=at if new else at - timedelta(days=60))
    opening = app.balance(card)
    if tier:  # a customer who reached the tier with earlier spend
        threshold = next(t.threshold for t in app.program.tiers.levels if t.name == tier)
        app.checkout(staff, card, threshold, at=at - timedelta(days=30))
        opening = app.balance(card)
    receipt = app.checkout(staff, card, amount, items=list(items), at=at)
    after = app.balance_of(receipt.balance.customer_id)
    start = (0, 0, 0) if new else (opening.stamps, opening.points, opening.cashback)
    assert (earned.stamps, earned.points, earned.cashback) == (after.stamps - start[0], after.points - start[1],
                                                               after.cashback - start[2])
    assert (receipt.stamps, receipt.points, receipt.cashback) == tuple(
        getattr(earned, unit) - sum(getattr(b, unit) for b in earned.bonuses if b.detail.get("bonus") == "enrollment")
        for unit in ("stamps", "points", "cashback"))
    booked = [(b["name"], b["stamps"], b["points"], b["cashback"], b["customer"] is not None)
              for b in receipt.bonuses]
    assert booked == [(b.reason, b.stamps, b.points, b.cashback, b.customer == REFERRER) for b in earned.bonuses
                      if b.detail.get("bonus") != "enrollment"]
    assert earned.tier == (tier or (app.program.tiers.levels[0].name if app.program.tiers else None))


def test_preview_names_the_multipliers_at_work():
    program = program_file.loads(sample("bakery"))
    earned = preview(program, 1250, TUESDAY_1730, (Item("BIO-BREAD", 420),))
    assert earned.multipliers == (("Organic", "BIO-BREAD", "2"), ("Happy hour", "", "2"))
    assert earned.points == (1250 + 420) * 2 // 100
    assert preview(program, 1250, SATURDAY_1000).multipliers == ()
    assert date(2026, 3, 3).weekday() == 1  # TUESDAY_1730 is a Tuesday
