"""Random sequences of real bookings on a real database: the ledger's invariants hold after every step."""

from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.rules import Item
from pos_loyalty.service import Loyalty

EVERYTHING = """
[program]
name = "Everything"
[stamps]
per_purchase = 1
min_amount = "2.00"
daily_cap = 2
[points]
unit = "1.00"
expiry_days = 30
[tiers]
window_days = 60
[[tiers.levels]]
name = "Base"
from = "0"
[[tiers.levels]]
name = "Plus"
from = "100.00"
multiplier = "1.5"
[cashback]
percent = "3"
min_redeem = "1.00"
[[bonuses]]
kind = "item"
items = ["BIO-*"]
multiplier = "2"
[[bonuses]]
kind = "happy_hour"
start = "17:00"
end = "18:00"
multiplier = "2"
[[bonuses]]
kind = "birthday"
points = 25
[[bonuses]]
kind = "referral"
points = 10
cashback = "2.00"
referred_points = 5
[[bonuses]]
kind = "enrollment"
points = 7
stamps = 1
[[rewards]]
id = "small"
stamps = 3
[[rewards]]
id = "big"
points = 40
[[rewards]]
id = "give"
points = 15
donation = true
"""


class Ledger(RuleBasedStateMachine):
    @initialize()
    def open_shop(self):
        import tempfile

        self.folder = tempfile.TemporaryDirectory()
        program = f"{self.folder.name}/everything.toml"
        with open(program, "w", encoding="utf-8") as handle:
            handle.write(EVERYTHING)
        self.app = Loyalty(self.folder.name)
        self.app.load_program(program)
        self.staff = self.app.system_staff()
        self.now = datetime(2026, 1, 5, 9, tzinfo=timezone.utc)
        first = self.app.enroll(self.staff, birthday="1990-01-20", at=self.now)[1]
        second = self.app.enroll(self.staff, referred_by=first, at=self.now)[1]
        self.cards = [first, second]
        self.voidable: list[str] = []

    def teardown(self):
        self.app.close()
        self.folder.cleanup()

    @rule(days=st.integers(0, 20), hours=st.integers(0, 23))
    def time_passes(self, days, hours):
        self.now += timedelta(days=days, hours=hours)

    @rule(who=st.integers(0, 1), amount=st.integers(1, 30000), bio=st.integers(0, 500))
    def checkout(self, who, amount, bio):
        items = [Item("BIO-BREAD", min(bio, amount))] if bio else []
        receipt = self.app.checkout(self.staff, self.cards[who], amount, items, at=self.now)
        self.voidable.append(receipt.event_id)

    @rule(who=st.integers(0, 1), reward=st.sampled_from(["small", "big", "give", "cashback"]),
          amount=st.integers(100, 1000))
    def redeem(self, who, reward, amount):
        try:
            receipt = self.app.redeem(self.staff, self.cards[who], reward, amount, at=self.now)
        except LoyaltyError as refused:
            assert refused.code in ("insufficient_balance", "below_minimum")
            return
        self.voidable.append(receipt.event_id)

    @rule(who=st.integers(0, 1), points=st.integers(-60, 60).filter(bool))
    def adjust(self, who, points):
        try:
            receipt = self.app.adjust(self.staff, self.cards[who], points, "test", at=self.now)
        except LoyaltyError as refused:
            assert refused.code == "insufficient_balance" and points < 0
            return
        self.voidable.append(receipt.event_id)

    @rule(pick=st.integers(0, 10**6))
    def void_something(self, pick):
        if not self.voidable:
            return
        event_id = self.voidable.pop(pick % len(self.voidable))
        group = self.app.db.query("SELECT customer_id, stamps, points, cashback FROM events "
                                  "WHERE id = ? OR (ref = ? AND kind NOT IN ('void', 'expire'))", (event_id, event_id))
        self.app.void(self.staff, event_id, at=self.now)
        voids = self.app.db.query("SELECT customer_id, stamps, points, cashback FROM events "
                                  "WHERE kind = 'void' AND ref IN (SELECT id FROM events WHERE id = ? OR ref = ?)",
                                  (event_id, event_id))
        # Exactly the negation of what was booked, customer by customer.
        assert sorted(tuple(r) for r in voids) == sorted((r[0], -r[1], -r[2], -r[3]) for r in group)

    def balances(self):
        """Every customer's balance as the counter shows it at the simulated time."""
        shown = [self.app.balance_of(self.app.resolve(card), self.now) for card in self.cards]
        return [(b.stamps, b.points, b.cashback) for b in shown]

    @rule(who=st.integers(0, 1), amount=st.integers(1, 30000))
    def checkout_then_undo(self, who, amount):
        self.app.expire(self.now)  # what is due goes first, so only the purchase and its undo differ
        before = self.balances()
        receipt = self.app.checkout(self.staff, self.cards[who], amount, at=self.now)
        self.app.void(self.staff, receipt.event_id, at=self.now)
        assert self.balances() == before

    @rule()
    def nightly_expiry(self):
        self.app.expire(self.now)

    @invariant()
    def balances_equal_the_ledger(self):
        assert self.app.check()["ok"]

    @invariant()
    def expiry_never_takes_more_than_a_lot_earned(self):
        over = self.app.db.query(
            """SELECT lot.id FROM events lot JOIN events x ON x.ref = lot.id AND x.kind = 'expire'
               GROUP BY lot.id HAVING -SUM(x.points) > MAX(lot.points)""")
        assert over == []

    @invariant()
    def points_shown_never_exceed_the_ledger(self):
        for customer_id in {self.app.resolve(card) for card in self.cards}:
            shown = self.app.balance_of(customer_id, self.now).points
            assert shown <= self.app.db.scalar("SELECT points FROM balances WHERE customer_id = ?", (customer_id,))

    @invariant()
    def nothing_expires_early(self):
        early = self.app.db.query(
            """SELECT x.id FROM events x JOIN events lot ON lot.id = x.ref
               WHERE x.kind = 'expire' AND x.created_at < lot.expires_at""")
        assert early == []


Ledger.TestCase.settings = settings(max_examples=100, stateful_step_count=30, deadline=None,
                                    suppress_health_check=[HealthCheck.too_slow])
TestLedger = Ledger.TestCase
