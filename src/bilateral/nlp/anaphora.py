"""Two short references a sentence resolves by itself: "MPs there" (the officials of the state last named
before them) and a firm's or a state's "its" in a clause whose own subject cannot own it ("Turkey's
biggest mobile firm could pull out after MPs there slashed its stake": the firm's stake).
"""
from __future__ import annotations

from typing import Optional

from ..model import ActorMention
from .tokens import Tokens

LOCATIVE = frozenset({"in", "at", "to", "into", "from", "inside"})
OWNER_KINDS = frozenset({"country", "capital", "org", "igo"})


def officials_there(T: Tokens, mentions: list, agent_sector) -> list:
    """Mentions for role nouns with "there" ("MPs there", "officials there"): the state of the country, capital
    or place named last before them in their sentence."""
    out = []
    for i in range(1, T.n):
        if T.lower[i] != "there" or T.dep[i] != "advmod":
            continue
        noun = i - 1
        sector = agent_sector(T.lower[noun]) if T.pos[noun] == "NOUN" else None
        if sector is None or T.head[i] not in (noun, T.head[noun]):
            continue
        start = T.doc[noun].sent.start_char
        places = [m for m in mentions if m.code and len(m.code) == 3 and start <= m.start and m.end <= T.idx[noun]
                  and _placed(T, m)]
        if places and not any(m.start <= T.idx[noun] < m.end for m in mentions):
            out.append(ActorMention(T.idx[noun], T.end(i), T.text[T.idx[noun]:T.end(i)], places[-1].code,
                                    places[-1].name, sector, "org"))
    return out


def officials_where_met(T: Tokens, mentions: list, agent_sector) -> list:
    """Mentions for officials a clause names by role alone where it places its act in a state ("spent two days
    in Washington talking to government officials", "met officials in Lima"): that state's officials."""
    covered = {t for m in mentions for t in T.covering(m.start, m.end)}
    placed = []   # (state, last token) of the states named as where something is: "in Lima"
    for m in mentions:
        tokens = T.covering(m.start, m.end)
        if m.code and len(m.code) == 3 and m.kind in ("country", "capital") and len(tokens) and _placed(T, m) \
                and T.lower[T.head[tokens[-1]]] == "in":
            placed.append((m, tokens[-1]))
    out = []
    for i in range(T.n):
        if i in covered or T.pos[i] != "NOUN" or T.dep[i] not in ("pobj", "dobj") or T.lower[i] == "there":
            continue
        sector = agent_sector(T.lower[i])
        if sector != "GOV" or any(T.dep[c] in ("poss", "amod") or c in covered for c in T.children[i]):
            continue   # "his officials", "Kenyan officials": owned or named already
        verb = _verb_of(T, i)
        if verb is None:
            continue
        heads = {verb, T.head[verb], i}
        there = [m for m, last in placed if _attached(T, T.head[last]) in heads]
        if len(there) != 1:
            continue
        start = min([c for c in T.children[i] if T.dep[c] == "compound" and T.pos[c] == "NOUN"] + [i])
        out.append(ActorMention(T.idx[start], T.end(i), T.text[T.idx[start]:T.end(i)], there[0].code,
                                there[0].name, sector, "org"))
    return out


def owners_its(T: Tokens, mentions: list, agent_sector) -> list:
    """Mentions for "its" whose own clause's subject is people ("after MPs slashed its stake"): the subject of
    the clause it depends on, when that is one coded firm, body or state (`agent_sector` tells role nouns)."""
    by_token = {}
    for m in mentions:
        for t in T.covering(m.start, m.end):
            by_token.setdefault(t, m)
    out = []
    for i in range(T.n):
        if T.lower[i] != "its" or i in by_token:
            continue
        verb = _verb_of(T, i)
        own = _subject(T, verb) if verb is not None else None
        if own is None or i in T.subtree(own) or not (
                T.lower[own] in ("they", "we") or (T.tag[own] == "NNS" and agent_sector(T.lower[own]))):
            continue   # only people cannot own "its"; a firm or a state may ("the firm said its stake ...")
        owner, node = None, verb
        while owner is None and T.head[node] != node:   # the nearest verb above with a subject of its own
            node = T.head[node]
            if T.pos[node] in ("VERB", "AUX"):
                owner = _subject(T, node)
        m = by_token.get(owner) if owner is not None else None
        if m is not None and m.code and m.kind in OWNER_KINDS:
            out.append(ActorMention(T.idx[i], T.end(i), T.orth[i], m.code, m.name, m.sector, "pronoun"))
    return out


def _placed(T: Tokens, m: ActorMention) -> bool:
    """The mention names a place something is in or goes to ("a network in Iran"), which "there" points back to."""
    tokens = T.covering(m.start, m.end)
    last = tokens[-1] if len(tokens) else None
    return last is not None and T.dep[last] == "pobj" and T.lower[T.head[last]] in LOCATIVE


def _attached(T: Tokens, prep: int) -> int:
    """What a preposition's phrase modifies, through a list of them ("in Lima and in Quito")."""
    for _ in range(4):
        if T.dep[prep] != "conj":
            break
        prep = T.head[prep]
    return T.head[prep]


def _verb_of(T: Tokens, i: int) -> Optional[int]:
    node = i
    for _ in range(8):
        if T.pos[node] in ("VERB", "AUX"):
            return node
        if T.head[node] == node:
            return None
        node = T.head[node]
    return None


def _subject(T: Tokens, verb: int) -> Optional[int]:
    return next((c for c in T.children[verb] if T.dep[c] in ("nsubj", "nsubjpass")), None)
