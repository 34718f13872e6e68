"""Regenerate the UI's translation sources from ui/ with pyside6-lupdate and compile them with pyside6-lrelease.

    .venv/bin/python scripts/update_translations.py

resources/translations/pos_loyalty_de.ts holds every text of ui/ in German; pos_loyalty_en.ts only the English plural
forms ("%n stamp(s)" -> "1 stamp", "2 stamps"), which Qt takes from a translation even in the source language.
Existing translations are kept; new texts come in unfinished: translate them (Qt Linguist: pyside6-linguist FILE.ts,
or by hand), run this again, and commit the .ts and .qm files: the app loads the .qm files and has no build step.
tests/ui/test_translations.py fails while a text is untranslated or a .qm is older than its .ts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
# -locations none: no file names and line numbers in the .ts, so moving code does not churn the translations.
LUPDATE_OPTIONS = ["-locations", "none", "-no-obsolete", "-source-language", "en"]
TARGETS = {
    "de": [],
    "en": ["-pluralonly"],
}


def tool(name: str) -> str:
    """The PySide6 tool next to this Python (the venv's), else one on PATH."""
    here = Path(sys.executable).with_name(name)
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 into this Python (./dev setup)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"pos_loyalty_{language}.ts"


def update(language: str, folder: Path = TRANSLATIONS, quiet: bool = False) -> Path:
    """lupdate ui/ into the language's .ts in `folder` (merging what is there); returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    ts = ts_path(language, folder)
    command = [tool("pyside6-lupdate"), *sources(), *LUPDATE_OPTIONS, "-target-language", language,
               *TARGETS[language], "-ts", str(ts)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=quiet)
    return ts


def release(ts: Path, qm: Path | None = None, quiet: bool = False) -> Path:
    """lrelease a .ts into its .qm (beside it unless told); returns the .qm's path."""
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=quiet)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-update", action="store_true", help="only compile the .ts files as they are")
    args = parser.parse_args(argv)
    for language in TARGETS:
        ts = ts_path(language) if args.no_update else update(language)
        print(release(ts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
