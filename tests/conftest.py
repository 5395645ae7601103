"""Shared fixtures: one store built from the test corpus, reused by the read-only tests."""
from __future__ import annotations

from pathlib import Path

import pytest

import bilateral

HERE = Path(__file__).parent
CORPUS = HERE / "docs" / "corpus"
SHARED = HERE.parent.parent / "shared"


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    """The end-to-end test documents (four pairs) ingested once into a store."""
    path = tmp_path_factory.mktemp("store") / "corpus.duckdb"
    with bilateral.open(path) as corpus:
        report = corpus.ingest([str(CORPUS)])
    return path, report
