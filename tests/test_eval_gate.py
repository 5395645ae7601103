"""The evaluation gate: the seeds against the visible gold, the sample corpus against the project's gold.

Floors are pinned a little under what the project reaches; they only ever go up.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import bilateral

ROOT = Path(__file__).parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"

SEED_FLOORS = {"published_acc": 1.0, "event_f1": 0.88, "claim_f1": 0.97, "claim_metric_acc": 0.95,
               "claim_direction_acc": 0.95, "claim_period_acc": 0.95, "merge_acc": 1.0, "conflict_r": 1.0}
SAMPLE_FLOORS = {"published_acc": 1.0, "event_f1": 0.90, "claim_f1": 0.95, "claim_metric_acc": 0.90,
                 "conflict_r": 0.80, "merge_acc": 0.70}


def score(sources: list, gold: Path, tmp_path: Path) -> dict:
    with bilateral.open(tmp_path / "gate.duckdb") as corpus:
        corpus.ingest([str(s) for s in sources])
        corpus.export(tmp_path / "export")
    out = subprocess.run([sys.executable, str(SCORER), "--export", str(tmp_path / "export"), "--gold", str(gold)],
                         capture_output=True, text=True, timeout=300, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not SCORER.exists(), reason="../shared is not beside the checkout")
def test_seeds_hold_their_floors(tmp_path):
    summary = score([SHARED / "seeds"], SHARED / "gold", tmp_path)
    low = {k: (summary[k], v) for k, v in SEED_FLOORS.items() if summary[k] < v}
    assert not low, f"below the floor (got, floor): {low}"
    assert summary["false_conflicts"] == 0


@pytest.mark.skipif(not SCORER.exists(), reason="the scorer in ../shared is not beside the checkout")
def test_sample_corpus_holds_its_floors(tmp_path):
    sample = ROOT / "src" / "bilateral" / "data" / "sample"
    summary = score([sample / f"*.{ext}" for ext in ("txt", "html", "jsonl")], ROOT / "tests" / "gold" / "sample",
                    tmp_path)
    low = {k: (summary[k], v) for k, v in SAMPLE_FLOORS.items() if summary[k] < v}
    assert not low, f"below the floor (got, floor): {low}"
    assert summary["false_conflicts"] == 0
