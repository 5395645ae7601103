"""Time expressions on real news: how long `find_timexes` takes, and whether a change altered what it finds.

    .venv/bin/python bench/timex_speed.py                                  # this tree: seconds, timexes, digest
    .venv/bin/python bench/timex_speed.py --baseline /tmp/base/src --rounds 5

Reads the first `--n` stories (2,000) of each of ../shared/corpora/reuters21578.jsonl.gz (with their
date as the document date) and bbc.jsonl.gz (no date), and runs `find_timexes` over every text.
With `--baseline SRC` (a `src` folder holding another version of the package, e.g. from
`git archive`), each round runs both trees one after the other in fresh processes, alternating
which goes first; it prints the median CPU and wall-clock ratio (this tree / baseline: below 1 is
faster) and whether both found the same timexes (a digest of every field of every timex).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SRC = Path(__file__).resolve().parents[1] / "src"


def stories(n: int) -> list[tuple[str, str | None]]:
    """(text, document date) of the first n stories of each corpus."""
    out = []
    for name in ("reuters21578.jsonl.gz", "bbc.jsonl.gz"):
        path = CORPORA / name
        if not path.exists():
            sys.exit(f"{path}: missing (the benchmark reads ../shared/corpora)")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= n:
                    break
                rec = json.loads(line)
                out.append((rec["text"], rec.get("published")))
    return out


def run_once(n: int) -> dict:
    """Time `find_timexes` over the stories in this process (the package from sys.path)."""
    from bilateral.nlp.timex import find_timexes
    docs = stories(n)
    for text, dct in docs[:50]:      # warm the regex caches
        find_timexes(text, dct)
    digest = hashlib.sha256()
    count = 0
    cpu, wall = time.process_time(), time.perf_counter()
    results = [find_timexes(text, dct) for text, dct in docs]
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    for found in results:
        for t in found:
            digest.update(repr(sorted(vars(t).items())).encode("utf-8"))
            count += 1
        digest.update(b"|")
    return {"docs": len(docs), "timexes": count, "cpu": round(cpu, 3), "wall": round(wall, 3),
            "digest": digest.hexdigest()[:16]}


def in_process(src: Path, n: int) -> dict:
    """`run_once` in a fresh interpreter that imports the package from `src`."""
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run([sys.executable, __file__, "--child", "--n", str(n)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="stories read from each corpus")
    ap.add_argument("--baseline", type=Path, help="a src folder with the version to compare against")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_once(args.n)))
        return
    if args.baseline is None:
        print(json.dumps(in_process(SRC, args.n)))
        return
    cpu, wall = [], []
    for r in range(args.rounds):
        order = [("this", SRC), ("baseline", args.baseline)]
        got = dict((name, in_process(src, args.n)) for name, src in (order if r % 2 == 0 else order[::-1]))
        cpu.append(got["this"]["cpu"] / got["baseline"]["cpu"])
        wall.append(got["this"]["wall"] / got["baseline"]["wall"])
        print(f"round {r + 1}: this {got['this']}  baseline {got['baseline']}")
    same = got["this"]["digest"] == got["baseline"]["digest"]
    print(json.dumps({"docs": got["this"]["docs"], "timexes": got["this"]["timexes"], "same_output": same,
                      "cpu_ratio": round(statistics.median(cpu), 3), "wall_ratio": round(statistics.median(wall), 3)}))


if __name__ == "__main__":
    main()
