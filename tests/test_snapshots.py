"""Exports of the seeds, the sample corpus and real-dev are byte-identical to the digests on file.

A refactor changes none of them; a change of the rules changes them on purpose, and
`tools/snapshot_exports.py --update` writes the new digests with it (the diff shows which sets moved).
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("snapshot_exports", ROOT / "tools" / "snapshot_exports.py")
snapshots = importlib.util.module_from_spec(spec)
spec.loader.exec_module(snapshots)


@pytest.mark.parametrize("name", list(snapshots.SETS))
def test_exports_match_their_digests(name, tmp_path):
    base, sources = snapshots.SETS[name]
    assert base.exists(), f"{base} is missing: ../shared must stand beside the checkout"
    got = snapshots.digests(name, tmp_path)
    assert got["documents"], f"nothing ingested from {base}"
    assert snapshots.compare(name, got) == []
