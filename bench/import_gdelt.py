"""GDELT import at scale: generated GDELT 2.0 event files of two sizes (1 GB by default, written outside the
repository) imported into fresh stores, each in its own process.

Prints, per size: rows, rows per second, the import's time against a bare pass over the same file in the
same process (read, decode and split every line, nothing else), and the import process's peak memory;
then the ratio of the peaks, which stays near 1 when memory is flat in the file's size.

    .venv/bin/python bench/import_gdelt.py                      # 256 MB and 1024 MB in /tmp
    .venv/bin/python bench/import_gdelt.py --mb 64 256 --dir /var/tmp
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNTRIES = ("USA", "CHN", "RUS", "DEU", "FRA", "GBR", "JPN", "IND", "BRA", "ZAF", "NGA", "KEN", "IDN", "AUS",
             "KOR", "VNM", "NAM", "KHM", "TUR", "IRN", "ISR", "EGY", "MEX", "ARG", "CAN", "POL", "UKR", "PAK")
CODES = ("010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "073", "0871", "111",
         "112", "120", "130", "141", "163", "173", "190", "0211", "1041")
TYPES = ("GOV", "MIL", "BUS", "", "", "")


def generate(path: Path, megabytes: int, seed: int = 18) -> int:
    """Write a GDELT 2.0 export file of about `megabytes` MiB; returns its number of rows."""
    rnd = random.Random(seed)
    target, size, n = megabytes * 1024 * 1024, 0, 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        while size < target:
            lines = []
            for _ in range(2000):
                n += 1
                day = f"{rnd.randint(2015, 2024)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
                a, b = rnd.sample(COUNTRIES, 2)
                code = rnd.choice(CODES)
                t1, t2 = rnd.choice(TYPES), rnd.choice(TYPES)
                geo = f"4\t{a} capital region, {a}\t{a[:2]}\t{a[:2]}01\t{a[:2]}0101\t{rnd.uniform(-60, 60):.4f}\t" \
                      f"{rnd.uniform(-170, 170):.4f}\t-{rnd.randint(100000, 9999999)}"
                cells = [str(n), day, day[:6], day[:4], f"{day[:4]}.{rnd.randint(1, 999):04d}",
                         a + t1, f"{a} OFFICIALS", a, "", "", "", "", t1, "", "",
                         b + t2, f"{b} PEOPLE", b, "", "", "", "", t2, "", "",
                         "1", code, code[:3], code[:2], str(rnd.randint(1, 4)), f"{rnd.uniform(-10, 10):.1f}",
                         str(rnd.randint(1, 40)), str(rnd.randint(1, 8)), str(rnd.randint(1, 40)),
                         f"{rnd.uniform(-8, 8):.6f}", geo, geo, geo, day + "154500",
                         f"https://news{rnd.randint(1, 400)}.example.com/{day[:4]}/{day[4:6]}/story-{n}.html"]
                lines.append("\t".join(cells))
            chunk = "\n".join(lines) + "\n"
            f.write(chunk)
            size += len(chunk.encode("utf-8"))
    return n


def bare_pass(path: Path) -> tuple:
    """Read, decode and split every line: the floor under any import of the file."""
    t0 = time.perf_counter()
    rows = 0
    with open(path, "rb") as f:
        for raw in f:
            raw.decode("utf-8").rstrip("\r\n").split("\t")
            rows += 1
    return rows, time.perf_counter() - t0


def child(path: str, db: str) -> None:
    """Import one file into a fresh store and print its figures as JSON (run in its own process)."""
    import bilateral
    from bilateral.formats import gdelt, importer  # noqa: F401  (loaded before the clock starts)
    t0 = time.perf_counter()
    with bilateral.open(db) as corpus:
        report = corpus.import_events("gdelt", [path])
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"stored": report.stored, "bad": report.bad_rows, "seconds": seconds, "peak_mib": peak,
                      "store_mib": os.path.getsize(db) / 2 ** 20}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=int, nargs=2, default=[256, 1024], help="the two file sizes in MiB")
    ap.add_argument("--dir", default=tempfile.gettempdir(), help="where the files and stores go")
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    ap.add_argument("--child", nargs=2, metavar=("FILE", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    base = Path(args.dir) / "bilateral-bench-gdelt"
    base.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    results = []
    for mb in args.mb:
        path = base / f"gdelt-{mb}mb.export.CSV"
        t0 = time.perf_counter()
        n = generate(path, mb)
        made = time.perf_counter() - t0
        rows, bare = bare_pass(path)
        db = base / f"store-{mb}mb.duckdb"
        for p in (db, Path(str(db) + ".wal")):
            p.unlink(missing_ok=True)
        out = subprocess.run([sys.executable, __file__, "--child", str(path), str(db)], check=True,
                             capture_output=True, text=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        assert r["stored"] == n == rows and r["bad"] == 0, r
        results.append((mb, r))
        print(f"{mb:>5} MiB file: {n:,} rows (generated in {made:.0f} s); import {r['seconds']:.1f} s = "
              f"{n / r['seconds']:,.0f} rows/s, {r['seconds'] / bare:.1f}x a bare pass ({bare:.1f} s); "
              f"peak memory {r['peak_mib']:.0f} MiB; store {r['store_mib']:.0f} MiB")
        if not args.keep:
            path.unlink()
        for p in (db, Path(str(db) + ".wal")):
            p.unlink(missing_ok=True)
    (small, a), (large, b) = results
    print(f"file {large / small:.1f}x larger: peak memory {b['peak_mib'] / a['peak_mib']:.2f}x, "
          f"rows/s {(b['stored'] / b['seconds']) / (a['stored'] / a['seconds']):.2f}x")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
