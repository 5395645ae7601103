"""Fixtures of the format tests: a store of the seeds (the GDELT rows the tests write are in gdelt_rows.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

import bilateral

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory):
    """The seed documents ingested once (they need ../shared, which CI has)."""
    seeds = SHARED / "seeds"
    assert seeds.is_dir(), f"{seeds} is missing: ../shared must stand beside the checkout"
    path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    with bilateral.open(path) as corpus:
        report = corpus.ingest([str(seeds)])
    assert report.new == 5 and not report.errors
    return path
