"""Time expressions written as calendar dates: "12 March 2019", "March 2019", "2019-03-12", "1990s",
"the 21st century", "the first quarter of 2017", a bare "2019" or "March".

Each builder turns a match into candidates; the pattern lists at the end pair each regex with its
builder and the filter (`needs`, `near`) `timex_scan.scan` searches it with.
"""
from __future__ import annotations

import re
from typing import Iterator

from . import timex_calendar as cal
from .timex_lexicon import (
    AMBIGUOUS_MONTHS, MONTH_RE, MONTH_WORDS, NOT_YEAR_AFTER, NOT_YEAR_BEFORE, NUMBER_RE, ORDINAL_RE,
    ORDINAL_WORDS, WEEKDAY_RE, YEAR_NOUN_PLURALS,
)
from .timex_records import (
    SHORT_DIGITS, YEAR_DIGITS, Candidate, Context, Near, Pattern, Reach, any_of, explicit, month_num,
    number_value,
)

DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR4 = r"(?P<year>1\d{3}|20\d{2}|2100)"
WD_PREFIX = rf"(?:{WEEKDAY_RE},?\s+)?"


def _full(m: re.Match, text: str) -> Iterator[Candidate]:
    y, mo, d = int(m["year"]), month_num(m["mon"]), int(m["day"])
    if cal.valid_day(y, mo, d):
        yield Candidate(m.start(), m.end(), "date", lambda c, s, e: explicit(cal.fmt(y, mo, d)), 1, year=y)


def _month_year(m: re.Match, text: str) -> Iterator[Candidate]:
    y, mo = int(m["year"]), month_num(m["mon"])
    if not re.match(NOT_YEAR_AFTER, text[m.end():]):
        yield Candidate(m.start(), m.end(), "date", lambda c, s, e: explicit(cal.fmt(y, mo)), 2, year=y)


def _numeric(m: re.Match, text: str) -> Iterator[Candidate]:
    y, mo, d = int(m["year"]), int(m["mon"]), int(m["day"])
    if 1 <= mo <= 12 and cal.valid_day(y, mo, d):
        yield Candidate(m.start(), m.end(), "date", lambda c, s, e: explicit(cal.fmt(y, mo, d)), 1, year=y)


NEAR_DAYS = 122   # a day and month this close to the document date is taken in the nearer year


def _day_month(m: re.Match, text: str) -> Iterator[Candidate]:
    """A day and month without a year: the year comes from the narrative or the document date."""
    mo, d = month_num(m["mon"]), int(m["day"])
    if not 1 <= d <= 31:
        return

    def resolve(c: Context, s: int, e: int) -> dict:
        y = c.narrative_year(s, e)
        if y is not None:
            return {"type": "DATE", "value": cal.fmt(y, mo, d), "relative": True, "anchor": c.prev,
                    "sets_context": True}
        if not c.dct:
            return {"type": "DATE", "value": f"XXXX-{mo:02d}-{d:02d}", "relative": True}
        y = cal.month_year(c.dct, mo, c.tense(s, e))
        near = cal.nearest_year(c.dct, mo, d, NEAR_DAYS)
        if near is not None and not re.search(r"(?i)\b(?:last|next|coming|previous)\s+$", c.text[max(0, s - 12):s]):
            y = near   # within months of the report, the nearer year whatever the tense: "was to have returned
            # May 6" in a wire of April 27, "their February 22 Paris accord" in one of April 7
        return {"type": "DATE", "value": cal.fmt(y, mo, d), "relative": True, "anchor": c.dct_str}
    yield Candidate(m.start(), m.end(), "date", resolve, 3)


def _month_alone(m: re.Match, text: str) -> Iterator[Candidate]:
    name = m["mon"].rstrip(".").lower()
    before = text[max(0, m.start() - 30):m.start()]
    cue = re.search(r"(?i:\b(?:in|since|until|till|by|from|through|during|before|after|of|and|to|or|early|late|"
                    r"mid|end|beginning|between|each|every|last|next|this|that)\s*-?\s*)$", before)
    if name in AMBIGUOUS_MONTHS and not cue:
        return
    if re.match(r"\s+[A-Z][a-z]", text[m.end():]) and not cue:
        return  # a given name ("June Carter") or part of a title
    if m.start() > 0 and text[m.start() - 1] in "-'’":
        return
    mo = month_num(m["mon"])

    def resolve(c: Context, s: int, e: int) -> dict:
        y = c.narrative_year(s, e)
        if y is not None:
            return {"type": "DATE", "value": cal.fmt(y, mo), "relative": True, "anchor": c.prev,
                    "sets_context": True}
        if not c.dct:
            return {"type": "DATE", "value": f"XXXX-{mo:02d}", "relative": True}
        y = cal.month_year(c.dct, mo, c.tense(s, e))
        return {"type": "DATE", "value": cal.fmt(y, mo), "relative": True, "anchor": c.dct_str}
    yield Candidate(m.start(), m.end(), "date", resolve, 4)


def year_ok(text: str, start: int, end: int) -> bool:
    """A 4-digit number is a year unless money, a code, a count of things, or part of a longer number."""
    before, after = text[max(0, start - 12):start], text[end:end + 30]
    if re.search(r"[\d,.][\s]?$", before[-2:]) and re.search(r"\d[ .,]?$", before):
        return False
    if re.search(NOT_YEAR_BEFORE, before):
        return False
    if re.match(r"[,.]\d|\s?\d|[-–]\d{3}\b(?!-)|\s*(?:°|º|m²|sq)", after):
        return False
    if re.match(NOT_YEAR_AFTER, after):
        return False
    nxt = re.match(r"\s+([a-z]+)\b", after)
    governed = re.search(r"(?i:\b(?:in|since|from|to|until|till|by|between|and|of|during|before|after)\s+)$", before)
    if nxt and not governed and nxt.group(1).endswith("s") and not nxt.group(1).endswith(("ss", "us", "is")) \
            and nxt.group(1) not in YEAR_NOUN_PLURALS and len(nxt.group(1)) > 3:
        return False
    return True


def _year(m: re.Match, text: str) -> Iterator[Candidate]:
    y = int(m["year"])
    if year_ok(text, m.start(), m.end()):
        yield Candidate(m.start(), m.end(), "date", lambda c, s, e: explicit(cal.fmt(y)), 6, year=y)


def _year_range(m: re.Match, text: str) -> Iterator[Candidate]:
    """"2009-2010", "1957-58": two DATEs, the second taking its century from the first."""
    y1, raw2 = int(m["y1"]), m["y2"]
    y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
    if len(raw2) == 2 and y2 <= y1:
        y2 += 100
    if not (y1 < y2 <= y1 + 100) or not year_ok(text, m.start(), m.start() + 4) \
            or re.match(NOT_YEAR_AFTER, text[m.end():]):
        return
    rng = {"range_start": cal.fmt(y1), "range_end": cal.fmt(y2)}
    yield Candidate(m.start("y1"), m.end("y1"), "date", lambda c, s, e: explicit(cal.fmt(y1), **rng), 2, year=y1)
    yield Candidate(m.start("y2"), m.end("y2"), "date", lambda c, s, e: explicit(cal.fmt(y2), **rng), 2, year=y2)


def _decade(m: re.Match, text: str) -> Iterator[Candidate]:
    if m.groupdict().get("c"):   # the "'80s" pattern has no century group
        v = m["c"] + m["d"]
    else:
        d2 = int(m["d2"])
        v = ("19" if d2 >= 3 else "20") + str(d2)
    yield Candidate(m.start(), m.end(), "date", lambda c, s, e: explicit(v), 2, year=int(v) * 10)


def ordinal_num(s: str) -> int:
    s = s.lower()
    return int(s[:-2]) if s[:-2].isdigit() else ORDINAL_WORDS[s]


def _century(m: re.Match, text: str) -> Iterator[Candidate]:
    n = ordinal_num(m["n"])
    if 1 <= n <= 22:
        v = f"{n - 1:02d}"
        yield Candidate(m.start(), m.end(), "date", lambda c, s, e: explicit(v), 2, year=(n - 1) * 100)


def _part_of_year(m: re.Match, text: str) -> Iterator[Candidate]:
    """"the first quarter of 2017", "Q1 2017", "the second half of this year" -> 2017-Q1, 2017-H2."""
    part = (m["part"] or m["q"][0]).lower()
    if m["q"]:
        k = int(m["q"][1])
    elif m["ord"].lower() in ("last", "final"):
        k = 4 if part.startswith("q") else 2
    else:
        k = ordinal_num(m["ord"])
    letter = "Q" if part.startswith("q") else "H"
    if letter == "H" and k > 2:
        return
    months = 3 if letter == "Q" else 6
    rel = (m["rel"] or "").lower()
    explicit_year = int(m["year"]) if m["year"] else None

    def resolve(c: Context, s: int, e: int) -> dict:
        if explicit_year is not None:
            y, relative = explicit_year, False
        else:
            ref = c.dct if rel in ("this", "last", "next", "") else c.anchor_ref()
            if ref is None:
                return {"type": "DATE", "value": f"XXXX-{letter}{k}", "relative": True}
            y = ref.year + {"last": -1, "next": 1}.get(rel, 0)
            relative = True
        out = {"type": "DATE", "value": f"{y}-{letter}{k}", "relative": relative,
               "range_start": cal.fmt(y, (k - 1) * months + 1), "range_end": cal.fmt(y, k * months),
               "sets_context": not relative}
        if relative:
            out["anchor"] = c.dct_str if rel else c.prev
        return out
    yield Candidate(m.start(), m.end(), "date", resolve, 1, year=explicit_year)


def _first_months(m: re.Match, text: str) -> Iterator[Candidate]:
    """"the first nine months of 2021": the year, with the covered months as a range."""
    n, y = number_value(m["num"]), int(m["year"])
    if not n or not 1 <= n <= 12:
        return
    months = int(n) * (3 if m["u"].lower().startswith("quarter") else 1)
    if months > 12:
        return
    rng = {"range_start": cal.fmt(y, 1), "range_end": cal.fmt(y, months)}
    yield Candidate(m.start(), m.end(), "date", lambda c, s, e: explicit(cal.fmt(y), **rng), 1, year=y)


# --- the patterns ----------------------------------------------------------------------------

RI = re.IGNORECASE
# A month name is read within "Wednesday, the 12th of" before it and "March 12, of the preceding year" past it.
MONTH = any_of(*MONTH_WORDS)
NEAR_MONTH = Near(MONTH, Reach(30, runs=5), Reach(40, runs=6))
NEAR_YEAR = Near(YEAR_DIGITS, Reach(0), Reach(40, runs=6))
NEAR_SHORT = Near(SHORT_DIGITS, Reach(0), Reach(40, runs=6))
# The ordinals of a quarter or a half of a year ("the first quarter", "the 2nd half").
QUARTER_ORDINALS = "|".join([*(w for w, v in ORDINAL_WORDS.items() if v <= 4), "last", "final", "1st", "2nd", "3rd",
                             "4th"])

EXPLICIT = [
    Pattern(rf"{WD_PREFIX}(?P<mon>{MONTH_RE})\s+{DAY},?\s+{YEAR4}(?!\d)", 0, _full, MONTH, NEAR_MONTH),
    Pattern(rf"{WD_PREFIX}(?:the\s+)?{DAY}\s+(?:of\s+)?(?P<mon>{MONTH_RE}),?\s+{YEAR4}(?!\d)", 0, _full,
            MONTH, NEAR_MONTH),
    Pattern(rf"(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?{YEAR4}(?![\d,.]\d)", 0, _month_year, MONTH, NEAR_MONTH),
    Pattern(r"\b(?P<year>1\d{3}|20\d{2})-(?P<mon>\d{2})-(?P<day>\d{2})\b", 0, _numeric, any_of("-"), NEAR_YEAR),
    Pattern(r"\b(?P<mon>\d{1,2})/(?P<day>\d{1,2})/(?P<year>1\d{3}|20\d{2})\b", 0, _numeric, any_of("/"), NEAR_SHORT),
    Pattern(rf"{WD_PREFIX}(?P<mon>{MONTH_RE})\s+{DAY}(?![\d,.]?\d|\s*(?:%|percent|million|billion))", 0, _day_month,
            MONTH, NEAR_MONTH),
    Pattern(rf"{WD_PREFIX}\b{DAY}\s+(?:of\s+)?(?P<mon>{MONTH_RE})", 0, _day_month, MONTH, NEAR_MONTH),
]
# Scanned after the months with a relative year (timex_relative.RELATIVE_MONTHS): among equal spans
# of equal priority the first pattern's reading is kept, so the order of the lists is the order of readings.
BARE = [
    Pattern(rf"(?<![\w$€£])(?P<mon>{MONTH_RE})(?![\w])", 0, _month_alone, MONTH, NEAR_MONTH),
    Pattern(r"(?<![\d$€£.,#/-])(?P<y1>1\d{3}|20\d{2})\s*[-–—/]\s*(?P<y2>1\d{3}|20\d{2}|\d{2})(?![\d%]|\.\d)", 0,
            _year_range, any_of("-", "–", "—", "/"), NEAR_YEAR),
    Pattern(r"(?<![\w$€£.,#/-])(?P<year>1\d{3}|20\d{2}|2100)(?![\w%]|[.,]\d)", 0, _year, None, NEAR_YEAR),
    Pattern(r"(?i:fiscal(?:\s+year)?|FY)\s*(?P<year>(?-i:1\d{3}|20\d{2}))\b", 0, _year,
            any_of("fiscal", "fy", fold=True)),
    Pattern(r"(?<![\w])(?P<c>1\d|20)(?P<d>\d)0(?:'s|s)\b", 0, _decade, any_of("0s", "0's"), NEAR_YEAR),
    Pattern(r"(?<![\w])['’](?P<d2>\d)0s\b", 0, _decade, any_of("0s")),
    Pattern(rf"\b(?P<n>{ORDINAL_RE})[- ](?i:centur(?:y|ies))\b", RI, _century, any_of("centur", fold=True)),
    Pattern(rf"\b(?P<n>{ORDINAL_RE})(?=\s*(?:,|and|or|to|-|–|through)\s*(?:the\s+)?{ORDINAL_RE}[- ]centur)", RI,
            _century, any_of("centur", fold=True)),
    Pattern(rf"(?:the\s+)?(?P<ord>{QUARTER_ORDINALS})\s+(?P<part>quarter|half)"
            rf"(?:\s+of\s+(?:(?P<year>(?-i:1\d{{3}}|20\d{{2}}))|(?P<rel>this|last|next|the(?:\s+same)?|that)\s+year))"
            rf"(?P<q>(?!))?", RI, _part_of_year, any_of("quarter", "half", fold=True)),
    Pattern(r"\b(?P<q>(?-i:Q[1-4]|H[12]))\s+(?P<year>1\d{3}|20\d{2})\b(?P<part>(?!))?(?P<ord>(?!))?(?P<rel>(?!))?", 0,
            _part_of_year, any_of(*(f"{a}{n}" for a in "QH" for n in "1234"))),
    Pattern(rf"(?:the\s+)?first\s+(?P<num>{NUMBER_RE})\s+(?P<u>months|quarters)\s+(?:(?:of|in)\s+)?{YEAR4}\b", RI,
            _first_months, any_of("months", "quarters", fold=True)),
]
