"""The headless side: `pos-loyalty register` and `sync` (exit code, one line, --json, chores), the shared lock,
the background scheduler's backoff, and the schedule installer (systemd, cron, schtasks) with a fake runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_loyalty.sync import schedule
from pos_loyalty.sync.backoff import Backoff
from pos_loyalty.sync.lock import Busy, SyncLock
from pos_loyalty.sync.nightly import nightly
from pos_loyalty.sync.scheduler import SyncScheduler

from .conftest import Terminal

REPO = Path(__file__).resolve().parents[2]


def run_cli(data_dir, *args, json_out=True):
    command = [sys.executable, "-m", "pos_loyalty", "--data-dir", str(data_dir), *map(str, args)]
    if json_out:
        command.append("--json")
    return subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=120,
                          env=os.environ | {"QT_QPA_PLATFORM": "offscreen"})


def test_register_and_nightly_sync_from_the_command_line(server, tmp_path):
    tenant = server.tenant()
    a = Terminal(tmp_path / "a")
    card = a.enroll(name="Nora")
    a.close()
    proc = run_cli(tmp_path / "a", "register", server.url, tenant.code(), "--name", "Till 1")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["shop"] == "Main"
    proc = run_cli(tmp_path / "a", "sync", json_out=False)
    assert proc.returncode == 0, proc.stderr
    line = proc.stdout.strip()
    assert "\n" not in line and line.startswith("synced: pushed 2 event(s)") and "backup" in line
    proc = run_cli(tmp_path / "a", "sync")
    report = json.loads(proc.stdout)
    assert report["ok"] and report["sync"]["pushed"] == 0 and report["expired"]["points_expired"] == 0
    assert len(list((tmp_path / "a" / "backups").glob("loyalty-*.db"))) >= 1
    status = json.loads(run_cli(tmp_path / "a", "sync", "--status").stdout)
    assert status["unsynced"] == 0 and status["registered"]
    assert card


def test_nightly_sync_without_a_server_fails_cleanly_but_does_the_chores(server, tmp_path):
    tenant = server.tenant()
    a = Terminal(tmp_path / "a")
    a.register(server.url, tenant.code())
    a.enroll()
    a.app.db.set_meta("sync_url", "http://127.0.0.1:9")  # nothing listens there
    a.close()
    proc = run_cli(tmp_path / "a", "sync", json_out=False)
    assert proc.returncode == 1
    assert proc.stdout.strip().startswith("sync failed: The server cannot be reached")
    assert list((tmp_path / "a" / "backups").glob("loyalty-*.db"))


def test_backups_rotate(server, tmp_path):
    a = Terminal(tmp_path / "a")
    a.close()
    folder = tmp_path / "a" / "backups"
    folder.mkdir()
    for day in range(1, 10):
        (folder / f"loyalty-202601{day:02d}-000000.db").write_bytes(b"old")
    out = nightly(tmp_path / "a", keep=3)
    assert out["ok"] and "skipped" in out["sync"]
    kept = sorted(p.name for p in folder.glob("loyalty-*.db"))
    assert len(kept) == 3 and kept[-1] == Path(out["backup"]).name and "20260108" in kept[0]


def test_one_sync_at_a_time(tmp_path):
    with SyncLock(tmp_path):
        with pytest.raises(Busy):
            SyncLock(tmp_path).acquire()
        # Another process (the nightly job) is refused too.
        code = ("import sys; from pos_loyalty.sync.lock import SyncLock, Busy\n"
                f"try:\n    SyncLock({str(tmp_path)!r}).acquire()\nexcept Busy:\n    sys.exit(3)\n")
        assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 3
    with SyncLock(tmp_path):
        pass


def test_backoff_grows_with_jitter_and_a_cap():
    backoff = Backoff(base=2, cap=60)
    delays = [backoff.delay(n) for n in range(10)]
    assert all(1 <= d <= 60 for d in delays)
    assert backoff.ceiling(0) == 2 and backoff.ceiling(3) == 16 and backoff.ceiling(9) == 60
    assert len({round(backoff.delay(4), 6) for _ in range(20)}) > 1  # jittered


def test_scheduler_backs_off_while_offline_and_recovers(server, tmp_path):
    tenant = server.tenant()
    a = Terminal(tmp_path / "a")
    a.register(server.url, tenant.code())
    a.enroll()
    now = [1000.0]
    seen = []
    scheduler = SyncScheduler(tmp_path / "a", interval=300, debounce=3, backoff=Backoff(base=2, cap=120),
                              on_status=seen.append, clock=lambda: now[0])
    a.app.db.set_meta("sync_url", "http://127.0.0.1:9")
    waits = []
    for _ in range(4):
        status = scheduler.step(a.client)
        waits.append(status.next_attempt_s)
    assert status.online is False and "cannot be reached" in status.last_error and status.unsynced == 2
    assert waits[0] <= 2 and waits[-1] > waits[0] and all(w <= 120 for w in waits)
    scheduler.poke()  # bookings do not shorten a backoff...
    assert scheduler._due > now[0] + 3
    scheduler.sync_now()  # ...but the owner's "Sync now" does
    assert scheduler._due == now[0]
    a.app.db.set_meta("sync_url", server.url)
    status = scheduler.step(a.client)
    assert status.online is True and status.unsynced == 0 and status.last_error is None
    assert status.next_attempt_s == 300 and scheduler.failures == 0
    scheduler.poke()
    assert scheduler._due == now[0] + 3  # a booking: sync soon, debounced
    assert [s.running for s in seen].count(True) == 5
    a.close()


def test_scheduler_runs_in_a_thread_and_stops(server, tmp_path):
    import threading

    tenant = server.tenant()
    a = Terminal(tmp_path / "a")
    a.register(server.url, tenant.code())
    a.enroll()
    done = threading.Event()
    scheduler = SyncScheduler(tmp_path / "a", interval=300,
                              on_status=lambda s: done.set() if s.online and not s.unsynced else None)
    worker = threading.Thread(target=scheduler.run)
    worker.start()
    assert done.wait(20)
    scheduler.stop()
    worker.join(10)
    assert not worker.is_alive() and a.app.unsynced_count() == 0
    a.close()


class FakeSystem:
    """Records commands; plays systemctl (available or not), crontab (a stored table) and schtasks."""

    def __init__(self, systemd: bool):
        self.systemd, self.crontab, self.calls = systemd, "", []

    def __call__(self, args, input=None, **_):
        self.calls.append(args)
        ok = subprocess.CompletedProcess(args, 0, "", "")
        if args[0] == "systemctl":
            return ok if self.systemd else subprocess.CompletedProcess(args, 1, "", "no user bus")
        if args[:2] == ["crontab", "-l"]:
            return subprocess.CompletedProcess(args, 0, self.crontab, "")
        if args[:2] == ["crontab", "-"]:
            self.crontab = input
        return ok


def test_schedule_with_systemd_user_timer(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    fake = FakeSystem(systemd=True)
    out = schedule.install(tmp_path / "data", "03:15", runner=fake, platform="linux")
    units = tmp_path / "config" / "systemd" / "user"
    assert out["installed"] == "systemd"
    assert "OnCalendar=*-*-* 03:15:00" in (units / "pos-loyalty-nightly.timer").read_text()
    service = (units / "pos-loyalty-nightly.service").read_text()
    assert "sync --json" in service and str((tmp_path / "data").resolve()) in service
    assert ["systemctl", "--user", "enable", "--now", "pos-loyalty-nightly.timer"] in fake.calls
    schedule.remove(runner=fake, platform="linux")
    assert not (units / "pos-loyalty-nightly.timer").exists()


def test_schedule_falls_back_to_cron_and_removes_only_its_line(tmp_path):
    fake = FakeSystem(systemd=False)
    fake.crontab = "0 1 * * * backup-photos\n"
    assert schedule.install(tmp_path, "02:30", runner=fake, platform="linux")["installed"] == "cron"
    schedule.install(tmp_path, "02:45", runner=fake, platform="linux")  # again: replaced, not doubled
    lines = fake.crontab.splitlines()
    assert lines[0] == "0 1 * * * backup-photos" and len(lines) == 2
    assert lines[1].startswith("45 2 * * * ") and lines[1].endswith("# pos-loyalty-nightly")
    schedule.remove(runner=fake, platform="linux")
    assert fake.crontab == "0 1 * * * backup-photos\n"


def test_schedule_on_windows_uses_schtasks(tmp_path):
    fake = FakeSystem(systemd=False)
    schedule.install(tmp_path, "02:30", runner=fake, platform="win32")
    create = next(c for c in fake.calls if c[0] == "schtasks")
    assert create[:4] == ["schtasks", "/Create", "/TN", "pos-loyalty-nightly"] and "/ST" in create
    schedule.remove(runner=fake, platform="win32")
    assert fake.calls[-1] == ["schtasks", "/Delete", "/TN", "pos-loyalty-nightly", "/F"]


def test_schedule_refuses_a_bad_time(tmp_path):
    with pytest.raises(schedule.ScheduleError):
        schedule.install(tmp_path, "25:00", runner=FakeSystem(True), platform="linux")


def test_register_refuses_a_bad_address_or_code_clearly(server, tmp_path):
    from pos_loyalty.sync.client import SyncError

    a = Terminal(tmp_path / "a")
    with pytest.raises(SyncError, match="http:// or https://"):
        a.register("loyalty.example.com", "AAAA-BBBB-CCCC")
    with pytest.raises(SyncError, match="unknown, already used or expired") as refused:
        a.register(server.url, "AAAA-BBBB-CCCC")
    assert refused.value.code == "bad_code" and not a.client.registered
    with pytest.raises(SyncError) as offline:
        a.register("http://127.0.0.1:9", "AAAA-BBBB-CCCC")
    assert offline.value.code == "offline" and offline.value.retry
    a.close()


def test_scheduler_survives_an_unexpected_error(server, tmp_path):
    tenant = server.tenant()
    a = Terminal(tmp_path / "a")
    a.register(server.url, tenant.code())
    scheduler = SyncScheduler(tmp_path / "a", backoff=Backoff(base=1, cap=4))

    def broken(**_):
        raise RuntimeError("boom")

    a.client.sync = broken
    status = scheduler.step(a.client)
    assert "unexpected error (RuntimeError)" in status.last_error and status.next_attempt_s <= 1
    a.close()


def test_an_address_that_is_not_our_server_gives_a_clear_error(tmp_path):
    import httpx

    from pos_loyalty.sync.client import SyncClient, SyncError

    def other_service(request):
        return httpx.Response(200, json={"hello": "world"})

    Terminal(tmp_path / "a").close()
    with SyncClient(tmp_path / "a", transport=httpx.MockTransport(other_service), attempts=1) as client:
        client.db.set_meta("sync_url", "http://example.invalid")
        client.db.set_meta("sync_token", "x")
        with pytest.raises(SyncError, match="not understood: is this address a pos-loyalty server") as refused:
            client.sync()
        assert refused.value.code == "bad_answer"
