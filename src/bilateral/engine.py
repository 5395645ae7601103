"""The ingest: read and clean in the driver, analyze batches on an executor, store, reconcile.

Reading and cleaning happen in the driver (cheap, and they decide what is new); the per-batch
work (`work.analyze_batch`) runs wherever the executor puts it (`executors/`); the driver stores
each batch in one transaction, in input order whatever the executor, and reconciles what the
whole ingest touched at the end.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from .errors import InputError
from .executors import chunks, executor
from .model import Document
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

    def to_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "known": self.known, "events": self.events,
                "claims": self.claims, "tokens": self.tokens,
                "errors": [{"path": e.path, "code": e.code, "reason": e.reason} for e in self.errors]}


def cleaned(sources: Iterable, report: IngestReport) -> Iterator[Document]:
    """Clean each source; a source that fails becomes an error in the report, never an exception."""
    from .read import clean
    for item in sources:
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
    """Read, clean, analyze and store documents, then reconcile the groups they touched."""
    from .read import read_sources
    from .reconcile import reconcile

    run = executor(engine, options, processes=processes, address=address, store=store)
    report = IngestReport()
    new_ids: list = []

    def fresh(docs: Iterable[Document]) -> Iterator[Document]:
        """The documents neither stored before nor met earlier in this ingest (one store query per chunk)."""
        seen = set()
        for chunk in chunks(docs, max(1, options.batch_size)):
            stored_before = store.known_documents([d.doc_id for d in chunk])
            for d in chunk:
                if d.doc_id in stored_before or d.doc_id in seen:
                    store.add_source(d.source_path, d.doc_id)
                    report.known += 1
                    if progress:
                        progress(1)
                    continue
                seen.add(d.doc_id)
                yield d

    batches = chunks(fresh(cleaned(read_sources(paths), report)), max(1, options.batch_size))
    since_release = 0
    for analyses in run.map_batches(batches):
        stored = store.write_batch(analyses)
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
            progress(len(analyses))
    if new_ids:
        if since_release:
            store.release_cache()
        reconcile(store, new_ids, options)
    return report
