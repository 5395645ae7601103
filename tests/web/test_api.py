"""The JSON API over a real store, checked against what the Python API says of the same store."""
from __future__ import annotations

import csv
import io
import json

import pytest

from bilateral.views import ledger
from bilateral.web.records import shown_title


def jsonl(text: str) -> list:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def walk(client, url: str, **params) -> list:
    """Every item of a list, following `next` (keyset cursors) to the end."""
    page = client.get(url, params=params).json()
    items = list(page["items"])
    while page["next"]:
        assert "after=" in page["next"] and "offset" not in page["next"]
        page = client.get(page["next"]).json()
        items += page["items"]
    return items


def test_documents_are_keyset_paged_and_match_the_store(client, corpus):
    docs = corpus.documents()
    first = client.get("/api/documents", params={"limit": 5}).json()
    assert first["total"] == len(docs)
    assert [d["doc_id"] for d in first["items"]] == [d.doc_id for d in docs[:5]]
    second = client.get(first["next"]).json()
    assert [d["doc_id"] for d in second["items"]] == [d.doc_id for d in docs[5:10]]
    assert [d["doc_id"] for d in walk(client, "/api/documents", limit=4)] == [d.doc_id for d in docs]


@pytest.mark.parametrize("sort, key", [("published", lambda d: (d.published or "")),
                                       ("-published", lambda d: (d.published or "")),
                                       ("title", lambda d: shown_title(d.title, d.source_path, d.doc_id).lower())])
def test_documents_sort_by_any_column_across_pages(client, corpus, sort, key):
    items = walk(client, "/api/documents", limit=3, sort=sort)
    assert sorted(d["doc_id"] for d in items) == sorted(d.doc_id for d in corpus.documents())
    docs = {d.doc_id: d for d in corpus.documents()}
    keys = [key(docs[d["doc_id"]]) for d in items]
    assert keys == sorted(keys, reverse=sort.startswith("-"))


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 201}, {"format": "xml"}])
def test_page_bounds_are_enforced(client, params):
    r = client.get("/api/documents", params=params)
    assert r.status_code == 422


@pytest.mark.parametrize("after", ["garbage", "W10=", "WyJhIiwxLDJd"])
def test_a_cursor_not_made_here_is_400(client, after):
    r = client.get("/api/documents", params={"after": after})
    assert r.status_code == 400 and "cursor" in r.json()["detail"]


def test_document_has_its_text_and_the_spans_of_every_event_and_claim(client, corpus):
    doc = next(d for d in corpus.documents() if d.title and d.title.startswith("Canada and Mexico"))
    d = client.get(f"/api/documents/{doc.doc_id}").json()
    assert d["text"] == doc.text and d["title"] == doc.title
    claims = [c for c in corpus.claims() if c.doc_id == doc.doc_id]
    claim_spans = {s["id"]: s for s in d["spans"] if s["kind"] == "claim"}
    assert set(claim_spans) == {c.claim_id for c in claims} and claims
    for c in claims:
        s = claim_spans[c.claim_id]
        assert d["text"][s["char_start"]:s["char_end"]] == c.text
    event_spans = [s for s in d["spans"] if s["kind"] == "event"]
    expected = {(e.event_id, m.char_start) for e in corpus.events() for m in e.mentions if m.doc_id == doc.doc_id}
    assert {(s["id"], s["char_start"]) for s in event_spans} == expected and expected
    sentences = {(e.event_id, m.char_start): m.sentence for e in corpus.events() for m in e.mentions}
    for s in event_spans:
        assert d["text"][s["char_start"]:s["char_end"]].strip() == sentences[(s["id"], s["char_start"])].strip()


def test_unknown_document_is_404(client):
    r = client.get("/api/documents/d_0000000000000000")
    assert r.status_code == 404 and "d_0000000000000000" in r.json()["detail"]


def test_timeline_accepts_codes_and_names_and_filters(client, corpus):
    expected = [e.event_id for e in corpus.timeline(pair=("DEU", "NAM"))]
    by_code = client.get("/api/timeline", params={"pair": "DEU,NAM", "limit": 200}).json()
    by_name = client.get("/api/timeline", params={"pair": "Namibia, Germany", "limit": 200}).json()
    assert [e["event_id"] for e in by_code["items"]] == expected == [e["event_id"] for e in by_name["items"]]
    assert by_code["total"] == len(expected) > 3
    first = by_code["items"][0]
    for field in ("event_id", "date", "date_end", "date_basis", "source", "target", "event_type", "mode", "context",
                  "cameo", "quad", "modality", "summary", "mentions"):
        assert field in first
    windowed = client.get("/api/timeline", params={"pair": "DEU,NAM", "from": "1990", "to": "2010",
                                                   "limit": 200}).json()["items"]
    assert windowed and all("1990" <= e["date"][:4] <= "2010" for e in windowed)
    assert [e["event_id"] for e in windowed] == [e.event_id for e in corpus.timeline(("DEU", "NAM"), "1990", "2010")]
    aid = client.get("/api/timeline", params={"pair": "DEU,NAM", "type": "aid"}).json()["items"]
    assert aid and {e["event_type"] for e in aid} == {"AID"}


def test_timeline_undated_events_come_last(client, corpus):
    items = client.get("/api/timeline", params={"pair": "KOR,VNM", "undated": "true", "limit": 200}).json()["items"]
    assert len(items) == len(corpus.timeline(("KOR", "VNM"), dated_only=False))
    dates = [e["date"] for e in items]
    if None in dates:
        assert all(d is None for d in dates[dates.index(None):])


@pytest.mark.parametrize("pair, needle", [("Atlantis,Germany", "Atlantis"), ("DEU", "two countries"),
                                          ("DEU,NAM,KOR", "two countries"), (",", "two countries")])
def test_bad_pairs_are_400_with_a_message(client, pair, needle):
    for route in ("/api/timeline", "/api/claims", "/api/conflicts"):
        r = client.get(route, params={"pair": pair})
        assert r.status_code == 400, (route, r.text)
        assert needle.lower() in r.json()["detail"].lower()


def test_bad_filters_are_400_or_422(client):
    assert client.get("/api/timeline", params={"type": "DANCE"}).status_code == 400
    assert "AGREE" in client.get("/api/timeline", params={"type": "DANCE"}).json()["detail"]
    assert client.get("/api/claims", params={"metric": "happiness"}).status_code == 400
    assert client.get("/api/conflicts", params={"kind": "mood"}).status_code == 400
    assert client.get("/api/timeline", params={"from": "last year"}).status_code == 400


def test_event_has_all_its_mentions_with_passages(client, corpus):
    e = max(corpus.events(), key=lambda e: len(e.mentions))
    d = client.get(f"/api/events/{e.event_id}").json()
    assert d["event_id"] == e.event_id and len(d["mentions"]) == len(e.mentions) >= 2
    assert [s["sentence"] for s in d["sources"]] == [m.sentence for m in e.mentions]
    titles = {doc.doc_id: doc.title for doc in corpus.documents()}
    assert [s["title"] for s in d["sources"]] == [titles[m.doc_id] for m in e.mentions]
    assert client.get("/api/events/ev_nothing").status_code == 404


def test_claims_are_grouped_as_in_the_cli_ledger(client, corpus):
    claims = corpus.claims(pair=("AUS", "IDN"))
    flagged = {cid: k.kind for k in corpus.conflicts() for cid in k.claim_ids}
    groups = ledger(list(claims), flagged, corpus.store.relations([c.claim_id for c in claims]))
    page = client.get("/api/ledger", params={"pair": "Australia,Indonesia", "limit": 200}).json()
    assert [g["decisions"] for g in page["items"]] == [g["decisions"] for g in groups]
    assert page["total"] == len(groups)
    assert [g["title"] for g in page["items"]] == [g["title"] for g in groups]
    assert [[r["claim_id"] for r in g["rows"]] for g in page["items"]] == [[r["claim_id"] for r in g["rows"]]
                                                                          for g in groups]
    assert any(r["conflict"] for g in page["items"] for r in g["rows"])
    oda = client.get("/api/ledger", params={"pair": "KOR,VNM", "metric": "ODA"}).json()["items"]
    assert oda and {g["metric"] for g in oda} == {"oda"}


@pytest.mark.parametrize("sort", ["value", "-value"])
def test_claims_sort_by_value_across_pages_with_the_valueless_last(client, corpus, sort):
    items = walk(client, "/api/claims", limit=7, sort=sort)
    claims = {c.claim_id: c for c in corpus.claims()}
    assert sorted(r["claim_id"] for r in items) == sorted(claims)
    key = [(claims[r["claim_id"]].value_usd if claims[r["claim_id"]].value_usd is not None
            else claims[r["claim_id"]].value) for r in items]
    key = [-1e300 if k is None else k for k in key]
    assert key == sorted(key, reverse=sort.startswith("-")) and len(set(key)) > 3


def test_claims_stream_one_row_per_claim(client, corpus):
    claims = corpus.claims(pair=("DEU", "NAM"))
    rows = jsonl(client.get("/api/claims", params={"pair": "DEU,NAM", "format": "jsonl", "limit": 200}).text)
    assert sorted(r["claim_id"] for r in rows) == sorted(c.claim_id for c in claims)
    by_as_of = jsonl(client.get("/api/claims", params={"pair": "DEU,NAM", "format": "jsonl", "limit": 200,
                                                       "sort": "as_of"}).text)
    assert [r["as_of"] or "9999" for r in by_as_of] == sorted(c.as_of or "9999" for c in claims)
    r = client.get("/api/claims", params={"pair": "DEU,NAM", "format": "csv", "limit": 200})
    assert r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert [t["claim_id"] for t in table] == [r["claim_id"] for r in rows]
    assert {"metric", "value", "unit", "as_of", "conflict", "link"} <= set(table[0])


def test_conflicts_carry_both_passages(client, corpus):
    conflicts = corpus.conflicts()
    page = client.get("/api/conflicts", params={"limit": 200}).json()
    assert page["total"] == len(conflicts) > 0
    for k in page["items"]:
        assert len(k["passages"]) >= 2 and all(k["passages"])
        for item in k["items"]:
            doc = corpus.document(item["doc_id"])
            span = doc.text[item["char_start"]:item["char_end"]]
            if item["kind"] == "event":
                assert span.strip() == item["passage"].strip()
            else:
                assert span in item["passage"]
            assert item["link"].startswith(f"/documents/{item['doc_id']}#")
    value = client.get("/api/conflicts", params={"kind": "value"}).json()
    assert value["total"] == len(corpus.conflicts("value"))
    by_pair = client.get("/api/conflicts", params={"pair": "Germany,Namibia"}).json()["items"]
    assert by_pair and all(k["conflict_id"] in {c.conflict_id for c in conflicts} for k in by_pair)


def test_search_is_literal_and_case_insensitive(client, corpus):
    hits = client.get("/api/search", params={"q": "MERCOSUR"}).json()
    expected = [d.doc_id for d in corpus.documents() if "mercosur" in d.text.lower()]
    assert [h["doc_id"] for h in hits["items"]] == expected and expected
    assert all("mercosur" in h["snippet"].lower() for h in hits["items"])
    assert client.get("/api/search", params={"q": "%_%"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "' OR 1=1 --"}).json()["total"] == 0
    assert client.get("/api/search").status_code == 422


def test_pairs_match_the_store(client, corpus):
    page = client.get("/api/pairs", params={"limit": 200}).json()
    assert [(p["pair"].replace(",", "|"), p["events"], p["claims"]) for p in page["items"]] == corpus.pairs()
    deu = next(p for p in page["items"] if p["codes"] == ["DEU", "NAM"])
    assert deu["names"] == ["Germany", "Namibia"]


@pytest.mark.parametrize("route", ["/api/documents", "/api/timeline?pair=AUS,IDN", "/api/claims",
                                   "/api/conflicts", "/api/search?q=trade", "/api/pairs"])
def test_every_list_streams_as_jsonl_and_csv(client, route):
    sep = "&" if "?" in route else "?"
    page = client.get(f"{route}{sep}limit=3").json()
    lines = jsonl(client.get(f"{route}{sep}limit=3&format=jsonl").text)
    assert len(lines) == min(3, page["total"]) == len(page["items"]) or route == "/api/claims"
    r = client.get(f"{route}{sep}limit=3&format=csv")
    assert r.status_code == 200 and r.headers["x-total-count"]
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == len(lines)
    if int(r.headers["x-total-count"]) > 3:
        assert 'rel="next"' in r.headers["link"]


def test_ask_answers_with_citations(client):
    r = client.get("/api/ask", params={"q": "When did Germany recognise Namibia?"})
    d = r.json()
    assert r.status_code == 200 and {"answer", "kind", "basis", "citations"} <= set(d)
    assert d["kind"] == "date" and d["basis"] in ("record", "passage") and d["citations"]
    assert {"doc_id", "source_path", "char_start", "char_end", "sentence"} <= set(d["citations"][0])


def test_openapi_documents_every_route(client):
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/timeline", "/api/events/{event_id}",
                 "/api/claims", "/api/ledger", "/api/conflicts", "/api/search", "/api/pairs", "/api/ask"):
        assert path in schema["paths"]
    names = {p["name"] for p in schema["paths"]["/api/timeline"]["get"]["parameters"]}
    assert {"pair", "from", "to", "type", "modality", "actor", "outlet", "q", "limit", "after", "format"} <= names
    assert not any(p.startswith("/pair") or p == "/" for p in schema["paths"])
