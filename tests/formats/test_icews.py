"""ICEWS coded event files: read by ICEWS's column names; the record written in them and read back the same."""
from __future__ import annotations

import shutil
from collections import Counter

import bilateral
from bilateral.formats import icews
from bilateral.formats.lines import BadRow

# An ICEWS file as the Dataverse release writes it: ICEWS's 20 columns, names for countries and sectors.
HEADER = ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
          "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
          "Province\tCountry\tLatitude\tLongitude")
ROWS = [
    "926685\t1995-01-01\tBoris Yeltsin\tElite,Executive,Executive Office,Government\tRussian Federation\t"
    "Make an appeal or request\t020\t3.0\tSevastopol\t\tUkraine\t28235806\t5\tThe Toronto Star\tMoskva\t\t"
    "Moskva\tRussian Federation\t55.7522\t37.6156",
    "926687\t1995-01-01\tUnited Nations\tInternational Government Organization\t\tExpress intent to meet or "
    "negotiate\t036\t4.0\tSouth Korea\t\tSouth Korea\t28235823\t2\tAgence France-Presse\t\t\t\t\t\t",
    "926688\t1995-01-02\tPolice (Kenya)\tPolice\tKenya\tArrest, detain, or charge with legal action\t173\t-5.0\t"
    "Citizen (Kenya)\tGeneral Population / Civilian / Social\tKenya\t28235900\t1\tXinhua\t\t\t\t\t\t",
    "926689\t1995-13-02\tKenya\t\tKenya\tConsult\t040\t1.0\tUganda\t\tUganda\t28235901\t1\tXinhua\t\t\t\t\t\t",
    "926690\t1995-01-02\tKenya\t\tKenya\tConsult\tabc\t1.0\tUganda\t\tUganda\t28235901\t1\tXinhua\t\t\t\t\t\t",
]


def test_an_icews_file_reads_country_and_sector_names_as_codes(tmp_path):
    path = tmp_path / "events.1995.tab"
    path.write_text(HEADER + "\n" + "\n".join(ROWS) + "\n", encoding="utf-8")
    items = list(icews.read(str(path)))
    events = [x for x in items if not isinstance(x, BadRow)]
    bad = [x for x in items if isinstance(x, BadRow)]
    a, b, c = events
    assert (a.native_id, a.date, a.source.code, a.source.name, a.target.code) == (
        "926685", "1995-01-01", "RUS", "Boris Yeltsin", "UKR")
    assert (a.cameo, a.event_type, a.goldstein, a.story_id, a.sentence_number, a.publisher) == (
        "020", "REQUEST", 3.0, "28235806", 5, "The Toronto Star")
    assert a.source.sector == "CVL"        # ICEWS's first sector, "Elite", is a civilian sector in CAMEO
    assert (b.source.code, b.source.sector, b.target.code, b.event_type) == ("UN", "IGO", "KOR", "AGREE")
    assert (c.source.sector, c.target.sector, c.event_type, c.mode) == ("COP", "CVL", "COERCE", "arrest")
    assert [(x.line, x.reason) for x in bad] == [(5, "Event Date '1995-13-02' is not a date"),
                                                 (6, "CAMEO Code 'abc' is not a CAMEO event code")]


def test_a_file_without_icews_columns_is_refused_naming_what_lacks(tmp_path):
    path = tmp_path / "other.tsv"
    path.write_text("id\tdate\n1\t2020-01-01\n", encoding="utf-8")
    with bilateral.open(tmp_path / "x.duckdb") as corpus:
        r = corpus.import_events("icews", [str(path)])
    assert r.stored == 0 and "not an ICEWS file" in r.errors[0] and "'Event ID'" in r.errors[0]


def test_sentence_numbers_count_sentences_before_the_passage():
    text = "Title line\nFirst sentence here. Second one! Third? \u201cFourth.\u201d Fifth"
    starts = icews.sentence_starts(text)
    import bisect
    numbers = [bisect.bisect_right(starts, text.index(s)) + 1 for s in ("Title", "First", "Second", "Third",
                                                                       "\u201cFourth", "Fifth")]
    assert numbers == [1, 2, 3, 4, 5, 6]


def test_the_record_exported_as_icews_reads_back_as_the_same_events(seeds_store, tmp_path):
    db = tmp_path / "rt.duckdb"
    shutil.copy(seeds_store, db)
    with bilateral.open(db) as corpus:
        written = corpus.export(tmp_path / "out", "icews")
        own = [e for e in corpus.events() if e.date and e.modality == "asserted"]
        events = corpus.events()
        not_done = Counter(f"{e.modality}, not done" for e in events if e.date and e.modality != "asserted")
        assert written.left_out == {"undated": sum(1 for e in events if not e.date), **not_done}
        assert not_done   # the seeds hold acts announced or refused: the export says it left them out
        header = written[0].read_text(encoding="utf-8").splitlines()[0].split("\t")
        assert header == list(icews.COLUMNS + icews.ADDED)
        report = corpus.import_events("icews", [str(written[0])])
        assert report.bad_rows == 0 and report.stored == sum(len(e.mentions) for e in own)
        rows = corpus.external_events("icews")
        stories = {d.doc_id: i for i, d in enumerate(corpus.documents(), 1)}
        texts = {d.doc_id: d.text for d in corpus.documents()}
        from bilateral.nlp.gazetteer import Gazetteer
        names = Gazetteer.load().names
    by_id: dict = {}
    for x in rows:
        by_id.setdefault(x.native_id, []).append(x)
    assert len(by_id) == len(own)             # one Event ID an event; its mentions share it
    numbers: dict = {}
    for n, e in enumerate(own, 1):
        got = by_id[str(n)]
        assert len(got) == len(e.mentions)
        for x, m in zip(got, e.mentions):
            assert (x.date, x.source.code, x.target.code, x.cameo, x.event_type, x.goldstein) == (
                e.date, e.source.code, e.target.code, e.cameo, e.event_type, e.goldstein)
            assert (x.source.sector, x.target.sector) == (e.source.sector, e.target.sector)
            # an actor keeps its own words; a body that is no country (the UN) comes back by its name
            for got_actor, actor in ((x.source, e.source), (x.target, e.target)):
                assert got_actor.name in (actor.name, names.get(actor.code))
            assert (x.text, x.story_id) == (m.sentence, str(stories[m.doc_id]))
            # the sentence number counts the sentences of its document up to the passage
            before = texts[m.doc_id][:m.char_start]
            assert x.sentence_number == 1 if not before.strip() else x.sentence_number > 1
            numbers.setdefault(m.doc_id, []).append((m.char_start, x.sentence_number))
    for pairs in numbers.values():
        ordered = [n for _, n in sorted(pairs)]
        assert ordered == sorted(ordered)
