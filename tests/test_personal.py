"""Personal fields at rest: nothing readable in the files, search as before, the key in the keyring or a key file."""

import os
import sqlite3
import stat
from datetime import date

import keyring
import pytest
from keyring.backend import KeyringBackend

from conftest import cli
from pos_loyalty import keys
from pos_loyalty.keys import KeyProblem
from pos_loyalty.service import Loyalty
from pos_loyalty.store import customers as customer_sql

ZOE = {"name": "Zoë Müller", "email": "zoe.mueller@example.org", "phone": "+49 170 8765432",
       "birthday": "1990-04-23"}
SECRETS = [b"Zo\xc3\xab", "Müller".encode(), b"mueller", b"8765432", b"1990-04-23", b"04-23"]


class MemoryKeyring(KeyringBackend):
    """A keyring backend living in this process: keyring's own plugin interface, standing in for the OS store
    (no Secret Service, Keychain or Credential Locker runs here)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.entries = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        self.entries.pop((service, username))


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def _everything_stored(folder) -> bytes:
    """The raw bytes of the database, its WAL and shm, and every row of every table, as one blob."""
    raw = b"".join(p.read_bytes() for p in folder.glob("loyalty.db*"))
    conn = sqlite3.connect(folder / "loyalty.db")
    try:
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                raw += repr(row).encode() + b"".join(v for v in row if isinstance(v, bytes))
    finally:
        conn.close()
    return raw


def test_nothing_personal_in_the_database_files(make_shop, tmp_path):
    app = make_shop("bakery")
    staff = app.system_staff()
    zoe_id, card, _ = app.enroll(staff, **ZOE)
    app.checkout(staff, card, 1250)
    app.update_customer(zoe_id, phone="0170 8765432")  # an edit: old and new value, sync queue and clocks
    assert [c["id"] for c in app.search("zoe mul")] == [zoe_id]
    stored = _everything_stored(tmp_path / "shop")
    assert b"sync_outbox" in stored  # the sync tables were read too
    for secret in SECRETS:
        assert secret not in stored and secret.lower() not in stored.lower(), secret
    app.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stored = _everything_stored(tmp_path / "shop")
    assert not any(secret in stored for secret in SECRETS)
    assert app.customer(zoe_id) | ZOE | {"phone": "0170 8765432"} == app.customer(zoe_id)


def test_search_behaves_as_before(make_shop):
    app = make_shop("cafe")
    staff = app.system_staff()
    zoe = app.enroll(staff, **ZOE)[0]
    old = app.enroll(staff, name="Anna Schmidt", email="a.schmidt@example.org", phone="0151 2223344")[0]
    newer = app.enroll(staff, name="Marie Anna Berg", phone="+49 160 1113344")[0]
    gone = app.enroll(staff, name="Anna Schmitz")[0]
    app.merge(staff, gone, old)
    assert [c["id"] for c in app.search("anna")] == [old, newer]  # names starting with it first; merged gone
    assert [c["id"] for c in app.search("ANN")] == [old, newer]  # prefixes, any case
    assert [c["id"] for c in app.search("zoe")] == [zoe] == [c["id"] for c in app.search("Zoë")]  # accents
    assert [c["id"] for c in app.search("müll zo")] == [zoe]  # every word a prefix, in any order
    assert [c["id"] for c in app.search("zoe.mu")] == [zoe]  # an email's beginning
    assert [c["id"] for c in app.search("mueller")] == [zoe]  # a word of the email
    assert [c["id"] for c in app.search("a.schmidt@example.org")] == [old]
    assert [c["id"] for c in app.search("3344")] == [old, newer]  # the last digits, ordered by name
    assert [c["id"] for c in app.search("0151 222 3344")] == [old]
    assert app.search("schmidt berg") == [] and app.search("44") == []
    found = app.search("zoe")[0]
    assert {k: found[k] for k in ZOE} == ZOE and "phone_rev" not in found
    assert [c["id"] for c in customer_sql.by_email(app.db.conn, "Zoe.Mueller@example.org ")] == [zoe]


def test_birthdays_in_the_coming_days_without_decrypting_everyone(make_shop):
    app = make_shop("cafe")
    staff = app.system_staff()
    leap = app.enroll(staff, name="Leap", birthday="2000-02-29")[0]
    march = app.enroll(staff, name="March", birthday="1985-03-02")[0]
    app.enroll(staff, name="June", birthday="1970-06-01")
    app.enroll(staff, name="Nobody")

    def between(first, last):
        return [c["id"] for c in customer_sql.birthdays_between(app.db.conn, first, last)]

    assert between(date(2027, 2, 25), date(2027, 3, 3)) == [leap, march]  # 29 Feb on the 28th in common years
    assert between(date(2027, 2, 28), date(2027, 2, 28)) == [leap]
    assert between(date(2028, 2, 28), date(2028, 2, 28)) == []  # a leap year has its own 29th
    assert customer_sql.birthdays_between(app.db.conn, date(2028, 3, 2), date(2028, 3, 2))[0]["birthday"] == \
        "1985-03-02"


def test_key_file_when_there_is_no_keyring(make_shop, tmp_path):
    app = make_shop("cafe")
    zoe = app.enroll(app.system_staff(), **ZOE)[0]
    folder = tmp_path / "shop" / keys.FOLDER
    (path,) = folder.iterdir()
    assert path.name == f"{app.db.meta('database_id')}.key" and app.db.meta("personal_key_store") == "file"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(folder.stat().st_mode) == 0o700
    app.close()
    again = Loyalty(tmp_path / "shop")
    assert again.customer(zoe)["name"] == ZOE["name"]
    again.close()


def test_key_in_the_keyring_when_one_works(memory_keyring, tmp_path):
    app = Loyalty(tmp_path / "shop")
    app.load_program(os.path.join(os.path.dirname(__file__), "..", "resources", "programs", "cafe.toml"))
    zoe = app.enroll(app.system_staff(), **ZOE)[0]
    database_id = app.db.meta("database_id")
    assert list(memory_keyring.entries) == [("pos-loyalty", database_id)]
    assert app.db.meta("personal_key_store") == "keyring" and not (tmp_path / "shop" / keys.FOLDER).exists()
    app.close()
    again = Loyalty(tmp_path / "shop")
    assert again.customer(zoe)["email"] == ZOE["email"]
    memory_keyring.entries.clear()  # the keyring lost it (a new user account, a reinstalled system)
    again.close()
    lost = Loyalty(tmp_path / "shop")
    with pytest.raises(KeyProblem) as caught:
        lost.search("zoe")
    assert caught.value.code == "key_missing" and "system keyring" in caught.value.message
    assert (tmp_path / "shop" / keys.FOLDER).exists() is False  # no new key was made behind the owner's back
    lost.close()


def test_missing_key_is_a_clear_error_and_an_exported_copy_restores_it(cli_shop, tmp_path):
    shop = cli_shop("cafe")
    card = shop.run("customer", "enroll", "--name", "Zoë Müller", "--phone", "0170 8765432")["card"]
    exported = shop.run("key", "export", tmp_path / "key.json")
    assert stat.S_IMODE((tmp_path / "key.json").stat().st_mode) == 0o600
    backup = shop.run("backup", tmp_path / "backup.db")
    assert backup["key_id"] == exported["key_id"] and "key export" in backup["note"]
    for path in (shop.dir / keys.FOLDER).iterdir():
        path.unlink()
    error = shop.run("customer", "find", "Zoë", ok=False)["error"]
    assert error["code"] == "key_missing" and "pos-loyalty key import" in error["message"]
    assert shop.run("customer", "show", "--card", card, ok=False)["error"]["code"] == "key_missing"
    assert shop.run("key", "import", tmp_path / "key.json")["imported"] == exported["key_id"]
    assert shop.run("customer", "find", "8765432")["customers"][0]["name"] == "Zoë Müller"
    # The backup restored into a new folder on another computer: the key travels separately.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.replace(tmp_path / "backup.db", elsewhere / "loyalty.db")
    assert cli(elsewhere, "customer", "find", "zoe", ok=False)["error"]["code"] == "key_missing"
    cli(elsewhere, "key", "import", tmp_path / "key.json")
    assert cli(elsewhere, "customer", "find", "zoe")["customers"][0]["phone"] == "0170 8765432"


def test_wrong_key_is_a_clear_error(make_shop, tmp_path):
    app = make_shop("cafe")
    app.enroll(app.system_staff(), **ZOE)
    path = keys.key_file(tmp_path / "shop", app.db.meta("database_id"))
    app.close()
    keys.store(tmp_path / "shop", path.stem, keys.new_key())  # another key in its place
    other = Loyalty(tmp_path / "shop")
    with pytest.raises(KeyProblem) as caught:
        other.search("zoe")
    assert caught.value.code == "key_wrong" and "key import" in caught.value.message
    other.close()
    path.write_text("not a key\n")
    damaged = Loyalty(tmp_path / "shop")
    with pytest.raises(KeyProblem) as caught:
        damaged.search("zoe")
    assert caught.value.code == "key_damaged"
    damaged.close()


def test_a_key_from_another_database_is_refused(cli_shop, tmp_path):
    one, two = cli_shop("cafe", "one"), cli_shop("bakery", "two")
    two.run("customer", "enroll", "--name", "Someone")
    one.run("key", "export", tmp_path / "one.json")
    assert two.run("key", "import", tmp_path / "one.json", ok=False)["error"]["code"] == "key_wrong"
