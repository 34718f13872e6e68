"""Importing customers into a real shop: dry run, one transaction, opening balances in the ledger, duplicates,
and a file imported twice (or again after fixing it) adding no one twice."""

import json
from datetime import datetime, timedelta, timezone

import pytest

from pos_loyalty import importer, privacy
from pos_loyalty.errors import LoyaltyError, Refused, StorageError
from pos_loyalty.importer import example
from pos_loyalty.service import Loyalty

AT = datetime(2026, 3, 2, 17, 30, tzinfo=timezone.utc)
PROGRAM = """
[program]
name = "Backstube"
currency = "EUR"
timezone = "Europe/Berlin"
locale = "de_DE"

[stamps]
per_purchase = 1

[points]
per_unit = 1
unit = "1.00"
expiry_days = 365

[cashback]
percent = 2
min_redeem = "5.00"

[[bonuses]]
kind = "enrollment"
points = 50

[[rewards]]
id = "free-coffee"
name = "Free coffee"
stamps = 10
"""


@pytest.fixture
def shop(tmp_path):
    """A shop whose program holds stamps, points (expiring after a year) and cashback, with a welcome bonus."""
    (tmp_path / "program.toml").write_text(PROGRAM, encoding="utf-8")
    app = Loyalty(tmp_path / "shop")
    app.load_program(tmp_path / "program.toml")
    app.add_staff("Maria", "owner", "1234")
    yield app
    app.close()


def plan_of(app, path, choices=()):
    table = importer.read(path)
    return importer.build(app, table, importer.apply(table.header, importer.guess(table.header), list(choices)))


def write(tmp_path, text, name="kunden.csv", encoding="cp1252"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def balances(app) -> dict:
    return {r["customer_id"]: (r["stamps"], r["points"], r["cashback"])
            for r in app.db.query("SELECT * FROM balances")}


# ---- the file of 10,000 ----

def test_ten_thousand_customers_from_german_excel_with_a_few_bad_rows(shop, tmp_path, snapshot):
    path = tmp_path / "kunden.csv"
    rows = example.write(path, 10_000, bad_rows=14)
    good = [r for r in rows if r.problem is None]
    bad = {(r.line, r.problem) for r in rows if r.problem}
    assert path.read_bytes().count(b";") > 100_000 and "Müller".encode("cp1252") in path.read_bytes()
    maria = shop.staff_member("Maria")
    before = snapshot(shop.data_dir)

    # The dry run: exactly what would happen, nothing written.
    plan = plan_of(shop, path)
    summary = plan.summary()
    assert (summary["encoding"], summary["delimiter"], summary["rows"]) == ("cp1252", ";", 10_000)
    assert summary["new_customers"] == len(good) == 10_000 - 14
    assert summary["opening_stamps"] == sum(r.stamps for r in good)
    assert summary["opening_points"] == sum(r.points for r in good)
    assert summary["opening_cashback"] == f"{sum(r.cashback for r in good) / 100:.2f}"
    assert (summary["bad_rows"], summary["duplicates"], summary["already_imported"]) == (14, 2, 0)
    assert {(p["line"], p["code"]) for p in summary["problems"]} == bad
    assert {p["column"] for p in summary["problems"]} == {"E-Mail", "Geburtstag", "Stempel", "Guthaben",
                                                          "Telefon", "Punkte"}
    assert snapshot(shop.data_dir) == before

    # Rows with problems and no permission to skip them: nothing at all is written.
    with pytest.raises(Refused) as caught:
        importer.run(shop, plan, maria, at=AT)
    assert caught.value.code == "import_has_problems" and "14 row(s)" in caught.value.message
    assert snapshot(shop.data_dir) == before

    # Skipping them, explicitly: exactly the good rows, with their opening balances.
    result = importer.run(shop, plan, maria, skip_bad_rows=True, at=AT)
    assert result.summary()["imported"] == len(good) and result.summary()["skipped"] == 14
    assert [c.line for c in result.cards] == [r.line for r in good]
    assert shop.customer_count() == len(good)
    expected = {card.customer_id: (row.stamps, row.points, row.cashback)
                for card, row in zip(result.cards, good) if row.stamps or row.points or row.cashback}
    assert balances(shop) == expected  # no welcome bonus: an imported customer is not new to the shop
    assert shop.check()["ok"]
    for card, row in list(zip(result.cards, good))[::500]:
        customer = shop.customer(card.customer_id)
        assert (customer["name"], customer["email"], customer["phone"], customer["birthday"],
                bool(customer["consent_email"])) == (row.name, row.email, row.phone, row.birthday, row.consent_email)
        assert customer["card"] == card.card and shop.search(card.card)[0]["id"] == card.customer_id
        assert shop.search(row.old_card.lower())[0]["id"] == card.customer_id  # the old card number finds them

    # The ledger says who carried what over, from which import, and the points expire like earned ones.
    events = shop.db.query("SELECT * FROM events WHERE kind = 'opening'")
    assert len(events) == len(expected)
    assert {(e["staff_id"], e["reason"], json.loads(e["detail"])["import"]) for e in events} == {
        (maria.id, "Opening balance", result.import_id)}
    assert {e["expires_at"] for e in events if e["points"]} == {"2027-03-02T17:30:00.000000Z"}
    assert not [e for e in events if not e["points"] and e["expires_at"]]
    assert shop.db.scalar("SELECT COUNT(*) FROM events WHERE kind = 'enroll' AND staff_id = ?", (maria.id,)) == len(
        good)
    history = shop.history(result.cards[0].customer_id)
    assert [(h["kind"], h["reason"]) for h in history][0] == ("opening", "Opening balance")

    # The same file again: recognised, and no one is added twice.
    after = snapshot(shop.data_dir)
    again = plan_of(shop, path)
    assert again.summary()["previous_import"]["id"] == result.import_id
    assert (len(again.customers), len(again.already_imported)) == (0, len(good))
    assert {i for _, i in again.already_imported} == {result.import_id}
    second = importer.run(shop, again, maria, skip_bad_rows=True, at=AT + timedelta(hours=1))
    assert second.cards == [] and shop.customer_count() == len(good)
    now = snapshot(shop.data_dir)
    for table in ("customers", "cards", "events", "balances", "imported_customers"):
        assert now[f"loyalty.db:{table}"] == after[f"loyalty.db:{table}"], table


def test_after_fixing_the_bad_rows_only_they_are_imported(shop, tmp_path):
    path = tmp_path / "kunden.csv"
    rows = example.write(path, 300, bad_rows=7)
    maria = shop.staff_member("Maria")
    first = importer.run(shop, plan_of(shop, path), maria, skip_bad_rows=True)
    problems = importer.write_problems(tmp_path / "probleme.csv", first.plan)

    # The list of problems is the bad rows as they were, with their line and what is wrong: fix it, import it.
    fixes = {"anna.weber(at)example.org": "anna.weber@example.org", "31.02.1985": "28.02.1985", "-3": "3",
             "zwölf": "12,00", "4,91512E+11": "+49 151 20000000", "12,5": "12"}
    table = importer.read(problems)
    assert table.header[-2:] == ("Line", "Problem") and len(table.records) == 7
    assert [dict(zip(table.header, cells))["Line"] for _, cells in table.records] == [
        str(r.line) for r in rows if r.problem]
    fixed = problems.read_text(encoding="utf-8-sig")
    for wrong, right in fixes.items():
        fixed = fixed.replace(wrong, right)
    problems.write_text(fixed, encoding="utf-8-sig")
    second = importer.run(shop, plan_of(shop, problems), maria, skip_bad_rows=True)
    assert len(second.cards) == 6  # the duplicate stays out: it is the customer of the line before
    assert [p.code for p in second.plan.problems] == ["existing_customer"]
    assert shop.customer_count() == 300 - 1
    # And the original file once more: everyone is in.
    third = plan_of(shop, path)
    assert (len(third.customers), len(third.already_imported)) == (0, 300 - 7)
    assert shop.check()["ok"]


# ---- all or nothing ----

def test_a_cancel_midway_leaves_no_row(shop, tmp_path, snapshot):
    path = tmp_path / "kunden.csv"
    example.write(path, 3000)
    before = snapshot(shop.data_dir)
    seen = []

    def cancel_at_half(done, total):
        seen.append(done)
        if done >= total // 2:
            raise importer.Cancelled("Cancelled.")

    with pytest.raises(importer.Cancelled):
        importer.run(shop, plan_of(shop, path), shop.staff_member("Maria"), progress=cancel_at_half)
    assert seen[-1] == 1500 and seen[:3] == [0, 100, 200]
    assert snapshot(shop.data_dir) == before


def test_a_full_disk_midway_leaves_no_row_and_the_shop_works_on(shop, tmp_path, snapshot):
    path = tmp_path / "kunden.csv"
    example.write(path, 3000)
    plan = plan_of(shop, path)
    before = snapshot(shop.data_dir)
    pages = shop.db.scalar("PRAGMA page_count")
    shop.db.conn.execute(f"PRAGMA max_page_count = {pages + 200}")  # room for a few hundred customers only
    with pytest.raises(StorageError) as caught:
        importer.run(shop, plan, shop.staff_member("Maria"))
    assert caught.value.code == "disk_full"
    assert snapshot(shop.data_dir) == before
    shop.db.conn.execute("PRAGMA max_page_count = 1073741823")
    assert len(importer.run(shop, plan, shop.staff_member("Maria")).cards) == 3000
    assert shop.check()["ok"]


# ---- duplicates ----

def test_duplicates_in_the_file_and_customers_the_shop_has(shop, tmp_path):
    staff = shop.system_staff()
    shop.enroll(staff, name="Anna Müller", email="anna@example.org")
    shop.enroll(staff, name="Ben Weber", phone="0151 2345678")
    path = write(tmp_path, "Name;E-Mail;Telefon;Karte;Stempel\n"
                           "ANNA MÜLLER;Anna@Example.org;;;1\n"  # 2 the shop has her
                           "Karl Müller;anna@example.org;;;1\n"  # 3 her husband, same address: a customer of his own
                           "Ben Weber;;+49 151 2345678;;1\n"     # 4 the shop has him (with a country code)
                           "Clara Beck;clara@example.org;;K1;2\n"
                           "Clara Beck;clara@example.org;;K2;2\n"  # 6 written twice
                           ";clara@example.org;;;2\n"              # 7 no name, same address: her again
                           "Dora;;;k 1;1\n"                        # 8 card K1 twice
                           "Emil;;0170 999999;;1\n"
                           "Emil;;0049 170 999999;;1\n")          # 10 his phone again
    plan = plan_of(shop, path)
    assert [(p.line, p.code, p.column, p.ref) for p in plan.problems] == [
        (2, "existing_customer", "E-Mail", "Anna Müller"), (4, "existing_customer", "Telefon", "Ben Weber"),
        (6, "same_as_line", "E-Mail", "5"), (7, "same_as_line", "E-Mail", "5"), (8, "card_twice", "Karte", "5"),
        (10, "same_as_line", "Telefon", "9")]
    assert [c.line for c in plan.customers] == [3, 5, 9]
    result = importer.run(shop, plan, staff, skip_bad_rows=True)
    assert [c.name for c in result.cards] == ["Karl Müller", "Clara Beck", "Emil"]
    # A card number is the row's identity: under another name (married since) it is the customer imported before.
    later = plan_of(shop, write(tmp_path, "Name;Karte\nClara Schmidt;K1\n", "later.csv"))
    assert (later.problems, later.customers, later.already_imported) == ([], [], [(2, result.import_id)])


def test_rows_without_anyone_to_recognise_or_with_more_fields_than_the_header(shop, tmp_path):
    path = write(tmp_path, "Name;Stempel\n;4\nAnna;2;oops\nBen;1\n")
    plan = plan_of(shop, path)
    assert [(p.line, p.code, p.column) for p in plan.problems] == [(2, "no_identity", None),
                                                                   (3, "too_many_fields", None)]
    assert "1 more field(s)" in plan.problems[1].message


def test_balances_the_program_cannot_hold_refuse_the_file(make_shop, tmp_path):
    cafe = make_shop("cafe")  # stamps only
    path = write(tmp_path, "Name;Stempel;Punkte;Guthaben\nAnna;3;;\nBen;1;;2,50\n")
    with pytest.raises(importer.ImportFileError) as caught:
        plan_of(cafe, path)
    assert caught.value.code == "program_has_no_cashback" and "Line 3" in caught.value.message
    plan = plan_of(cafe, path, ["Guthaben=ignore"])  # or leave the column out
    assert [c.stamps for c in plan.customers] == [3, 1]


def test_an_old_card_number_leads_to_the_account_it_was_merged_into(shop, tmp_path):
    path = write(tmp_path, "Name;Kartennummer;Stempel\nAnna;A-17;3\n")
    staff = shop.system_staff()
    (card,) = importer.run(shop, plan_of(shop, path), staff).cards
    other, _, _ = shop.enroll(staff, name="Anna M.")
    shop.merge(staff, card.customer_id, other)
    assert [c["id"] for c in shop.search("a-17")] == [other]
    assert shop.balance_of(other).stamps == 3


def test_an_imported_customer_export_shows_the_old_card_and_erasure_forgets_it(shop, tmp_path):
    path = write(tmp_path, "Name;Kartennummer;Stempel\nAnna Alt;A-17;3\n")
    maria = shop.staff_member("Maria")
    result = importer.run(shop, plan_of(shop, path), maria)
    (card,) = result.cards
    exported = privacy.export(shop, card.customer_id, maria)
    assert [(i["import_id"], i["file_name"], i["line"], i["old_card"]) for i in exported["imported"]] == [
        (result.import_id, "kunden.csv", 2, "A-17")]

    privacy.erase(shop, card.customer_id, maria, "asked by letter")
    assert shop.search("a-17") == []
    assert privacy.export(shop, card.customer_id, maria)["imported"][0]["old_card"] is None
    # The old file once more does not bring the erased customer back.
    again = plan_of(shop, path)
    assert (len(again.customers), len(again.already_imported)) == (0, 1)


def test_cards_of_an_import_and_the_list_of_imports(shop, tmp_path):
    path = write(tmp_path, "Name;Karte\nAnna;1\nBen;2\n")
    maria = shop.staff_member("Maria")
    result = importer.run(shop, plan_of(shop, path), maria)
    anna = result.cards[0]
    new_card = shop.reissue_card(anna.customer_id)
    cards = importer.cards_of(shop, result.import_id)
    assert [(c.line, c.name, c.card, c.old_card) for c in cards] == [(2, "Anna", new_card, "1"),
                                                                      (3, "Ben", result.cards[1].card, "2")]
    out = importer.write_cards(tmp_path / "karten.csv", cards)
    assert out.read_text(encoding="utf-8-sig").splitlines() == [
        "Line;Name;Card;Old card", f"2;Anna;{new_card};1", f"3;Ben;{result.cards[1].card};2"]
    (listed,) = importer.imports(shop)
    assert (listed["id"], listed["file"], listed["staff"], listed["summary"]["new_customers"]) == (
        result.import_id, "kunden.csv", "Maria", 2)
    with pytest.raises(LoyaltyError) as caught:
        importer.cards_of(shop, "nope")
    assert caught.value.code == "unknown_import"


def test_an_opening_balance_is_not_undone_like_a_purchase(shop, tmp_path):
    path = write(tmp_path, "Name;Punkte\nAnna;100\n")
    (card,) = importer.run(shop, plan_of(shop, path), shop.system_staff()).cards
    (event,) = shop.db.query("SELECT id FROM events WHERE kind = 'opening'")
    with pytest.raises(Refused) as caught:
        shop.void(shop.system_staff(), event["id"])
    assert caught.value.code == "not_voidable"
    with pytest.raises(LoyaltyError):
        shop.open_balance(shop.system_staff(), card.customer_id, 0, -5, 0, {})
