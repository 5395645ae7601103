"""Ingest throughput against the bare parse it is built on, in one process and in a process pool.

    .venv/bin/python bench/throughput.py                 # 1000 real stories, 1 then 2 processes
    .venv/bin/python bench/throughput.py --generated     # 1000 generated documents instead
    .venv/bin/python bench/throughput.py --repeat 3      # three runs, medians printed last
    .venv/bin/python bench/throughput.py --n 1000 --processes 2 --ray
    .venv/bin/python bench/throughput.py --batch-sizes    # only the nlp.pipe batch-size sweep

All numbers come from one run on the same documents: real news from ../shared/corpora (the
first N/2 BBC stories and the first N/2 Reuters wires, as one JSON Lines file), or with
`--generated` the synthetic corpus of bench/corpus.py (fixed seed):

- bare: `nlp.pipe` over the cleaned texts with the very pipeline and batch size the
  ingest uses (every component of the model: each is read by some stage);
- stages: the same documents through each stage in turn (parse, extract, store,
  reconcile), timed apart, to show where the time goes; extraction also step by step
  (token table, actors, time expressions, events, claims), and the stages after the parse
  summed against it (target: at most 0.25x);
- ingest: the whole `engine.ingest` (read, clean, parse, extract, store, reconcile)
  into a fresh store, with 1 process, then N processes (and Ray with --ray).

The model and gazetteer load once per process before timing (a fixed start-up of
about 2 s); with N processes the driver parses too and spawns N - 1 workers, whose
start-up, model loads included, is inside the time (as is Ray's).  Prints tokens/s for each and the ratios; targets: ingest >= 0.8x bare,
N=2 processes >= 1.8x one process.

On a shared machine the wall-clock ratio of the one-process ingest to the bare parse moves with whatever
else runs while each is timed; the CPU time of this process does not count the time another process holds
the core, so the same ratio is also printed in CPU seconds (`cpu ratio`: one process only, since a pool's
workers are other processes).
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


CORPORA = HERE.parent.parent / "shared" / "corpora"


def write_real(n: int, folder: Path) -> None:
    """The first n/2 stories of each real corpus as one JSON Lines file in `folder`."""
    import gzip
    import itertools
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "stories.jsonl", "w", encoding="utf-8") as out:
        for name in ("bbc.jsonl.gz", "reuters21578.jsonl.gz"):
            with gzip.open(CORPORA / name, "rt", encoding="utf-8") as f:
                for line in itertools.islice(f, n // 2):
                    out.write(line)


def write_corpus(n: int, seed: int, folder: Path) -> None:
    from corpus import generate
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in generate(n, seed):
        (folder / name).write_text(text, encoding="utf-8")


def stages(folder: Path, tmp: Path, run: int = 0) -> dict:
    """Each stage timed apart over the same documents; parse alone is the bare spaCy baseline."""
    from bilateral.extract import analyze
    from bilateral.nlp.pipeline import load_nlp
    from bilateral.options import DEFAULT
    from bilateral.work import gazetteer
    from bilateral.read import clean, read_sources
    from bilateral.reconcile import reconcile
    from bilateral.store import Store

    nlp, gaz = load_nlp(), gazetteer(None)
    out: dict = {}

    def timed(stage: str, work):
        """Run one stage; its wall and CPU seconds go to out[stage] and out[stage + "_cpu"]."""
        t, c = time.perf_counter(), time.process_time()
        result = work()
        out[stage], out[stage + "_cpu"] = time.perf_counter() - t, time.process_time() - c
        return result

    docs = timed("read_clean", lambda: [clean(r) for r in read_sources([str(folder)])])
    parsed = timed("parse", lambda: list(nlp.pipe([d.text for d in docs], batch_size=DEFAULT.pipe_batch)))
    out["tokens"] = sum(len(p) for p in parsed)
    analyses = timed("extract", lambda: [analyze(d, p, gaz) for d, p in zip(docs, parsed)])
    out["extract_parts"] = extract_parts(docs, parsed, gaz)
    del parsed
    store = Store(tmp / f"stages{run}.duckdb")   # a fresh store per run, or run 2 would store nothing

    def write() -> None:
        for i in range(0, len(analyses), DEFAULT.batch_size):
            store.write_batch(analyses[i:i + DEFAULT.batch_size])

    timed("store", write)
    out["reconcile_groups"] = timed("reconcile", lambda: reconcile(store, [d.doc_id for d in docs]))
    out["pipeline_components"] = list(nlp.pipe_names)
    out["pipe_batch"] = DEFAULT.pipe_batch
    store.close()
    return out


def extract_parts(docs: list, parsed: list, gaz) -> dict:
    """CPU seconds of each step of `extract.analyze`, run apart in its order over the same parses: the
    token table, actors, time expressions, events, claims."""
    from bilateral.extract.claims import extract_claims
    from bilateral.extract.events import extract_events
    from bilateral.nlp.actors import find_actors
    from bilateral.nlp.timex import find_timexes
    from bilateral.nlp.tokens import tokens_of

    parts = dict.fromkeys(("token table", "actors", "time expressions", "events", "claims"), 0.0)
    for d, p in zip(docs, parsed):
        p._.bl_tokens = None   # built again here, so its cost is counted
        c0 = time.process_time()
        tokens_of(p, d.text)
        c1 = time.process_time()
        actors = find_actors(p, gaz, date=d.published)
        c2 = time.process_time()
        timexes = find_timexes(d.text, d.published)
        c3 = time.process_time()
        extract_events(d, p, actors, timexes)
        c4 = time.process_time()
        extract_claims(d, p, actors, timexes)
        c5 = time.process_time()
        for k, a, b in zip(parts, (c0, c1, c2, c3, c4), (c1, c2, c3, c4, c5)):
            parts[k] += b - a
    return parts


def whole(folder: Path, db: Path, **options) -> tuple:
    """The whole ingest into a fresh store: (seconds, tokens, CPU seconds of this process)."""
    from bilateral.engine import ingest
    from bilateral.store import Store

    store = Store(db)
    t, c = time.perf_counter(), time.process_time()
    report = ingest(store, [str(folder)], **options)
    elapsed, cpu = time.perf_counter() - t, time.process_time() - c
    store.close()
    assert not report.errors, report.errors[:3]
    return elapsed, report.tokens, cpu


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
    ap.add_argument("--n", type=int, default=1000, help="documents to take (or generate)")
    ap.add_argument("--generated", action="store_true", help="generated documents instead of real news")
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
        if args.generated:
            write_corpus(args.n, args.seed, folder)
        else:
            write_real(args.n, folder)
        if args.batch_sizes:
            batch_sweep(folder)
            return 0
        from bilateral.work import warm
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
                print(f"  stage {k:<11} {s[k]:7.2f} s  ({s[k] / s['parse']:.2f}x parse; CPU {s[k + '_cpu']:6.2f} s, "
                      f"{s[k + '_cpu'] / s['parse_cpu']:.3f}x parse)")
            print("  extract, step by step (CPU, x parse): " + ", ".join(
                f"{k} {v / s['parse_cpu']:.3f}x" for k, v in s["extract_parts"].items()))
            print(f"  after the parse: extract + store + reconcile = "
                  f"{sum(s[k] for k in ('extract', 'store', 'reconcile')) / s['parse']:.3f}x parse "
                  f"(CPU {sum(s[k + '_cpu'] for k in ('extract', 'store', 'reconcile')) / s['parse_cpu']:.3f}x; "
                  f"target <= 0.25x)")
            print(f"  reconcile recomputed {s['reconcile_groups']}")
            results = {"bare": bare}
            for k in ("read_clean", "extract", "store", "reconcile"):
                results[f"{k}_x_parse"] = s[k] / s["parse"]
                results[f"{k}_cpu_x_parse"] = s[k + "_cpu"] / s["parse_cpu"]
            results["after_parse_cpu_x_parse"] = sum(
                s[k + "_cpu"] for k in ("extract", "store", "reconcile")) / s["parse_cpu"]
            sec, tok, cpu = whole(folder, tmp / f"one{run}.duckdb", processes=1)
            results["ingest_1"] = tok / sec
            results["cpu_ratio_1_bare"] = s["parse_cpu"] / cpu
            print(f"ingest, 1 process              {tok / sec:8.0f} tokens/s  ({sec:.1f} s; CPU {cpu:.1f} s against "
                  f"{s['parse_cpu']:.1f} s for the bare parse)", flush=True)
            if args.processes > 1:
                sec, tok, _ = whole(folder, tmp / f"many{run}.duckdb", processes=args.processes)
                results[f"ingest_{args.processes}"] = tok / sec
                print(f"ingest, {args.processes} processes            {tok / sec:8.0f} tokens/s  ({sec:.1f} s, "
                      f"the worker's start-up included)", flush=True)
            if args.ray:
                sec, tok, _ = whole(folder, tmp / f"ray{run}.duckdb", engine="ray")
                results["ingest_ray"] = tok / sec
                print(f"ingest, Ray (local, all CPUs)  {tok / sec:8.0f} tokens/s  ({sec:.1f} s, start-up included)",
                      flush=True)
            results["ratio_1_bare"] = results["ingest_1"] / bare
            print(f"ratio ingest(1 process) / bare nlp.pipe = {results['ratio_1_bare']:.2f}  (target >= 0.80); "
                  f"cpu ratio {results['cpu_ratio_1_bare']:.2f}")
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
