"""The dashboard and the API under load: a store of the real corpora, 20 concurrent clients, p95 per route.

    .venv/bin/python bench/web_load.py                       # builds /tmp/bilateral-web-load/store.duckdb once
    .venv/bin/python bench/web_load.py --store PATH --clients 20 --seconds 60

The store holds every document of `../shared/corpora` (Reuters-21578 and BBC News: 19,954 stories,
the corpora hold no more) ingested with `bilateral ingest --processes 2`; it is built once and reused
by path. The server is `bilateral serve` in its own process; the clients are one asyncio loop in this
process speaking plain HTTP/1.1 over keep-alive connections, so they take little of the CPU the server
needs. Two phases: dashboard pages, then API routes, each for `--seconds`.  Prints per route the p50,
p95 and p99 latency, requests/s and the page sizes (median and largest), then each phase's total rate.
Targets: p95 < 200 ms everywhere, pages < 300 KB, >= 200 API pages/s.
"""
from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_DIR = Path("/tmp/bilateral-web-load")


def build_store(store: Path, processes: int) -> None:
    """Unzip the corpora next to the store and ingest them with the CLI (skipped when the store exists)."""
    if store.exists():
        return
    if not CORPORA.is_dir():
        raise SystemExit(f"{CORPORA} is missing: the bench needs the shared corpora")
    work = store.parent / "corpora"
    work.mkdir(parents=True, exist_ok=True)
    files = []
    for gz in sorted(CORPORA.glob("*.jsonl.gz")):
        out = work / gz.name[:-3]
        if not out.exists():
            with gzip.open(gz, "rb") as src, open(out, "wb") as dst:
                dst.write(src.read())
        files.append(str(out))
    tmp = store.with_suffix(".building")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bilateral", "--db", str(tmp), "ingest", "--processes",
                    str(processes), *files], check=True)
    os.replace(tmp, store)
    print(f"built {store} in {time.perf_counter() - t0:.0f} s", flush=True)
