"""The API fuzzed from its own OpenAPI schema, in-process (ASGI, no network): whatever the input, no 500."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

EXAMPLES = 40


@pytest.fixture(scope="module")
def operations(app):
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    return [r.ok() for r in schema.get_all_operations()]


def test_the_schema_lists_every_api_route(operations):
    assert {op.path for op in operations} == {
        "/api/documents", "/api/documents/{doc_id}", "/api/timeline", "/api/timeline/marks", "/api/events/{event_id}",
        "/api/claims", "/api/ledger", "/api/conflicts", "/api/search", "/api/pairs", "/api/ask", "/api/compare",
        "/api/timelinejs"}


def test_no_server_errors_on_generated_requests(operations):
    seen: dict = {}
    for op in operations:
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=op.as_strategy())
        def check(case):
            response = case.call()
            seen.setdefault(op.path, set()).add(response.status_code)
            assert response.status_code < 500, (case.path, case.path_parameters, case.query, response.text[:300])
            assert response.headers.get("x-content-type-options") == ["nosniff"]
        check()
    assert set(seen) == {op.path for op in operations}
    assert any(200 in codes for codes in seen.values())
