"""Digests of the JSON Lines exports of the seeds, the sample corpus and real-dev, for the snapshot test.

A refactor must leave every export byte-identical; a change of the rules changes the digests on
purpose, and this tool writes the new ones:

    .venv/bin/python tools/snapshot_exports.py           # compare with tests/snapshots/, print what changed
    .venv/bin/python tools/snapshot_exports.py --update  # rewrite tests/snapshots/
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SNAPSHOTS = ROOT / "tests" / "snapshots"
SAMPLE = ROOT / "src" / "bilateral" / "data" / "sample"
# name -> (the folder ingested from, the sources in order, relative to it: the source paths the
# export records do not depend on where the checkout stands)
SETS = {
    "seeds": (SHARED, ["seeds"]),
    "sample": (SAMPLE.parent, [f"sample/*.{ext}" for ext in ("txt", "html", "jsonl")]),
    "real_dev": (SHARED / "real-dev", ["docs.jsonl"]),
}
FILES = ("documents", "events", "claims", "conflicts", "relations")


def digests(name: str, workdir: Path) -> dict:
    """Per export file, one short digest per line, in export order."""
    import bilateral
    base, sources = SETS[name]
    here = os.getcwd()
    os.chdir(base)
    try:
        with bilateral.open(workdir / "snap.duckdb") as corpus:
            corpus.ingest(sources)
            corpus.export(workdir / "export")
    finally:
        os.chdir(here)
    out = {}
    for name in FILES:
        lines = (workdir / "export" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        out[name] = [hashlib.sha256(line.encode("utf-8")).hexdigest()[:16] for line in lines]
    return out


def compare(name: str, got: dict) -> list:
    """What differs from the stored snapshot, one line per export file."""
    path = SNAPSHOTS / f"{name}.json"
    want = json.loads(path.read_text()) if path.exists() else {}
    out = []
    for f in FILES:
        a, b = want.get(f, []), got.get(f, [])
        if a != b:
            out.append(f"{name}/{f}: {len(set(a) - set(b))} lines gone, {len(set(b) - set(a))} new, "
                       f"{len(a)} -> {len(b)}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true")
    ap.add_argument("sets", nargs="*", default=list(SETS))
    a = ap.parse_args(argv)
    changed = []
    for name in a.sets:
        with tempfile.TemporaryDirectory() as tmp:
            got = digests(name, Path(tmp))
        diff = compare(name, got)
        changed += diff
        if a.update:
            (SNAPSHOTS / f"{name}.json").write_text(json.dumps(got, indent=0) + "\n")
    print("\n".join(changed) or "exports unchanged")
    return 1 if changed and not a.update else 0


if __name__ == "__main__":
    sys.exit(main())
