"""English and German: complete .ts/.qm files, the language switched live from Settings, money and dates per locale,
and the core's English refusals shown in German by their code."""

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from pos_loyalty import cards
from pos_loyalty.cards import ALPHABET
from pos_loyalty.errors import LoyaltyError
from pos_loyalty.money import parse_amount
from ui import i18n, messages, receipt_text
from ui.camera.preview import CameraPreview
from ui.dialogs.settings import SettingsDialog
from ui.widgets.booking_bar import parse_items

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

TRANSLATIONS = ROOT / "resources" / "translations"
PLACES = re.compile(r"%(?:n|\d+)")


def _messages(language):
    tree = ET.parse(TRANSLATIONS / f"pos_loyalty_{language}.ts")
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def _forms(message):
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return translation, [form.text or "" for form in translation.iter("numerusform")]
    return translation, [translation.text or ""]


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_text_has_a_finished_translation_with_the_same_placeholders(language):
    seen, problems = 0, []
    for context, message in _messages(language):
        seen += 1
        source = message.findtext("source")
        translation, forms = _forms(message)
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append((context, source, translation.get("type")))
        if message.get("numerus") == "yes" and len(forms) != 2:  # German and English: singular and plural
            problems.append((context, source, f"{len(forms)} plural forms"))
        for form in forms:
            if not form.strip():
                problems.append((context, source, "empty"))
            elif sorted(set(PLACES.findall(form))) != sorted(set(PLACES.findall(source))):
                problems.append((context, source, f"placeholders differ: {form!r}"))
    assert seen > (150 if language == "de" else 10)
    assert not problems, problems


def test_the_english_file_holds_only_plural_forms_and_drops_the_s_in_parentheses():
    for _context, message in _messages("en"):
        assert message.get("numerus") == "yes"
        _, (one, many) = _forms(message)
        assert "(s)" not in one + many and one != many


HAS_LUPDATE = bool(shutil.which("pyside6-lupdate")) or Path(sys.executable).with_name("pyside6-lupdate").exists()


@pytest.mark.skipif(not HAS_LUPDATE, reason="pyside6-lupdate is not installed")
def test_the_translation_files_are_up_to_date_with_ui_and_compiled(tmp_path):
    """Every tr() text of ui/ is in the .ts files, none is left over, and the .qm files are the .ts compiled."""
    for language in update_translations.TARGETS:
        committed = TRANSLATIONS / f"pos_loyalty_{language}.ts"
        shutil.copy(committed, tmp_path / committed.name)
        fresh = update_translations.update(language, tmp_path, quiet=True)
        assert fresh.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
            f"{committed.name} is out of date: run scripts/update_translations.py and translate the new texts")
        qm = update_translations.release(committed, tmp_path / f"{language}.qm", quiet=True)
        assert qm.read_bytes() == committed.with_suffix(".qm").read_bytes(), (
            f"{committed.with_suffix('.qm').name} is older than its .ts: run scripts/update_translations.py")


# ---- which language ----

def test_the_language_follows_the_environment_then_the_saved_choice_then_the_system(monkeypatch):
    assert [i18n.supported(n) for n in ("de_DE", "de-AT", "DE", "de_DE.UTF-8", "en_GB", "fr_FR", "", None)] == [
        "de", "de", "de", "de", "en", None, None, None]
    monkeypatch.setattr(i18n.QLocale, "system", lambda: QLocale("de_AT"))
    monkeypatch.delenv(i18n.ENV)
    assert i18n.preferred_language() == "de"  # nothing saved, nothing set: the system's
    i18n.save_language("en")
    assert i18n.preferred_language() == "en"  # the choice made in Settings
    monkeypatch.setenv(i18n.ENV, "de_DE")
    assert i18n.preferred_language() == "de"  # POS_LOYALTY_LANG over everything
    monkeypatch.setenv(i18n.ENV, "fr")
    assert i18n.preferred_language() == "en"
    monkeypatch.setattr(i18n.QLocale, "system", lambda: QLocale("fr_FR"))
    i18n.settings().clear()
    assert i18n.preferred_language() == "en"


def test_english_takes_its_plural_forms_from_its_translation_file():
    assert receipt_text.deltas(1, 12, 0, None) == "+1 stamp, +12 points"
    assert receipt_text.deltas(-2, -1, 0, None) == "−2 stamps, −1 point"
    i18n.install("de")
    assert receipt_text.deltas(1, 1, 0, None) == "+1 Stempel, +1 Punkt"
    assert receipt_text.deltas(2, 12, 350, None) == "+2 Stempel, +12 Punkte, +3,50\xa0€ Cashback"


# ---- money and dates ----

def test_money_numbers_and_dates_in_the_ui_locale(make_shop):
    program = make_shop("bakery").program  # a German shop: locale de_DE
    assert (i18n.money(1250), i18n.money(1250, program), i18n.number(12345, program)) == ("€12.50", "€12.50", "12,345")
    assert i18n.day("1990-04-23", program) == "Apr 23, 1990"
    assert i18n.editable_amount(1000, program) == "10.00"
    i18n.install("de")
    assert (i18n.money(1250), i18n.money(1250, program), i18n.number(12345, program)) == ("12,50\xa0€", "12,50\xa0€",
                                                                                        "12.345")
    assert i18n.day(date(1990, 4, 23), program) == "23.04.1990"
    assert i18n.editable_amount(1000, program) == "10,00"
    assert i18n.money(500, program, "CHF") == "5,00\xa0CHF"


def test_german_prices_may_have_a_decimal_comma_among_the_items():
    assert [(i.sku, i.price) for i in parse_items("bio-brot:4,20, roll; A:3,5", "EUR")] == [
        ("BIO-BROT", 420), ("ROLL", None), ("A", 350)]
    assert [i.sku for i in parse_items("A:4, 20", "EUR")] == ["A", "20"]  # a space after the comma: a new item


# ---- switching live ----

def test_switching_to_german_in_settings_retranslates_the_counter_without_a_restart(app, customer):
    customer_id, token = customer
    app.signed_in()
    counter, status = app.counter, app.window.status
    assert counter.prompt.text() == "Scan card" and status.settings_button.accessibleName() == "Settings"
    app.qtbot.mouseClick(status.settings_button, Qt.LeftButton)
    dialog = counter.dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    assert dialog.general.buttons["en"].isChecked()

    app.qtbot.mouseClick(dialog.general.buttons["de"], Qt.LeftButton)
    app.qtbot.waitUntil(lambda: counter.prompt.text() == "Karte scannen", timeout=2000)
    assert dialog.windowTitle() == "Einstellungen" and dialog.close_button.text() == "Schließen"
    assert counter.new_button.text() == "Neuer Kunde  (F2)" and counter.undo_button.text() == "Rückgängig  (F9)"
    assert counter.search.placeholderText().startswith("Suche:")
    assert status.sign_out.text() == "Abmelden" and status.staff_label.text() == "Jonas (Kasse)"
    assert status.settings_button.accessibleName() == "Einstellungen"
    assert i18n.saved_language() == "de" and i18n.language() == "de"
    app.qtbot.mouseClick(dialog.close_button, Qt.LeftButton)
    assert counter.dialog is None
    app.qtbot.waitUntil(lambda: app.focused() is counter.search, timeout=2000)  # ready for the next scan

    app.scan(token)  # the customer panel and the booking are German, money too
    panel = counter.panel
    assert panel.points_caption.text() == "Punkte" and panel.name_label.text() == "Anna Müller"
    assert panel.stamps_label.text() == "0 von 8 Stempeln"
    assert panel.next_label.text() == "Noch 8 Stempel bis „Gratis-Brot“"  # the program file's German name
    app.type_amount("12,50")
    app.qtbot.waitUntil(lambda: counter.toast.isVisible(), timeout=2000)
    assert counter.toast.text() == "+1 Stempel, +12 Punkte"
    assert counter.undo_button.toolTip() == "Einkauf über 12,50\xa0€ rückgängig machen"

    # and back, with the customer still open: the panel is worded again, nothing is lost
    app.window.open_settings()
    app.qtbot.mouseClick(counter.dialog.general.buttons["en"], Qt.LeftButton)
    app.qtbot.waitUntil(lambda: counter.prompt.text() == "Scan card", timeout=2000)
    assert panel.stamps_label.text() == "1 of 8 stamps" and panel.points_caption.text() == "Points"
    assert counter.token == token and counter.booking.caption.text() == "Amount paid"
    assert counter.undo_button.toolTip() == "Undo the purchase of €12.50"


def test_settings_are_open_on_the_sign_in_screen_too_and_need_no_pin(app):
    sign_in = app.window.sign_in
    app.window.sign_in.select("Jonas")
    app.qtbot.mouseClick(app.window.status.settings_button, Qt.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible())
    app.qtbot.mouseClick(dialog.general.buttons["de"], Qt.LeftButton)
    app.qtbot.waitUntil(lambda: sign_in.title.text() == "Wer steht an der Kasse?", timeout=2000)
    assert sign_in.pin_label.text() == "PIN für Jonas" and app.window.status.staff_label.text() == "Nicht angemeldet"
    assert sign_in.pin_pad.buttons["⌫"].toolTip() == "Letzte Ziffer löschen"
    dialog.accept()
    assert app.window.staff is None


def test_an_error_on_screen_is_worded_again_after_a_switch(app, customer):
    app.signed_in()
    app.scan(customer[1])
    app.type_amount("abc")
    error = app.counter.booking.error
    assert error.text() == "'abc' is not an amount; type it like 12.50."
    i18n.install("de")
    app.qtbot.waitUntil(lambda: error.text() == "„abc“ ist kein Betrag; bitte so eingeben: 12,50.", timeout=2000)
    assert app.counter.booking.amount.placeholderText() == "0,00"


# ---- refusals in German ----

def _forged(token: str) -> str:
    return token[:-1] + next(c for c in ALPHABET if c != token[-1])


def test_a_refused_card_shows_the_german_reason(app, customer):
    customer_id, token = customer
    i18n.install("de")
    app.signed_in()
    banner = app.counter.banner
    app.scan(_forged(token))
    assert banner.text() == ("Karte abgelehnt: Diese Karte hat die Echtheitsprüfung nicht bestanden: gefälscht oder "
                             "falsch gelesen.")
    app.scan(cards.issue(1, b"another shop's secret"))
    assert banner.text() == "Karte abgelehnt: Diese Karte gehört zu einem anderen Geschäft oder einer anderen Kette."
    app.scan("https://example.org/promo")
    assert banner.text() == "Karte abgelehnt: Das ist ein Weblink, keine Kundenkarte."
    app.service.reissue_card(customer_id)
    app.scan(token)
    blocked_on = i18n.day(date.today())
    assert banner.text() == (f"Karte gesperrt: Diese Karte wurde am {blocked_on} gesperrt (verloren). "
                             "Bitte die neue Karte des Kunden nehmen.")
    i18n.install("en")  # the banner is worded again, in the core's own English
    app.qtbot.waitUntil(lambda: banner.text().startswith("Card blocked: This card was blocked on"), timeout=2000)


def test_a_wrong_pin_and_the_lock_are_told_in_german(app):
    i18n.install("de")
    message = app.window.sign_in.message
    app.sign_in("Jonas", "9999")
    app.qtbot.waitUntil(lambda: message.text().startswith("Falsche PIN."), timeout=2000)
    assert message.text() == "Falsche PIN. Noch 4 Versuche, dann ist die Anmeldung 5 Minuten gesperrt."
    for _ in range(4):
        app.sign_in("Jonas", "0000")
    app.qtbot.waitUntil(lambda: "gesperrt" in message.text() and "Zu viele" in message.text(), timeout=2000)
    assert message.text() == "Zu viele falsche PINs für Jonas: noch 5 Minuten gesperrt."


def test_the_camera_placeholder_speaks_the_ui_language(qtbot):
    preview = CameraPreview()
    qtbot.addWidget(preview)
    assert preview.message == "Camera off"
    i18n.install("de")
    assert preview.message == "Kamera aus"


# ---- every variant still matches what the core says ----

def _error(call) -> LoyaltyError:
    with pytest.raises(LoyaltyError) as caught:
        call()
    return caught.value


def _german(exc: LoyaltyError, program=None) -> str:
    i18n.install("de")
    text = messages.describe(exc, program)
    assert text != exc.message, f"{exc.code}: left in English: {exc.message}"
    assert text != messages.Messages.tr(messages._GENERIC.get(exc.code, "")), (
        f"{exc.code}: no variant matched the core's message, only the generic sentence: {exc.message}")
    return text


def test_card_refusals_have_german_variants_or_sentences(make_shop):
    keys = make_shop("bakery").card_keys()
    verify = cards.verify
    assert _german(_error(lambda: verify("https://example.org", keys))) == "Das ist ein Weblink, keine Kundenkarte."
    assert "Produkt-Barcode" in _german(_error(lambda: verify("4006381333931", keys)))
    assert "Format PL9" in _german(_error(lambda: verify("PL9ABCDEFGH", keys)))
    generic = {code: messages.translate(code, "whatever the core says") for code in
               ("empty", "foreign_code", "damaged", "unknown_issuer", "forged")}
    assert all(text != "whatever the core says" for text in generic.values()), generic
    assert messages.translate("no_such_code", "The core's own words.") == "The core's own words."


def test_amount_and_item_refusals_keep_what_was_typed(make_shop):
    cases = {"": "Bitte einen Betrag eingeben, z. B. 12,50.",
             "-3": "Der Betrag -3 ist negativ; einen Einkauf nimmt man mit „Rückgängig“ zurück.",
             "12.5.0": "„12.5.0“ ist kein Betrag; bitte so eingeben: 12,50.",
             "1.234": "„1.234“ hat mehr als 2 Nachkommastellen.",
             "0": "Der Betrag muss größer als null sein.",
             "200000": "200000 ist mehr als 100.000,00\xa0€; bitte den Betrag prüfen."}
    for typed, german in cases.items():
        assert _german(_error(lambda typed=typed: parse_amount(typed, "EUR"))) == german
    assert _german(_error(lambda: parse_amount("1.5", "JPY"))) == "„1.5“: Beträge in JPY haben keine Nachkommastellen."
    assert _german(_error(lambda: parse_items("two words", "EUR"))).startswith("„two words“ ist kein Artikel")
    shop = make_shop("bakery")
    _, token, _ = shop.enroll(shop.system_staff())
    items = parse_items("BIO-BROT:9.00", "EUR")
    assert "kosten mehr" in _german(_error(lambda: shop.checkout(shop.system_staff(), token, 500, items)))


def test_reward_refusals_carry_their_numbers_in_german(make_shop):
    bakery = make_shop("bakery", folder="bakery")
    staff = bakery.system_staff()
    _, token, _ = bakery.enroll(staff, name="Mia")
    bakery.checkout(staff, token, 500)
    text = _german(_error(lambda: bakery.redeem(staff, token, "free-bread")), bakery.program)
    assert text == "„Gratis-Brot“ braucht 8 Stempel; die Karte hat 1 Stempel."
    assert _german(_error(lambda: bakery.redeem(staff, token, "cake"))) == "Die Prämie „cake“ gibt es nicht."
    assert _german(_error(lambda: bakery.redeem(staff, token, "cashback"))) == "Dieses Programm hat kein Cashback."

    boutique = make_shop("boutique", folder="boutique")
    _, card, _ = boutique.enroll(boutique.system_staff())
    text = _german(_error(lambda: boutique.redeem(boutique.system_staff(), card, "ten-off")))
    assert re.fullmatch(r"„10 € off“ braucht 100 Punkte; das Konto hat \d+ Punkte?\.", text), text

    salon = make_shop("salon", folder="salon")
    _, card, _ = salon.enroll(salon.system_staff())
    salon.checkout(salon.system_staff(), card, 20000)  # 10.00 cashback
    program = salon.program
    assert _german(_error(lambda: salon.redeem(salon.system_staff(), card, "cashback", 300)), program) == (
        "Cashback wird erst ab 5,00\xa0€ ausgezahlt.")
    assert _german(_error(lambda: salon.redeem(salon.system_staff(), card, "cashback", 1200)), program) == (
        "Es sind nur 10,00\xa0€ Cashback verfügbar; gewünscht: 12,00\xa0€.")
    assert _german(_error(lambda: salon.redeem(salon.system_staff(), card, "cashback"))).startswith("Bitte angeben")


def test_customer_and_staff_refusals_in_german(make_shop):
    shop = make_shop("bakery")
    staff = shop.system_staff()
    assert _german(_error(lambda: shop.enroll(staff, email="nope"))) == "„nope“ ist keine E-Mail-Adresse."
    assert _german(_error(lambda: shop.enroll(staff, birthday="23/4/1990"))) == (
        "Geburtstag „23/4/1990“ ist kein Datum wie 23.04.1990.")
    assert "kein plausibles Datum" in _german(_error(lambda: shop.enroll(staff, birthday="1800-01-01")))
    assert _german(_error(lambda: shop.resolve(shop.new_token()))).startswith("Diese Karte wurde noch nicht benutzt")
    assert _german(_error(lambda: shop.sign_in("Nobody", "1234"))) == "Kein aktives Teammitglied namens Nobody."
    shop.add_staff("Jonas", "cashier", "1111")
    assert _german(_error(lambda: shop.add_staff("Jonas", "cashier", "2222"))) == (
        "Es gibt schon ein Teammitglied namens Jonas.")


def test_the_offline_limit_is_told_with_its_minutes_and_cap(make_shop):
    program = make_shop("salon").program
    i18n.install("de")
    text = messages.translate("offline_limit", "This till has not synced for 90 minutes: a customer can redeem at "
                              "most 12.00 EUR here until it is back online.", program)
    assert text == ("Diese Kasse hat seit 90 Minuten nicht abgeglichen: bis sie wieder online ist, kann ein Kunde "
                    "hier höchstens 12,00\xa0€ einlösen.")
    text = messages.translate("offline_limit", "This till has not synced yet: a customer can redeem at most 1 stamps "
                              "here until it is back online.")
    assert text.endswith("höchstens 1 Stempel einlösen.")



# ---- German words are longer ----

def _clipped(window):
    """Visible buttons and one-line labels narrower than their text or past the window's right edge, and empty
    fields too narrow for their placeholder."""
    widgets = window.findChildren(QPushButton) + [w for w in window.findChildren(QLabel) if not w.wordWrap()]
    out = []
    for widget in widgets:
        if not widget.isVisible() or not widget.text():
            continue
        right = widget.mapTo(window, widget.rect().topRight()).x()
        if widget.width() < widget.sizeHint().width() or right > window.width():
            out.append((widget.text(), widget.width(), widget.sizeHint().width(), right))
    for field in window.findChildren(QLineEdit):
        hint = field.placeholderText()
        room = field.width() - 2 * 12 - 2 * 3 - 4  # the theme's padding, a focused border, Qt's own margin
        if field.isVisible() and hint and not field.text() and field.fontMetrics().horizontalAdvance(hint) > room:
            out.append((hint, room, field.fontMetrics().horizontalAdvance(hint)))
    return out


@pytest.mark.parametrize("language", ["en", "de"])
def test_nothing_is_clipped_at_the_smallest_window(app, customer, language):
    i18n.install(language)
    window = app.window
    window.resize(window.minimumSize())
    app.qtbot.waitUntil(lambda: window.width() == window.minimumWidth(), timeout=2000)
    assert not _clipped(window), "sign-in"
    app.signed_in()
    assert not _clipped(window), "counter"
    for _ in range(8):
        app.service.checkout(app.service.system_staff(), customer[1], 500)
    app.scan(customer[1])
    assert app.counter.panel.reward_buttons
    assert not _clipped(window), "customer"
