"""Find candidate time expressions with regular patterns; each carries a resolver run later in context.

Scanning is context-free (spans only); values are computed afterwards, in text order, because
a bare "12 October" or "the same year" takes its year from what came before.

The patterns are records (timex_records.Pattern) kept by kind: calendar dates (timex_dates), dates
relative to the document date (timex_relative), references, lengths of time and sets (timex_spans).
Speed: most patterns cannot match without some word or digit, so each declares one (`needs`: a text
without it is not searched) and, where it pays, an anchor it is searched near (`near`: only windows
around the anchors are searched, with the same results as searching the whole text).
"""
from __future__ import annotations

import re
from typing import Iterable, Optional, Union

from .timex_dates import BARE, EXPLICIT, RI
from .timex_lexicon import NUMBER_WORDS, UNIT_RE, VAGUE_NUMBERS
from .timex_records import (
    COUNTED_UNIT, SHORT_DIGITS, YEAR_DIGITS, Candidate, Context, Pattern, Reach, Words,
)
from .timex_relative import RELATIVE, RELATIVE_MONTHS
from .timex_spans import SPANS
from .windows import finditer_near

__all__ = ["Candidate", "Context", "PATTERNS", "Pattern", "scan"]

PATTERNS: list[Pattern] = [*EXPLICIT, *RELATIVE_MONTHS, *BARE, *RELATIVE, *SPANS]

# A unit word as the number patterns take it: after a space or hyphen, ending a word (a plural "s" allowed).
UNIT_AT = re.compile(rf"(?<=[\s\-])(?=(?:{UNIT_RE})s?(?!\w))", RI)
SEP_RUN = re.compile(r"[\s\-]{2,}")
DIGIT_RUN = re.compile(r"\d{2,}")
DIGITS = re.compile(r"\d+")
# A number is matched without a word boundary before it, so the word before a unit need only end in one.
_NUMBER_ENDINGS = tuple(sorted({w.split()[-1] for w in (*NUMBER_WORDS, *VAGUE_NUMBERS)}))
# Characters other than ASCII letters that IGNORECASE matches to an ASCII letter (dotted and dotless i,
# long s, Kelvin sign): a text holding one is tested with the regexes, not with lower-cased substrings.
_CASE_TRICKY = re.compile("[\u0130\u0131\u017f\u212a]")


def _counted(text: str, at: int) -> bool:
    """Whether the unit word at `at` follows a number and a run of spaces or hyphens, as the number patterns
    need it (true as well when unsure: a character IGNORECASE folds unlike str.lower)."""
    i = at - 1
    while i >= 0 and (text[i].isspace() or text[i] == "-"):
        i -= 1
    if i < 0 or i == at - 1:
        return False
    if text[i].isdigit():
        return True
    tail = text[max(0, i - 11):i + 1]
    return tail.lower().endswith(_NUMBER_ENDINGS) or _CASE_TRICKY.search(tail) is not None


class Scanned:
    """One text as the filters see it, each fact worked out once and only when a pattern asks for it."""

    def __init__(self, text: str):
        self.text = text
        self.lower = None if _CASE_TRICKY.search(text) else text.lower()
        self._present: dict = {}
        self._anchors: dict = {}
        self._sizes: Optional[tuple] = None

    def present(self, words: Words) -> bool:
        """Whether one of the words occurs in the text; matches what searching for their alternation finds."""
        if words not in self._present:
            literals = words.words
            if not words.fold:
                found = any(w in self.text for w in literals)
            elif self.lower is not None:
                found = any(w in self.lower for w in literals)
            else:
                found = re.search("|".join(map(re.escape, literals)), self.text, re.I) is not None
            self._present[words] = found
        return self._present[words]

    def anchors(self, kind: Union[Words, str]) -> Optional[list[int]]:
        """Sorted offsets of one kind of anchor; None when they cannot be found by substring search (a word
        in any case, in a text with a character IGNORECASE folds unlike str.lower)."""
        if kind not in self._anchors:
            self._anchors[kind] = self._find(kind)
        return self._anchors[kind]

    def _find(self, kind: Union[Words, str]) -> Optional[list[int]]:
        text = self.text
        if kind in (YEAR_DIGITS, SHORT_DIGITS):
            runs = [m.span() for m in DIGITS.finditer(text)]
            if kind == YEAR_DIGITS:
                return [s for s, e in runs if e - s == 4 and text[s] in "12"]
            return [s for s, e in runs if e - s <= 2]
        if kind == COUNTED_UNIT:
            return [u for u in (m.start() for m in UNIT_AT.finditer(text)) if _counted(text, u)]
        within = self.lower if kind.fold else text
        if within is None:
            return None
        found = set()
        for w in kind.words:
            i = within.find(w)
            while i >= 0:
                found.add(i)
                i = within.find(w, i + 1)
        return sorted(found)

    def reach(self, r: Reach) -> int:
        """The characters a reach spans in this text (see timex_records.Reach)."""
        if r.runs or r.words or r.numbers:
            if self._sizes is None:
                sep = max((len(m) for m in SEP_RUN.findall(self.text)), default=1)
                digits = max((len(m) for m in DIGIT_RUN.findall(self.text)), default=1)
                word = max(map(len, self.text.split()), default=0)
                self._sizes = (sep, word, max(2 * digits + 1, 13))
            sep, word, number = self._sizes
            return r.fixed + r.runs * sep + r.words * word + r.numbers * number
        return r.fixed


def matches(p: Pattern, t: Scanned) -> Iterable[re.Match]:
    """What `p.rx.finditer(t.text)` finds, searched only where the pattern's filter says a match can be."""
    if p.needs is not None and not t.present(p.needs):
        return ()
    if p.near is None:
        return p.rx.finditer(t.text)
    at = t.anchors(p.near.anchor)
    if at is None:
        return p.rx.finditer(t.text)
    return finditer_near(p.rx, t.text, at, t.reach(p.near.before), t.reach(p.near.after))


def scan(text: str) -> list[Candidate]:
    """Every candidate every pattern finds, overlapping ones included."""
    t = Scanned(text)
    out: list[Candidate] = []
    for p in PATTERNS:
        for m in matches(p, t):
            out.extend(p.build(m, text))
    return out
