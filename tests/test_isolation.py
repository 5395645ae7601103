"""One bad document is its own error: the rest of its batch is stored, and nothing stored is lost."""
from __future__ import annotations

import json

import pyarrow.parquet as pq

import bilateral
from bilateral.engine import IngestReport, _store
from bilateral.errors import InputError
from bilateral.model import Analysis, Document, text_id
from bilateral.options import Options
from bilateral.store import Store
from bilateral.work import analyze_batch

GOOD = "Germany and Namibia signed a development agreement in Windhoek on 3 May 2021."
OTHER = "France and Senegal signed a defence agreement in Dakar on 2 May 2021."


def _doc(text: str, path: str, **meta) -> Document:
    return Document(doc_id=text_id(text), source_path=path, text=text, n_chars_clean=len(text), **meta)


def test_a_document_that_fails_analysis_is_an_error_naming_it_and_its_batch_mates_come_out():
    # a publication date in the year 1 makes "last year" fall off the calendar
    bad = _doc("Germany and Namibia signed an agreement last year. Germany gave Namibia 5 million euros two "
               "weeks ago.", "bad.txt", published="0001-01-01")
    out = analyze_batch([_doc(GOOD, "a.txt"), bad, _doc(OTHER, "b.txt")])
    assert [type(x).__name__ for x in out] == ["Analysis", "InputError", "Analysis"]
    assert out[1].path == "bad.txt" and out[1].code == "analyze"
    assert out[1].reason.startswith("could not be analyzed: OverflowError")
    assert [len(a.events) for a in (out[0], out[2])] == [1, 1]


def test_a_document_past_spacys_length_limit_is_parsed_in_sections_beside_the_others(tmp_path):
    filler = ("x" * 999 + " ") * 10
    long_text = GOOD + "\n\n" + "\n\n".join([filler] * 110) + "\n\n" + OTHER.replace("Dakar", "Saint-Louis") + "\n"
    assert len(long_text) > 1_000_000
    (tmp_path / "long.txt").write_text(long_text)
    (tmp_path / "short.txt").write_text(OTHER + "\n")
    with bilateral.open(tmp_path / "x.duckdb") as corpus:
        report = corpus.ingest([str(tmp_path)])
        assert report.errors == [] and report.new == 2
        long_doc = next(d for d in corpus.documents() if d.source_path.endswith("long.txt"))
        spans = [(m.char_start, m.char_end, m.sentence) for e in corpus.events() for m in e.mentions
                 if m.doc_id == long_doc.doc_id]
        assert len(spans) == 2
        for start, end, sentence in spans:     # offsets point into the whole text
            assert long_doc.text[start:end].strip() == sentence
        assert any("Saint-Louis" in s for _, _, s in spans)


def test_a_document_the_store_cannot_hold_is_its_own_error_and_the_batch_lands(tmp_path):
    store = Store(tmp_path / "x.duckdb")
    try:
        analyses = [Analysis(document=_doc(GOOD, "a.txt")),
                    Analysis(document=_doc(OTHER, "bad.txt", title="T\ud800")),   # not storable as UTF-8
                    Analysis(document=_doc(GOOD + " Again.", "c.txt"))]
        report = IngestReport()
        stored = _store(store, analyses, "run:0", report)
        assert [a.document.source_path for a in stored] == ["a.txt", "c.txt"]
        (err,) = report.errors
        assert err.path == "bad.txt" and err.code == "store" and err.reason.startswith("could not be stored")
        assert store.counts()["documents"] == 2
        (batch,) = store.journal_pending()
        assert batch.state == "stored" and batch.doc_ids == [a.document.doc_id for a in stored]
    finally:
        store.close()


def test_hostile_figures_export_finite_numbers_in_every_format(tmp_path):
    text = ("Germany pledged " + "9" * 400 + " euros to Namibia in 2021. Germany gave Namibia 1e309 euros. "
            "Germany is the " + "9" * 25 + "th largest donor to Namibia. Germany cut its aid to Namibia by "
            "-5 million euros in 2022. Germany gave Namibia 10^400 dollars.\n")
    (tmp_path / "figures.txt").write_text(text)
    with bilateral.open(tmp_path / "x.duckdb") as corpus:
        assert corpus.ingest([str(tmp_path / "figures.txt")]).errors == []
        corpus.export(tmp_path / "jsonl", "jsonl")
        corpus.export(tmp_path / "parquet", "parquet")
        claims = corpus.claims()
    exported = (tmp_path / "jsonl" / "claims.jsonl").read_text()
    assert "Infinity" not in exported and "NaN" not in exported
    assert [c.value for c in claims] == [-5e6]
    assert pq.read_table(tmp_path / "parquet" / "claims.parquet").num_rows == 1


def test_a_worker_error_crosses_a_process_boundary_intact():
    import pickle
    err = pickle.loads(pickle.dumps(InputError("a.txt", "could not be parsed: E088", "analyze")))
    assert (err.path, err.reason, err.code) == ("a.txt", "could not be parsed: E088", "analyze")


def test_errors_and_warnings_are_in_the_json_report(tmp_path):
    (tmp_path / "lines.jsonl").write_text(json.dumps({"text": 5}) + "\n" +
                                          json.dumps({"text": OTHER, "url": 7}) + "\n")
    with bilateral.open(tmp_path / "x.duckdb", options=Options(batch_size=1)) as corpus:
        report = corpus.ingest([str(tmp_path / "lines.jsonl")]).to_dict()
    assert report["new"] == 1
    assert [e["reason"] for e in report["errors"]] == ["line 1: 'text' is a number, not a string"]
    assert [w["reason"] for w in report["warnings"]] == ["line 2: 'url' is a number, not a string: left out"]
