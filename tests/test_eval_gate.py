"""The evaluation gate: every gold set scored against its gold, each measure above its pinned floor.

Floors, and checksums of every document and gold file a score rests on, live in tests/gate.json.
Floors only ever go up; a changed gold or input file fails here until its checksum is renewed on
purpose (`tools/gold_sets.py --checksums`). Without ../shared the gate fails; it never skips.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GATE = json.loads((ROOT / "tests" / "gate.json").read_text())


def score(export: Path, gold: Path, scorer: Path) -> dict:
    out = subprocess.run([sys.executable, str(scorer), "--export", str(export), "--gold", str(gold)],
                         capture_output=True, text=True, timeout=300, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", sorted(GATE["sets"]))
def test_inputs_and_gold_are_the_files_the_floors_were_set_on(name):
    pinned = GATE["sets"][name]["checksums"]
    assert pinned, f"no checksums pinned for {name}"
    changed = {f for f, digest in pinned.items()
               if not (ROOT / f).exists() or hashlib.sha256((ROOT / f).read_bytes()).hexdigest() != digest}
    assert not changed, f"{name}: missing or changed since the floors were set: {sorted(changed)}"


@pytest.mark.parametrize("name", sorted(GATE["sets"]))
def test_each_set_holds_its_floors(name, gold_exports, gold_sets):
    summary = score(gold_exports[name], gold_sets.GOLD[name], gold_sets.SHARED / "eval" / "score.py")
    gate = GATE["sets"][name]
    low = {k: (summary[k], v) for k, v in gate["floors"].items() if summary[k] < v}
    assert not low, f"{name} below the floor (got, floor): {low}"
    assert summary["false_conflicts"] <= gate["most_false_conflicts"]


def test_every_input_of_a_set_is_pinned(gold_sets):
    for name in GATE["sets"]:
        assert set(gold_sets.checksums(name)) == set(GATE["sets"][name]["checksums"]), name
