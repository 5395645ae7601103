"""Goods that move between two states, told by a noun: "a first shipment of Venezuelan crude will leave for
Ecuador", "Soviet purchases of U.S. corn", "purchases made by a Korean trade mission to the United States".

The noun names where the goods come from (its "of" or "from" phrase; a shipment's possessor) and where they
go (a shipment's "to" or "for" phrase; a purchase's buyer: its possessor, its nationality, the "by" phrase
of its participle, the subject of the clause that seeks it). Both sides must be named: "Ecuador's crude
shipments" and "for April shipment" move nothing between two states. One exception: a buyer that is a
state's envoy the text does not tie to a state ("the current trade mission is looking for purchases from
U.S. companies") is the other state of the passage's pair. The roles run from origin to destination; a
rule marked `reverse` (a purchase) runs them from the buyer to the seller.
"""
from __future__ import annotations

from typing import Optional

from ..nlp.tokens import Tokens
from .actor_index import ActorIndex
from .parse import CLAUSES, subject_of
from .roles import code_actor, speaks_for_state

ORIGIN_PREPS = frozenset({"of", "from"})
DESTINATION_PREPS = frozenset({"to", "for"})
# Who buys for a state without the text naming which one: its envoys and offices.
ENVOYS = frozenset({"mission", "delegation", "government", "ministry", "team", "agency", "board"})
# Money bought is no good from a state ("purchases of U.S. dollars").
CURRENCIES = frozenset({"dlrs", "dollar", "dollars", "yen", "mark", "marks", "franc", "francs", "pound", "pounds",
                        "currency", "currencies", "euro", "euros", "treasury", "treasuries", "bond", "bonds"})


def _phrases(T: Tokens, i: int, preps: frozenset) -> list:
    return [t for c in T.children[i] if T.dep[c] == "prep" and T.lower[c] in preps for t in T.subtree(c, CLAUSES)]


def _buyer(T: Tokens, i: int, index: ActorIndex) -> list:
    """The head nouns of who takes a purchase: the noun's possessor or nationality ("Soviet purchases"), the
    "by" phrase of its participle ("purchases made by a mission"), or the subject of its clause."""
    dep, children = T.dep, T.children
    own = [c for c in children[i] if dep[c] in ("poss", "amod", "compound")]
    own += [n for c in children[i] if dep[c] == "acl" and T.tag[c] == "VBN"
            for a in children[c] if dep[a] == "agent" for n in children[a] if dep[n] == "pobj"]
    if own:
        return own
    node = i
    for _ in range(6):   # up through "for 2.0 billion dlrs in purchases" to the verb that seeks them
        node = T.head[node]
        if T.pos[node] in ("VERB", "AUX"):   # a party or an envoy, not "low prices discouraged the purchase"
            subj, passive = subject_of(T, node)
            heads = [t for t in subj if T.dep[t] in ("nsubj", "nsubjpass")] or subj[:1]
            return [] if passive else [h for h in heads if T.lemma[h] in ENVOYS or index.in_tokens([h])]
        if T.head[node] == node:
            break
    return []


def _one(index: ActorIndex, T: Tokens, tokens: list, apart: Optional[str] = None):
    """The one state the tokens name, by itself or by its firms (none, or two, give None); a nationality
    of money ("U.S. dollars") names none."""
    found = {m.code: m for m in index.in_tokens(tokens) if m.code and m.code != apart
             and not any(T.lower[T.head[t]] in CURRENCIES for t in T.covering(m.start, m.end))}
    return next(iter(found.values())) if len(found) == 1 else None


def flow_roles(T: Tokens, i: int, index: ActorIndex, pair: tuple, reverse: bool) -> list:
    """[(source, target)] for goods the noun at i moves between two named states, or []."""
    origin = _one(index, T, _phrases(T, i, ORIGIN_PREPS))
    if reverse:
        heads = _buyer(T, i, index)
        buyer_np = [t for h in heads for t in T.head_phrase(h)]
        destination = _one(index, T, buyer_np, origin.code if origin else None)
        if origin is None:   # "a trade mission to the United States" buys there
            origin = _one(index, T, [t for h in heads for t in _phrases(T, h, frozenset({"to"}))],
                          destination.code if destination else None)
        if destination is None and origin is not None and any(T.lemma[h] in ENVOYS for h in heads) \
                and len(pair) == 2 and origin.code in pair and pair[0] != pair[1]:
            destination = code_actor(pair[1] if origin.code == pair[0] else pair[0])
    else:
        if origin is None:
            origin = _one(index, T, [t for c in T.children[i] if T.dep[c] == "poss" for t in T.subtree(c, CLAUSES)])
        going = _phrases(T, i, DESTINATION_PREPS)
        h = T.head[i]
        if h != i and T.dep[i] in ("nsubj", "nsubjpass"):   # "the shipment will leave for Quito"
            going += [t for c in T.children[h] if T.dep[c] == "prep" and T.lower[c] in DESTINATION_PREPS
                      for t in T.subtree(c, CLAUSES)]
        destination = _one(index, T, going, origin.code if origin else None)
    if origin is None or destination is None or origin.code == destination.code:
        return []
    if not (speaks_for_state(origin) or speaks_for_state(destination)):
        return []   # one firm buying another's stake
    return [(destination, origin)] if reverse else [(origin, destination)]
