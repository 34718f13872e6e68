"""A customer's data: the export holds everything, the erasure removes the person and keeps the books."""

import json
import sqlite3
import stat
from datetime import datetime, timezone

import pytest

from pos_loyalty import privacy
from pos_loyalty.errors import LoyaltyError, Refused

ZOE = {"name": "Zoë Müller", "email": "zoe.mueller@example.org", "phone": "+49 170 8765432",
       "birthday": "1990-04-23"}
T0 = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


@pytest.fixture
def zoe(make_shop):
    """A bakery customer with a history, an older account merged into hers and an adjustment naming her."""
    app = make_shop("bakery")
    staff = app.system_staff()
    zoe_id, card, _ = app.enroll(staff, consent_email=True, at=T0, **ZOE)
    old_id, old_card, _ = app.enroll(staff, name="Zoe M.", phone="0170 1112223", at=T0)
    app.checkout(staff, card, 1250, at=T0)
    app.checkout(staff, old_card, 800, at=T0)
    app.adjust(staff, card, 5, "Zoë Müller complained about a burnt loaf", at=T0)
    app.merge(staff, old_id, zoe_id, at=T0)
    return app, zoe_id, card, old_id


def test_export_holds_everything_about_the_customer(zoe):
    app, zoe_id, card, old_id = zoe
    data = privacy.export(app, zoe_id)
    assert data["format"] == privacy.FORMAT and data["currency"] == "EUR"
    assert {k: data["customer"][k] for k in ZOE} == ZOE and data["customer"]["consent_email"] == 1
    assert [m["id"] for m in data["merged_accounts"]] == [old_id] and data["merged_accounts"][0]["name"] == "Zoe M."
    assert {c["token"] for c in data["cards"]} == {card, app.customer(zoe_id)["cards"][1]["token"]}
    kinds = [e["kind"] for e in data["events"]]
    assert kinds.count("purchase") == 2 and "adjust" in kinds and kinds.count("merge") >= 2
    assert {e["customer_id"] for e in data["events"]} == {zoe_id, old_id}
    assert sum(e["points"] for e in data["events"] if e["customer_id"] == zoe_id) == data["balance"]["points"]
    assert data["balance"]["points"] == app.balance_of(zoe_id).points
    assert all("seq" not in e and "synced" not in e for e in data["events"])
    assert isinstance(data["events"][0]["detail"], dict)
    assert [(a["action"], a["detail"]["events"]) for a in data["audit"]] == [("export", len(data["events"]))]
    json.dumps(data)  # all of it is JSON


def test_export_to_a_file_only_the_owner_can_read(zoe, tmp_path):
    app, zoe_id, *_ = zoe
    path = privacy.save_export(app, zoe_id, tmp_path / "zoe.json")
    assert json.loads(path.read_text(encoding="utf-8"))["customer"]["name"] == "Zoë Müller"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(LoyaltyError) as caught:
        privacy.save_export(app, zoe_id, tmp_path / "missing-folder" / "zoe.json")
    assert caught.value.code == "cannot_write"


def test_erase_removes_the_person_and_keeps_the_books(zoe, tmp_path):
    app, zoe_id, card, old_id = zoe
    before = app.balance_of(zoe_id)
    owner = app.add_staff("Maria", "owner", "1234")
    cashier = app.add_staff("Jonas", "cashier", "1111")
    with pytest.raises(Refused):
        privacy.erase(app, zoe_id, cashier, "asked")
    with pytest.raises(LoyaltyError) as caught:
        privacy.erase(app, zoe_id, owner, "  ")
    assert caught.value.code == "erase_reason"
    done = privacy.erase(app, zoe_id, owner, "asked at the counter")
    assert (done["accounts"], done["cards_blocked"], done["reasons_erased"]) == (2, 2, 1)

    for cid in (zoe_id, old_id):
        customer = app.customer(cid)
        assert [customer[k] for k in ZOE] == [None] * 4 and customer["consent_email"] == 0 and customer["erased_at"]
    after = app.balance_of(zoe_id)
    assert (after.stamps, after.points, after.cashback) == (before.stamps, before.points, before.cashback)
    assert app.check()["ok"]
    assert app.search("zoe") == [] and app.search("8765432") == [] and app.search("zoe.mu") == []
    with pytest.raises(Refused) as caught:
        app.balance(card)
    assert caught.value.code == "card_blocked"
    with pytest.raises(Refused) as caught:
        app.update_customer(zoe_id, name="Zoë")
    assert caught.value.code == "erased"
    with pytest.raises(Refused) as caught:
        privacy.erase(app, zoe_id, owner, "again")
    assert caught.value.code == "already_erased"
    amounts = [(e["kind"], e["points"], e["reason"]) for e in app.history(zoe_id) if e["kind"] == "adjust"]
    assert amounts == [("adjust", 5, "[erased]")]

    entries = privacy.audit(app, zoe_id)
    assert [(a["action"], a["staff_name"]) for a in entries] == [("erase", "Maria")]
    assert entries[0]["detail"] == {"accounts": 2, "cards_blocked": 2, "reasons_erased": 1, "messages_deleted": 0,
                                    "reason": "asked at the counter"}
    app.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = b"".join(p.read_bytes() for p in (tmp_path / "shop").glob("loyalty.db*"))
    for text in ("Zoë", "Müller", "burnt loaf", "Zoe M."):
        assert text.encode() not in raw
    # The export of an erased customer shows what is left: figures, no person.
    data = privacy.export(app, zoe_id, owner)
    assert data["customer"]["name"] is None and data["balance"]["points"] == before.points


def test_events_stay_append_only_but_for_an_erased_reason(zoe):
    app, zoe_id, *_ = zoe
    event = next(e for e in app.history(zoe_id) if e["kind"] == "adjust")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        app.db.conn.execute("UPDATE events SET reason = 'something else' WHERE id = ?", (event["id"],))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        app.db.conn.execute("UPDATE events SET points = 50, reason = '[erased]' WHERE id = ?", (event["id"],))


def test_export_and_erase_from_the_command_line(cli_shop, tmp_path):
    shop = cli_shop("cafe")
    card = shop.run("customer", "enroll", "--name", "Zoë Müller", "--email", "zoe@example.org")["card"]
    shop.run("checkout", "--card", card, "--amount", "3.50", "--at", "2026-03-02T10:00")
    printed = shop.run("customer", "export", "--card", card)
    assert printed["customer"]["name"] == "Zoë Müller" and "purchase" in [e["kind"] for e in printed["events"]]
    written = shop.run("customer", "export", "--card", card, "--out", tmp_path / "zoe.json")
    assert json.loads((tmp_path / "zoe.json").read_text(encoding="utf-8"))["customer"]["email"] == "zoe@example.org"
    assert written["exported"] == str(tmp_path / "zoe.json")
    refused = shop.run("customer", "erase", "--card", card, "--reason", "asked by email", ok=False)["error"]
    assert refused["code"] == "confirm" and "--yes" in refused["message"]
    assert shop.run("customer", "find", "zoe")["customers"]  # nothing happened
    erased = shop.run("customer", "erase", "--card", card, "--reason", "asked by email", "--yes")
    assert erased["cards_blocked"] == 1
    assert shop.run("customer", "find", "zoe")["customers"] == []
    after = shop.run("customer", "export", "--card", card)  # the blocked card still finds the account
    assert after["customer"]["name"] is None and after["balance"]["stamps"] == 1
    assert [a["action"] for a in after["audit"]] == ["export", "export", "erase", "export"]
