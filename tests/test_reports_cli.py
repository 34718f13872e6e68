"""`pos-loyalty report`: the same numbers as build(), files on request, clear errors for bad periods."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from datetime import date

import pytest

from conftest import cli
from pos_loyalty.reports import Period, build, tables
from pos_loyalty.service import Loyalty
from test_reports import NOW, SECOND_SHOP, book_shop

AT = "2026-04-15T10:00"  # NOW, in shop time


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli") / "shop"
    book_shop(folder).close()
    return folder


def _as_json(report) -> dict:
    return json.loads(json.dumps(report.as_dict(), ensure_ascii=False, default=str))


def test_json_is_what_the_dashboard_builds(data_dir):
    printed = cli(data_dir, "report", "--period", "month", "--at", AT)
    app = Loyalty(data_dir)
    try:
        assert printed == _as_json(build(app, Period.named("month", date(2026, 4, 15)), now=NOW))
        custom = cli(data_dir, "report", "--from", "2026-02-20", "--to", "2026-03-31", "--shop", SECOND_SHOP,
                     "--inactive-days", "30", "--at", AT)
        assert custom == _as_json(build(app, Period.custom(date(2026, 2, 20), date(2026, 3, 31)), SECOND_SHOP,
                                        now=NOW, inactive_days=30))
    finally:
        app.close()
    assert printed["period"] == {"kind": "month", "start": "2026-04-01", "last": "2026-04-30", "days": 30}
    assert printed["kpis"]["visits"]["total"] == sum(d["visits"]["total"] for d in printed["daily"])
    # 15 April, 10:00: compared with 1-15 March up to 10:00 (shop time; 09:00 UTC)
    assert printed["compared"] == {"start": "2026-03-01", "last": "2026-03-15", "until": "10:00", "whole": False,
                                   "starts_at": "2026-02-28T23:00:00+00:00", "ends_at": "2026-03-15T09:00:00+00:00"}
    assert custom["compared"]["whole"] and custom["compared"]["start"] == "2026-01-11"


def test_csv_and_pdf_files(data_dir, tmp_path):
    out = cli(data_dir, "report", "--period", "quarter", "--at", AT, "--lang", "de", "--csv", tmp_path / "csv",
              "--pdf", tmp_path / "q.pdf")
    files = [tmp_path / "csv" / f"report-2026-04-01-to-2026-06-30-{name}.csv" for name in
             ("figures", "days", "hours", "funnel", "tiers", "staff", "inactive")] + [tmp_path / "q.pdf"]
    assert out["files"] == [str(f) for f in files]
    app = Loyalty(data_dir)
    try:
        shown = tables(build(app, Period.named("quarter", date(2026, 4, 15)), now=NOW), "de")
    finally:
        app.close()
    with files[0].open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle, delimiter=";")) == [shown["figures"][0]] + shown["figures"][1]
    assert files[-1].read_bytes().startswith(b"%PDF-")


def test_the_text_table_for_a_terminal(data_dir):
    proc = subprocess.run([sys.executable, "-m", "pos_loyalty", "--data-dir", str(data_dir), "report", "--period",
                           "month", "--at", "2026-03-31T20:00", "--lang", "en"], capture_output=True, text=True,
                          env=os.environ | {"QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "Loyalty report: Café Test - All shops"
    assert lines[2] == "Compared with: February 2026"  # the 31st: all of February
    assert re.match(r"\d+ new members this month, \d+ more than last month; \d+% reached", lines[4])
    german = subprocess.run([sys.executable, "-m", "pos_loyalty", "--data-dir", str(data_dir), "report", "--period",
                             "month", "--at", AT, "--lang", "de"], capture_output=True, text=True,
                            env=os.environ | {"QT_QPA_PLATFORM": "offscreen"}, timeout=120).stdout.splitlines()
    assert german[2] == "Verglichen mit: 1.–15. März 2026, bis 10:00 Uhr"  # 15 April: the same days of March
    assert "mehr als im Zeitraum 1.–15. März 2026, bis 10:00 Uhr" in german[4] or "weniger als im Zeitraum" in german[4]
    assert "Key figures" in lines and "New members by staff member" in lines and "Inactive members" in lines
    visits = next(line for line in lines if line.startswith("Visits "))
    assert visits.split()[1].isdigit()


@pytest.mark.parametrize(("args", "code", "words"), [
    (["--from", "2026-13-01", "--to", "2026-03-31"], "bad_period", "--from '2026-13-01' is not a date"),
    (["--from", "2026-03-01"], "bad_period", "needs both --from and --to"),
    (["--from", "2026-03-31", "--to", "2026-03-01"], "bad_period", "before it starts"),
    (["--period", "month", "--from", "2026-03-01", "--to", "2026-03-31"], "bad_period", "not both"),
    (["--period", "decade"], "usage", "invalid choice"),
    (["--shop", "nowhere"], "unknown_shop", "nowhere"),
    (["--inactive-days", "0"], "bad_days", "at least 1"),
    (["--at", "yesterday"], "bad_time", "ISO-8601"),
])
def test_bad_input_gets_a_clear_error(data_dir, args, code, words):
    error = cli(data_dir, "report", *args, ok=False)["error"]
    assert error["code"] == code and words in error["message"]
