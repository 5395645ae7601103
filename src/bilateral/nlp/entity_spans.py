"""Where an entity's name starts and ends on the token table: the longest of overlapping spans, a person's
whole name, a headline's line, and the articles and possessors the tagger reads into a name."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from bilateral.nlp.tokens import Tokens


def longest(spans: list[tuple]) -> list[tuple]:
    """Non-overlapping (start, end) token ranges, longer first, then earlier."""
    spans = sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: set[int] = set()
    out = []
    for start, end in spans:
        if not any(i in taken for i in range(start, end)):
            out.append((start, end))
            taken.update(range(start, end))
    return out


def person_spans(doc: Doc) -> list[tuple[int, int]]:
    """The token spans of the PERSON entities (doc.ents builds new Span objects on every access)."""
    return [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]


def inside_person(span: Span, persons: list[tuple[int, int]]) -> bool:
    """Whether a span is part of a longer person's name."""
    return any(s <= span.start and e >= span.end and (s, e) != (span.start, span.end) for s, e in persons)


def first_line(T: Tokens, start: int, end: int) -> tuple:
    """An entity's tokens cut at the first line break (a headline does not run into the next line).

    A line break is a token of its own: a token's trailing whitespace is one space at most."""
    for i in range(start, end):
        if "\n" in T.orth[i]:
            return start, i
    return start, end


def after_articles(T: Tokens, start: int, end: int) -> int:
    """Where a phrase starts once leading articles and punctuation are left out."""
    lower, punct = T.lower, T.punct
    while start < end and (lower[start] in ("the", "a", "an") or punct[start]):
        start += 1
    return start


def after_possessor(T: Tokens, start: int, end: int) -> int:
    """Where a body's name starts after a possessor the tagger read into it ("Mr Brown's International
    Finance Facility"): the possessor is an actor of its own."""
    for i in range(end - 2, start, -1):
        if T.lower[i] in ("'s", "’s") and T.orth[i + 1][:1].isupper():
            return i + 1   # not "Lloyd's of London", a name of its own
    return start
