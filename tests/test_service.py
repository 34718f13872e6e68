"""Customers, cards, staff and corrections through the service the GUI and CLI share."""

from datetime import datetime, timedelta, timezone

import pytest

from pos_loyalty import cards
from pos_loyalty.cards import CardError
from pos_loyalty.errors import LoyaltyError, NotFound, Refused

T0 = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def test_enroll_with_all_fields_optional(make_shop):
    app = make_shop("bakery")
    customer_id, token, bonuses = app.enroll(app.system_staff())
    balance = app.balance(token)
    assert (balance.name, balance.points, balance.stamps) == (None, 20, 0)  # enrollment bonus
    assert [b.reason for b in bonuses] == ["Welcome"]
    assert app.customer(customer_id)["card"] == token


@pytest.mark.parametrize("field, value, code", [("birthday", "1990-13-01", "bad_birthday"),
                                                ("birthday", "2999-01-01", "bad_birthday"),
                                                ("email", "anna.example.org", "bad_email")])
def test_enroll_refuses_bad_fields_and_keeps_nothing(make_shop, field, value, code):
    app = make_shop("cafe")
    with pytest.raises(LoyaltyError) as caught:
        app.enroll(app.system_staff(), **{field: value})
    assert caught.value.code == code
    assert app.db.scalar("SELECT COUNT(*) FROM customers") == 0


def test_search_by_name_email_phone_and_card(make_shop):
    app = make_shop("cafe")
    staff = app.system_staff()
    anna_id, anna, _ = app.enroll(staff, name="Anna Schröder", email="anna@example.org", phone="0170 555 1234")
    app.enroll(staff, name="Ben Weber", phone="+49 171 9999999")
    assert [c["id"] for c in app.search("schro")] == [anna_id]
    assert [c["id"] for c in app.search("anna@exa")] == [anna_id]
    assert [c["id"] for c in app.search("5551234")] == [anna_id]
    assert [c["id"] for c in app.search("+49 170 5551234")] == []  # country code unknown for this one: no guess
    assert [c["id"] for c in app.search(anna)] == [anna_id]
    assert app.search("") == [] and app.search("zzz") == []


def test_pre_printed_card_starts_a_guest_account(make_shop):
    app = make_shop("cafe")
    token = app.new_token()
    with pytest.raises(NotFound):
        app.balance(token)
    app.checkout(app.system_staff(), token, 300)
    assert app.balance(token).stamps == 1 and app.balance(token).name is None


def test_lost_card_blocked_and_reissued_keeps_the_account(make_shop):
    app = make_shop("cafe")
    staff = app.system_staff()
    customer_id, old, _ = app.enroll(staff, name="Clara")
    app.checkout(staff, old, 300, at=T0)
    new = app.reissue_card(customer_id)
    with pytest.raises(Refused) as caught:
        app.checkout(staff, old, 300)
    assert caught.value.code == "card_blocked" and "blocked" in caught.value.message
    assert app.balance(new).stamps == 1 and app.balance(new).customer_id == customer_id


def test_merge_moves_balances_lots_and_cards(make_shop):
    app = make_shop("boutique")
    staff = app.system_staff()
    a_id, a, _ = app.enroll(staff, name="Dora")
    b_id, b, _ = app.enroll(staff, name="Dora (old card)")
    app.checkout(staff, a, 40000, at=T0)
    app.checkout(staff, b, 20000, at=T0 + timedelta(days=100))
    app.merge(staff, b_id, a_id, at=T0 + timedelta(days=101))
    assert app.balance(a).points == 600 and app.balance(b).customer_id == a_id
    assert app.check()["ok"]
    # Spend over the window counts both accounts now: 600.00 reaches Silver.
    assert app.balance(a).tier == "Silver"
    # Each lot kept its own expiry: a year after T0 only the first 400 points go.
    app.expire(T0 + timedelta(days=366))
    assert app.balance(a).points == 200
    with pytest.raises(Refused):
        app.merge(staff, b_id, a_id)


def test_void_twice_and_unvoidable(make_shop):
    app = make_shop("cafe")
    staff = app.system_staff()
    token = app.enroll(staff)[1]
    receipt = app.checkout(staff, token, 300)
    undo = app.void(staff, receipt.event_id)
    assert undo.stamps == -1 and app.balance(token).stamps == 0
    with pytest.raises(Refused, match="already undone"):
        app.void(staff, receipt.event_id)
    with pytest.raises(Refused, match="cannot be undone"):
        app.void(staff, undo.event_id)
    with pytest.raises(NotFound):
        app.void(staff, "no-such-event")


def test_last_undoable_is_recent_and_own(make_shop):
    app = make_shop("cafe")
    cashier = app.add_staff("Jonas", "cashier", "1111")
    token = app.enroll(cashier)[1]
    receipt = app.checkout(cashier, token, 300, at=T0)
    assert app.last_undoable(cashier, now=T0 + timedelta(minutes=4))["id"] == receipt.event_id
    assert app.last_undoable(cashier, now=T0 + timedelta(minutes=6)) is None
    assert app.last_undoable(app.system_staff(), now=T0) is None


def test_every_event_records_staff_and_program_version(make_shop):
    app = make_shop("bakery")
    cashier = app.add_staff("Lea", "cashier", "2222")
    token = app.enroll(cashier)[1]
    app.checkout(cashier, token, 500)
    rows = app.db.query("SELECT staff_id, program_version, terminal_id FROM events")
    assert {tuple(r) for r in rows} == {(cashier.id, 1, app.db.meta("terminal_id"))}


def test_pin_lockout_after_five_wrong(make_shop):
    app = make_shop("cafe")
    app.add_staff("Maria", "owner", "1234")
    assert app.sign_in("Maria", "1234", T0).is_owner
    for attempt in range(4):
        with pytest.raises(Refused) as caught:
            app.sign_in("Maria", "0000", T0)
        assert caught.value.code == "wrong_pin" and f"{4 - attempt} attempt" in caught.value.message
    with pytest.raises(Refused) as caught:
        app.sign_in("Maria", "0000", T0)
    assert caught.value.code == "locked"
    with pytest.raises(Refused) as caught:  # even the right PIN waits out the lock
        app.sign_in("Maria", "1234", T0 + timedelta(minutes=4))
    assert caught.value.code == "locked"
    assert app.sign_in("Maria", "1234", T0 + timedelta(minutes=6)).name == "Maria"
    assert app.staff_list()[0]["failed_pins"] == 0


def test_pin_rules(make_shop):
    app = make_shop("cafe")
    with pytest.raises(LoyaltyError, match="4 to 8 digits"):
        app.add_staff("Tom", "cashier", "12")
    member = app.add_staff("Tom", "cashier", "4321")
    stored = app.db.scalar("SELECT pin_hash FROM staff WHERE id = ?", (member.id,))
    assert stored.startswith("$argon2id$") and "4321" not in stored
    with pytest.raises(NotFound):
        app.sign_in("Nobody", "1234")


def test_cards_from_another_data_dir_are_foreign(make_shop):
    here, there = make_shop("cafe", "here"), make_shop("cafe", "there")
    token = there.enroll(there.system_staff())[1]
    with pytest.raises(CardError) as caught:
        here.checkout(here.system_staff(), token, 300)
    assert caught.value.code == "unknown_issuer"
    assert cards.verify(token, there.card_keys()).text == token


def test_a_lot_refilled_by_an_undo_after_its_expiry_expires_again(make_shop):
    app = make_shop("boutique")
    staff = app.system_staff()
    token = app.enroll(staff)[1]
    lot = app.checkout(staff, token, 400, at=T0).event_id  # 4 points
    taken = app.adjust(staff, token, -2, "typo", at=T0).event_id
    app.checkout(staff, token, 100, at=T0 + timedelta(days=366))  # the lot's last 2 points expire
    app.void(staff, taken, at=T0 + timedelta(days=366))  # the 2 points go back to their (expired) lot
    app.checkout(staff, token, 100, at=T0 + timedelta(days=367))  # and expire a second time
    expiries = app.db.query("SELECT id, points FROM events WHERE kind = 'expire' AND ref = ?", (lot,))
    assert sorted(p for _, p in expiries) == [-2, -2] and len({i for i, _ in expiries}) == 2
    assert app.balance_of(app.resolve(token), T0 + timedelta(days=367)).points == 2
    assert app.check()["ok"]
