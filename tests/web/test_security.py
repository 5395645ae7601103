"""Headers, cross-site refusal, request bounds, read-only access and the query time limit."""
from __future__ import annotations

import time

import duckdb
import pytest

from bilateral.web.db import Database, QueryTimeout
from bilateral.web.security import cross_site

PAGES = ["/", "/pair?pair=DEU,NAM", "/documents", "/conflicts", "/claims", "/search?q=trade", "/api/pairs",
         "/static/style.css", "/does-not-exist"]


@pytest.mark.parametrize("url", PAGES)
def test_every_response_has_the_strict_headers(client, url):
    r = client.get(url)
    csp = r.headers["content-security-policy"]
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
                      "script-src 'self'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"]


def test_templates_never_mark_text_safe_and_have_no_inline_script():
    from pathlib import Path
    import bilateral.web
    folder = Path(bilateral.web.__file__).parent
    for t in (folder / "templates").glob("*.html"):
        src = t.read_text()
        assert "|safe" not in src.replace(" ", "") and "autoescape false" not in src, t.name
        assert "<script>" not in src and " on" + "click=" not in src and "style=" not in src, t.name
    assert "Markup(" not in "".join(p.read_text() for p in folder.glob("*.py"))


def test_cross_site_state_changes_are_refused(client):
    r = client.post("/api/documents", headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403 and "cross-site" in r.json()["detail"]
    r = client.post("/api/documents", headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    # a same-origin POST passes the check and meets the read-only API's 405
    r = client.post("/api/documents", headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://127.0.0.1"})
    assert r.status_code == 405


def test_cross_site_rule():
    assert cross_site({b"sec-fetch-site": b"cross-site"})
    assert cross_site({b"sec-fetch-site": b"same-site"})
    assert not cross_site({b"sec-fetch-site": b"same-origin"})
    assert cross_site({b"origin": b"null", b"host": b"a.example"})
    assert not cross_site({b"origin": b"http://a.example:8000", b"host": b"a.example:8000"})
    assert not cross_site({})


def test_request_sizes_are_bounded(client):
    r = client.post("/api/documents", content=b"x" * 2_000_000, headers={"Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 413
    r = client.get("/api/search", params={"q": "a" * 5000})
    assert r.status_code == 414
    assert client.get("/api/search", params={"q": "a" * 300}).status_code == 422


def test_the_store_is_opened_read_only(app):
    with pytest.raises(duckdb.Error):
        app.state.db.run(lambda corpus: corpus.store.con.execute("DELETE FROM documents"))


def test_a_slow_query_is_interrupted(web_store):
    db = Database(web_store, timeout=0.3)
    try:
        slow = "SELECT count(*) FROM range(100000000000) a"
        t0 = time.monotonic()
        with pytest.raises(QueryTimeout):
            db.run(lambda corpus: corpus.store.con.execute(slow).fetchall())
        assert time.monotonic() - t0 < 3
        # the pool is free again: the interrupted query did not keep running
        assert db.run(lambda corpus: corpus.store.n_documents(), timeout=5) > 0
    finally:
        db.close()


def test_a_timeout_is_a_503(web_store):
    from fastapi.testclient import TestClient
    from bilateral.web.app import create_app
    app = create_app(web_store, query_timeout=0)
    try:
        c = TestClient(app, base_url="http://127.0.0.1")
        r = c.get("/api/timeline", params={"pair": "DEU,NAM"})
        assert r.status_code == 503 and "longer than" in r.json()["detail"]
        assert c.get("/pair", params={"pair": "DEU,NAM"}).status_code == 503
    finally:
        app.state.db.close()


def test_a_missing_store_is_a_clear_error(tmp_path):
    from bilateral.errors import BilateralError
    from bilateral.web.app import create_app
    with pytest.raises(BilateralError, match="no store"):
        create_app(tmp_path / "none.duckdb")


# --- the Host allow-list (DNS rebinding), HEAD on every GET route, no redirect built from Host ---------------

GET_ROUTES = ["/", "/pair?pair=DEU,NAM", "/compare?a=DEU,NAM&b=KOR,VNM", "/documents", "/claims", "/claims?view=ledger",
              "/conflicts", "/search?q=trade", "/ask", "/api/documents", "/api/timeline?pair=DEU,NAM",
              "/api/timeline/marks?pair=DEU,NAM", "/api/claims", "/api/ledger", "/api/conflicts",
              "/api/search?q=trade", "/api/pairs", "/api/openapi.json", "/static/style.css", "/static/app.js"]


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil",
                                  "", "127.0.0.1@evil.example", "[::1"])
def test_a_host_not_served_is_400(client, host):
    for path in ("/", "/api/documents", "/static/style.css", "/static"):
        r = client.get(path, headers={"Host": host})
        assert r.status_code == 400 and "Host" in r.json()["detail"], (host, path)
        assert "location" not in r.headers


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST"])
def test_the_served_address_is_answered(client, host):
    assert client.get("/api/pairs", headers={"Host": host}).status_code == 200


def test_the_allow_list_follows_the_address_served():
    from bilateral.web.security import allowed_hosts_for
    assert allowed_hosts_for("127.0.0.1") == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts_for("192.168.1.20") == {"192.168.1.20"}
    assert allowed_hosts_for("0.0.0.0", ["dash.example.org"]) >= {"dash.example.org", "localhost"}


def test_static_never_redirects_to_the_host_header(client):
    for path in ("/static", "/api/documents/", "/documents/"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 404 and "location" not in r.headers, path


@pytest.mark.parametrize("route", GET_ROUTES)
def test_head_answers_every_get_route_without_a_body(client, route):
    got = client.get(route)
    head = client.head(route)
    assert got.status_code == 200, route
    assert head.status_code == 200 and head.content == b"", route
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["x-content-type-options"] == "nosniff"


def test_head_on_items_and_missing_items(client, corpus):
    doc = corpus.documents()[0]
    event = corpus.events()[0]
    for path in (f"/documents/{doc.doc_id}", f"/api/documents/{doc.doc_id}", f"/events/{event.event_id}",
                 f"/api/events/{event.event_id}"):
        assert client.head(path).status_code == 200, path
    assert client.head("/api/documents/d_0000000000000000").status_code == 404
