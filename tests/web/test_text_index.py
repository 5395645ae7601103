"""The served store's text index finds exactly what the SQL scan it replaces found: literal text, any
letter case, in documents' titles and texts, claims' sentences and events' summaries."""
from __future__ import annotations

import re

import duckdb
import pytest

from bilateral.web.db.text_index import TextIndex

QUERIES = ["trade", "MERCOSUR", "Windhoek", "per cent", "%_%", "' OR 1=1 --", "ü", "(", "xyzzy-nothing"]


@pytest.fixture(scope="module")
def store_con(web_store):
    con = duckdb.connect(str(web_store), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("q", QUERIES)
def test_the_index_matches_the_sql_scan(store_con, q):
    index = TextIndex(store_con)
    pattern = re.escape(q)
    docs = [r[0] for r in store_con.execute(
        "SELECT seq FROM documents WHERE regexp_matches(text, ?, 'i') OR regexp_matches(coalesce(title, ''), ?, 'i') "
        "ORDER BY seq", [pattern, pattern]).fetchall()]
    claims = {r[0] for r in store_con.execute(
        "SELECT claim_id FROM claims WHERE regexp_matches(coalesce(json_extract_string(body, '$.sentence'), ''), "
        "?, 'i')", [pattern]).fetchall()}
    events = {r[0] for r in store_con.execute(
        "SELECT event_id FROM events WHERE regexp_matches(coalesce(json_extract_string(body, '$.summary'), '') || ' ' "
        "|| coalesce(json_extract_string(body, '$.mentions[0].sentence'), ''), ?, 'i')", [pattern]).fetchall()}
    assert index.documents(q) == docs
    assert set(index.claim_ids(q)) == claims
    assert set(index.event_ids(q)) == events
    if q == "trade":
        assert docs and claims and events


def test_a_query_never_matches_across_two_documents_or_a_title_and_its_text(store_con):
    index = TextIndex(store_con)
    last_words = store_con.execute("SELECT text FROM documents ORDER BY seq LIMIT 1").fetchone()[0][-6:]
    first_words = store_con.execute("SELECT coalesce(title, '') FROM documents ORDER BY seq LIMIT 1 OFFSET 1"
                                    ).fetchone()[0][:6]
    assert index.documents(last_words + "\x00" + first_words) == []
    assert index.documents(last_words + "\x01") == []
