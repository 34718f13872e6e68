"""The UI's language (English or German) and the locale money, numbers and dates are shown in.

Which language: POS_LOYALTY_LANG if set (a demo, a test, a one-off), else the one chosen in Settings (kept with
QSettings), else the system's (German for any de_* locale, English otherwise). install() loads
resources/translations/pos_loyalty_<lang>.qm – English has one too, holding the plural forms of sources like
"%n stamp(s)" – and Qt's own qtbase_<lang>.qm (context menus, file and print dialogs). Qt then sends
QEvent.LanguageChange to every widget, whose retranslate() sets its texts again (see the views and widgets).

Money, numbers and dates go through babel in the UI's language: "12,50 €" in German, "€12.50" in English.
"""

from __future__ import annotations

import logging
import os
from datetime import date, datetime

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, get_decimal_symbol
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from pos_loyalty.money import format_money, plain
from pos_loyalty.paths import resource
from pos_loyalty.program import Program

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "de": "Deutsch"}  # each named in its own language, as language menus do
DEFAULT = "en"
ENV = "POS_LOYALTY_LANG"
ORGANIZATION = APPLICATION = "pos-loyalty"
SETTINGS_KEY = "ui/language"
_BABEL = {"en": "en", "de": "de_DE"}  # the locale when the shop's program names none in this language

_current = DEFAULT
_translators: list[QTranslator] = []


def supported(name: str | None) -> str | None:
    """'de_DE', 'de-AT', 'DE', 'de_DE.UTF-8' -> 'de'; None for a language the app has no translation for."""
    base = (name or "").replace("-", "_").split("_")[0].split(".")[0].strip().lower()
    return base if base in LANGUAGES else None


def system_language() -> str:
    return "de" if QLocale.system().name().lower().startswith("de") else DEFAULT


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def saved_language() -> str | None:
    return supported(str(settings().value(SETTINGS_KEY, "") or ""))


def save_language(language: str) -> None:
    store = settings()
    store.setValue(SETTINGS_KEY, language)
    store.sync()


def preferred_language() -> str:
    """POS_LOYALTY_LANG, else the saved choice, else the system locale."""
    return supported(os.environ.get(ENV)) or saved_language() or system_language()


def language() -> str:
    """The language installed now ('en' or 'de')."""
    return _current


def translations_dir():
    return resource("translations")


def install(lang: str, app: QCoreApplication | None = None) -> str:
    """Make `lang` the UI's language: swap the translators; every widget then gets QEvent.LanguageChange."""
    global _current
    lang = supported(lang) or DEFAULT
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a QApplication")
    if lang == _current and _translators:
        return lang
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for folder, name, required in ((str(translations_dir()), f"pos_loyalty_{lang}", True),
                                   (qt_dir, f"qtbase_{lang}", False)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
        elif required:
            log.warning("no translation %s.qm in %s (run scripts/update_translations.py)", name, folder)
    _current = lang
    QLocale.setDefault(QLocale(_BABEL[lang]))
    return lang


def fill(text: str, *args: object) -> str:
    """Put arguments into a translated text's %1, %2, … (PySide's tr() returns a str, which has no .arg())."""
    for index in range(len(args), 0, -1):  # %10 before %1
        text = text.replace(f"%{index}", str(args[index - 1]))
    return text


def locale_of(program: Program | None = None) -> str:
    """The babel locale for money and dates: the UI's language, in the shop's country where the program names one
    in that language (a Viennese shop's de_AT), else de_DE for German and plain en for English."""
    shop = program.locale if program else None
    if shop and supported(shop) == _current:
        return shop
    return _BABEL[_current]


def named(name: str, program: Program | None) -> str:
    """A tier, bonus or reward name as bookings keep it, in the UI's language where the program file gives one."""
    return program.name_in(name, _current) if program else name


def money(minor: int, program: Program | None = None, currency: str | None = None) -> str:
    currency = currency or (program.currency if program else "EUR")
    return format_money(minor, currency, locale_of(program))


def editable_amount(minor: int, program: Program | None = None) -> str:
    """An amount to put into a field the cashier may edit: '10,00' in German, '10.00' in English, no grouping."""
    currency = program.currency if program else "EUR"
    return plain(minor, currency).replace(".", get_decimal_symbol(locale_of(program)))


def number(value: int, program: Program | None = None) -> str:
    return format_decimal(value, locale=locale_of(program))


def day(value: date | str, program: Program | None = None) -> str:
    when = date.fromisoformat(value) if isinstance(value, str) else value
    return format_date(when, "medium", locale=locale_of(program))


def moment(value: datetime, program: Program | None = None) -> str:
    zone = program.zone if program else None
    return format_datetime(value.astimezone(zone) if zone else value, "short", locale=locale_of(program))
