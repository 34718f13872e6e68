"""Helpers shared by the benchmark scripts: timing, statistics, machine facts, a text table and JSON output.

Import from a script in this folder with `from _common import ...` (each script puts its own folder on sys.path).
"""

from __future__ import annotations

import gc
import json
import os
import platform
import sqlite3
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Sequence

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"  # git-ignored

if str(REPO) not in sys.path:  # run with a Python that lacks the editable install
    sys.path.insert(0, str(REPO))


# ---- timing ----

def measure(op: Callable, inputs: Sequence[tuple], warmup: Sequence[tuple] = (),
            budget_s: float | None = None) -> list[int]:
    """Call op(*args) for each warm-up input (untimed), then for each input; nanoseconds per timed call.

    Only the call itself is timed (time.perf_counter_ns): prepare inputs beforehand. With budget_s, stop early
    once the timed calls have taken that long (a pathologically slow operation must not stall the whole run):
    fewer samples come back than inputs went in. The garbage collector stays on, as in the app, but each
    series starts from a clean heap.
    """
    for args in warmup:
        op(*args)
    gc.collect()
    samples: list[int] = []
    clock = time.perf_counter_ns
    limit = budget_s * 1e9 if budget_s else None
    spent = 0
    for args in inputs:
        start = clock()
        op(*args)
        took = clock() - start
        samples.append(took)
        spent += took
        if limit is not None and spent >= limit:
            break
    return samples


class Stopwatch:
    """Named laps in seconds: `with watch.lap("insert events"): ...`."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}

    def lap(self, name: str):
        watch = self

        class _Lap:
            def __enter__(self):
                self.start = time.perf_counter_ns()

            def __exit__(self, *exc):
                watch.laps[name] = watch.laps.get(name, 0.0) + (time.perf_counter_ns() - self.start) / 1e9

        return _Lap()

    @property
    def total(self) -> float:
        return sum(self.laps.values())


# ---- statistics ----

def percentile(sorted_values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation between closest ranks (numpy's default)."""
    if not sorted_values:
        return float("nan")
    pos = (len(sorted_values) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def summarize(samples_ns: Iterable[int]) -> dict:
    """median, p90, p99, mean, min, max in milliseconds, and the number of samples."""
    values = sorted(s / 1e6 for s in samples_ns)
    if not values:
        return {"runs": 0}
    return {
        "runs": len(values),
        "median_ms": percentile(values, 50),
        "p90_ms": percentile(values, 90),
        "p99_ms": percentile(values, 99),
        "mean_ms": sum(values) / len(values),
        "min_ms": values[0],
        "max_ms": values[-1],
    }


def ratio(a: float, b: float) -> float | None:
    return a / b if b else None


# ---- the machine ----

def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_bytes() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def filesystem_of(path: str | Path) -> dict | None:
    """Device and type of the mount holding `path` (fsync cost depends on it), from /proc/mounts."""
    try:
        target = os.path.realpath(path)
        best = None
        for line in Path("/proc/mounts").read_text().splitlines():
            device, mount, fstype = line.split()[:3]
            if (target == mount or target.startswith(mount.rstrip("/") + "/")) and (
                    best is None or len(mount) > len(best[1])):
                best = (device, mount, fstype)
        return {"device": best[0], "mount": best[1], "type": best[2]} if best else None
    except OSError:
        return None


def machine_info(data_path: str | Path | None = None) -> dict:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    info = {
        "cpu_count": os.cpu_count(),
        "cpus_usable": usable,
        "cpu_model": _cpu_model(),
        "memory_bytes": _memory_bytes(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }
    try:
        info["loadavg"] = [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        info["loadavg"] = None
    if data_path is not None:
        info["data_filesystem"] = filesystem_of(data_path)
    return info


# ---- output ----

def fmt_ms(value: float | None) -> str:
    if value is None or value != value:
        return "-"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}" if value >= 1 else f"{value:.3f}"


def table(rows: Sequence[Sequence], headers: Sequence[str], align: str | None = None) -> str:
    """A plain text table; align is one character per column, 'l' or 'r' (default: first left, rest right)."""
    cells = [[str(h) for h in headers]] + [["-" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    align = align or "l" + "r" * (len(headers) - 1)

    def line(row):
        return "  ".join(c.ljust(w) if a == "l" else c.rjust(w) for c, w, a in zip(row, widths, align)).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells[1:]]
    return "\n".join(out)


def timing_table(results: dict[str, dict], labels: dict[str, str] | None = None) -> str:
    """One line per summarized series: runs (done/asked if a time budget cut it short), median, p90, p99, mean,
    max (ms)."""
    labels = labels or {}
    def runs(s: dict) -> str:
        asked = s.get("runs_requested", s["runs"])
        return str(s["runs"]) if asked == s["runs"] else f"{s['runs']}/{asked}"

    rows = [
        [labels.get(name, name), runs(s), fmt_ms(s.get("median_ms")), fmt_ms(s.get("p90_ms")),
         fmt_ms(s.get("p99_ms")), fmt_ms(s.get("mean_ms")), fmt_ms(s.get("max_ms"))]
        for name, s in results.items()
    ]
    return table(rows, ["operation", "runs", "median ms", "p90 ms", "p99 ms", "mean ms", "max ms"])


def write_json(payload: dict, path: str | Path | None, default_name: str) -> Path:
    """Write to `path`, or to benchmarks/results/<default_name> when path is None; returns where it went."""
    target = Path(path) if path else RESULTS_DIR / default_name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return target


def utc_stamp() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
