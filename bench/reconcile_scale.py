"""Reconciliation at scale: 10k against 100k synthetic events and claims, and incremental re-reconciliation.

    .venv/bin/python bench/reconcile_scale.py                 # 10k and 100k, then the incremental check
    .venv/bin/python bench/reconcile_scale.py --n 5000 50000 --docs 300

Part 1 builds single-mention events and claims directly (no parsing) over many
country pairs and metrics, and times what reconciliation computes: merging
mentions into events, plan-versus-fact conflicts per pair, and claim conflicts
per comparison group.  Everything is blocked by pair (and metric), so the time
should grow about linearly: target time(100k) / time(10k) <= 12.

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
import random
import sys
import tempfile
import time
from pathlib import Path

from bilateral.model import Actor, Analysis, Claim, Document, Event, Mention, stable_id, text_id
from bilateral.reconcile import reconcile
from bilateral.reconcile.conflicts import claim_conflicts
from bilateral.reconcile.events import event_conflicts
from bilateral.reconcile.merge import merge_events
from bilateral.store import Store, pair_key

CODES = tuple(f"C{i:02d}" for i in range(60))   # 60 actors: 1,770 pairs
EVENT_KINDS = (("COOPERATE", "061", "cooperate"), ("AGREE", "057", "sign"), ("CONSULT", "042", "visit"),
               ("AID", "071", "aid"), ("REQUEST", "020", "appeal"), ("DISAPPROVE", "112", "criticize"))
METRICS = ("oda", "loans", "investment", "trade", "tourists", "students", "grants", "exports")
MODALITIES = ("asserted", "asserted", "asserted", "planned")


def synthetic(n: int, seed: int, n_docs: int) -> tuple:
    """n events and n claims spread over n_docs documents, many pairs and metrics, with repeats and disagreements."""
    r = random.Random(seed)
    events, claims = [], []
    for i in range(n):
        doc = f"d{r.randrange(n_docs):06d}"
        a, b = r.sample(CODES, 2)
        etype, cameo, trigger = r.choice(EVENT_KINDS)
        year = r.randint(1990, 2024)
        date = r.choice((str(year), f"{year}-{r.randint(1, 12):02d}", f"{year}-{r.randint(1, 12):02d}-"
                         f"{r.randint(1, 28):02d}", None))
        eid = stable_id("m", i, seed)
        events.append(Event(event_id=eid, source=Actor(a, a), target=Actor(b, b), event_type=etype,
                            modality=r.choice(MODALITIES), date=date, date_basis="explicit" if date else "unknown",
                            cameo=cameo, trigger=trigger, topic=trigger, summary=f"{a} {trigger} {b}",
                            mentions=[Mention(doc, f"sentence {i}", i % 5000, i % 5000 + 40)]))
        a, b = r.sample(CODES, 2)
        year = r.randint(2000, 2024)
        value = r.choice((1.0, 1.01, 1.3, 100.0)) * 10 ** r.randint(6, 9)
        claims.append(Claim(claim_id=stable_id("c", i, seed), doc_id=doc, metric=r.choice(METRICS), subject=a,
                            object=b, value=value, unit="USD", value_usd=value, period_start=str(year),
                            period_end=str(year), period_kind="annual", as_of=str(year + 1),
                            text=f"{value:,.0f} dollars", sentence=f"sentence {i}"))
    return events, claims


def compute(events: list, claims: list) -> dict:
    """What reconciliation computes over these, with its blocking; the numbers of outputs."""
    merged, _ = merge_events(events)
    by_pair: dict = {}
    for e in merged:
        by_pair.setdefault(pair_key(e.source.code, e.target.code), []).append(e)
    plan = sum(len(event_conflicts(es)) for es in by_pair.values())
    return {"events": len(merged), "plan_vs_fact": plan, "claim_conflicts": len(claim_conflicts(claims))}


def scaling(sizes: list, seed: int) -> None:
    times = []
    for n in sizes:
        events, claims = synthetic(n, seed, max(1, n // 20))
        gc.collect()
        gc.freeze()   # the generated inputs are the bench's, not reconciliation's: keep them out of GC scans
        t = time.perf_counter()
        out = compute(events, claims)
        times.append(time.perf_counter() - t)
        del events, claims
        gc.unfreeze()
        print(f"n={n:>7} events + {n} claims: {times[-1]:7.2f} s  -> {out}", flush=True)
    for n, t in zip(sizes[1:], times[1:]):
        print(f"time({n}) / time({sizes[0]}) = {t / times[0]:.1f}  (size ratio {n / sizes[0]:.0f}; "
              f"target <= {1.2 * n / sizes[0]:.0f})")


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
    args = ap.parse_args(argv)
    scaling(args.n, args.seed)
    through_store(args.n, args.seed)
    incremental(args.docs, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
