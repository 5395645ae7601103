"""Parties joined to one another in a sentence: conjuncts of a target, the states a list names after it, and
the partners one "with" phrase lists."""
from __future__ import annotations

import re
from typing import Optional

from ..model import ActorMention
from .actor_index import ActorIndex


def more_targets(roles: list, objs: list, index: ActorIndex) -> list:
    """One more pair for each actor conjoined to a target ("visited Mali and Niger"), by the parse or, where
    the parse loses a list, by the text ("reform of the United Nations, the World Bank and the IMF")."""
    obj_actors = index.in_tokens(objs)
    out = list(roles)
    dep, head = index.T.dep, index.T.head
    for source, target in roles:
        root = index.roots.get(id(target))
        if root is None:
            continue
        for m in obj_actors:
            tok = index.roots.get(id(m))
            if m.code in (source.code, target.code) or tok is None or any((source, m) == r for r in out):
                continue
            node, hops = tok, 0
            lower = index.T.lower   # "India, along with China and Brazil, was invited": joined as conjuncts are
            while (dep[node] in ("conj", "appos") or (dep[node] == "pobj" and lower[head[node]] == "with") or (
                    lower[node] in ("with", "along") and dep[node] in ("prep", "advmod"))) \
                    and head[node] != node and hops < 6:
                prev, node, hops = node, head[node], hops + 1
                if node == root or (lower[prev] == "along" and node == head[root] and dep[root] == "nsubjpass"):
                    out.append((source, m))   # "along with" hung on the verb joins its passive subject too
                    break
        for m in listed_after(index, target, obj_actors):
            if m.code not in (source.code, target.code) and not any((source, m) == r for r in out):
                out.append((source, m))
    return out


def listed_after(index: ActorIndex, first: ActorMention, candidates: list) -> list:
    """The candidates the text lists right after `first`, joined by commas and a last "and"/"or" ("the United
    Nations, the World Bank and the IMF"), none of them the subject of a clause of its own ("..., Iraq said")."""
    T, out, last = index.T, [], first
    for m in sorted((c for c in candidates if c.start >= first.end), key=lambda c: c.start):
        root = index.roots.get(id(m))
        if not LIST_GAP.fullmatch(T.text[last.end:m.start]) or root is None or T.dep[root] in ("nsubj", "nsubjpass"):
            break
        out.append(m)
        last = m
    return out


LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s+(?:the\s+)?", re.I)


def with_phrase(index: ActorIndex, m: ActorMention) -> Optional[int]:
    """The "with" whose phrase names the mention, alone or in a list ("reached agreements with Chile and
    Venezuela": each the partner of whoever acts, not of the other), else None."""
    T = index.T
    node = index.roots.get(id(m))
    while node is not None and T.dep[node] == "conj" and T.head[node] != node:
        node = T.head[node]
    if node is None or T.dep[node] != "pobj" or T.lower[T.head[node]] != "with":
        return None
    return T.head[node]
