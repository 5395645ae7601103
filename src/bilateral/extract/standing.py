"""Where an actor mention stands in its sentence, when that makes it no party to the act: in a phrase of
when or amid what, of where, in a group's roll of members, or in the clause of what the act is about."""
from __future__ import annotations

from ..lexicon import SHIPPED
from ..model import ActorMention
from ..nlp.actors import LOCATIVE
from ..nlp.tokens import Tokens
from .actor_index import ActorIndex
from .parse import CIRCUMSTANCES

MEMBER_VERBS = frozenset({"comprise", "include", "consist", "compose", "group"})
# Nouns of "<noun> of <place>" that say where ("east of Bahrain", "the coast of Dubai", "the outskirts of Kabul").
WHEREABOUTS = SHIPPED.words("actors.words.whereabouts")


def circumstance(T: Tokens, m: ActorMention, head: int) -> bool:
    """The mention stands in a phrase of when or amid what ("ended it in 1999 during the East Timor crisis"),
    or in a clause of what the act is for."""
    tokens = T.covering(m.start, m.end)
    node = tokens[-1] if tokens else head
    for _ in range(12):
        if node == head or T.head[node] == node:
            return False
        if T.dep[node] == "prep" and T.lower[node] in CIRCUMSTANCES:
            return True
        if T.head[node] != head and T.tag[node] == "VB" and any(
                T.dep[c] == "aux" and T.lower[c] == "to" for c in T.children[node]):
            return True   # "cut loans to firms to help reduce the surplus with the U.S.": what it is for (the
            # act's own complement, "agreed to buy Spanish corn", names its party)
        node = T.head[node]
    return False


def located(index: ActorIndex, m: ActorMention) -> bool:
    """A mention that says where something happened ("in New York City"), not who took part."""
    root = index.roots.get(id(m))
    T = index.T
    return root is not None and T.dep[root] == "pobj" and T.lower[T.head[root]] in LOCATIVE


def placed(index: ActorIndex, m: ActorMention) -> bool:
    """A mention that only says where, whatever it names: "120 miles east of Bahrain", "off the coast of
    Dubai", "a tanker off Kuwait", "near Basra" (a state "in" or "to" which an act is done may be its party;
    what stands there may be one: "outside the Ugandan embassy")."""
    root = index.roots.get(id(m))
    T = index.T
    if root is None or T.dep[root] != "pobj" or m.kind not in ("country", "capital", "place"):
        return False   # "a protest outside the Ugandan embassy": the embassy's state is the target
    prep = T.head[root]
    if T.lower[prep] in ("off", "near"):
        return True
    return T.lower[prep] == "of" and T.lower[T.head[prep]] in WHEREABOUTS


def body_venue(index: ActorIndex, m: ActorMention, body: ActorMention, cameo: str) -> bool:
    """Where an international body acts ("OPEC agreed in Vienna"): no party to the act, unless the act is a
    meeting or aid, which the place's state may hold or receive ("an IMF team held talks in Jakarta")."""
    return body.kind == "igo" and cameo[:2] not in ("04", "07") and m.kind in ("capital", "place") and located(
        index, m)


def only_venue(index: ActorIndex, sent, code: str, body: ActorMention, cameo: str) -> bool:
    """The sentence names the state only as where the body acts ("OPEC agreed in Vienna") or as where
    anything is ("attacked a tanker off the coast of Dubai")."""
    named = [m for m in index.in_span(sent) if m.code == code]
    return bool(named) and all(body_venue(index, m, body, cameo) or placed(index, m) for m in named)


def listed(T: Tokens, m: ActorMention) -> bool:
    """A state named in a group's roll ("the G-7, comprising the U.S., Canada ..."): neither doer nor done to."""
    tokens = T.covering(m.start, m.end)
    node = tokens[-1] if tokens else None
    for _ in range(12):
        if node is None or T.head[node] == node:
            return False
        if T.dep[node] in ("acl", "relcl") and T.lemma[node] in MEMBER_VERBS:
            return True
        if T.dep[node] in ("prep", "pobj", "agent"):
            return False   # "a package which includes aid to Kenya": Kenya is the act's party
        node = T.head[node]
    return False


def told_of(T: Tokens, m: ActorMention, trigger: int) -> bool:
    """The mention stands in a clause under the trigger ("accused of using ... to disguise new EU measures"):
    part of what the act is about, not who did it."""
    tokens = T.covering(m.start, m.end)
    node = tokens[-1] if tokens else trigger
    for _ in range(12):
        if node == trigger or T.head[node] == node:
            return False
        node = T.head[node]
        if node != trigger and T.pos[node] in ("VERB", "AUX") and trigger in T.ancestors(node):
            return True
    return False
