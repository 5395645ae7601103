"""Reconciliation at scale: 10k against 100k synthetic events and claims, and incremental re-reconciliation.

    .venv/bin/python bench/reconcile_scale.py                 # 10k and 100k, then the incremental check
    .venv/bin/python bench/reconcile_scale.py --n 5000 50000 --docs 300 --repeat 5
    .venv/bin/python bench/reconcile_scale.py --core-only     # part 1 alone
    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.out \
        .venv/bin/python bench/reconcile_scale.py --callgrind /tmp/cg.out   # the core's instruction counts

Part 1 builds single-mention events and claims directly (no parsing) over many
country pairs and metrics, and times what reconciliation computes: merging
mentions into events, plan-versus-fact conflicts per pair, and claim conflicts
per comparison group, each the minimum of --repeat runs.  Everything is blocked
by pair (and metric), so the time should grow about linearly: target
time(100k) / time(10k) <= 12.  Beside it, in the same process: a bare pass that
reads each input once (what the memory hierarchy alone does to a ratio), the
number of inputs that have anything to be compared with and the comparisons
made (what a fixed set of pairs does to the work as the corpus grows), and the
same sizes again with the number of actors grown with the corpus so that the
groups keep their size (a diagnostic, printed with its setting; the first
setting stays the measure).

Part 2 does the same sizes through the store, as an ingest runs it: the events
and claims are stored as documents of 10 each, then `reconcile(store)` reads
them back in chunks, merges, compares and writes the results; its time(100k) /
time(10k) is printed too.

Part 3 stores a corpus of synthetic documents, reconciles it, then adds a new
batch about two pairs and shows that reconciliation recomputes only the pairs
and claim groups that batch touches.
"""
from __future__ import annotations

import argparse
import gc
import glob
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bilateral.model import Actor, Analysis, Claim, Document, Event, Mention, stable_id, text_id
from bilateral.reconcile import reconcile
from bilateral.reconcile.conflicts import claim_relations, conflicts_of
from bilateral.reconcile.figures import group_key
from bilateral.reconcile.events import event_conflicts
from bilateral.reconcile.merge import merge_events
from bilateral.store import Store, pair_key

CODES = tuple(f"C{i:02d}" for i in range(60))   # 60 actors: 1,770 pairs
EVENT_KINDS = (("COOPERATE", "061", "cooperate"), ("AGREE", "057", "sign"), ("CONSULT", "042", "visit"),
               ("AID", "071", "aid"), ("REQUEST", "020", "appeal"), ("DISAPPROVE", "112", "criticize"))
METRICS = ("oda", "loans", "investment", "trade", "tourists", "students", "grants", "exports")
MODALITIES = ("asserted", "asserted", "asserted", "planned")


def synthetic(n: int, seed: int, n_docs: int, codes: tuple = CODES) -> tuple:
    """n events and n claims spread over n_docs documents, many pairs and metrics, with repeats and disagreements."""
    r = random.Random(seed)
    events, claims = [], []
    for i in range(n):
        doc = f"d{r.randrange(n_docs):06d}"
        a, b = r.sample(codes, 2)
        etype, cameo, trigger = r.choice(EVENT_KINDS)
        year = r.randint(1990, 2024)
        date = r.choice((str(year), f"{year}-{r.randint(1, 12):02d}", f"{year}-{r.randint(1, 12):02d}-"
                         f"{r.randint(1, 28):02d}", None))
        eid = stable_id("m", i, seed)
        events.append(Event(event_id=eid, source=Actor(a, a), target=Actor(b, b), event_type=etype,
                            modality=r.choice(MODALITIES), date=date, date_basis="explicit" if date else "unknown",
                            cameo=cameo, trigger=trigger, topic=trigger, summary=f"{a} {trigger} {b}",
                            mentions=[Mention(doc, f"sentence {i}", i % 5000, i % 5000 + 40)]))
        a, b = r.sample(codes, 2)
        year = r.randint(2000, 2024)
        value = r.choice((1.0, 1.01, 1.3, 100.0)) * 10 ** r.randint(6, 9)
        claims.append(Claim(claim_id=stable_id("c", i, seed), doc_id=doc, metric=r.choice(METRICS), subject=a,
                            object=b, value=value, unit="USD", value_usd=value, period_start=str(year),
                            period_end=str(year), period_kind="annual", as_of=str(year + 1),
                            text=f"{value:,.0f} dollars", sentence=f"sentence {i}"))
    return events, claims


def _by_pair(events: list) -> dict:
    by_pair: dict = {}
    for e in events:
        by_pair.setdefault(pair_key(e.source.code, e.target.code), []).append(e)
    return by_pair


def _bare(events: list, claims: list) -> int:
    """A pass that reads a few fields of every input and keeps a tuple of them: no reconciliation at all."""
    return len([(e.source.code, e.target.code, e.event_type, e.date) for e in events]) + \
        len([(c.metric, c.subject, c.object, c.value) for c in claims])


def _best(fn, repeat: int) -> tuple:
    """(minimum seconds over `repeat` runs, the last result)."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def _density(events: list, claims: list) -> dict:
    """How much of the input has anything to be compared with: events sharing their (pair, type,
    modality, year) block with another, claims sharing their comparison group with another."""
    blocks = Counter((frozenset((e.source.code, e.target.code)), e.event_type, e.modality, (e.date or "")[:4])
                     for e in events)
    groups = Counter(group_key(c) for c in claims if c.metric != "other")
    return {"events_not_alone": sum(k for k in blocks.values() if k > 1),
            "claims_not_alone": sum(k for k in groups.values() if k > 1)}


def measure(events: list, claims: list, repeat: int) -> dict:
    """Minimum times of each part of the core and of the bare pass, and the numbers of outputs."""
    gc.collect()
    gc.freeze()   # the generated inputs are the bench's, not reconciliation's: keep them out of GC scans
    try:
        t_merge, (merged, _) = _best(lambda: merge_events(events), repeat)
        by_pair = _by_pair(merged)
        t_plan, plan = _best(lambda: [k for es in by_pair.values() for k in event_conflicts(es)], repeat)
        t_claims, relations = _best(lambda: claim_relations(claims), repeat)
        t_conf, conflicts = _best(lambda: conflicts_of(relations), repeat)
        t_bare, _ = _best(lambda: _bare(events, claims), repeat)
    finally:
        gc.unfreeze()
    return {"merge": t_merge, "plan_vs_fact": t_plan, "claims": t_claims + t_conf,
            "core": t_merge + t_plan + t_claims + t_conf, "bare": t_bare,
            "events": len(merged), "merged": sum(len(e.mentions) > 1 for e in merged), "plan_conflicts": len(plan),
            "relations": len(relations), "claim_conflicts": len(conflicts), **_density(events, claims)}


def scaling(sizes: list, seed: int, repeat: int, codes_for=lambda n: CODES, label: str = "") -> None:
    """The core at each size, its parts, the bare pass, and their ratios to the smallest size."""
    rows = []
    for n in sizes:
        codes = codes_for(n)
        events, claims = synthetic(n, seed, max(1, n // 20), codes)
        m = measure(events, claims, repeat)
        del events, claims
        rows.append(m)
        print(f"{label}n={n:>7} ({len(codes)} actors, {len(codes) * (len(codes) - 1) // 2:,} pairs): "
              f"core {m['core']:.3f} s = merge {m['merge']:.3f} + plan-vs-fact {m['plan_vs_fact']:.3f} + "
              f"claims {m['claims']:.3f}; bare pass {m['bare']:.3f} s (minima of {repeat})", flush=True)
        print(f"{label}    outputs: {m['events']} events ({m['merged']} merged), {m['plan_conflicts']} plan-vs-fact, "
              f"{m['relations']} claim relations ({m['claim_conflicts']} conflicts); inputs with something to "
              f"compare: {m['events_not_alone']} events, {m['claims_not_alone']} claims", flush=True)
    base = rows[0]
    for n, m in zip(sizes[1:], rows[1:]):
        parts = ", ".join(f"{k} {m[k] / base[k]:.1f}" for k in ("merge", "plan_vs_fact", "claims", "bare"))
        print(f"{label}time({n}) / time({sizes[0]}) = {m['core'] / base['core']:.1f}  (size ratio "
              f"{n / sizes[0]:.0f}; target <= {1.2 * n / sizes[0]:.0f}); parts: {parts}")
        print(f"{label}    growth of inputs with something to compare: events "
              f"{m['events_not_alone'] / max(1, base['events_not_alone']):.0f}x, claims "
              f"{m['claims_not_alone'] / max(1, base['claims_not_alone']):.0f}x; outputs: plan-vs-fact "
              f"{m['plan_conflicts'] / max(1, base['plan_conflicts']):.0f}x, claim relations "
              f"{m['relations'] / max(1, base['relations']):.0f}x")


def instructions(sizes: list, seed: int, out_file: str, codes_for=lambda n: CODES, label: str = "") -> None:
    """Instructions the core executes at each size, counted by callgrind (run under
    `valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=OUT`): unlike times, they do not
    depend on the processor's caches or on what else the machine runs."""
    counts = []
    pid = str(os.getpid())
    for n in sizes:
        codes = codes_for(n)
        events, claims = synthetic(n, seed, max(1, n // 20), codes)
        gc.collect()
        gc.freeze()
        subprocess.run(["callgrind_control", "--zero", pid], capture_output=True, check=True)
        subprocess.run(["callgrind_control", "--instr=on", pid], capture_output=True, check=True)
        merged, _ = merge_events(events)
        for es in _by_pair(merged).values():
            event_conflicts(es)
        conflicts_of(claim_relations(claims))
        subprocess.run(["callgrind_control", "--instr=off", pid], capture_output=True, check=True)
        before = set(glob.glob(out_file + ".*"))
        subprocess.run(["callgrind_control", f"--dump=core{n}", pid], capture_output=True, check=True)
        [dump] = set(glob.glob(out_file + ".*")) - before
        counts.append(next(int(line.split()[1]) for line in open(dump) if line.startswith("totals:")))
        gc.unfreeze()
        del events, claims, merged
        print(f"{label}n={n:>7} ({len(codes)} actors): core {counts[-1]:,} instructions", flush=True)
    for n, k in zip(sizes[1:], counts[1:]):
        print(f"{label}instructions({n}) / instructions({sizes[0]}) = {k / counts[0]:.1f}  (size ratio {n / sizes[0]:.0f})")


def codes_growing(sizes: list):
    """Actor codes for a size such that the number of pairs grows with it (the groups keep their size)."""
    def codes_for(n: int) -> tuple:
        k = round(len(CODES) * (n / sizes[0]) ** 0.5)
        return tuple(f"C{i:03d}" for i in range(k))
    return codes_for


def _analysis(doc_id: str, events: list, claims: list) -> Analysis:
    text = f"synthetic document {doc_id}"
    d = Document(doc_id=doc_id, source_path=f"{doc_id}.txt", text=text, n_chars_raw=len(text),
                 n_chars_clean=len(text))
    return Analysis(document=d, events=events, claims=claims, n_tokens=3)


def _stored(n: int, seed: int, folder: Path) -> Store:
    """A store holding n synthetic events and n claims, 10 of each per document."""
    events, claims = synthetic(n, seed, max(1, n // 10))
    by_doc: dict = {}
    for e in events:
        by_doc.setdefault(e.mentions[0].doc_id, ([], []))[0].append(e)
    for c in claims:
        by_doc.setdefault(c.doc_id, ([], []))[1].append(c)
    store = Store(folder / f"stored{n}.duckdb")
    docs = sorted(by_doc)
    for i in range(0, len(docs), 64):
        store.write_batch([_analysis(text_id(d), *by_doc[d]) for d in docs[i:i + 64]])
    return store


def through_store(sizes: list, seed: int) -> None:
    """The whole reconciliation stage at each size: store reads, merging, comparisons, store writes."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            store = _stored(n, seed, Path(tmp))
            t = time.perf_counter()
            out = reconcile(store)
            times.append(time.perf_counter() - t)
            store.close()
            print(f"through the store, n={n:>7}: reconcile(store) {times[-1]:6.2f} s -> {out}", flush=True)
    for n, t in zip(sizes[1:], times[1:]):
        print(f"through the store: time({n}) / time({sizes[0]}) = {t / times[0]:.1f}  (size ratio "
              f"{n / sizes[0]:.0f}; target <= {1.2 * n / sizes[0]:.0f})")


def incremental(n_docs: int, seed: int) -> None:
    """Store a corpus, reconcile it all, then add a batch about two pairs: only their groups are redone."""
    events, claims = synthetic(n_docs * 10, seed, n_docs)
    by_doc: dict = {}
    for e in events:
        by_doc.setdefault(e.mentions[0].doc_id, ([], []))[0].append(e)
    for c in claims:
        by_doc.setdefault(c.doc_id, ([], []))[1].append(c)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "scale.duckdb")
        docs = sorted(by_doc)
        t = time.perf_counter()
        for i in range(0, len(docs), 64):
            store.write_batch([_analysis(text_id(d), *by_doc[d]) for d in docs[i:i + 64]])
        stored = time.perf_counter() - t
        t = time.perf_counter()
        full = reconcile(store)
        print(f"corpus: {len(docs)} documents, {len(events)} mentions, {len(claims)} claims "
              f"(stored in {stored:.1f} s); full reconcile {time.perf_counter() - t:.2f} s recomputed {full}")
        a, b, c = CODES[:3]
        fresh_events, fresh_claims = synthetic(20, seed + 1, 1)
        for k, e in enumerate(fresh_events):
            e.source, e.target = (Actor(a, a), Actor(b, b)) if k % 2 else (Actor(a, a), Actor(c, c))
            e.mentions[0].doc_id = "new"
        for k, cl in enumerate(fresh_claims):
            cl.subject, cl.object, cl.metric, cl.doc_id = a, (b if k % 2 else c), "oda", "new"
        doc_id = text_id("new batch")
        for x in fresh_events:
            x.mentions[0].doc_id = doc_id
        for x in fresh_claims:
            x.doc_id = doc_id
        store.write_batch([_analysis(doc_id, fresh_events, fresh_claims)])
        t = time.perf_counter()
        part = reconcile(store, [doc_id])
        print(f"new batch about {pair_key(a, b)} and {pair_key(a, c)}: reconcile {time.perf_counter() - t:.2f} s "
              f"recomputed {part}")
        print(f"groups recomputed: pairs {part['pairs']} of {full['pairs']}, "
              f"claim groups {part['claim_groups']} of {full['claim_groups']}")


def main(argv: list | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000], help="sizes, smallest first")
    ap.add_argument("--docs", type=int, default=500, help="documents in the incremental check")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each part of the core; the minimum is kept")
    ap.add_argument("--core-only", action="store_true", help="part 1 alone")
    ap.add_argument("--callgrind", metavar="OUT", help="count the core's instructions instead (run under valgrind "
                    "--tool=callgrind --instr-atstart=no --callgrind-out-file=OUT)")
    args = ap.parse_args(argv)
    if args.callgrind:
        instructions(args.n, args.seed, args.callgrind)
        print("the same with actors grown with the corpus, so that the groups keep their size (diagnostic):")
        instructions(args.n, args.seed, args.callgrind, codes_growing(args.n), "  ")
        return 0
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    scaling(args.n, args.seed, args.repeat)
    print("the same with actors grown with the corpus, so that the groups keep their size (diagnostic):")
    scaling(args.n, args.seed, args.repeat, codes_growing(args.n), "  ")
    if args.core_only:
        return 0
    through_store(args.n, args.seed)
    incremental(args.docs, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
