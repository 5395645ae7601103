"""The publication date of a document, and on what it rests.

In order: what the source or its header says (basis "metadata"); a date the body
states as its own ("Published: 4 May 2019", basis "text"); else a year the text
anchors itself ("this year marks the 65th anniversary of ..." with the dated event,
basis "inferred"). When cues disagree or none is firm, the answer is None: never
today's date, never a file time.
"""
from __future__ import annotations

import re
from typing import List, Optional, Set, Tuple

from bilateral.read.numbers import CARDINAL, ORDINAL, to_int

_YEAR = r"(?<![\d$£€])(?<!\d[.,])(?:1[89]\d\d|20\d\d)(?!\d|[.,]\d)"
_YEAR_RE = re.compile(_YEAR)
_SENTENCES = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z\"“‘'(])|\n\s*\n")
_JUBILEES = {"centenary": 100, "centennial": 100, "bicentenary": 200, "bicentennial": 200,
             "golden jubilee": 50, "silver jubilee": 25, "diamond jubilee": 60, "ruby jubilee": 40,
             "platinum jubilee": 70}
_ANNIVERSARY = re.compile(
    rf"\b(?:(?P<ord>{ORDINAL})\s+anniversary|(?P<jub>{'|'.join(_JUBILEES)}))\s+of\s+(?P<obj>[^.;!?]{{3,200}})",
    re.IGNORECASE)
_YEARS_SINCE = re.compile(
    rf"\b(?P<card>{CARDINAL})\s+years\s+(?P<rel>since|after|of)\s+(?P<obj>[^.;!?]{{3,200}})", re.IGNORECASE)
_YEARS_AGO = re.compile(
    rf"\b(?P<card>{CARDINAL})\s+years\s+ago,?\s+(?:in|on)\s+(?:\w+\s+){{0,2}}?(?P<year>{_YEAR})"
    rf"|\bin\s+(?:\w+\s+){{0,2}}?(?P<year2>{_YEAR}),?\s+(?:some\s+|about\s+)?(?P<card2>{CARDINAL})\s+years\s+ago\b",
    re.IGNORECASE)
# The cue speaks of the year of writing ...
_NOW = re.compile(r"\bthis year(?:'s|’s)?\b|\bmarks\b|\b(?:is|are|we) (?:marking|celebrating|commemorating)\b|"
                  r"\bwe mark\b|\bcelebrates\b|\bcommemorates\b|\bit(?: has|'s|’s) (?:now )?been\b|\btoday\b", re.I)
# ... unless it speaks of another one.
_NOT_NOW = re.compile(r"\b(?:next|last|previous|that|the following|the same) year\b|\bmarked\b|\bcelebrated\b|"
                      r"\bcommemorated\b|\bwould\b", re.I)
# A count that is only approximate ("over seven decades") anchors nothing.
_APPROX = re.compile(r"\b(?:over|more than|almost|nearly|about|around|some|roughly|approximately|close to)\s+$", re.I)
_OBJ_END = re.compile(r"[,;:(]|\s+(?:and|but|while|as|which|that|who)\s+")
_OBJ_DATED = re.compile(rf"^,?\s*(?:which|that)?\s*(?:was|were|had been)?\s*[a-z]+ed\s+(?:in|on)\s+"
                        rf"(?:\w+\s+){{0,2}}?({_YEAR})")
_ORIGIN = re.compile(r"\b(?:establish\w*|found\w*|sign\w*|open\w*|began|begun|begin\w*|start\w*|launch\w*|"
                     r"conclud\w*|form\w*|creat\w*|set up|normali[sz]\w*|inaugurat\w*|ratif\w*|gain\w*|"
                     r"won|achiev\w*|declar\w*|born|birth|agreed)\b", re.IGNORECASE)
_STOP = {"between", "both", "their", "with", "from", "into", "that", "this", "these", "those", "which", "when",
         "countries", "country", "nations", "nation", "sides", "side", "first", "year", "years", "anniversary",
         "have", "has", "been", "were", "will", "would", "since", "after", "also", "more", "over", "they",
         "them", "other", "such", "some", "many", "each", "very", "than", "then", "there", "here", "about"}
# Words for the same tie between two parties, so "diplomatic ties" finds "established relations".
_SAME = {"ties": "relation", "tie": "relation", "relationship": "relation", "link": "relation"}


def publication_date(text: str, metadata: Optional[str] = None,
                     stated: Optional[str] = None) -> Tuple[Optional[str], Optional[str]]:
    """(date, basis): metadata first, then a date the body states, then a year inferred from the text."""
    if metadata:
        return metadata, "metadata"
    if stated:
        return stated, "text"
    year = infer_year(text)
    return (year, "inferred") if year else (None, None)


def infer_year(text: str) -> Optional[str]:
    """The year of writing when the text anchors it: "this year's 30th anniversary of the 1990 treaty" -> "2020"."""
    sentences = [s for s in _SENTENCES.split(text) if s and s.strip()]
    found: Set[int] = set()
    clauses: Optional[list] = None
    for sentence in sentences:
        found.update(_years_ago(sentence))
        for n, obj, whole in _anniversaries(sentence):
            origin = _year_in(obj, whole)
            if origin is None:
                clauses = _origin_clauses(sentences) if clauses is None else clauses
                origin = _dated_in(_OBJ_END.split(obj)[0], clauses)
            if origin:
                found.add(origin + n)
    plausible = {y for y in found if 1900 <= y <= 2100}
    return str(plausible.pop()) if len(plausible) == 1 else None


def _years_ago(sentence: str) -> List[int]:
    """ "thirty years ago, in 1990" -> [2020]."""
    out = []
    for m in _YEARS_AGO.finditer(sentence):
        n = to_int(m.group("card") or m.group("card2"))
        year = int(m.group("year") or m.group("year2"))
        if n:
            out.append(year + n)
    return out


def _anniversaries(sentence: str) -> List[Tuple[int, str, bool]]:
    """(years, what is counted, whether that is a whole clause) for each count placed in the year of writing.

    After "since"/"after" the counted thing is a clause ("since they signed the accord in 1991"),
    so a year anywhere in it dates it; after "of" only the noun phrase's own year does.
    """
    now = _NOW.search(sentence)
    if not now or _NOT_NOW.search(sentence) and not now.group(0).lower().startswith("this year"):
        return []
    out = []
    counts = [(m, to_int(m.group("ord")) if m.group("ord") else _JUBILEES[m.group("jub").lower()], False)
              for m in _ANNIVERSARY.finditer(sentence)]
    counts += [(m, to_int(m.group("card")), m.group("rel").lower() != "of") for m in _YEARS_SINCE.finditer(sentence)]
    for m, n, whole in counts:
        before = sentence[: m.start()]
        if n and not _YEAR_RE.search(before) and not _APPROX.search(before):
            out.append((n, m.group("obj"), whole))
    return out


def _year_in(obj: str, whole: bool) -> Optional[int]:
    """The year the counted thing carries: "the 1990 treaty", "ties, established in 1953"; one year or None."""
    end = None if whole else _OBJ_END.search(obj)
    head = obj[: end.start()] if end else obj
    years = set(_YEAR_RE.findall(head))
    if len(years) == 1:
        return int(years.pop())
    dated = _OBJ_DATED.match(obj[len(head):]) if not years else None
    return int(dated.group(1)) if dated else None


def _words(text: str) -> Set[str]:
    """Content words, lower case, crudely stemmed: the terms that say what an event was."""
    out = set()
    for w in re.findall(r"\b[a-z][a-z-]{3,}\b", text):   # lower-case words: names of places never count
        singular = re.sub(r"(?<=[^s])s$", "", re.sub(r"ies$", "y", w))
        w = _SAME.get(w) or _SAME.get(singular) or singular
        if w not in _STOP:
            out.add(w)
    return out


def _origin_clauses(sentences: List[str]) -> List[Tuple[int, Set[str]]]:
    """(year, content words) for each clause ending in a year that says something began then."""
    out = []
    for sentence in sentences:
        prev = 0
        for m in _YEAR_RE.finditer(sentence):
            clause = sentence[prev:m.start()]
            prev = m.end()
            if _ORIGIN.search(clause):
                out.append((int(m.group(0)), _words(clause)))
    return out


def _dated_in(obj: str, clauses: List[Tuple[int, Set[str]]]) -> Optional[int]:
    """The year the document gives to the counted thing: the origin clause sharing most of its terms, if one year."""
    terms = _words(obj)
    best, years = 0, set()
    for year, words in clauses:
        score = len(terms & words)
        if score > best:
            best, years = score, {year}
        elif score == best and score:
            years.add(year)
    return years.pop() if best and len(years) == 1 else None
