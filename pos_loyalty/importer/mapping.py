"""Which column holds what: a guess from the header (English and German), explicit choices, and their checks."""

from __future__ import annotations

import re

from .csvfile import ImportFileError

FIELDS = ("name", "first_name", "last_name", "email", "phone", "birthday", "stamps", "points", "cashback",
          "old_card", "consent_email")
IGNORE = "ignore"
LABELS = {"name": "name", "first_name": "first name", "last_name": "last name", "email": "email", "phone": "phone",
          "birthday": "birthday", "stamps": "stamps", "points": "points", "cashback": "cashback",
          "old_card": "old card number", "consent_email": "email consent", IGNORE: "not imported"}
IDENTIFYING = ("name", "first_name", "last_name", "email", "phone", "old_card")

# Headers as shops write them (normalised: lower case, letters and digits only).
_EXACT = {
    "name": "name vollername kundenname kunde customer customername fullname",
    "first_name": "vorname firstname givenname first rufname",
    "last_name": "nachname lastname surname familienname familyname last zuname",
    "email": "email emailadresse mail emailaddress mailadresse",
    "phone": "telefon tel telnr telefonnummer handy handynummer mobil mobilnummer mobiltelefon rufnummer phone "
             "phonenumber telephone mobile mobilephone cell cellphone",
    "birthday": "geburtstag geburtsdatum gebdatum geboren geb birthday dateofbirth birthdate dob born",
    "stamps": "stempel stempelanzahl anzahlstempel stamps stamp",
    "points": "punkte punktestand bonuspunkte punktekonto points pointsbalance",
    "cashback": "cashback guthaben cashbackguthaben bonusguthaben credit wallet",
    "old_card": "karte kartennummer kartennr kundennummer kundennr mitgliedsnummer mitgliedsnr card cardnumber "
                "cardno cardid customernumber customerno customerid memberid membernumber",
    "consent_email": "einwilligung emaileinwilligung newsletter werbung werbeeinwilligung marketing consent "
                     "emailconsent optin mailing",
}
_EXACT_FIELD = {word: field for field, words in _EXACT.items() for word in words.split()}
# Parts of longer headers ("E-Mail (privat)", "Geb.-Datum", "Stempel auf der Karte"), most specific first:
# "E-Mail-Einwilligung" is consent, not an address.
_PARTS = (
    ("consent_email", ("einwilligung", "newsletter", "consent", "optin", "werbung", "marketing")),
    ("birthday", ("geburt", "birth")),
    ("first_name", ("vorname", "firstname", "givenname")),
    ("last_name", ("nachname", "lastname", "surname", "familienname")),
    ("email", ("mail",)),
    ("phone", ("telefon", "handy", "mobil", "phone")),
    ("old_card", ("kartennummer", "kartennr", "cardnumber", "kundennummer", "kundennr", "mitgliedsnummer",
                  "karte", "card")),
    ("stamps", ("stempel", "stamp")),
    ("points", ("punkte", "points")),
    ("cashback", ("guthaben", "cashback", "credit")),
    ("name", ("name",)),
)


def _normal(title: str) -> str:
    return re.sub(r"[\W_]+", "", title.casefold())


def guess_field(title: str) -> str:
    key = _normal(title)
    if not key:
        return IGNORE
    if key in _EXACT_FIELD:
        return _EXACT_FIELD[key]
    return next((field for field, parts in _PARTS if any(p in key for p in parts)), IGNORE)


def guess(header: tuple[str, ...]) -> dict[int, str]:
    """Column index -> field for the columns the header names; each field goes to the first column that fits."""
    out: dict[int, str] = {}
    for index, title in enumerate(header):
        field = guess_field(title)
        if field != IGNORE and field not in out.values():
            out[index] = field
    fields = set(out.values())
    if "first_name" in fields and "name" in fields and "last_name" not in fields:
        # German forms say "Vorname" and "Name": beside a first name, "Name" is the family name.
        index = next(i for i, f in out.items() if f == "name")
        out[index] = "last_name"
    return out


def apply(header: tuple[str, ...], mapping: dict[int, str], choices: list[str]) -> dict[int, str]:
    """`choices` as typed on the command line ("E-Mail=email", "3=ignore"): they override the guess."""
    out = dict(mapping)
    for choice in choices:
        column, sep, field = choice.rpartition("=")
        column, field = column.strip(), field.strip().lower().replace("-", "_")
        if not sep or not column:
            raise ImportFileError(f"'{choice}' is not a mapping: write COLUMN=FIELD, e.g. 'E-Mail=email'.",
                                  code="bad_mapping")
        index = column_index(header, column)
        field = IGNORE if field in ("", "_") else field
        if field not in FIELDS + (IGNORE,):
            raise ImportFileError(f"'{field}' is not a field; choose one of {', '.join(FIELDS + (IGNORE,))}.",
                                  code="unknown_field")
        for other, chosen in list(out.items()):
            if chosen == field and other != index:
                del out[other]  # the explicit choice wins over a guess
        if field == IGNORE:
            out.pop(index, None)
        else:
            out[index] = field
    return out


def column_index(header: tuple[str, ...], column: str) -> int:
    """A column by its title (any case) or its number counted from 1."""
    for index, title in enumerate(header):
        if title.casefold() == column.casefold():
            return index
    if column.isdigit() and 1 <= int(column) <= len(header):
        return int(column) - 1
    names = ", ".join(f"'{t}'" for t in header if t)
    raise ImportFileError(f"There is no column '{column}'; the file has {names}.", code="unknown_column")


def check(header: tuple[str, ...], mapping: dict[int, str]) -> None:
    """Refuse a mapping that cannot work, naming the columns."""
    seen: dict[str, int] = {}
    for index, field in sorted(mapping.items()):
        if field in seen:
            raise ImportFileError(f"Columns '{header[seen[field]]}' and '{header[index]}' are both imported as "
                                  f"{LABELS[field]}; choose one.", code="mapped_twice")
        seen[field] = index
    if "name" in seen and ("first_name" in seen or "last_name" in seen):
        raise ImportFileError("Import either a full name or first and last name, not both.", code="name_and_parts")
    if not any(f in seen for f in IDENTIFYING):
        raise ImportFileError("No column is imported as the name, email, phone or old card number: choose at "
                              "least one, so each customer can be told apart.", code="nothing_to_identify")


def describe(header: tuple[str, ...], mapping: dict[int, str]) -> dict[str, str]:
    """Column title -> field, every column (unmapped ones as 'ignore'), for summaries and JSON."""
    return {title or f"#{index + 1}": mapping.get(index, IGNORE) for index, title in enumerate(header)}
