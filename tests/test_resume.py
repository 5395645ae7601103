"""Kill -9 an ingest at three points, run it again: the export is byte-identical to an uninterrupted run.

The ingest runs in a child process; this process watches the store as a reader (between the writer's
batches) and kills the child once the store shows the point wanted: before any batch is stored,
after two batches are stored, and in the middle of reconciliation (some batches stored, none yet
marked reconciled, merged events already written).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import bilateral
from bilateral.store import Store

HERE = Path(__file__).parent
INPUTS = [str(HERE / "docs" / "corpus"), str(HERE.parent / "src" / "bilateral" / "data" / "sample")]
# Small batches and one pair per reconciliation transaction: many points to stop at.
CHILD = ("import sys, bilateral; from bilateral.options import Options; "
         "c = bilateral.open(sys.argv[1], options=Options(batch_size=2, pair_chunk=1)); "
         "c.ingest(sys.argv[2:]); c.close()")


def _state(db: Path) -> dict:
    """What the store shows a reader now: batches per journal state, merged events."""
    store = Store(db, read_only=True, read_wait=60)
    try:
        return {"journal": store.journal_counts(), "events": store.counts()["events"]}
    finally:
        store.close()


def _run(db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(db), *INPUTS], stderr=subprocess.PIPE)


def _export(db: Path, out: Path) -> dict:
    with bilateral.open(db) as corpus:
        corpus.export(out, "jsonl")
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _kill_when(db: Path, point) -> dict:
    """Start the ingest, kill it -9 once `point(state)` holds; the state it was killed in."""
    child = _run(db)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            assert child.poll() is None, f"the ingest ended before the point: {child.stderr.read().decode()}"
            if db.exists():
                state = _state(db)
                if point(state):
                    os.kill(child.pid, signal.SIGKILL)
                    child.wait()
                    return state
            time.sleep(0.05)
        raise AssertionError("the point was never reached")
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("whole")
    child = _run(tmp / "x.duckdb")
    assert child.wait(timeout=300) == 0, child.stderr.read().decode()
    return _export(tmp / "x.duckdb", tmp / "out")


def _stored(state: dict) -> int:
    return state["journal"].get("stored", 0)


@pytest.mark.parametrize("name, point", [
    ("before any batch is stored", lambda s: not s["journal"]),
    ("after two batches are stored", lambda s: _stored(s) >= 2 and not s["events"]),
    ("during reconciliation", lambda s: s["events"] > 0 and _stored(s) > 0 and not s["journal"].get("reconciled")),
])
def test_a_killed_ingest_run_again_exports_what_an_uninterrupted_one_does(uninterrupted, tmp_path, name, point):
    db = tmp_path / "x.duckdb"
    state = _kill_when(db, point)
    assert not state["journal"].get("reconciled")
    again = _run(db)
    assert again.wait(timeout=300) == 0, again.stderr.read().decode()
    assert _export(db, tmp_path / "out") == uninterrupted
    assert set(_state(db)["journal"]) <= {"reconciled", "abandoned"}


def test_a_store_left_unreconciled_is_repaired_by_the_next_writer_and_noted_to_readers(uninterrupted, tmp_path):
    db = tmp_path / "x.duckdb"
    _kill_when(db, lambda s: s["events"] > 0 and _stored(s) > 0 and not s["journal"].get("reconciled"))
    bin_ = str(Path(sys.executable).parent / "bilateral")
    note = subprocess.run([bin_, "--db", str(db), "conflicts", "--json"], capture_output=True, text=True)
    assert note.returncode == 0 and "bilateral repair" in note.stderr
    repair = subprocess.run([bin_, "--db", str(db), "repair"], capture_output=True, text=True)
    assert repair.returncode == 0 and "reconciled" in (repair.stdout + repair.stderr)
    assert _export(db, tmp_path / "out") == uninterrupted
    again = subprocess.run([bin_, "--db", str(db), "repair"], capture_output=True, text=True)
    assert "nothing to repair" in again.stdout
