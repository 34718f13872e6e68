"""The server's API on a real uvicorn: registration, auth, tenant isolation, idempotent push, paging, clean 4xx."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx

from pos_loyalty.ledger import derived_id
from pos_loyalty.server.app import openapi_document
from pos_loyalty.sync import protocol

REPO = Path(__file__).resolve().parents[2]


def _event(seq: int, **over) -> dict:
    event = {"id": str(uuid.uuid4()), "seq": seq, "customer_id": "c-1", "kind": "purchase", "stamps": 1,
             "points": 5, "cashback": 0, "amount": 500, "items": None, "reason": "", "detail": None, "ref": None,
             "staff_id": "s", "shop_id": "shop", "terminal_id": "t", "created_at": "2026-03-01T10:00:00.000000Z",
             "expires_at": None, "program_version": 1}
    return event | over


class Api:
    """A raw HTTP view of one registered terminal."""

    def __init__(self, url: str, code: str, keys=()):
        self.http = httpx.Client(base_url=url, timeout=10)
        answer = self.http.post("/v1/register", json={"protocol": 1, "code": code, "name": "raw",
                                                      "card_keys": list(keys)})
        assert answer.status_code == 200, answer.text
        self.reg = answer.json()
        self.http.headers["Authorization"] = f"Bearer {self.reg['token']}"

    def push(self, events=(), after=0, **extra) -> httpx.Response:
        return self.http.post("/v1/push", json={"protocol": 1, "after": after, "events": list(events)} | extra)

    def pull(self, cursor=0, limit=2000) -> dict:
        answer = self.http.post("/v1/pull", json={"protocol": 1, "cursor": cursor, "limit": limit})
        assert answer.status_code == 200, answer.text
        return answer.json()


def _error(answer: httpx.Response, status: int) -> dict:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"error"} and body["error"]["code"] and body["error"]["message"].strip()
    return body["error"]


def test_meta_reports_protocol_range_and_clock(server):
    meta = httpx.get(f"{server.url}/v1/meta").json()
    assert meta["protocol_min"] <= protocol.PROTOCOL <= meta["protocol_max"]
    assert meta["server_time"].endswith("Z")


def test_registration_spends_the_code_once_and_stores_only_a_hash(server):
    tenant = server.tenant()
    code = tenant.code()
    api = Api(server.url, code.lower().replace("-", " "))  # typed loosely
    assert api.reg["shop"] == "Main" and api.reg["token"].startswith(api.reg["terminal_id"] + ".")
    err = _error(httpx.post(f"{server.url}/v1/register", json={"protocol": 1, "code": code}), 403)
    assert err["code"] == "bad_code"
    with server.storage.read() as conn:
        stored = conn.exec_driver_sql("SELECT token_hash FROM terminals").scalar()
    assert api.reg["token"].split(".", 1)[1] not in stored and len(stored) == 64


def test_requests_without_a_valid_token_are_refused(server):
    tenant = server.tenant()
    api = Api(server.url, tenant.code())
    body = {"protocol": 1, "cursor": 0}
    assert _error(httpx.post(f"{server.url}/v1/pull", json=body), 401)["code"] == "unauthorized"
    forged = api.reg["terminal_id"] + ".not-the-secret"
    answer = httpx.post(f"{server.url}/v1/pull", json=body, headers={"Authorization": f"Bearer {forged}"})
    assert _error(answer, 401)["code"] == "unauthorized"


def test_a_revoked_terminal_is_refused_at_once(server):
    tenant = server.tenant()
    api = Api(server.url, tenant.code())
    assert api.push([_event(1)]).status_code == 200
    server.storage.revoke(api.reg["terminal_id"])
    assert _error(api.push([_event(2)], after=1), 403)["code"] == "revoked"
    assert _error(api.http.post("/v1/pull", json={"protocol": 1}), 403)["code"] == "revoked"


def test_tenants_are_isolated(server):
    one, two = server.tenant("One"), server.tenant("Two")
    a, b = Api(server.url, one.code()), Api(server.url, two.code())
    shared = _event(1)
    assert a.push([shared]).json()["results"][0]["status"] == "applied"
    # The same id in another tenant is that tenant's own business: stored there, never merged or refused.
    assert b.push([shared | {"points": 99}]).json()["results"][0]["status"] == "applied"
    assert [e["points"] for e in a.pull()["events"]] == [] and not b.pull()["events"]
    c = Api(server.url, one.code())
    assert [e["points"] for e in c.pull()["events"]] == [5]
    assert server.storage.balances(one.id) == {"c-1": (1, 5, 0)}
    assert server.storage.balances(two.id) == {"c-1": (1, 99, 0)}


def test_push_is_idempotent_and_reports_each_event(server):
    tenant = server.tenant()
    api = Api(server.url, tenant.code())
    batch = [_event(1), _event(2), _event(3)]
    first = api.push(batch).json()
    assert [r["status"] for r in first["results"]] == ["applied"] * 3 and first["pushed_seq"] == 3
    # The reply was lost: the retry finds every event held already.
    again = api.push(batch).json()
    assert [r["status"] for r in again["results"]] == ["duplicate"] * 3
    # A replayed old request after newer ones is harmless too.
    assert api.push([_event(4)], after=3).status_code == 200
    assert [r["status"] for r in api.push(batch).json()["results"]] == ["duplicate"] * 3
    assert len(server.storage.event_ids(tenant.id)) == 4
    assert server.storage.balances(tenant.id)["c-1"] == (4, 20, 0)


def test_reused_id_is_refused_without_blocking_the_rest(server):
    tenant = server.tenant()
    api = Api(server.url, tenant.code())
    held = _event(1)
    api.push([held])
    results = api.push([held | {"seq": 2, "points": 500}, _event(3)], after=1).json()["results"]
    assert results[0]["status"] == "rejected" and results[0]["code"] == "id_reused"
    assert results[1]["status"] == "applied"
    assert server.storage.balances(tenant.id)["c-1"] == (2, 10, 0)


def test_derived_events_from_two_terminals_are_one(server):
    tenant = server.tenant()
    a, b = Api(server.url, tenant.code()), Api(server.url, tenant.code())
    customer = "cust-derived"
    enroll = _event(1, id=derived_id(customer, "enroll"), customer_id=customer, kind="enroll", stamps=0, points=0,
                     amount=0)
    bonus = _event(2, id=derived_id(customer, "enroll", "0"), customer_id=customer, kind="bonus", stamps=0,
                   points=20, amount=0, ref=enroll["id"], expires_at="2027-03-01T10:00:00.000000Z")
    a.push([enroll, bonus])
    other = {"staff_id": "other", "terminal_id": "other", "created_at": "2026-03-02T09:00:00.000000Z"}
    results = b.push([enroll | other, bonus | other | {"expires_at": "2027-03-02T09:00:00.000000Z"}]).json()["results"]
    assert [r["status"] for r in results] == ["duplicate", "duplicate"]
    # An ordinary event with the same id and another staff member is not a copy.
    plain = _event(5)
    a.push([plain], after=2)
    assert b.push([plain | {"seq": 3, "staff_id": "other"}], after=2).json()["results"][0]["code"] == "id_reused"
    assert server.storage.balances(tenant.id)[customer] == (0, 20, 0)


def test_a_gap_asks_the_terminal_to_resend(server):
    tenant = server.tenant()
    api = Api(server.url, tenant.code())
    api.push([_event(1)])
    answer = api.push([_event(9)], after=7).json()  # the terminal believes 7 is held: the server lost something
    assert answer["status"] == "resend" and answer["pushed_seq"] == 1 and answer["results"] == []
    assert len(server.storage.event_ids(tenant.id)) == 1


def test_pull_pages_end_on_whole_commits_and_cover_everything_once(server):
    tenant = server.tenant()
    writer, reader = Api(server.url, tenant.code()), Api(server.url, tenant.code())
    seq, pushed = 0, []
    for size in (3, 1, 4, 2, 5):
        batch = [_event(seq + i + 1) for i in range(size)]
        seq += size
        writer.push(batch, after=seq - size)
        pushed.append([e["id"] for e in batch])
    cursor, pages = 0, []
    while True:
        page = reader.pull(cursor, limit=4)
        pages.append([e["id"] for e in page["events"]])
        assert page["cursor"] >= cursor
        cursor = page["cursor"]
        if not page["more"]:
            break
    flat = [i for p in pages for i in p]
    assert flat == [i for batch in pushed for i in batch]  # in commit order, nothing twice, nothing lost
    for batch in pushed:  # each commit lies within one page
        assert any(set(batch) <= set(p) for p in pages)
    assert reader.pull(cursor)["events"] == [] and writer.pull()["events"] == []  # own events are not echoed


def test_unknown_protocol_is_refused_with_a_clear_message(server):
    tenant = server.tenant()
    api = Api(server.url, tenant.code())
    for body in ({"protocol": 99, "cursor": 0}, {"protocol": 99, "future_field": [1]}, {"protocol": 0}):
        err = _error(api.http.post("/v1/pull", json=body), 400)
        assert err["code"] == "unsupported_protocol" and "protocol" in err["message"]


def test_malformed_and_oversized_requests_get_clean_4xx(server):
    tenant = server.tenant()
    api = Api(server.url, tenant.code())
    assert _error(api.http.post("/v1/push", content=b"{not json", headers={"content-type": "application/json"}),
                  422)["code"] == "malformed"
    assert _error(api.push([{"id": "x"}]), 422)["code"] == "malformed"
    later, earlier = _event(2), _event(1)
    results = api.push([later, earlier]).json()["results"]  # out of order: stored in the terminal's order
    assert [r["id"] for r in results] == [earlier["id"], later["id"]]
    assert _error(api.push([_event(i + 1) for i in range(protocol.MAX_PUSH_EVENTS + 1)]), 422)
    huge = b'{"protocol": 1, "after": 0, "events": [], "pad": "' + b"x" * (protocol.MAX_BODY_BYTES + 10) + b'"}'
    assert _error(api.http.post("/v1/push", content=huge, headers={"content-type": "application/json"}),
                  413)["code"] == "too_large"

    def chunks():
        yield b'{"protocol": 1, "after": 0, "events": [], "pad": "'
        for _ in range(protocol.MAX_BODY_BYTES // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    assert _error(api.http.post("/v1/push", content=chunks(), headers={"content-type": "application/json"}), 413)


def test_openapi_json_in_the_repository_is_current():
    current = json.dumps(openapi_document(), indent=2) + "\n"
    stored = (REPO / "openapi.json").read_text(encoding="utf-8")
    assert stored == current, "openapi.json is stale: run `pos-loyalty server openapi > openapi.json`"


def test_concurrent_pushes_never_hide_rows_from_a_concurrent_pull(server):
    """The cursor follows commit order: a transaction that commits late cannot slip behind a reader's cursor."""
    import threading

    tenant = server.tenant()
    writers = [Api(server.url, tenant.code()) for _ in range(4)]
    reader = Api(server.url, tenant.code())
    pushed, seen, done = [], [], threading.Event()

    def write(api):
        for batch in range(8):
            events = [_event(batch * 10 + i + 1) for i in range(10)]
            assert api.push(events, after=batch * 10).status_code == 200
            pushed.extend(e["id"] for e in events)

    def read():
        cursor = 0
        while True:
            finished = done.is_set()
            page = reader.pull(cursor, limit=15)
            seen.extend(e["id"] for e in page["events"])
            cursor = page["cursor"]
            if finished and not page["more"]:
                return

    threads = [threading.Thread(target=write, args=(w,)) for w in writers]
    puller = threading.Thread(target=read)
    puller.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    puller.join(60)
    assert sorted(seen) == sorted(pushed) and len(seen) == len(set(seen)) == 320
    with server.storage.read() as conn:
        seqs = sorted(r[0] for r in conn.exec_driver_sql("SELECT server_seq FROM events"))
    assert seqs == list(range(1, 321))  # gap-free
