"""Shared fixtures: real shops in temporary data folders; Qt offscreen before anything imports it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

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
