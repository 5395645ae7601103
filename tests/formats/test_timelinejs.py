"""TimelineJS exports: valid against TimelineJS3's documented JSON format, rendered by the vendored library."""
from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import bilateral
from bilateral.formats.timelinejs import date_object

from .conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
VENDOR = ROOT / "src" / "bilateral" / "web" / "static" / "vendor" / "timelinejs"
SCHEMA = json.loads((Path(__file__).parent / "timelinejs3.schema.json").read_text(encoding="utf-8"))

# Two documents written for the test: a source link, and text that must stay text.
DOCS = [
    {"url": "https://news.example/kenya-ethiopia", "published": "2020-03-05", "outlet": "Rift <b>Post</b>",
     "title": "Kenya and Ethiopia sign pact <img src=x onerror=\"window.__xss='title'\">",
     "text": "NAIROBI, 5 March 2020 - Kenya and Ethiopia signed a water-sharing agreement on 3 March 2020 "
             "<script>window.__xss='body'</script> in Nairobi.\n\nKenya's president visited Addis Ababa in "
             "January 2019 for talks with Ethiopia's prime minister."},
    {"url": "javascript:window.__xss='url'", "title": "Ethiopia and Kenya talks", "published": "2021-06-10",
     "outlet": "Horn Daily", "text": "ADDIS ABABA, 10 June 2021 - Ethiopia and Kenya held talks on their border "
                                     "on 8 June 2021."},
]


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    base = tmp_path_factory.mktemp("tljs")
    source = base / "kenya_ethiopia.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    with bilateral.open(base / "tl.duckdb") as corpus:
        corpus.ingest([str(source)])
        assert len(corpus.events(("KEN", "ETH"))) == 3
    return base / "tl.duckdb"


def test_every_pair_of_the_seeds_exports_a_valid_timelinejs3_file(seeds_store, tmp_path):
    with bilateral.open(seeds_store, read_only=True) as corpus:
        written = corpus.export(tmp_path, "timelinejs")
        events = corpus.events()
    pairs = {"|".join(sorted((e.source.code, e.target.code))) for e in events if e.date}
    assert sorted(p.name for p in written) == sorted(f"timeline-{p.replace('|', '-')}.json" for p in pairs)
    assert written.left_out == {"undated": sum(1 for e in events if not e.date)}
    total = 0
    for path in written:
        data = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, SCHEMA)
        total += len(data["events"])
    assert total == sum(1 for e in events if e.date)


def test_slides_carry_the_date_span_headline_passages_and_source_link(hostile_store, tmp_path):
    with bilateral.open(hostile_store, read_only=True) as corpus:
        (path,) = corpus.export(tmp_path, "timelinejs", pair=("Kenya", "Ethiopia"))
        events = corpus.events(("KEN", "ETH"))
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert path.name == "timeline-ETH-KEN.json"
    assert data["title"]["text"]["headline"] == "Ethiopia – Kenya"
    slides = {s["unique_id"]: s for s in data["events"]}
    assert set(slides) == {e.event_id for e in events}
    signed = next(e for e in events if e.date == "2020-03-03")
    s = slides[signed.event_id]
    assert s["start_date"] == {"year": 2020, "month": 3, "day": 3} and s["group"] == signed.event_type
    assert s["text"]["headline"] == "Sign formal agreement: Kenya → Ethiopia"
    # the passage is quoted as escaped text, its source linked; a javascript: URL is no link
    assert "&lt;script&gt;window.__xss=&#x27;body&#x27;&lt;/script&gt;" in s["text"]["text"]
    assert '<a href="https://news.example/kenya-ethiopia"' in s["text"]["text"]
    assert "Rift &lt;b&gt;Post&lt;/b&gt;, 2020-03-05" in s["text"]["text"]
    talks = next(e for e in events if e.date == "2021-06-08")
    cited = slides[talks.event_id]["text"]["text"]
    assert "<a " not in cited and "— Ethiopia and Kenya talks, Horn Daily, 2021-06-10" in cited
    assert date_object("2019-01") == {"year": 2019, "month": 1} and date_object("1953") == {"year": 1953}


def test_the_export_renders_in_chromium_with_the_vendored_timelinejs(hostile_store, seeds_store, tmp_path):
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)"
    with bilateral.open(seeds_store, read_only=True) as corpus:
        (seeds,) = corpus.export(tmp_path / "seeds", "timelinejs", pair=("JPN", "KHM"))
    with bilateral.open(hostile_store, read_only=True) as corpus:
        (hostile,) = corpus.export(tmp_path / "hostile", "timelinejs", pair=("KEN", "ETH"))
    for path in (seeds, hostile):
        data = json.loads(path.read_text(encoding="utf-8"))
        page_file = tmp_path / f"{path.stem}.html"
        # a test page as a user would embed it: the library's CSS and JS and the exported JSON
        page_file.write_text(
            "<!DOCTYPE html><html><head><meta charset='utf-8'>"
            f"<link rel='stylesheet' href='{(VENDOR / 'css' / 'timeline.css').as_uri()}'>"
            f"<script src='{(VENDOR / 'js' / 'timeline.js').as_uri()}'></script></head><body>"
            "<div id='timeline' style='width: 1000px; height: 600px'></div>"
            f"<script>window.timeline = new TL.Timeline('timeline', {json.dumps(data)}, {{font: null}});</script>"
            "</body></html>", encoding="utf-8")
        signed = next((e for e in data["events"] if e["start_date"] == {"year": 2020, "month": 3, "day": 3}), None)
        args = [sys.executable, str(Path(__file__).parent / "render_timeline.py"), str(page_file)]
        done = subprocess.run(args + ([signed["unique_id"]] if signed else []), capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        shown = json.loads(done.stdout)
        assert shown["slides"] == len(data["events"]) + 1 and shown["markers"] == len(data["events"])
        assert shown["headlines"][0] == data["title"]["text"]["headline"]
        assert sorted(shown["headlines"][1:]) == sorted(html.unescape(e["text"]["headline"]) for e in data["events"])
        if path is hostile:
            assert "<script>window.__xss='body'</script>" in shown["quote"]
            assert "https://news.example/kenya-ethiopia" in shown["links"]
        assert shown["xss"] is None and shown["errors"] == [] and shown["outside"] == []
