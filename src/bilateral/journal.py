"""Finishing what a stopped ingest left undone, from the store's journal of batches.

An ingest stores batch after batch and reconciles at the end. Killed in between, it leaves
batches stored but not reconciled; `finish_pending` reconciles their documents (reconciliation
redoes whole pairs and groups, so doing it again is harmless) and marks them done. Every
process that opens the store for writing calls it first, and `bilateral repair` on demand.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .options import DEFAULT, Options


@dataclass
class Repair:
    """What `finish_pending` found and did."""

    reconciled_batches: int = 0
    reconciled_documents: int = 0
    abandoned_batches: int = 0          # parsed but never stored: their documents are read again on re-ingest
    abandoned_sources: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.reconciled_batches or self.abandoned_batches)

    def to_dict(self) -> dict:
        return {"reconciled_batches": self.reconciled_batches, "reconciled_documents": self.reconciled_documents,
                "abandoned_batches": self.abandoned_batches, "abandoned_sources": self.abandoned_sources}

    def describe(self) -> str:
        parts = []
        if self.reconciled_batches:
            parts.append(f"reconciled {self.reconciled_documents} documents of {self.reconciled_batches} batches "
                         "an earlier ingest stored but did not reconcile")
        if self.abandoned_batches:
            parts.append(f"{self.abandoned_batches} batches were parsed but never stored; ingest their sources "
                         "again to add them")
        return "; ".join(parts) or "nothing to repair: every stored batch is reconciled"


def finish_pending(store, options: Options = DEFAULT, everything: bool = False) -> Repair:
    """Reconcile the documents of every batch stored but not reconciled, and mark those batches done;
    with `everything`, reconcile the whole store."""
    from .reconcile import reconcile
    pending = store.journal_pending()
    stored = [b for b in pending if b.state == "stored"]
    parsed = [b for b in pending if b.state == "parsed"]
    done = Repair(abandoned_batches=len(parsed), abandoned_sources=[s for b in parsed for s in b.sources])
    doc_ids = [d for b in stored for d in b.doc_ids]
    if everything:
        reconcile(store, None, options)
    elif doc_ids:
        reconcile(store, doc_ids, options)
    store.journal_mark([b.batch for b in stored], "reconciled")
    store.journal_mark([b.batch for b in parsed], "abandoned")
    done.reconciled_batches, done.reconciled_documents = len(stored), len(doc_ids)
    return done
