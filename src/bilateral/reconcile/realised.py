"""A plan and the act done, told by two reports, are one event.

One report says the act is coming ("the firm is expected to hold talks on Tuesday about buying assets once
owned by Yukos", "the trip to Lima next week by Minister Soto"); a later one tells it as done or going on
("says it is in talks to buy the former assets of Yukos", "in meetings with the ministers, Soto said").
The merge keeps moods apart, since "will visit" and "visited" in one text are two facts about the act;
across reports they are one act seen at two times. They join when the parties, kind of act and dates agree,
the plan was not reported after the deed, the passages name the same thing besides the parties (a firm, an
asset) or give the act the same figure, and neither has another candidate: a plan with two possible deeds
stays alone.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Optional

from ..extract.amounts import same_amount
from ..extract.cameo import SYMMETRIC
from ..nlp.gazetteer import Gazetteer
from .merge import _dates_agree, _mood

_NAME = re.compile(r"(?<![\w.])[A-Z][a-z][A-Za-z'&-]+")
_WORD = re.compile(r"[a-z]{4,}")
# Capitalised words that name no particular thing: calendar words, titles, sentence openers.
_NOT_NAMES = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday Minister Ministry President Prime Foreign Secretary Government "
    "The This That These Those There They Their When While After Before During Under With From Officials "
    "Official Mr Mrs Ms Dr Sir United States Kingdom Republic Union Nations Soviet West East North South New "
    "Corp Inc Ltd Co Group Plc".split())
_COMMON = frozenset(
    "that this with from have has been were will would could should said says also about into over their "
    "there they them which when what where while after before than then other such only more most some "
    "being upon under between both each year years month week today last next first minister ministers "
    "president prime foreign government ministry official officials spokesman country countries".split())


@functools.lru_cache(maxsize=4096)
def _party_word(word: str) -> bool:
    """A country, its people, its capital or a body of states ("India's", "Russian", "Moscow"): a party, which
    every passage of the pair names, not a thing that ties two of them together."""
    stem = word[:-2] if word.endswith("'s") else word
    return any(e.kind in ("country", "demonym", "capital", "igo", "place") for e in Gazetteer.load().readings(stem))


def _terms(cluster: list) -> tuple:
    """(names, words) the passages hold besides the states: capitalised names not opening a sentence, and
    lower-case words of four letters or more."""
    names, words = set(), set()
    for m in cluster:
        for x in m.mentions:
            text = x.sentence or ""
            names.update(n.removesuffix("'s") for n in _NAME.findall(text[1:])
                         if n not in _NOT_NAMES and not _party_word(n))
            words.update(w for w in _WORD.findall(text.lower()) if w not in _COMMON and not _party_word(w))
    return names, words


def _published(cluster: list, published: dict) -> list:
    """The publication dates of the cluster's reports, oldest first."""
    return sorted(d for d in (published.get(x.doc_id) for m in cluster for x in m.mentions) if d)


def _amount(cluster: list) -> Optional[str]:
    return next((m.amount for m in cluster if m.amount), None)


def _date(cluster: list) -> Optional[str]:
    return max((m.date for m in cluster if m.date), key=len, default=None)


def _fulfils(plan: list, done: list, published: dict, terms: dict) -> bool:
    """Whether the done act can be the plan's, told by another report."""
    p, d = plan[0], done[0]
    if {x.doc_id for m in plan for x in m.mentions} & {x.doc_id for m in done for x in m.mentions}:
        return False
    if (p.cameo or "")[:2] != (d.cameo or "")[:2]:
        return False
    if (p.source.code, p.target.code) != (d.source.code, d.target.code) and not (
            p.cameo in SYMMETRIC and d.cameo in SYMMETRIC):
        return False
    pd, dd = _date(plan), _date(done)
    if pd and dd and not _dates_agree(pd, dd):
        return False
    announced, told = _published(plan, published), _published(done, published)
    if announced and told and announced[0][:10] > told[-1][:10]:
        return False   # "will visit" reported after "visited": another visit
    if same_amount(_amount(plan), _amount(done)):
        return True   # "looking for 2.0 billion dlrs in purchases", "about two billion dlrs of purchases made"
    (pn, pw), (dn, dw) = terms[id(plan)], terms[id(done)]
    # a thing both name ("Yukos") and two plain words about it ("assets", "talks"): a name alone is often the
    # person who acts, who does many things
    plain = (pw & dw) - {n.lower() for n in pn | dn}
    return bool(pn & dn) and len(plain) >= 2


def realised(clusters: list, published: dict) -> list:
    """The clusters, with each plan joined to the one act another report tells as done."""
    plans = [c for c in clusters if all(_mood(m) == "future" for m in c)]
    if not plans:
        return clusters
    done_by: dict = {}
    for c in clusters:
        if all(_mood(m) in ("asserted", "ongoing") for m in c):
            done_by.setdefault((frozenset((c[0].source.code, c[0].target.code)), c[0].event_type), []).append(c)
    terms: dict = {}

    def term(c: list) -> None:
        if id(c) not in terms:
            terms[id(c)] = _terms(c)
    chosen = []
    for plan in plans:
        found = done_by.get((frozenset((plan[0].source.code, plan[0].target.code)), plan[0].event_type))
        if not found:
            continue
        term(plan)
        for c in found:
            term(c)
        fits = [c for c in found if _fulfils(plan, c, published, terms)]
        if len(fits) == 1:
            chosen.append((plan, fits[0]))
    claims = Counter(id(done) for _, done in chosen)
    joined = set()
    for plan, done in chosen:
        if claims[id(done)] == 1:
            done.extend(plan)
            joined.add(id(plan))
    return [c for c in clusters if id(c) not in joined] if joined else clusters
