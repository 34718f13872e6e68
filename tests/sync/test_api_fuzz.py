"""Fuzz the live API from its own OpenAPI schema (schemathesis strategies, bounded): valid and invalid requests
never get a 5xx, only documented statuses, and answers that match the schema; malformed ones get a clean 4xx."""

from __future__ import annotations

import httpx
import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

from pos_loyalty.server.app import openapi_document  # noqa: E402

SCHEMA = schemathesis.openapi.from_dict(openapi_document())
OPERATIONS = {op.ok().label: op.ok() for op in SCHEMA.get_all_operations()}


# Invalid inputs exist only where there is a body to get wrong.
CASES = [pytest.param(label, mode, id=f"{label}-{mode.value}") for label, op in sorted(OPERATIONS.items())
         for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
         if mode is GenerationMode.POSITIVE or op.method.upper() == "POST"]


@pytest.mark.parametrize(("label", "mode"), CASES)
def test_api_answers_cleanly(server, label, mode):
    tenant = server.tenant()
    answer = httpx.post(f"{server.url}/v1/register", json={"protocol": 1, "code": tenant.code(), "name": "fuzz"})
    token = answer.json()["token"]
    operation = OPERATIONS[label]
    seen = set()

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case):
        headers = {} if operation.path == "/v1/register" else {"Authorization": f"Bearer {token}"}
        response = case.call(base_url=server.url, headers=headers)
        assert response.status_code < 500, response.text
        seen.add(response.status_code)
        body = response.json()
        if response.status_code >= 400:
            assert set(body) == {"error"} and body["error"]["message"].strip()
        if mode is GenerationMode.POSITIVE:
            case.validate_response(response)

    run()
    if mode is GenerationMode.NEGATIVE and operation.method.upper() == "POST":
        assert any(400 <= status < 500 for status in seen)
