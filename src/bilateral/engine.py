"""Run the per-document stages over batches: in this process, in a process pool, or on Ray.

Reading and cleaning happen in the driver (cheap, and they decide what is new);
parsing and extraction, the costly part, run wherever the engine puts them; the
driver stores each batch in one transaction, in input order whatever the engine,
and reconciles what the whole ingest touched at the end.
"""
from __future__ import annotations

import functools
import itertools
import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from .errors import InputError
from .model import Document
from .read import clean, read_sources
from .store import Store

# Documents per unit of work (one task, one store transaction); spaCy parses them PIPE_BATCH at a time.
BATCH_SIZE = 64
# Documents stored between two releases of the store's block cache (Store.release_cache), so that
# DuckDB's cache does not grow with the corpus (bench/memory.py measures the peak).
RELEASE_EVERY = 1000
# Documents per task sent to a worker process (or kept by the driver): a batch is cut into these so
# that the processes share the work evenly to the end.
POOL_TASK = 16
# Documents per task in the last batch, whose tasks end the run: small, so the processes finish together.
LAST_TASK = 4
# Tasks queued per worker: enough to keep every worker busy while the driver parses or stores.
IN_FLIGHT_PER_WORKER = 2


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


@functools.lru_cache(maxsize=4)
def _gazetteer(dictionary: Optional[str]):
    """The gazetteer for a dictionary, built once per process (its phrase matcher is costly to build)."""
    from .nlp.gazetteer import Gazetteer
    return Gazetteer.load(dictionary)


def warm(dictionary: Optional[str] = None) -> None:
    """Load the model, the gazetteer and its phrase matcher now, once per process, before any batch."""
    from .nlp.pipeline import load_nlp
    _gazetteer(dictionary).matcher(load_nlp())


def analyze_batch(documents: list, dictionary: Optional[str] = None, batch_size: Optional[int] = None) -> list:
    """The unit of work every engine runs: parse a batch of cleaned documents and extract from each."""
    from .extract import analyze
    from .nlp.pipeline import PIPE_BATCH, load_nlp

    nlp = load_nlp()
    gazetteer = _gazetteer(dictionary)
    docs = nlp.pipe((d.text for d in documents), batch_size=batch_size or PIPE_BATCH)
    return [analyze(d, sp, gazetteer) for d, sp in zip(documents, docs)]


def cleaned(sources: Iterable, report: IngestReport) -> Iterator[Document]:
    """Clean each source; a source that fails becomes an error in the report, never an exception."""
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


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while True:
        batch = list(itertools.islice(it, size))
        if not batch:
            return
        yield batch


def ingest(store: Store, paths: Iterable[str], processes: int = 1, engine: str = "local",
           address: Optional[str] = None, dictionary: Optional[str] = None, batch_size: int = BATCH_SIZE,
           progress: Optional[Callable[[int], None]] = None) -> IngestReport:
    """Read, clean, analyze and store documents, then reconcile the groups they touched."""
    from .reconcile import reconcile

    report = IngestReport()
    new_ids: list = []

    def fresh(docs: Iterable[Document]) -> Iterator[Document]:
        """The documents neither stored before nor met earlier in this ingest (one store query per chunk)."""
        seen = set()
        for chunk in _batches(docs, max(1, batch_size)):
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

    batches = _batches(fresh(cleaned(read_sources(paths), report)), max(1, batch_size))
    since_release = 0
    for analyses in _run(batches, processes, engine, address, dictionary, store):
        stored = store.write_batch(analyses)
        since_release += len(analyses)
        if since_release >= RELEASE_EVERY:
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
        reconcile(store, new_ids)
    return report


def _run(batches: Iterator[list], processes: int, engine: str, address: Optional[str],
         dictionary: Optional[str], store: Optional[Store] = None) -> Iterator[list]:
    """Analyze batches with the chosen engine, yielding results in input order."""
    if engine == "ray":
        from .ray_engine import run_ray
        yield from run_ray(batches, address=address, dictionary=dictionary)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'ray'")
    if processes <= 1:
        for batch in batches:
            yield analyze_batch(batch, dictionary)
        return
    yield from _run_pool(batches, processes, dictionary, store)


def _run_pool(batches: Iterator[list], processes: int, dictionary: Optional[str],
              store: Optional[Store] = None) -> Iterator[list]:
    """Batches on `processes` parsing processes, the driver being one of them; results in input order.

    The driver loads the model, then forks processes - 1 workers with its database closed, so they
    start with the model loaded and no DuckDB state (where fork is missing or the store cannot be
    closed, they are spawned and load the model themselves). Each batch is cut into tasks of POOL_TASK
    documents; a task goes to a worker while fewer than IN_FLIGHT_PER_WORKER are queued per worker,
    else the driver analyzes it itself. So every process stays busy, the driver's store writes
    included, and the last tasks are small enough that the processes finish together."""
    workers = max(1, processes - 1)
    limit = workers * IN_FLIGHT_PER_WORKER
    fork = "fork" in multiprocessing.get_all_start_methods() and store is not None and store.can_close_for_a_while()
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=warm,
                             initargs=(dictionary,)) as pool:
        if fork:
            warm(dictionary)
            with store.closed_for_a_while():
                pool.submit(warm, dictionary).result()   # the workers are forked now, all at once
        pending: deque = deque()   # per batch, in input order: its parts, each a Future or a done list
        in_flight: set = set()
        for batch, last in _with_last(batches):
            parts: list = []
            # the last batch goes out in small tasks, so that no process is left with a long one at the end
            for task in _batches(batch, LAST_TASK if last else POOL_TASK):
                in_flight = {f for f in in_flight if not f.done()}
                if len(in_flight) < limit:
                    future = pool.submit(analyze_batch, task, dictionary)
                    in_flight.add(future)
                    parts.append(future)
                else:
                    parts.append(analyze_batch(task, dictionary))
            pending.append(parts)
            while pending and all(not isinstance(p, Future) or p.done() for p in pending[0]):
                yield _joined(pending.popleft())
        while pending:
            yield _joined(pending.popleft())


def _with_last(items: Iterator) -> Iterator[tuple]:
    """(item, whether it is the last one) for every item, looking one ahead."""
    it = iter(items)
    prev = next(it, _END)
    while prev is not _END:
        nxt = next(it, _END)
        yield prev, nxt is _END
        prev = nxt


_END = object()


def _joined(parts: list) -> list:
    """One batch's analyses from its parts, in order; a worker's exception is raised here."""
    return [a for p in parts for a in (p.result() if isinstance(p, Future) else p)]
