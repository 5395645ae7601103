"""/api/compare, /api/timelinejs and the compare chart on the pair page, over a store with GDELT events imported."""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

import bilateral

FORMATS = Path(__file__).parent.parent / "formats"
_spec = importlib.util.spec_from_file_location("gdelt_rows", FORMATS / "gdelt_rows.py")
gdelt_rows = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gdelt_rows)
gdelt_event = gdelt_rows.gdelt_event      # the GDELT rows the format tests write


@pytest.fixture(scope="module")
def formats_client(web_store, tmp_path_factory):
    """The web store with a GDELT file for Germany–Namibia imported: an article of 21 March 2015 recalling
    the recognition of 1990, the agreement of 11 June 2019, and a protest the record lacks."""
    base = tmp_path_factory.mktemp("formats_web")
    db = base / "web.duckdb"
    shutil.copy(web_store, db)
    fixture = base / "gdelt.CSV"
    fixture.write_text("\n".join([
        gdelt_event(9001, "20150321", "DEU", "NAM", "054", "https://news.example/25-years"),
        gdelt_event(9002, "20190611", "DEU", "NAM", "057", "https://news.example/pledge"),
        gdelt_event(9003, "20190620", "NAM", "DEU", "141", "javascript:alert(1)")]) + "\n", encoding="utf-8")
    with bilateral.open(db) as corpus:
        assert corpus.import_events("gdelt", [str(fixture)]).stored == 3
    from fastapi.testclient import TestClient
    from bilateral.web.app import create_app
    app = create_app(db)
    yield TestClient(app, base_url="http://127.0.0.1")
    app.state.db.close()


def test_api_compare_gives_counterparts_and_what_each_side_lacks(formats_client):
    r = formats_client.get("/api/compare", params={"pair": "Germany,Namibia", "with": "gdelt"})
    assert r.status_code == 200
    c = r.json()
    kinds = {k["external_id"]: (k["kind"], k["own_date"]) for k in c["counterparts"]}
    assert kinds == {"9001": ("retrospective", "1990-03"), "9002": ("match", "2019-06-11")}
    assert c["external_only"] == ["9003"] and (c["start"], c["end"]) == ("2015-03-21", "2019-06-20")
    narrowed = formats_client.get("/api/compare", params={"pair": "DEU,NAM", "from": "2019", "to": "2019"}).json()
    assert [k["external_id"] for k in narrowed["counterparts"]] == ["9002"]
    assert formats_client.get("/api/compare", params={"pair": "DEU,NAM", "with": "acled"}).status_code == 400
    assert formats_client.get("/api/compare", params={"pair": "DEU,Narnia"}).status_code == 400
    assert formats_client.get("/api/compare", params={"pair": "DEU,NAM", "from": "2019-1"}).status_code == 400


def test_api_timelinejs_is_a_download_in_timelinejs3_format(formats_client):
    r = formats_client.get("/api/timelinejs", params={"pair": "NAM,DEU"})
    assert r.status_code == 200
    assert r.headers["content-disposition"] == 'attachment; filename="timeline-DEU-NAM.json"'
    schema = json.loads((FORMATS / "timelinejs3.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(r.json(), schema)
    assert r.json()["title"]["text"]["headline"] == "Germany – Namibia" and len(r.json()["events"]) == 21


def test_the_pair_page_draws_the_comparison_and_offers_the_timelinejs_export(formats_client):
    page = formats_client.get("/pair", params={"pair": "DEU,NAM"}).text
    assert '<a class="export-timelinejs" href="/api/timelinejs?pair=DEU%2CNAM" download>TimelineJS</a>' in page
    figure = page[page.index('id="compare-gdelt"'):page.index("</figure>", page.index('id="compare-gdelt"'))]
    points = re.findall(r'<circle class="compare-point" data-side="(\w+)" data-kind="([\w ]+)" data-id="([^"]+)"',
                        figure)
    c = formats_client.get("/api/compare", params={"pair": "DEU,NAM"}).json()
    assert sorted(i for side, _, i in points if side == "ext") == ["9001", "9002", "9003"]
    assert sorted(i for side, _, i in points if side == "own") == sorted(r["id"] for r in c["own"] if r["date"])
    assert {(i, k) for side, k, i in points if side == "ext"} == {("9001", "retrospective"), ("9002", "match"),
                                                                  ("9003", "external only")}
    assert re.findall(r'<line class="counterpart" data-kind="(\w+)"', figure) == ["retrospective", "match"]
    assert 'stroke-dasharray="5 4"' in figure and "javascript:" not in figure
    # a pair with nothing imported has no comparison
    other = formats_client.get("/pair", params={"pair": "KOR,VNM"}).text
    assert "compare-gdelt" not in other and "TimelineJS" in other
