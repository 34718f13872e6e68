"""An erasure at one till reaches the server's copy and every other till, and a stale edit cannot undo it."""

from __future__ import annotations

from sqlalchemy import select

from pos_loyalty import privacy
from pos_loyalty.server import schema

from .conftest import server_balances
from .test_convergence import assert_converged, converge, shop  # noqa: F401 - the two-till fixture

ZOE = {"name": "Zoë Müller", "email": "zoe.mueller@example.org", "phone": "+49 170 8765432",
       "birthday": "1990-04-23"}


def _server_fields(storage, customer_id: str) -> dict:
    with storage.read() as conn:
        rows = conn.execute(select(schema.fields.c.field, schema.fields.c.value).where(
            schema.fields.c.entity == "customer", schema.fields.c.key == customer_id))
        return {r.field: r.value for r in rows}


def _server_reasons(storage, customer_id: str) -> list[str]:
    with storage.read() as conn:
        return [r[0] for r in conn.execute(select(schema.events.c.reason).where(
            schema.events.c.customer_id == customer_id, schema.events.c.kind == "adjust"))]


def test_an_erasure_reaches_the_server_and_the_other_till(server, shop):
    tenant, a, b = shop
    card = a.enroll(**ZOE)
    a.buy(card, 1250)
    a.app.adjust(a.staff, card, 5, "Zoë Müller complained")
    converge(a, b)
    zoe = a.app.resolve(card)
    assert b.app.customer(zoe)["name"] == "Zoë Müller"
    assert '"Zo\\u00eb M\\u00fcller"' in _server_fields(server.storage, zoe)["name"]  # the server keeps plain values
    points = b.app.balance_of(zoe).points

    owner = a.app.add_staff("Maria", "owner", "1234")
    privacy.erase(a.app, zoe, owner, "asked at the counter")
    b.app.update_customer(zoe, name="Zoë M.")  # an edit at the other till that has not heard of it yet (newer)
    b.sync()  # the edit reaches the server before the erasure
    assert _server_fields(server.storage, zoe)["name"] == '"Zo\\u00eb M."'
    converge(a, b)

    held = _server_fields(server.storage, zoe)
    assert [held.get(f) for f in ZOE] == [None] * 4 and held["erased_at"]
    assert _server_reasons(server.storage, zoe) == ["[erased]"]
    for till in (a, b):
        customer = till.app.customer(zoe)
        assert [customer[f] for f in ZOE] == [None] * 4 and customer["erased_at"]
        assert all(c["blocked_at"] for c in customer["cards"])
        assert [e["reason"] for e in till.app.history(zoe) if e["kind"] == "adjust"] == ["[erased]"]
        assert till.app.balance_of(zoe).points == points and till.app.search("zoe") == []
    assert_converged(server, tenant, a, b)
    assert server_balances(server.storage, tenant.id)[zoe][1] == points

    a.client.register(server.url, tenant.code("Shop A again"))  # sends all its events again, the erased one too
    report = a.sync()
    assert (report.rejected, report.duplicates) == (0, len(a.event_ids()) - report.pulled)
