"""Exports of the seeds, the sample corpus and real-dev are byte-identical to the digests on file.

A refactor changes none of them; a change of the rules changes them on purpose, and
`tools/gold_sets.py --update` writes the new digests with it (the diff shows which sets moved).
"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("name", ["seeds", "sample", "real_dev", "news"])
def test_exports_match_their_digests(name, gold_exports, gold_sets):
    got = gold_sets.digest_export(gold_exports[name])
    assert got["documents"], f"nothing ingested for {name}"
    assert gold_sets.compare(name, got) == []
