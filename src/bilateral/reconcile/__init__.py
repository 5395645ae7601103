"""Reconciliation across the store: merged events and conflicts, redone only for the groups a batch touched.

Pairs are worked through in chunks of at most `options.pair_chunk` pairs and
`options.chunk_rows` mentions (or claims), so memory holds a bounded number of records at a time
whatever the size of the corpus (a pair larger than that is read alone); every
comparison stays inside one pair (and, for claims, one metric), so chunking
changes nothing decided.
"""
from __future__ import annotations

from typing import Optional

from ..options import DEFAULT, Options
from ..store import Store, pair_key
from .conflicts import claim_relations, conflicts_of
from .events import event_conflicts
from .merge import merge_events

def _chunks(pairs: list, sizes: dict, most: int, rows: int) -> list:
    """Consecutive runs of pairs, each of at most `most` pairs and `rows` rows (or one larger pair)."""
    out, run, held = [], [], 0
    for p in pairs:
        n = sizes.get(p, 0)
        if run and (len(run) >= most or held + n > rows):
            out.append(run)
            run, held = [], 0
        run.append(p)
        held += n
    if run:
        out.append(run)
    return out


def reconcile(store: Store, doc_ids: Optional[list] = None, options: Options = DEFAULT) -> dict:
    """Re-merge the events of every pair the documents touch and re-check their claim groups.

    Pairs reconciled together share one transaction (a pair's events and conflicts land together):
    enough that store round trips are few, few enough to bound memory."""
    if doc_ids is None:
        all_ids = [d.doc_id for d in store.documents()]
        pairs = sorted({p for p, _, _ in store.pairs()} | set(store.mention_pairs(all_ids)))
        groups = store.claim_groups(all_ids)
    else:
        pairs = store.mention_pairs(doc_ids)
        groups = store.claim_groups(doc_ids)
    n_events = 0
    for run in _chunks(pairs, store.pair_sizes("mentions", pairs), options.pair_chunk, options.chunk_rows):
        with store.together():
            n_events += _reconcile_events(store, run, options)
    group_pairs = sorted({p for _, p in groups})
    for run in _chunks(group_pairs, store.pair_sizes("claims", group_pairs), options.pair_chunk,
                      options.chunk_rows):
        part = set(run)
        with store.together():
            _reconcile_claims(store, [g for g in groups if g[1] in part], options)
    return {"pairs": len(pairs), "events": n_events, "claim_groups": len(groups)}


def _reconcile_events(store: Store, pairs: list, options: Options) -> int:
    """Merge the mentions of some pairs into events, store them, and store their plan-versus-fact conflicts."""
    mentions = store.mentions(pairs)
    meta = store.document_meta(sorted({m.mentions[0].doc_id for m in mentions}))
    events, members = merge_events(mentions, {doc_id: row[3] for doc_id, row in meta.items()},
                                   options.index_clusters)
    store.replace_events(pairs, events, members)
    by_pair: dict = {}
    for e in events:
        by_pair.setdefault(pair_key(e.source.code, e.target.code), []).append(e)
    found = []
    for p in pairs:   # a plan and its fact always share a pair, so each pair is checked alone
        found.extend((f"events:{e_pair}", k) for e_pair, k in event_conflicts(by_pair.get(p, [])))
    store.replace_conflicts([f"events:{p}" for p in pairs], found)
    return len(events)


def _reconcile_claims(store: Store, groups: list, options: Options) -> None:
    """Re-check the (metric, pair) claim groups given, reading their pairs' claims in one query."""
    wanted = set(groups)
    members: dict = {}
    for c in store.claims(pairs=sorted({p for _, p in groups})):
        key = (c.metric, pair_key(c.subject, c.object))
        if key in wanted:
            members.setdefault(key, []).append(c)
    conflicts, relations = [], []
    for metric, pair in groups:
        grp = f"claims:{metric}:{pair}"
        found = claim_relations(members.get((metric, pair), []), grp, options.indexed_outliers)
        relations.extend(found)
        conflicts.extend((grp, k) for k in conflicts_of(found))
    names = [f"claims:{m}:{p}" for m, p in groups]
    store.replace_conflicts(names, conflicts)
    store.replace_relations(names, relations)
