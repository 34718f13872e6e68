"""Packaging: `pos-loyalty gui --self-test` from source (always), and the PyInstaller bundle built and self-tested
(only with POS_LOYALTY_BUILD_APP=1: .ci/run sets it when installer.spec, scripts/build_app.sh,
scripts/pos-loyalty-app.py, pyproject.toml, ui/self_test.py or this file changed)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
STEPS = ("environment", "qt", "shop", "window", "sign-in", "enroll", "card image", "decode", "scan", "book", "balance",
         "camera", "image formats", "print", "sounds", "translations", "money and dates")


def _no_display_env() -> dict:
    """As on a server or in CI: no display and no QT_QPA_PLATFORM; the self-test must choose offscreen itself."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env | {"PYTHONUNBUFFERED": "1"}


def _assert_passed(proc: subprocess.CompletedProcess) -> None:
    shown = f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr[-4000:]}"
    assert proc.returncode == 0, shown
    for step in STEPS:
        assert f"self-test: {step}: ok" in proc.stdout, f"step {step!r} did not pass\n{shown}"
    assert "FAILED" not in proc.stdout, shown
    assert any(line.startswith("self-test ok") for line in proc.stdout.splitlines()), shown


def test_self_test_from_source_passes_offscreen_and_leaves_the_data_folder_alone(tmp_path):
    data_dir = tmp_path / "data"
    proc = subprocess.run([sys.executable, "-m", "pos_loyalty", "--data-dir", str(data_dir), "gui", "--self-test"],
                          capture_output=True, text=True, cwd=REPO, env=_no_display_env(), timeout=240)
    _assert_passed(proc)
    assert "platform offscreen" in proc.stdout
    assert not data_dir.exists()  # a temporary shop only


@pytest.mark.skipif(os.environ.get("POS_LOYALTY_BUILD_APP") != "1",
                    reason="builds the PyInstaller bundle (~1 min): set POS_LOYALTY_BUILD_APP=1 (.ci/run does when "
                           "packaging files changed)")
def test_the_bundle_builds_and_passes_its_self_test():
    proc = subprocess.run(["bash", str(REPO / "scripts" / "build_app.sh")], capture_output=True, text=True, cwd=REPO,
                          env=_no_display_env(), timeout=900)
    _assert_passed(proc)
    assert "from bundle" in proc.stdout
    assert "build_app: dist/pos-loyalty built" in proc.stdout
    print(proc.stdout.splitlines()[-1])  # the build time and size, in pytest's -rA/-s output
