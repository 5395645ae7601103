"""A store of the documents written for the ask tests (Norway–Mozambique, Turkey–Somalia), built once."""
from __future__ import annotations

from pathlib import Path

import pytest

import bilateral

DOCS = Path(__file__).parent / "docs"
SAMPLE = Path(__file__).resolve().parents[2] / "src" / "bilateral" / "data" / "sample"


@pytest.fixture(scope="session")
def ask_corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("ask") / "ask.duckdb"
    with bilateral.open(path) as corpus:
        corpus.ingest([str(DOCS)])
    corpus = bilateral.open(path, read_only=True)
    yield corpus
    corpus.close()


@pytest.fixture(scope="session")
def sample_corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("ask_sample") / "sample.duckdb"
    with bilateral.open(path) as corpus:
        corpus.ingest(sorted(str(p) for p in SAMPLE.iterdir() if p.suffix in (".txt", ".html", ".jsonl")))
    corpus = bilateral.open(path, read_only=True)
    yield corpus
    corpus.close()
