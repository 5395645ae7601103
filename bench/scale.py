"""The whole of ../shared/corpora ingested with two processes while `serve` answers: the figures at scale.

    .venv/bin/python bench/scale.py                      # every story of every corpus (about 20,000)
    .venv/bin/python bench/scale.py --limit 2000         # the first 2,000 stories, for a quick look

The gzipped JSON Lines corpora are written out as plain JSON Lines (what `bilateral ingest` reads),
a store is created and `bilateral serve` started on it; then `bilateral ingest --processes 2` runs
while a client asks the server for the number of documents once a second. Printed: wall time, the
ingest's own split (batches: read to store; reconciliation), peak resident memory of every process
(the ingest driver, its worker, the server; sampled from /proc every 0.2 s), store size, the
server's answers during the ingest (how many, their slowest, whether the count grew), and the load
average of the machine before, during and after.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
BIN = Path(sys.executable).parent / "bilateral"


def write_corpora(folder: Path, limit: int | None) -> int:
    """Every corpus as plain JSON Lines in `folder`; the number of stories written."""
    n = 0
    for gz in sorted(CORPORA.glob("*.jsonl.gz")):
        with gzip.open(gz, "rt", encoding="utf-8") as src, open(folder / gz.name[:-3], "w", encoding="utf-8") as out:
            for line in src:
                if limit is not None and n >= limit:
                    break
                out.write(line)
                n += 1
    return n


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class Sampler(threading.Thread):
    """Peak RSS of named processes and of every descendant of the ingest, and the load average."""

    def __init__(self, roots: dict):
        super().__init__(daemon=True)
        self.roots, self.peaks, self.names, self.loads = roots, {}, {}, []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            for name, pid in self.roots.items():
                for i, p in enumerate([pid] + [c for c in children(pid)]):
                    label = name if i == 0 else f"{name} worker {p}"
                    self.names[p] = label
                    self.peaks[p] = max(self.peaks.get(p, 0), rss_kib(p))
            self.loads.append(os.getloadavg()[0])
            self.stop.wait(0.2)


class Client(threading.Thread):
    """Asks the server for the number of documents once a second; records the answers and their times."""

    def __init__(self, port: int):
        super().__init__(daemon=True)
        self.url = f"http://127.0.0.1:{port}/api/documents?limit=1"
        self.answers, self.failures = [], []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            t = time.perf_counter()
            try:
                with urllib.request.urlopen(self.url, timeout=120) as r:
                    total = json.loads(r.read())["total"]
                self.answers.append((time.perf_counter() - t, total))
            except Exception as exc:   # recorded, not raised: a failure is a finding of the bench
                self.failures.append(f"{type(exc).__name__}: {exc}")
            self.stop.wait(1.0)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="stories to ingest (default: all)")
    ap.add_argument("--processes", type=int, default=2)
    a = ap.parse_args(argv)
    if not CORPORA.exists():
        print(f"{CORPORA} is missing: ../shared must stand beside the checkout", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        n = write_corpora(tmp, a.limit)
        db = tmp / "scale.duckdb"
        subprocess.run([str(BIN), "--db", str(db), "repair"], check=True, capture_output=True)   # an empty store
        port = free_port()
        server = subprocess.Popen([str(BIN), "--db", str(db), "serve", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=5)
                    break
                except OSError:
                    time.sleep(0.2)
            load_before = os.getloadavg()
            client = Client(port)
            client.start()
            t = time.perf_counter()
            ingest = subprocess.Popen([str(BIN), "--db", str(db), "ingest", "--json", "--processes",
                                       str(a.processes), *sorted(str(p) for p in tmp.glob("*.jsonl"))],
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            sampler = Sampler({"ingest": ingest.pid, "serve": server.pid})
            sampler.start()
            out, _ = ingest.communicate()
            wall = time.perf_counter() - t
            sampler.stop.set()
            client.stop.set()
            client.join()
            sampler.join()
            after = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=60)
            final_total = json.loads(after.read())["total"]
        finally:
            server.terminate()
            server.wait(timeout=30)
        report = json.loads(out.strip().splitlines()[-1])
        size = sum(p.stat().st_size for p in tmp.glob("scale.duckdb*") if p.is_file())
    during = [x for x in client.answers]
    totals = [tot for _, tot in during]
    print(f"stories {n:,}; stored {report['new']:,} new, {report['known']:,} known, {len(report['errors'])} errors, "
          f"{len(report['warnings'])} warnings; {report['tokens']:,} tokens, {report['events']:,} events, "
          f"{report['claims']:,} claims")
    print(f"wall time {wall:,.1f} s ({report['tokens'] / wall:,.0f} tokens/s); batches {report['seconds']['batches']:,.1f} s, "
          f"reconciliation {report['seconds']['reconcile']:,.1f} s")
    for pid, peak in sorted(sampler.peaks.items(), key=lambda kv: sampler.names[kv[0]]):
        if peak:
            print(f"peak RSS {sampler.names[pid]:<24} {peak / 1024:8.1f} MiB")
    print(f"store size {size / 2**20:,.1f} MiB")
    slowest = max((s for s, _ in during), default=0)
    print(f"serve during the ingest: {len(during)} answers, {len(client.failures)} failures, slowest "
          f"{slowest:.2f} s, median {sorted(s for s, _ in during)[len(during) // 2] if during else 0:.2f} s; "
          f"documents seen {totals[0] if totals else '-'} -> {totals[-1] if totals else '-'} "
          f"({len(set(totals))} distinct counts), {final_total:,} after")
    for f in client.failures[:5]:
        print(f"  failure: {f}")
    loads = sampler.loads or [0]
    print(f"load average (1 min): before {load_before[0]:.2f}, during median {sorted(loads)[len(loads) // 2]:.2f} "
          f"max {max(loads):.2f}, after {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
