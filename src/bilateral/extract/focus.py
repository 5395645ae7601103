"""What a document and a passage are about: the pair a document names most, whether the document is
about it, and the pair a passage means by "the two sides"."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from spacy.tokens import Span

from .actor_index import ActorIndex
from .standing import located


def most_named(actors: list) -> tuple:
    """The two codes a document is mostly about, most frequent first."""
    counts: dict = {}
    for m in actors:
        if m.code:
            counts[m.code] = counts.get(m.code, 0) + 1
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    return tuple(ranked[:2])


def pair_in_focus(actors: list, pair: tuple, sentences: list, text: str) -> tuple:
    """The document's pair when the document is about it, else (): the two are mostly named and the text tells
    of the two together: it names them as one ("Peru and Chile", "the Chile-Peru accord"), or in two sentences,
    or in every sentence that names either (the event coder also takes a text that tells an act between them).
    Only then does an act whose other party the sentence leaves unnamed fall to the pair: in a firm's wire, a
    market report or a finance minister's tour, "the loans were signed in 1984", "X insisted" or "Y refused to
    comment" addresses no one of it."""
    if not mostly_named(actors, pair):
        return ()
    together, either = named_together(actors, pair, sentences)
    if together < FOCUS_TOGETHER and not (together and together == either and clear(actors, pair)) \
            and not named_as_one(actors, pair, text):
        return ()
    return pair


def mostly_named(actors: list, pair: tuple) -> bool:
    """Whether the two hold most of the document's coded mentions, the second is no passing name (a quarter
    of the first's mentions at least)."""
    if len(pair) != 2:
        return False
    counts = Counter(m.code for m in actors if m.code)
    first, second = counts[pair[0]], counts[pair[1]]
    return second >= FOCUS_SECOND * first and first + second >= FOCUS_SHARE * sum(counts.values())


def clear(actors: list, pair: tuple) -> bool:
    """No third code is named as often as the pair's second ("agreements with Chile, Peru and Mexico")."""
    counts = Counter(m.code for m in actors if m.code)
    return max((n for c, n in counts.items() if c not in pair), default=0) < min(counts[c] for c in pair)


def named_together(actors: list, pair: tuple, sentences: list) -> tuple:
    """(how many sentences name both codes of the pair, how many name either)."""
    starts = [s.start_char for s in sentences]
    codes: dict = {}
    for m in actors:
        if m.code in pair:
            codes.setdefault(bisect_right(starts, m.start) - 1, set()).add(m.code)
    return sum(len(c) == 2 for c in codes.values()), len(codes)


def named_as_one(actors: list, pair: tuple, text: str) -> bool:
    """Whether the text joins the two in one phrase: "Peru and Chile", "the Chile-Peru accord", "Chile/Peru"."""
    named = sorted((m for m in actors if m.code in pair), key=lambda m: m.start)
    return any(a.code != b.code and JOINED.fullmatch(text[a.end:b.start]) for a, b in zip(named, named[1:]))


JOINED = re.compile(r"\s*(?:and(?: the)?|[-\u2013\u2014/&])\s*", re.I)
FOCUS_SECOND = 0.25
FOCUS_SHARE = 0.6
FOCUS_TOGETHER = 2   # sentences naming both: one may be a passing comparison, two make a relation told


def passage_pair(index: ActorIndex, sent: Span, recent: list, main_pair: tuple) -> tuple:
    """What "both countries" means here: the two codes the passage names most (the later on a tie),
    else the document's pair. A state named once in passing ("accredited from its embassy in
    Washington") or a city where the act took place does not displace the two the passage is about."""
    # "The two ministers met in Lima": a city that says where it happened is not one of the two
    named = recent + [m.code for m in index.in_span(sent) if not (m.kind in ("capital", "place") and located(index, m))]
    last = {code: i for i, code in enumerate(named)}
    if len(last) < 2:
        return main_pair
    counts = Counter(named)
    two = sorted(last, key=lambda c: (counts[c], last[c]), reverse=True)[:2]
    return tuple(sorted(two, key=last.get))
