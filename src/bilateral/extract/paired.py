"""Nouns that name their two sides in their own phrase ("the Sino-Indian War of 1962", "the Iran–Iraq War
(1980–1988)", "the 1941 war between Peru and Ecuador"): the act is between those two, never the passage's pair,
and only where a year stands with it; "the Iran-Iraq war" named in passing is a war going on, not an act of the
day of the report that names it."""
from __future__ import annotations

import re

from ..nlp.tokens import Tokens
from .actor_index import ActorIndex
from .parse import CLAUSES

OWN = frozenset({"compound", "amod", "nmod", "poss"})
YEAR = re.compile(r"^(1[5-9]|20)\d\d(?:[-–]\d{2,4})?$")


def paired_roles(T: Tokens, noun: int, index: ActorIndex) -> list:
    """[(first, second)] when the noun's modifiers, possessor and "between"/"with" phrase name exactly two
    distinct parties, in text order, and a year stands in or right after its phrase; [] otherwise."""
    tokens = [t for c in T.children[noun] if T.dep[c] in OWN or (
        T.dep[c] == "prep" and T.lower[c] in ("between", "with")) for t in T.subtree(c, CLAUSES)]
    j = noun - 1   # the name's words before it, however parsed ("the Iran–Iraq War": "Iran" hung elsewhere)
    while j >= 0 and (T.pos[j] in ("PROPN", "ADJ") or T.orth[j] in ("-", "–", "—")):
        j -= 1
    tokens = sorted(set(tokens) | set(range(j + 1, noun)))
    sides, seen = [], set()
    for m in index.in_tokens(tokens):
        if m.code and m.code not in seen:
            seen.add(m.code)
            sides.append(m)
    near = list(T.subtree(noun, CLAUSES)) + list(range(noun + 1, min(T.n, noun + 5)))
    dated = any(YEAR.match(T.orth[t]) for t in near)
    return [(sides[0], sides[1])] if len(sides) == 2 and dated else []
