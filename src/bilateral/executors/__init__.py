"""Executors: where the per-batch work (`work.analyze_batch`) runs, behind one interface.

Every executor has `map_batches(batches) -> iterator of results`, yielding each batch's list of
Analysis in input order, so the store is written the same whatever runs the work:

- `local`: in this process;
- `pool`: a process pool on this machine (`processes` of them, the driver one of them);
- `ray`: Ray actors, on a local Ray or a cluster joined by `address` (the `ray` extra).

A new executor is a module here with a class taking `(options, **settings)` and a line in `NAMES`.
"""
from __future__ import annotations

import importlib
from typing import Iterator, Optional, Protocol

from ..options import DEFAULT, Options

# name -> (module, class)
NAMES = {"local": ("local", "Local"), "pool": ("pool", "Pool"), "ray": ("ray", "Ray")}


class Executor(Protocol):
    def map_batches(self, batches: Iterator[list]) -> Iterator[list]:
        """Each batch's analyses, in input order."""


def executor(name: str = "local", options: Options = DEFAULT, processes: int = 1,
             address: Optional[str] = None, store=None) -> Executor:
    """The executor called `name`; `local` with more than one process is the process pool."""
    if name == "local" and processes > 1:
        name = "pool"
    if name not in NAMES:
        raise ValueError(f"unknown engine {name!r}: use one of {', '.join(NAMES)}")
    module, cls = NAMES[name]
    factory = getattr(importlib.import_module(f"{__name__}.{module}"), cls)
    if name == "pool":
        return factory(options, processes=max(2, processes), store=store)
    if name == "ray":
        return factory(options, address=address)
    return factory(options)


def chunks(items, size: int) -> Iterator[list]:
    """Consecutive lists of at most `size` items."""
    import itertools
    it = iter(items)
    while True:
        batch = list(itertools.islice(it, size))
        if not batch:
            return
        yield batch
