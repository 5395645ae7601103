"""A process pool on this machine, the driver one of its processes; results in input order.

The driver loads the model, then forks processes - 1 workers with the store closed, so they
start with the model loaded and no DuckDB state (where fork is missing or the store cannot be
closed, they are spawned and load the model themselves). Each batch is cut into tasks of
`options.pool_task` documents; a task goes to a worker while fewer than
`options.in_flight_per_worker` are queued per worker, else the driver analyzes it itself. So every
process stays busy, the driver's store writes included, and the last batch goes out in tasks small
enough (`options.last_task`) that the processes finish together.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterator

from ..options import DEFAULT, Options
from ..work import analyze_batch, warm
from . import chunks


class Pool:
    def __init__(self, options: Options = DEFAULT, processes: int = 2, store=None):
        self.options = options
        self.processes = processes
        self.store = store

    def map_batches(self, batches: Iterator[list]) -> Iterator[list]:
        options, store = self.options, self.store
        workers = max(1, self.processes - 1)
        limit = workers * options.in_flight_per_worker
        fork = "fork" in multiprocessing.get_all_start_methods() and store is not None \
            and store.can_close_for_a_while()
        context = multiprocessing.get_context("fork" if fork else "spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=warm,
                                 initargs=(options,)) as pool:
            if fork:
                warm(options)
                with store.closed_for_a_while():
                    pool.submit(warm, options).result()   # the workers are forked now, all at once
            pending: deque = deque()   # per batch, in input order: its parts, each a Future or a done list
            in_flight: set = set()
            for batch, last in _with_last(batches):
                parts: list = []
                for task in chunks(batch, options.last_task if last else options.pool_task):
                    in_flight = {f for f in in_flight if not f.done()}
                    if len(in_flight) < limit:
                        future = pool.submit(analyze_batch, task, options)
                        in_flight.add(future)
                        parts.append(future)
                    else:
                        parts.append(analyze_batch(task, options))
                pending.append(parts)
                while pending and all(not isinstance(p, Future) or p.done() for p in pending[0]):
                    yield _joined(pending.popleft())
            while pending:
                yield _joined(pending.popleft())


_END = object()


def _with_last(items: Iterator) -> Iterator[tuple]:
    """(item, whether it is the last one) for every item, looking one ahead."""
    it = iter(items)
    prev = next(it, _END)
    while prev is not _END:
        nxt = next(it, _END)
        yield prev, nxt is _END
        prev = nxt


def _joined(parts: list) -> list:
    """One batch's analyses from its parts, in order; a worker's exception is raised here."""
    return [a for p in parts for a in (p.result() if isinstance(p, Future) else p)]
