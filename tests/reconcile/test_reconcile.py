"""Reconciling the store in bounded chunks decides exactly what one pass over everything decides."""
from __future__ import annotations

from pathlib import Path

import bilateral
from bilateral import reconcile as rec
from bilateral.options import Options
from bilateral.reconcile import _chunks

CORPUS = Path(__file__).resolve().parents[1] / "docs" / "corpus"


def test_chunks_hold_at_most_so_many_pairs_and_rows():
    sizes = {"A": 3, "B": 3, "C": 9, "D": 1, "E": 1, "F": 1}
    assert _chunks(list("ABCDEF"), sizes, most=2, rows=5) == [["A"], ["B"], ["C"], ["D", "E"], ["F"]]
    assert _chunks(list("ABCDEF"), sizes, most=10, rows=100) == [list("ABCDEF")]


def test_small_chunks_change_nothing(tmp_path):
    def record(path, rows, pairs):
        with bilateral.open(str(path)) as corpus:
            corpus.ingest([str(CORPUS)])
            rec.reconcile(corpus.store, options=Options(chunk_rows=rows, pair_chunk=pairs))
            store = corpus.store
            return ([e.to_dict() for e in store.events()], [c.to_dict() for c in store.conflicts()])
    whole = record(tmp_path / "whole.duckdb", 10**6, 10**6)
    small = record(tmp_path / "small.duckdb", 2, 1)
    assert whole == small and whole[0]
