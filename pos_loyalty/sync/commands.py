"""The command line's sync and server commands: `register`, `sync`, `schedule` on a till; `serve` and `server ...`
(the central server's admin) where the server is installed. pos_loyalty/cli.py adds them and hands them over here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import LoyaltyError
from ..messages import commands as message_commands
from ..service import Loyalty

COMMANDS = ("register", "sync", "schedule", "serve", "server")


def add_commands(sub) -> None:
    register = sub.add_parser("register", help="connect this terminal to a sync server with an enrollment code")
    register.add_argument("url", help="the server, e.g. https://loyalty.example.com")
    register.add_argument("code", help="the one-time code from 'pos-loyalty server shop-create' or 'server code'")
    register.add_argument("--name", default="Terminal", help="how the server lists this terminal")
    sync = sub.add_parser("sync", help="sync with the server, then expire points and back up (the nightly job)")
    sync.add_argument("--no-chores", action="store_true", help="only sync: no expiry, no backup")
    sync.add_argument("--status", action="store_true", help="only show the sync state, do not sync")
    schedule = sub.add_parser("schedule", help="run 'sync' every night (systemd timer, cron or Task Scheduler)")
    schedule_sub = schedule.add_subparsers(dest="action", required=True)
    schedule_sub.add_parser("install").add_argument("--at", default="02:30", metavar="HH:MM")
    schedule_sub.add_parser("remove")

    serve = sub.add_parser("serve", help="run the central sync server")
    _database(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--workers", type=int, default=1, help="server processes (PostgreSQL only)")
    message_commands.add_serve_options(serve)
    admin = sub.add_parser("server", help="administer the central server's database").add_subparsers(
        dest="action", required=True)
    for name, text in (("tenant-create", "a new tenant (a chain of shops)"), ("tenants", "list tenants")):
        parser = admin.add_parser(name, help=text)
        _database(parser)
        if name == "tenant-create":
            parser.add_argument("name")
    shop = admin.add_parser("shop-create", help="a new shop; prints a one-time enrollment code for a terminal")
    _tenant(shop)
    shop.add_argument("name")
    code = admin.add_parser("code", help="a new one-time enrollment code for another terminal of a shop")
    _tenant(code)
    code.add_argument("--shop", required=True, metavar="NAME_OR_ID")
    _tenant(admin.add_parser("terminals", help="list a tenant's terminals"))
    revoke = admin.add_parser("revoke", help="refuse a terminal from now on")
    _database(revoke)
    revoke.add_argument("terminal_id")
    upload = admin.add_parser("program-upload", help="a new program version for every terminal of the tenant")
    _tenant(upload)
    upload.add_argument("file", type=Path)
    _tenant(admin.add_parser("conflicts", help="overspends and doubly used cards to settle"))
    message_commands.add_admin(admin, _tenant)
    admin.add_parser("openapi", help="print the API's OpenAPI schema (openapi.json)")


def _database(parser) -> None:
    parser.add_argument("--database-url", metavar="URL",
                        help="postgresql://user@host/db or sqlite:///file (default: $POS_LOYALTY_DATABASE_URL, "
                             "else server.db in the data folder)")


def _tenant(parser) -> None:
    _database(parser)
    parser.add_argument("--tenant", required=True, metavar="NAME_OR_ID")


def run(args, data_dir: Path) -> dict:
    if args.command in ("serve", "server"):
        return _server(args, data_dir)
    return _terminal(args, data_dir)


def _terminal(args, data_dir: Path) -> dict:
    from . import nightly, schedule  # noqa: PLC0415
    from .client import SyncClient  # noqa: PLC0415

    Loyalty(data_dir).close()  # a first run creates the terminal's identity and card key
    if args.command == "schedule":
        if args.action == "install":
            return schedule.install(data_dir, args.at)
        return schedule.remove()
    if args.command == "register":
        with SyncClient(data_dir) as client:
            return client.register(args.url, args.code, args.name)
    if args.status:
        with SyncClient(data_dir) as client:
            return client.status()
    return nightly.nightly(data_dir, chores=not args.no_chores)


def _server(args, data_dir: Path) -> dict:
    try:
        from ..server.storage import Storage  # noqa: PLC0415
    except ImportError:
        raise LoyaltyError("The server is not installed here: pip install 'pos-loyalty[server]'.",
                           code="no_server") from None
    if args.command == "server" and args.action == "openapi":
        from ..server.app import openapi_document  # noqa: PLC0415

        return openapi_document()
    url = (args.database_url or os.environ.get("POS_LOYALTY_DATABASE_URL")
           or f"sqlite:///{Path(data_dir) / 'server.db'}")
    if args.command == "serve":
        return _serve(url, args)
    storage = Storage(url)
    try:
        return _admin(storage, args)
    finally:
        storage.close()


def _serve(url: str, args) -> dict:
    import uvicorn  # noqa: PLC0415

    from ..server.app import create_app  # noqa: PLC0415
    from ..server.storage import Storage  # noqa: PLC0415

    storage = Storage(url)  # migrate once, before any worker starts
    print(f"pos-loyalty server on http://{args.host}:{args.port} ({url.split('://')[0]})", file=sys.stderr, flush=True)
    messages = message_commands.serve_messages(url, args)
    try:
        if args.workers > 1:
            storage.close()
            os.environ["POS_LOYALTY_DATABASE_URL"] = url
            uvicorn.run("pos_loyalty.server.app:app_from_env", factory=True, host=args.host, port=args.port,
                        workers=args.workers, log_level="warning")
        else:
            uvicorn.run(create_app(storage), host=args.host, port=args.port, log_level="warning")
    finally:
        if messages:
            messages.stop()
    return {"stopped": True}


def _admin(storage, args) -> dict:
    action = args.action
    if action == "tenant-create":
        return storage.create_tenant(args.name)
    if action == "tenants":
        return {"tenants": storage.tenants()}
    if action == "revoke":
        return storage.revoke(args.terminal_id)
    tenant = storage.tenant(args.tenant)
    if action == "shop-create":
        return storage.create_shop(tenant["id"], args.name)
    if action == "code":
        shop = storage.shop(tenant["id"], args.shop)
        return {"shop": shop["name"], "code": storage.enrollment_code(shop["id"])}
    if action == "terminals":
        return {"tenant": tenant["name"], "terminals": storage.terminals(tenant["id"])}
    if action == "program-upload":
        from .. import program as program_file  # noqa: PLC0415

        parsed = program_file.load(args.file)
        return {"tenant": tenant["name"], "version": storage.upload_program(tenant["id"], parsed.name, parsed.source),
                "name": parsed.name}
    if action == "messages":
        return message_commands.admin_messages(storage, tenant, args.status)
    if action == "conflicts":
        return {"tenant": tenant["name"], "conflicts": storage.conflicts(tenant["id"])}
    raise LoyaltyError(f"unknown server command {action}", code="usage")
