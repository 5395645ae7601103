"""Stores of the documents written for the ask tests (docs/: Norway–Mozambique, Turkey–Somalia and more;
docs_news/: Argentina–Brazil), and of the sample corpus, each built once."""
from __future__ import annotations

from pathlib import Path

import pytest

import bilateral

DOCS = Path(__file__).parent / "docs"
SAMPLE = Path(__file__).resolve().parents[2] / "src" / "bilateral" / "data" / "sample"


def read_only_store(tmp_path_factory, name: str, paths: list):
    """A store of `paths` built once, then opened read-only as a user's questions would meet it."""
    path = tmp_path_factory.mktemp(name) / f"{name}.duckdb"
    with bilateral.open(path) as corpus:
        corpus.ingest(paths)
    return bilateral.open(path, read_only=True)


@pytest.fixture(scope="session")
def ask_corpus(tmp_path_factory):
    corpus = read_only_store(tmp_path_factory, "ask", [str(DOCS)])
    yield corpus
    corpus.close()


@pytest.fixture(scope="session")
def sample_corpus(tmp_path_factory):
    corpus = read_only_store(tmp_path_factory, "ask_sample",
                             sorted(str(p) for p in SAMPLE.iterdir() if p.suffix in (".txt", ".html", ".jsonl")))
    yield corpus
    corpus.close()


@pytest.fixture(scope="session")
def news(tmp_path_factory):
    corpus = read_only_store(tmp_path_factory, "ask_news", [str(DOCS.parent / "docs_news")])
    yield corpus
    corpus.close()
