"""Pausing Python's cyclic garbage collector while reconciliation builds its records.

Merging and comparing create many small acyclic objects (events, relations, lists); each collection
pass re-walks every object still alive, so with the collector on the time per item grew with the
size of the input. Reference counting still frees everything; the collector resumes afterwards.
"""
from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def paused_gc():
    """Disable the cyclic collector for the block, and enable it again only if it was enabled."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
