"""The store on real files: migrations, the append-only rule, durability across a kill -9, check and repair."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timezone

import pytest

from pos_loyalty.clock import to_db
from pos_loyalty.errors import StorageError
from pos_loyalty.service import Loyalty
from pos_loyalty.store import Database
from pos_loyalty.store import customers as customer_sql
from pos_loyalty.store.migrations import ENCRYPTED, LATEST, upgrade

T0 = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def test_new_database_has_the_ledger_settings(tmp_path):
    db = Database(tmp_path / "loyalty.db")
    assert db.version == LATEST
    assert db.scalar("PRAGMA journal_mode") == "wal"
    assert db.scalar("PRAGMA synchronous") == 2  # FULL
    assert db.scalar("PRAGMA foreign_keys") == 1


@pytest.mark.parametrize("start", range(1, LATEST))
def test_upgrade_from_every_earlier_version_keeps_data(tmp_path, start):
    db = Database(tmp_path / "loyalty.db", migrate=False)
    upgrade(db, target=start)
    person = {"name": "Jürgen Weiß", "phone": "+49 170 1234567", "email": "jw@example.org", "birthday": "1980-02-29"}
    with db.write() as conn:
        if start < ENCRYPTED:  # what older versions wrote: plaintext
            conn.execute("INSERT INTO customers (id, name, phone, email, birthday, created_at, updated_at) "
                         "VALUES ('c1', :name, :phone, :email, :birthday, :at, :at)", person | {"at": to_db(T0)})
        else:
            customer_sql.create(conn, "c1", at=T0, staff_id=None, shop_id="local", **person)
        conn.execute("INSERT INTO balances (customer_id, points) VALUES ('c1', 7)")
    db.close()
    app = Loyalty(tmp_path)  # opens and migrates like the app does
    assert app.db.version == LATEST
    assert [c["id"] for c in app.search("jurg")] == ["c1"]  # accents folded
    assert [c["id"] for c in app.search("1234567")] == ["c1"]
    assert [c["id"] for c in app.search("0170 1234567")] == ["c1"]
    assert [c["id"] for c in app.search("jw@ex")] == ["c1"]
    assert {k: app.customer("c1")[k] for k in person} == person
    assert app.db.scalar("SELECT points FROM balances WHERE customer_id = 'c1'") == 7
    copy = tmp_path / f"loyalty.db.before-v{start + 1}"
    if start < ENCRYPTED:  # the copy from before the upgrade held the names in plaintext: not kept
        assert not copy.exists()
        assert app.db.query("PRAGMA table_info(customers)")[-1]["name"] != "phone_rev"
        assert not app.db.query("SELECT name FROM sqlite_master WHERE name LIKE 'customers_fts%'")
        assert not any("Weiß".encode() in p.read_bytes() or b"1234567" in p.read_bytes()
                       for p in tmp_path.glob("loyalty.db*"))
    else:
        assert copy.exists()  # a copy from before the upgrade
    app.close()


def test_newer_schema_is_refused_not_damaged(tmp_path):
    db = Database(tmp_path / "loyalty.db")
    db.conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    db.close()
    with pytest.raises(StorageError, match="newer pos-loyalty"):
        Database(tmp_path / "loyalty.db")


def test_events_are_append_only(make_shop):
    app = make_shop("cafe")
    token = app.enroll(app.system_staff())[1]
    receipt = app.checkout(app.system_staff(), token, 300)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        app.db.conn.execute("UPDATE events SET stamps = 5 WHERE id = ?", (receipt.event_id,))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        app.db.conn.execute("DELETE FROM events")
    app.db.conn.execute("UPDATE events SET synced = 1")  # the sync flag is the one thing that may change


def test_check_finds_and_repairs_a_tampered_balance(make_shop):
    app = make_shop("bakery")
    token = app.enroll(app.system_staff())[1]
    app.checkout(app.system_staff(), token, 1000)
    assert app.check()["ok"]
    app.db.conn.execute("UPDATE balances SET points = 999")
    report = app.check()
    assert not report["ok"] and report["mismatched_balances"][0]["points"] == 30
    assert app.check(repair=True)["repaired"]
    assert app.check()["ok"] and app.balance(token).points == 30


def test_failed_booking_leaves_nothing(make_shop):
    app = make_shop("salon")
    staff = app.system_staff()
    anna = app.enroll(staff)[1]
    ben = app.enroll(staff, referred_by=anna)[1]
    before = app.db.scalar("SELECT COUNT(*) FROM events")
    app.db.conn.execute("CREATE TRIGGER fail BEFORE INSERT ON events WHEN NEW.kind = 'bonus' "
                        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    with pytest.raises(StorageError, match="disk is full"):
        app.checkout(staff, ben, 3000)  # the purchase row went in, the referral bonus failed: all rolled back
    assert app.db.scalar("SELECT COUNT(*) FROM events") == before
    assert app.balance(ben).cashback == 0 and app.check()["ok"]


CHILD = textwrap.dedent("""
    import os, signal, sys
    from pos_loyalty.service import Loyalty
    from pos_loyalty.store import events

    app = Loyalty(sys.argv[1])
    staff = app.system_staff()
    cards = sys.argv[2:]
    real_append, calls = events.append, []

    def append_then_die(conn, customer_id, entry, *args, **kwargs):
        event_id = real_append(conn, customer_id, entry, *args, **kwargs)
        if entry.kind == "bonus" and len(calls) >= 3:
            os.kill(os.getpid(), signal.SIGKILL)  # mid-checkout: the purchase row is written, not committed
        return event_id

    events.append = append_then_die
    for card in cards:
        receipt = app.checkout(staff, card, 3000)
        calls.append(receipt.event_id)
        print(receipt.event_id, flush=True)
""")


def test_kill_9_mid_checkout_loses_nothing_committed(make_shop, tmp_path):
    app = make_shop("salon")
    staff = app.system_staff()
    referrer = app.enroll(staff)[1]
    # Each referred customer's first purchase books two events (purchase + the referrer's bonus).
    customers = [app.enroll(staff, referred_by=referrer)[1] for _ in range(5)]
    app.close()
    child = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "shop"), *customers],
                           capture_output=True, text=True, timeout=60)
    assert child.returncode == -signal.SIGKILL
    committed = child.stdout.split()
    assert len(committed) == 3
    after = Loyalty(tmp_path / "shop")
    assert after.check()["ok"]
    purchases = [r[0] for r in after.db.query("SELECT id FROM events WHERE kind = 'purchase'")]
    assert purchases == committed  # the fourth purchase is gone entirely, with its bonus
    assert after.balance(referrer).cashback == 3 * 500
    assert [after.balance(c).cashback for c in customers] == [150, 150, 150, 0, 0]
    after.close()


def test_backup_is_a_consistent_copy(make_shop, tmp_path):
    app = make_shop("cafe")
    token = app.enroll(app.system_staff())[1]
    app.checkout(app.system_staff(), token, 300)
    copy = app.backup(tmp_path / "backups")
    restored = Loyalty(copy.parent / "restore")
    restored.close()
    os.replace(copy, copy.parent / "restore" / "loyalty.db")
    again = Loyalty(copy.parent / "restore")
    assert again.balance(token).stamps == 1 and again.check()["ok"]
    again.close()
