#!/usr/bin/env python
"""Customer messages on the 100k-customer shop of _shop.py: the daily planning run and sending, against one full
scan of the events table measured in the same run.

    .venv/bin/python benchmarks/bench_messages.py [--customers 100000] [--events 2000000] [--runs 3] [--keep DIR]

The shop gets e-mail settings pointing at an SMTP server on loopback (aiosmtpd, accepting everything). Timed with
perf_counter_ns:

| series | what |
| --- | --- |
| full scan | `SELECT COUNT(*), SUM(points) FROM events`: reading every event once, the yardstick |
| daily plan | `Outbox.plan` on a day not planned yet, the last run a day ago: that day's events, then birthdays, expiring points and lapsed customers over the whole shop, each candidate checked (consent, address, caps) and written |
| plan again | `Outbox.plan` once more the same day: nothing new |
| send | `Outbox.send_due` of up to 200 queued messages through the loopback server (per message) |

Between runs the planned rows and the planner's marks are removed, so each run plans the same day afresh.
Reported: medians (ms), the rows a daily plan writes, and the ratio daily plan / full scan.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fmt_ms, machine_info, ratio, summarize, table, utc_stamp, write_json  # noqa: E402
from _shop import build  # noqa: E402

from pos_loyalty.clock import to_db, utcnow  # noqa: E402
from pos_loyalty.messages.outbox import Outbox  # noqa: E402
from pos_loyalty.messages.smtp import SmtpSettings  # noqa: E402
from pos_loyalty.service import Loyalty  # noqa: E402


class _Accept:
    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        return "250 OK"


def _mail_server():
    from aiosmtpd.controller import Controller  # noqa: PLC0415 - a dev dependency, like this script

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = Controller(_Accept(), hostname="127.0.0.1", port=port)
    server.start()
    return server, port


def _timed(samples: dict, name: str, call):
    start = time.perf_counter_ns()
    result = call()
    samples.setdefault(name, []).append(time.perf_counter_ns() - start)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the shop here once and reuse it")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-messages-"))
    if not (folder / "loyalty.db").exists():
        print(f"building {args.customers} customers / {args.events} events in {folder} ...", flush=True)
        build(folder, args.customers, args.events, args.seed)
    mail, port = _mail_server()
    app = Loyalty(folder)
    samples: dict[str, list[int]] = {}
    written = []
    try:
        box = Outbox(app)
        box.configure(SmtpSettings(host="127.0.0.1", port=port, security="none", sender="news@shop.example"))
        now = utcnow().replace(hour=9, minute=0, second=0, microsecond=0)  # a morning: no quiet hours
        for _ in range(args.runs):
            with app.db.write() as conn:  # the day's first run: the last run saw what came until a day ago
                conn.execute("DELETE FROM messages")
                conn.execute("DELETE FROM meta WHERE key = 'messages_scanned'")
                conn.execute("INSERT OR REPLACE INTO meta (key, value) SELECT 'messages_cursor', COALESCE(MAX(seq), 0) "
                             "FROM events WHERE created_at < ?", (to_db(now - timedelta(days=1)),))
            _timed(samples, "full_scan", lambda: app.db.one("SELECT COUNT(*), SUM(points) FROM events"))
            written.append(_timed(samples, "daily_plan", lambda: box.plan(now)))
            _timed(samples, "plan_again", lambda: box.plan(now))
        queued = app.db.scalar("SELECT COUNT(*) FROM messages WHERE status = 'queued'")
        sent = min(queued, 200)
        _timed(samples, "send", lambda: box.send_due(now, limit=sent))
    finally:
        app.close()
        mail.stop()
    stats = {name: summarize(values) for name, values in samples.items()}
    per_message = stats["send"]["median_ms"] / max(sent, 1)
    rows = [["full scan of events", fmt_ms(stats["full_scan"]["median_ms"])],
            ["daily plan", fmt_ms(stats["daily_plan"]["median_ms"])],
            ["plan again (same day)", fmt_ms(stats["plan_again"]["median_ms"])],
            [f"send, per message ({sent})", fmt_ms(per_message)]]
    print(table(rows, ["series", "median ms"], "lr"))
    plan = written[-1]
    print(f"daily plan wrote {plan['planned']} rows ({plan['queued']} queued, {plan['held']} held); "
          f"daily plan / full scan = {ratio(stats['daily_plan']['median_ms'], stats['full_scan']['median_ms']):.2f}")
    payload = {"at": utc_stamp(), "machine": machine_info(folder / "loyalty.db"),
               "shop": {"customers": args.customers, "events": args.events}, "stats": stats, "plan": plan,
               "send_per_message_ms": per_message,
               "ratios": {"daily_plan/full_scan": ratio(stats["daily_plan"]["median_ms"],
                                                        stats["full_scan"]["median_ms"])}}
    print(f"written to {write_json(payload, args.json, 'messages.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
