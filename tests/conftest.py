"""Shared fixtures: real shops in temporary data folders; Qt offscreen before anything imports it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
# Keys of the test shops go to key files in their data folders, never into the developer's real keyring
# (subprocesses inherit this; tests/test_personal.py sets an in-process keyring backend where it wants one).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

import pytest  # noqa: E402

from pos_loyalty.paths import resource  # noqa: E402
from pos_loyalty.service import Loyalty  # noqa: E402


@pytest.fixture
def make_shop(tmp_path):
    """make_shop("cafe") -> a Loyalty on a fresh data folder with that sample program loaded."""
    opened = []

    def make(program="bakery", folder="shop"):
        app = Loyalty(tmp_path / folder)
        app.load_program(resource("programs", f"{program}.toml"))
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.close()


# ---- The real command line, as a subprocess (tests/test_cli_*.py) ----

import json  # noqa: E402
import shutil  # noqa: E402
import sqlite3  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

_REPO = Path(__file__).resolve().parent.parent


def cli(data_dir, *args, ok=True):
    """Run `python -m pos_loyalty --data-dir DIR ARGS --json`; return the one JSON object it prints.

    ok=True: exit status 0 and no error object; ok=False: non-zero exit and exactly an error object
    with a code and a non-empty message.
    """
    command = [sys.executable, "-m", "pos_loyalty", "--data-dir", str(data_dir), *map(str, args), "--json"]
    proc = subprocess.run(command, capture_output=True, text=True, cwd=_REPO, timeout=120,
                          env=os.environ | {"QT_QPA_PLATFORM": "offscreen"})
    shown = f"$ {' '.join(command[3:])}\nexit {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr}"
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        pytest.fail(f"stdout is not one JSON object\n{shown}")
    assert isinstance(data, dict), shown
    if ok:
        assert proc.returncode == 0 and "error" not in data, shown
    else:
        assert proc.returncode != 0, shown
        assert list(data) == ["error"], shown
        error = data["error"]
        assert isinstance(error.get("code"), str) and error["code"], shown
        assert isinstance(error.get("message"), str) and error["message"].strip(), shown
    return data


def db_snapshot(data_dir) -> dict:
    """Every row of every table of the data folder's database(s): equal snapshots mean nothing changed."""
    out = {}
    for path in sorted(Path(data_dir).glob("*.db")):
        conn = sqlite3.connect(path)
        try:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in tables:
                rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
                out[f"{path.name}:{table}"] = sorted(rows, key=repr)
        finally:
            conn.close()
    return out


@pytest.fixture
def snapshot():
    """db_snapshot as a fixture: `from conftest import` finds tests/ui/conftest.py when ui tests run in the same
    session."""
    return db_snapshot


class CliShop:
    """A data folder with a sample program loaded and one enrolled customer (`card`, `customer_id`)."""

    def __init__(self, data_dir: Path, enrolled: dict):
        self.dir = data_dir
        self.enrolled = enrolled  # the JSON `customer enroll` answered for the template customer
        self.card = enrolled["card"]
        self.customer_id = enrolled["id"]

    def run(self, *args, ok=True) -> dict:
        return cli(self.dir, *args, ok=ok)

    def checkout(self, amount, at, *items, card=None) -> dict:
        extra = [arg for sku in items for arg in ("--item", sku)]
        return self.run("checkout", "--card", card or self.card, "--amount", amount, *extra, "--at", at)

    def snapshot(self) -> dict:
        return db_snapshot(self.dir)


@pytest.fixture(scope="session")
def _cli_templates(tmp_path_factory):
    """Per sample program, built once per test process: program loaded, one customer enrolled."""
    built = {}

    def get(program: str):
        if program not in built:
            folder = tmp_path_factory.mktemp(f"template-{program}")
            cli(folder, "program", "load", resource("programs", f"{program}.toml"))
            built[program] = (folder, cli(folder, "customer", "enroll", "--name", "Template Customer"))
        return built[program]

    return get


@pytest.fixture
def cli_shop(tmp_path, _cli_templates):
    """cli_shop("cafe") -> a CliShop in its own copy of a ready data folder (tests may run in parallel)."""

    def make(program: str, folder: str = "shop") -> CliShop:
        template, enrolled = _cli_templates(program)
        target = tmp_path / folder
        shutil.copytree(template, target)
        return CliShop(target, enrolled)

    return make


@pytest.fixture
def cli_run(tmp_path):
    """run(*args, ok=True) on a fresh, empty data folder of this test."""
    folder = tmp_path / "fresh"
    return lambda *args, ok=True: cli(folder, *args, ok=ok)
