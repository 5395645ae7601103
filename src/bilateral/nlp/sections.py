"""Long texts parsed in sections, joined into one parse whose offsets are those of the whole text.

spaCy refuses a text over its `max_length` (a million characters) and its memory grows with the
length parsed at once, so a long text is cut into sections of at most `most` characters, at a
paragraph break where there is one, else at a sentence end, else at a space; the sections are
parsed apart and joined with `Doc.from_docs`. Every character stays in exactly one section, so
the joined Doc's text is the text and its token offsets point into it.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

# Where a section may end, best first: after a paragraph break, after a sentence end, after a space.
_CUTS = (re.compile(r"\n\s*\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"), re.compile(r"\s+"))


def sections(text: str, most: int) -> list:
    """(start, end) spans covering the text in order, each at most `most` characters long."""
    most = max(1, most)
    spans, start = [], 0
    while len(text) - start > most:
        end = _cut(text, start, start + most)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, limit: int) -> int:
    """The best end for a section starting at `start` and ending by `limit`: past its second half
    when a cut of that kind is found there, else a hard cut at the limit."""
    window = text[start:limit]
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(window, len(window) // 2)]
        if ends:
            return start + ends[-1]
    return limit


def parse_in_sections(nlp, text: str, most: int, batch_size: int = 8) -> Doc:
    """The parse of a text of any length: one Doc over the whole text, built from its sections' parses."""
    parts = [text[a:b] for a, b in sections(text, most)]
    if len(parts) == 1:
        return nlp(text)
    docs = list(nlp.pipe(parts, batch_size=batch_size))
    return Doc.from_docs(docs, ensure_whitespace=False)
