"""The messages' words in English and German: subject, plain text and simple HTML, each with the unsubscribe link.

A text is built from a row's facts (frozen when it was planned: the balance then, reward and tier names in its
language), the customer's name for the greeting (or a neutral one) and the unsubscribe link or code.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from ..money import format_money
from .kinds import LANGUAGES

LOCALES = {"en": "en_GB", "de": "de_DE"}  # when the program's locale is in another language


@dataclass(frozen=True)
class Unsubscribe:
    """How to stop the messages: a link (the server's page) when there is one, else a reply with the code."""

    token: str
    url: str | None = None
    mailto: str | None = None


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def locale_for(program_locale: str, language: str) -> str:
    return program_locale if program_locale.split("_")[0].lower() == language else LOCALES[language]


_T = {
    "en": {
        "hello": "Hello {name},", "hello_anon": "Hello,",
        "bye": "See you soon,\n{shop}",
        "welcome": ("Welcome to {shop}",
                    ["Thank you for joining the loyalty programme of {shop}.",
                     "Show your card at the counter with every purchase: it collects {what} for you."]),
        "reward_earned": ("You have earned: {reward}",
                          ["Good news: you can now redeem {reward} at {shop}. Just show your card at the counter."]),
        "cashback_earned": ("Your cashback is ready",
                            ["Good news: you can now redeem your cashback of {cashback} at {shop}."]),
        "tier_reached": ("You are now {tier}",
                         ["Congratulations: you have reached the {tier} level at {shop}. Thank you for your loyalty!"]),
        "birthday": ("Happy birthday from {shop}",
                     ["All of us at {shop} wish you a happy birthday on {day}!"]),
        "birthday_gift": "Come by within {days} days of your birthday and we will add {gift} to your card.",
        "reward_expiring": ("Your {reward} is about to expire",
                            ["{points} of your points expire on {date}. Without them you can no longer redeem "
                             "{reward}: come by before then and enjoy it."]),
        "points_expiring": ("{points} points expire on {date}",
                            ["{points} of your points at {shop} expire on {date}. Come by and redeem them before "
                             "then."]),
        "we_miss_you": ("We miss you at {shop}",
                        ["It has been {days} days since your last visit to {shop}. We would love to see you again "
                         "soon!"]),
        "test": ("Test e-mail from {shop}", ["This is a test: the e-mail settings of {shop}'s till work."]),
        "balance": "Your balance on {date}: {parts}.",
        "stamps_of": "{n} of {size} stamps", "stamps": ("{n} stamp", "{n} stamps"),
        "points": ("{n} point", "{n} points"), "cashback": "{money} cashback",
        "what": {"stamps": "stamps", "points": "points", "cashback": "cashback"}, "and": "and",
        "footer": "You receive this e-mail because you agreed to news from {shop}.",
        "unsubscribe_link": "Unsubscribe: {url}",
        "unsubscribe_reply": "To stop these e-mails, reply with the word \"unsubscribe\" (your code: {token}).",
    },
    "de": {
        "hello": "Hallo {name},", "hello_anon": "Guten Tag,",
        "bye": "Bis bald\nIhr Team von {shop}",
        "welcome": ("Willkommen bei {shop}",
                    ["schön, dass Sie beim Treueprogramm von {shop} dabei sind.",
                     "Zeigen Sie bei jedem Einkauf Ihre Karte an der Kasse: So sammeln Sie {what}."]),
        "reward_earned": ("Sie haben sich etwas verdient: {reward}",
                          ["gute Nachricht: Sie können jetzt {reward} bei {shop} einlösen. Zeigen Sie einfach Ihre "
                           "Karte an der Kasse."]),
        "cashback_earned": ("Ihr Cashback ist bereit",
                            ["gute Nachricht: Sie können jetzt Ihr Cashback von {cashback} bei {shop} einlösen."]),
        "tier_reached": ("Sie sind jetzt {tier}",
                         ["herzlichen Glückwunsch: Sie haben bei {shop} die Stufe {tier} erreicht. Danke für Ihre "
                          "Treue!"]),
        "birthday": ("Alles Gute zum Geburtstag von {shop}",
                     ["das ganze Team von {shop} wünscht Ihnen alles Gute zum Geburtstag am {day}!"]),
        "birthday_gift": "Kommen Sie in den {days} Tagen rund um Ihren Geburtstag vorbei, dann schreiben wir Ihnen "
                         "{gift} gut.",
        "reward_expiring": ("Ihre Prämie „{reward}“ verfällt bald",
                            ["am {date} verfallen {points} Ihrer Punkte. Ohne sie können Sie „{reward}“ nicht mehr "
                             "einlösen: Kommen Sie vorher vorbei und genießen Sie es."]),
        "points_expiring": ("{points} Punkte verfallen am {date}",
                            ["am {date} verfallen {points} Ihrer Punkte bei {shop}. Lösen Sie sie vorher ein."]),
        "we_miss_you": ("Wir vermissen Sie bei {shop}",
                        ["Ihr letzter Besuch bei {shop} ist schon {days} Tage her. Wir würden uns freuen, Sie bald "
                         "wiederzusehen!"]),
        "test": ("Test-E-Mail von {shop}", ["dies ist ein Test: Die E-Mail-Einstellungen der Kasse von {shop} "
                                            "funktionieren."]),
        "balance": "Ihr Stand am {date}: {parts}.",
        "stamps_of": "{n} von {size} Stempeln", "stamps": ("{n} Stempel", "{n} Stempel"),
        "points": ("{n} Punkt", "{n} Punkte"), "cashback": "{money} Cashback",
        "what": {"stamps": "Stempel", "points": "Punkte", "cashback": "Cashback"}, "and": "und",
        "footer": "Sie erhalten diese E-Mail, weil Sie Nachrichten von {shop} zugestimmt haben.",
        "unsubscribe_link": "Abmelden: {url}",
        "unsubscribe_reply": "Wenn Sie keine E-Mails mehr möchten, antworten Sie mit dem Wort „Abmelden“ (Ihr Code: "
                             "{token}).",
    },
}


def _plural(words: tuple[str, str], n: int) -> str:
    return (words[0] if n == 1 else words[1]).format(n=n)


def _join(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} {items[-1]}"


def _balance(t: dict, facts: dict, locale: str) -> str:
    balance, parts = facts.get("balance", {}), []
    if "stamps" in balance:
        n = balance["stamps"]
        parts.append(t["stamps_of"].format(n=n, size=balance["card_size"]) if "card_size" in balance
                     else _plural(t["stamps"], n))
    if "points" in balance:
        parts.append(_plural(t["points"], balance["points"]))
    if "cashback" in balance:
        parts.append(t["cashback"].format(money=format_money(balance["cashback"], facts["currency"], locale)))
    if not parts:
        return ""
    return t["balance"].format(date=_day(facts["as_of"], locale), parts=_join(parts, t["and"]))


def _day(text: str, locale: str) -> str:
    return format_date(date.fromisoformat(text), format="long", locale=locale)


def _gift(t: dict, bonus: dict, currency: str, locale: str) -> str:
    parts = []
    if bonus.get("stamps"):
        parts.append(_plural(t["stamps"], bonus["stamps"]))
    if bonus.get("points"):
        parts.append(_plural(t["points"], bonus["points"]))
    if bonus.get("cashback"):
        parts.append(t["cashback"].format(money=format_money(bonus["cashback"], currency, locale)))
    return _join(parts, t["and"]) if parts else ""


def render(kind: str, facts: dict, language: str, name: str | None, unsubscribe: Unsubscribe) -> Rendered:
    language = language if language in LANGUAGES else "en"
    t = _T[language]
    locale = facts.get("locale") or LOCALES[language]
    shop = facts.get("shop") or ""
    values = {"shop": shop, "reward": facts.get("reward", ""), "tier": facts.get("tier", ""),
              "points": facts.get("points", ""), "days": facts.get("days", ""),
              "date": _day(facts["expires"], locale) if "expires" in facts else "",
              "day": _day(facts["day"], locale) if "day" in facts else ""}
    key = "cashback_earned" if kind == "reward_earned" and facts.get("reward_id") == "cashback" else kind
    if key == "cashback_earned":
        values["cashback"] = format_money(facts.get("balance", {}).get("cashback", 0), facts["currency"], locale)
    if kind == "welcome":
        values["what"] = _join([t["what"][k] for k in ("stamps", "points", "cashback") if k in facts.get("balance", {})]
                               or [t["what"]["points"]], t["and"])
    subject, paragraphs = t[key]
    paragraphs = [p.format(**values) for p in paragraphs]
    if kind == "birthday" and facts.get("bonus"):
        gift = _gift(t, facts["bonus"], facts.get("currency", "EUR"), locale)
        if gift:
            paragraphs.append(t["birthday_gift"].format(days=facts["bonus"]["window_days"], gift=gift))
    greeting = t["hello"].format(name=name) if name else t["hello_anon"]
    balance = _balance(t, facts, locale)
    closing = t["bye"].format(shop=shop)
    footer = t["footer"].format(shop=shop)
    stop = (t["unsubscribe_link"].format(url=unsubscribe.url) if unsubscribe.url
            else t["unsubscribe_reply"].format(token=unsubscribe.token))
    text = "\n\n".join([greeting, *paragraphs, *([balance] if balance else []), closing, "--\n" + footer + "\n" + stop])
    return Rendered(subject.format(**values), text + "\n", _html(language, greeting, paragraphs, balance, closing,
                                                                  footer, t, unsubscribe))


def render_test(language: str, shop: str) -> Rendered:
    """The settings' test e-mail (no customer, so no balance and nothing to unsubscribe from)."""
    t = _T[language if language in LANGUAGES else "en"]
    subject, paragraphs = t["test"]
    body = [t["hello_anon"], *(p.format(shop=shop) for p in paragraphs), t["bye"].format(shop=shop)]
    e = html.escape
    markup = "".join(f"<p>{e(p)}</p>".replace("\n", "<br>") for p in body)
    return Rendered(subject.format(shop=shop), "\n\n".join(body) + "\n",
                    f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8"></head><body>{markup}'
                    "</body></html>\n")


def _html(language: str, greeting: str, paragraphs: list[str], balance: str, closing: str, footer: str, t: dict,
          unsubscribe: Unsubscribe) -> str:
    e = html.escape
    body = [f"<p>{e(greeting)}</p>", *(f"<p>{e(p)}</p>" for p in paragraphs)]
    if balance:
        body.append(f'<p style="background:#f4f1ea;padding:10px 14px;border-radius:6px">{e(balance)}</p>')
    body.append("<p>" + "<br>".join(e(line) for line in closing.split("\n")) + "</p>")
    if unsubscribe.url:
        stop = t["unsubscribe_link"].split("{url}")[0].rstrip(": ")
        stop = f'<a href="{e(unsubscribe.url, quote=True)}">{e(stop)}</a>'
    else:
        stop = e(t["unsubscribe_reply"].format(token=unsubscribe.token))
    body.append(f'<p style="color:#777;font-size:12px">{e(footer)}<br>{stop}</p>')
    return (f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8"></head>'
            '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222;'
            'max-width:560px">\n' + "\n".join(body) + "\n</body></html>\n")
