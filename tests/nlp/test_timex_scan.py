"""`scan` searches each pattern only where its declared filter (`needs`, `near`) says a match can be; for
every pattern, on every text here, that must find exactly what searching the whole text finds."""
from __future__ import annotations

import dataclasses
import random

import pytest

from bilateral.nlp import timex_scan as ts
from bilateral.nlp.timex_records import COUNTED_UNIT, Pattern, Words


def _everywhere(text: str) -> list:
    """Every pattern run over the whole text: what `scan` must reproduce."""
    out = []
    for p in ts.PATTERNS:
        for m in p.rx.finditer(text):
            out.extend(p.build(m, text))
    return out


def _key(cands: list) -> list:
    return [(c.start, c.end, c.kind, c.priority, c.year, c.dct_relative) for c in cands]


def _found(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def _differences(p: Pattern, texts: list) -> list:
    """The texts on which the pattern finds something else with its filter than without."""
    return [t for t in texts if _found(ts.matches(p, ts.Scanned(t))) != _found(p.rx.finditer(t))]


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
    # One or more phrases for every pattern, so that each filter is tried on a match.
    "On Wednesday, March 4, 2020 and the 5th of May, 2021; in June 2018; 2019-04-05 and 4/5/2019 were noted.",
    "Aug. 3 and 17 September; March 3 last year, 4 June the same year, next October 2; in May, in 2016.",
    "From 1957-58 to 2010–2012, in fiscal year 2019, the 1980s, the ’70s and the nineteenth and "
    "twentieth centuries, the third quarter of 2017 and H1 2020; the first nine months of 2021.",
    "This week, the coming decade, last winter, six months ago, today, last night, this Sunday evening, "
    "at 3 p.m. Saturday and 15:00 GMT tomorrow.",
    "Currently, in the past, at the time, in the near future, shortly thereafter, the year after, "
    "almost the next 25 years, several days, between 12 and 18 months, for decades, every morning, "
    "daily, weekly, per month, each year, three times a year.",
]

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


def _fragments(seed: int, n: int) -> list:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        glue = rng.choice(["", " ", " "])
        out.append(glue.join(rng.choice(EDGE_WORDS) + (rng.choice(EDGE_WORDS) if rng.random() < 0.15 else "")
                             for _ in range(rng.randint(1, 45))))
    return out


def _shuffled(seed: int, n: int) -> list:
    words = ["the", "last", "a", "mere", "ten", "12", "3.5", "and", "to", "-", "–", "years", "year's", "ago",
             "days", "several", "almost", "couple", "of", "  ", "\n", "week", "months", "centuries", "x", ",",
             "March", "4", "2020", "Q2", "quarter", "first", "spring", "Monday", "p.m.", "10:15", "every",
             "per", "annually", "since", "FY", "1980s", "next", "half", "thereafter"]
    rng = random.Random(seed)
    return [" ".join(rng.choice(words) for _ in range(rng.randint(1, 40))) for _ in range(n)]


CORPUS = TEXTS + _fragments(11, 1200) + _fragments(12, 1200) + _shuffled(5, 400)


def _name(p: Pattern) -> str:
    return f"{p.build.__qualname__}:{p.regex[:40]}"


@pytest.mark.parametrize("pattern", ts.PATTERNS, ids=_name)
def test_each_pattern_finds_the_same_with_its_filter(pattern):
    assert any(pattern.rx.search(t) for t in TEXTS), "no text here exercises this pattern: add one to TEXTS"
    assert _differences(pattern, CORPUS) == []


def test_the_check_catches_a_filter_that_no_longer_holds():
    # A month pattern edited to read "Sept" without its dot, its month filter left as it was.
    month = next(p for p in ts.PATTERNS if p.build.__name__ == "_month_alone")
    edited = dataclasses.replace(month, regex=month.regex.replace(r"\.)", r"\.?)"))
    assert edited.needs == month.needs and edited.rx.search("due in Sept 2020")
    assert _differences(edited, ["due in Sept 2020"]) == ["due in Sept 2020"]
    # A unit pattern whose unit word is no longer needed ("the last three" alone).
    duration = next(p for p in ts.PATTERNS if p.build.__name__ == "_duration")
    loose = dataclasses.replace(duration, regex=duration.regex.replace("(?P<u>", "(?P<u>(?:)|"))
    assert loose.rx.search("the last three , then")
    assert _differences(loose, ["the last three , then"]) == ["the last three , then"]


@pytest.mark.parametrize("text", TEXTS)
def test_scan_finds_what_every_pattern_finds(text):
    assert _key(ts.scan(text)) == _key(_everywhere(text))


def _scan_or_error(fn, text):
    try:
        return _key(fn(text))
    except Exception as exc:  # a resolver failing must fail alike both ways
        return repr(exc)


def test_scan_agrees_on_edge_fragments():
    for text in _fragments(13, 600):
        assert _scan_or_error(ts.scan, text) == _scan_or_error(_everywhere, text), text


def test_costly_patterns_are_skipped_without_their_words():
    assert [p for p in ts.PATTERNS if p.near and p.near.anchor == COUNTED_UNIT]
    assert ts.scan("Peru and Chile met.") == []


def test_filters_are_declared_where_they_pay():
    # Every pattern holding a month name is searched near month names; words in any case are lower-cased.
    month_patterns = [p for p in ts.PATTERNS if "(?P<mon>(?:" in p.regex]
    assert month_patterns and all(p.near and p.near.anchor == p.needs for p in month_patterns)
    for p in ts.PATTERNS:
        for words in (p.needs, p.near and p.near.anchor):
            if isinstance(words, Words) and words.fold:
                assert all(w == w.lower() for w in words.words)


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
