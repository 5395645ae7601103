"""The per-batch stage: cleaned documents in, their analyses out (parse, then extract from each).

A pure function of its documents and the options, loading the model and gazetteer once per
process: the unit of work every executor (`bilateral.executors`) runs, wherever it runs it.
A document that fails to parse or to analyze comes out as an InputError naming its source and
the reason; the others in its batch come out as if it had not been there. Texts longer than
`options.section_chars` are parsed in sections (`nlp/sections.py`).
"""
from __future__ import annotations

import functools
from typing import Iterator, Optional

from .nlp.wire_case import for_parser
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
    """Parse a batch of cleaned documents and extract events and claims from each: per document, in
    order, its Analysis, or the InputError that stopped it."""
    from .extract import analyze
    from .nlp.pipeline import load_nlp

    nlp = load_nlp(options.model)
    gaz = gazetteer(options.dictionary)
    out: list = []
    for d, parsed in _parsed(nlp, documents, options):
        if isinstance(parsed, Exception):
            out.append(failed(d, "could not be parsed", parsed))
            continue
        try:
            out.append(analyze(d, parsed, gaz, options))
        except Exception as exc:   # one document's failure is its own
            out.append(failed(d, "could not be analyzed", exc))
    return out


def failed(document, stage: str, exc: BaseException, code: str = "analyze"):
    """The error a document's failure becomes: its source, the stage and the exception in one line."""
    from .errors import InputError
    said = (str(exc).strip().splitlines() or [""])[0]
    return InputError(document.source_path, f"{stage}: {type(exc).__name__}" + (f": {said}"[:300] if said else ""),
                      code)


def _parsed(nlp, documents: list, options: Options) -> Iterator[tuple]:
    """(document, its spaCy Doc or the exception that stopped its parse), in order.

    Texts up to `section_chars` go through one `nlp.pipe`; should it fail, they are parsed one by
    one from the first not yet given out, so the failure is pinned on its document."""
    from .nlp.sections import parse_in_sections
    most = max(1, options.section_chars)
    short = iter(_piped(nlp, [d for d in documents if len(d.text) <= most], options.pipe_batch))
    for d in documents:
        if len(d.text) > most:
            yield d, _attempt(parse_in_sections, nlp, for_parser(d.text), most)
        else:
            yield d, next(short)


def _piped(nlp, documents: list, batch_size: int) -> Iterator:
    done = 0
    try:
        for sp in nlp.pipe((for_parser(d.text) for d in documents), batch_size=batch_size):
            done += 1
            yield sp
        return
    except Exception:
        pass
    for d in documents[done:]:
        yield _attempt(nlp, for_parser(d.text))


def _attempt(fn, *args):
    """fn(*args), or the exception it raised."""
    try:
        return fn(*args)
    except Exception as exc:
        return exc
