"""`pos-loyalty messages ...`: the outbox from the command line (the parser lives in cli.py, the work here)."""

from __future__ import annotations

import os
import sys

from ..service import Loyalty
from . import outbox as outbox_module, smtp
from .kinds import KINDS, LANGUAGES, STATUSES
from .outbox import Outbox


def add_parser(sub) -> None:
    messages = sub.add_parser("messages", help="customer messages: plan, send, list, unsubscribe, e-mail settings")
    actions = messages.add_subparsers(dest="action", required=True)
    for name, text in (("plan", "plan the messages that are due (kept in the outbox)"),
                       ("send", "send the queued messages that are due"),
                       ("run", "plan, offer new messages to the server, send: what the app does every few minutes")):
        action = actions.add_parser(name, help=text)
        action.add_argument("--at", metavar="ISO-8601", help="as if it were this time (no offset = shop time)")
    listing = actions.add_parser("list", help="the outbox, newest first")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--kind", choices=KINDS)
    listing.add_argument("--limit", type=int, default=100)
    actions.add_parser("show", help="one message with its text").add_argument("id")
    preview = actions.add_parser("preview", help="a message's text with sample numbers")
    preview.add_argument("kind", choices=KINDS)
    preview.add_argument("--lang", choices=LANGUAGES, default="en")
    actions.add_parser("unsubscribe", help="a customer's unsubscribe code from an e-mail").add_argument("token")
    consent = actions.add_parser("consent", help="allow or stop e-mails to a customer")
    consent.add_argument("--card", required=True)
    consent.add_argument("answer", choices=("yes", "no"))
    language = actions.add_parser("language", help="the language of a customer's messages")
    language.add_argument("--card", required=True)
    language.add_argument("language", choices=(*LANGUAGES, "shop"), help="'shop': the program's language")
    settings = actions.add_parser("smtp", help="this till's e-mail (SMTP) settings").add_subparsers(
        dest="smtp_action", required=True)
    put = settings.add_parser("set", help="send from this till through this mail server")
    put.add_argument("--host", required=True)
    put.add_argument("--port", type=int)
    put.add_argument("--security", choices=smtp.SECURITY, default="starttls")
    put.add_argument("--user", default="")
    put.add_argument("--from", dest="sender", required=True, metavar="ADDRESS")
    put.add_argument("--from-name", default="", help="shown as the sender (default: the shop's name)")
    put.add_argument("--password-stdin", action="store_true",
                     help="read the password from standard input (it is kept out of the database)")
    settings.add_parser("show", help="the settings (never the password)")
    settings.add_parser("remove", help="stop sending from this till")
    settings.add_parser("test", help="send a test e-mail").add_argument("to")


def run(app: Loyalty, args, at) -> dict:
    outbox, action = Outbox(app), args.action
    if action == "plan":
        return outbox.plan(at)
    if action == "send":
        return outbox.send_due(at)
    if action == "run":
        return outbox_module.run(app.data_dir, at)
    if action == "list":
        return {"counts": outbox.counts(), "messages": [_listed(r) for r in outbox.rows(args.status, args.kind,
                                                                                       args.limit)]}
    if action == "show":
        return outbox.show(args.id)
    if action == "preview":
        text = outbox.preview(args.kind, args.lang)
        return {"subject": text.subject, "text": text.text}
    if action == "unsubscribe":
        return outbox.unsubscribe(args.token, at)
    if action in ("consent", "language"):
        customer_id = app.resolve(args.card)
        if action == "consent":
            outbox.set_consent(customer_id, args.answer == "yes", at)
        else:
            outbox.set_language(customer_id, None if args.language == "shop" else args.language)
        row = app.customer(customer_id)
        return {"customer_id": customer_id, "consent_email": bool(row["consent_email"]), "language": row["language"]}
    return _smtp(outbox, args)


def _smtp(outbox: Outbox, args) -> dict:
    action = args.smtp_action
    if action == "set":
        password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else ""
        chosen = smtp.SmtpSettings(host=args.host, sender=args.sender,
                                   port=args.port or smtp.DEFAULT_PORTS[args.security], security=args.security,
                                   username=args.user, password=password, sender_name=args.from_name)
        return {"smtp": outbox.configure(chosen).public()}
    if action == "remove":
        return {"smtp": None, "held": outbox.remove_settings()}
    if action == "test":
        outcome = outbox.test(args.to)
        return {"ok": outcome.status == "sent", "outcome": outcome.status, "detail": outcome.detail}
    settings = outbox.settings()
    return {"smtp": settings.public() if settings else None}


def _listed(row: dict) -> dict:
    keep = ("id", "kind", "status", "reason", "why", "name", "customer_id", "language", "planned_at", "not_before",
            "sent_at", "attempts", "by")
    return {k: row[k] for k in keep}


def human(args, result: dict) -> str:
    """Readable answers; scripts use --json."""
    action = args.action
    if action == "list":
        lines = [f"{r['planned_at'][:16]}  {r['status']:<7} {r['kind']:<16} {r['name'] or 'Guest':<20} "
                 + (r["why"] or (f"sent {r['sent_at'][:16]}" if r["sent_at"] else f"from {r['not_before'][:16]}"))
                 for r in result["messages"]]
        return "\n".join(lines) or "no messages"
    if action in ("show", "preview"):
        return f"Subject: {result['subject']}\n\n{result['text']}"
    if action == "smtp" and "outcome" in result:
        return f"test e-mail {result['outcome']}: {result['detail']}"
    if action == "unsubscribe":
        return f"{result['name'] or 'the customer'} gets no more e-mails"
    return ""



# ---- the central server: `pos-loyalty serve` options and `pos-loyalty server messages` ----

def add_serve_options(serve) -> None:
    group = serve.add_argument_group("customer messages", "the server sends the messages of shops whose tills do "
                                     "not (each also from $POS_LOYALTY_SMTP_HOST, _PORT, _SECURITY, _USER, _FROM, "
                                     "_FROM_NAME; the password only from $POS_LOYALTY_SMTP_PASSWORD or a file)")
    group.add_argument("--smtp-host")
    group.add_argument("--smtp-port", type=int)
    group.add_argument("--smtp-security", choices=smtp.SECURITY)
    group.add_argument("--smtp-user")
    group.add_argument("--smtp-from", metavar="ADDRESS")
    group.add_argument("--smtp-from-name")
    group.add_argument("--smtp-password-file", metavar="FILE")
    group.add_argument("--public-url", help="the address customers reach this server at, for unsubscribe links "
                                            "(default: $POS_LOYALTY_PUBLIC_URL, else http://HOST:PORT)")
    group.add_argument("--messages-every", type=float, default=60.0, metavar="SECONDS",
                       help="how often to plan and send (default 60)")


def add_admin(admin, tenant_options) -> None:
    listing = admin.add_parser("messages", help="the customer messages the server holds for a tenant")
    tenant_options(listing)
    listing.add_argument("--status", choices=STATUSES)


def admin_messages(storage, tenant: dict, status: str | None) -> dict:
    from . import central  # noqa: PLC0415 - the server's part needs its extras (SQLAlchemy)

    rows = central.Central(storage, None).rows(tenant["id"], status)
    return {"tenant": tenant["name"], "messages": [{k: r[k] for k in ("id", "kind", "customer_id", "status", "reason",
                                                                     "sender", "planned_at", "sent_at", "attempts")}
                                                   for r in rows]}


def serve_messages(url: str, args):
    """Start the server's message loop (central.MessageLoop) when it has SMTP settings; say on stderr what it does."""
    from ..server.storage import Storage  # noqa: PLC0415 - the server's part needs its extras (SQLAlchemy)
    from . import central  # noqa: PLC0415

    settings = smtp.from_env(host=args.smtp_host, port=args.smtp_port, security=args.smtp_security,
                             user=args.smtp_user, **{"from": args.smtp_from}, from_name=args.smtp_from_name,
                             password_file=args.smtp_password_file)
    if settings is None:
        print("customer messages: not sent from the server (no SMTP settings)", file=sys.stderr, flush=True)
        return None
    public = args.public_url or os.environ.get("POS_LOYALTY_PUBLIC_URL") or f"http://{args.host}:{args.port}"
    print(f"customer messages: sent through {settings.host}:{settings.port}, unsubscribe links to {public}",
          file=sys.stderr, flush=True)
    return central.MessageLoop(central.Central(Storage(url, migrate=False), settings, public),
                               args.messages_every).start()
