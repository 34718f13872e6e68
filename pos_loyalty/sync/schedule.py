"""`pos-loyalty schedule install|remove`: the nightly run as a systemd user timer, a cron line, or a Windows task."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Callable

from ..errors import LoyaltyError

NAME = "pos-loyalty-nightly"
Runner = Callable[..., subprocess.CompletedProcess]


class ScheduleError(LoyaltyError):
    code = "schedule"


def command(data_dir: Path) -> list[str]:
    """How the nightly job starts this very installation (a frozen build, or this Python with the package)."""
    exe = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "pos_loyalty"]
    return exe + ["--data-dir", str(Path(data_dir).resolve()), "sync", "--json"]


def _run(runner: Runner, args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    try:
        return runner(args, input=stdin, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return subprocess.CompletedProcess(args, 127, "", str(exc))


def method(runner: Runner = subprocess.run, platform: str = sys.platform) -> str:
    if platform.startswith("win"):
        return "schtasks"
    if _run(runner, ["systemctl", "--user", "show-environment"]).returncode == 0:
        return "systemd"
    return "cron"


def _units_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def install(data_dir: Path, at: str = "02:30", *, runner: Runner = subprocess.run,
            platform: str = sys.platform) -> dict:
    hour, _, minute = at.partition(":")
    if not (hour.isdigit() and minute.isdigit() and int(hour) < 24 and int(minute) < 60):
        raise ScheduleError(f"'{at}' is not a time like 02:30.", code="bad_time")
    how = method(runner, platform)
    argv = command(data_dir)
    log = Path(data_dir).resolve() / "nightly.log"
    if how == "schtasks":
        line = subprocess.list2cmdline(argv)
        _check(_run(runner, ["schtasks", "/Create", "/TN", NAME, "/TR", line, "/SC", "DAILY", "/ST",
                             f"{int(hour):02d}:{int(minute):02d}", "/F"]), "schtasks")
    elif how == "systemd":
        units = _units_dir()
        units.mkdir(parents=True, exist_ok=True)
        (units / f"{NAME}.service").write_text(
            "[Unit]\nDescription=pos-loyalty nightly sync, points expiry and backup\n\n[Service]\nType=oneshot\n"
            f"ExecStart={shlex.join(argv)}\nStandardOutput=append:{log}\nStandardError=append:{log}\n",
            encoding="utf-8")
        (units / f"{NAME}.timer").write_text(
            "[Unit]\nDescription=pos-loyalty nightly run\n\n[Timer]\n"
            f"OnCalendar=*-*-* {int(hour):02d}:{int(minute):02d}:00\nPersistent=true\nRandomizedDelaySec=600\n\n"
            "[Install]\nWantedBy=timers.target\n", encoding="utf-8")
        _check(_run(runner, ["systemctl", "--user", "daemon-reload"]), "systemctl")
        _check(_run(runner, ["systemctl", "--user", "enable", "--now", f"{NAME}.timer"]), "systemctl")
    else:
        lines = _cron_lines(runner)
        lines.append(f"{int(minute)} {int(hour)} * * * {shlex.join(argv)} >> {shlex.quote(str(log))} 2>&1 # {NAME}")
        _check(_run(runner, ["crontab", "-"], "\n".join(lines) + "\n"), "crontab")
    return {"installed": how, "at": f"{int(hour):02d}:{int(minute):02d}", "command": argv}


def remove(*, runner: Runner = subprocess.run, platform: str = sys.platform) -> dict:
    how = method(runner, platform)
    if how == "schtasks":
        _run(runner, ["schtasks", "/Delete", "/TN", NAME, "/F"])
    elif how == "systemd":
        _run(runner, ["systemctl", "--user", "disable", "--now", f"{NAME}.timer"])
        for suffix in ("service", "timer"):
            (_units_dir() / f"{NAME}.{suffix}").unlink(missing_ok=True)
        _run(runner, ["systemctl", "--user", "daemon-reload"])
    # A cron line may be left from a time without systemd: remove it in any case.
    if how != "schtasks":
        current = _run(runner, ["crontab", "-l"])
        lines = current.stdout.splitlines() if current.returncode == 0 else []
        kept = [line for line in lines if not line.endswith(f"# {NAME}")]
        if kept != lines:
            _check(_run(runner, ["crontab", "-"], "\n".join(kept) + "\n" if kept else ""), "crontab")
    return {"removed": how}


def _cron_lines(runner: Runner) -> list[str]:
    current = _run(runner, ["crontab", "-l"])
    lines = current.stdout.splitlines() if current.returncode == 0 else []
    return [line for line in lines if not line.endswith(f"# {NAME}")]


def _check(result: subprocess.CompletedProcess, tool: str) -> None:
    if result.returncode != 0:
        raise ScheduleError(f"{tool} failed: {(result.stderr or result.stdout).strip() or 'no output'}")
