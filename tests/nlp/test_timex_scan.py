"""`scan` skips patterns and text a match cannot use; it must find exactly what every pattern finds everywhere."""
from __future__ import annotations

import random

import pytest

from bilateral.nlp import timex_scan as ts


def _everywhere(text: str) -> list:
    """Every pattern run over the whole text: what `scan` must reproduce."""
    out = []
    for rx, build in ts.COMPILED:
        for m in rx.finditer(text):
            out.extend(build(m, text))
    return out


def _key(cands: list) -> list:
    return [(c.start, c.end, c.kind, c.priority, c.year, c.dct_relative) for c in cands]


TEXTS = [
    "Chile and Peru signed the accord on 12 March 2019; three years later, in the first quarter of 2022, "
    "trade had doubled. The ministers meet every two weeks and again next Monday at 9:30 a.m.",
    "Ghana's president visited Kenya two days ago. Talks lasted 3:07:45 and resume in the spring of 2024.",
    "Between 12 and 18 months, or 2009-2010, the 1990s and the '80s: the 21st century began in FY2001.",
    "Exports to Turkey rose for several years; almost the following ten weeks, a mere  five\n\n\n days, "
    "and the past 123456789012 years look absurd but must scan alike.",
    "Sweden pledged SEK 40 million a year (per annum) for Q3 2021, the second half of this year.",
    "Nothing temporal here: Norway, Egypt and Malaysia discussed fisheries.",
    "seventy three weeks ago  -  -  - 18 months - -- later; the decade before; thereafter, now.",
    "dayear, often weeks, COVID19 years, 5 years' time, the year's budget, yearly, monthly, quarterly.",
    "Thailand and the Philippines: yesterday evening, tonight, tomorrow morning, each Friday, twice a month.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scan_finds_what_every_pattern_finds(text):
    assert _key(ts.scan(text)) == _key(_everywhere(text))


def test_scan_agrees_on_shuffled_fragments():
    words = ["the", "last", "a", "mere", "ten", "12", "3.5", "and", "to", "-", "–", "years", "year's", "ago",
             "days", "several", "almost", "couple", "of", "  ", "\n", "week", "months", "centuries", "x", ",",
             "March", "4", "2020", "Q2", "quarter", "first", "spring", "Monday", "p.m.", "10:15", "every",
             "per", "annually", "since", "FY", "1980s", "next", "half", "thereafter"]
    rng = random.Random(5)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    assert [_key(ts.scan(t)) for t in texts] == [_key(_everywhere(t)) for t in texts]


def test_costly_patterns_are_skipped_without_their_words():
    assert ts._NEEDS_UNIT and ts._NEEDS_AGO
    assert ts.scan("Peru and Chile met.") == []


# Words that put the month, digit and unit windows, the number test before a unit and the lower-cased
# word tests at their limits: long runs of spaces, numbers ending a longer word, letters that IGNORECASE
# folds unlike str.lower (dotted and dotless i, long s, Kelvin sign).
EDGE_WORDS = [
    "Wednesday,", "the", "12th", "of", "Sept.", "May", "Mayor", "March", "2019-2020", "1999/00", "2021-03-04",
    "3/4/2021", "9:30", "am", "PM", "GMT", "local", "time", "tonight", "preceding", "following", "year", "YEAR",
    "financial", "calendar", "weekend", "old", "1990's", "'90s", "3:07:45", "12:", "2100", "€2020", "#", "1,500",
    "Canada", "none", "done", "SEVEN", "ſeven", "ſpring", "FİSCAL", "fiscal", "ı", "K", "dozen", "several",
    "a", "couple", "of", "five", "-", " - ", "\n\n\n", "     ", "\u00a0", "months", "weeks", "ago", "and", "to",
    "between", "last", "next", "this", "1st", "21st", "century", "Q3", "H2", "quarter", "first", "half",
    "twice", "Thirty-seven", "times", "per", "day", "Friday", "Sunday", "night", "evening", "tomorrow", "recent",
    "summer", "FALL", "coming", "counterrevolutionaries", "weeks-long", "Tuesday,", "once",
]


def _scan_or_error(fn, text):
    try:
        return _key(fn(text))
    except Exception as exc:  # a resolver failing must fail alike both ways
        return repr(exc)


@pytest.mark.parametrize("seed", [11, 12])
def test_scan_agrees_on_edge_fragments(seed):
    rng = random.Random(seed)
    for _ in range(1500):
        glue = rng.choice(["", " ", " "])
        text = glue.join(rng.choice(EDGE_WORDS) + (rng.choice(EDGE_WORDS) if rng.random() < 0.15 else "")
                         for _ in range(rng.randint(1, 45)))
        assert _scan_or_error(ts.scan, text) == _scan_or_error(_everywhere, text), text


def test_unit_patterns_need_a_number_before_the_unit():
    assert ts._counted("for five  years", 10) and ts._counted("twenty-one-year", 11)
    assert ts._counted("in Canada years", 10)          # "a" ends the word: the pattern reads "a years"
    assert not ts._counted("this year", 5) and not ts._counted("years", 0)
    assert ts._counted("FıVE years", 5)                # a dotless i: unsure, so searched


def test_windows_see_the_text_before_them():
    text = ("x" * 200 + " In 1,5002020 and March  12,   2019, four years ago, on 3/4/2021 at 9:30 am, they met"
            " seventeen times a year and counterrevolutionaries times per month.")
    assert _key(ts.scan(text)) == _key(_everywhere(text))
    spans = {text[c.start:c.end] for c in ts.scan(text)}
    assert {"March  12,   2019", "seventeen times a year", "counterrevolutionaries times per month"} <= spans
