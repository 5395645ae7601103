"""Time expressions that are no calendar date: references ("now", "the past"), context phrases ("the
year after", "thereafter"), lengths of time ("three days", "the last 25 years", "3:07:45") and sets
("annually", "every two weeks", "twice a month").

Each builder turns a match into candidates; the pattern list pairs each regex with its builder and
the filter (`needs`, `near`) `timex_scan.scan` searches it with.
"""
from __future__ import annotations

import re
from typing import Iterator

from . import timex_calendar as cal
from .timex_dates import NEAR_SHORT, RI
from .timex_lexicon import (
    DAY_PART_RE, DAY_PARTS, NUMBER_RE, SHIFTED, UNIT_RE, UNITS, VAGUE_RE, WEEKDAY_RE, WEEKDAYS,
)
from .timex_records import (
    BEFORE_UNIT, COUNTED_UNIT, Builder, Candidate, Context, Near, Pattern, Reach, any_of, norm, number_value,
    unit_info,
)

def _ref(value: str) -> Builder:
    def build(m: re.Match, text: str) -> Iterator[Candidate]:
        yield Candidate(m.start(), m.end(), "ref",
                        lambda c, s, e: {"type": "DATE", "value": value, "relative": True, "anchor": c.dct_str}, 6)
    return build


def _context_same(m: re.Match, text: str) -> Iterator[Candidate]:
    """"shortly thereafter", "soon afterwards": the date last mentioned, just after it."""
    def resolve(c: Context, s: int, e: int) -> dict:
        if not c.prev:
            return {"type": "DATE", "value": "PAST_REF", "relative": True}
        return {"type": "DATE", "value": c.prev, "mod": "AFTER", "relative": True, "anchor": c.prev}
    yield Candidate(m.start(), m.end(), "ref", resolve, 4)


def _unit_before_after(m: re.Match, text: str) -> Iterator[Candidate]:
    """"the decade before" (a DURATION), "the year after", "the day before" (a DATE), against the last date met."""
    unit, direction = m["u"].lower(), norm(m["dir"])
    sign = -1 if direction in ("before", "earlier", "prior") else 1
    letter, mult, _ = UNITS[unit]

    def resolve(c: Context, s: int, e: int) -> dict:
        anchor = c.prev or c.upcoming
        ref = cal.parse_ref(anchor)
        if unit in ("decade", "century"):
            out = {"type": "DURATION", "value": cal.duration_value(1, letter, mult, False)}
            if ref is not None:
                other = cal.shift_date_str(cal.fmt(ref.year), years=sign * mult)
                lo, hi = sorted([other, cal.fmt(ref.year)])
                out.update(anchor=anchor, relative=True, range_start=lo, range_end=hi)
            return out
        key = {"year": "Y", "month": "M", "week": "W", "day": "D"}.get(unit, "Y")
        if ref is None:
            return {"type": "DATE", "value": cal.unknown(key), "relative": True}
        return {"type": "DATE", "value": cal.shift(ref, key, sign), "relative": True, "anchor": anchor}
    yield Candidate(m.start(), m.end(), "date" if unit not in ("decade", "century") else "duration", resolve, 2)


def _duration(m: re.Match, text: str) -> Iterator[Candidate]:
    """"three days", "the last 25 years", "a four-week", "almost seven years", "18 months"."""
    raw = m["num"]
    vague = re.fullmatch(VAGUE_RE, norm(raw), re.I) is not None if raw else True
    n = None if vague else number_value(raw)
    if raw and not vague and n is None:
        return
    unit = m["u"]
    if raw and not vague and m["u"].lower().startswith("year") and re.match(r"[-\s]+old\b", text[m.end():]):
        return
    before = text[max(0, m.start() - 25):m.start()]
    if re.search(r"(?i:\b(?:aged?|ages)\s+(?:of\s+)?)$", before) or re.match(r"\s+(?:of\s+age|and\s+(?:older|over|"
                                                                           r"above|younger|under))\b", text[m.end():]):
        return  # an age, not a length of time
    if re.search(r"\b(?:his|her|their|its|my|our|your)\s+(?:\w+\s+)?$", before, re.I) \
            and re.match(r"\s+[A-Z]", text[m.end():]):
        return  # a title used as a modifier ("their 60 Minutes interview")
    if unit.lower() == "second" and norm(raw) in ("a", "an") \
            and re.match(r"\s+(?!later|ago|earlier|before|after)[a-z]", text[m.end():]):
        return  # "a second round": the ordinal, not the unit
    letter, mult, clock = unit_info(unit)
    direction = norm(m["dir"])
    approx = norm(m["approx"])
    tail = text[m.end():m.end() + 25]
    later = re.match(r"\s*(?:,\s*)?(later|earlier|after|before|afterwards|on|prior)\b", tail, re.I)

    def resolve(c: Context, s: int, e: int) -> dict:
        out = {"type": "DURATION", "value": cal.duration_value(n, letter, mult, clock)}
        mod = {"almost": "LESS_THAN", "nearly": "LESS_THAN"}.get(approx)
        pre = text[max(0, s - 25):s]
        q = re.search(r"(?i:\b(about|around|approximately|roughly|some|more than|over|less than|under|at least|"
                      r"up to|nearly|almost|just over|just under|fewer than)\s+)$", pre)
        if q and not mod:
            mod = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
                   "some": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
                   "less than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
                   "fewer than": "LESS_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
                   "nearly": "LESS_THAN", "almost": "LESS_THAN"}[norm(q.group(1))]
            if q.group(1).lower() == "over" and direction:
                mod = None
        if mod:
            out["mod"] = mod
        if n is None or clock:
            return out
        k = n * mult
        ref, sign = None, 0
        if direction in ("last", "past", "previous", "recent") and c.dct:
            ref, sign = c.dct, -1
        elif direction in ("next", "coming") and c.dct:
            ref, sign = c.dct, 1
        elif later:
            word = later.group(1).lower()
            ref = cal.parse_ref(c.prev)
            sign = -1 if word in ("earlier", "before", "prior") else 1
        if ref is not None and sign and k == int(k):
            if letter == "Y":
                base = cal.fmt(ref.year)
                other = cal.fmt(ref.year + sign * int(k))
            elif letter == "M" and ref.month:
                base = cal.fmt(ref.year, ref.month)
                other = cal.shift_date_str(base, months=sign * int(k))
            else:
                return out
            lo, hi = sorted([other, base])
            out.update(range_start=lo, range_end=hi, anchor=ref.iso(), relative=True)
        return out
    yield Candidate(m.start(), m.end(), "duration", resolve, 3)


def _stopwatch(m: re.Match, text: str) -> Iterator[Candidate]:
    """"3:07:35", a race or flight time: a DURATION in hours, minutes and seconds."""
    parts = [(int(m["h"]), "H"), (int(m["mi"]), "M"), (int(m["se"]), "S")]
    v = "PT" + "".join(f"{n}{u}" for n, u in parts if n) if any(n for n, _ in parts) else "PT0S"
    yield Candidate(m.start(), m.end(), "duration", lambda c, s, e: {"type": "DURATION", "value": v}, 1)


def _shared_unit(m: re.Match, text: str) -> Iterator[Candidate]:
    """The first number of "between 12 and 18 months" shares the unit written after the second."""
    n = number_value(m["num"])
    if n is None or m["num"].lower() in ("a", "an"):
        return
    if re.fullmatch(r"1\d{3}|20\d{2}", m["num"]):
        return  # "in 1953 and sixty years later": a year, not the first of two counts
    letter, mult, clock = unit_info(m["u"])
    v = cal.duration_value(n, letter, mult, clock)
    yield Candidate(m.start(), m.end(), "duration", lambda c, s, e: {"type": "DURATION", "value": v}, 4)


def _vague_plural(m: re.Match, text: str) -> Iterator[Candidate]:
    """Bare or vague plurals: "for years", "several days", "recent weeks", "the past few months" -> PXY etc."""
    if re.match(r"[-\s]+old\b|\s+ago\b", text[m.end():]) or re.search(r"\d\s*$", text[max(0, m.start() - 3):m.start()]):
        return
    letter, mult, clock = unit_info(m["u"].rstrip("s") if m["u"].lower() != "centuries" else "centurie")
    yield Candidate(m.start(), m.end(), "duration",
                    lambda c, s, e: {"type": "DURATION", "value": cal.duration_value(None, letter, mult, clock)}, 7)


def _set(value: str) -> Builder:
    def build(m: re.Match, text: str) -> Iterator[Candidate]:
        yield Candidate(m.start(), m.end(), "set", lambda c, s, e: {"type": "SET", "value": value}, 1)
    return build


def _every(m: re.Match, text: str) -> Iterator[Candidate]:
    """"every year", "each month", "every two weeks", "every morning", "every Monday"."""
    u = m["u"].lower().rstrip("s")
    if u in DAY_PARTS:
        v = f"XXXX-XX-XXT{DAY_PARTS[u]}"
    elif u in WEEKDAYS:
        v = f"XXXX-WXX-{WEEKDAYS[u] + 1}"
    else:
        n = number_value(m["num"]) if m["num"] else 1
        if n is None:
            return
        letter, mult, clock = unit_info(u)
        v = cal.duration_value(n, letter, mult, clock)
    yield Candidate(m.start(), m.end(), "set", lambda c, s, e: {"type": "SET", "value": v}, 1)


def _per_unit(m: re.Match, text: str) -> Iterator[Candidate]:
    """"a year" / "per year" / "twice a month" as a rate: only after a quantity or a frequency word."""
    before = text[max(0, m.start() - 60):m.start()]
    clause = re.split(r"[.;:!?()]|\b(?:and|but|which|that|while)\b", before)[-1]
    if not (m["freq"] or m[0].lower().startswith("per") or re.search(r"\d|\b(?:million|billion|thousand)\b", clause)):
        return
    if not m["freq"] and SHIFTED.match(text, m.end()):
        return   # "$1.2 billion a year earlier": a shifted date, not a rate
    letter, mult, clock = unit_info(m["u"])
    v = cal.duration_value(1, letter, mult, clock)
    yield Candidate(m.start(), m.end(), "set", lambda c, s, e: {"type": "SET", "value": v}, 1)


# --- the patterns ----------------------------------------------------------------------------

# Every match of the number patterns holds a unit of time after its number, read at most 40 characters on.
NEAR_COUNTED_UNIT = Near(COUNTED_UNIT, BEFORE_UNIT, Reach(40))
PLURAL_UNITS = any_of("years", "months", "weeks", "days", "hours", "minutes", "decades", "centuries")
PER_UNIT = any_of("year", "month", "week", "day", fold=True)

SPANS = [
    Pattern(r"\b(?:now|currently|nowadays|at\s+present|presently|at\s+the\s+moment|these\s+days|the\s+present\s+day)\b",
            RI, _ref("PRESENT_REF"), any_of("now", "current", "present", "moment", "days", fold=True)),
    Pattern(r"\b(?:the\s+past(?!\s+(?:\d|few|several|two|three|decade|year|month|week|century))|at\s+the\s+time"
            r"|recent\s+years|the\s+old\s+days|in\s+former\s+times)\b", RI, _ref("PAST_REF"),
            any_of("past", "time", "recent", "days", fold=True)),
    Pattern(r"\b(?:the\s+(?:near\s+|distant\s+)?future|the\s+coming\s+years|the\s+years\s+ahead"
            r"|the\s+years\s+to\s+come)\b", RI, _ref("FUTURE_REF"), any_of("future", "years", fold=True)),
    Pattern(r"\b(?:(?:shortly|soon|immediately|not\s+long)\s+(?:thereafter|afterwards?)|thereafter)\b", RI,
            _context_same, any_of("thereafter", "afterward", fold=True)),
    Pattern(r"\bthe\s+(?P<u>day|week|month|year|decade|century)\s+(?P<dir>before|after|earlier|later|prior)\b"
            r"(?!\s+(?:the|a|an|his|her|its|their|[A-Z]\w*|\d))", RI, _unit_before_after,
            any_of("before", "after", "earlier", "later", "prior", fold=True)),
    Pattern(rf"(?<![\d,.$€£])(?:(?P<approx>almost|nearly|a\s+mere)\s+)?(?:(?P<det>the\s+)?(?P<dir>last|past|next"
            rf"|previous|coming|following|recent)\s+|the\s+(?:first|final|initial|remaining|same|other)\s+"
            rf"|(?P<det2>the\s+))?(?P<num>{NUMBER_RE})(?P<sep>-|\s+)(?P<u>{UNIT_RE})(?P<pl>s)?(?:'(?!s))?(?![\w-])", RI,
            _duration, None, NEAR_COUNTED_UNIT),
    Pattern(rf"(?:(?P<approx>almost|nearly)\s+)?(?:the\s+(?P<dir>past|last|next|coming|previous|following)\s+)?"
            rf"(?P<num>{VAGUE_RE})\s+(?P<u>{UNIT_RE})s\b", RI, _duration, None, NEAR_COUNTED_UNIT),
    Pattern(r"(?<![\d:])(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<se>[0-5]\d)(?![\d:])", 0, _stopwatch, any_of(":"),
            NEAR_SHORT),
    Pattern(rf"(?<![\d,.$€£])\b(?P<num>{NUMBER_RE})(?=\s*(?:and|or|to|-|–)\s*(?:{NUMBER_RE})[-\s]+"
            rf"(?P<u>{UNIT_RE})s?\b)", RI, _shared_unit, None, NEAR_COUNTED_UNIT),
    Pattern(r"\b(?:(?i:recent)\s+)?(?P<u>years|months|weeks|days|hours|minutes|decades|centuries)\b", 0, _vague_plural,
            PLURAL_UNITS, Near(PLURAL_UNITS, Reach(10, runs=1), Reach(12))),
    Pattern(r"\b(?:annually|yearly|per\s+annum|every\s+year|each\s+year|a\s+year\s+on\s+year)\b", RI, _set("P1Y"),
            any_of("annual", "annum", "year", fold=True)),
    Pattern(r"\b(?:monthly|per\s+month)\b", 0, _set("P1M"), any_of("month")),
    Pattern(r"\b(?:weekly|per\s+week)\b", 0, _set("P1W"), any_of("week")),
    Pattern(r"\b(?:daily|nightly|per\s+day)\b", 0, _set("P1D"), any_of("daily", "nightly", "day")),
    Pattern(r"\bquarterly\b", 0, _set("P3M"), any_of("quarterly")),
    Pattern(rf"\b(?i:every|each)\s+(?:(?P<num>{NUMBER_RE})\s+)?(?P<u>(?i:{UNIT_RE}|{DAY_PART_RE})|{WEEKDAY_RE})s?\b", 0,
            _every, any_of("every", "each", fold=True)),
    # The "\w+" of "N times a year" reaches back as far as the text's longest word.
    Pattern(r"\b(?:(?P<freq>once|twice|thrice|\w+\s+times)\s+)?(?:an?|per)\s+(?P<u>year|month|week|day)\b", RI,
            _per_unit, PER_UNIT, Near(PER_UNIT, Reach(12, runs=3, words=1), Reach(8))),
]
