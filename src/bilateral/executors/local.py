"""The local executor: every batch analyzed in this process, one after the other."""
from __future__ import annotations

from typing import Iterator

from ..options import DEFAULT, Options
from ..work import analyze_batch


class Local:
    def __init__(self, options: Options = DEFAULT):
        self.options = options

    def map_batches(self, batches: Iterator[list]) -> Iterator[list]:
        for batch in batches:
            yield analyze_batch(batch, self.options)
