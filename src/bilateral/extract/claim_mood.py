"""Whether a figure is reported as fact: a forecast, target, hope or offer carries a modality like an event.

Read off the verb that governs the figure (the mood words of moods.toml, through `mood.modality`) and the
plan nouns of metrics.toml on its phrase ("a target of $100 billion"). A figure that is not asserted never
conflicts with an asserted one; a target and its later outcome are a plan against a fact."""
from __future__ import annotations

import re

from ..model import Quantity
from ..nlp.tokens import tokens_of
from .metrics import SHIPPED_METRICS, Metrics
from .mood import HYPOTHETICAL, INTEND, PLAN, modality
from .parse import token_range, verb_ancestors

FUTURE = {"will", "would", "shall", "'ll", "wo"}

# The mood of the governing verb as a claim's modality: what may happen is planned, not asserted.
AS_CLAIM = {"asserted": "asserted", "planned": "planned", "intended": "intended", "negated": "negated",
            "conditional": "planned", "hypothetical": "planned", None: "asserted"}


def modality_of(doc, text: str, q: Quantity, passage, m: Metrics = SHIPPED_METRICS) -> str:
    """asserted, planned, intended or negated, for the figure q in its passage."""
    before = text[max(passage[0], q.start - 50):q.start].lower()
    phrase = re.split(r"[,;:]|\b(?:and|but|while|which|that)\b", before)[-1]
    if any(w.strip(".") in m.plan for w in phrase.split()):
        return "planned"   # "a target of $100 billion", "the goal is 5,000 students"
    span = token_range(doc, q.start, q.end)
    if span is None or span[2] < 0:
        return "asserted"
    T = tokens_of(doc)
    verbs = verb_ancestors(T, span[2])
    if not verbs:
        return "asserted"
    own = [T.lower[c] for c in T.children[verbs[0]] if T.dep[c] in ("aux", "auxpass")]
    negated = any(T.dep[c] == "neg" for c in T.children[verbs[0]])
    if any(a in HYPOTHETICAL or a in FUTURE for a in own) and not negated:
        return "planned"   # "should be cut to 49%", "would buy 480 mln dlrs", "could top $10 billion"
    lemmas = {T.lemma[v] for v in verbs}
    if lemmas & PLAN:
        return "planned"   # "expected the surplus to top 10 billion dlrs"
    if lemmas & INTEND:
        return "intended"  # "aims to reach $100 billion", "offered 23 million USD"
    return AS_CLAIM.get(modality(doc[verbs[0]]), "planned")
