"""The compare chart's geometry: counterparts joined, a large import's unmatched events a circle a month."""
from __future__ import annotations

from bilateral.model import Comparison, Counterpart, EventRef
from bilateral.web.compare_chart import MAX_LONE, compare_chart, year_of


def test_counterparts_are_joined_and_many_unmatched_events_are_binned_by_month():
    own = [EventRef("e1", "2019-06-11", "AGREE", "057", "Sign formal agreement: DEU → NAM"),
           EventRef("e2", "1990-03", "SUPPORT", "054", "Grant diplomatic recognition: DEU → NAM")]
    lone = [EventRef(f"g{i}", f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}", "CONSULT", "040", "Consult: DEU → NAM",
                     "https://news.example/a") for i in range(MAX_LONE + 60)]
    ext = [EventRef("m1", "2019-06-11", "AGREE", "057", "x", "javascript:alert(1)"),
           EventRef("r1", "2015-03-21", "SUPPORT", "054", "y", "https://news.example/25")] + lone
    c = Comparison("DEU|NAM", "gdelt", "2015", "2019", 7, own=own, external=ext,
                   counterparts=[Counterpart("match", "e1", "m1", "2019-06-11", "2019-06-11", 0, "AGREE", "same"),
                                 Counterpart("retrospective", "e2", "r1", "1990-03", "2015-03-21", 9122, "SUPPORT",
                                             "recalled")],
                   external_only=[r.id for r in lone])
    chart = compare_chart(c)
    points = chart["points"]
    binned = [p for p in points if p["kind"] == "external only"]
    assert len(binned) == 12 and sum(int(p["title"].split()[0]) for p in binned) == len(lone)
    assert all(p["href"] is None and 3 < p["r"] <= 12 for p in binned)
    assert chart["counts"] == {"match": 1, "retrospective": 1, "own only": 0, "external only": len(lone)}
    assert [(link["kind"], link["dash"]) for link in chart["links"]] == [("match", None), ("retrospective", "5 4")]
    hrefs = {p["id"]: p["href"] for p in points}
    assert hrefs["e1"] == "/events/e1" and hrefs["m1"] is None and hrefs["r1"] == "https://news.example/25"
    assert chart["xticks"][0]["label"] <= "1990" and year_of("1990-03") < year_of("1990-04-01")
