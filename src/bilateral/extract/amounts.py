"""The figure an act moves ("will lend Ecuador 50,000 barrels a day", "a five mln crude oil loan"): two reports
of one loan or sale carry the same figure. Different figures do not make different acts: sources disagree
on one act's figure ("$2.8 billion" or "$3 billion" of aid since 1992), which is a conflict, not two events."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..nlp.quantities import find_quantities

OBJECTS = ("dobj", "dative", "attr", "oprd", "nsubjpass")


def act_amount(tok: Token) -> Optional[str]:
    """The first figure (with its unit, when it has one) of the act's own object phrase (a verb's object, a
    noun's modifiers and its "of" phrase), as "value unit"; None when the phrase names no figure of 100 or
    more (smaller numbers count things: "two ships", "three projects")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        parts = [t for c in tok.lefts for t in c.subtree]
        parts += [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "worth") for t in c.subtree]
        if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "in") and tok.head.head.pos_ in ("NOUN", "NUM"):
            owner = tok.head.head   # "two billion dlrs of purchases": the figure the noun is counted in
            parts += [t for c in owner.lefts for t in c.subtree] + [owner]
    else:
        parts = [t for c in tok.children if c.dep_ in OBJECTS for t in c.subtree]
    if not parts:
        return None
    first, last = min(t.i for t in parts), max(t.i for t in parts)
    span = tok.doc[first:last + 1]
    found = [q for q in find_quantities(span.text) if q.value is not None and q.rank is None and q.value >= 100]
    with_unit = [q for q in found if q.unit]
    if with_unit:
        return f"{with_unit[0].value:g} {with_unit[0].unit}"
    return f"{found[0].value:g}" if found else None   # "a five mln crude oil loan": the unit is the noun's


def same_amount(a: Optional[str], b: Optional[str]) -> Optional[bool]:
    """Whether two acts' figures agree (a unit one of them lacks is not held against them); None when
    either names no figure."""
    if not a or not b:
        return None
    va, _, ua = a.partition(" ")
    vb, _, ub = b.partition(" ")
    return va == vb and (ua == ub or not ua or not ub)


def distinct_amounts(a: Optional[str], b: Optional[str], same_doc: bool) -> bool:
    """Whether two acts' figures tell two acts: one document giving two figures ("up to 12.5 mln barrels",
    then "5 mln barrels"), or two documents giving figures in different units ("50,000 barrels a day" and
    "12.5 mln barrels"). Two documents giving one unit different values disagree on one act instead."""
    if same_amount(a, b) is not False:
        return False
    return same_doc or a.partition(" ")[2] != b.partition(" ")[2]
