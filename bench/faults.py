"""Kill -9 a 1,000-story ingest of real text at random points, run it again, compare the export.

    .venv/bin/python bench/faults.py                 # 5 kills, 1,000 stories, 2 processes
    .venv/bin/python bench/faults.py --kills 10 --n 500 --processes 1 --seed 7

The first stories of ../shared/corpora/reuters21578.jsonl.gz are written out as JSON Lines and
ingested once without interruption (the baseline, timed). Then, for each kill, a fresh store: the
ingest is started and killed with SIGKILL (the driver and its worker) at a random point: once the
journal shows a random number of batches stored (0 to all of them), after a random delay of up to
2 s more, which may fall in reading, parsing, storing or reconciling (a run that ends first is not
counted: another point is drawn); then it is run again to its end (the `bilateral` command both
times); the JSON Lines export must be byte-identical to the baseline's. Prints where each kill landed (batches stored and reconciled at
the moment of the kill, as the journal shows) and "N of N identical".
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl.gz"
BIN = Path(sys.executable).parent / "bilateral"


def write_stories(path: Path, n: int) -> None:
    with gzip.open(REUTERS, "rt", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i >= n:
                break
            out.write(line)


def ingest_command(db: Path, stories: Path, processes: int) -> list:
    return [str(BIN), "--db", str(db), "ingest", "--json", "--processes", str(processes), str(stories)]


def export_digest(db: Path, out: Path) -> str:
    subprocess.run([str(BIN), "--db", str(db), "export", "--format", "jsonl", "--out", str(out)],
                   check=True, capture_output=True)
    h = hashlib.sha256()
    for p in sorted(out.iterdir()):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def journal_state(db: Path) -> str:
    """What the journal holds after a kill: batches per state, and whether merged events exist."""
    from bilateral.store import Store
    if not db.exists():
        return "no store yet"
    store = Store(db, read_only=True)
    try:
        counts = store.journal_counts()
        events = store.counts()["events"]
    finally:
        store.close()
    said = ", ".join(f"{n} {state}" for state, n in sorted(counts.items())) or "no batch"
    return f"{said}; {events} merged events"


def stored_batches(db: Path) -> int:
    """Batches the journal shows stored or reconciled, read between the writer's batches."""
    from bilateral.store import Store
    if not db.exists():
        return 0
    try:
        store = Store(db, read_only=True)
    except Exception:   # the store is being created
        return 0
    try:
        counts = store.journal_counts()
    finally:
        store.close()
    return counts.get("stored", 0) + counts.get("reconciled", 0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--seed", type=int, default=15)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        stories = tmp / "stories.jsonl"
        write_stories(stories, a.n)
        t = time.perf_counter()
        subprocess.run(ingest_command(tmp / "base.duckdb", stories, a.processes), check=True, capture_output=True)
        baseline_seconds = time.perf_counter() - t
        baseline = export_digest(tmp / "base.duckdb", tmp / "base")
        print(f"uninterrupted: {a.n} stories in {baseline_seconds:.1f} s, export {baseline[:16]}", flush=True)
        batches = -(-a.n // 64)
        same = killed = tries = 0
        while killed < a.kills and tries < 3 * a.kills:
            tries += 1
            db = tmp / f"k{tries}.duckdb"
            # a random point by progress, not by time (the machine's load moves the time): after a random
            # number of stored batches, a random delay more (which may fall in parsing, storing or reconciling)
            target, delay = rng.randint(0, batches), rng.uniform(0, 2.0)
            child = subprocess.Popen(ingest_command(db, stories, a.processes), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
            while child.poll() is None and stored_batches(db) < target:
                time.sleep(0.1)
            try:
                child.wait(timeout=delay)
                print(f"try {tries} (after {target} batches + {delay:.1f} s): the ingest ended first; not counted",
                      flush=True)
                continue
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)   # the driver and its workers, as a crash takes them
                child.wait()
            killed += 1
            landed = journal_state(db)
            again = subprocess.run(ingest_command(db, stories, a.processes), capture_output=True, text=True)
            digest = export_digest(db, tmp / f"k{tries}")
            ok = again.returncode == 0 and digest == baseline
            same += ok
            print(f"kill {killed} after {target} batches + {delay:.1f} s ({landed}): re-run exit "
                  f"{again.returncode}, export {'identical' if ok else 'DIFFERENT ' + digest[:16]}", flush=True)
        print(f"{same} of {killed} identical (load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
    return 0 if same == killed == a.kills else 1


if __name__ == "__main__":
    sys.exit(main())
