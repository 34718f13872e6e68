"""`pos-loyalty messages ...` as a subprocess against a real SMTP server on loopback: settings (the password kept
out of the database), run, list, preview, unsubscribe, bad input; and a sending process killed mid-message."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import cli
from smtp_sink import SmtpServer, smtp_server  # noqa: F401 - a fixture

from pos_loyalty.clock import utcnow
from pos_loyalty.messages import tokens
from pos_loyalty.service import Loyalty
from test_messages import PROGRAM

REPO = Path(__file__).resolve().parent.parent
NEVER_QUIET = PROGRAM + '\n[messages]\nquiet_start = "00:00"\nquiet_end = "00:00"\n'


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "till"
    app = Loyalty(folder)
    (folder / "program.toml").write_text(NEVER_QUIET, encoding="utf-8")
    app.load_program(folder / "program.toml")
    staff = app.system_staff()
    app.enroll(staff, name="Anna", email="anna@example.org", consent_email=True)
    app.enroll(staff, name="Ben", email="ben@example.org")
    app.close()
    return folder


def _command(data_dir, *args) -> list[str]:
    return [sys.executable, "-m", "pos_loyalty", "--data-dir", str(data_dir), *map(str, args), "--json"]


def _set_smtp(data_dir, server: SmtpServer, password: str = "s3cret pass") -> dict:
    proc = subprocess.run(_command(data_dir, "messages", "smtp", "set", "--host", "127.0.0.1", "--port", server.port,
                                   "--security", "none", "--from", "shop@example.org", "--user", "shop",
                                   "--password-stdin"),
                          input=password + "\n", capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return json.loads(proc.stdout)


def test_settings_run_list_and_unsubscribe(data_dir, smtp_server):
    answer = _set_smtp(data_dir, smtp_server)
    assert answer["smtp"] == {"host": "127.0.0.1", "port": smtp_server.port, "security": "none", "username": "shop",
                              "sender": "shop@example.org", "sender_name": "", "password_set": True}
    # The password is neither in the database nor in its backups: a private file (no keyring on this machine).
    assert b"s3cret pass" not in (data_dir / "loyalty.db").read_bytes()
    [secret] = (data_dir / "keys").glob("smtp-*.secret")
    assert secret.read_text() == "s3cret pass" and stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert cli(data_dir, "messages", "smtp", "show")["smtp"]["password_set"] is True

    # A loopback test server without AUTH: the login is refused, the message waits for a retry.
    run = cli(data_dir, "messages", "run")
    assert run["plan"] == {"planned": 2, "queued": 1, "held": 1}
    assert run["send"] == {"retry": 1}
    listed = cli(data_dir, "messages", "list", "--status", "queued")["messages"]
    assert [(m["name"], m["attempts"]) for m in listed] == [("Anna", 1)]
    # No user, no password: this server takes anyone.
    proc = subprocess.run(_command(data_dir, "messages", "smtp", "set", "--host", "127.0.0.1", "--port",
                                   smtp_server.port, "--security", "none", "--from", "shop@example.org"),
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr
    later = (utcnow() + timedelta(minutes=2)).isoformat()
    assert cli(data_dir, "messages", "send", "--at", later) == {"sent": 1}
    [mail] = smtp_server.sink.wait_for(1)
    assert mail.recipients == ["anna@example.org"] and mail.subject == "Willkommen bei Café Test"

    listing = cli(data_dir, "messages", "list")
    assert listing["counts"] == {"status": {"held": 1, "sent": 1}, "held": {"no_consent": 1}}
    held = cli(data_dir, "messages", "list", "--status", "held")["messages"]
    assert [(m["name"], m["reason"], m["why"]) for m in held] == [
        ("Ben", "no_consent", "the customer has not agreed to e-mails")]
    shown = cli(data_dir, "messages", "show", held[0]["id"])
    assert shown["subject"] == "Willkommen bei Café Test" and shown["text"].startswith("Hallo Ben,")

    token = mail.text().split("Ihr Code: ")[1].split(")")[0]
    gone = cli(data_dir, "messages", "unsubscribe", token)
    assert gone["unsubscribed"] is True and gone["name"] == "Anna"
    app = Loyalty(data_dir)
    try:
        assert app.customer(gone["customer_id"])["consent_email"] == 0
    finally:
        app.close()


def test_preview_and_bad_input(data_dir):
    preview = cli(data_dir, "messages", "preview", "birthday", "--lang", "en")
    assert preview["subject"] == "Happy birthday from Café Test"
    assert "we will add 50 points to your card" in preview["text"]
    assert cli(data_dir, "messages", "unsubscribe", "nonsense", ok=False)["error"]["code"] == "bad_unsubscribe_token"
    bad = cli(data_dir, "messages", "smtp", "set", "--host", "mail.example.org", "--from", "not an address", ok=False)
    assert bad["error"]["code"] == "bad_smtp"
    assert cli(data_dir, "messages", "smtp", "test", "a@b.c", ok=False)["error"]["code"] == "bad_smtp"
    assert cli(data_dir, "messages", "list", "--status", "lost", ok=False)["error"]["code"] == "usage"


def test_a_killed_sender_never_sends_the_same_message_twice(data_dir, smtp_server):
    proc = subprocess.run(_command(data_dir, "messages", "smtp", "set", "--host", "127.0.0.1", "--port",
                                   smtp_server.port, "--security", "none", "--from", "shop@example.org"),
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr
    smtp_server.sink.next_data = ["hang"]  # the text arrives; the answer never comes
    sender = subprocess.Popen(_command(data_dir, "messages", "run"), cwd=REPO, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env=os.environ)
    try:
        smtp_server.sink.wait_for(1, timeout=60)
    finally:
        sender.kill()
        sender.wait(30)
    smtp_server.sink.release()
    [row] = cli(data_dir, "messages", "list", "--status", "sending")["messages"]
    # Soon after, the row may still belong to a live process: left alone. Later it is recorded, not resent.
    assert cli(data_dir, "messages", "send") == {}
    much_later = (utcnow() + timedelta(minutes=11)).isoformat()
    assert cli(data_dir, "messages", "send", "--at", much_later) == {"interrupted": 1}
    failed = cli(data_dir, "messages", "show", row["id"])
    assert (failed["status"], failed["reason"]) == ("failed", "interrupted")
    assert len(smtp_server.received) == 1
    assert tokens.PREFIX in smtp_server.received[0].text()
