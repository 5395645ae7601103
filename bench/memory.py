"""Peak memory of a whole ingest at two corpus sizes, each in a fresh process: streaming keeps them level.

    .venv/bin/python bench/memory.py                    # 1,000 and 10,000 documents (the 10k run is long)
    .venv/bin/python bench/memory.py --n 500 2000       # any sizes; the first is the baseline
    .venv/bin/python bench/memory.py --processes 2      # the driver plus its largest worker

Each size is generated with bench/corpus.py into a folder, then ingested by a
child process that reports its peak resident set size (ru_maxrss, and its
workers' when --processes > 1).  Prints one line per size and the ratio of each
peak to the first size's peak; the target is within 10%.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CHILD = r"""
import json, resource, sys, time
import bilateral
folder, db, processes = sys.argv[1], sys.argv[2], int(sys.argv[3])
t = time.perf_counter()
with bilateral.open(db) as corpus:
    report = corpus.ingest([folder], processes=processes)
    counts = corpus.store.counts()
elapsed = time.perf_counter() - t
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"peak_kib": own, "worker_peak_kib": workers, "seconds": elapsed, "tokens": report.tokens,
                  "documents": counts["documents"], "mentions": counts["mentions"],
                  "claims": counts["claims"], "errors": len(report.errors)}))
"""


def write_corpus(n: int, seed: int, folder: Path) -> None:
    from corpus import generate
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in generate(n, seed):
        (folder / name).write_text(text, encoding="utf-8")


def measure(n: int, seed: int, processes: int, tmp: Path) -> dict:
    """Generate n documents and ingest them in a fresh interpreter; its peak RSS and counts."""
    folder = tmp / f"corpus{n}"
    write_corpus(n, seed, folder)
    out = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(tmp / f"m{n}.duckdb"), str(processes)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="corpus sizes, baseline first")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--processes", type=int, default=1)
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.n:
            t = time.perf_counter()
            r = measure(n, args.seed, args.processes, Path(tmp))
            r["n"] = n
            r["wall"] = time.perf_counter() - t
            rows.append(r)
            peak = r["peak_kib"] + (r["worker_peak_kib"] if args.processes > 1 else 0)
            r["peak_mib"] = peak / 1024
            print(f"n={n:>6}  peak RSS {r['peak_mib']:8.1f} MiB  ingest {r['seconds']:8.1f} s  "
                  f"{r['tokens'] / r['seconds']:7.0f} tokens/s  documents {r['documents']}  "
                  f"mentions {r['mentions']}  claims {r['claims']}", flush=True)
    base = rows[0]["peak_mib"]
    for r in rows[1:]:
        print(f"peak({r['n']}) / peak({rows[0]['n']}) = {r['peak_mib'] / base:.3f}  (target <= 1.10)")
    print(json.dumps([{k: r[k] for k in ("n", "peak_mib", "seconds", "tokens", "documents")} for r in rows]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
