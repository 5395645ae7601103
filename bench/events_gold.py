"""Score the whole pipeline against hand gold: ingest a folder, export, run the shared scorer.

    .venv/bin/python bench/events_gold.py [--verbose] [--pair DOCS GOLD ...]

By default scores two sets: the seed documents against their hand gold, and the
package's sample corpus against the project's own gold (other country pairs, the
held-out check).  Prints each scorer report, then one JSON line with both summaries.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
DEFAULTS = (
    ("seeds", SHARED / "seeds", SHARED / "gold"),
    ("sample", ROOT / "src" / "bilateral" / "data" / "sample", ROOT / "tests" / "gold" / "sample"),
)
BILATERAL = [sys.executable, "-m", "bilateral"]


def score(docs: Path, gold: Path, verbose: bool = False) -> tuple[str, dict]:
    """Ingest `docs` into a fresh store, export it, and score the export against `gold`."""
    with tempfile.TemporaryDirectory() as tmp:
        db, out = str(Path(tmp) / "bench.duckdb"), str(Path(tmp) / "export")
        subprocess.run(BILATERAL + ["--db", db, "ingest", str(docs)], check=True, capture_output=True)
        subprocess.run(BILATERAL + ["--db", db, "export", "--out", out], check=True, capture_output=True)
        args = [sys.executable, str(SCORER), "--export", out, "--gold", str(gold)]
        report = subprocess.run(args + (["--verbose"] if verbose else []), check=True, capture_output=True,
                                text=True).stdout
    return report, json.loads(report.strip().splitlines()[-1])


def main(argv: list[str]) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="List missed and extra items.")
    ap.add_argument("--pair", nargs=2, action="append", metavar=("DOCS", "GOLD"),
                    help="A documents folder and its gold folder (repeatable; replaces the defaults).")
    a = ap.parse_args(argv)
    sets = [(Path(d).name, Path(d), Path(g)) for d, g in a.pair] if a.pair else DEFAULTS
    summaries = {}
    for name, docs, gold in sets:
        report, summary = score(docs, gold, a.verbose)
        print(f"== {name}: {docs} vs {gold}")
        print("\n".join(report.strip().splitlines()[:-1]))
        summaries[name] = summary
    brief = {name: {k: s[k] for k in ("event_p", "event_r", "event_f1", "event_tp", "event_fp", "event_fn")}
             for name, s in summaries.items()}
    print(json.dumps({"bench": "events_gold", **brief}))
    return summaries


if __name__ == "__main__":
    main(sys.argv[1:])
