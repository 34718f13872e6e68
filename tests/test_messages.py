"""Customer messages on one till, through a real SMTP server on loopback: what arrives (recipient, subject, language,
unsubscribe header and link), consent and unsubscribing, the frequency caps, quiet hours, idempotent planning, and
mail servers that refuse, fail or drop the connection."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from smtp_sink import SmtpServer, smtp_server  # noqa: F401 - a fixture

from pos_loyalty import program as program_file
from pos_loyalty.errors import LoyaltyError
from pos_loyalty.messages import kinds, planner, tokens
from pos_loyalty.messages.occasions import Candidate
from pos_loyalty.messages.outbox import STUCK, Outbox
from pos_loyalty.messages.policy import Prior, Recipient, after_quiet_hours, hold_reason
from pos_loyalty.service import Loyalty

PROGRAM = """
[program]
name = "Café Test"
currency = "EUR"
timezone = "Europe/Berlin"
locale = "de_DE"

[stamps]
per_purchase = 1

[points]
per_unit = 1
unit = "1.00"
expiry_days = 30

[tiers]
qualify_by = "visits"
window_days = 365
[[tiers.levels]]
name = "Bronze"
from = 0
[[tiers.levels]]
name = "Gold"
from = 3

[[bonuses]]
kind = "birthday"
points = 50
window_days = 7

[[rewards]]
id = "coffee"
name = "Free coffee"
name_de = "Gratis-Kaffee"
stamps = 5

[[rewards]]
id = "cake"
name = "Cake"
points = 100
"""

MONDAY = datetime(2026, 3, 9, 10, 0, tzinfo=timezone.utc)  # 11:00 in Berlin: no quiet hours


class Shop:
    def __init__(self, folder, smtp_server: SmtpServer | None, program: str = PROGRAM):
        self.app = Loyalty(folder)
        (folder / "program.toml").write_text(program, encoding="utf-8")
        self.app.load_program(folder / "program.toml")
        self.outbox = Outbox(self.app)
        self.staff = self.app.system_staff()
        self.smtp = smtp_server
        if smtp_server:
            self.outbox.configure(smtp_server.settings())

    def enroll(self, at=MONDAY, **fields) -> tuple[str, str]:
        fields.setdefault("consent_email", True)
        customer_id, card, _ = self.app.enroll(self.staff, at=at, **fields)
        return customer_id, card

    def buy(self, card: str, cents: int = 500, at=MONDAY):
        return self.app.checkout(self.staff, card, cents, at=at)

    def run(self, now) -> dict:
        return {"plan": self.outbox.plan(now), "send": self.outbox.send_due(now)}

    def rows(self, **filters) -> list[dict]:
        return self.outbox.rows(**filters)

    def row(self, kind: str) -> dict:
        found = [r for r in self.rows() if r["kind"] == kind]
        assert len(found) == 1, found
        return found[0]


@pytest.fixture
def shop(tmp_path, smtp_server):
    made = Shop(tmp_path / "shop", smtp_server)
    yield made
    made.app.close()


# ---- what arrives ----

def test_welcome_arrives_in_the_shop_language_with_an_unsubscribe_header_and_code(shop, smtp_server):
    customer_id, _ = shop.enroll(name="Anna Müller", email="anna@example.org")
    shop.run(MONDAY)
    [mail] = smtp_server.sink.wait_for(1)
    assert mail.recipients == ["anna@example.org"]
    assert mail.subject == "Willkommen bei Café Test"
    assert mail.message["Content-Language"] == "de"
    assert mail.message["From"] == "Café Test <shop@example.org>"
    text, html = mail.text(), mail.html()
    assert text.startswith("Hallo Anna Müller,")
    assert "Ihr Stand am 9. März 2026: 0 von 5 Stempeln und 0 Punkte." in text
    # No server: the customer unsubscribes by replying with the code, which is in the header too.
    token = text.split("Ihr Code: ")[1].split(")")[0]
    assert tokens.verify(token, shop.app.card_keys()) == customer_id
    assert mail.message["List-Unsubscribe"] == f"<mailto:shop@example.org?subject=unsubscribe%20{token}>"
    assert "List-Unsubscribe-Post" not in mail.message
    assert 'lang="de"' in html and "Anna Müller" in html and token in html
    row = shop.row("welcome")
    assert (row["status"], row["attempts"], row["by"]) == ("sent", 1, "this till")
    assert mail.message["Message-ID"] == f"<{row['id']}@pos-loyalty>"


def test_a_customer_who_prefers_english_gets_english_and_the_name_is_escaped_in_html(shop, smtp_server):
    customer_id, card = shop.enroll(name="Tom <b>", email="tom@example.org")
    shop.outbox.set_language(customer_id, "en")
    for minute in range(5):
        shop.buy(card, at=MONDAY + timedelta(minutes=minute))
    shop.run(MONDAY + timedelta(minutes=10))
    mails = {m.subject: m for m in smtp_server.sink.wait_for(3)}
    assert set(mails) == {"Welcome to Café Test", "You have earned: Free coffee", "You are now Gold"}
    earned = mails["You have earned: Free coffee"]
    assert earned.message["Content-Language"] == "en"
    assert "Good news: you can now redeem Free coffee at Café Test." in earned.text()
    assert "Your balance on 9 March 2026: 5 of 5 stamps and 25 points." in earned.text()
    assert "Hello Tom &lt;b&gt;," in earned.html() and "<b>" not in earned.html().replace("<body", "")


def test_reward_names_follow_the_language(shop, smtp_server):
    _, card = shop.enroll(name="Eva", email="eva@example.org")
    for minute in range(5):
        shop.buy(card, at=MONDAY + timedelta(minutes=minute))
    shop.run(MONDAY + timedelta(minutes=10))
    subjects = {m.subject for m in smtp_server.sink.wait_for(3)}
    assert "Sie haben sich etwas verdient: Gratis-Kaffee" in subjects


# ---- consent, addresses, unsubscribing ----

def test_no_consent_and_no_address_are_held_with_the_reason(shop, smtp_server):
    shop.enroll(name="Ben", email="ben@example.org", consent_email=False)
    shop.enroll(name="Guest with consent", consent_email=True)
    shop.run(MONDAY)
    held = {r["name"]: (r["status"], r["reason"], r["why"]) for r in shop.rows(status="held")}
    assert held == {"Ben": ("held", "no_consent", kinds.REASONS["no_consent"]),
                    "Guest with consent": ("held", "no_address", kinds.REASONS["no_address"])}
    assert smtp_server.received == []


def test_unsubscribe_code_stops_queued_messages_and_is_recorded(shop, smtp_server):
    customer_id, _ = shop.enroll(name="Anna", email="anna@example.org")
    late = MONDAY.replace(hour=21)  # 22:00 in Berlin: the welcome waits for the morning
    shop.run(late)
    assert shop.row("welcome")["status"] == "queued"
    token = tokens.make(customer_id, *sorted(shop.app.card_keys().items())[0])
    answer = shop.outbox.unsubscribe(f"  {token.upper()[:10]}-{token.upper()[10:]} ", late)
    assert answer == {"customer_id": customer_id, "name": "Anna", "unsubscribed": True}
    customer = shop.app.customer(customer_id)
    assert (customer["consent_email"], customer["unsubscribed_at"]) == (0, "2026-03-09T21:00:00.000000Z")
    shop.run(late + timedelta(hours=12))
    assert (shop.row("welcome")["status"], shop.row("welcome")["reason"]) == ("held", "unsubscribed")
    assert smtp_server.received == []
    # The owner may record a new consent (the customer asked again): messages flow, the unsubscribe is history.
    shop.outbox.set_consent(customer_id, True)
    assert shop.app.customer(customer_id)["unsubscribed_at"] is None


def test_a_forged_or_foreign_unsubscribe_code_is_refused(shop, tmp_path):
    customer_id, _ = shop.enroll(name="Anna", email="anna@example.org")
    with pytest.raises(LoyaltyError) as wrong:
        shop.outbox.unsubscribe("hello")
    assert wrong.value.code == "bad_unsubscribe_token"
    with pytest.raises(LoyaltyError) as foreign:
        shop.outbox.unsubscribe(tokens.make(customer_id, 7, b"another shop's key that we never saw"))
    assert foreign.value.code == "bad_unsubscribe_token"
    assert shop.app.customer(customer_id)["consent_email"] == 1


# ---- caps ----

def test_marketing_messages_are_spaced_transactional_ones_are_not(shop, smtp_server):
    _, card = shop.enroll(name="Anna", email="anna@example.org", birthday="1990-03-12")
    for day in range(3):  # three visits: 60 points and the birthday bonus (50), Gold tier on the third
        shop.buy(card, 2000, at=MONDAY + timedelta(days=day, minutes=1))
        shop.run(MONDAY + timedelta(days=day, minutes=2))
    by_kind = {r["kind"]: r for r in shop.rows()}
    assert {k: r["status"] for k, r in by_kind.items()} == {
        "welcome": "sent", "birthday": "sent", "reward_earned": "sent", "tier_reached": "sent"}
    assert by_kind["birthday"]["planned_at"][:10] == "2026-03-09"  # three days ahead of Thursday 12th
    # The lots expire from 8 April; ten days before, the cake (100 points) is at stake: a reward warning,
    # 20 days after the birthday message.
    shop.run(MONDAY + timedelta(days=20))
    assert shop.row("reward_expiring")["status"] == "sent"
    shop.run(MONDAY + timedelta(days=21))  # the same first lot: not warned about again
    assert len(shop.rows(kind="reward_expiring")) + len(shop.rows(kind="points_expiring")) == 1
    mails = {m.subject: m for m in smtp_server.sink.wait_for(5)}
    assert sorted(mails) == sorted([
        "Willkommen bei Café Test", "Sie sind jetzt Gold", "Alles Gute zum Geburtstag von Café Test",
        "Sie haben sich etwas verdient: Cake", "Ihre Prämie „Cake“ verfällt bald"])
    assert ("am 8. April 2026 verfallen 110 Ihrer Punkte. Ohne sie können Sie „Cake“ nicht mehr einlösen"
            in mails["Ihre Prämie „Cake“ verfällt bald"].text())
    assert "Kommen Sie in den 7 Tagen rund um Ihren Geburtstag vorbei, dann schreiben wir Ihnen 50 Punkte gut." \
        in mails["Alles Gute zum Geburtstag von Café Test"].text()


def test_weekly_cap_holds_the_lesser_message_of_the_same_day(shop, smtp_server):
    _, card = shop.enroll(name="Anna", email="anna@example.org", birthday="1990-03-31")
    shop.buy(card, 2000, at=MONDAY)
    shop.run(MONDAY)
    day = MONDAY + timedelta(days=20)  # the lot expires in 10 days, the birthday is in 2 days
    shop.run(day)
    assert shop.row("birthday")["status"] == "sent"
    capped = shop.row("points_expiring")
    assert (capped["status"], capped["reason"]) == ("held", "weekly_cap")
    assert capped["why"] == "another marketing message went out in the last days"


def test_birthday_at_most_once_a_year_even_when_the_date_is_corrected(shop, smtp_server):
    customer_id, _ = shop.enroll(name="Anna", email="anna@example.org", birthday="1990-12-30",
                                 at=datetime(2026, 12, 1, 10, tzinfo=timezone.utc))
    shop.run(datetime(2026, 12, 27, 10, tzinfo=timezone.utc))
    assert shop.row("birthday")["occasion"] == "2026"
    shop.app.update_customer(customer_id, birthday="1990-01-03")  # a typo corrected: it is in January
    shop.run(datetime(2026, 12, 31, 10, tzinfo=timezone.utc))
    rows = sorted((r["occasion"], r["status"], r["reason"]) for r in shop.rows(kind="birthday"))
    assert rows == [("2026", "sent", None), ("2027", "held", "birthday_cap")]


def test_we_miss_you_at_most_once_a_quarter(shop, smtp_server):
    _, card = shop.enroll(name="Anna", email="anna@example.org")
    shop.buy(card, at=MONDAY)
    shop.run(MONDAY)
    first = MONDAY + timedelta(days=61)
    shop.run(first)
    assert shop.row("we_miss_you")["status"] == "sent"
    shop.buy(card, at=first + timedelta(days=1))  # came back once, then stayed away again
    second = first + timedelta(days=62)
    shop.run(second)
    rows = sorted((r["planned_at"][:10], r["status"], r["reason"]) for r in shop.rows(kind="we_miss_you"))
    assert rows == [("2026-05-09", "sent", None), ("2026-07-10", "held", "reengagement_cap")]
    assert "Ihr letzter Besuch bei Café Test ist schon 61 Tage her." in smtp_server.received[-1].text()


def test_policy_rules_directly():
    rules = program_file.loads(PROGRAM).messages
    now = MONDAY
    person = Recipient("c", "a@b.c", True)
    sent = lambda kind, days: Prior(kind, "sent", now - timedelta(days=days))  # noqa: E731
    assert hold_reason("birthday", person, [sent("points_expiring", 6)], rules, now) == "weekly_cap"
    assert hold_reason("birthday", person, [sent("points_expiring", 7)], rules, now) is None
    assert hold_reason("birthday", person, [sent("birthday", 364)], rules, now) == "birthday_cap"
    assert hold_reason("we_miss_you", person, [sent("we_miss_you", 89)], rules, now) == "reengagement_cap"
    assert hold_reason("reward_earned", person, [sent("birthday", 0), sent("welcome", 0)], rules, now) is None
    queued = [Prior("birthday", "queued", now)]
    assert hold_reason("points_expiring", person, queued, rules, now) == "weekly_cap"
    assert hold_reason("points_expiring", person, queued, rules, now, count_queued=False) is None
    assert hold_reason("welcome", Recipient("c", "a@b.c", False, "2026-01-01T00:00:00Z"), [], rules,
                       now) == "unsubscribed"


# ---- quiet hours ----

def test_quiet_hours_defer_and_the_message_goes_in_the_morning(shop, smtp_server):
    shop.enroll(name="Anna", email="anna@example.org")
    evening = datetime(2026, 3, 9, 21, 30, tzinfo=timezone.utc)  # 22:30 in Berlin
    shop.run(evening)
    row = shop.row("welcome")
    assert (row["status"], row["not_before"]) == ("queued", "2026-03-10T07:00:00.000000Z")  # 08:00 in Berlin
    shop.run(datetime(2026, 3, 10, 6, 59, tzinfo=timezone.utc))
    assert smtp_server.received == []
    shop.run(datetime(2026, 3, 10, 7, 0, tzinfo=timezone.utc))
    assert len(smtp_server.sink.wait_for(1)) == 1


def test_quiet_hours_span_midnight_or_not():
    rules = program_file.loads(PROGRAM + '\n[messages]\nquiet_start = "12:00"\nquiet_end = "14:00"\n').messages
    zone = program_file.loads(PROGRAM).zone
    noon = datetime(2026, 7, 1, 10, 30, tzinfo=timezone.utc)  # 12:30 in Berlin (summer time)
    assert after_quiet_hours(noon, rules, zone) == datetime(2026, 7, 1, 12, 0, tzinfo=timezone.utc)
    night = program_file.loads(PROGRAM).messages
    early = datetime(2026, 7, 1, 3, 0, tzinfo=timezone.utc)  # 05:00
    assert after_quiet_hours(early, night, zone) == datetime(2026, 7, 1, 6, 0, tzinfo=timezone.utc)
    day = datetime(2026, 7, 1, 9, 0, tzinfo=timezone.utc)
    assert after_quiet_hours(day, night, zone) == day
    never = program_file.loads(PROGRAM + '\n[messages]\nquiet_start = "08:00"\nquiet_end = "08:00"\n').messages
    assert after_quiet_hours(early, never, zone) == early


# ---- planning is idempotent ----

def test_planning_twice_or_from_a_copy_gives_the_same_rows(shop, tmp_path, smtp_server):
    _, card = shop.enroll(name="Anna", email="anna@example.org")
    for minute in range(5):
        shop.buy(card, at=MONDAY + timedelta(minutes=minute))
    first = shop.outbox.plan(MONDAY + timedelta(minutes=9))
    ids = {r["id"] for r in shop.rows()}
    shop.app.db.set_meta("messages_cursor", "0")  # as if the run's end had been lost
    shop.app.db.set_meta("messages_scanned", "")
    again = shop.outbox.plan(MONDAY + timedelta(minutes=9))
    assert (first["planned"], again["planned"]) == (3, 0)  # welcome, reward earned, Gold tier
    assert {r["id"] for r in shop.rows()} == ids
    # Deterministic ids: another till computes the same ones for the same occasions.
    assert ids == {kinds.message_id(r["customer_id"], r["kind"], r["occasion"]) for r in shop.rows()}


def test_the_program_chooses_what_is_sent(tmp_path, smtp_server):
    only = Shop(tmp_path / "only", smtp_server, PROGRAM + '\n[messages]\nsend = ["reward_earned"]\n')
    try:
        _, card = only.enroll(name="Anna", email="anna@example.org")
        for minute in range(5):
            only.buy(card, at=MONDAY + timedelta(minutes=minute))
        only.run(MONDAY + timedelta(minutes=9))
        assert [r["kind"] for r in only.rows()] == ["reward_earned"]
    finally:
        only.app.close()


def test_without_email_settings_a_till_plans_nothing(tmp_path):
    alone = Shop(tmp_path / "plain", None)
    try:
        alone.enroll(name="Anna", email="anna@example.org")
        assert alone.outbox.plan(MONDAY)["skipped"]
        assert alone.rows() == []
    finally:
        alone.app.close()


# ---- still true when due ----

def test_a_reward_redeemed_before_the_notice_went_out_is_not_announced(shop, smtp_server):
    _, card = shop.enroll(name="Anna", email="anna@example.org")
    evening = MONDAY.replace(hour=20, minute=30)  # 21:30 Berlin
    for minute in range(5):
        shop.buy(card, at=evening + timedelta(minutes=minute))
    shop.outbox.plan(evening + timedelta(minutes=6))
    shop.app.redeem(shop.staff, card, "coffee", at=evening + timedelta(minutes=7))
    shop.run(MONDAY + timedelta(days=1))
    row = shop.row("reward_earned")
    assert (row["status"], row["reason"]) == ("held", "no_longer_relevant")
    assert {m.subject for m in smtp_server.sink.wait_for(2)} == {"Willkommen bei Café Test", "Sie sind jetzt Gold"}


def test_a_message_whose_moment_passed_is_not_sent(shop, smtp_server):
    shop.enroll(name="Anna", email="anna@example.org")
    shop.outbox.plan(MONDAY)
    shop.outbox.remove_settings(MONDAY)
    assert (shop.row("welcome")["status"], shop.row("welcome")["reason"]) == ("held", "sender_removed")
    shop.enroll(name="Ben", email="ben@example.org", at=MONDAY + timedelta(days=1))
    shop.outbox.configure(smtp_server.settings())
    shop.outbox.plan(MONDAY + timedelta(days=1))
    shop.outbox.send_due(MONDAY + timedelta(days=9))
    ben = [r for r in shop.rows() if r["name"] == "Ben"][0]
    assert (ben["status"], ben["reason"]) == ("held", "too_late")
    assert smtp_server.received == []


# ---- mail servers that refuse, fail and drop ----

def test_a_temporary_refusal_is_retried_later_a_permanent_one_is_final(shop, smtp_server):
    shop.enroll(name="Anna", email="anna@example.org")
    shop.enroll(name="Gone", email="gone@example.org")
    smtp_server.sink.refuse = {"anna@example.org": "450 4.2.1 mailbox busy",
                               "gone@example.org": "550 5.1.1 no such user"}
    shop.run(MONDAY)
    by_name = {r["name"]: r for r in shop.rows()}
    assert (by_name["Gone"]["status"], by_name["Gone"]["reason"]) == ("failed", "rejected")
    assert by_name["Gone"]["detail"] == "550 5.1.1 no such user"
    anna = by_name["Anna"]
    assert (anna["status"], anna["attempts"], anna["detail"]) == ("queued", 1, "450 4.2.1 mailbox busy")
    assert anna["not_before"] == "2026-03-09T10:01:00.000000Z"
    smtp_server.sink.refuse = {}
    shop.outbox.send_due(MONDAY + timedelta(seconds=30))
    assert smtp_server.received == []  # not before its time
    shop.outbox.send_due(MONDAY + timedelta(minutes=1))
    [mail] = smtp_server.sink.wait_for(1)
    assert mail.recipients == ["anna@example.org"]
    assert {r["name"]: (r["status"], r["attempts"]) for r in shop.rows()}["Anna"] == ("sent", 2)


def test_a_mail_server_that_is_down_is_tried_again_then_given_up(shop, smtp_server):
    shop.enroll(name="Anna", email="anna@example.org")
    shop.outbox.plan(MONDAY)
    port = smtp_server.port
    smtp_server.stop()  # nothing listens any more
    now = MONDAY
    for attempt in range(1, planner.MAX_ATTEMPTS + 1):
        expected = {"retry": 1} if attempt < planner.MAX_ATTEMPTS else {"failed": 1}
        assert shop.outbox.send_due(now) == expected
        row = shop.row("welcome")
        assert row["attempts"] == attempt
        assert row["detail"] == "the mail server refused the connection"
        now = datetime.fromisoformat(row["not_before"])
    assert (row["status"], row["reason"]) == ("failed", "gave_up")
    assert port


def test_a_connection_dropped_after_the_text_went_out_is_never_sent_again(shop, smtp_server):
    shop.enroll(name="Anna", email="anna@example.org")
    smtp_server.sink.next_data = ["drop"]
    shop.run(MONDAY)
    row = shop.row("welcome")
    assert (row["status"], row["reason"]) == ("failed", "interrupted")
    shop.run(MONDAY + timedelta(hours=1))
    assert len(smtp_server.received) == 1  # it did arrive, once


def test_a_4xx_after_the_text_is_retried(shop, smtp_server):
    shop.enroll(name="Anna", email="anna@example.org")
    smtp_server.sink.next_data = ["451 4.3.0 try again later"]
    shop.run(MONDAY)
    assert shop.row("welcome")["status"] == "queued"
    shop.run(MONDAY + timedelta(minutes=1))
    assert shop.row("welcome")["status"] == "sent"
    assert len(smtp_server.sink.wait_for(1)) == 1


def test_a_row_left_sending_by_a_dead_process_is_recorded_not_resent(shop, smtp_server):
    shop.enroll(name="Anna", email="anna@example.org")
    shop.outbox.plan(MONDAY)
    row = shop.row("welcome")
    from pos_loyalty.messages import store  # noqa: PLC0415

    with shop.app.db.write() as conn:  # what a process killed mid-send leaves behind
        assert store.start_sending(conn, row["id"], MONDAY)
    assert shop.outbox.send_due(MONDAY + STUCK - timedelta(seconds=1)) == {}
    assert shop.row("welcome")["status"] == "sending"  # maybe still at work: left alone
    assert shop.outbox.send_due(MONDAY + STUCK + timedelta(seconds=1)) == {"interrupted": 1}
    assert (shop.row("welcome")["status"], shop.row("welcome")["reason"]) == ("failed", "interrupted")
    assert smtp_server.received == []


def test_same_candidate_twice_in_one_run_is_one_row(shop):
    customer_id, _ = shop.enroll(name="Anna", email="anna@example.org", at=MONDAY - timedelta(days=10))
    candidate = Candidate(customer_id, "welcome", "joined", MONDAY + timedelta(days=1))
    from pos_loyalty.messages.outbox import _Local  # noqa: PLC0415

    rows = planner.decide(shop.app.program, [candidate, candidate], _Local(shop.app.db.conn), "Café Test", MONDAY)
    assert len(rows) == 1 and rows[0]["status"] == "queued"
