#!/usr/bin/env python
"""Sync throughput: a month-offline backlog pushed and pulled, 20 terminals pushing at once, an idle round trip,
each next to a raw bulk insert of the same rows into the same server database, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/bench_sync.py [--events 100000] [--terminals 20] [--per-terminal 2500]
                                              [--idle-runs 50] [--databases sqlite,postgresql] [--pg-dsn DSN]
                                              [--json FILE]

The server runs as `pos-loyalty serve` in its own process (one uvicorn worker) on a loopback port; the terminals
are real data folders driven by the real SyncClient in this process. The backlog terminal's events are written
straight into its SQLite file (purchases of 2,000 customers over 30 days, unsynced), as the counter would have
left them. The baseline inserts the same event rows into a scratch copy of the server's events table: COPY on
PostgreSQL, executemany on SQLite (both in one transaction).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, fmt_ms, machine_info, ratio, table, utc_stamp, write_json  # noqa: E402

import httpx  # noqa: E402
from sqlalchemy import MetaData, create_engine, insert, text  # noqa: E402

from pos_loyalty.clock import to_db  # noqa: E402
from pos_loyalty.ledger import customer_id_for  # noqa: E402
from pos_loyalty.server import schema  # noqa: E402
from pos_loyalty.server.storage import Storage, database_url  # noqa: E402
from pos_loyalty.service import Loyalty  # noqa: E402
from pos_loyalty.sync import protocol  # noqa: E402
from pos_loyalty.sync.client import SyncClient  # noqa: E402

PROGRAM = REPO / "resources" / "programs" / "bakery.toml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`pos-loyalty serve` in a subprocess on a free loopback port."""

    def __init__(self, url: str, workdir: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pos_loyalty", "--data-dir", str(workdir), "serve", "--database-url", url,
             "--port", str(self.port)], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/v1/meta", timeout=1)
                return
            except httpx.TransportError:
                if self.proc.poll() is not None:
                    raise RuntimeError(self.proc.stderr.read().decode())
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def fill_backlog(folder: Path, events: int, customers: int, seed: int) -> None:
    """A terminal that was offline for a month: customers, cards and `events` unsynced purchases."""
    app = Loyalty(folder)
    app.load_program(PROGRAM)
    rng = random.Random(seed)
    staff = app.system_staff().id
    terminal, shop = app.db.meta("terminal_id"), app.db.meta("shop_id")
    start = datetime.now(timezone.utc) - timedelta(days=30)
    tokens = [app.new_token() for _ in range(customers)]
    ids = [customer_id_for(t) for t in tokens]
    with app.db.write() as conn:
        conn.executemany("INSERT INTO customers (id, created_at, updated_at, home_shop) VALUES (?, ?, ?, ?)",
                         [(cid, to_db(start), to_db(start), shop) for cid in ids])
        conn.executemany("INSERT INTO cards (token, customer_id, issued_at) VALUES (?, ?, ?)",
                         [(t, cid, to_db(start)) for t, cid in zip(tokens, ids)])
        rows = []
        for n in range(events):
            at = start + timedelta(seconds=n * 30 * 86400 / events)
            amount = rng.randint(150, 4000)
            rows.append((str(uuid.uuid4()), rng.choice(ids), "purchase", 1, amount // 100, 0, amount, None, "",
                         None, None, staff, shop, terminal, to_db(at), to_db(at + timedelta(days=365)), 1))
        conn.executemany(f"INSERT INTO events ({', '.join(protocol.EVENT_FIELDS)}) VALUES "
                         f"({', '.join('?' * len(protocol.EVENT_FIELDS))})", rows)
        conn.execute("DELETE FROM balances")
        conn.execute("INSERT INTO balances SELECT customer_id, SUM(stamps), SUM(points), SUM(cashback) FROM events "
                     "GROUP BY customer_id")
    app.close()


def terminal(folder: Path, url: str, code: str) -> SyncClient:
    Loyalty(folder).close()
    client = SyncClient(folder)
    client.register(url, code, folder.name)
    return client


def raw_insert(db_url: str, rows: list[dict], copy: bool = True) -> float:
    """The baseline: the same event rows into a scratch copy of the events table, one transaction (COPY on
    PostgreSQL unless copy=False, else executemany)."""
    engine = create_engine(database_url(db_url))
    scratch = MetaData()
    table_ = schema.events.to_metadata(scratch, name=f"bench_raw_{uuid.uuid4().hex[:8]}")
    for index in list(table_.indexes):
        index.name = f"{table_.name}_{index.name}"
    scratch.create_all(engine)
    try:
        started = time.perf_counter()
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql" and copy:
                columns = list(rows[0])
                with conn.connection.cursor().copy(f"COPY {table_.name} ({', '.join(columns)}) FROM STDIN") as out:
                    for row in rows:
                        out.write_row([row[c] for c in columns])
            else:
                conn.execute(insert(table_), rows)
        return time.perf_counter() - started
    finally:
        scratch.drop_all(engine)
        engine.dispose()


def server_rows(storage: Storage, tenant_id: str) -> list[dict]:
    with storage.read() as conn:
        return [dict(r._mapping) for r in conn.execute(schema.events.select().where(
            schema.events.c.tenant_id == tenant_id))]


def run_database(name: str, db_url: str, work: Path, args) -> dict:
    storage = Storage(db_url)
    tenant = storage.create_tenant(f"bench-{uuid.uuid4().hex[:6]}")
    shop = storage.create_shop(tenant["id"], "Busy shop")
    server = Server(db_url, work / f"{name}-server")
    out: dict = {"database": name}
    try:
        # 1. a month offline: push the backlog, then a fresh terminal pulls it all
        backlog = work / f"{name}-backlog"
        fill_backlog(backlog, args.events, 2000, seed=7)
        pusher = terminal(backlog, server.url, shop["code"])
        started = time.perf_counter()
        report = pusher.sync()
        out["push_s"] = time.perf_counter() - started
        assert report.pushed == args.events, report
        puller = terminal(work / f"{name}-fresh", server.url, storage.enrollment_code(shop["id"]))
        started = time.perf_counter()
        report = puller.sync()
        out["pull_s"] = time.perf_counter() - started
        assert report.pulled == args.events, report
        rows = server_rows(storage, tenant["id"])
        out["raw_insert_s"] = raw_insert(db_url, rows)
        if name == "postgresql":
            out["raw_executemany_s"] = raw_insert(db_url, rows, copy=False)
        # 2. an idle sync: nothing to push, nothing to pull
        times = []
        for _ in range(args.idle_runs):
            started = time.perf_counter()
            pusher.sync()
            times.append(time.perf_counter() - started)
        out["idle_sync_ms"] = statistics.median(times) * 1000
        http = httpx.Client(base_url=server.url)
        pings = []
        for _ in range(args.idle_runs):
            started = time.perf_counter()
            http.get("/v1/meta")
            pings.append(time.perf_counter() - started)
        out["meta_rtt_ms"] = statistics.median(pings) * 1000
        pusher.close()
        puller.close()
        # 3. 20 terminals push at once
        folders = []
        for i in range(args.terminals):
            folder = work / f"{name}-till{i}"
            fill_backlog(folder, args.per_terminal, 100, seed=100 + i)
            terminal(folder, server.url, storage.enrollment_code(shop["id"])).close()
            folders.append(folder)
        barrier = threading.Barrier(len(folders) + 1)
        errors = []

        def push(folder):
            client = SyncClient(folder)  # a client (its SQLite connection) belongs to one thread
            barrier.wait()
            try:
                client.sync(pull=False)
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
            finally:
                client.close()

        threads = [threading.Thread(target=push, args=(f,)) for f in folders]
        for t in threads:
            t.start()
        barrier.wait()
        started = time.perf_counter()
        for t in threads:
            t.join()
        out["concurrent_s"] = time.perf_counter() - started
        out["concurrent_errors"] = [str(e) for e in errors]
        out["concurrent_events"] = args.terminals * args.per_terminal
        total = storage.stats(tenant["id"])["events"]
        assert total == args.events + out["concurrent_events"], (total, errors[:3])
    finally:
        server.stop()
        storage.close()
    out["events"] = args.events
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--terminals", type=int, default=20)
    parser.add_argument("--per-terminal", type=int, default=2500)
    parser.add_argument("--idle-runs", type=int, default=50)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--pg-dsn", default=os.environ.get("POS_LOYALTY_TEST_PG_DSN",
                                                            "postgresql://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--json", help="write the figures here (default benchmarks/results/sync.json)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    results = []
    try:
        for name in args.databases.split(","):
            if name == "sqlite":
                results.append(run_database(name, f"sqlite:///{work / 'server.db'}", work, args))
                continue
            pg_schema = f"bench_{uuid.uuid4().hex[:10]}"
            admin = create_engine(database_url(args.pg_dsn), isolation_level="AUTOCOMMIT")
            try:
                with admin.connect() as conn:
                    conn.execute(text(f"CREATE SCHEMA {pg_schema}"))
            except Exception as exc:  # noqa: BLE001
                print(f"postgresql skipped: {exc}", file=sys.stderr)
                continue
            sep = "&" if "?" in args.pg_dsn else "?"
            try:
                results.append(run_database(name, f"{args.pg_dsn}{sep}options=-csearch_path%3D{pg_schema}",
                                            work, args))
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f"DROP SCHEMA {pg_schema} CASCADE"))
                admin.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = []
    for r in results:
        n = r["events"]
        rows.append([r["database"], f"{r['push_s']:.2f} s ({n / r['push_s']:,.0f}/s)",
                     f"{r['pull_s']:.2f} s ({n / r['pull_s']:,.0f}/s)", f"{r['raw_insert_s']:.2f} s",
                     f"{ratio(r['push_s'], r['raw_insert_s']):.1f}x / {ratio(r['pull_s'], r['raw_insert_s']):.1f}x",
                     f"{r['raw_executemany_s']:.2f} s" if "raw_executemany_s" in r else "-",
                     f"{r['concurrent_events'] / r['concurrent_s']:,.0f}/s", fmt_ms(r["idle_sync_ms"]),
                     fmt_ms(r["meta_rtt_ms"])])
    print(f"\nbacklog {args.events:,} events; {args.terminals} terminals x {args.per_terminal:,} events at once\n")
    print(table(rows, ["database", "push backlog", "pull backlog", "raw insert", "push/pull vs raw",
                       "raw executemany", f"ingest, {args.terminals} at once", "idle sync ms", "GET /v1/meta ms"]))
    path = write_json({"when": utc_stamp(), "machine": machine_info(), "args": vars(args), "results": results},
                      args.json, "sync.json")
    print(f"\nfigures: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
