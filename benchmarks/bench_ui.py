#!/usr/bin/env python
"""Scan-to-panel latency (a card read in, the customer panel painted) and app start to ready, offscreen.

    .venv/bin/python benchmarks/bench_ui.py [--runs 200] [--starts 10] [--customers 300] [--json FILE]

Scan to panel: the main window's on_code_scanned(token), as the scanner filter and the camera call it, alternating
between two customers so the panel changes every time; the clock stops when the event loop has delivered the
panel's paint event and painted it (perf_counter_ns). Start to ready: a fresh Python process that builds the app
the way `pos-loyalty gui` does (QApplication, language, theme, the shop's database, main window) and prints READY
once the window is shown and exposed; timed from just before the process is spawned until that line arrives.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("POS_LOYALTY_SOUND", "0")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, machine_info, summarize, timing_table, utc_stamp, write_json  # noqa: E402

CHILD = r"""
import os, sys
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from pos_loyalty.service import Loyalty
from ui.app import build
app = QApplication(sys.argv[:1])
service = Loyalty(sys.argv[1])
window, scanner = build(service, app)
window.show()
QTest.qWaitForWindowExposed(window)
app.processEvents()
print("READY", flush=True)
window.sync.stop()
app.removeEventFilter(scanner)
service.close()
"""


def scan_to_panel(data_dir: Path, runs: int) -> list[int]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from pos_loyalty.service import Loyalty
    from ui.app import build

    app = QApplication.instance() or QApplication(sys.argv[:1])
    service = Loyalty(data_dir)
    window, scanner = build(service, app)
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.signed_in(service.sign_in("Jonas", "1111"))
    cards = [card for card, _name in service.named_cards(2)]
    panel = window.counter.panel

    class PaintSeen(QObject):
        seen = False

        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Paint:
                self.seen = True
            return False

    watcher = PaintSeen()
    panel.installEventFilter(watcher)
    samples = []
    try:
        for run in range(runs + 5):  # the first few warm up caches and fonts
            app.processEvents()
            watcher.seen = False
            start = time.perf_counter_ns()
            window.on_code_scanned(cards[run % 2])
            while not watcher.seen:
                app.processEvents()
            app.processEvents()  # the paint the filter saw runs to its end inside this loop's dispatch
            took = time.perf_counter_ns() - start
            if run >= 5:
                samples.append(took)
    finally:
        panel.removeEventFilter(watcher)
        window.sync.stop()
        app.removeEventFilter(scanner)
        window.close()
        service.close()
    return samples


def start_to_ready(data_dir: Path, runs: int) -> list[int]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    samples = []
    for _ in range(runs + 1):  # the first start warms the OS file cache
        start = time.perf_counter_ns()
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir)], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True, env=env, cwd=REPO)
        line = child.stdout.readline()
        took = time.perf_counter_ns() - start
        child.wait(timeout=60)
        if line.strip() != "READY":
            raise SystemExit(f"the app did not get ready (exit {child.returncode})")
        samples.append(took)
    return samples[1:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="scans to time")
    parser.add_argument("--starts", type=int, default=10, help="app starts to time")
    parser.add_argument("--customers", type=int, default=300)
    parser.add_argument("--json", help="where to write the results (default: benchmarks/results/ui.json)")
    args = parser.parse_args(argv)

    from pos_loyalty import demo

    with tempfile.TemporaryDirectory(prefix="bench-ui-") as folder:
        data_dir = Path(folder) / "shop"
        demo.build(data_dir, customers=args.customers, days=60)
        results = {"scan_to_panel": summarize(scan_to_panel(data_dir, args.runs)),
                   "start_to_ready": summarize(start_to_ready(data_dir, args.starts))}
    labels = {"scan_to_panel": "scan to panel painted", "start_to_ready": "process start to window shown"}
    print(timing_table(results, labels))
    path = write_json({"benchmark": "ui", "when": utc_stamp(), "machine": machine_info(),
                       "platform": os.environ["QT_QPA_PLATFORM"], "customers": args.customers,
                       "results": results}, args.json, "ui.json")
    print(f"\nJSON: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
