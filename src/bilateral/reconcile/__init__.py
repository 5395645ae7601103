"""Reconciliation across the store: merged events and conflicts, redone only for the groups a batch touched."""
from __future__ import annotations

from typing import Optional

from ..store import Store
from .conflicts import claim_conflicts
from .events import event_conflicts
from .merge import merge_events


def reconcile(store: Store, doc_ids: Optional[list] = None) -> dict:
    """Re-merge the events of every pair the documents touch and re-check their claim groups."""
    if doc_ids is None:
        pairs = sorted({p for p, _, _ in store.pairs()} | set(store.mention_pairs(
            [d.doc_id for d in store.documents()])))
        groups = store.claim_groups([d.doc_id for d in store.documents()])
    else:
        pairs = store.mention_pairs(doc_ids)
        groups = store.claim_groups(doc_ids)
    n_events = 0
    if pairs:
        events, members = merge_events(store.mentions(pairs))
        store.replace_events(pairs, events, members)
        n_events = len(events)
        found = [(f"events:{e_pair}", k) for e_pair, k in event_conflicts(events)]
        store.replace_conflicts([f"events:{p}" for p in pairs], found)
    conflicts = []
    for metric, pair in groups:
        for k in claim_conflicts(store.claims(pairs=[pair], metric=metric)):
            conflicts.append((f"claims:{metric}:{pair}", k))
    store.replace_conflicts([f"claims:{m}:{p}" for m, p in groups], conflicts)
    return {"pairs": len(pairs), "events": n_events, "claim_groups": len(groups)}
