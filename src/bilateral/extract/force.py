"""Acts of force need something force is used on: a party, people, troops, arms, a place or a
building. "attacked the policy", "fight the decision" are words, not assaults; "attacked" is then
criticism, and a firm "battling the authorities" goes to court, not to war."""
from __future__ import annotations

from typing import Optional

from ..lexicon import SHIPPED
from ..nlp.gazetteer import Gazetteer
from ..nlp.tokens import Tokens
from .actor_index import ActorIndex

PEOPLE = SHIPPED.words("units.nouns.people")
# What a verb of force means when used on no physical thing: criticism ("attacked the plan", CAMEO
# 111) or refusal ("blocked the proposal", 120); others are no event ("fight the ruling").
INSTEAD = {"attack": "111", "assail": "111", "assault": "111", "blast": "111", "hit": "111", "slam": "111",
           "block": "120"}
TRAFFIC = frozenset({"transport", "traffic", "supply", "supplies", "access", "route", "routes", "shipping"})
CIVIL_SECTORS = frozenset({"BUS", "MED", "EDU", "HLH", "LAB"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl"})
NAMED = frozenset({"GPE", "LOC", "FAC", "NORP", "PERSON", "ORG"})
# What harm done is economic, whoever it belongs to: "injured the U.S. semiconductor industry", "hurt producers".
ECONOMIC = frozenset({"industry", "economy", "market", "sector", "trade", "interest", "export", "import",
                      "producer", "exporter", "manufacturer", "competitiveness", "prospect", "reputation",
                      "relation", "tie", "business", "currency", "growth"})


def is_force(cameo: str) -> bool:
    return cameo[:2] in ("18", "19", "20")


def figurative(T: Tokens, verb: int, cameo: str, subj: list, passive: bool, index: ActorIndex,
               sets: dict) -> Optional[str]:
    """None when an act of force may be meant as one; else the code it stands for instead: "111" for
    words ("attacked the plan"), "" for no event at all ("fight the ruling", a firm "battling" a state)."""
    if not is_force(cameo) or T.pos[verb] != "VERB":
        return None
    actors = [] if passive else index.in_tokens(subj)
    if actors and all(m.sector in CIVIL_SECTORS for m in actors):
        return INSTEAD.get(T.lemma[verb], "")
    for c in T.children[verb]:
        if T.dep[c] != "dobj" or T.pos[c] != "NOUN":
            continue   # no object ("troops attacked at dawn"), or a name ("attacked Kabul")
        return None if _struck(T, c, index, sets) else INSTEAD.get(T.lemma[verb], "")
    return None


def figurative_noun(T: Tokens, noun: int, cameo: str, index: ActorIndex, sets: dict) -> bool:
    """An act of force named by a noun whose "on"/"against" phrase is no physical thing: "an attack on the
    policy", "a raid on the pension fund" are words or business, not assaults."""
    if not is_force(cameo):
        return False
    for p in T.children[noun]:
        if T.dep[p] == "prep" and T.lower[p] in ("on", "against"):
            for c in T.children[p]:
                if T.dep[c] == "pobj":
                    return not _struck(T, c, index, sets)
    return False


def _struck(T: Tokens, c: int, index: ActorIndex, sets: dict) -> bool:
    """Something force can be used on: a party, people (with a role or not), troops, arms, a place or a
    building, or anything named."""
    physical = sets.get("forces", frozenset()) | sets.get("arms", frozenset()) | sets.get("targets", frozenset()) \
        | sets.get("crowds", frozenset()) | sets.get("roads", frozenset()) | PEOPLE | TRAFFIC
    words = {T.lemma[c], T.lower[c]} | {T.lemma[k] for k in T.children[c] if T.dep[k] == "compound"}
    if T.lemma[c] in ECONOMIC:
        return False
    if words & physical or _party_object(T, c, index) and not _possessed(T, c):
        return True
    if any(Gazetteer.load().agent_sector(w) for w in (T.lower[c], T.lemma[c])):
        return True   # "killed eight leaders", "attacked the officials": people with a role
    return T.doc[c].ent_type_ in NAMED


def _possessed(T: Tokens, noun: int) -> bool:
    """"Uganda's policy": the party owns the object, the object is not the party."""
    return any(T.dep[k] == "poss" for k in T.children[noun])


def _party_object(T: Tokens, noun: int, index: ActorIndex) -> bool:
    """A party named in the object's own words ("the Iranian tanker", "the chief of its militia"), not in a
    phrase hung on it ("the rise in West German rates" is a thing)."""
    for m in index.in_tokens(T.subtree(noun)):
        node = index.roots.get(id(m))
        while node is not None and node != noun and T.head[node] != node and not (
                T.dep[node] == "prep" and T.lower[node] != "of") and T.dep[node] not in CLAUSE_DEPS:
            node = T.head[node]   # "the chief of X's militia" is X's man; "the way the Iraq war was sold" no party
        if node == noun:
            return True
    return False
