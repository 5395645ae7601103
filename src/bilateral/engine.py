"""The ingest: read and clean in the driver, analyze batches on an executor, store, reconcile.

Reading and cleaning happen in the driver (cheap, and they decide what is new); the per-batch
work (`work.analyze_batch`) runs wherever the executor puts it (`executors/`); the driver stores
each batch in one transaction, in input order whatever the executor, and reconciles what the
whole ingest touched at the end. The store's journal records each batch parsed, stored and
reconciled, so an ingest stopped anywhere is finished by the next process that writes the store.
A document that fails anywhere is an error of its own; the rest of its batch goes on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

import os
import time

from .errors import InputError, InputWarning
from .executors import chunks, executor
from .model import Analysis, Document
from .options import DEFAULT, Options
from .store import Store


@dataclass
class IngestReport:
    """What an ingest did: counts, and every input it could not read with the reason."""

    read: int = 0
    new: int = 0
    known: int = 0
    events: int = 0
    claims: int = 0
    tokens: int = 0
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)   # read with a doubt: a field left out, a legacy encoding
    repaired: Optional[object] = None               # what an earlier, stopped ingest left and this one finished
    seconds: dict = field(default_factory=dict)     # wall time of the parts: "batches" (read to store), "reconcile"

    def to_dict(self) -> dict:
        out = {"read": self.read, "new": self.new, "known": self.known, "events": self.events,
               "claims": self.claims, "tokens": self.tokens,
               "errors": [{"path": e.path, "code": e.code, "reason": e.reason} for e in self.errors],
               "warnings": [{"path": e.path, "code": e.code, "reason": e.reason} for e in self.warnings]}
        if self.repaired:
            out["repaired"] = self.repaired.to_dict()
        out["seconds"] = {k: round(v, 3) for k, v in self.seconds.items()}
        return out


def cleaned(sources: Iterable, report: IngestReport) -> Iterator[Document]:
    """Clean each source; a source that fails becomes an error in the report, never an exception."""
    from .read import clean
    for item in sources:
        if isinstance(item, InputWarning):
            report.warnings.append(item)
            continue
        if isinstance(item, InputError):
            report.errors.append(item)
            continue
        report.read += 1
        try:
            doc = clean(item)
        except Exception as exc:  # a malformed page must not stop the batch
            report.errors.append(InputError(item.source_path, f"could not be cleaned: {exc}", "clean"))
            continue
        if not doc.text.strip():
            report.errors.append(InputError(item.source_path, "no text left after removing boilerplate", "empty"))
            continue
        yield doc


def ingest(store: Store, paths: Iterable[str], options: Options = DEFAULT, processes: int = 1,
           engine: str = "local", address: Optional[str] = None,
           progress: Optional[Callable[[int], None]] = None) -> IngestReport:
    """Read, clean, analyze and store documents, then reconcile the groups they touched.

    What an earlier ingest stopped before finishing is finished first (`journal.finish_pending`)."""
    from .journal import finish_pending
    from .read import read_sources
    from .reconcile import reconcile

    report = IngestReport(repaired=finish_pending(store, options) or None)
    store.boundary(idle=True)   # models load next: a server may read meanwhile
    run = executor(engine, options, processes=processes, address=address, store=store)
    run_id = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
    batches_done: list = []
    new_ids: list = []

    def fresh(docs: Iterable[Document]) -> Iterator[Document]:
        """The documents neither stored before nor met earlier in this ingest (one store query per chunk)."""
        seen = set()
        for chunk in chunks(docs, max(1, options.batch_size)):
            stored_before = store.known_documents([d.doc_id for d in chunk])
            unseen = []
            for d in chunk:
                if d.doc_id in stored_before or d.doc_id in seen:
                    store.add_source(d.source_path, d.doc_id)
                    report.known += 1
                    if progress:
                        progress(1)
                    continue
                seen.add(d.doc_id)
                unseen.append(d)
            store.boundary(idle=True)   # these go to be parsed: a server may read meanwhile
            yield from unseen

    started = time.perf_counter()
    sources = read_sources(paths, max_bytes=options.max_bytes)
    batches = chunks(fresh(cleaned(sources, report)), max(1, options.batch_size))
    since_release = 0
    for number, results in enumerate(run.map_batches(batches)):
        analyses = [r for r in results if isinstance(r, Analysis)]
        report.errors.extend(r for r in results if not isinstance(r, Analysis))
        key = f"{run_id}:{number}"
        store.journal_parsed(key, [a.document.doc_id for a in analyses],
                             [a.document.source_path for a in analyses])
        stored = _store(store, analyses, key, report)
        batches_done.append(key)
        since_release += len(analyses)
        if since_release >= options.release_every:
            store.release_cache()
            since_release = 0
        for a in stored:
            new_ids.append(a.document.doc_id)
            report.new += 1
            report.events += len(a.events)
            report.claims += len(a.claims)
            report.tokens += a.n_tokens
        if progress:
            progress(len(results))
    report.seconds["batches"] = time.perf_counter() - started
    started = time.perf_counter()
    if new_ids:
        if since_release:
            store.release_cache()
        reconcile(store, new_ids, options)
    store.journal_mark(batches_done, "reconciled")
    report.seconds["reconcile"] = time.perf_counter() - started
    return report


def _store(store: Store, analyses: list, key: str, report: IngestReport) -> list:
    """Write a batch in one transaction; if that fails, each document alone, so one that cannot be
    stored is an error of its own and the others land (the journal lists those that did). When no
    document can be stored at all, the store itself is failing: that is raised."""
    from .work import failed
    try:
        return store.write_batch(analyses, batch=key)
    except Exception as exc:
        if len(analyses) == 1:
            report.errors.append(failed(analyses[0].document, "could not be stored", exc, "store"))
            return []
    stored: list = []
    errors: list = []
    for a in analyses:
        try:
            stored.extend(store.write_batch([a], batch=key, before=[s.document.doc_id for s in stored]))
        except Exception as exc:
            errors.append((a, exc))
    if errors and not stored:
        raise errors[-1][1]
    report.errors.extend(failed(a.document, "could not be stored", exc, "store") for a, exc in errors)
    return stored
