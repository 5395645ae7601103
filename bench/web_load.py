"""The dashboard and the API under load: a store of the real corpora, 20 concurrent clients, p95 per route.

    .venv/bin/python bench/web_load.py                       # builds /tmp/bilateral-web-load/store.duckdb once
    .venv/bin/python bench/web_load.py --store PATH --clients 20 --seconds 60

The store holds every document of `../shared/corpora` (Reuters-21578 and BBC News: 19,954 stories, all
the corpora hold; 19,641 once repeated texts are stored once) ingested with `bilateral ingest --processes 2`;
it is built once and reused by path. The server is `bilateral serve` in its own process; the clients are one asyncio loop in this
process speaking plain HTTP/1.1 over keep-alive connections, so they take little of the CPU the server
needs. Two phases: dashboard pages, then API routes, each for `--seconds`. Prints per route the p50,
p95 and p99 latency and the page sizes (median and largest), each phase's rate, and the server's CPU
time per request (steadier than latency on a shared machine: two idle cores serve about 2000 / that
many requests a second). Targets: p95 < 200 ms everywhere, pages < 300 KB, >= 200 API pages/s.
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
TIMEOUT = 30.0      # seconds a request may take before it counts as an error (598)


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


PAGE_ROUTES = ("page /", "page /pair", "page /pair filtered", "page /pair next", "page /compare", "page /documents",
               "page /documents sorted", "page /documents deep", "page /documents/{id}", "page /events/{id}",
               "page /claims", "page /claims sorted", "page /claims ledger", "page /conflicts",
               "page /conflicts pair", "page /search")
API_ROUTES = ("api /api/documents", "api /api/documents deep", "api /api/documents/{id}", "api /api/timeline",
              "api /api/timeline/marks", "api /api/events/{id}", "api /api/claims", "api /api/ledger",
              "api /api/conflicts", "api /api/search", "api /api/pairs")
TERMS = ("trade", "oil", "loan", "tariff", "agreement", "minister", "exports", "aid", "talks", "investment",
         "deficit", "embassy", "sanctions", "wheat", "yen")


def targets(store: Path, port: int) -> dict:
    """Real ids, pairs and cursors from the store, so the clients ask for what a user would."""
    import json
    import random
    import urllib.request
    import duckdb
    rng = random.Random(7)
    con = duckdb.connect(str(store), read_only=True)
    try:
        pairs = [r[0].replace("|", ",") for r in con.execute(
            "SELECT pair FROM events WHERE NOT (starts_with(pair, '|') OR ends_with(pair, '|')) GROUP BY pair "
            "ORDER BY count(*) DESC LIMIT 12").fetchall()]
        docs = [r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()]
        events = [r[0] for r in con.execute("SELECT event_id FROM events").fetchall()]
        outlets = [r[0] for r in con.execute("SELECT outlet FROM documents WHERE outlet IS NOT NULL GROUP BY outlet "
                                             "ORDER BY count(*) DESC LIMIT 3").fetchall()]
    finally:
        con.close()
    base = f"http://127.0.0.1:{port}"

    def walk(url: str, depth: int) -> list:
        """The `next` cursors of the first `depth` pages of a list."""
        out = []
        for _ in range(depth):
            with urllib.request.urlopen(base + url) as r:
                page = json.loads(r.read())
            if not page["next"]:
                break
            url = page["next"]
            out.append(url.split("after=")[1].split("&")[0])
        return out
    deep_docs = walk("/api/documents?limit=50", 200)
    pair_next = {p: walk(f"/api/timeline?pair={p}&undated=true&limit=50", 1) for p in pairs[:4]}
    return {"pairs": pairs, "docs": rng.sample(docs, min(200, len(docs))), "events": rng.sample(events, min(200, len(events))),
            "outlets": outlets, "deep_docs": deep_docs[50:] or deep_docs, "pair_next": {p: c for p, c in pair_next.items() if c}}


def url_for(label: str, t: dict, rng) -> str:
    pair = rng.choice(t["pairs"][:6])
    pair2 = rng.choice([p for p in t["pairs"] if p != pair])
    term = rng.choice(TERMS)
    doc, event = rng.choice(t["docs"]), rng.choice(t["events"])
    kind, name = label.split(" ", 1)
    if kind == "page":
        return {"/": "/", "/pair": f"/pair?pair={pair}", "/pair filtered": f"/pair?pair={pair}&from=1987-03&to=1987-09",
                "/pair next": "/pair?pair={}&after={}".format(*rng.choice(list(t["pair_next"].items())))
                if t["pair_next"] else f"/pair?pair={pair}",
                "/compare": f"/compare?a={pair}&b={pair2}", "/documents": "/documents",
                "/documents sorted": rng.choice(["/documents?sort=-events", "/documents?sort=title",
                                                 "/documents?sort=-published"]),
                "/documents deep": "/documents?after=" + rng.choice(t["deep_docs"]),
                "/documents/{id}": f"/documents/{doc}", "/events/{id}": f"/events/{event}",
                "/claims": "/claims", "/claims sorted": rng.choice(["/claims?sort=-value", f"/claims?pair={pair}&sort=as_of"]),
                "/claims ledger": f"/claims?view=ledger&pair={pair}", "/conflicts": "/conflicts",
                "/conflicts pair": f"/conflicts?pair={pair}", "/search": f"/search?q={term}"}[name]
    return {"/api/documents": "/api/documents", "/api/documents deep": "/api/documents?after=" + rng.choice(t["deep_docs"]),
            "/api/documents/{id}": f"/api/documents/{doc}", "/api/timeline": f"/api/timeline?pair={pair}",
            "/api/timeline/marks": f"/api/timeline/marks?pair={pair}", "/api/events/{id}": f"/api/events/{event}",
            "/api/claims": rng.choice(["/api/claims", f"/api/claims?pair={pair}&sort=-value"]),
            "/api/ledger": f"/api/ledger?pair={pair}", "/api/conflicts": rng.choice(["/api/conflicts", f"/api/conflicts?pair={pair}"]),
            "/api/search": f"/api/search?q={term}&in=" + rng.choice(["passages", "events", "claims"]),
            "/api/pairs": "/api/pairs"}[name]


async def fetch(reader, writer, host: str, url: str) -> tuple:
    """One GET on a kept-alive connection: (status, body bytes)."""
    writer.write(f"GET {url} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    else:                                   # chunked
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                break
            parts.append(chunk[:-2])
        body = b"".join(parts)
    return status, len(body), headers.get("connection", "") == "close"


async def client(i: int, port: int, labels: tuple, t: dict, deadline: float, out: list) -> None:
    import asyncio
    import random
    rng = random.Random(1000 + i)
    host = f"127.0.0.1:{port}"
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    n = i
    while time.perf_counter() < deadline:
        label = labels[n % len(labels)]
        n += 1
        url = url_for(label, t, rng)
        t0 = time.perf_counter()
        try:
            status, size, closed = await asyncio.wait_for(fetch(reader, writer, host, url), TIMEOUT)
        except asyncio.TimeoutError:          # counted as an error, on a fresh connection
            writer.close()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            out.append((label, time.perf_counter() - t0, 0, 598, url))
            continue
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            out.append((label, time.perf_counter() - t0, 0, 599, url))
            continue
        out.append((label, time.perf_counter() - t0, size, status, url))
        if closed:
            writer.close()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.close()


def server_cpu(pid: int) -> float:
    """CPU seconds used so far by the server process and its live children (the workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def run_phase(name: str, labels: tuple, port: int, t: dict, clients: int, seconds: float, pid: int) -> list:
    import asyncio
    out: list = []
    deadline = time.perf_counter() + seconds

    async def main():
        await asyncio.gather(*(client(i, port, labels, t, deadline, out) for i in range(clients)))
    cpu0, t0 = server_cpu(pid), time.perf_counter()
    asyncio.run(main())
    wall, cpu = time.perf_counter() - t0, server_cpu(pid) - cpu0
    report(name, out, wall)
    print(f"server CPU {cpu:.1f} s = {cpu / max(len(out), 1) * 1000:.1f} ms a request: two idle cores would serve "
          f"{2 * len(out) / cpu if cpu else 0:.0f} requests/s of this mix", flush=True)
    return out


def pct(xs: list, p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def report(name: str, out: list, wall: float) -> None:
    import statistics
    print(f"\n{name}: {len(out)} requests in {wall:.1f} s = {len(out) / wall:.0f} requests/s", flush=True)
    print(f"{'route':30} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'KB med':>8} {'KB max':>8} {'errors':>6}")
    bad = []
    for label in dict.fromkeys(r[0] for r in out):
        rs = [r for r in out if r[0] == label]
        lat = [r[1] * 1000 for r in rs]
        sizes = [r[2] / 1024 for r in rs if r[3] == 200]
        errors = [r for r in rs if r[3] != 200]
        bad += errors
        print(f"{label:30} {len(rs):6d} {pct(lat, 50):8.1f} {pct(lat, 95):8.1f} {pct(lat, 99):8.1f} "
              f"{statistics.median(sizes) if sizes else 0:8.1f} {max(sizes) if sizes else 0:8.1f} {len(errors):6d}")
    lat = [r[1] * 1000 for r in out]
    print(f"{'all':30} {len(out):6d} {pct(lat, 50):8.1f} {pct(lat, 95):8.1f} {pct(lat, 99):8.1f}")
    for r in bad[:5]:
        print("  error", r[3], r[4])


def ask_times(port: int) -> None:
    """The question box's route, one request at a time (it is not in the phases: see the README)."""
    import urllib.error
    import urllib.parse
    import urllib.request
    print("\n/api/ask, one request at a time:")
    for q in ("How much did Japan export to the United States?", "When did Britain and France sign an agreement?",
              "Who is the largest lender to Brazil?"):
        t0 = time.perf_counter()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/ask?q={urllib.parse.quote(q)}") as r:
                size, status = len(r.read()), r.status
        except urllib.error.HTTPError as e:      # 503: the question ran past the server's time limit
            size, status = len(e.read()), e.code
        print(f"  {(time.perf_counter() - t0) * 1000:8.0f} ms {size / 1024:6.1f} KB  {status}  {q}")


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, default=DEFAULT_DIR / "store.duckdb", help="built here once, then reused")
    ap.add_argument("--processes", type=int, default=2, help="ingest processes when the store is built")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60.0, help="length of each phase")
    ap.add_argument("--workers", type=int, default=1, help="server processes (bilateral serve --workers)")
    ap.add_argument("--phases", default="pages,api")
    ap.add_argument("--ask", action="store_true", help="also time /api/ask one request at a time")
    ap.add_argument("--cache-mb", type=float, default=64, help="the server's answer cache (0: every request queries)")
    args = ap.parse_args()
    build_store(args.store, args.processes)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "bilateral", "--db", str(args.store), "serve", "--port", str(port),
                               "--workers", str(args.workers), "--cache-mb", str(args.cache_mb)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        import urllib.request
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/pairs?limit=1", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start: " + (server.stderr.read().decode()[-2000:]
                                                                    if server.poll() is not None else "timeout"))
                time.sleep(0.3)
        t = targets(args.store, port)
        with open("/proc/loadavg") as f:
            load = f.read().split()[:3]
        print(f"store {args.store}: server with {args.workers} worker(s), cache {args.cache_mb:g} MB, {args.clients} clients, "
              f"{args.seconds:g} s per phase, load average before {' '.join(load)}, {os.cpu_count()} CPUs", flush=True)
        for phase in args.phases.split(","):
            labels = PAGE_ROUTES if phase == "pages" else API_ROUTES
            run_phase(f"{phase} ({len(labels)} routes round-robin)", labels, port, t, args.clients, args.seconds,
                      server.pid)
        with open("/proc/loadavg") as f:
            print("\nload average after", " ".join(f.read().split()[:3]))
        if args.ask:
            ask_times(port)
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
