"""Word lists the readers derive from numbers.toml and calendar.toml, and regex alternations of them.

The files hold each word once; what the readers need beyond that is derived here: number words in a
range of values, compounds ("twenty-one", "sixty-fifth"), month and weekday names apart from their
abbreviations (an abbreviation is a name that begins another name of the same month or day).
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping, Optional

from . import Lexicon


def between(table: Mapping[str, float], low: float, high: Optional[float] = None) -> dict:
    """The entries of a table whose value lies in [low, high], in the table's order."""
    return {w: v for w, v in table.items() if v >= low and (high is None or v <= high)}


def cardinals(lex: Lexicon, low: float = 0, high: Optional[float] = None) -> dict:
    """Cardinal number words ("seven" -> 7) with values in [low, high]."""
    return between(lex.table("numbers.cardinal"), low, high)


def ordinals(lex: Lexicon, low: float = 0, high: Optional[float] = None) -> dict:
    """Ordinal number words ("seventh" -> 7) with values in [low, high]."""
    return between(lex.table("numbers.ordinal"), low, high)


def tens(lex: Lexicon) -> dict:
    """The cardinal words of the tens from twenty to ninety, which compound with a unit word."""
    return {w: v for w, v in cardinals(lex, 20, 90).items() if v % 10 == 0}


def compounds(lex: Lexicon, ordinal: bool = False, joins: Iterable[str] = ("-",)) -> dict:
    """Tens joined to a unit word: "twenty-one" -> 21, or with `ordinal` "twenty-first" -> 21."""
    ones = (ordinals if ordinal else cardinals)(lex, 1, 9)
    joins = tuple(joins)
    return {f"{t}{j}{o}": tv + ov for t, tv in tens(lex).items() for o, ov in ones.items() for j in joins}


def _split_names(table: Mapping[str, int]) -> tuple[dict, dict]:
    """(names, abbreviations): an abbreviation begins a longer name of the same value ("sept", "september")."""
    short = {w for w in table for other in table if other != w and table[other] == table[w] and other.startswith(w)}
    return ({w: v for w, v in table.items() if w not in short}, {w: v for w, v in table.items() if w in short})


def months(lex: Lexicon) -> tuple[dict, dict]:
    """(month names, their abbreviations), each word -> month number 1-12."""
    return _split_names(lex.table("calendar.months"))


def weekdays(lex: Lexicon) -> tuple[dict, dict]:
    """(weekday names, their abbreviations), each word -> 0 (Monday) to 6."""
    return _split_names(lex.table("calendar.weekdays"))


def alternation(words: Iterable[str], capitalise: bool = False) -> str:
    """A regex alternation of words, longest first (so none loses to a word it begins); a space in a
    phrase matches any run of white space."""
    forms = (w.capitalize() if capitalise else w for w in words)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(forms, key=len, reverse=True))
