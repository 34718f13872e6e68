"""Customer messages across tills and the real server (SQLite, and PostgreSQL when configured), each sender with its
own real SMTP server on loopback: exactly one of them sends a message, the outbox syncs both ways, the chain-wide
caps hold, and the unsubscribe link works from every e-mail and reaches every till."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
import pytest
from smtp_sink import SmtpServer

from pos_loyalty.clock import to_db, utcnow
from pos_loyalty.messages import kinds, tokens
from pos_loyalty.messages import outbox
from pos_loyalty.messages.central import Central, MessageLoop
from pos_loyalty.messages.outbox import Outbox

from .conftest import PROGRAM

# Never quiet (the tests run at any hour of the real clock) and no enrollment reward to announce.
QUIET_NEVER = PROGRAM.replace('[[bonuses]]\nkind = "enrollment"\nname = "Welcome"\npoints = 20\n', "") + """
[messages]
quiet_start = "00:00"
quiet_end = "00:00"
"""


@pytest.fixture
def mail():
    """mail() -> a new SMTP server on loopback (one per sender), stopped after the test."""
    made = []

    def make() -> SmtpServer:
        made.append(SmtpServer())
        return made[-1]

    yield make
    for server in made:
        server.stop()


@pytest.fixture
def chain(server):
    tenant = server.tenant()
    server.storage.upload_program(tenant.id, "Sync Test", QUIET_NEVER)
    return tenant


def _till(terminals, server, chain, name: str, shop: str, smtp: SmtpServer | None = None):
    till = terminals(name, program=QUIET_NEVER)
    till.register(server.url, chain.code(shop), name)
    till.outbox = Outbox(till.app)
    if smtp:
        till.outbox.configure(smtp.settings(sender=f"{name.lower()}@example.org"))
    return till


def _statuses(till) -> dict:
    return {(r["kind"], r["name"]): (r["status"], r["by"]) for r in till.outbox.rows()}


def test_each_message_goes_out_from_exactly_one_place(server, chain, terminals, mail):
    till_mail, central_mail = mail(), mail()
    central = Central(server.storage, central_mail.settings(sender="chain@example.org"), server.url)
    sending = _till(terminals, server, chain, "A", "Market Street", till_mail)
    quiet = _till(terminals, server, chain, "B", "Station Road")  # no e-mail settings: the server sends for it

    sending.enroll(name="Anna", email="anna@example.org", consent_email=True)
    quiet.enroll(name="Bert", email="bert@example.org", consent_email=True)
    for till in (sending, quiet):
        till.outbox.plan()
    assert [r["claim"] for r in sending.outbox.rows()] == ["pending"]  # not sent before the server agrees
    assert sending.outbox.send_due() == {}
    assert quiet.outbox.rows() == []  # a till without settings plans nothing
    sending.sync()  # offers its row and says it sends for its shop
    quiet.sync()
    central.run()  # the server plans for Station Road only
    assert sending.outbox.send_due() == {"sent": 1}
    for till in (sending, quiet):
        till.sync()
    central.run()  # nothing left for the server to send

    [from_till] = till_mail.sink.wait_for(1)
    [from_server] = central_mail.sink.wait_for(1)
    assert (from_till.recipients, from_till.subject) == (["anna@example.org"], "Willkommen bei Sync Test")
    assert (from_server.recipients, from_server.subject) == (["bert@example.org"], "Willkommen bei Sync Test")
    assert from_server.message["From"] == "Sync Test <chain@example.org>"
    # Every till sees the whole outbox: who sent what.
    expected = {("welcome", "Anna"): ("sent", "this till"), ("welcome", "Bert"): ("sent", "server")}
    assert _statuses(sending) == expected
    assert _statuses(quiet) == {("welcome", "Anna"): ("sent", "another till"), ("welcome", "Bert"): ("sent", "server")}
    stored = {(r["kind"], r["status"], r["sender"]) for r in central.rows(chain.id)}
    assert stored == {("welcome", "sent", sending.client.status()["terminal_id"]), ("welcome", "sent", "server")}
    assert len(till_mail.received) == len(central_mail.received) == 1


def test_two_tills_of_one_shop_planning_the_same_message_send_it_once(server, chain, terminals, mail):
    first_mail, second_mail = mail(), mail()
    first = _till(terminals, server, chain, "A", "Market Street", first_mail)
    second = _till(terminals, server, chain, "A2", "Market Street", second_mail)
    first.enroll(name="Anna", email="anna@example.org", consent_email=True)
    first.sync()
    second.sync()  # knows Anna and her enrollment now
    first.outbox.plan()
    second.outbox.plan()
    ids = {r["id"] for r in first.outbox.rows()}
    assert ids == {r["id"] for r in second.outbox.rows()}  # the same message, planned twice
    second.sync()  # second offers first: it wins
    first.sync()
    assert [r["claim"] for r in first.outbox.rows()] == ["lost"]
    assert [r["claim"] for r in second.outbox.rows()] == ["granted"]
    assert first.outbox.send_due() == {}
    assert second.outbox.send_due() == {"sent": 1}
    second.sync()
    first.sync()
    assert [(r["status"], r["by"]) for r in first.outbox.rows()] == [("sent", "another till")]
    assert len(second_mail.sink.wait_for(1)) == 1 and first_mail.received == []


def test_a_till_that_sets_up_mail_late_does_not_send_what_the_server_has(server, chain, terminals, mail):
    central_mail, late_mail = mail(), mail()
    central = Central(server.storage, central_mail.settings(sender="chain@example.org"), server.url)
    till = _till(terminals, server, chain, "B", "Station Road")
    till.enroll(name="Bert", email="bert@example.org", consent_email=True)
    till.sync()
    central.run()
    assert len(central_mail.sink.wait_for(1)) == 1
    till.outbox.configure(late_mail.settings())  # now it could send: it plans the same welcome
    with till.app.db.write():
        till.app.db.set_meta("messages_cursor", "0")
    till.outbox.plan()
    till.sync()
    assert till.outbox.send_due() == {}
    [row] = till.outbox.rows()
    assert (row["claim"], row["status"], row["by"]) == ("lost", "sent", "server")
    assert late_mail.received == []


def test_unsubscribing_from_the_servers_link_reaches_every_till(server, chain, terminals, mail):
    central_mail, till_mail = mail(), mail()
    central = Central(server.storage, central_mail.settings(sender="chain@example.org"), server.url)
    quiet = _till(terminals, server, chain, "B", "Station Road")
    sending = _till(terminals, server, chain, "A", "Market Street", till_mail)
    card = quiet.enroll(name="Bert", email="bert@example.org", consent_email=True)
    quiet.sync()
    central.run()
    [message] = central_mail.sink.wait_for(1)
    link = message.message["List-Unsubscribe"].split(",")[0].strip("<> ")
    assert link.startswith(f"{server.url}/unsubscribe/u1")
    assert message.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f'href="{link}"' in message.html() and f"Abmelden: {link}" in message.text()

    page = httpx.get(link)  # a mail scanner opening the link changes nothing
    assert page.status_code == 200 and "Möchten Sie keine E-Mails mehr von Sync Test erhalten?" in page.text
    assert 'method="post"' in page.text
    done = httpx.post(link, content="List-Unsubscribe=One-Click",
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert done.status_code == 200 and "Sie sind abgemeldet" in done.text
    assert httpx.get(f"{server.url}/unsubscribe/u1notatoken").status_code == 404

    for till in (quiet, sending):
        till.sync()
        customer = till.app.customer(till.app.resolve(card) if till is quiet else _only_customer(till))
        assert customer["consent_email"] == 0 and customer["unsubscribed_at"]
    # The next message for Bert is held, with the reason the owner reads.
    for _ in range(3):  # 3 stamps and 15 points: bread and coffee are earned
        quiet.buy(card, 500)
    quiet.sync()
    central.run()
    held = sorted((r["occasion"], r["status"], r["reason"]) for r in central.rows(chain.id)
                  if r["kind"] == "reward_earned")
    assert held == [("bread:0", "held", "unsubscribed"), ("coffee:0", "held", "unsubscribed")]
    assert len(central_mail.received) == 1


def test_a_link_in_a_tills_email_unsubscribes_at_the_server(server, chain, terminals, mail):
    till_mail = mail()
    till = _till(terminals, server, chain, "A", "Market Street", till_mail)
    till.enroll(name="Anna", email="anna@example.org", consent_email=True)
    till.outbox.plan()
    till.sync()
    till.outbox.send_due()
    [message] = till_mail.sink.wait_for(1)
    link = message.message["List-Unsubscribe"].split(",")[0].strip("<> ")
    assert link.startswith(f"{server.url}/unsubscribe/")  # signed with the till's card key, known to the server
    assert httpx.post(link).status_code == 200
    till.sync()
    assert till.app.customer(_only_customer(till))["consent_email"] == 0


def test_the_chain_wide_weekly_cap_is_checked_when_a_till_offers_a_message(server, chain):
    api = httpx.Client(base_url=server.url, timeout=10)
    first, second = (_register(api, chain.code("Market Street")), _register(api, chain.code("Market Street")))
    customer, now, later = str(uuid.uuid4()), to_db(utcnow()), to_db(utcnow() + timedelta(days=7))

    def row(kind: str, occasion: str) -> dict:
        return {"id": kinds.message_id(customer, kind, occasion), "customer_id": customer, "kind": kind,
                "occasion": occasion, "language": "de", "facts": "{}", "planned_at": now, "not_before": now,
                "send_by": later, "status": "queued"}

    answer = _push(api, first, [row("birthday", "2026")], sender=True)
    assert answer == [{"id": row("birthday", "2026")["id"], "sender": first["terminal_id"], "status": "queued",
                       "reason": None}]
    answer = _push(api, second, [row("points_expiring", "lot-1"), row("welcome", "joined")])
    assert [(a["sender"], a["status"], a["reason"]) for a in answer] == [
        (second["terminal_id"], "held", "weekly_cap"), (second["terminal_id"], "queued", None)]
    # Offering a row someone else holds: told who sends it, nothing changes.
    again = _push(api, second, [row("birthday", "2026") | {"status": "sent"}])
    assert again == [{"id": row("birthday", "2026")["id"], "sender": first["terminal_id"], "status": "queued",
                      "reason": None}]
    # Its sender moves it on; never back.
    assert _push(api, first, [row("birthday", "2026") | {"status": "sent", "sent_at": now, "attempts": 1}])[0][
        "status"] == "sent"
    assert _push(api, first, [row("birthday", "2026")])[0]["status"] == "sent"


def test_a_till_without_mail_settings_only_watches(server, chain, terminals):
    till = _till(terminals, server, chain, "B", "Station Road")
    till.enroll(name="Bert", email="bert@example.org", consent_email=True)
    report = till.sync()
    assert report.ok
    with server.storage.read() as conn:
        senders = conn.exec_driver_sql("SELECT COUNT(*) FROM message_senders").scalar()
    assert senders == 0 and till.outbox.plan()["planned"] == 0


def _only_customer(till) -> str:
    [customer_id] = [r[0] for r in till.app.db.query("SELECT id FROM customers")]
    return customer_id


def _register(api: httpx.Client, code: str) -> dict:
    answer = api.post("/v1/register", json={"protocol": 1, "code": code, "name": "raw"})
    assert answer.status_code == 200, answer.text
    return answer.json()


def _push(api: httpx.Client, terminal: dict, rows: list[dict], sender: bool | None = None) -> list[dict]:
    answer = api.post("/v1/push", json={"protocol": 1, "after": 0, "messages": rows, "message_sender": sender},
                      headers={"Authorization": f"Bearer {terminal['token']}"})
    assert answer.status_code == 200, answer.text
    return answer.json()["messages"]


def test_tokens_are_checked_against_the_tenants_keys(server, chain, terminals):
    till = _till(terminals, server, chain, "B", "Station Road")
    card = till.enroll(name="Bert", email="bert@example.org", consent_email=True)
    till.sync()
    customer_id = till.app.resolve(card)
    [(key_id, secret)] = till.app.card_keys().items()
    forged = tokens.make(customer_id, key_id, b"not the till's key")
    assert httpx.post(f"{server.url}/unsubscribe/{forged}").status_code == 404
    genuine = tokens.make(customer_id, key_id, secret)
    assert httpx.post(f"{server.url}/unsubscribe/{genuine}").status_code == 200


def test_one_round_plans_offers_and_sends_at_once(server, chain, terminals, mail):
    """What the app's worker and `pos-loyalty messages run` do: no waiting for the next scheduled sync."""
    till_mail = mail()
    till = _till(terminals, server, chain, "A", "Market Street", till_mail)
    till.enroll(name="Anna", email="anna@example.org", consent_email=True)
    result = outbox.run(till.dir)
    assert result["plan"]["queued"] == 1 and result["offered"] == {"ok": True} and result["send"] == {"sent": 1}
    assert [m.recipients for m in till_mail.sink.wait_for(1)] == [["anna@example.org"]]


def test_the_servers_loop_sends_until_stopped(server, chain, terminals, mail):
    central_mail = mail()
    till = _till(terminals, server, chain, "B", "Station Road")
    till.enroll(name="Bert", email="bert@example.org", consent_email=True)
    till.sync()
    loop = MessageLoop(Central(server.storage, central_mail.settings(sender="chain@example.org"), server.url),
                       interval=0.05).start()
    try:
        [message] = central_mail.sink.wait_for(1)
    finally:
        loop.stop()
    assert not loop.thread.is_alive() and loop.rounds >= 1
    assert message.recipients == ["bert@example.org"]
