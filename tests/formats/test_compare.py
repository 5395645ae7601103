"""The record beside an external dataset: counterparts within a window, date differences, retrospectives."""
from __future__ import annotations

import shutil

import bilateral
from bilateral.formats.compare import compare, rows
from bilateral.model import Actor, Event, ExternalEvent, Mention

from .gdelt_rows import gdelt_event


def _own(event_id, date, event_type, cameo, doc="d1", a="DEU", b="NAM"):
    return Event(event_id, Actor(a, a), Actor(b, b), event_type, date=date, cameo=cameo,
                 mentions=[Mention(doc, f"sentence of {event_id}", 0, 10)])


def _ext(native_id, date, event_type, cameo=None, url=None, a="DEU", b="NAM"):
    return ExternalEvent("gdelt", native_id, date, Actor(a, a), Actor(b, b), cameo=cameo, event_type=event_type,
                         url=url)


def test_counterparts_need_the_pair_family_and_a_date_within_the_window():
    own = [_own("e1", "2019-05-10", "SUPPORT", "057"), _own("e2", "2019-06", "AID", "071"),
           _own("e3", "2019-09-01", "CONSULT", "042")]
    ext = [_ext("g1", "2019-05-17", "AGREE", "030"),      # 7 days: AGREE and SUPPORT are one family
           _ext("g2", "2019-07-08", "AID", "071"),        # 8 days after June's last day: outside
           _ext("g3", "2019-09-02", "SANCTION", "163"),   # a day apart, another family
           _ext("g4", "2019-09-03", None, "010")]         # a statement: no PLOVER category
    c = compare("DEU|NAM", "gdelt", own, ext, {}, window=7)
    assert [(k.kind, k.event_id, k.external_id, k.days_apart) for k in c.counterparts] == [("match", "e1", "g1", 7)]
    assert c.own_only == ["e2", "e3"] and c.external_only == ["g2", "g3"] and c.uncategorised == 1
    assert (c.start, c.end) == ("2019-05-17", "2019-09-03")   # the period the external events span
    # the same CAMEO code goes before a nearer date; a month's date matches a day inside it
    own = [_own("m1", "2020-03", "SUPPORT", "054"), _own("m2", "2020-03-04", "SUPPORT", "057")]
    c = compare("DEU|NAM", "gdelt", own, [_ext("g5", "2020-03-05", "SUPPORT", "054")], {}, window=7)
    assert [(k.event_id, k.days_apart) for k in c.counterparts] == [("m1", 0)]


def test_an_old_event_cited_by_a_report_of_the_external_date_is_retrospective():
    own = [_own("old", "1990-03-21", "SUPPORT", "054", doc="anniversary"), _own("new", "2015-03-20", "AID", "070")]
    documents = {"anniversary": ("Twenty-five years of relations", "https://news.example/25", "2015-03-21")}
    by_date = compare("DEU|NAM", "gdelt", own, [_ext("g1", "2015-03-21", "SUPPORT", "054")], documents)
    by_url = compare("DEU|NAM", "gdelt", own, [_ext("g2", "2015-06-01", "SUPPORT", "054",
                                                    url="https://news.example/25")], documents)
    for c, ext_id in ((by_date, "g1"), (by_url, "g2")):
        (k,) = c.counterparts
        assert (k.kind, k.event_id, k.external_id, k.own_date) == ("retrospective", "old", ext_id, "1990-03-21")
        assert "Twenty-five years of relations" in k.explanation and "1990-03-21" in k.explanation
    assert by_date.counterparts[0].days_apart == 9131 and "25.0 years" in by_date.counterparts[0].explanation
    # the old event is listed with the comparison although it lies before the period
    assert {r.id for r in by_date.own} == {"old", "new"}
    # without a citing report near the external date there is no retrospective, only an external event
    c = compare("DEU|NAM", "gdelt", own, [_ext("g3", "2017-01-01", "SUPPORT", "054")], documents)
    assert c.counterparts == [] and c.external_only == ["g3"]


def test_compare_on_the_seeds_shows_gdelt_dating_a_recalled_event_by_its_article(seeds_store, tmp_path):
    db = tmp_path / "cmp.duckdb"
    shutil.copy(seeds_store, db)
    fixture = tmp_path / "20140703.export.CSV"
    # an article of 3 July 2014 on the pair's ties: it recalls relations established in 1953 (GDELT
    # codes that as an event of the article's day) and reports a visit of that month; another day a
    # protest the record does not hold, and a statement (CAMEO 01, no PLOVER category)
    fixture.write_text("\n".join([
        gdelt_event(410001, "20140703", "JPN", "KHM", "054", "https://news.example/consolidate-ties"),
        gdelt_event(410002, "20140703", "JPN", "KHM", "042", "https://news.example/consolidate-ties"),
        gdelt_event(410003, "20160510", "KHM", "JPN", "141", "https://news.example/protest"),
        gdelt_event(410004, "20150110", "JPN", "KHM", "010", "https://news.example/statement")]) + "\n",
        encoding="utf-8")
    with bilateral.open(db) as corpus:
        assert corpus.import_events("gdelt", [str(fixture)]).stored == 4
        c = corpus.compare(("Japan", "Cambodia"), "gdelt")
        established = next(e for e in corpus.events(("JPN", "KHM")) if e.cameo == "054" and e.date == "1953-01")
        visit = next(e for e in corpus.events(("JPN", "KHM")) if e.cameo == "042" and e.date == "2014-07")
        report = next(d for d in corpus.documents() if d.published == "2014-07-03")
    kinds = {k.external_id: k for k in c.counterparts}
    retro = kinds["410001"]
    assert (retro.kind, retro.event_id, retro.own_date, retro.external_date) == (
        "retrospective", established.event_id, "1953-01", "2014-07-03")
    assert retro.days_apart == 22463 and "61.5 years" in retro.explanation
    assert report.title in retro.explanation
    assert any(m.doc_id == report.doc_id for m in established.mentions)
    match = kinds["410002"]
    assert (match.kind, match.event_id, match.days_apart) == ("match", visit.event_id, 0)
    assert c.external_only == ["410003"] and c.uncategorised == 1
    assert c.own_only and all(i not in (established.event_id, visit.event_id) for i in c.own_only)
    table = rows(c)
    assert table[0]["kind"] == "retrospective" and table[0]["own_date"] == "1953-01"
    assert {r["kind"] for r in table} == {"retrospective", "match", "own only", "gdelt only"}
