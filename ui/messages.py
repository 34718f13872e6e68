"""The core's refusals (LoyaltyError) in the UI's language, chosen by their stable .code.

The core (pos_loyalty) speaks English and puts the numbers into its sentences ("'Free bread' needs 8 stamps; the card
has 5."); it is not changed from here. So a code whose message carries numbers, names or dates has variants: the
English sentence is matched and what it carries (numbers, money, dates, names) goes into the translated sentence,
formatted for the locale. A message no variant matches (the core reworded it) gets the code's generic sentence; a
code not listed here keeps the core's English message, so a refusal is never hidden. In English the core's own
message is shown unchanged. tests/ui/test_translations.py raises the real errors and checks the variants still match.
"""

from __future__ import annotations

import re
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.money import exponent, parse_amount
from pos_loyalty.program import Program

from . import i18n
from .i18n import fill

Render = Callable[[dict, Program | None], str]  # the English message's named groups, the program -> the text
_VARIANTS: dict[str, list[tuple[re.Pattern, Render]]] = {}


class Messages(QObject):
    """Only the translation context of these texts: lupdate reads Messages.tr(...) and its plural forms."""


def describe(exc: BaseException, program: Program | None = None) -> str:
    """The text to show for an error: a LoyaltyError in the UI's language, anything else as Python words it."""
    if not isinstance(exc, LoyaltyError):
        return str(exc)
    if i18n.language() == "en":
        return exc.message
    return translate(exc.code, exc.message, program)


def translate(code: str, message: str, program: Program | None = None) -> str:
    for pattern, render in _VARIANTS.get(code, ()):
        match = pattern.fullmatch(message)
        if match:
            return render(match.groupdict(), program)
    generic = _GENERIC.get(code)
    return Messages.tr(generic) if generic is not None else message


def _variant(code: str, pattern: str) -> Callable[[Render], Render]:
    def register(render: Render) -> Render:
        _VARIANTS.setdefault(code, []).append((re.compile(pattern, re.S), render))
        return render
    return register


def _money(amount: str, currency: str, program: Program | None) -> str:
    """'10.00', 'EUR' (as the core writes it) -> '10,00 €' in the UI's locale."""
    try:
        return i18n.money(parse_amount(amount, currency, allow_zero=True), program, currency)
    except LoyaltyError:
        return f"{amount} {currency}"


def _stamps(n: int) -> str:
    return Messages.tr("%n stamp(s)", "", n)


def _points(n: int) -> str:
    return Messages.tr("%n point(s)", "", n)


def _reason(reason: str) -> str:
    """A card's block reason: the usual ones translated, anything the owner typed as typed."""
    known = {"lost": Messages.tr("lost"), "stolen": Messages.tr("stolen"), "damaged": Messages.tr("damaged"),
             "replaced": Messages.tr("replaced")}
    return known.get(reason.strip().lower(), reason)


_GENERIC = {  # one sentence per code, for a message no variant matches (translated when shown)
    # reading a card
    "empty": QT_TRANSLATE_NOOP("Messages", "Nothing was read. Scan the card again."),
    "foreign_code": QT_TRANSLATE_NOOP("Messages", "This code is not one of our loyalty cards."),
    "unknown_version": QT_TRANSLATE_NOOP(
        "Messages", "This card uses a newer format that this app does not know; please update the app."),
    "damaged": QT_TRANSLATE_NOOP(
        "Messages", "The card code is damaged or incomplete. Scan it again or type the number."),
    "unknown_issuer": QT_TRANSLATE_NOOP("Messages", "This card belongs to another shop or chain."),
    "forged": QT_TRANSLATE_NOOP("Messages", "This card failed its security check: it is forged or was misread."),
    "bad_card": QT_TRANSLATE_NOOP("Messages", "This is not a valid loyalty card."),
    "unknown_card": QT_TRANSLATE_NOOP("Messages", "This card is not in use here."),
    "card_blocked": QT_TRANSLATE_NOOP("Messages", "This card is blocked. Use the customer's new card."),
    "card_in_use": QT_TRANSLATE_NOOP("Messages", "This card is already in use."),
    # customers
    "unknown_customer": QT_TRANSLATE_NOOP("Messages", "No such customer."),
    "same_customer": QT_TRANSLATE_NOOP("Messages", "These are the same customer."),
    "already_merged": QT_TRANSLATE_NOOP("Messages", "One of these accounts was already merged into another."),
    "bad_email": QT_TRANSLATE_NOOP("Messages", "That is not an email address."),
    "bad_birthday": QT_TRANSLATE_NOOP("Messages", "That is not a date like 23.04.1990."),
    # personal data: the key and erasure
    "key_missing": QT_TRANSLATE_NOOP("Messages", "The key to the customers' names and contact details is missing. "
                                                 "Restore it with 'pos-loyalty key import FILE' from the copy you "
                                                 "exported, or put the data folder's keys folder back."),
    "key_wrong": QT_TRANSLATE_NOOP("Messages", "The key found is not the one the customers' names were encrypted "
                                               "with. Restore the right key with 'pos-loyalty key import FILE'."),
    "key_damaged": QT_TRANSLATE_NOOP("Messages", "The stored key to the customers' names is damaged. Restore it "
                                                 "with 'pos-loyalty key import FILE'."),
    "data_damaged": QT_TRANSLATE_NOOP("Messages", "A customer's details cannot be decrypted: the key is wrong or the "
                                                  "database was altered."),
    "erased": QT_TRANSLATE_NOOP("Messages", "This customer's personal data was erased at their request: the account "
                                            "stays anonymous."),
    "already_erased": QT_TRANSLATE_NOOP("Messages", "This customer's data was already erased."),
    "erase_reason": QT_TRANSLATE_NOOP("Messages", "Say why the data is erased; it is kept in the record."),
    "cannot_write": QT_TRANSLATE_NOOP("Messages", "The file cannot be written there. Choose another folder."),
    # booking
    "bad_amount": QT_TRANSLATE_NOOP("Messages", "That is not an amount; type it like 12.50."),
    "bad_items": QT_TRANSLATE_NOOP(
        "Messages", "The items could not be read: write a code, optionally with a price (BIO-BREAD:4.20)."),
    "insufficient_balance": QT_TRANSLATE_NOOP("Messages", "The balance is not enough for this."),
    "below_minimum": QT_TRANSLATE_NOOP(
        "Messages", "This is less than the least amount of cashback that can be redeemed."),
    "unknown_reward": QT_TRANSLATE_NOOP("Messages", "There is no such reward."),
    "offline_limit": QT_TRANSLATE_NOOP(
        "Messages", "This till has not synced for a while: a customer can redeem only a little here until it is back "
                    "online."),
    "no_reason": QT_TRANSLATE_NOOP("Messages", "Say why the points are adjusted (a reason is kept in the ledger)."),
    "unknown_event": QT_TRANSLATE_NOOP("Messages", "There is no such booking."),
    "not_voidable": QT_TRANSLATE_NOOP("Messages", "This booking cannot be undone."),
    "already_voided": QT_TRANSLATE_NOOP("Messages", "This booking was already undone."),
    # staff
    "wrong_pin": QT_TRANSLATE_NOOP("Messages", "Wrong PIN."),
    "locked": QT_TRANSLATE_NOOP("Messages", "Too many wrong PINs: signing in is locked for a few minutes."),
    "bad_pin": QT_TRANSLATE_NOOP("Messages", "A PIN is 4 to 8 digits."),
    "unknown_staff": QT_TRANSLATE_NOOP("Messages", "There is no active staff member of that name."),
    "bad_name": QT_TRANSLATE_NOOP("Messages", "A name is needed."),
    "bad_role": QT_TRANSLATE_NOOP("Messages", "The role must be cashier or owner."),
    "exists": QT_TRANSLATE_NOOP("Messages", "That name is already taken."),
    # the shop and its data
    "no_program": QT_TRANSLATE_NOOP(
        "Messages", "No program is loaded yet: load one with 'pos-loyalty program load FILE'."),
    "bad_program": QT_TRANSLATE_NOOP("Messages", "The loyalty program file has a mistake."),
    "disk_full": QT_TRANSLATE_NOOP("Messages", "The disk is full: nothing was booked. Free some space and try again."),
    "busy": QT_TRANSLATE_NOOP("Messages", "The database is busy (another program is writing). Try again."),
    "read_only": QT_TRANSLATE_NOOP("Messages", "The data folder is read-only: nothing was booked."),
    "storage": QT_TRANSLATE_NOOP("Messages", "The database reported an error: nothing was booked."),
    "newer_schema": QT_TRANSLATE_NOOP(
        "Messages", "The data was written by a newer pos-loyalty; please update the app."),
    # the camera
    "no_camera": QT_TRANSLATE_NOOP(
        "Messages", "No camera found. Check that it is plugged in and not used by another program, or choose another "
                    "camera in the settings."),
    "camera_lost": QT_TRANSLATE_NOOP("Messages", "The camera stopped sending pictures (unplugged?)."),
    "camera": QT_TRANSLATE_NOOP("Messages", "The camera does not work."),
    "bad_video": QT_TRANSLATE_NOOP("Messages", "This file cannot be played as a video."),
    "no_images": QT_TRANSLATE_NOOP("Messages", "There are no images to read."),
    "bad_image": QT_TRANSLATE_NOOP("Messages", "This is not an image."),
    # syncing with the server
    "offline": QT_TRANSLATE_NOOP("Messages", "The server cannot be reached; working offline."),
    "server_error": QT_TRANSLATE_NOOP("Messages", "The server has a problem; will try again."),
    "not_registered": QT_TRANSLATE_NOOP(
        "Messages", "This terminal is not connected to a server yet (register it first)."),
    "bad_answer": QT_TRANSLATE_NOOP("Messages", "The server's answer was not understood."),
    "resend": QT_TRANSLATE_NOOP("Messages", "The server keeps asking for the same events again; giving up for now."),
    "unsupported_protocol": QT_TRANSLATE_NOOP(
        "Messages", "The server and this app do not speak the same version; update the older one."),
    "sync_failed": QT_TRANSLATE_NOOP("Messages", "Syncing did not work; will try again."),
    "unauthorized": QT_TRANSLATE_NOOP("Messages", "The server does not know this terminal; register it again."),
    "revoked": QT_TRANSLATE_NOOP(
        "Messages", "The server has revoked this terminal; register it again with a new enrollment code."),
    "bad_code": QT_TRANSLATE_NOOP("Messages", "This enrollment code is not valid; ask for a new one."),
    # importing customers from a file
    "bad_import_file": QT_TRANSLATE_NOOP("Messages", "This file cannot be imported."),
    "file_not_found": QT_TRANSLATE_NOOP("Messages", "There is no such file."),
    "file_unreadable": QT_TRANSLATE_NOOP("Messages", "The file cannot be read."),
    "file_too_large": QT_TRANSLATE_NOOP("Messages", "The file is too large for a customer list (at most 50 MB)."),
    "not_csv": QT_TRANSLATE_NOOP("Messages", "This is not a CSV file. In Excel choose File › Save as › CSV."),
    "empty_file": QT_TRANSLATE_NOOP("Messages", "The file is empty."),
    "no_rows": QT_TRANSLATE_NOOP("Messages", "The file has a header row but no customers."),
    "no_header": QT_TRANSLATE_NOOP(
        "Messages", "The file has no header row: the first line must name the columns (e.g. Name;E-Mail;Stempel)."),
    "duplicate_column": QT_TRANSLATE_NOOP("Messages", "Two columns have the same name; rename one of them."),
    "mapped_twice": QT_TRANSLATE_NOOP("Messages", "Two columns are imported as the same thing; choose one."),
    "name_and_parts": QT_TRANSLATE_NOOP("Messages", "Import either a full name or first and last name, not both."),
    "nothing_to_identify": QT_TRANSLATE_NOOP(
        "Messages", "No column is imported as the name, email, phone or old card number: choose at least one, so "
                    "each customer can be told apart."),
    "program_has_no_stamps": QT_TRANSLATE_NOOP(
        "Messages", "The file has stamps, but the loyalty program has none. Import that column as “Not imported”, "
                    "or load a program with stamps first."),
    "program_has_no_points": QT_TRANSLATE_NOOP(
        "Messages", "The file has points, but the loyalty program has none. Import that column as “Not imported”, "
                    "or load a program with points first."),
    "program_has_no_cashback": QT_TRANSLATE_NOOP(
        "Messages", "The file has cashback, but the loyalty program has none. Import that column as “Not "
                    "imported”, or load a program with cashback first."),
    "import_has_problems": QT_TRANSLATE_NOOP("Messages", "Some rows have problems; nothing was imported."),
    "import_cancelled": QT_TRANSLATE_NOOP("Messages", "The import was stopped; nothing was imported."),
}


# ---- reading a card ----

@_variant("foreign_code", r"This is a web link, not a loyalty card\.")
def _web_link(m: dict, program: Program | None) -> str:
    return Messages.tr("This is a web link, not a loyalty card.")


@_variant("foreign_code", r"This is a product barcode, not a loyalty card\.")
def _product_code(m: dict, program: Program | None) -> str:
    return Messages.tr("This is a product barcode, not a loyalty card.")


@_variant("unknown_version", r"This card uses format (?P<format>\S+), which .*")
def _unknown_version(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("This card uses format %1, which this app does not know yet; please update the app."),
                m["format"])


@_variant("unknown_card", r"This card has not been used yet.*")
def _unused_card(m: dict, program: Program | None) -> str:
    return Messages.tr("This card has not been used yet: book a purchase or enroll to start it.")


@_variant("card_blocked", r"This card was blocked on (?P<day>\d{4}-\d{2}-\d{2}) \((?P<reason>.*)\)\. .*")
def _blocked(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("This card was blocked on %1 (%2). Use the customer's new card."),
                i18n.day(m["day"], program), _reason(m["reason"]))


# ---- staff ----

@_variant("wrong_pin", r"Wrong PIN\. (?P<left>\d+) attempt\(s\) left before a (?P<minutes>\d+)-minute lock\.")
def _wrong_pin(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("Wrong PIN. %n more attempt(s), then signing in is locked for %1 minutes.", "",
                            int(m["left"])), m["minutes"])


@_variant("locked", r"Too many wrong PINs for (?P<name>.*): locked for (?P<minutes>\d+) more minute\(s\)\.")
def _locked(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("Too many wrong PINs for %1: locked for %n more minute(s).", "", int(m["minutes"])),
                m["name"])


@_variant("unknown_staff", r"No (?:active )?staff member called (?P<name>.*)\.")
def _unknown_staff(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("There is no active staff member called %1."), m["name"])


@_variant("exists", r"There is already a staff member called (?P<name>.*)\.")
def _staff_exists(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("There is already a staff member called %1."), m["name"])


# ---- amounts and items ----

@_variant("bad_amount", r"Enter an amount, e\.g\. 12\.50\.")
def _no_amount(m: dict, program: Program | None) -> str:
    return Messages.tr("Enter an amount, e.g. 12.50.")


@_variant("bad_amount", r"The amount (?P<raw>.*) is negative; .*")
def _negative(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("The amount %1 is negative; to take back a purchase, undo it instead."), m["raw"])


@_variant("bad_amount", r"'(?P<raw>.*)' is not an amount; .*")
def _not_an_amount(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("“%1” is not an amount; type it like 12.50."), m["raw"])


@_variant("bad_amount", r"'(?P<raw>.*)': (?P<currency>[A-Z]{3}) amounts have no decimals\.")
def _no_decimals(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("“%1”: amounts in %2 have no decimals."), m["raw"], m["currency"])


@_variant("bad_amount", r"'(?P<raw>.*)' has more than (?P<digits>\d+) decimals\.")
def _decimals(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("“%1” has more than %2 decimals."), m["raw"], m["digits"])


@_variant("bad_amount", r"The amount must be more than zero\.")
def _zero(m: dict, program: Program | None) -> str:
    return Messages.tr("The amount must be more than zero.")


@_variant("bad_amount", r"(?P<raw>.*) is more than (?P<limit>[\d,]+) (?P<currency>[A-Z]{3}); please check the amount\.")
def _too_much(m: dict, program: Program | None) -> str:
    limit = int(m["limit"].replace(",", "")) * 10 ** exponent(m["currency"])
    return fill(Messages.tr("%1 is more than %2; please check the amount."), m["raw"],
                i18n.money(limit, program, m["currency"]))


@_variant("bad_amount", r"Say how much cashback to redeem.*")
def _cashback_amount(m: dict, program: Program | None) -> str:
    return Messages.tr("Say how much cashback to pay out.")


@_variant("bad_items", r"'(?P<part>.*)' is not an item: .*")
def _not_an_item(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("“%1” is not an item: write a code, optionally with a price (BIO-BREAD:4.20)."),
                m["part"])


@_variant("bad_items", r"The items cost more than the amount paid.*")
def _items_cost_more(m: dict, program: Program | None) -> str:
    return Messages.tr("The items cost more than the amount paid; check the prices.")


# ---- rewards ----

@_variant("insufficient_balance", r"'(?P<reward>.*)' needs (?P<cost>\d+) stamps; the card has (?P<have>-?\d+)\.")
def _few_stamps(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("“%1” needs %2; the card has %3."), i18n.named(m["reward"], program),
                _stamps(int(m["cost"])), _stamps(int(m["have"])))


@_variant("insufficient_balance",
          r"'(?P<reward>.*)' needs (?P<cost>\d+) points; the balance is (?P<have>-?\d+) points\.")
def _few_points(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("“%1” needs %2; the balance is %3."), i18n.named(m["reward"], program),
                _points(int(m["cost"])), _points(int(m["have"])))


@_variant("insufficient_balance", r"Cannot take (?P<take>\d+) points: the balance is (?P<have>-?\d+) points\.")
def _take_points(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("Cannot take %1: the balance is %2."), _points(int(m["take"])), _points(int(m["have"])))


@_variant("insufficient_balance", r"Only (?P<have>[\d.]+) (?P<currency>[A-Z]{3}) cashback is available; "
                                  r"asked for (?P<asked>[\d.]+)\.")
def _few_cashback(m: dict, program: Program | None) -> str:
    currency = m["currency"]
    return fill(Messages.tr("Only %1 cashback is available; asked for %2."), _money(m["have"], currency, program),
                _money(m["asked"], currency, program))


@_variant("below_minimum", r"Cashback can be redeemed from (?P<least>[\d.]+) (?P<currency>[A-Z]{3}) upwards\.")
def _below_minimum(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("Cashback can be paid out from %1 upwards."), _money(m["least"], m["currency"], program))


@_variant("unknown_reward", r"There is no reward '(?P<reward>.*)'\. .*")
def _unknown_reward(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("There is no reward “%1”."), m["reward"])


@_variant("unknown_reward", r"This program has no cashback\.")
def _no_cashback(m: dict, program: Program | None) -> str:
    return Messages.tr("This program has no cashback.")


@_variant("offline_limit", r"This till has not synced for (?P<minutes>\d+) minutes: a customer can redeem at most "
                           r"(?P<cap>.*) here until it is back online\.")
def _offline_limit(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("This till has not synced for %n minute(s): a customer can redeem at most %1 here until "
                            "it is back online.", "", int(m["minutes"])), _cap(m["cap"], program))


@_variant("offline_limit", r"This till has not synced yet: a customer can redeem at most (?P<cap>.*) here until "
                           r"it is back online\.")
def _offline_limit_never(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("This till has not synced yet: a customer can redeem at most %1 here until it is back "
                            "online."), _cap(m["cap"], program))


def _cap(text: str, program: Program | None) -> str:
    """'5 stamps', '200 points', '12.00 EUR' -> in words of the UI's language."""
    number, _, unit = text.partition(" ")
    if unit == "stamps" and number.isdigit():
        return _stamps(int(number))
    if unit == "points" and number.isdigit():
        return _points(int(number))
    if re.fullmatch(r"[A-Z]{3}", unit):
        return _money(number, unit, program)
    return text


# ---- customers ----

@_variant("bad_email", r"'(?P<value>.*)' is not an email address\.")
def _bad_email(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("“%1” is not an email address."), m["value"])


@_variant("bad_birthday", r"Birthday '(?P<value>.*)' is not a date like 1990-04-23\.")
def _bad_birthday(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("Birthday “%1” is not a date like 23.04.1990."), m["value"])


@_variant("bad_birthday", r"Birthday (?P<value>.*) is not a plausible date\.")
def _implausible_birthday(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("Birthday %1 is not a plausible date."), m["value"])


# ---- importing customers ----

@_variant("not_csv", r"(?P<name>.*) is not a text file \(an Excel workbook\?\)\..*")
def _workbook(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("%1 is not a text file (an Excel workbook?). In Excel choose File › Save as › CSV."),
                m["name"])


@_variant("not_csv", r"(?P<name>.*), line (?P<line>\d+): the file cannot be read as CSV .*")
def _not_csv(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("%1, line %2: the file cannot be read as CSV."), m["name"], m["line"])


@_variant("duplicate_column", r".*: columns (?P<a>\d+) and (?P<b>\d+) are both called '(?P<title>.*)'; .*")
def _duplicate_column(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("Columns %1 and %2 are both called “%3”; rename one of them."), m["a"], m["b"],
                m["title"])


@_variant("mapped_twice", r"Columns '(?P<a>.*)' and '(?P<b>.*)' are both imported as .*")
def _mapped_twice(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("The columns “%1” and “%2” are both imported as the same thing; choose one."), m["a"],
                m["b"])


@_variant("import_has_problems", r"(?P<count>\d+) row\(s\) have problems; .*")
def _import_has_problems(m: dict, program: Program | None) -> str:
    return Messages.tr("%n row(s) have problems; nothing was imported. Fix the file, or choose to skip those rows.",
                       "", int(m["count"]))


# ---- the camera and syncing ----

@_variant("no_camera", r"No camera found \(camera (?P<index>\d+)\)\..*")
def _no_camera(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("No camera found (camera %1). Check that it is plugged in and not used by another "
                            "program, or choose another camera in the settings."), m["index"])


@_variant("no_camera", r"(?P<spec>.*): no such camera, video file or folder of images\..*")
def _no_such_source(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("%1: no such camera, video file or folder of images. Give a camera number (0, 1, …), "
                            "a video file or a folder of images."), m["spec"])


@_variant("camera_lost", r"Camera (?P<index>\d+) stopped sending pictures.*")
def _camera_lost(m: dict, program: Program | None) -> str:
    return fill(Messages.tr("Camera %1 stopped sending pictures (unplugged?)."), m["index"])


@_variant("busy", r"Another sync is running on this terminal.*")
def _sync_busy(m: dict, program: Program | None) -> str:
    return Messages.tr("Another sync is running on this terminal; this one is skipped.")
