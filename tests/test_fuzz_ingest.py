"""Fuzzing `ingest` with folders of random files: every input is stored or is an error naming its file,
the store agrees with the report, and the export holds only finite numbers."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilateral

FUZZ = settings(deadline=None, derandomize=True, database=None, max_examples=60,
                suppress_health_check=[HealthCheck.too_slow])
WORDS = st.sampled_from(["Germany", "Namibia", "signed", "gave", "an", "agreement", "aid", "of", "-5", "1e309",
                         "9" * 40, "million", "euros", "in", "2021", "on", "3 May", ".", ",", "\n", "\n\n", "\t",
                         "\x07", "\ud800", "é", "largest", "donor", "\u2028", "\x00"])
TEXT = st.lists(WORDS, max_size=40).map(" ".join)
FILE = st.one_of(
    st.tuples(st.just(".txt"), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.tuples(st.just(".md"), st.binary(max_size=200)),
    st.tuples(st.just(".html"), TEXT.map(lambda t: f"<p>{t}</p>".encode("utf-8", "surrogatepass"))),
    st.tuples(st.just(".jsonl"), st.lists(st.dictionaries(st.sampled_from(["text", "url", "published", "title"]),
                                                          st.one_of(TEXT, st.integers(), st.none()), max_size=4),
                                          max_size=3).map(lambda rs: "\n".join(json.dumps(r) for r in rs).encode())),
)


@FUZZ
@given(files=st.lists(FILE, min_size=1, max_size=4))
def test_ingesting_random_files(files):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        for i, (suffix, data) in enumerate(files):
            (tmp / "in" / f"f{i}{suffix}").write_bytes(data)
        with bilateral.open(tmp / "x.duckdb") as corpus:
            report = corpus.ingest([str(tmp / "in")])
            assert all(e.path and e.reason and e.code for e in report.errors + report.warnings)
            counts = corpus.store.counts()
            assert counts["documents"] == report.new
            sources = {r[0] for r in corpus.store.con.execute("SELECT source_path FROM sources").fetchall()}
            said = {e.path for e in report.errors}
            for i, (suffix, _) in enumerate(files):   # every file is stored, known, or an error naming it
                if suffix != ".jsonl":
                    assert str(tmp / "in" / f"f{i}{suffix}") in sources | said
            corpus.export(tmp / "out", "jsonl")
        for name in ("documents", "events", "claims", "conflicts"):
            text = (tmp / "out" / f"{name}.jsonl").read_text(encoding="utf-8")
            assert "Infinity" not in text and "NaN" not in text
            for line in text.splitlines():
                json.loads(line)
