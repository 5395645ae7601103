"""Ingest throughput against the bare parse it is built on, in one process and in a process pool.

    .venv/bin/python bench/throughput.py                 # 1000 generated documents, 1 then 2 processes
    .venv/bin/python bench/throughput.py --repeat 3      # three runs, medians printed last
    .venv/bin/python bench/throughput.py --n 1000 --processes 2 --ray
    .venv/bin/python bench/throughput.py --batch-sizes    # only the nlp.pipe batch-size sweep

All numbers come from one run on the same documents (bench/corpus.py, fixed seed):

- bare: `nlp.pipe` over the cleaned texts with the very pipeline and batch size the
  ingest uses (every component of the model: each is read by some stage);
- stages: the same documents through each stage in turn (parse, extract, store,
  reconcile), timed apart, to show where the time goes;
- ingest: the whole `engine.ingest` (read, clean, parse, extract, store, reconcile)
  into a fresh store, with 1 process, then N processes (and Ray with --ray).

The model and gazetteer load once per process before timing (a fixed start-up of
about 2 s); with N processes the driver parses too and spawns N - 1 workers, whose
start-up, model loads included, is inside the time (as is Ray's).  Prints tokens/s for each and the ratios; targets: ingest >= 0.8x bare,
N=2 processes >= 1.8x one process.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def write_corpus(n: int, seed: int, folder: Path) -> None:
    from corpus import generate
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in generate(n, seed):
        (folder / name).write_text(text, encoding="utf-8")


def stages(folder: Path, tmp: Path, run: int = 0) -> dict:
    """Each stage timed apart over the same documents; parse alone is the bare spaCy baseline."""
    from bilateral.engine import BATCH_SIZE, _gazetteer
    from bilateral.extract import analyze
    from bilateral.nlp.pipeline import PIPE_BATCH, load_nlp
    from bilateral.read import clean, read_sources
    from bilateral.reconcile import reconcile
    from bilateral.store import Store

    nlp, gaz = load_nlp(), _gazetteer(None)
    t = time.perf_counter()
    docs = [clean(r) for r in read_sources([str(folder)])]
    out = {"read_clean": time.perf_counter() - t}
    t = time.perf_counter()
    parsed = list(nlp.pipe([d.text for d in docs], batch_size=PIPE_BATCH))
    out["parse"] = time.perf_counter() - t
    out["tokens"] = sum(len(p) for p in parsed)
    t = time.perf_counter()
    analyses = [analyze(d, p, gaz) for d, p in zip(docs, parsed)]
    out["extract"] = time.perf_counter() - t
    del parsed
    store = Store(tmp / f"stages{run}.duckdb")   # a fresh store per run, or run 2 would store nothing
    t = time.perf_counter()
    for i in range(0, len(analyses), BATCH_SIZE):
        store.write_batch(analyses[i:i + BATCH_SIZE])
    out["store"] = time.perf_counter() - t
    t = time.perf_counter()
    out["reconcile_groups"] = reconcile(store, [d.doc_id for d in docs])
    out["reconcile"] = time.perf_counter() - t
    out["pipeline_components"] = list(nlp.pipe_names)
    out["pipe_batch"] = PIPE_BATCH
    store.close()
    return out


def whole(folder: Path, db: Path, **options) -> tuple:
    """The whole ingest into a fresh store: (seconds, tokens)."""
    from bilateral.engine import ingest
    from bilateral.store import Store

    store = Store(db)
    t = time.perf_counter()
    report = ingest(store, [str(folder)], **options)
    elapsed = time.perf_counter() - t
    store.close()
    assert not report.errors, report.errors[:3]
    return elapsed, report.tokens


def batch_sweep(folder: Path) -> None:
    from bilateral.nlp.pipeline import load_nlp
    from bilateral.read import clean, read_sources

    nlp = load_nlp()
    texts = [clean(r).text for r in read_sources([str(folder)])]
    list(nlp.pipe(texts[:16]))
    for size in (8, 16, 32, 64, 128, 256):
        t = time.perf_counter()
        n = sum(len(d) for d in nlp.pipe(texts, batch_size=size))
        print(f"nlp.pipe batch_size={size:<4} {n / (time.perf_counter() - t):8.0f} tokens/s", flush=True)


def _median(xs: list) -> float:
    xs = sorted(xs)
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def main(argv: list | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="documents to generate")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1, help="runs of bare, 1-process and N-process ingest; "
                                                           "medians are printed")
    ap.add_argument("--ray", action="store_true", help="also the Ray engine on a local Ray")
    ap.add_argument("--batch-sizes", action="store_true", help="only sweep nlp.pipe batch sizes")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "corpus"
        write_corpus(args.n, args.seed, folder)
        if args.batch_sizes:
            batch_sweep(folder)
            return 0
        from bilateral.engine import warm
        warm()
        runs: list = []
        for run in range(args.repeat):
            print(f"--- run {run + 1} of {args.repeat}  (load average {os.getloadavg()[0]:.2f})", flush=True)
            s = stages(folder, tmp, run)
            tokens = s["tokens"]
            bare = tokens / s["parse"]
            print(f"documents {args.n}, tokens {tokens}; pipeline {'+'.join(s['pipeline_components'])}, "
                  f"nlp.pipe batch {s['pipe_batch']} (bare and ingest alike)")
            print(f"bare nlp.pipe                  {bare:8.0f} tokens/s")
            for k in ("read_clean", "parse", "extract", "store", "reconcile"):
                print(f"  stage {k:<11} {s[k]:7.2f} s  ({s[k] / s['parse']:.2f}x parse)")
            print(f"  reconcile recomputed {s['reconcile_groups']}")
            results = {"bare": bare}
            for k in ("extract", "store", "reconcile"):
                results[f"{k}_x_parse"] = s[k] / s["parse"]
            sec, tok = whole(folder, tmp / f"one{run}.duckdb", processes=1)
            results["ingest_1"] = tok / sec
            print(f"ingest, 1 process              {tok / sec:8.0f} tokens/s  ({sec:.1f} s)", flush=True)
            if args.processes > 1:
                sec, tok = whole(folder, tmp / f"many{run}.duckdb", processes=args.processes)
                results[f"ingest_{args.processes}"] = tok / sec
                print(f"ingest, {args.processes} processes            {tok / sec:8.0f} tokens/s  ({sec:.1f} s, "
                      f"the worker's start-up included)", flush=True)
            if args.ray:
                sec, tok = whole(folder, tmp / f"ray{run}.duckdb", engine="ray")
                results["ingest_ray"] = tok / sec
                print(f"ingest, Ray (local, all CPUs)  {tok / sec:8.0f} tokens/s  ({sec:.1f} s, start-up included)",
                      flush=True)
            results["ratio_1_bare"] = results["ingest_1"] / bare
            print(f"ratio ingest(1 process) / bare nlp.pipe = {results['ratio_1_bare']:.2f}  (target >= 0.80)")
            if args.processes > 1:
                r = results[f"ingest_{args.processes}"] / results["ingest_1"]
                results[f"ratio_{args.processes}_1"] = r
                print(f"ratio ingest({args.processes} processes) / ingest(1 process) = {r:.2f}  "
                      f"(target >= 1.80 for 2)")
            if args.ray:
                print(f"ratio ingest(Ray) / ingest(1 process) = {results['ingest_ray'] / results['ingest_1']:.2f}")
            runs.append(results)
        medians = {k: _median([r[k] for r in runs]) for k in runs[0]}
        print(f"=== medians of {len(runs)} run(s): " + json.dumps(
            {k: (round(v, 3) if v < 10 else round(v)) for k, v in medians.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
