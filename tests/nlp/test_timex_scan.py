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
