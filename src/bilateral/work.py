"""The per-batch stage: cleaned documents in, their analyses out (parse, then extract from each).

A pure function of its documents and the options, loading the model and gazetteer once per
process: the unit of work every executor (`bilateral.executors`) runs, wherever it runs it.
"""
from __future__ import annotations

import functools
from typing import Optional

from .options import DEFAULT, Options


@functools.lru_cache(maxsize=4)
def gazetteer(dictionary: Optional[str]):
    """The gazetteer with a user dictionary, built once per process (its phrase matcher is costly to build)."""
    from .nlp.gazetteer import Gazetteer
    return Gazetteer.load(dictionary)


def warm(options: Options = DEFAULT) -> None:
    """Load the model, the gazetteer and its phrase matcher now, once per process, before any batch."""
    from .nlp.pipeline import load_nlp
    gazetteer(options.dictionary).matcher(load_nlp(options.model))


def analyze_batch(documents: list, options: Options = DEFAULT) -> list:
    """Parse a batch of cleaned documents and extract events and claims from each: a list of Analysis."""
    from .extract import analyze
    from .nlp.pipeline import load_nlp

    nlp = load_nlp(options.model)
    gaz = gazetteer(options.dictionary)
    docs = nlp.pipe((d.text for d in documents), batch_size=options.pipe_batch)
    return [analyze(d, sp, gaz, options) for d, sp in zip(documents, docs)]
