"""Companies at document level: a firm the text introduces with its nationality ("Russian crude
producer Yukos", "MTN - the South African firm", "Turkish-Austrian consortium TAV", "India's biggest
oil firm, Oil & Natural Gas Corp (ONGC)") is that state's business sector in every mention of its name.

A pure function of one document's actor mentions and parse, run before persons and pronouns are
resolved; it codes the mentions the sentence alone cannot and adds the bare names no earlier stage
marked, so that "Yukos said" later in the text has the state the introduction gave it.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..lexicon import SHIPPED
from ..model import ActorMention
from .tokens import Tokens

FIRM_NOUNS = SHIPPED.words("actors.words.firm_nouns") | SHIPPED.words("actors.words.business")
# Links between a name and the phrase that says what it is: "MTN - the firm", "Corp (ONGC)".
APPOSITION = frozenset({"appos"})
NATIONAL_KINDS = frozenset({"demonym", "country", "org", "capital"})


def code_firms(T: Tokens, mentions: list) -> list:
    """The mentions with the firms the document introduced coded as their state's business sector,
    plus mentions for their bare names elsewhere, in text order."""
    names = _introduced(T, mentions)
    if not names:
        return mentions
    out = [_recoded(T, m, names) for m in mentions]
    covered = {i for m in out for i in T.covering(m.start, m.end)}
    for i in range(T.n):
        hit = names.get(T.lower[i])
        if hit and i not in covered and _name_word(T, i):
            out.append(ActorMention(T.idx[i], T.end(i), T.orth[i], hit[0], T.orth[i], "BUS", "org"))
    return sorted(out, key=lambda m: m.start)


def _introduced(T: Tokens, mentions: list) -> dict:
    """name -> (code, "BUS") for each firm the text gives a nationality; a name given two is left out."""
    by_token = {}
    for m in mentions:
        for i in T.covering(m.start, m.end):
            by_token.setdefault(i, m)
    found: dict = {}

    def add(name: Optional[str], code: str) -> None:
        if name:
            found[name] = code if found.get(name, code) == code else None

    candidates = []
    for m in mentions:
        tokens = list(T.covering(m.start, m.end))
        if m.code and m.kind == "org" and m.sector == "BUS":
            add(_name(T, tokens), m.code)   # "Russian crude producer Yukos": the name after the description
        elif not m.code and m.kind in ("org", "person") and tokens:
            candidates.append((tokens, m))
    # names the tagger did not mark ("Kenyan mobile operator Safaricom")
    run: list = []
    for i in range(T.n + 1):
        if i < T.n and i not in by_token and _name_word(T, i):
            run.append(i)
            continue
        if run:
            candidates.append((run, None))
        run = []
    for tokens, m in candidates:
        code = _described(T, T.root(tokens), by_token, m)
        if code:
            add(_name(T, tokens), code)
    subject = _story_firm(T, candidates, by_token, found)
    if subject:
        found.setdefault(*subject)
    return {k: (v, "BUS") for k, v in found.items() if v}


def _story_firm(T: Tokens, candidates: list, by_token: dict, found: dict) -> Optional[tuple]:
    """(name, state) of the firm a story describes before it names it: "Turkey's biggest mobile firm could
    bail out of the deal ... Turkcell said": the one state that owns a firm described by rank ("X's biggest
    mobile firm", "its largest bank"), and the one firm name the text repeats most (twice at least, more
    than any other, with no nationality of its own)."""
    states = {code for code in (_ranked_owner(T, i, by_token) for i in range(T.n)) if code}
    if len(states) != 1:
        return None
    counts: dict = {}
    for tokens, m in candidates:
        name = _name(T, tokens)
        if name and (m is None or m.kind == "org") and name not in found:
            counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0], next(iter(states))


RANKS = frozenset({"biggest", "largest", "leading", "top", "main", "dominant", "second-largest", "second-biggest"})


def _ranked_owner(T: Tokens, noun: int, by_token: dict) -> Optional[str]:
    """The state that owns a firm noun described by rank and not named beside it: "Turkey's biggest private
    mobile firm", "its largest bank" (its: the sentence's first state before it)."""
    if T.lower[noun] not in FIRM_NOUNS or T.pos[noun] != "NOUN" or T.tag[noun] != "NN":
        return None
    kids = T.children[noun]
    if not any(T.lower[c] in RANKS for c in kids) or any(
            T.dep[c] in APPOSITION or (T.dep[c] == "compound" and c > noun) for c in kids):
        return None
    for c in kids:
        if T.dep[c] != "poss":
            continue
        m = by_token.get(c)
        if m is not None and m.code and len(m.code) == 3 and (
                m.kind in ("country", "capital") or by_token.get(noun) is m):   # or the description read whole
            return m.code
        if T.lower[c] == "its":
            start = T.doc[noun].sent.start
            before = [by_token[t] for t in range(start, c) if t in by_token]
            states = [m for m in before if m.code and m.kind in ("country", "capital") and len(m.code) == 3]
            return states[0].code if states else None
    return None


def _described(T: Tokens, root: int, by_token: dict, own: Optional[ActorMention]) -> Optional[str]:
    """The state of the description a name stands beside: its appositions ("MTN - the South African
    firm"), or the nouns compounded before it ("Turkish-Austrian consortium TAV"), when they say it is
    a firm."""
    phrases = [_left_of(T, root)]   # "Nigerian-Dutch consortium Marlex"
    phrases += [_left_of(T, c) for c in T.children[root] if T.dep[c] in APPOSITION]
    if T.dep[root] in APPOSITION | {"compound"}:   # "MTN - the firm", where the parser hangs the name on it
        phrases.append(_left_of(T, T.head[root]))
        if T.dep[T.head[root]] in APPOSITION:   # "firm, Oil & Natural Gas Corp (ONGC)"
            phrases.append(_left_of(T, T.head[T.head[root]]))
    for phrase in phrases:
        if not any(T.lower[t] in FIRM_NOUNS for t in phrase):
            continue
        for t in phrase:
            m = by_token.get(t)
            if m is not None and m is not own and m.code and m.kind in NATIONAL_KINDS and len(m.code) == 3:
                return m.code
    return None


def _left_of(T: Tokens, head: int) -> list:
    """A head noun with its own modifiers, not the clauses hung on it ("the firm which lost out")."""
    return sorted([head] + [t for c in T.children[head] if T.dep[c] in ("amod", "compound", "poss", "nmod", "det")
                            and c < head for t in T.subtree(c)])


def _name(T: Tokens, tokens: list) -> Optional[str]:
    """A firm's name, lower-cased, from its capitalised words ("yukos", "oil natural gas corp"); a
    word before the name the tagger took in ("Later TAV said") is left out."""
    start = next((k for k, t in enumerate(tokens) if _name_word(T, t)), None)
    if start is None or any(not _name_word(T, t) and T.pos[t] not in ("CCONJ", "PART", "PUNCT")
                            for t in tokens[start:]):
        return None
    name = " ".join(T.lower[t] for t in tokens[start:] if _name_word(T, t))
    return name if len(name) > 1 and name.replace("-", "").replace(" ", "").isalnum() else None


def _name_word(T: Tokens, i: int) -> bool:
    """A capitalised proper noun, or an acronym the tagger read as a common noun ("ONGC")."""
    word = T.orth[i]
    return word[:1].isupper() and (T.pos[i] == "PROPN" or T.pos[i] == "NOUN" and word.isupper() and len(word) > 1)


def _recoded(T: Tokens, m: ActorMention, names: dict) -> ActorMention:
    if m.code or m.kind not in ("org", "person"):
        return m
    hit = names.get(_name(T, list(T.covering(m.start, m.end))) or "")
    return m if hit is None else replace(m, code=hit[0], sector=hit[1], kind="org")
