#!/usr/bin/env python
"""The owner's dashboard on a big shop, against the price of one full scan of the events table in the same run.

    .venv/bin/python benchmarks/bench_report.py [--customers 100000] [--events 2000000] [--runs 9]
                                                [--checkouts 200] [--json FILE] [--keep DIR] [--seed 7]

Builds (or reuses, with --keep, the same folder bench_checkout.py keeps) the benchmark shop of _shop.py, then times
on it: one full scan of the events table (`SELECT sum(amount), count(*) FROM events`: what any report that reads
the ledger pays at least), `reports.build()` for today, the month, the quarter and the year (as of the shop's last
booking), and what the dashboard's worker does for the month (build, tables, summary and the five chart figures).
Then, on a small shop of its own (5,000 customers, 100,000 events), what the triggers that keep the report tables
add to a checkout: blocks of checkouts with and without them, interleaved.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    fmt_ms, machine_info, measure, ratio, summarize, table, timing_table, utc_stamp, write_json,
)

from _shop import CASHIERS, PROGRAM, build as build_shop  # noqa: E402
from bench_checkout import ensure_database  # noqa: E402

from pos_loyalty.clock import from_db  # noqa: E402
from pos_loyalty.reports import Period, build, tables  # noqa: E402
from pos_loyalty.reports.charts import CHARTS  # noqa: E402
from pos_loyalty.reports.texts import summary  # noqa: E402
from pos_loyalty.service import Loyalty  # noqa: E402

AIM_MS = 1000.0
SMALL_SHOP = (5_000, 100_000)
SCAN = "SELECT sum(amount), count(*) FROM events"
LABELS = {
    "full_scan": "full scan of events (baseline)",
    "build_today": "build(): today",
    "build_month": "build(): month",
    "build_quarter": "build(): quarter",
    "build_year": "build(): year",
    "dashboard_month": "month: build + tables + summary + 5 charts",
    "checkout_with_triggers": "checkout, report triggers on (small shop)",
    "checkout_without_triggers": "checkout, report triggers off (small shop)",
}


def dashboard(app: Loyalty, period: Period, now) -> None:
    """What the dashboard's worker thread does before the screen shows the month."""
    report = build(app, period, now=now)
    tables(report, "de")
    summary(report, "de")
    for make in CHARTS.values():
        make(report, "de")


def time_reports(data_dir: Path, manifest: dict, runs: int) -> tuple[dict, float]:
    """Medians of the scan and of each report, interleaved run by run so a slow moment hits them all alike."""
    opened = time.perf_counter()
    app = Loyalty(data_dir)  # a folder built before the report tables gets them here, once
    opening = time.perf_counter() - opened
    try:
        now = from_db(manifest["anchor"])
        today = now.astimezone(app.program.zone).date()
        ops = {"full_scan": lambda: app.db.conn.execute(SCAN).fetchone()}
        for kind in ("today", "month", "quarter", "year"):
            ops[f"build_{kind}"] = lambda p=Period.named(kind, today): build(app, p, now=now)
        ops["dashboard_month"] = lambda: dashboard(app, Period.named("month", today), now)
        samples: dict[str, list[int]] = {name: [] for name in ops}
        for name, op in ops.items():  # warm-up: the pages a first run reads come into the cache
            print(f"  warm-up {name} ...", flush=True)
            op()
        for run in range(runs):
            for name, op in ops.items():
                samples[name] += measure(op, [()])
            print(f"  run {run + 1}/{runs}", flush=True)
        return {name: summarize(s) for name, s in samples.items()}, opening
    finally:
        app.close()


def time_checkout_overhead(checkouts: int, seed: int) -> dict:
    """Checkouts on a small shop with the report triggers and without them, in alternating blocks of 25."""
    folder = Path(tempfile.mkdtemp(prefix="bench-report-checkout-"))
    print(f"building the small shop ({SMALL_SHOP[0]:,} customers / {SMALL_SHOP[1]:,} events) in {folder} ...",
          flush=True)
    manifest = build_shop(folder, *SMALL_SHOP, seed)
    app = Loyalty(folder)
    try:
        conn = app.db.conn
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'report%'").fetchall()
        with app.db.write():  # the loop below puts them back first
            for name, _ in triggers:
                conn.execute(f"DROP TRIGGER {name}")
        staff = app.staff_member(CASHIERS[0][0])
        tokens = [r[0] for r in conn.execute("SELECT token FROM cards WHERE blocked_at IS NULL ORDER BY token")]
        moment = [from_db(manifest["anchor"])]

        def checkout(token: str, amount: int) -> None:
            moment[0] += timedelta(seconds=7)
            app.checkout(staff, token, amount, at=moment[0])

        rng = random.Random(seed)
        samples = {"checkout_with_triggers": [], "checkout_without_triggers": []}
        block = 25
        for number in range(2 * -(-checkouts // block)):
            on = number % 2 == 0
            with app.db.write():
                for name, sql in triggers:  # the trigger's own SQL puts it back exactly as the migration made it
                    conn.execute(sql if on else f"DROP TRIGGER {name}")
            inputs = [(rng.choice(tokens), rng.randint(500, 15_000)) for _ in range(block)]
            samples["checkout_with_triggers" if on else "checkout_without_triggers"] += measure(checkout, inputs)
        return {name: summarize(s) for name, s in samples.items()} | {"triggers": [n for n, _ in triggers]}
    finally:
        app.close()
        shutil.rmtree(folder, ignore_errors=True)


def report_text(payload: dict) -> str:
    results = {k: v for k, v in payload["results"].items() if "runs" in v}
    lines = [timing_table(results, LABELS), ""]
    rows = [[LABELS[k], f"{fmt_ms(results[k]['median_ms'])} ms", f"{payload['ratios'][k]:.2f}x",
             f"< {AIM_MS:g} ms" if k.startswith("build_") and k != "build_today" else "",
             ("ok" if results[k]["median_ms"] < AIM_MS else "MISSED") if k.startswith(("build_", "dashboard")) else ""]
            for k in payload["ratios"]]
    lines.append(table(rows, ["median", "", "/ full scan", "aim", ""]))
    overhead = payload.get("checkout_overhead")
    if overhead:
        on, off = overhead["checkout_with_triggers"], overhead["checkout_without_triggers"]
        lines += ["", f"checkout with the report triggers: median {fmt_ms(on['median_ms'])} ms, p99 "
                      f"{fmt_ms(on['p99_ms'])} ms; without: median {fmt_ms(off['median_ms'])} ms, p99 "
                      f"{fmt_ms(off['p99_ms'])} ms (+{fmt_ms(on['median_ms'] - off['median_ms'])} ms median)"]
    if payload["opening_seconds"] > 1:
        lines.append(f"opening the shop took {payload['opening_seconds']:.1f} s (the report tables were built from "
                     "its ledger: a one-time upgrade)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=9, help="timed runs of each report (after one warm-up)")
    parser.add_argument("--checkouts", type=int, default=200,
                        help="checkouts with and as many without the report triggers (0: skip)")
    parser.add_argument("--json", metavar="FILE", help="JSON output (default benchmarks/results/report.json)")
    parser.add_argument("--keep", metavar="DIR", help="build the shop in DIR once and reuse it on later runs")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated shop")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    data_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-report-"))
    try:
        return _measure(args, data_dir, started)
    finally:
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)


def _measure(args: argparse.Namespace, data_dir: Path, started: float) -> int:
    manifest, reused = ensure_database(data_dir, SimpleNamespace(customers=args.customers, events=args.events,
                                                                 seed=args.seed))
    print(f"{'reusing' if reused else 'built'} the shop in {data_dir} ({manifest['build_seconds']} s to build)")
    machine = machine_info(data_dir)
    if (machine.get("loadavg") or [0])[0] > 0.5 * (machine["cpus_usable"] or 1):
        print(f"warning: the machine is busy (load {machine['loadavg']}); figures will be noisy")
    print("measuring ...", flush=True)
    results, opening = time_reports(data_dir, manifest, args.runs)
    base = results["full_scan"]["median_ms"]
    payload = {
        "benchmark": "report",
        "when": utc_stamp(),
        "machine": machine,
        "config": {"customers": args.customers, "events": args.events, "runs": args.runs, "seed": args.seed,
                   "program": PROGRAM, "kept": bool(args.keep), "baseline": SCAN},
        "build": {"reused": reused} | manifest,
        "opening_seconds": round(opening, 2),
        "results": results,
        "ratios": {name: ratio(r["median_ms"], base) for name, r in results.items() if name != "full_scan"},
        "aims": {"build_median_max_ms": AIM_MS,
                 "met": all(results[k]["median_ms"] < AIM_MS for k in results if k.startswith("build_"))},
    }
    if args.checkouts:
        payload["checkout_overhead"] = time_checkout_overhead(args.checkouts, args.seed)
        payload["results"] |= {k: v for k, v in payload["checkout_overhead"].items() if k != "triggers"}
    payload["total_seconds"] = round(time.perf_counter() - started, 1)
    print()
    print(report_text(payload))
    print(f"\ntotal {payload['total_seconds']} s; JSON: {write_json(payload, args.json, 'report.json')}")
    return 0 if payload["aims"]["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
