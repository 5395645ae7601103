"""The pages over the test store: the filters they keep, the titles and text they show, the exports they link."""
from __future__ import annotations

import csv
import io
import re

import pytest


def edge(corpus, needle: str):
    return next(d for d in corpus.documents() if needle in d.text)


def test_conflicts_page_keeps_to_the_pair(client, corpus):
    from bilateral.api import resolve_pair
    mine = {k.conflict_id for k in corpus.store.conflicts_of_pair(resolve_pair(["DEU", "NAM"]))}
    everyone = {k.conflict_id for k in corpus.conflicts()}
    assert mine and everyone - mine
    html = client.get("/conflicts", params={"pair": "DEU,NAM"}).text
    shown = set(re.findall(r'data-conflict="([^"]+)"', html))
    assert shown == mine
    by_name = set(re.findall(r'data-conflict="([^"]+)"', client.get("/conflicts?pair=Namibia,Germany").text))
    assert by_name == mine
    assert client.get("/conflicts", params={"pair": "Atlantis,Germany"}).status_code == 400


def test_an_untitled_document_is_named_by_its_file_and_no_folder_is_shown(client, corpus, web_store):
    doc = edge(corpus, "Ghana and Togo signed")
    assert doc.title is None and doc.source_path.endswith("edge_cases.jsonl#L1")
    folder = doc.source_path.rsplit("/", 1)[0]
    pages = [f"/documents/{doc.doc_id}", "/documents?q=edge", "/pair?pair=GHA,TGO", "/claims?pair=GHA,TGO",
             "/search?q=Ghana+and+Togo", "/documents?sort=title"]
    for url in pages:
        html = client.get(url).text
        assert folder not in html, url
        assert str(web_store.parent) not in html, url
    assert "<h1 id=\"doc-title\">edge_cases.jsonl#L1</h1>" in client.get(f"/documents/{doc.doc_id}").text
    assert "edge_cases.jsonl#L1" in client.get("/pair?pair=GHA,TGO").text


def test_bidi_overrides_and_nul_bytes_never_reach_the_html(client, corpus):
    doc = edge(corpus, "Peru and Bolivia signed")
    assert "\u202e" in doc.title   # a NUL is stripped by the reader before it is stored; a bidi override is kept
    for url in (f"/documents/{doc.doc_id}", "/documents", "/pair?pair=BOL,PER", "/search?q=Bolivia",
                "/claims?pair=BOL,PER"):
        html = client.get(url).text
        assert "\u202e" not in html and "\x00" not in html, url
        assert "\ufffd" in html, url
    text = client.get(f"/documents/{doc.doc_id}").text
    assert "Peru and Bolivia \ufffdagree trade deal" in text and "AndesWire" in text


def test_csv_exports_escape_formulas(client, corpus):
    doc = edge(corpus, "Mali and Niger held talks")
    r = client.get("/api/documents", params={"format": "csv", "q": "HYPERLINK"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["doc_id"] for row in rows] == [doc.doc_id]
    assert rows[0]["title"] == "'" + doc.title and rows[0]["outlet"] == "'@SUM(1+1)"
    assert "\n=" not in r.text and ",=" not in r.text and ",@" not in r.text
    claims = list(csv.DictReader(io.StringIO(client.get("/api/claims", params={"format": "csv",
                                                                               "pair": "MLI,NER"}).text)))
    assert claims and all(c["source_outlet"] == "'@SUM(1+1)" for c in claims)


@pytest.mark.parametrize("page, api", [
    ("/documents?sort=-published", "/api/documents?sort=-published"),
    ("/claims?pair=KOR,VNM&sort=value", "/api/claims?pair=KOR,VNM&sort=value"),
    ("/conflicts?kind=value", "/api/conflicts?kind=value"),
    ("/pair?pair=KOR,VNM&type=AGREE", "/api/timeline?pair=KOR,VNM&type=AGREE&undated=true")])
def test_each_export_link_serves_exactly_the_rows_shown(client, page, api):
    html = client.get(page).text
    links = re.findall(r'class="export-csv" href="([^"]+)"', html)
    assert links, page
    csv_link = links[0].replace("&amp;", "&")
    assert csv_link.startswith(api.split("?")[0])
    rows = list(csv.DictReader(io.StringIO(client.get(csv_link).text)))
    json_link = re.findall(r'class="export-json" href="([^"]+)"', html)[0].replace("&amp;", "&")
    items = client.get(json_link).json()["items"]
    ids = {"documents": "doc_id", "claims": "claim_id", "conflicts": "conflict_id", "timeline": "event_id"}
    key = next(v for k, v in ids.items() if k in api)
    attr = {"doc_id": "href=\"/documents/", "claim_id": "data-claim=\"", "conflict_id": "data-conflict=\"",
            "event_id": "data-event=\""}[key]
    shown = [m for m in re.findall(re.escape(attr) + r'([A-Za-z0-9_]+)', html)]
    if key == "claim_id":       # the same claim is named once per row
        shown = list(dict.fromkeys(shown))
    if key == "doc_id":
        shown = [s for s in shown if s.startswith("d_")]
    assert [r[key] for r in rows] == [i[key] for i in items] == shown, page
