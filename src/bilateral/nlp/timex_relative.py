"""Time expressions relative to the document date: "last year", "this week", "next May", "the same
year", "in the spring", "two years ago", "yesterday", "on Friday", "at 3 p.m.".

Each builder turns a match into candidates; the pattern lists at the end pair each regex with its
builder and the filter (`needs`, `near`) `timex_scan.scan` searches it with.
"""
from __future__ import annotations

import re
from typing import Iterator

from . import timex_calendar as cal
from .timex_dates import DAY, MONTH, NEAR_MONTH, NEAR_SHORT, RI, YEAR4
from .timex_lexicon import (
    DAY_PART_RE, DAY_PARTS, MONTH_RE, NUMBER_RE, SEASON_RE, SEASONS, UNIT_RE, UNITS, VAGUE_RE, WEEKDAY_RE, WEEKDAYS,
)
from .timex_records import (
    BEFORE_UNIT, Candidate, Context, Near, Pattern, Reach, any_of, explicit, month_num, norm, number_value,
    unit_info,
)

REL_SIGN = {"this": 0, "current": 0, "the current": 0, "last": -1, "next": 1, "coming": 1, "the coming": 1,
            "the last": -1, "previous": -1, "the previous": -1, "the past": -1, "past": -1, "the next": 1,
            "the following": 1, "following": 1, "the same": 0, "that": 0, "the preceding": -1}
CONTEXT_RELS = {"the following", "following", "the same", "that", "the previous", "the preceding"}


def _relative_unit(m: re.Match, text: str) -> Iterator[Candidate]:
    """"last year", "this week", "the next decade", "the same year", "the following month"."""
    rel, unit = norm(m["rel"]), m["u"].lower()
    sign = REL_SIGN[rel]
    context = rel in CONTEXT_RELS
    span_is_duration = unit in ("decade", "century") and rel in ("the last", "the past", "the next", "the coming",
                                                                  "the following", "past", "coming")
    span_is_duration |= unit in ("week", "month", "year") and rel in ("the past", "past", "the coming")
    if span_is_duration:
        letter, mult, _ = UNITS[unit]

        def resolve_d(c: Context, s: int, e: int) -> dict:
            out = {"type": "DURATION", "value": cal.duration_value(1, letter, mult, False)}
            ref = c.anchor_ref() if context else c.dct
            if ref is not None:
                other = cal.shift_date_str(ref.iso(), years=sign * mult) if letter == "Y" else None
                if letter == "M" and ref.month:
                    other = cal.shift_date_str(ref.iso(), months=sign)
                if other:
                    lo, hi = sorted([other, ref.iso()])
                    out.update(range_start=lo, range_end=hi, anchor=ref.iso(), relative=True)
            return out
        yield Candidate(m.start(), m.end(), "duration", resolve_d, 3, dct_relative=not context)
        return

    def resolve(c: Context, s: int, e: int) -> dict:
        ref = c.anchor_ref() if context else c.dct
        anchor = (c.prev if (context and c.prev) else c.dct_str)
        if unit == "weekend":
            if ref is None or not ref.day:
                return {"type": "DATE", "value": "XXXX-WXX-WE", "relative": True}
            return {"type": "DATE", "value": cal.shift(ref, "W", sign) + "-WE", "relative": True, "anchor": anchor}
        if ref is None:
            return {"type": "DATE", "value": cal.unknown({"year": "Y", "month": "M", "week": "W"}.get(unit, "Y")),
                    "relative": True}
        if unit == "year":
            v = cal.shift(ref, "Y", sign)
        elif unit == "month":
            v = cal.shift(ref, "M", sign)
        elif unit == "week":
            v = cal.shift(ref, "W", sign)
        elif unit == "quarter":
            if not ref.month:
                return {"type": "DATE", "value": f"{ref.year}-QX", "relative": True, "anchor": anchor}
            q = (ref.month - 1) // 3 + sign
            y = ref.year + (q // 4)
            v = f"{y}-Q{q % 4 + 1}"
        elif unit == "decade":
            v = str(ref.year // 10 + sign)
        else:
            v = f"{ref.year // 100 + sign:02d}"
        return {"type": "DATE", "value": v, "relative": True, "anchor": anchor, "sets_context": context}
    yield Candidate(m.start(), m.end(), "date", resolve, 3, dct_relative=not context)


def _relative_month(m: re.Match, text: str) -> Iterator[Candidate]:
    """"last May", "this September", "November last year", "October the same year", "May 5 this year"."""
    mo = month_num(m["mon"])
    d = int(m["day"]) if m["day"] else None
    rel = norm(m["rel"])
    year_rel = m["yr"] is not None
    context = rel in CONTEXT_RELS

    def resolve(c: Context, s: int, e: int) -> dict:
        ref = c.anchor_ref() if context else c.dct
        anchor = c.prev if context else c.dct_str
        if ref is None:
            return {"type": "DATE", "value": f"XXXX-{mo:02d}" + (f"-{d:02d}" if d else ""), "relative": True}
        if year_rel:
            y = ref.year + REL_SIGN[rel]
        elif rel == "this":
            y = ref.year
        elif rel in ("last", "the previous", "previous"):
            y = ref.year if (ref.month and mo < ref.month) else ref.year - 1
        else:  # next, the following
            y = ref.year if (ref.month and mo > ref.month) else ref.year + 1
        return {"type": "DATE", "value": cal.fmt(y, mo, d if d and cal.valid_day(y, mo, d) else None),
                "relative": True, "anchor": anchor, "sets_context": context}
    yield Candidate(m.start(), m.end(), "date", resolve, 2, dct_relative=not context)


def _season(m: re.Match, text: str) -> Iterator[Candidate]:
    season = SEASONS[m["s"].lower()]
    rel = norm(m["rel"])
    year = int(m["year"]) if m["year"] else None
    before = text[max(0, m.start() - 8):m.start()]
    if not rel and year is None and (m["s"].lower() == "fall" or not re.search(r"(?i:\bthe\s+)$", before)):
        return

    def resolve(c: Context, s: int, e: int) -> dict:
        if year is not None:
            return explicit(f"{year}-{season}")
        context = rel in CONTEXT_RELS or (not rel and c.narrative_year(s, e) is not None)
        ref = c.anchor_ref() if context or not c.dct else c.dct
        if ref is None:
            return {"type": "DATE", "value": f"XXXX-{season}", "relative": True}
        y = ref.year + REL_SIGN.get(rel, 0)
        return {"type": "DATE", "value": f"{y}-{season}", "relative": True, "anchor": ref.iso()}
    yield Candidate(m.start(), m.end(), "date", resolve, 2, year=year)


def _ago(m: re.Match, text: str) -> Iterator[Candidate]:
    n = number_value(m["num"]) if m["num"] and not re.fullmatch(VAGUE_RE, m["num"], re.I) else None
    letter, mult, clock = unit_info(m["u"])

    def resolve(c: Context, s: int, e: int) -> dict:
        if n is None or c.dct is None:
            return {"type": "DATE", "value": "PAST_REF", "relative": True, "anchor": c.dct_str}
        k = int(n * mult)
        if clock:
            return {"type": "DATE", "value": c.dct.iso(), "relative": True, "anchor": c.dct_str}
        unit = {"Y": "Y", "M": "M", "W": "W", "D": "D"}[letter]
        v = cal.shift(c.dct, unit, -k)
        return {"type": "DATE", "value": v, "relative": True, "anchor": c.dct_str}
    yield Candidate(m.start(), m.end(), "date", resolve, 1, dct_relative=True)


# The days "today", "tonight", "this morning", "last night" ... name, counted from the document's.
DAY_SHIFT = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}


def _day_ref(m: re.Match, text: str) -> Iterator[Candidate]:
    """today, yesterday, tomorrow, tonight, this morning, last night."""
    day, _, part_word = norm(m[0]).partition(" ")
    k = DAY_SHIFT[day]
    part = DAY_PARTS["night"] if day == "tonight" else DAY_PARTS.get(part_word)

    def resolve(c: Context, s: int, e: int) -> dict:
        v = cal.shift(c.dct, "D", k) if c.dct else "XXXX-XX-XX"
        return {"type": "TIME" if part else "DATE", "value": v + (f"T{part}" if part else ""), "relative": True,
                "anchor": c.dct_str}
    yield Candidate(m.start(), m.end(), "time" if part else "date", resolve, 2, dct_relative=True)


def _weekday(m: re.Match, text: str) -> Iterator[Candidate]:
    wd = WEEKDAYS[m["wd"].lower()]
    rel = norm(m["rel"])
    part = DAY_PARTS.get((m["part"] or "").lower())

    def resolve(c: Context, s: int, e: int) -> dict:
        suffix = f"T{part}" if part else ""
        kind = "TIME" if part else "DATE"
        if c.dct is None or not c.dct.day:
            return {"type": kind, "value": f"XXXX-WXX-{wd + 1}{suffix}", "relative": True}
        if rel == "next":
            d = cal.weekday_date(cal.parse_ref(cal.shift(c.dct, "D", 1)), wd, 1)
        elif rel == "last":
            d = cal.weekday_date(cal.parse_ref(cal.shift(c.dct, "D", -1)), wd, -1)
        elif rel == "this":
            monday = cal.parse_ref(cal.shift(c.dct, "D", -c.dct.date.weekday()))
            d = cal.weekday_date(monday, wd, 1)
        else:
            direction = 1 if (rel == "coming" or c.tense(s, e) == "future") else -1
            d = cal.weekday_date(c.dct, wd, direction)
        return {"type": kind, "value": cal.fmt(d.year, d.month, d.day) + suffix, "relative": True,
                "anchor": c.dct_str}
    yield Candidate(m.start(), m.end(), "time" if part else "date", resolve, 3, dct_relative=True)


def _clock(m: re.Match, text: str) -> Iterator[Candidate]:
    """"3 p.m.", "15:00 GMT Saturday", "10:30 a.m. today": a TIME on the day named or the document day."""
    h, mi = int(m["h"]), int(m["mi"] or 0)
    ampm = (m["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 23 or mi > 59 or (not ampm and not m["mi"]):
        return
    day = m["day"]

    def resolve(c: Context, s: int, e: int) -> dict:
        date = "XXXX-XX-XX"
        if c.dct and c.dct.day:
            date = c.dct.iso()
            if day:
                dl = day.lower()
                if dl in WEEKDAYS:
                    direction = 1 if c.tense(s, e) == "future" else -1
                    d = cal.weekday_date(c.dct, WEEKDAYS[dl], direction)
                    date = cal.fmt(d.year, d.month, d.day)
                else:
                    date = cal.shift(c.dct, "D", {"today": 0, "tomorrow": 1, "yesterday": -1, "tonight": 0}[dl])
        return {"type": "TIME", "value": f"{date}T{h:02d}:{mi:02d}", "relative": True, "anchor": c.dct_str}
    yield Candidate(m.start(), m.end(), "time", resolve, 2, dct_relative=True)


# --- the patterns ----------------------------------------------------------------------------

NUM = rf"(?P<num>{NUMBER_RE}|{VAGUE_RE})"
REL_WORDS = (r"(?i:this|current|the\s+current|last|next|coming|the\s+coming|the\s+last|previous|the\s+previous"
             r"|the\s+past|past|the\s+next|the\s+following|following|the\s+same|that|the\s+preceding)")
TODAY = any_of("today", "yesterday", "tomorrow", "tonight", *DAY_PARTS, fold=True)
UNIT_WORDS = any_of("week", "month", "year", "quarter", "decade", "century", fold=True)
SEASON_WORDS = any_of(*SEASONS, fold=True)
WEEKDAY_WORDS = any_of(*(w.capitalize() for w in WEEKDAYS))

# Month names with a relative year ("May 5 this year", "last May").
RELATIVE_MONTHS = [
    Pattern(rf"(?P<mon>{MONTH_RE})(?:\s+{DAY})?,?\s+(?:of\s+)?(?P<rel>(?i:this|last|next|the\s+same|that"
            rf"|the\s+following|the\s+previous|the\s+preceding))\s+(?P<yr>(?i:year))", 0, _relative_month,
            MONTH, NEAR_MONTH),
    Pattern(rf"(?:{DAY}\s+)?(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?P<rel>(?i:this|last|next|the\s+same|that"
            rf"|the\s+following|the\s+previous))\s+(?P<yr>(?i:year))", 0, _relative_month, MONTH, NEAR_MONTH),
    Pattern(rf"\b(?P<rel>(?i:this|last|next|the\s+following|the\s+previous|previous))\s+(?P<mon>{MONTH_RE})"
            rf"(?:\s+{DAY}\b)?(?P<yr>(?!))?", 0, _relative_month, MONTH, NEAR_MONTH),
]
RELATIVE = [
    Pattern(rf"\b(?P<rel>{REL_WORDS})\s+(?:(?i:fiscal|financial|calendar)\s+)?(?P<u>(?i:week|month|year|quarter"
            rf"|decade|century|weekend))\b(?![-\s]+old)", 0, _relative_unit,
            UNIT_WORDS, Near(UNIT_WORDS, Reach(30, runs=4), Reach(20, runs=2))),
    Pattern(rf"\b(?:(?P<rel>(?i:this|last|next|the\s+same|that|the\s+following|the\s+previous))\s+)?"
            rf"(?P<s>(?i:{SEASON_RE}))(?:\s+(?:of\s+)?{YEAR4})?\b", 0, _season,
            SEASON_WORDS, Near(SEASON_WORDS, Reach(20, runs=3), Reach(20, runs=3))),
    Pattern(rf"\b(?:{NUM}[-\s]+)?(?P<u>{UNIT_RE})s?\s+ago\b", RI, _ago,
            None, Near(any_of("ago", fold=True), BEFORE_UNIT, Reach(8))),
    Pattern(r"\b(?:today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
            r"|(?:yesterday|tomorrow)\s+(?:morning|afternoon|evening)|tomorrow\s+night)\b", RI, _day_ref,
            TODAY, Near(TODAY, Reach(10, runs=1), Reach(25, runs=2))),
    Pattern(rf"\b(?:(?P<rel>(?i:last|next|this|coming))\s+)?(?P<wd>{WEEKDAY_RE})(?:\s+(?P<part>{DAY_PART_RE}))?\b", 0,
            _weekday, any_of("day"), Near(WEEKDAY_WORDS, Reach(10, runs=2), Reach(25, runs=2))),
    Pattern(rf"\b(?P<h>\d{{1,2}})(?::(?P<mi>\d{{2}}))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"
            rf"(?:\s+(?:GMT|UTC|local\s+time|[A-Z]{{2,3}}T))?(?:,?\s+(?P<day>{WEEKDAY_RE}|today|tomorrow|yesterday"
            rf"|tonight))?", 0, _clock, any_of("am", "a.m", "pm", "p.m", "AM", "A.M", "PM", "P.M"), NEAR_SHORT),
    Pattern(rf"(?<![\d:])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!:?\d)(?P<ampm>(?!))?\s*(?:GMT|UTC|local\s+time|hrs"
            rf"|[A-Z]{{2,3}}T)?(?:,?\s+(?P<day>{WEEKDAY_RE}|today|tomorrow|yesterday|tonight))?", 0, _clock,
            any_of(":"), NEAR_SHORT),
]
