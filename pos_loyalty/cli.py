"""`pos-loyalty`: every shop operation from a terminal or a script; with --json, one JSON object per run."""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import entry_points
from pathlib import Path

from . import __version__, cards
from .clock import parse_at
from .errors import LoyaltyError
from .messages import commands as message_commands
from .reports import commands as report_commands
from .money import parse_amount, plain
from .paths import default_data_dir
from .rules import Item
from .scanning import decode_file
from .service import Loyalty
from .sync import commands as sync_commands


class UsageError(LoyaltyError):
    code = "usage"


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would print and exit; we answer like every other error
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="pos-loyalty", description="Offline-first loyalty program for a shop counter.")
    p.add_argument("--data-dir", type=Path, help="data folder (default: the user data folder)")
    p.add_argument("--json", action="store_true", help="print one JSON object (errors too)")
    p.add_argument("--staff", help="book as this staff member (default: the command line itself)")
    p.add_argument("--version", action="version", version=f"pos-loyalty {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    prog = sub.add_parser("program", help="load or show the loyalty program").add_subparsers(dest="action",
                                                                                              required=True)
    prog.add_parser("load", help="load a program file (a new version)").add_argument("file", type=Path)
    prog.add_parser("show", help="show the current program")

    cust = sub.add_parser("customer", help="enroll, find, edit, block, merge").add_subparsers(dest="action",
                                                                                              required=True)
    enroll = cust.add_parser("enroll", help="a new customer and card (all fields optional)")
    _person(enroll)
    enroll.add_argument("--referred-by", metavar="CARD", help="card of the customer who recommended us")
    enroll.add_argument("--card", help="a pre-printed card to use instead of a new one")
    cust.add_parser("find", help="search by name, email, phone or card").add_argument("text")
    cust.add_parser("show", help="a customer's details and history").add_argument("--card", required=True)
    edit = cust.add_parser("edit", help="change a customer's details")
    edit.add_argument("--card", required=True)
    _person(edit)
    block = cust.add_parser("block", help="block a lost card")
    block.add_argument("--card", required=True)
    block.add_argument("--reason", default="lost")
    cust.add_parser("reissue", help="block the card and issue a new one for the same account").add_argument(
        "--card", required=True)
    merge = cust.add_parser("merge", help="move one account into another")
    merge.add_argument("--from", dest="source", required=True, metavar="CARD")
    merge.add_argument("--into", dest="target", required=True, metavar="CARD")
    export = cust.add_parser("export", help="everything held about a customer, as JSON (their right of access)")
    export.add_argument("--card", required=True)
    export.add_argument("--out", type=Path, metavar="FILE", help="write it to this file (default: print it)")
    erase = cust.add_parser("erase", help="erase a customer's personal data on request; the ledger's figures stay")
    erase.add_argument("--card", required=True)
    erase.add_argument("--reason", required=True, help="why, for the audit (no names)")
    erase.add_argument("--yes", action="store_true", help="really erase (it cannot be undone)")

    staff = sub.add_parser("staff", help="staff members and PINs").add_subparsers(dest="action", required=True)
    add = staff.add_parser("add")
    add.add_argument("--name", required=True)
    add.add_argument("--role", choices=("cashier", "owner"), default="cashier")
    add.add_argument("--pin", required=True)
    staff.add_parser("list")
    pin = staff.add_parser("pin", help="set a new PIN (also unlocks)")
    pin.add_argument("--name", required=True)
    pin.add_argument("--pin", required=True)
    for verb in ("disable", "enable"):
        staff.add_parser(verb).add_argument("--name", required=True)

    checkout = sub.add_parser("checkout", help="book a purchase")
    checkout.add_argument("--card", required=True)
    checkout.add_argument("--amount", required=True, help="total paid, e.g. 12.50")
    checkout.add_argument("--item", action="append", default=[], metavar="SKU[:PRICE]",
                          help="an item of this purchase (its price is part of the total)")
    _at(checkout)
    redeem = sub.add_parser("redeem", help="redeem a reward")
    redeem.add_argument("--card", required=True)
    redeem.add_argument("--reward", required=True)
    redeem.add_argument("--amount", help="for cashback: how much")
    _at(redeem)
    void = sub.add_parser("void", help="undo a booking (a purchase, redemption or adjustment)")
    void.add_argument("event_id")
    _at(void)
    adjust = sub.add_parser("adjust", help="add or remove points by hand, with a reason")
    adjust.add_argument("--card", required=True)
    adjust.add_argument("--points", type=int, required=True)
    adjust.add_argument("--reason", required=True)
    _at(adjust)
    sub.add_parser("balance", help="stamps, points, cashback, tier").add_argument("--card", required=True)

    card = sub.add_parser("card", help="card images").add_subparsers(dest="action", required=True)
    image = card.add_parser("image", help="save a card's QR as PNG")
    image.add_argument("--card", required=True)
    image.add_argument("-o", "--output", type=Path, required=True)
    sub.add_parser("decode", help="read card codes from images").add_argument("images", nargs="+", type=Path)

    _at(sub.add_parser("expire", help="expire points past their date (the nightly job runs it)"))
    sub.add_parser("check", help="verify the database and balances").add_argument("--repair", action="store_true")
    sub.add_parser("backup", help="copy the database safely").add_argument("dest", type=Path)
    key = sub.add_parser("key", help="the key to the customers' personal data (keep a copy with the backups)")
    key_sub = key.add_subparsers(dest="action", required=True)
    key_sub.add_parser("export", help="write the key to a file (keep it apart from the backups)").add_argument(
        "file", type=Path)
    key_sub.add_parser("import", help="restore the key from an exported file").add_argument("file", type=Path)
    demo = sub.add_parser("demo", help="fill the data folder with a realistic demo shop")
    demo.add_argument("--customers", type=int, default=300)
    demo.add_argument("--days", type=int, default=180)
    demo.add_argument("--program", default="bakery", help="sample program name or file")
    gui = sub.add_parser("gui", help="start the counter app (the default)")
    gui.add_argument("--camera", help="camera index, video file or folder of images")
    gui.add_argument("--self-test", action="store_true",
                     help="check the installation on a temporary shop (offscreen if there is no display), then exit")
    sync_commands.add_commands(sub)
    _import_commands(sub)
    message_commands.add_parser(sub)
    report_commands.add_parser(sub)
    return p


def _import_commands(sub) -> None:
    from .importer import FIELDS, IGNORE  # noqa: PLC0415

    imp = sub.add_parser("import", help="customers from a CSV file (a paper card list, another app)")
    imp_sub = imp.add_subparsers(dest="action", required=True)
    customers = imp_sub.add_parser(
        "customers", help="import customers with their stamps, points and cashback as opening balances",
        description="Reads a CSV file (';', ',' or tab; UTF-8 or Windows-1252, as Excel writes it) with a header "
                    "row; the columns are recognised by their titles (English or German). Every row is checked "
                    "first: while any row has a problem nothing is imported, unless --skip-bad-rows. Everything "
                    "is imported in one transaction; rows an earlier import brought in are left alone.")
    customers.add_argument("file", type=Path)
    customers.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                           help=f"what a column holds (its title or number): {', '.join(FIELDS)}, or {IGNORE}; "
                                "overrides the guess from the header (repeatable)")
    customers.add_argument("--dry-run", action="store_true", help="check and count only; nothing is written")
    customers.add_argument("--skip-bad-rows", action="store_true",
                           help="import the good rows and skip the rows with problems")
    customers.add_argument("--cards", type=Path, metavar="CSV", help="write the new cards (name, card) to this file")
    imp_sub.add_parser("list", help="earlier imports: when, which file, by whom, what they did")
    cards = imp_sub.add_parser("cards", help="the new cards of an earlier import, as CSV (to print them)")
    cards.add_argument("import_id")
    cards.add_argument("-o", "--output", type=Path, required=True, metavar="CSV")


def _person(parser) -> None:
    for name in ("name", "email", "phone"):
        parser.add_argument(f"--{name}")
    parser.add_argument("--birthday", metavar="YYYY-MM-DD")
    parser.add_argument("--consent-email", action="store_true", default=None)


def _at(parser) -> None:
    parser.add_argument("--at", metavar="ISO-8601", help="book at this time (default: now); no offset = shop time")


_GLOBAL_FLAGS, _GLOBAL_OPTIONS = ("--json",), ("--data-dir", "--staff")


def _hoist_globals(argv: list[str]) -> list[str]:
    """Let --json, --data-dir and --staff stand anywhere on the line, as people type them."""
    front, rest, i = [], [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg in _GLOBAL_FLAGS or arg.split("=", 1)[0] in _GLOBAL_OPTIONS and "=" in arg:
            front.append(arg)
        elif arg in _GLOBAL_OPTIONS and i + 1 < len(argv):
            front += argv[i:i + 2]
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


def _installed_gui():
    """The window comes from the distribution's `pos_loyalty.gui` entry point: the core never imports the UI."""
    for entry in entry_points(group="pos_loyalty.gui"):
        return entry.load()
    raise LoyaltyError("The counter app is not installed (only the command line is).", code="no_gui")


def main(argv: list[str] | None = None, gui=None) -> int:
    """Run one command. `gui` is the window's run(data_dir, camera) when the caller has it at hand."""
    argv = _hoist_globals(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in argv
    try:
        args = build_parser().parse_args(argv)
        if args.command in (None, "gui"):
            run = gui or _installed_gui()
            return run(args.data_dir or default_data_dir(), camera=getattr(args, "camera", None),
                       self_test=getattr(args, "self_test", False))
        result = _run(args)
    except LoyaltyError as exc:
        _emit_error(exc.code, exc.message, as_json)
        return 2 if exc.code == "usage" else 1
    except KeyboardInterrupt:
        return 130
    if args.json:
        print(json.dumps(result, ensure_ascii=False, default=str))
    else:
        print(_human(args, result))
    return 1 if result.get("ok") is False else 0


def _emit_error(code: str, message: str, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False))
    else:
        print(f"error: {message}", file=sys.stderr)


def _run(args) -> dict:
    if args.command == "decode":
        return _decode(args.images)
    data_dir = args.data_dir or default_data_dir()
    if args.command in sync_commands.COMMANDS:
        return sync_commands.run(args, data_dir)
    if args.command == "demo":
        from .demo import build  # noqa: PLC0415

        return build(data_dir, customers=args.customers, days=args.days, program=args.program)
    app = Loyalty(data_dir)
    try:
        return _dispatch(app, args)
    finally:
        app.close()


def _dispatch(app: Loyalty, args) -> dict:
    staff = app.staff_member(args.staff) if args.staff else app.system_staff()
    at = _when(app, getattr(args, "at", None))
    command, action = args.command, getattr(args, "action", None)
    if command == "program":
        if action == "load":
            version = app.load_program(args.file, staff)
            return {"version": version, "name": app.program.name}
        return {"version": app.program_version, "name": app.program.name, "source": app.program.source}
    if command == "customer":
        return _customer(app, args, staff, action)
    if command == "staff":
        return _staff(app, args, action)
    if command == "checkout":
        amount = parse_amount(args.amount, app.program.currency)
        items = [_item(text, app.program.currency) for text in args.item]
        return app.checkout(staff, args.card, amount, items, at).as_dict()
    if command == "redeem":
        amount = parse_amount(args.amount, app.program.currency) if args.amount else None
        return app.redeem(staff, args.card, args.reward, amount, at).as_dict()
    if command == "void":
        return app.void(staff, args.event_id, at).as_dict()
    if command == "adjust":
        return app.adjust(staff, args.card, args.points, args.reason, at).as_dict()
    if command == "balance":
        return app.balance(args.card).as_dict()
    if command == "card":
        token = cards.verify(args.card, app.card_keys()).text
        cards.card_image(token, app.program.name).save(args.output, format="PNG")
        return {"card": token, "file": str(args.output)}
    if command == "expire":
        return app.expire(at, staff)
    if command == "check":
        return app.check(repair=args.repair)
    if command == "import":
        return _import(app, args, staff)
    if command == "backup":
        return {"backup": str(app.backup(args.dest)), "key_id": app.db.meta("personal_key_id"),
                "note": "Names, emails, phone numbers and birthdays in this copy are encrypted: restoring it on "
                        "another computer needs this data folder's key too. Keep a copy of it apart from the "
                        "backups: pos-loyalty key export FILE."}
    if command == "key":
        return _key(app, args)
    if command == "messages":
        return message_commands.run(app, args, at)
    if command == "report":
        return report_commands.run(app, args)
    raise UsageError(f"unknown command {command}")


def _key(app: Loyalty, args) -> dict:
    from .keys import write_private  # noqa: PLC0415
    from .store import personal  # noqa: PLC0415

    if args.action == "export":
        write_private(args.file, personal.export_key(app.db.conn))
        return {"exported": str(args.file), "key_id": app.db.meta("personal_key_id"),
                "note": "Anyone with this file and a backup can read the customers' personal data: keep it "
                        "somewhere safe, apart from the backups."}
    try:
        text = args.file.read_text(encoding="utf-8")
    except OSError as exc:
        raise LoyaltyError(f"Cannot read {args.file}: {exc.strerror}.", code="bad_key_file") from None
    return {"imported": personal.import_key(app.db.conn, text), "stored_in": app.db.meta("personal_key_store")}


def _customer(app: Loyalty, args, staff, action: str) -> dict:
    person = {k: getattr(args, k, None) for k in ("name", "email", "phone", "birthday")}
    if action == "enroll":
        customer_id, token, entries = app.enroll(staff, referred_by=args.referred_by, card=args.card,
                                                 consent_email=bool(args.consent_email), **person)
        return {"id": customer_id, "card": token, "bonuses": [e.reason for e in entries],
                "balance": app.balance_of(customer_id).as_dict()}
    if action == "find":
        return {"customers": [_public(c) for c in app.search(args.text)]}
    if action == "merge":
        source, target = app.resolve(args.source), app.resolve(args.target)
        app.merge(staff, source, target)
        return {"merged": source, "into": target, "balance": app.balance_of(target).as_dict()}
    if action == "block":
        return {"blocked": cards.verify(args.card, app.card_keys()).text,
                "customer": app.block_card(args.card, args.reason)}
    if action in ("export", "erase"):
        return _privacy(app, args, staff, action)
    customer_id = app.resolve(args.card)
    if action == "reissue":
        return {"id": customer_id, "card": app.reissue_card(customer_id)}
    if action == "edit":
        changes = {k: v for k, v in person.items() if v is not None}
        if args.consent_email is not None:
            changes["consent_email"] = True
        app.update_customer(customer_id, **changes)
    return {"customer": _public(app.customer(customer_id)), "balance": app.balance_of(customer_id).as_dict(),
            "history": app.history(customer_id) if action == "show" else []}


def _privacy(app: Loyalty, args, staff, action: str) -> dict:
    from . import privacy  # noqa: PLC0415

    customer_id = privacy.customer_of_card(app, args.card)
    if action == "export":
        if args.out:
            return {"exported": str(privacy.save_export(app, customer_id, args.out, staff)), "customer": customer_id}
        return privacy.export(app, customer_id, staff)
    if not args.yes:
        raise UsageError("Nothing was erased. Erasing removes the customer's name, email, phone, birthday and "
                         "consent, blocks their cards and cannot be undone; the ledger's amounts stay for the books. "
                         "Add --yes to erase.", code="confirm")
    return privacy.erase(app, customer_id, staff, args.reason)


def _staff(app: Loyalty, args, action: str) -> dict:
    if action == "add":
        member = app.add_staff(args.name, args.role, args.pin)
        return {"id": member.id, "name": member.name, "role": member.role}
    if action == "pin":
        app.set_pin(args.name, args.pin)
    elif action in ("disable", "enable"):
        app.set_staff_active(args.name, action == "enable")
    return {"staff": [{k: s[k] for k in ("id", "name", "role", "active", "failed_pins", "locked_until")}
                      for s in app.staff_list()]}


def _import(app: Loyalty, args, staff) -> dict:
    from . import importer  # noqa: PLC0415

    if args.action == "list":
        return {"imports": importer.imports(app)}
    if args.action == "cards":
        imported = importer.cards_of(app, args.import_id)
        importer.write_cards(args.output, imported)
        return {"import_id": args.import_id, "cards": len(imported), "file": str(args.output)}
    table = importer.read(args.file)
    mapping = importer.apply(table.header, importer.guess(table.header), args.map)
    plan = importer.build(app, table, mapping)
    acceptable = args.skip_bad_rows or not plan.problems
    if args.dry_run or not acceptable:
        return plan.summary() | {"ok": acceptable, "dry_run": args.dry_run, "imported": 0}
    result = importer.run(app, plan, staff, skip_bad_rows=args.skip_bad_rows)
    if args.cards:
        importer.write_cards(args.cards, result.cards, table.delimiter)
    return result.summary() | {"dry_run": False, "cards_file": str(args.cards) if args.cards else None}


def _import_text(args, result: dict) -> str:
    if args.action == "list":
        return "\n".join(f"{i['id']}  {i['at'][:16]}  {i['file']}  {i['summary'].get('new_customers', 0)} customers"
                         f"  by {i['staff']}" for i in result["imports"]) or "no imports yet"
    if args.action == "cards":
        return f"{result['cards']} cards written to {result['file']}"
    lines = [f"{result['file']}: {result['rows']} rows ({result['encoding']}, "
             f"separator {result['delimiter']!r})",
             f"  {result['new_customers']} new customers; opening balances: {result['opening_stamps']} stamps, "
             f"{result['opening_points']} points, {result['opening_cashback']} {result['currency']} cashback"]
    if result["already_imported"]:
        lines.append(f"  {result['already_imported']} rows were imported before and are left alone")
    if result["bad_rows"]:
        lines.append(f"  {result['bad_rows']} rows have problems:")
        shown = result["problems"][:50]
        lines += [f"    line {p['line']}{', ' + p['column'] if p['column'] else ''}: {p['message']}" for p in shown]
        if len(result["problems"]) > len(shown):
            lines.append(f"    ... and {len(result['problems']) - len(shown)} more (--json lists them all)")
    if result["dry_run"]:
        lines.append("dry run: nothing was written" + (
            "" if result["ok"] else "; the import would be refused (fix the file, or add --skip-bad-rows)"))
    elif not result["ok"]:
        lines.append(f"nothing was imported: fix the file, or run again with --skip-bad-rows to import the "
                     f"{result['new_customers']} good rows and skip the {result['bad_rows']} with problems")
    else:
        lines.append(f"imported {result['imported']} customers (import {result['import_id']}), skipped "
                     f"{result['skipped']} rows" + (f"; new cards in {result['cards_file']}"
                                                    if result["cards_file"] else ""))
    return "\n".join(lines)


def _decode(images: list[Path]) -> dict:
    results, ok = [], True
    for path in images:
        try:
            tokens = decode_file(path)
            if tokens:
                results.append({"image": str(path), "tokens": tokens})
            else:
                ok = False
                results.append({"image": str(path), "error": {"code": "no_code",
                                                              "message": "No QR code found in this image."}})
        except LoyaltyError as exc:
            ok = False
            results.append({"image": str(path), "error": {"code": exc.code, "message": exc.message}})
    return {"images": results, "ok": ok}


def _item(text: str, currency: str) -> Item:
    sku, _, price = text.partition(":")
    if not sku.strip():
        raise UsageError(f"--item {text!r}: give an item code, optionally with a price (BIO-BREAD:4.20)")
    return Item(sku.strip().upper(), parse_amount(price, currency) if price else None)


def _when(app: Loyalty, text: str | None):
    if not text:
        return None
    try:
        zone = app.program.timezone
    except LoyaltyError:
        zone = "Europe/Berlin"
    return parse_at(text, zone)


def _public(customer: dict) -> dict:
    return {k: v for k, v in customer.items() if k not in ("num", "phone_rev")}


def _human(args, result: dict) -> str:
    """A short readable answer; scripts should use --json."""
    command = args.command
    if command == "messages" and message_commands.human(args, result):
        return message_commands.human(args, result)
    if command == "report":
        return result["text"]
    if "event_id" in result:
        bal, earned = result["balance"], result["earned"]
        parts = [f"{v:+d} {k}" for k, v in earned.items() if k != "bonuses" and v]
        lines = [f"booked {result['kind']} {result['event_id']}" + (f": {', '.join(parts)}" if parts else "")]
        lines += [f"  bonus: {b['name']}" for b in earned["bonuses"]]
        if result.get("tier_change"):
            lines.append(f"  tier: {result['tier_change']}")
        return "\n".join(lines + [_balance_line(bal)])
    if command == "balance":
        return _balance_line(result)
    if command == "import":
        return _import_text(args, result)
    if command == "customer" and args.action == "erase":
        return (f"erased customer {result['customer']}: {result['cards_blocked']} card(s) blocked, "
                f"{result['reasons_erased']} typed reason(s) blanked; the ledger's figures stay")
    if command == "customer" and args.action == "export" and "exported" in result:
        return f"customer {result['customer']}: data written to {result['exported']}"
    if command == "customer" and args.action in ("enroll", "reissue"):
        return f"customer {result['id']}\ncard {result['card']}"
    if command == "customer" and args.action == "find":
        return "\n".join(f"{c['id']}  {c['name'] or 'Guest'}  {c['email'] or ''}  {c['phone'] or ''}"
                         for c in result["customers"]) or "no customer found"
    if command == "decode":
        return "\n".join(f"{r['image']}: "
                         + (" ".join(r["tokens"]) if "tokens" in r else "error: " + r["error"]["message"])
                         for r in result["images"])
    if command == "check":
        state = "ok" if result["ok"] else f"{len(result['mismatched_balances'])} balance(s) differ from the ledger"
        return f"integrity: {', '.join(result['integrity'])}; balances: {state}" + (
            " (repaired)" if result["repaired"] else "")
    if command == "sync" and "summary" in result:
        return result["summary"] + (f"; expired {result['expired'].get('points_expired', 0)} points"
                                     if isinstance(result.get("expired"), dict) else "") + (
            f"; backup {result['backup']}" if result.get("backup") else "")
    if command == "backup":
        return f"backup {result['backup']}\n{result['note']}"
    if command == "key":
        return (f"key {result['key_id']} written to {result['exported']}\n{result['note']}" if "exported" in result
                else f"key {result['imported']} restored ({result['stored_in']})")
    if command == "serve":
        return "server stopped"
    if command == "register":
        return (f"registered as terminal {result['terminal_id']} of {result['shop']} ({result['tenant']}) "
                f"at {result['url']}")
    if command == "server" and args.action in ("shop-create", "code"):
        return (f"shop {result.get('name') or result.get('shop')}: enrollment code {result['code']} "
                "(one terminal, valid 7 days; type it into the app or 'pos-loyalty register URL CODE')")
    if command == "server" and args.action == "openapi":
        return json.dumps(result, indent=2)
    if command == "server" and args.action == "terminals":
        return "\n".join(f"{t['id']}  {t['shop']:<16} {t['name']:<16} last seen {t['last_seen_at'] or 'never'}"
                         + ("  REVOKED" if t["revoked_at"] else "") for t in result["terminals"]) or "no terminals"
    if command == "demo":
        staff = ", ".join(f"{s['name']} ({s['role']}, PIN {s['pin']})" for s in result["staff"])
        return (f"demo shop in {result['data_dir']}: {result['customers']} customers, {result['purchases']} purchases, "
                f"{result['redemptions']} redemptions\nstaff: {staff}\ncard images: {result['cards'][0]} ...")
    return json.dumps(result, ensure_ascii=False, indent=2, default=str)


def _balance_line(bal: dict) -> str:
    rewards = ", ".join(bal["rewards_available"]) or "none"
    tier = f", tier {bal['tier']}" if bal["tier"] else ""
    return (f"balance: {bal['stamps']} stamps, {bal['points']} points, cashback {plain(bal['cashback'])}{tier}; "
            f"rewards available: {rewards}")
