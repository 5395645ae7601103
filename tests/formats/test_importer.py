"""Importing event files into the store: in chunks, apart from the record, each file replacing its last import."""
from __future__ import annotations

import shutil

import pytest

import bilateral
from bilateral.errors import BilateralError
from bilateral.store_external import ExternalStore

from .gdelt_rows import gdelt_event


def _gdelt_file(path, ids, day="20200101"):
    path.write_text("".join(gdelt_event(i, day, "KOR", "VNM", "057") + "\n" for i in ids), encoding="utf-8")
    return path


def test_events_are_stored_in_chunks_apart_from_the_record(seeds_store, tmp_path):
    db = tmp_path / "s.duckdb"
    shutil.copy(seeds_store, db)
    with bilateral.open(db) as corpus:
        before = (corpus.store.counts(), [e.event_id for e in corpus.events()])
        seen = []
        report = corpus.import_events("gdelt", [str(_gdelt_file(tmp_path / "a.CSV", range(1, 8)))],
                                      progress=seen.append)
        assert (report.stored, report.bad_rows, report.errors) == (7, 0, [])
        assert sum(seen) == 7
        # the record's own events and counts are untouched: external events never merge into them
        assert (corpus.store.counts(), [e.event_id for e in corpus.events()]) == before
        assert [e.native_id for e in corpus.external_events("gdelt", pair=("KOR", "VNM"))] == [str(i) for i in range(1, 8)]
        assert corpus.external_events("icews") == [] and corpus.external_events("gdelt", pair=("JPN", "KHM")) == []


def test_chunking_reimport_and_a_failed_file_keep_what_was_stored(tmp_path, monkeypatch):
    from bilateral.formats import importer
    monkeypatch.setattr(importer, "RELEASE_EVERY", 1)          # reopen the store between chunks too
    with bilateral.open(tmp_path / "x.duckdb") as corpus:
        a = _gdelt_file(tmp_path / "a.CSV", range(1, 11))
        r = importer.import_files(corpus.store, "gdelt", [str(a)], chunk_rows=3)
        assert r.stored == 10 and len(corpus.external_events()) == 10
        # the same file again replaces its events (a changed file too): no duplicates
        _gdelt_file(a, range(1, 6))
        importer.import_files(corpus.store, "gdelt", [str(a)], chunk_rows=3)
        assert [e.native_id for e in corpus.external_events()] == ["1", "2", "3", "4", "5"]
        # a file that fails half way (a gzip cut short, after chunks were written) leaves the last good
        # import of it in place; so do a damaged zip and a missing file
        b = _gdelt_file(tmp_path / "b.CSV", range(100, 104))
        importer.import_files(corpus.store, "gdelt", [str(b)])
        import gzip
        import zipfile
        data = gzip.compress("".join(gdelt_event(i, "20200101", "KOR", "VNM", "057") + "\n"
                                     for i in range(200, 400)).encode())
        b.write_bytes(data[:len(data) * 2 // 3])
        with zipfile.ZipFile(tmp_path / "c.zip", "w") as z:
            z.writestr("c.CSV", "".join(gdelt_event(i, "20200101", "KOR", "VNM", "057") + "\n" for i in range(9)))
        (tmp_path / "c.zip").write_bytes((tmp_path / "c.zip").read_bytes()[:300])
        written = []
        r = importer.import_files(corpus.store, "gdelt", [str(b), str(tmp_path / "c.zip"), str(tmp_path / "missing.CSV")],
                                  chunk_rows=25, progress=written.append)
        assert sum(written) >= 100          # chunks of the cut file were stored before it failed
        assert [e.split(": ", 1)[1] for e in r.errors] == [
            r.errors[0].split(": ", 1)[1], "a damaged or truncated zip archive", "no such file"]
        assert r.errors[0].startswith(f"{b}: cannot read") and r.files == []
        assert [e.native_id for e in corpus.external_events()] == ["1", "2", "3", "4", "5", "100", "101", "102", "103"]
        assert sorted(f.rsplit("/", 1)[1] for _, f, *_ in ExternalStore(corpus.store).imports()) == ["a.CSV", "b.CSV"]


def test_a_file_of_nothing_but_bad_rows_is_refused_and_an_unknown_dataset_named(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("these are\nnot events\n", encoding="utf-8")
    with bilateral.open(tmp_path / "x.duckdb") as corpus:
        r = corpus.import_events("gdelt", [str(junk)])
        assert r.stored == 0 and r.bad_rows == 2 and "no row could be read as gdelt" in r.errors[0]
        assert [x.split(": ", 1)[0] for x in r.rows] == [f"{junk}:1", f"{junk}:2"]
        assert ExternalStore(corpus.store).imports() == []
        with pytest.raises(BilateralError, match="unknown dataset 'acled'"):
            corpus.import_events("acled", [str(junk)])


def test_a_store_read_only_from_before_the_external_tables_reads_none(tmp_path):
    import duckdb
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE documents (doc_id VARCHAR)")
    con.close()
    from bilateral.store import Store
    s = Store(path, read_only=True)
    x = ExternalStore(s)
    assert x.events() == [] and x.imports() == [] and x.datasets("A|B") == []
    s.close()
