#!/usr/bin/env python
"""Importing customers from a German Excel file (10,000 rows) against inserting as many bare rows, same run.

    .venv/bin/python benchmarks/bench_import.py [--rows 10000] [--runs 3] [--json FILE]

Each run makes a fresh data folder (`Loyalty`, the bakery program: stamps and points) and the example file of
`pos_loyalty.importer.example` (`;`, Windows-1252, DD.MM.YYYY, 1.234 points, 0.1 % bad rows). Timed with
perf_counter_ns, each step alone:

| series | what |
| --- | --- |
| bare rows | BEGIN IMMEDIATE, one INSERT per row of (id, name, stamps) into a side table, COMMIT: the floor |
| read + guess | `importer.read` (decode, separator, records) and the header's mapping |
| dry run | `importer.build`: every cell checked, duplicates in the file, nothing written |
| import | `importer.run(skip_bad_rows=True)`: checked again, then every customer enrolled through the service (sealed personal fields, search tokens, card, enroll event, opening event, row identity) in one transaction |
| dry run, all imported | the same file again: every row recognised as imported before |
| dry run, N others | another file of as many rows against the N customers now in the shop: every row looked up by email and phone through the service's search |

Reported: the table of medians (ms) and per-row microseconds, and the ratio import / bare rows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fmt_ms, machine_info, ratio, summarize, table, utc_stamp, write_json  # noqa: E402

from pos_loyalty import importer  # noqa: E402
from pos_loyalty.importer import example  # noqa: E402
from pos_loyalty.paths import resource  # noqa: E402
from pos_loyalty.service import Loyalty  # noqa: E402

UNITS = ("stamps", "points")  # what the bakery program holds
LABELS = {"bare_rows": "bare rows, one transaction", "read": "read + guess", "dry_run": "dry run",
          "import": "import (one transaction)", "dry_run_imported": "dry run, all imported before",
          "dry_run_others": "dry run against the imported"}


def timed(samples: dict, name: str, call):
    start = time.perf_counter_ns()
    result = call()
    samples.setdefault(name, []).append(time.perf_counter_ns() - start)
    return result


def bare_rows(app: Loyalty, rows: int) -> None:
    conn = app.db.conn
    with app.db.write():
        for index in range(rows):
            conn.execute("INSERT INTO bench_rows (id, name, stamps) VALUES (?, ?, ?)",
                         (f"row-{index}", f"Customer {index}", index % 10))


def one_run(folder: Path, rows: int, bad: int, seed: int, samples: dict) -> dict:
    app = Loyalty(folder / "shop")
    try:
        app.load_program(resource("programs", "bakery.toml"))
        app.db.conn.execute("CREATE TABLE bench_rows (id TEXT PRIMARY KEY, name TEXT, stamps INTEGER)")
        main, other = folder / "kunden.csv", folder / "andere.csv"
        example.write(main, rows, bad_rows=bad, units=UNITS, seed=seed)
        example.write(other, rows, units=UNITS, seed=seed + 1)
        staff = app.system_staff()

        timed(samples, "bare_rows", lambda: bare_rows(app, rows))
        read = timed(samples, "read", lambda: importer.read(main))
        mapping = importer.guess(read.header)
        plan = timed(samples, "dry_run", lambda: importer.build(app, read, mapping))
        result = timed(samples, "import", lambda: importer.run(app, plan, staff, skip_bad_rows=True))
        timed(samples, "dry_run_imported", lambda: importer.build(app, read, mapping))
        others = importer.read(other)
        timed(samples, "dry_run_others", lambda: importer.build(app, others, importer.guess(others.header)))
        assert app.check()["ok"]
        return {"imported": len(result.cards), "skipped": len(result.plan.bad_lines), "file_bytes": main.stat().st_size}
    finally:
        app.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="fresh shops to import into")
    parser.add_argument("--bad", type=int, default=10, help="rows with a mistake in the file")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", help="where to write the results (default: benchmarks/results/import.json)")
    args = parser.parse_args(argv)

    samples: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        for run in range(args.runs):
            shape = one_run(Path(folder) / f"run{run}", args.rows, args.bad, args.seed, samples)
        machine = machine_info(folder)
    results = {name: summarize(values) for name, values in samples.items()}
    bare = results["bare_rows"]["median_ms"]
    rows = [[LABELS[name], s["runs"], fmt_ms(s["median_ms"]), f"{s['median_ms'] * 1000 / args.rows:.1f}",
             f"{ratio(s['median_ms'], bare):.1f}x"] for name, s in results.items()]
    print(f"{args.rows} rows ({shape['file_bytes'] // 1024} KB, {args.bad} bad), {args.runs} fresh shops, medians\n")
    print(table(rows, ["step", "runs", "median ms", "µs per row", "vs bare rows"]))
    ratios = {name: ratio(s["median_ms"], bare) for name, s in results.items()}
    print(f"\nimport of {shape['imported']} customers: {results['import']['median_ms'] / 1000:.2f} s, "
          f"{ratios['import']:.0f}x the bare rows")
    path = write_json({"benchmark": "import", "when": utc_stamp(), "machine": machine, "rows": args.rows,
                       "bad_rows": args.bad, "runs": args.runs, "shape": shape, "results": results,
                       "ratio_to_bare_rows": ratios}, args.json, "import.json")
    print(f"\nJSON: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
