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


def _gold_sets():
    """tools/gold_sets.py, which knows the gold sets and ingests them as the gate scores them."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("gold_sets", HERE.parent / "tools" / "gold_sets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def gold_sets():
    return _gold_sets()


@pytest.fixture(scope="session")
def gold_exports(tmp_path_factory, gold_sets):
    """Each gold set (seeds, sample, real-dev, the news gold) ingested and exported once: name -> export folder.

    Under CI ../shared stands beside the checkout; without it the tests that need it fail, they do not skip."""
    missing = [str(p) for p in (gold_sets.SHARED / "seeds", gold_sets.SHARED / "real-dev", gold_sets.SHARED / "eval",
                                gold_sets.CORPORA) if not p.exists()]
    assert not missing, f"../shared is missing beside the checkout: {missing}"
    folder = tmp_path_factory.mktemp("gold")
    return {name: gold_sets.export_set(name, folder) for name in gold_sets.SETS}
