"""The gold sets (seeds, sample, real-dev, the news gold) ingested and exported, and digests of their exports.

A refactor must leave every export byte-identical; a change of the rules changes the digests on
purpose, and this tool writes the new ones:

    .venv/bin/python tools/gold_sets.py           # compare with tests/snapshots/, print what changed
    .venv/bin/python tools/gold_sets.py --update  # rewrite tests/snapshots/
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
# (None: the set's documents are pulled from ../shared/corpora into the work folder first; the corpora do
# not ship, so the project's own news gold names its stories by url.)
NEWS = ROOT / "bench" / "gold_news"
CORPORA = SHARED / "corpora"
SETS = {
    "seeds": (SHARED, ["seeds"]),
    "sample": (SAMPLE.parent, [f"sample/*.{ext}" for ext in ("txt", "html", "jsonl")]),
    "real_dev": (SHARED / "real-dev", ["docs.jsonl"]),
    "news": (None, ["news.jsonl"]),
}
FILES = ("documents", "events", "claims", "conflicts", "relations")
# name -> the gold folder each set is scored against
GOLD = {"seeds": SHARED / "gold", "sample": ROOT / "tests" / "gold" / "sample", "real_dev": SHARED / "real-dev" / "gold",
        "news": NEWS / "gold"}
GATE = ROOT / "tests" / "gate.json"


def inputs(name: str) -> list:
    """Every file a set's score depends on: its documents and its gold, sorted."""
    import glob
    base, sources = SETS[name]
    if base is None:
        return sorted(set(CORPORA.glob("*.jsonl.gz")) | set(NEWS.glob("docs_*.txt")) | set(GOLD[name].glob("*.json")))
    found = {Path(p) for s in sources for p in glob.glob(str(base / s))}
    found = {f for p in found for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()}
    return sorted(found | {p for p in GOLD[name].glob("*.json")})


def checksums(name: str) -> dict:
    """file (relative to the checkout: "tests/...", "../shared/...") -> sha256 of its bytes, for every
    input of a set."""
    def where(p: Path) -> str:
        return str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else "../" + str(p.relative_to(ROOT.parent))
    return {where(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs(name)}


def export_set(name: str, workdir: Path) -> Path:
    """Ingest one set into a fresh store under `workdir` and export it as JSON Lines; the export folder."""
    import bilateral
    base, sources = SETS[name]
    if base is None:
        base = workdir / f"{name}-docs"
        base.mkdir(parents=True, exist_ok=True)
        news_stories(base)
    here = os.getcwd()
    os.chdir(base)
    try:
        with bilateral.open(workdir / f"{name}.duckdb") as corpus:
            corpus.ingest(sources)
            corpus.export(workdir / f"{name}-export")
    finally:
        os.chdir(here)
    return workdir / f"{name}-export"


def news_stories(folder: Path, base: Path = NEWS) -> Path:
    """The stories a news gold folder (`bench/gold_news` by default) annotates, pulled from
    ../shared/corpora into `folder`/<folder name>.jsonl."""
    import gzip
    wanted = {line.split()[0] for f in sorted(base.glob("docs*.txt")) for line in f.read_text().splitlines()
              if line.strip()}
    out = folder / ("news.jsonl" if base == NEWS else f"{base.name}.jsonl")
    found = set()
    with open(out, "w") as dst:
        for gz in sorted(CORPORA.glob("*.jsonl.gz")):
            with gzip.open(gz, "rt") as src:
                for line in src:
                    url = json.loads(line)["url"]
                    if url in wanted:
                        dst.write(line)
                        found.add(url)
    if found != wanted:
        raise SystemExit(f"not in {CORPORA}: {sorted(wanted - found)}")
    return out


def digest_export(folder: Path) -> dict:
    """Per export file, one short digest per line, in export order."""
    out = {}
    for name in FILES:
        lines = (folder / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        out[name] = [hashlib.sha256(line.encode("utf-8")).hexdigest()[:16] for line in lines]
    return out


def digests(name: str, workdir: Path) -> dict:
    return digest_export(export_set(name, workdir))


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
    ap.add_argument("--checksums", action="store_true", help="rewrite the gold checksums in tests/gate.json")
    ap.add_argument("sets", nargs="*", default=list(SETS))
    a = ap.parse_args(argv)
    if a.checksums:
        gate = json.loads(GATE.read_text())
        for name in SETS:
            gate["sets"][name]["checksums"] = checksums(name)
        GATE.write_text(json.dumps(gate, indent=1, sort_keys=True) + "\n")
        print(f"checksums of {sum(len(g['checksums']) for g in gate['sets'].values())} files written to {GATE}")
        return 0
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
