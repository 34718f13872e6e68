"""Layout rules checked on the source: the core never imports Qt or the ui package; every module has a docstring."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "pos_loyalty"
UI = ROOT / "ui"

# Top-level modules the core must not import: any Qt binding (the core needs no Qt at all) and the ui package.
FORBIDDEN_IN_CORE = {
    "PySide6": "Qt (PySide6)",
    "shiboken6": "Qt (shiboken6)",
    "PySide2": "Qt (PySide2)",
    "PyQt5": "Qt (PyQt5)",
    "PyQt6": "Qt (PyQt6)",
    "qtpy": "Qt (qtpy)",
    "pytestqt": "Qt (pytest-qt)",
    "ui": "the ui package",
}


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imported_modules(tree: ast.Module):
    """Yield (line, absolute module name) for every import in the tree, including importlib/__import__ calls."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:  # relative imports stay inside pos_loyalty
                yield node.lineno, node.module
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            first = node.args[0]
            if name in {"import_module", "__import__"} and isinstance(first, ast.Constant):
                if isinstance(first.value, str) and not first.value.startswith("."):
                    yield node.lineno, first.value


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_core_does_not_import_qt_or_ui():
    assert CORE.is_dir(), f"{CORE} is missing"
    files = _python_files(CORE)
    if not files:
        pytest.skip("pos_loyalty/ has no modules yet")
    problems = []
    for path in files:
        for line, module in _imported_modules(_parse(path)):
            top = module.split(".")[0]
            if top in FORBIDDEN_IN_CORE:
                problems.append(f"{_rel(path)}:{line}: imports {module} ({FORBIDDEN_IN_CORE[top]})")
    assert not problems, "the core (pos_loyalty/) must not import Qt or ui:\n" + "\n".join(problems)


def test_every_module_has_a_docstring():
    files = [p for folder in (CORE, UI) if folder.is_dir() for p in _python_files(folder)]
    if not files:
        pytest.skip("pos_loyalty/ and ui/ have no modules yet")
    missing = []
    for path in files:
        docstring = ast.get_docstring(_parse(path))
        if not (docstring and docstring.strip()):
            missing.append(f"{_rel(path)}:1: no module docstring")
    assert not missing, "every module must start with a docstring:\n" + "\n".join(missing)


def test_checker_flags_forbidden_imports():
    """The import scanner itself sees every form of import the rule is about."""
    source = (
        "import os\n"
        "from PySide6.QtWidgets import QWidget\n"
        "import PySide6.QtCore as qc\n"
        "from ui import app\n"
        "from . import ui\n"
        "import importlib\n"
        "importlib.import_module('PySide6.QtGui')\n"
    )
    found = [(line, m) for line, m in _imported_modules(ast.parse(source)) if m.split(".")[0] in FORBIDDEN_IN_CORE]
    assert found == [(2, "PySide6.QtWidgets"), (3, "PySide6.QtCore"), (4, "ui"), (7, "PySide6.QtGui")]
