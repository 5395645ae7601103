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


def _fig(cid, doc, value, as_of, kind="flow", fine=None, qualifier="exact", low=None, high=None, metric="oda"):
    return Claim(claim_id=cid, doc_id=doc, metric=metric, subject="DEU", object="NAM", value=value, unit="USD",
                 value_usd=value, as_of=as_of, period_kind=kind, fine_metric=fine, qualifier=qualifier,
                 low=low, high=high)


def test_chart_lines_join_only_one_measure_and_kinds_get_their_own_chart():
    from bilateral.web.chart import metric_charts
    claims = [_fig("loan", "d1", 2.0e8, "1999", fine="oda_loans"),
              _fig("demining", "d1", 3.0e6, "2025", fine="oda_grants"),
              _fig("total", "d1", 1.5e9, "2020", kind="cumulative"),
              _fig("total2", "d1", 1.6e9, "2022", kind="cumulative"),
              _fig("loan2", "d1", 2.5e8, "2003", fine="oda_loans")]
    charts = {ch["kind"]: ch for ch in metric_charts(claims, {}, {}, {})}
    assert set(charts) == {"flow", "cumulative"}
    flow = charts["flow"]
    assert {m["claim_id"] for m in flow["marks"]} == {"loan", "loan2", "demining"}
    assert len(flow["lines"]) == 1 and flow["lines"][0]["path"].count(",") == 2   # the two loans only
    assert len(charts["cumulative"]["lines"]) == 1


def test_only_the_charts_with_most_points_are_drawn_the_others_are_counted():
    from bilateral.web.chart import metric_charts
    claims = [_fig(f"t{i}", "d1", 1e6 * (i + 1), f"{2000 + i}", metric="trade") for i in range(3)] + [
        _fig("a1", "d2", 5e6, "2001", metric="aid"), _fig("a2", "d2", 6e6, "2002", metric="aid"),
        _fig("i1", "d3", 7e6, "2003", metric="investment")]
    charts = metric_charts(claims, {}, {}, {}, draw=2)
    assert [(ch["metric"], ch["drawn"], ch["n_points"]) for ch in charts] == [
        ("aid", True, 2), ("investment", False, 1), ("trade", True, 3)]
    assert "marks" in charts[0] and "marks" not in charts[1]
    assert [ch["drawn"] for ch in metric_charts(claims, {}, {}, {})] == [True, True, True]


def test_bounds_are_drawn_as_bounds_and_ranges_as_whiskers():
    from bilateral.web.chart import metric_chart
    claims = [_fig("more", "d1", 5e8, "2010", qualifier="more_than"),
              _fig("most", "d2", 4e8, "2011", qualifier="at_most"),
              _fig("about", "d2", 3e8, "2012", qualifier="approximate"),
              _fig("range", "d3", 3.5e8, "2013", low=3e8, high=4e8)]
    ch = metric_chart("oda", "flow", claims, {}, {}, {})
    shape = {m["claim_id"]: m["shape"] for m in ch["marks"]}
    assert shape == {"more": "lower", "most": "upper", "about": "approx", "range": "exact"}
    rng = next(m for m in ch["marks"] if m["claim_id"] == "range")
    assert rng["y_hi"] < rng["y"] < rng["y_lo"]
    assert "more than" in next(m for m in ch["marks"] if m["claim_id"] == "more")["label"]


def test_many_points_are_aggregated_by_year_and_the_legend_is_capped():
    from bilateral.web.chart import AGGREGATE_ABOVE, MAX_LEGEND, metric_chart
    claims = [_fig(f"c{i}", f"d{i % 30}", 1e6 * (i + 1), f"{2000 + i % 12}") for i in range(AGGREGATE_ABOVE + 30)]
    meta = {f"d{i}": (f"Story {i}", f"/srv/{i}.txt", None, None, f"Outlet {i % 12}") for i in range(30)}
    ch = metric_chart("oda", "flow", claims, {}, meta, {}, lambda m, y: f"/claims?metric={m}&from={y}&to={y}")
    assert ch["aggregated"] and ch["lines"] == []
    assert len(ch["marks"]) <= 12 * 12 and sum(m["n"] for m in ch["marks"]) == len(claims)
    assert all(m["link"].startswith("/claims?metric=oda&from=") for m in ch["marks"])
    assert len(ch["legend"]) == MAX_LEGEND + 1 and ch["legend"][-1]["name"] == "4 other sources"


def test_untitled_documents_are_named_by_their_file_not_their_folders():
    from bilateral.web.records import shown_title
    assert shown_title(None, "/home/analyst/secret/projects/namibia_aid.txt", "d_1") == "namibia_aid.txt"
    assert shown_title("  ", "C:\\Users\\x\\notes.md", "d_1") == "notes.md"
    assert shown_title(None, "/srv/feeds/dump.jsonl#L12", "d_1") == "dump.jsonl#L12"
    assert shown_title(None, "https://news.example/2020/05/story.html?x=1", "d_1") == "story.html"
    assert shown_title("A title", "/srv/a.txt", "d_1") == "A title"
    assert shown_title(None, None, "d_1") == "d_1"


def test_control_and_bidi_characters_are_neutralised_one_for_one():
    from bilateral.web.safe_text import neutralise
    for bad in ("\u202e", "\u202d", "\u2066", "\u2069", "\x00", "\x1b", "\x7f", "\x85"):
        assert neutralise(f"a{bad}b") == "a\ufffdb"
    assert neutralise("line\nnext\ttab") == "line\nnext\ttab"
    assert neutralise("עברית \u200f") == "עברית \u200f" and neutralise(5) == 5


def test_csv_cells_that_would_run_as_formulas_become_text():
    from bilateral.web.paging import csv_cell
    for bad in ("=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "＝1"):
        assert csv_cell(bad) == "'" + bad
    assert csv_cell("Namibia") == "Namibia" and csv_cell(-5) == -5 and csv_cell(None) is None
