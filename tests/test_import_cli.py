"""`pos-loyalty import`: the real command in a subprocess; what it prints, what it writes, and its exit status."""

import json
import os
import subprocess
import sys
from pathlib import Path

from pos_loyalty.importer import example

REPO = Path(__file__).resolve().parent.parent


def run(data_dir, *args):
    """(exit status, stdout) of `python -m pos_loyalty --data-dir DIR ARGS`."""
    proc = subprocess.run([sys.executable, "-m", "pos_loyalty", "--data-dir", str(data_dir), *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=120, env=os.environ)
    return proc.returncode, proc.stdout, proc.stderr


def test_dry_run_refusal_then_import_with_skipped_rows(cli_shop, tmp_path):
    shop = cli_shop("bakery")  # stamps and points
    path = tmp_path / "kunden.csv"
    rows = example.write(path, 200, bad_rows=5, units=("stamps", "points"))
    good = [r for r in rows if not r.problem]
    before = shop.snapshot()

    status, out, _ = run(shop.dir, "import", "customers", path, "--dry-run")
    assert status == 1  # the import would be refused as asked
    assert out.splitlines()[:2] == [
        "kunden.csv: 200 rows (cp1252, separator ';')",
        f"  {len(good)} new customers; opening balances: {sum(r.stamps for r in good)} stamps, "
        f"{sum(r.points for r in good)} points, 0.00 EUR cashback"]
    bad = [r for r in rows if r.problem]
    assert f"    line {bad[0].line}, E-Mail: 'anna.weber(at)example.org' is not an email address" in out
    assert f"    line {bad[1].line}, Geburtstag: '31.02.1985' is not a day of the calendar" in out
    assert out.splitlines()[-1].startswith("dry run: nothing was written; the import would be refused")
    assert run(shop.dir, "import", "customers", path, "--dry-run", "--skip-bad-rows")[0] == 0
    assert shop.snapshot() == before

    status, out, _ = run(shop.dir, "--json", "import", "customers", path)
    answer = json.loads(out)
    assert status == 1 and answer["ok"] is False and answer["imported"] == 0 and answer["bad_rows"] == 5
    assert [(p["line"], p["code"]) for p in answer["problems"]] == [(r.line, r.problem) for r in bad]
    assert shop.snapshot() == before

    answer = shop.run("import", "customers", path, "--skip-bad-rows", "--cards", tmp_path / "karten.csv")
    assert (answer["imported"], answer["skipped"], answer["opening_stamps"]) == (
        len(good), 5, sum(r.stamps for r in good))
    lines = (tmp_path / "karten.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Line;Name;Card;Old card" and len(lines) == len(good) + 1
    line, name, card, old = lines[1].split(";")
    assert (int(line), name, old) == (good[0].line, good[0].name, good[0].old_card)
    balance = shop.run("balance", "--card", card)
    assert (balance["stamps"], balance["points"], balance["name"]) == (good[0].stamps, good[0].points, name)
    assert shop.run("check")["ok"]

    again = shop.run("import", "customers", path, "--skip-bad-rows")
    assert (again["imported"], again["already_imported"]) == (0, len(good))
    listed = shop.run("import", "list")["imports"]
    assert [i["id"] for i in listed] == [again["import_id"], answer["import_id"]]
    exported = shop.run("import", "cards", answer["import_id"], "-o", tmp_path / "again.csv")
    assert exported["cards"] == len(good)
    assert (tmp_path / "again.csv").read_text(encoding="utf-8-sig").splitlines() == lines


def test_a_clean_file_imports_with_exit_0_and_columns_can_be_chosen(cli_shop, tmp_path):
    shop = cli_shop("cafe")
    path = tmp_path / "list.csv"
    path.write_text("Who,Mail,Count,Remarks\nAnna,anna@example.org,4,\nBen,,7,likes rye\n", encoding="utf-8")
    status, out, _ = run(shop.dir, "import", "customers", path, "--map", "Who=name", "--map", "Count=stamps",
                         "--cards", tmp_path / "cards.csv")
    assert status == 0
    assert out.splitlines()[-1].startswith("imported 2 customers (import ")
    assert out.splitlines()[0] == "list.csv: 2 rows (utf-8, separator ',')"
    found = shop.run("customer", "find", "anna@example.org")["customers"]
    assert [c["name"] for c in found] == ["Anna"]  # 'Mail' was recognised, the explicit choices taken
    ben = (tmp_path / "cards.csv").read_text(encoding="utf-8-sig").splitlines()[2].split(",")
    assert ben[:2] == ["3", "Ben"] and shop.run("balance", "--card", ben[2])["stamps"] == 7


def test_file_level_mistakes_are_error_objects_and_change_nothing(cli_shop, tmp_path):
    shop = cli_shop("cafe")
    path = tmp_path / "list.csv"
    path.write_text("Name;Punkte\nAnna;10\n", encoding="utf-8")
    before = shop.snapshot()
    cases = [(["import", "customers", tmp_path / "missing.csv"], "file_not_found"),
             (["import", "customers", path], "program_has_no_points"),
             (["import", "customers", path, "--map", "Telefon=phone"], "unknown_column"),
             (["import", "customers", path, "--map", "Punkte=stempel"], "unknown_field"),
             (["import", "customers", path, "--map", "Name=ignore"], "nothing_to_identify"),
             (["import", "cards", "nope", "-o", tmp_path / "x.csv"], "unknown_import")]
    for args, code in cases:
        assert shop.run(*args, ok=False)["error"]["code"] == code, args
    assert shop.snapshot() == before
    status, _, err = run(shop.dir, "import", "customers", path)
    assert status == 1 and err.startswith("error: Line 2 has points, but the program")
    assert shop.run("import", "customers", path, "--map", "Punkte=ignore")["imported"] == 1
    assert shop.snapshot() != before
