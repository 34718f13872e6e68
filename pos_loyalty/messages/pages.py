"""The small web pages behind the unsubscribe link (served by the central server), in English or German."""

from __future__ import annotations

import html

_T = {
    "en": {"title": "Unsubscribe", "ask": "Do you want to stop receiving e-mails from {shop}?",
           "button": "Unsubscribe", "done_title": "Unsubscribed",
           "done": "You are unsubscribed: {shop} will send you no more e-mails.",
           "again": "Changed your mind? Ask at the counter."},
    "de": {"title": "Abmelden", "ask": "Möchten Sie keine E-Mails mehr von {shop} erhalten?", "button": "Abmelden",
           "done_title": "Abgemeldet", "done": "Sie sind abgemeldet: {shop} schickt Ihnen keine E-Mails mehr.",
           "again": "Doch anders entschieden? Sagen Sie es uns an der Kasse."},
}


def _page(language: str, title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title></head>"
            '<body style="font-family:Arial,Helvetica,sans-serif;max-width:480px;margin:48px auto;padding:0 16px;'
            f'font-size:17px;line-height:1.5;color:#222">{body}</body></html>\n')


def confirm(language: str, shop: str) -> str:
    """Mail scanners open links: only the button (a POST) unsubscribes."""
    t = _T.get(language, _T["en"])
    return _page(language, t["title"], f"<h1>{html.escape(t['title'])}</h1>"
                 f"<p>{html.escape(t['ask'].format(shop=shop))}</p>"
                 '<form method="post"><button type="submit" style="font-size:17px;padding:10px 24px">'
                 f"{html.escape(t['button'])}</button></form>")


def done(language: str, shop: str) -> str:
    t = _T.get(language, _T["en"])
    return _page(language, t["done_title"], f"<h1>{html.escape(t['done_title'])}</h1>"
                 f"<p>{html.escape(t['done'].format(shop=shop))}</p><p>{html.escape(t['again'])}</p>")


def invalid() -> str:
    return _page("en", "Unsubscribe", "<h1>Link not valid</h1><p>This unsubscribe link is not valid (any more). "
                 "Please ask the shop.</p><h1 lang=\"de\">Link ungültig</h1><p lang=\"de\">Dieser Abmelde-Link ist "
                 "nicht (mehr) gültig. Bitte fragen Sie im Geschäft nach.</p>")
