"""Where things live: bundled resources (source tree or PyInstaller bundle) and the per-user data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP = "pos-loyalty"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # set inside a PyInstaller build
    return Path(bundle) / "resources" if bundle else Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    override = os.environ.get("POS_LOYALTY_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP, appauthor=False))
