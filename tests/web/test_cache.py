"""The answer cache: a repeated GET is served from memory, an ingest drops what was kept, errors are never kept."""
from __future__ import annotations

import bilateral
import pytest
from fastapi.testclient import TestClient

from bilateral.web.app import create_app
from bilateral.web.security import allowed_hosts_for

FIRST = ("Ghana and Togo signed a border agreement on 4 May 2019 in Accra. Ghana will provide $12 million in aid "
         "to Togo in 2020.\n")
SECOND = ("Mali and Niger held talks on security in Bamako on 30 January 2018. Mali will provide $5 million in aid "
          "to Niger in 2019.\n")


def _store(tmp_path):
    (tmp_path / "ghana_togo.txt").write_text(FIRST, encoding="utf-8")
    path = tmp_path / "store.duckdb"
    with bilateral.open(path) as corpus:
        assert not corpus.ingest([str(tmp_path / "ghana_togo.txt")]).errors
    return path


def _client(path, cache_mb=64):
    app = create_app(path, allowed_hosts=allowed_hosts_for("127.0.0.1", ["testserver"]), cache_mb=cache_mb)
    return app, TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False)


def test_a_repeated_get_is_answered_without_the_store(tmp_path):
    app, client = _client(_store(tmp_path))
    first = client.get("/api/documents")
    assert first.status_code == 200 and first.json()["total"] == 1
    page = client.get("/documents")
    assert client.get("/api/events/ev_nothing").status_code == 404
    app.state.db.close()        # from here on, only kept answers can be given
    again = client.get("/api/documents")
    assert again.status_code == 200 and again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"]
    assert client.get("/documents").content == page.content
    assert client.get("/api/documents?limit=1").status_code >= 500       # never asked: not kept
    assert client.get("/api/events/ev_nothing").status_code >= 500       # a 404 was not kept


@pytest.mark.parametrize("cache_mb", [64, 0])
def test_an_ingest_drops_the_kept_answers_and_the_store_wide_facts(tmp_path, cache_mb):
    path = _store(tmp_path)
    app, client = _client(path, cache_mb)
    try:
        assert client.get("/api/documents").json()["total"] == 1
        (tmp_path / "mali_niger.txt").write_text(SECOND, encoding="utf-8")
        with bilateral.open(path) as corpus:            # the writer takes its turn on the served store
            assert not corpus.ingest([str(tmp_path / "mali_niger.txt")]).errors
        after = client.get("/api/documents").json()
        assert after["total"] == 2
        assert sorted(d["file_name"] for d in after["items"]) == ["ghana_togo.txt", "mali_niger.txt"]
    finally:
        app.state.db.close()


def test_no_cache_asks_the_store_every_time(tmp_path):
    app, client = _client(_store(tmp_path), cache_mb=0)
    assert client.get("/api/documents").status_code == 200
    app.state.db.close()
    assert client.get("/api/documents").status_code >= 500
