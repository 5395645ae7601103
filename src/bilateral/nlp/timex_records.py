"""The records time-expression patterns are written as, and what their resolvers read.

A `Pattern` is a regex, its flags, the builder that turns a match into candidates, and the filter
that lets `timex_scan.scan` skip text the regex cannot match: `needs` (words one of which every
match contains) and `near` (an anchor every match holds, and how far before and after it a match
may reach). The filter sits next to the regex it describes, and tests/nlp/test_timex_scan.py checks
that each pattern finds the same with its filter as without.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional, Union

from . import timex_calendar as cal
from .timex_lexicon import FUTURE_CUES, MONTHS, NUMBER_WORDS, PAST_CUES, UNITS


@dataclass
class Context:
    """What a resolver may look at: the text, the document date, and the last calendar date seen."""

    text: str
    dct: Optional[cal.Ref]
    dct_str: Optional[str]
    history: bool = False
    prev: Optional[str] = None           # last calendar date (partial ISO) met in the text
    prev_end: int = -1                   # where the expression that gave `prev` ended
    upcoming: Optional[str] = None       # next explicit calendar date after the current expression

    def tense(self, start: int, end: int) -> Optional[str]:
        """'future' or 'past' from the cue word nearest before a span in its sentence (else nearest after)."""
        left = max(self.text.rfind(". ", 0, start), self.text.rfind("\n", 0, start)) + 1
        right_cands = [i for i in (self.text.find(". ", end), self.text.find("\n", end)) if i >= 0]
        right = min(right_cands) if right_cands else len(self.text)
        before = [m for m in TENSE_CUES.finditer(self.text, left, start)]
        if before:
            return "future" if before[-1].lastgroup == "f" else "past"
        after = TENSE_CUES.search(self.text, end, right)
        if after:
            return "future" if after.lastgroup == "f" else "past"
        return None

    def narrative_year(self, start: int, end: int) -> Optional[int]:
        """The year a date written without one takes from the narrative, or None when it follows the dct.

        In a history narrative that is the year of the last date met, if met recently (a paragraph or so
        back) and the sentence does not speak of the future; without a dct it is always the last date's.
        """
        if not self.prev:
            return None
        if self.dct is None:
            return int(self.prev[:4])
        if self.history and start - self.prev_end < NARRATIVE_REACH and self.tense(start, end) != "future":
            return int(self.prev[:4])
        return None

    def anchor_ref(self) -> Optional[cal.Ref]:
        """The date context-relative phrases ("the same year") lean on: the last date met, else the dct."""
        return cal.parse_ref(self.prev) or self.dct


TENSE_CUES = re.compile(rf"(?P<f>(?i:{FUTURE_CUES}))|(?P<p>{PAST_CUES})")
NARRATIVE_REACH = 500   # characters a narrative's last date keeps its hold on a bare "12 October"
Resolver = Callable[[Context, int, int], dict]


@dataclass
class Candidate:
    start: int
    end: int
    kind: str                 # date, time, duration, set, ref
    resolve: Resolver
    priority: int = 5         # lower wins among equal spans
    year: Optional[int] = None  # an explicit year written in the span
    dct_relative: bool = False  # resolved against the document date ("Friday", "last week")


Builder = Callable[[re.Match, str], Iterator[Candidate]]


@dataclass(frozen=True)
class Words:
    """Literal words, one of which every match of a pattern contains; `fold`: in any letter case."""

    words: tuple
    fold: bool = False


def any_of(*words: str, fold: bool = False) -> Words:
    return Words(tuple(w.lower() for w in words) if fold else tuple(words), fold)


@dataclass(frozen=True)
class Reach:
    """How far a match may reach from its anchor, in characters: `fixed`, plus so many times the text's
    longest run of spaces or hyphens (`runs`), its longest run without a space (`words`: an open `\\w+`)
    and its longest number (`numbers`: digits with one decimal point, or a number word of 13 letters)."""

    fixed: int
    runs: int = 0
    words: int = 0
    numbers: int = 0


# Before a unit of time (or "ago") a number pattern allows at most 7 runs of spaces or hyphens, two
# numbers and 24 other letters ("almost the following", "and").
BEFORE_UNIT = Reach(24, runs=7, numbers=2)

# Anchors that are not words: a run of four digits beginning with 1 or 2 (a year), a run of at most two
# digits (a day, a month, an hour), a unit of time after a number ("five years", "18-month").
YEAR_DIGITS, SHORT_DIGITS, COUNTED_UNIT = "year digits", "short digits", "counted unit"


@dataclass(frozen=True)
class Near:
    """An anchor every match of a pattern holds, and how far before and after it the match may reach."""

    anchor: Union[Words, str]
    before: Reach
    after: Reach


@dataclass(frozen=True)
class Pattern:
    """A regex, the builder of candidates from its matches, and the filter `scan` may search it with."""

    regex: str
    flags: int
    build: Builder
    needs: Optional[Words] = None
    near: Optional[Near] = None
    rx: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "rx", re.compile(self.regex, self.flags))


def month_num(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]


def number_value(s: Optional[str]) -> Optional[float]:
    if s is None:
        return None
    s = re.sub(r"\s+", " ", s.lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    return NUMBER_WORDS.get(s)


def unit_info(u: str) -> tuple[str, int, bool]:
    return UNITS[u.lower().rstrip("s")]


def explicit(value: str, **kw) -> dict:
    return {"type": "DATE", "value": value, "sets_context": True, **kw}


def norm(s: Optional[str]) -> str:
    return re.sub(r"\s+", " ", s or "").lower()
