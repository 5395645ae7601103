"""The Python API over a real store: ingest, listings, DataFrames, idempotence, bad input."""
from __future__ import annotations

import json

import pytest

import bilateral
from bilateral.errors import UnknownCountry


def test_public_names_are_what_they_should_be():
    assert sorted(bilateral.__all__) == sorted([
        "Actor", "ActorMention", "Analysis", "Claim", "Conflict", "Corpus", "Document", "Event", "Mention",
        "Quantity", "RawDocument", "Results", "Timex", "open", "__version__"])
    for name in bilateral.__all__:
        assert hasattr(bilateral, name)


def test_ingest_reports_and_dedupes_the_copy(corpus_store):
    _, report = corpus_store
    # five files; the copy with extra whitespace and boilerplate cleans to a stored text
    assert report.read == 5
    assert report.new == 4 and report.known == 1
    assert report.errors == []


def test_timeline_accepts_names_and_codes(corpus_store):
    path, _ = corpus_store
    with bilateral.open(path, read_only=True) as corpus:
        by_name = corpus.timeline(pair=("Brazil", "Argentina"))
        by_code = corpus.timeline(pair=("ARG", "BRA"))
        assert [e.event_id for e in by_name] == [e.event_id for e in by_code]
        assert by_name, "the Brazil–Argentina article reports dated events"
        dates = [e.date for e in by_name]
        assert dates == sorted(dates)
        assert "2023-01-23" in dates        # the presidents met "on Monday" in an article of 24 January 2023
        for e in by_name:
            assert {e.source.code, e.target.code} == {"BRA", "ARG"}
            assert e.mentions and all(m.sentence for m in e.mentions)
        with pytest.raises(UnknownCountry):
            corpus.timeline(pair=("Brazil", "Atlantis"))


def test_results_convert_to_pandas(corpus_store):
    path, _ = corpus_store
    with bilateral.open(path, read_only=True) as corpus:
        frame = corpus.claims(pair=("CAN", "MEX")).to_pandas()
        assert {"metric", "value", "unit", "qualifier", "as_of"} <= set(frame.columns)
        assert len(frame) >= 3
        docs = corpus.documents().to_pandas()
        assert "text" not in docs.columns and len(docs) == 4


def test_claims_keep_currency_qualifier_and_period(corpus_store):
    path, _ = corpus_store
    with bilateral.open(path, read_only=True) as corpus:
        by_metric = {c.metric: c for c in corpus.claims(pair=("Mexico", "Canada"))}
        trade = by_metric["trade"]
        assert (trade.value, trade.unit, trade.qualifier, trade.period_start) == (44e9, "CAD", "approximate", "2018")
        assert trade.value_usd and 25e9 < trade.value_usd < 40e9
        fdi = by_metric["fdi"]
        assert (fdi.subject, fdi.object, fdi.period_kind, fdi.period_start) == ("CAN", "MEX", "cumulative", "1994")


def test_reingest_changes_nothing(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Seoul and Hanoi sign a deal\n\nHANOI, 4 March 2020 (Wire) – South Korea and Vietnam "
                   "signed a trade agreement in Hanoi on Tuesday. Korean investment reached $2.1 billion "
                   "in 2019.\n", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    with bilateral.open(db) as corpus:
        first = corpus.ingest([str(tmp_path / "*.txt")])
        before = corpus.store.counts()
        corpus.export(tmp_path / "out1")
        second = corpus.ingest([str(doc)])
        assert (first.new, second.new, second.known) == (1, 0, 1)
        assert corpus.store.counts() == before
        corpus.export(tmp_path / "out2")
    for name in ("documents", "events", "claims", "conflicts"):
        assert (tmp_path / "out1" / f"{name}.jsonl").read_text() == (tmp_path / "out2" / f"{name}.jsonl").read_text()


def test_bad_input_is_reported_and_loses_nothing(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Paris and Dakar agree\n\nDAKAR, 2 May 2021 (Wire) – France and Senegal signed a defence "
                    "agreement on Sunday.\n", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    with bilateral.open(db) as corpus:
        corpus.ingest([str(good)])
        stored = corpus.store.counts()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (bad / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (bad / "empty.md").write_text("   \n", encoding="utf-8")
    (bad / "lines.jsonl").write_text(json.dumps({"text": "India and Bangladesh opened a rail link in 2021.",
                                                 "url": "https://example.org/rail"}) + "\n{not json\n",
                                     encoding="utf-8")
    with bilateral.open(db) as corpus:
        report = corpus.ingest([str(bad), str(tmp_path / "missing.txt")])
        codes = sorted(e.code for e in report.errors)
        assert codes == ["binary", "empty", "jsonl", "missing"]
        assert all(e.path and e.reason for e in report.errors)
        assert any("lines.jsonl" in e.path and "2" in e.reason for e in report.errors if e.code == "jsonl")
        # a legacy encoding is read with a warning naming the first byte that is not UTF-8
        (warning,) = report.warnings
        assert warning.code == "encoding" and "latin1.txt" in warning.path and "0xe9" in warning.reason
        assert report.new == 2        # the good JSONL line and the legacy file still come through
        after = corpus.store.counts()
        assert after["documents"] == stored["documents"] + 2
        assert corpus.store.has_document(bilateral.model.text_id(corpus.documents()[0].text))
