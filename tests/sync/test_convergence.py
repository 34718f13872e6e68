"""Real terminals (data folders) and a real server: offline bookings converge; profiles merge by HLC; overspends
are flagged; blocked cards, card keys and programs travel; a server that lost events gets them again."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import delete, update

from pos_loyalty.clock import utcnow
from pos_loyalty.errors import Refused
from pos_loyalty.server import schema
from pos_loyalty.store import sync as sync_sql
from pos_loyalty.sync import protocol

from .conftest import PROGRAM, server_balances


@pytest.fixture
def shop(server, terminals):
    """Two registered terminals of one tenant that have synced once (they share the card key ring)."""
    tenant = server.tenant()
    a, b = terminals("A"), terminals("B")
    a.register(server.url, tenant.code("Shop A"))
    b.register(server.url, tenant.code("Shop B"))
    for t in (a, b, a):
        t.sync()
    return tenant, a, b


def converge(*terminals):
    for _ in range(2):
        for t in terminals:
            t.sync()


def assert_converged(server, tenant, *terminals):
    first = terminals[0]
    for t in terminals:
        assert t.event_ids() == first.event_ids()
        assert t.balances() == first.balances()
        assert t.profiles() == first.profiles()
        assert t.cards() == first.cards()
        assert t.app.unsynced_count() == 0
        assert t.app.check()["ok"]
    assert set(server.storage.event_ids(tenant.id)) == first.event_ids()
    assert server_balances(server.storage, tenant.id) == first.balances()


def test_offline_bookings_at_two_terminals_converge(server, shop):
    tenant, a, b = shop
    anna, ben = a.enroll(name="Anna"), b.enroll(name="Ben")
    for cents in (450, 1200, 380):
        a.buy(anna, cents)
        b.buy(ben, cents)
    started = time.monotonic()
    converge(a, b)
    assert time.monotonic() - started < 5
    assert_converged(server, tenant, a, b)
    assert a.app.balance(ben).points == b.app.balance(ben).points == 20 + 4 + 12 + 3


def test_a_card_enrolled_offline_at_b_is_one_account_with_a(server, shop):
    tenant, a, b = shop
    card = b.enroll(name="Clara", email="clara@example.org")
    b.buy(card, 1000)
    receipt = a.buy(card, 500)  # A has never seen the card: a provisional guest account with the same id
    assert receipt.balance.name is None
    converge(a, b)
    assert_converged(server, tenant, a, b)
    assert len(a.profiles()) == 1 and a.app.balance(card).name == "Clara"
    assert a.app.balance(card).points == 20 + 10 + 5  # one welcome bonus, not two
    assert b.app.balance(card).stamps == 2


def test_profile_edits_merge_by_last_writer(server, shop):
    tenant, a, b = shop
    card = a.enroll(name="Dora")
    converge(a, b)
    customer = a.app.resolve(card)
    a.app.update_customer(customer, phone="0170 111")
    time.sleep(0.01)
    b.app.update_customer(customer, phone="0170 222", email="dora@example.org")
    converge(a, b)
    assert_converged(server, tenant, a, b)
    assert a.app.customer(customer)["phone"] == "0170 222"  # the later edit
    assert a.app.customer(customer)["email"] == "dora@example.org"
    assert [c["id"] for c in a.app.search("0170 222")] == [customer]  # the phone index follows the merge


def test_a_clock_far_ahead_does_not_win_for_ever(server, shop):
    tenant, a, b = shop
    card = a.enroll(name="Emil")
    converge(a, b)
    customer = a.app.resolve(card)
    ahead = protocol.hlc_from_ms(int(utcnow().timestamp() * 1000) + 86_400_000)  # a clock a day ahead
    with a.app.db.write() as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'hlc'", (str(ahead),))
    a.app.update_customer(customer, name="Emil (A)")
    a.sync()
    with server.storage.read() as conn:
        held = conn.exec_driver_sql("SELECT hlc FROM fields WHERE field = 'name'").scalar()
    assert held < ahead  # pulled back to the server's clock plus a margin
    b.sync()  # B sees A's stamp; its own clock moves past it
    b.app.update_customer(customer, name="Emil (B)")
    converge(b, a)
    assert a.app.customer(customer)["name"] == b.app.customer(customer)["name"] == "Emil (B)"


def test_offline_overspend_stands_goes_negative_and_is_flagged(server, shop):
    tenant, a, b = shop
    card = a.enroll(name="Fritz")  # 20 welcome points
    converge(a, b)
    a.redeem(card)
    a.redeem(card)
    b.redeem(card)
    b.redeem(card)  # each terminal believed 20 points were there
    converge(a, b)
    assert_converged(server, tenant, a, b)
    customer = a.app.resolve(card)
    assert a.app.balance(card).points == -20 and "negative_balance" in a.app.balance(card).alerts
    flagged = server.storage.conflicts(tenant.id)
    assert [c["kind"] for c in flagged] == ["overspend"] and flagged[0]["customer_id"] == customer
    for t in (a, b):  # the owner sees it in the app as well
        assert [c["customer_id"] for c in sync_sql.conflicts(t.app.db.conn)] == [customer]
        assert t.client.status()["conflicts"] == 1


def test_a_blocked_card_is_blocked_everywhere(server, shop):
    tenant, a, b = shop
    card = a.enroll(name="Gina")
    converge(a, b)
    new_card = a.app.reissue_card(a.app.resolve(card))
    converge(a, b)
    with pytest.raises(Refused, match="blocked"):
        b.buy(card, 100)
    assert b.app.balance(new_card).name == "Gina"
    assert_converged(server, tenant, a, b)


def test_a_program_uploaded_on_the_server_reaches_every_terminal(server, shop):
    tenant, a, b = shop
    newer = PROGRAM.replace('points = 20', 'points = 50').replace('name = "Sync Test"', 'name = "Sync Test 2"')
    server.storage.upload_program(tenant.id, "Sync Test 2", newer)
    converge(a, b)
    for t in (a, b):
        assert t.app.program.name == "Sync Test 2"
    assert a.app.balance(a.enroll()).points == 50


def test_events_booked_before_registration_are_pushed(server, terminals):
    tenant = server.tenant()
    a, b = terminals("A"), terminals("B")
    card = a.enroll(name="Hanna")
    a.buy(card, 800)
    a.register(server.url, tenant.code())
    b.register(server.url, tenant.code())
    converge(a, b)
    assert_converged(server, tenant, a, b)
    assert b.app.balance(card).name == "Hanna"


def test_a_server_restored_from_backup_gets_lost_events_again(server, shop):
    tenant, a, b = shop
    card = a.enroll(name="Ida")
    a.buy(card, 700)
    a.sync()
    lost = a.app.db.scalar("SELECT id FROM events WHERE kind = 'purchase'")
    with server.storage.write() as conn:  # the server comes back from a backup without the purchase
        conn.execute(delete(schema.events).where(schema.events.c.id == lost))
        conn.execute(update(schema.balances).values(points=schema.balances.c.points - 7,
                                                    stamps=schema.balances.c.stamps - 1))
        conn.execute(update(schema.terminals).where(schema.terminals.c.id == a.client.db.meta("terminal_id"))
                     .values(pushed_seq=0))
    a.buy(card, 100)
    a.sync()
    converge(a, b)
    assert lost in server.storage.event_ids(tenant.id)
    assert_converged(server, tenant, a, b)


def test_unsynced_count_and_status_for_the_status_bar(server, shop):
    tenant, a, b = shop
    card = a.enroll()
    a.buy(card, 300)
    status = a.client.status()
    assert status["unsynced"] == a.app.unsynced_count() == 3 and status["registered"]
    report = a.sync()
    assert report.ok and report.pushed == 3 and a.client.status()["unsynced"] == 0
    assert a.client.status()["last_ok"] and a.client.status()["last_error"] is None


LIMITED = PROGRAM + """
[sync]
offline_after_minutes = 60
offline_redeem_limit_points = 10
"""


def test_offline_redemption_limit_caps_exposure_until_the_till_syncs(server, terminals):
    tenant = server.tenant()
    a = terminals("A", program=LIMITED)
    a.register(server.url, tenant.code())
    card = a.enroll(name="Jana")  # 20 points
    a.sync()
    a.redeem(card)  # synced a moment ago: no cap
    a.redeem(card)
    card = a.enroll(name="Kai")
    a.sync()
    two_hours_ago = "2000-01-01T00:00:00.000000Z"
    a.app.db.set_meta("sync_last_ok", two_hours_ago)
    a.redeem(card)  # 10 points: within the offline cap
    with pytest.raises(Refused, match="has not synced") as refused:
        a.redeem(card)
    assert refused.value.code == "offline_limit"
    a.sync()
    a.redeem(card)  # back online: the server knows the first redemption
    assert a.app.balance(card).points == 0


def test_program_sync_section_is_validated():
    from pos_loyalty.program import ProgramError, loads

    assert loads(LIMITED).sync.offline_redeem_limit_points == 10
    with pytest.raises(ProgramError, match=r"line \d+: sync.offline_redeem_limit: unknown key"):
        loads(PROGRAM + "\n[sync]\noffline_redeem_limit = 5\n")
    with pytest.raises(ProgramError, match="offline_after_minutes: must be at least 1"):
        loads(PROGRAM + "\n[sync]\noffline_after_minutes = 0\n")


def test_a_merge_at_one_till_reaches_the_others(server, shop):
    tenant, a, b = shop
    old, new = a.enroll(name="Lea"), a.enroll(name="Lea M.")
    a.buy(old, 1500)
    converge(a, b)
    a.app.merge(a.staff, a.app.resolve(old), a.app.resolve(new))
    converge(a, b)
    assert_converged(server, tenant, a, b)
    target = b.app.resolve(new)
    assert b.app.resolve(old) == target  # the old card now opens the surviving account
    assert b.app.balance(old).points == 20 + 20 + 15
    assert b.app.customer_count() == a.app.customer_count()
