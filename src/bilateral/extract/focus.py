"""What a document and a passage are about: the pair a document names most, whether the document is
about it, and the pair a passage means by "the two sides"."""
from __future__ import annotations

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


def pair_in_focus(actors: list, pair: tuple, sentences: list) -> tuple:
    """The document's pair when the document is about it, else (): the two hold most of its coded mentions,
    the second is no passing name (a quarter of the first's mentions at least), and the two are named together
    in more than one sentence. Only then does an act whose other party the sentence leaves unnamed fall to the
    pair: in a wire on a finance minister's tour, a firm's results or a report on a general election, "X
    insisted", "the loans were signed" or "Y refused to comment" addresses no one of it."""
    if len(pair) != 2:
        return ()
    counts = Counter(m.code for m in actors if m.code)
    first, second = counts[pair[0]], counts[pair[1]]
    if second < FOCUS_SECOND * first or first + second < FOCUS_SHARE * sum(counts.values()):
        return ()
    if named_together(actors, pair, sentences) < FOCUS_TOGETHER:
        return ()
    return pair


def named_together(actors: list, pair: tuple, sentences: list) -> int:
    """How many of the sentences (spans) name both codes of the pair."""
    starts = [s.start_char for s in sentences]
    codes: dict = {}
    for m in actors:
        if m.code in pair:
            codes.setdefault(bisect_right(starts, m.start) - 1, set()).add(m.code)
    return sum(len(c) == 2 for c in codes.values())


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
