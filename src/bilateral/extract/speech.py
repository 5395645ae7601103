"""Verbs of acts used for plain speech: an opinion agreed, a claim insisted on, a question asked, a name
called. "We agreed that there is cause for optimism" concludes nothing, "he insisted he still trusted
Blair" demands nothing of anyone, "was asked whether he thought" and "what they call the Sudetenland"
ask no party for anything; the same verbs with a decision, an obligation or a request are acts.
"""
from __future__ import annotations

from ..lexicon import SHIPPED
from ..nlp.tokens import Tokens
from .mood import HYPOTHETICAL, OBLIGATION

# Auxiliaries that make a reported clause a decision or a duty ("agreed that troops would leave").
BINDING = OBLIGATION | HYPOTHETICAL | {"will", "would", "shall", "'ll", "wo"}
QUESTION_MARKS = SHIPPED.words("events.words.question_words")


def only_speech(T: Tokens, verb: int) -> bool:
    """The verb reports words, not an act between parties (see the module's note)."""
    lemma, children, dep = T.lemma[verb], T.children[verb], T.dep
    clauses = [c for c in children if dep[c] == "ccomp"]
    if lemma in ("agree", "insist") and clauses and not any(
            dep[c] in ("prep", "dobj") and T.lower[c] in ("on", "upon", "to", "what") and c > verb for c in children):
        # "insisted on the withdrawal" asks for it ("On Monday X insisted" does not); "insisted that B must
        # withdraw" demands it
        return not any(_binding(T, c) for c in clauses)
    if lemma == "ask":
        return any(T.lower[m] in QUESTION_MARKS for c in clauses for m in T.children[c] if dep[m] in ("mark", "advmod")) \
            or any(dep[c] in ("dobj", "nsubjpass") and T.lemma[c] == "question" for c in children) \
            or (dep[verb] == "relcl" and T.lemma[T.head[verb]] == "question")
    if lemma == "call":   # "what they call the Sudetenland", "calling it a dramatic solution": a name
        return any(dep[c] == "oprd" for c in children)
    return False


def _binding(T: Tokens, clause: int) -> bool:
    """The clause (or one it reports) states what shall be done, not what is so."""
    for t in [clause] + [c for c in T.children[clause] if T.dep[c] in ("ccomp", "xcomp", "conj")]:
        if T.tag[t] == "VB" and not any(T.dep[c] == "aux" for c in T.children[t]):
            return True   # a subjunctive: "insisted that he resign"
        if any(T.dep[c] == "aux" and T.lower[c] in BINDING for c in T.children[t]):
            return True
    return False
