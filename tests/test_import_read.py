"""Reading customer files as shops have them, guessing what each column holds, and judging every cell."""

from datetime import date

import pytest

from pos_loyalty.importer import ImportFileError, apply, check, guess, parse, read
from pos_loyalty.importer import values
from pos_loyalty.importer.values import Invalid

TODAY = date(2026, 3, 2)


# ---- the file ----

def test_german_excel_semicolons_and_windows_1252():
    data = "Vorname;Nachname;Guthaben\r\nJürgen;Groß;12,50\r\nRenée;Weiß;\r\n".encode("cp1252")
    table = parse(data, "kunden.csv")
    assert (table.encoding, table.delimiter) == ("cp1252", ";")
    assert table.header == ("Vorname", "Nachname", "Guthaben")
    assert table.records == ((2, ("Jürgen", "Groß", "12,50")), (3, ("Renée", "Weiß", "")))


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b"")])
def test_utf8_with_or_without_bom_and_utf16_with_commas_or_tabs(encoding, bom):
    for delimiter in (",", "\t"):
        text = delimiter.join(["Name", "Email", "Stamps"]) + "\n" + delimiter.join(["Zoë Ünal", "zoe@example.org",
                                                                                    "3"]) + "\n"
        table = parse(bom + text.encode(encoding))
        assert table.delimiter == delimiter
        assert table.header == ("Name", "Email", "Stamps")  # no BOM left in the first title
        assert table.records == ((2, ("Zoë Ünal", "zoe@example.org", "3")),)


def test_quoted_fields_keep_separators_quotes_and_line_breaks_and_lines_count_from_the_file():
    data = ('Name;Notes;Stamps\n'
            '"Weber; Anna";"says ""hi""";2\n'
            '"Ben";"two\nlines";3\n'
            '\n'
            ';;\n'  # Excel's empty formatted row
            'Clara;;4\n').encode()
    table = parse(data)
    assert table.records == ((2, ("Weber; Anna", 'says "hi"', "2")), (3, ("Ben", "two\nlines", "3")),
                             (7, ("Clara", "", "4")))


def test_excels_sep_line_trailing_separators_short_and_long_rows():
    table = parse(b"sep=,\nName,Stamps,,\nAnna,1\nBen,2,,\nCarl,3,x,y\n")
    assert table.delimiter == "," and table.header == ("Name", "Stamps")
    assert [values for _, values in table.records] == [("Anna", "1"), ("Ben", "2"), ("Carl", "3")]
    assert table.extra == {5: 2}  # two values beyond the header on line 5


def test_text_is_normalised_and_trimmed():
    table = parse("Name;Phone\n  Mu\u0308ller\u00a0 ;\u00a00151 123456 \n".encode())  # a Mac's ü, Excel's nbsp
    assert table.records == ((2, ("Müller", "0151 123456")),)


@pytest.mark.parametrize("data, code", [
    (b"", "empty_file"),
    (b"Name;Email\n", "no_rows"),
    (b"Name;Email\n;\n\n", "no_rows"),
    (b";;\nAnna;x\n", "no_header"),
    (b"Name;name\nAnna;Ben\n", "duplicate_column"),
    (b"PK\x03\x04\x00\x00\x08\x00 an xlsx workbook", "not_csv"),
])
def test_files_that_are_not_customer_lists_are_refused_with_a_reason(data, code):
    with pytest.raises(ImportFileError) as caught:
        parse(data, "kunden.csv")
    assert caught.value.code == code and "kunden.csv" in caught.value.message


def test_missing_files_and_folders_are_refused(tmp_path):
    for path, code in ((tmp_path / "nope.csv", "file_not_found"), (tmp_path, "file_not_found")):
        with pytest.raises(ImportFileError) as caught:
            read(path)
        assert caught.value.code == code


# ---- the columns ----

def test_german_headers_are_recognised():
    header = ("Kundennr.", "Anrede", "Vorname", "Name", "E-Mail-Adresse", "Handy", "Geb.-Datum", "Stempel",
              "Bonuspunkte", "Guthaben (€)", "E-Mail-Einwilligung", "Notizen")
    assert guess(header) == {0: "old_card", 2: "first_name", 3: "last_name",  # "Name" beside "Vorname"
                             4: "email", 5: "phone", 6: "birthday", 7: "stamps", 8: "points", 9: "cashback",
                             10: "consent_email"}


def test_english_headers_are_recognised_and_each_field_taken_once():
    header = ("Customer", "E-mail", "Mobile phone", "Date of birth", "Stamps", "Points", "Credit",
              "Card number", "Newsletter", "Email 2")
    assert guess(header) == {0: "name", 1: "email", 2: "phone", 3: "birthday", 4: "stamps", 5: "points",
                             6: "cashback", 7: "old_card", 8: "consent_email"}


def test_explicit_choices_override_the_guess_by_title_or_number():
    header = ("Name", "Mail", "Notizen", "Nr")
    mapping = apply(header, guess(header), ["notizen=email", "4=old_card", "Name=first_name"])
    assert mapping == {0: "first_name", 2: "email", 3: "old_card"}  # the guessed 'Mail' gave way
    assert apply(header, mapping, ["Mail=ignore"]) == mapping
    assert apply(header, mapping, ["Name=ignore", "Mail=name"]) == {1: "name", 2: "email", 3: "old_card"}


@pytest.mark.parametrize("choice, code, says", [
    ("Telefon=phone", "unknown_column", "'Name', 'Mail'"),
    ("Name=vorname", "unknown_field", "first_name"),
    ("Name", "bad_mapping", "COLUMN=FIELD"),
])
def test_wrong_choices_say_what_there_is(choice, code, says):
    with pytest.raises(ImportFileError) as caught:
        apply(("Name", "Mail"), {}, [choice])
    assert caught.value.code == code and says in caught.value.message


@pytest.mark.parametrize("mapping, code", [
    ({0: "email", 1: "email"}, "mapped_twice"),
    ({0: "name", 1: "first_name"}, "name_and_parts"),
    ({0: "stamps", 1: "birthday"}, "nothing_to_identify"),
])
def test_mappings_that_cannot_work_are_refused(mapping, code):
    with pytest.raises(ImportFileError) as caught:
        check(("A", "B"), mapping)
    assert caught.value.code == code


# ---- the cells ----

@pytest.mark.parametrize("text, iso", [
    ("23.04.1990", "1990-04-23"), ("3.4.1990", "1990-04-03"), ("1990-04-23", "1990-04-23"),
    ("23/04/1990", "1990-04-23"), ("23.04.90", "1990-04-23"), ("01.02.05", "2005-02-01"),
    ("23.04.1990 00:00", "1990-04-23"), ("1990-04-23 00:00:00", "1990-04-23"), ("29.02.2000", "2000-02-29"),
])
def test_birthdays_as_people_and_excel_write_them(text, iso):
    assert values.birthday(text, TODAY) == iso


@pytest.mark.parametrize("text, code", [
    ("31.02.1985", "impossible_date"), ("29.02.2001", "impossible_date"), ("1990-13-01", "impossible_date"),
    ("04/23/1990", "impossible_date"), ("23. April 1990", "bad_date"), ("1990", "bad_date"),
    ("01.01.2027", "implausible_birthday"), ("01.01.1899", "implausible_birthday"),
])
def test_dates_that_are_no_birthdays(text, code):
    with pytest.raises(Invalid) as caught:
        values.birthday(text, TODAY)
    assert (caught.value.code, caught.value.value) == (code, text)


@pytest.mark.parametrize("text, count", [("", 0), ("0", 0), ("7", 7), ("+7", 7), ("12,0", 12), ("12.00", 12),
                                         ("1.234", 1234), ("1,234", 1234), ("2.000", 2000), ("1 234 567", 1234567)])
def test_stamps_and_points_are_whole_numbers(text, count):
    assert values.count(text, values.MAX_POINTS) == count


@pytest.mark.parametrize("text, code", [("-3", "negative"), ("3-", "negative"), ("12,5", "bad_count"),
                                        ("zwölf", "bad_count"), ("1.23", "bad_count"), ("10001", "too_large")])
def test_counts_that_are_not(text, code):
    with pytest.raises(Invalid) as caught:
        values.count(text, values.MAX_STAMPS)
    assert caught.value.code == code


@pytest.mark.parametrize("text, cents", [("", 0), ("12,50", 1250), ("12.5", 1250), ("12,50 €", 1250),
                                         ("€ 3", 300), ("3 EUR", 300), ("1.234,56", 123456), ("1,234.56", 123456),
                                         ("0,00", 0)])
def test_cashback_by_the_counters_money_rules(text, cents):
    assert values.money(text, "EUR") == cents


@pytest.mark.parametrize("text, code", [("-5,00", "negative"), ("(5.00)", "negative"), ("12,345", "bad_money"),
                                        ("zwölf", "bad_money"), ("1e3", "bad_money"), ("250000", "too_large"),
                                        ("1.000.000,00", "too_large")])
def test_amounts_that_are_not(text, code):
    with pytest.raises(Invalid) as caught:
        values.money(text, "EUR")
    assert caught.value.code == code


def test_emails_phones_and_consent():
    assert values.email("mailto:Anna@Example.org") == "Anna@Example.org"
    for bad in ("anna.example.org", "anna@example", "anna @example.org", "a@b@c.de", "anna@example.org;ben@x.de"):
        with pytest.raises(Invalid, match="bad_email"):
            values.email(bad)
    assert values.phone("+49  (151) 123-4567") == "+49 (151) 123-4567"
    for bad, code in (("4,91511E+11", "excel_number"), ("4.91511e11", "excel_number"), ("1234", "bad_phone"),
                      ("call me", "bad_phone")):
        with pytest.raises(Invalid, match=code):
            values.phone(bad)
    assert [values.consent(t) for t in ("ja", "JA", "x", "yes", "1", "", "nein", "no", "0", "-")] == [
        True] * 5 + [False] * 5
    with pytest.raises(Invalid, match="bad_consent"):
        values.consent("vielleicht")
