"""The pieces the pages are drawn from: safe links, highlighted segments, chart geometry."""
from __future__ import annotations

from bilateral.model import Claim
from bilateral.web.chart import metric_chart, nice_ticks
from bilateral.web.highlight import segments
from bilateral.web.records import safe_href


def test_only_http_urls_become_links():
    assert safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_href("http://example.org") == "http://example.org"
    for bad in ("javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<b>",
                "vbscript:x", "//evil.example/x", "/relative", "https://", "http://a.example/\nx", None, ""):
        assert safe_href(bad) is None, bad


def test_segments_cover_the_text_once_with_nested_spans():
    text = "Kenya will provide $40 million in aid to Ethiopia. Then more."
    spans = [{"kind": "event", "id": "e1", "anchor": "e-e1-0", "char_start": 0, "char_end": 50, "label": "AID",
              "quad": "material_coop"},
             {"kind": "claim", "id": "c1", "anchor": "c-c1", "char_start": 19, "char_end": 30, "label": "aid",
              "quad": None},
             {"kind": "claim", "id": "c2", "anchor": "c-c2", "char_start": 56, "char_end": 999, "label": "x"}]
    pieces = segments(text, spans)
    assert "".join(p["text"] for p in pieces) == text
    by_text = {p["text"]: p for p in pieces}
    assert by_text["$40 million"]["kinds"] == ["claim", "event"] and by_text["$40 million"]["anchors"] == ["c-c1"]
    assert by_text["Kenya will provide "]["anchors"] == ["e-e1-0"] and by_text["Kenya will provide "]["quad"]
    assert by_text[" in aid to Ethiopia."]["kinds"] == ["event"]
    assert by_text["more."]["kinds"] == ["claim"]  # clipped to the text's end
    assert segments("", spans) == [] or "".join(p["text"] for p in segments("", spans)) == ""


def test_ticks_cover_the_range():
    for lo, hi in ((0, 62e9), (0, 1), (0, 7), (-3, 48.5), (0, 123456)):
        t = nice_ticks(lo, hi)
        assert t[0] <= lo and t[-1] >= hi and len(t) <= 8


def _claim(cid, doc, value, as_of, usd=None, unit="USD"):
    return Claim(claim_id=cid, doc_id=doc, metric="trade", subject="CHL", object="PER", value=value, unit=unit,
                 as_of=as_of, value_usd=usd)


def test_chart_places_every_dated_point_inside_the_plot():
    claims = [_claim("c1", "d1", 5.6e9, "2020", 5.6e9), _claim("c2", "d1", 6.1e9, "2021-06", 6.1e9),
              _claim("c3", "d2", 4.9e9, "2019-03", 4.9e9), _claim("c4", "d2", 1e9, None, 1e9)]
    meta = {"d1": ("Lima Post", "/srv/a.txt", None, None, None), "d2": ("Santiago Daily", "/srv/b.txt", None, None, None)}
    ch = metric_chart("trade", "flow", claims, {"c2": "value"}, meta, {"c1": "/documents/d1#c-c1"})
    assert ch["n_points"] == 3 and ch["n_conflicts"] == 1 and ch["unit"] == "USD"
    for m in ch["marks"]:
        assert ch["left"] <= m["x"] <= ch["right"] and ch["top"] <= m["y"] <= ch["bottom"]
    by_id = {m["claim_id"]: m for m in ch["marks"]}
    assert by_id["c2"]["y"] < by_id["c1"]["y"] and by_id["c1"]["link"] == "/documents/d1#c-c1"
    assert len(ch["lines"]) == 1          # d1's two figures of one measure; d2 has one dated figure
    assert [s["name"] for s in ch["legend"]] == ["Lima Post", "Santiago Daily"]
    assert metric_chart("trade", "flow", [_claim("c9", "d1", 1.0, None)], {}, {}, {}) is None
