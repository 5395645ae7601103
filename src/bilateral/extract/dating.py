"""When an event happened: the time expression that governs its clause, else a date the text
carries from the passage before (inferred), else none.
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Span, Token

from ..nlp.tokens import Tokens, tokens_of
from .mood import OCCURRING, REPORT, chain as _chain
from .triggers import TRIGGER_LEMMAS


PAST_TAGS = {"VBD"}


def date_for(tok: Token, sent: Span, sent_dates: list, context, para: int, s_i: int,
             claims: Optional[Callable[[int], bool]] = None) -> tuple:
    """(date, date_end, basis): the governing time expression, else a date carried from context; a time
    expression another verb that codes an act (`claims`, by default a verb of the shipped lexicon) governs
    first is that verb's."""
    doc = tok.doc
    T = tokens_of(doc)
    if claims is None:
        def claims(node: int) -> bool:
            return T.lemma[node] in TRIGGER_LEMMAS
    i = tok.i
    dated_acl = _dated_participle(T, i, sent_dates) if T.pos[i] == "NOUN" else None
    if dated_acl is not None:
        i = dated_acl   # "the ban imposed by Reagan in 1986 was suspended in April": the noun's own act, 1986
        tok = doc[i]
    elif T.pos[i] == "NOUN" and T.dep[i] in ("nsubj", "nsubjpass", "dobj") and T.pos[T.head[i]] == "VERB":
        i = T.head[i]   # "Negotiations over the 1904 killings began last year": the verb's date
        tok = doc[i]
    links = _chain(tok)
    chain = {t.i for t in links}
    own = set()   # the links up to the first coordination: "recognized X on 5 May and restored ..." is two times
    for t in links:
        own.add(t.i)
        if t.dep_ == "conj":
            break
    ancestors = set(T.ancestors(i))
    best, best_score = None, None
    for t in sent_dates:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        score = _ownership(T, span.root.i, chain, ancestors, claims, i, own)
        if score is None:
            continue
        distance = abs(span.start - i)
        key = (score, distance)
        if best_score is None or key < best_score:
            best, best_score = t, key
    if best is not None:
        basis = "relative" if best.relative else "explicit"
        if best.range_start:
            end = best.range_end if best.signal in ("between", "from") else None
            return best.range_start, end, basis
        if best_score[0] >= 2 and best.date and len(best.date) == 10 and _announced(T, links):
            # "X said today it will lend ...": the day is the saying's; the act falls in its month
            return best.date[:7], None, basis
        return best.date, None, basis
    if T.pos[i] == "NOUN" and T.dep[i] == "pobj" and T.pos[T.head[T.head[i]]] == "VERB":
        i = T.head[T.head[i]]   # "in meetings with the ministers, Howard said": told in the past of its clause
    past = T.tag[i] in PAST_TAGS | {"VBN"} or (   # "cooled ..., with both expelling": the clause's past
        T.tag[i] == "VBG" and any(T.tag[t.i] in PAST_TAGS for t in links)) or (
        T.tag[i] == "VB" and T.dep[i] == "xcomp" and T.tag[T.head[i]] in PAST_TAGS)   # "proposed to mediate": when proposed
    if context is not None and not sent_dates and past and not _present(T, links):
        date, c_para, c_s = context
        if para - c_para <= 1 and s_i - c_s <= 3:
            return date, None, "inferred"
    return None, None, "unknown"


def timex_root(doc, t) -> Optional[int]:
    """The token heading a time expression, or None when its characters cover no token."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span.root.i if span is not None else None


def _dated_participle(T: Tokens, noun: int, sent_dates: list) -> Optional[int]:
    """A participle after the noun that tells when its act was done ("the ban imposed in 1986"), or None."""
    for c in T.children[noun]:
        if T.dep[c] == "acl" and T.tag[c] == "VBN":
            inside = set(T.subtree(c))
            if any(timex_root(T.doc, t) in inside for t in sent_dates):
                return c
    return None


def _announced(T: Tokens, links: list) -> bool:
    """The trigger's clause speaks of the future ("will lend", "would visit")."""
    return any(T.lower[c] in ("will", "would", "shall", "'ll", "wo") for t in links for c in T.children[t.i]
               if T.dep[c] == "aux")


def _ownership(T: Tokens, node: int, chain: set, ancestors: set, claims: Callable[[int], bool], trigger: int,
               own: Optional[set] = None) -> Optional[int]:
    """How closely a time expression belongs to the trigger: 0 it modifies the trigger's clause
    directly ("began late last year"), 1 it sits inside one of its noun phrases ("negotiations over
    the 1904 killings"), 2 a governing clause's, 3 the sentence's; None when another event's
    trigger claims it first."""
    pos, head = T.pos, T.head
    through_noun = said = coordinated = foreign = False
    for _ in range(14):
        # "X will lend ..., Y said today": a time the saying owns is the saying's, not the act's
        said = said or (node != trigger and pos[node] == "VERB" and T.lemma[node] in REPORT)
        if node in chain:
            coordinated = coordinated or (own is not None and node not in own)
            if foreign:
                return 3
            if said or coordinated:   # of a governing or coordinated clause: its own adverb before a noun's time
                return 2.5 if through_noun else 2
            return 1 if through_noun else 0
        # "reinstated ..., 18 months after relations were strained following the 2011 protests": the
        # time of a clause with its own subject is that clause's
        foreign = foreign or _own_clause(T, node)
        # "opened in 2005 and on March 2016 adopted ...": a coordinated clause's time is first its own
        coordinated = coordinated or (pos[node] == "VERB" and T.dep[node] == "conj")
        claimed = pos[node] == "VERB" and claims(node)
        if pos[node] == "VERB" and (claimed or T.lemma[node] in OCCURRING) and T.dep[node] == "relcl" \
                and pos[trigger] == "NOUN" and _in_phrase(T, head[node], trigger):
            return 0   # "his trip to Chile, which starts tomorrow": the clause tells the act's own time
        if claimed:
            if node in ancestors or _same_time_clause(T, node, chain):
                return 2.5 if through_noun else 2
            return None
        if head[node] == node:
            return 3
        if T.lower[node] in BOUNDS and T.dep[node] in ("prep", "advmod") and trigger not in T.subtree(node):
            return None   # "in contact with them ahead of a meeting set for April 1": a bound, not the act's time
        node = head[node]
        if pos[node] in ("NOUN", "PROPN") and node not in chain:
            through_noun = True
    return 3


BOUNDS = frozenset({"ahead", "prior", "pending"})   # "before the end of 2021" stays a planned act's deadline


def _own_clause(T: Tokens, verb: int) -> bool:
    """A subordinate clause with a subject of its own, not one that shares the time of its head
    ("when", "as", "while", "once")."""
    if T.pos[verb] not in ("VERB", "AUX") or T.dep[verb] not in ("advcl", "ccomp", "relcl", "acl"):
        return False
    kids = T.children[verb]
    return any(T.dep[c] in ("nsubj", "nsubjpass") for c in kids) and not any(
        T.dep[c] in ("mark", "advmod") and T.lower[c] in ("when", "as", "while", "once") for c in kids)


def _in_phrase(T: Tokens, noun: int, trigger: int) -> bool:
    """The noun is the trigger noun or the object of one of its prepositions ("trip to Chile")."""
    if noun == trigger:
        return True
    return T.dep[noun] == "pobj" and T.head[T.head[noun]] == trigger and T.dep[T.head[noun]] == "prep"


def _same_time_clause(T: Tokens, verb: int, chain: set) -> bool:
    """"agreed ..., after their ministers met early this week": a when/after clause of the trigger shares its time."""
    head = T.head[verb]
    attached = head in chain or (T.dep[head] == "xcomp" and T.head[head] in chain)
    return T.dep[verb] == "advcl" and attached and any(
        T.dep[c] == "mark" and T.lower[c] in ("after", "when", "as", "while", "once") for c in T.children[verb])


def under_way(T: Tokens, i: int) -> bool:
    """The act is told as going on now: a present progressive ("is heading a mission", "are holding talks")."""
    return T.tag[i] == "VBG" and any(T.dep[c] == "aux" and T.lower[c] in ("is", "are", "am", "'s", "'re")
                                     for c in T.children[i])


def headline_present(T: Tokens, i: int, s_i: int) -> bool:
    """A wire's lead tells the day's news in the present ("Antonov begins two days of talks in Bonn"):
    a present-tense act in the first sentence, with no auxiliary (no modal, no perfect)."""
    return s_i == 0 and T.tag[i] in ("VBZ", "VBP") and not any(T.dep[c] in ("aux", "auxpass", "neg")
                                                             for c in T.children[i])


PERFECT = frozenset({"has", "have", "had", "'s", "'ve"})   # "has accused", "who had publicly criticised"
RECENT = PERFECT - {"had"}   # "has agreed": a deed the report tells as news, not "had agreed"


def said_lately(tok, deed: bool = False) -> bool:
    """The words of the act are told as already said: a simple past or present perfect in its clause chain
    ("noted that Britain could revoke", "has accused Chile of"); a dated report tells of them as recent.
    A `deed` needs a present perfect ("has agreed to supply") or a past verb of saying above it ("said Kenya
    agreed to supply"): its own simple past or past perfect ("had signed better agreements", "Kenya assisted
    Uganda in arms control") may be background."""
    for k, t in enumerate(_chain(tok)):
        if t.tag_ == "VBD" and not (deed and k == 0) or (t.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ in (RECENT if deed else PERFECT) for c in t.children)):
            return True
    return False


def stance_now(tok) -> bool:
    """Words told in the present ("wants Brazil to", "would like Brazil to", "rejects"): a stance held on the
    day of the report that tells it."""
    return tok.tag_ in ("VBZ", "VBP") or (tok.lemma_.lower() in ("like", "prefer") and any(
        c.dep_ == "aux" and c.lower_ == "would" for c in tok.children))


def _present(T: Tokens, links: list) -> bool:
    """Present or present perfect (the trigger's clause chain `links` has such an auxiliary): the
    sentence speaks of now, so no date carries over."""
    for t in links:
        for c in T.children[t.i]:
            if T.dep[c] in ("aux", "auxpass") and T.lower[c] in ("has", "have", "is", "are", "am", "'s", "'ve"):
                return True
    return False
