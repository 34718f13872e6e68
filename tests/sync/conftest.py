"""Sync fixtures: a real server (uvicorn on an ephemeral loopback port) over SQLite, and over PostgreSQL when
POS_LOYALTY_TEST_PG_DSN is set (a fresh schema per test, dropped afterwards); real terminals in temp data folders."""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

import uvicorn  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from pos_loyalty.server.app import create_app  # noqa: E402
from pos_loyalty.server.storage import Storage, database_url  # noqa: E402
from pos_loyalty.service import Loyalty  # noqa: E402
from pos_loyalty.sync.backoff import Backoff  # noqa: E402
from pos_loyalty.sync.client import SyncClient  # noqa: E402

PG_DSN = os.environ.get("POS_LOYALTY_TEST_PG_DSN")

PROGRAM = """
[program]
name = "Sync Test"
currency = "EUR"
timezone = "Europe/Berlin"

[stamps]
per_purchase = 1

[points]
per_unit = 1
unit = "1.00"

[[bonuses]]
kind = "enrollment"
name = "Welcome"
points = 20

[[rewards]]
id = "coffee"
name = "Coffee"
points = 10

[[rewards]]
id = "bread"
name = "Bread"
stamps = 3
"""


class LiveServer:
    """create_app(storage) served by uvicorn in a thread on 127.0.0.1:<free port>."""

    def __init__(self, storage: Storage):
        self.storage = storage
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # uvicorn given a ready socket leaves Nagle on: every reused connection would wait 40 ms for an ACK.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(storage), log_level="warning", lifespan="off", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def tenant(self, name: str = "Chain") -> "Tenant":
        return Tenant(self, self.storage.create_tenant(name)["id"])


class Tenant:
    def __init__(self, server: LiveServer, tenant_id: str):
        self.server, self.id = server, tenant_id
        self.shops: dict[str, str] = {}

    def code(self, shop: str = "Main") -> str:
        if shop not in self.shops:
            created = self.server.storage.create_shop(self.id, shop)
            self.shops[shop] = created["id"]
            return created["code"]
        return self.server.storage.enrollment_code(self.shops[shop])


def _database_urls():
    yield "sqlite"
    if PG_DSN:
        yield "postgresql"


@pytest.fixture(params=list(_database_urls()))
def database_url_for_test(request, tmp_path):
    """A fresh, empty server database: a SQLite file, or a new PostgreSQL schema that is dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.db'}"
        return
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(database_url(PG_DSN), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_DSN else "?"
    try:
        yield f"{PG_DSN}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def storage(database_url_for_test):
    store = Storage(database_url_for_test)
    yield store
    store.close()


@pytest.fixture
def server(storage):
    live = LiveServer(storage)
    yield live
    live.stop()


class Terminal:
    """A shop terminal: the app's façade and a sync client on the same data folder (as the app has them)."""

    def __init__(self, folder: Path, program: str = PROGRAM, **client_options):
        self.dir = folder
        self.app = Loyalty(folder)
        program_path = folder / "program.toml"
        program_path.write_text(program, encoding="utf-8")
        self.app.load_program(program_path)
        self.client = SyncClient(folder, backoff=Backoff(base=0.01, cap=0.05), **client_options)
        self.staff = self.app.system_staff()

    def register(self, url: str, code: str, name: str = "Till") -> dict:
        return self.client.register(url, code, name)

    def sync(self):
        return self.client.sync()

    def close(self) -> None:
        self.client.close()
        self.app.close()

    # ---- what the shop does ----

    def enroll(self, **fields) -> str:
        return self.app.enroll(self.staff, **fields)[1]

    def buy(self, card: str, cents: int):
        return self.app.checkout(self.staff, card, cents)

    def redeem(self, card: str, reward: str = "coffee"):
        return self.app.redeem(self.staff, card, reward)

    # ---- what tests compare ----

    def event_ids(self) -> set[str]:
        return {r[0] for r in self.app.db.query("SELECT id FROM events")}

    def balances(self) -> dict[str, tuple[int, int, int]]:
        return {r[0]: (r[1], r[2], r[3]) for r in self.app.db.query(
            "SELECT customer_id, stamps, points, cashback FROM balances WHERE stamps != 0 OR points != 0 "
            "OR cashback != 0")}

    def profiles(self) -> dict[str, tuple]:
        fields = ("name", "email", "phone", "birthday", "consent_email", "merged_into")
        return {r[0]: tuple(self.app.customer(r[0])[f] for f in fields)
                for r in self.app.db.query("SELECT id FROM customers")}

    def cards(self) -> dict[str, tuple]:
        return {r[0]: tuple(r[1:]) for r in self.app.db.query(
            "SELECT token, customer_id, blocked_at FROM cards")}


@pytest.fixture
def terminals(tmp_path):
    """terminals("A") -> a Terminal in its own data folder, closed after the test."""
    made = []

    def make(name: str, **options) -> Terminal:
        terminal = Terminal(tmp_path / f"terminal-{name}-{len(made)}", **options)
        made.append(terminal)
        return terminal

    yield make
    for terminal in made:
        terminal.close()


def server_balances(storage: Storage, tenant_id: str) -> dict[str, tuple[int, int, int]]:
    return {k: v for k, v in storage.balances(tenant_id).items() if any(v)}
