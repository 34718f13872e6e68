"""Model-based sync test: terminals book random operations offline and sync in random order through a proxy that
drops, delays, duplicates, truncates, resets and answers 5xx. Invariants hold after every step; once the network
heals, every terminal and the server hold the same events and balances, nothing twice, nothing lost, and every
negative balance is flagged as a conflict."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import func, select

from pos_loyalty.clock import utcnow
from pos_loyalty.errors import LoyaltyError
from pos_loyalty.server import schema
from pos_loyalty.store import events as event_sql, sync as sync_sql
from pos_loyalty.sync import protocol
from pos_loyalty.sync.client import SyncError

from .conftest import Terminal, server_balances
from .faults import FAULTS, FaultProxy

TERMINALS = 3


@pytest.fixture
def proxy(server):
    p = FaultProxy(server.port)
    yield p
    p.close()


def test_sync_under_faults_converges(server, proxy, tmp_path_factory):
    counter = itertools.count()

    class SyncMachine(RuleBasedStateMachine):
        @initialize()
        def setup(self):
            self.tenant = server.tenant(f"Chain {next(counter)}")
            base = tmp_path_factory.mktemp("machine")
            self.terminals = [Terminal(base / f"t{i}", attempts=2) for i in range(TERMINALS)]
            for i, t in enumerate(self.terminals):
                t.register(server.url, self.tenant.code(f"Shop {i}"))
            for t in self.terminals + self.terminals[:1]:
                t.sync()  # everyone knows everyone's card keys
            for t in self.terminals:
                t.app.db.set_meta("sync_url", proxy.url)
            self.cards: list[str] = []
            self.cursors = [0] * TERMINALS

        def teardown(self):
            for t in getattr(self, "terminals", []):
                t.close()

        # ---- what shops do, offline ----

        @rule(t=st.integers(0, TERMINALS - 1), name=st.sampled_from([None, "Anna", "Ben"]))
        def enroll(self, t, name):
            self.cards.append(self.terminals[t].enroll(name=name))

        @precondition(lambda self: self.cards)
        @rule(t=st.integers(0, TERMINALS - 1), card=st.integers(0, 50), cents=st.integers(100, 3000))
        def buy(self, t, card, cents):
            try:
                self.terminals[t].buy(self.cards[card % len(self.cards)], cents)
            except LoyaltyError as exc:
                assert exc.code == "card_blocked"

        @precondition(lambda self: self.cards)
        @rule(t=st.integers(0, TERMINALS - 1), card=st.integers(0, 50))
        def redeem(self, t, card):
            try:
                self.terminals[t].redeem(self.cards[card % len(self.cards)])
            except LoyaltyError as exc:
                assert exc.code in ("insufficient_balance", "card_blocked", "unknown_card")

        @precondition(lambda self: self.cards)
        @rule(t=st.integers(0, TERMINALS - 1), card=st.integers(0, 50), name=st.sampled_from(["Cleo", "Dan", None]))
        def edit(self, t, card, name):
            terminal = self.terminals[t]
            try:
                terminal.app.update_customer(terminal.app.resolve(self.cards[card % len(self.cards)]), name=name)
            except LoyaltyError as exc:
                assert exc.code in ("unknown_card", "card_blocked")

        @precondition(lambda self: self.cards)
        @rule(t=st.integers(0, TERMINALS - 1), card=st.integers(0, 50))
        def reissue(self, t, card):
            terminal = self.terminals[t]
            try:
                customer = terminal.app.resolve(self.cards[card % len(self.cards)])
            except LoyaltyError:
                return
            self.cards.append(terminal.app.reissue_card(customer))

        @rule(t=st.integers(0, TERMINALS - 1), minutes=st.integers(-120, 24 * 60))
        def clock_skew(self, t, minutes):
            """The till's clock jumps (a wrong time set by hand): its hybrid logical clock follows forward."""
            ms = int(utcnow().timestamp() * 1000) + minutes * 60_000
            with self.terminals[t].app.db.write() as conn:
                conn.execute("UPDATE meta SET value = MAX(CAST(value AS INTEGER), ?) WHERE key = 'hlc'",
                             (protocol.hlc_from_ms(ms),))

        # ---- the network ----

        # A sync is meta, push batches, pull pages: `skip` requests pass, then `repeat` fail (more than the client's
        # retries sometimes), so every stage of a sync gets hit, not only the first request.
        @rule(t=st.integers(0, TERMINALS - 1), skip=st.integers(0, 4), fault=st.sampled_from(FAULTS),
              repeat=st.integers(1, 3))
        def sync(self, t, skip, fault, repeat):
            faults = ["none"] * skip + [fault] * repeat
            proxy.plan.extend(faults)
            try:
                self.terminals[t].sync()
            except SyncError as exc:
                assert exc.code in ("offline", "server_error", "bad_answer"), exc.message
            finally:
                proxy.plan.clear()

        # ---- after every step ----

        @invariant()
        def ledgers_add_up(self):
            for i, t in enumerate(getattr(self, "terminals", [])):
                assert not event_sql.mismatched_balances(t.app.db.conn)
                cursor = int(t.app.db.meta("sync_cursor", "0"))
                assert cursor >= self.cursors[i]  # monotonic reads
                self.cursors[i] = cursor

        @invariant()
        def server_holds_nothing_unknown(self):
            if not hasattr(self, "terminals"):
                return
            held = set(server.storage.event_ids(self.tenant.id))
            everywhere = set().union(*(t.event_ids() for t in self.terminals))
            assert held <= everywhere
            for t in self.terminals:  # what a terminal calls synced, the server holds
                synced = {r[0] for r in t.app.db.query("SELECT id FROM events WHERE synced = 1")}
                rejected = {r["event_id"] for r in sync_sql.rejects(t.app.db.conn)}
                assert synced - rejected <= held
                assert not rejected
            self._server_sums_match()

        def _server_sums_match(self):
            with server.storage.read() as conn:
                seq = conn.execute(select(schema.tenant_seq.c.last).where(
                    schema.tenant_seq.c.tenant_id == self.tenant.id)).scalar()
                numbered = sum(conn.execute(select(func.count()).select_from(t).where(
                    t.c.tenant_id == self.tenant.id)).scalar() for t in (
                    schema.events, schema.customers, schema.cards, schema.card_keys, schema.conflicts))
                sums = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
                    select(schema.events.c.customer_id, func.sum(schema.events.c.stamps),
                           func.sum(schema.events.c.points), func.sum(schema.events.c.cashback))
                    .where(schema.events.c.tenant_id == self.tenant.id).group_by(schema.events.c.customer_id))}
            assert numbered <= seq  # field rows move to new numbers; the rest keep theirs
            assert {k: v for k, v in sums.items() if any(v)} == server_balances(server.storage, self.tenant.id)

        def check_converged(self):
            proxy.plan.clear()
            for _ in range(2):
                for t in self.terminals:
                    t.sync()
            first = self.terminals[0]
            held = server.storage.event_ids(self.tenant.id)
            assert len(held) == len(set(held))
            for t in self.terminals:
                assert t.app.unsynced_count() == 0 and t.client.status()["changes"] == 0
                assert t.event_ids() == set(held)
                assert t.balances() == first.balances() == server_balances(server.storage, self.tenant.id)
                assert t.profiles() == first.profiles()
                assert t.cards() == first.cards()
            flagged = {c["customer_id"] for c in server.storage.conflicts(self.tenant.id) if c["kind"] == "overspend"}
            negative = {cid for cid, bal in first.balances().items() if min(bal) < 0}
            assert negative <= flagged

    class Converging(SyncMachine):
        def teardown(self):
            if hasattr(self, "terminals"):
                try:
                    self.check_converged()
                finally:
                    super().teardown()

    Converging.TestCase.settings = settings(max_examples=20, stateful_step_count=30, deadline=None,
                                            suppress_health_check=list(HealthCheck))
    Converging.TestCase().runTest()


@pytest.mark.parametrize("fault", FAULTS)
def test_each_fault_at_each_request_of_a_sync(server, proxy, terminals, fault):
    """Deterministic matrix: the fault hits meta, push or pull (once, and more often than the client retries)."""
    tenant = server.tenant()
    a, b = terminals("A", attempts=2), terminals("B", attempts=2)
    for t in (a, b):
        t.register(server.url, tenant.code())
    for t in (a, b, a):
        t.sync()
    for t in (a, b):
        t.app.db.set_meta("sync_url", proxy.url)
    for skip in range(3):
        for repeat in (1, 2):
            card = a.enroll(name=f"N{skip}{repeat}")
            a.buy(card, 1000)
            b.buy(card, 500) if card in {r[0] for r in b.app.db.query("SELECT token FROM cards")} else None
            proxy.plan.extend(["none"] * skip + [fault] * repeat)
            try:
                a.sync()
            except SyncError as exc:
                assert exc.retry and repeat == 2
            proxy.plan.clear()
            held = set(server.storage.event_ids(tenant.id))
            synced = {r[0] for r in a.app.db.query("SELECT id FROM events WHERE synced = 1")}
            assert synced <= held  # never marked synced unless the server holds it
    for _ in range(2):
        for t in (a, b):
            t.sync()
    assert a.event_ids() == b.event_ids() == set(server.storage.event_ids(tenant.id))
    assert a.balances() == b.balances() == server_balances(server.storage, tenant.id)
    assert a.app.unsynced_count() == b.app.unsynced_count() == 0
