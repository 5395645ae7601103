"""Find candidate time expressions with regular patterns; each carries a resolver run later in context.

Scanning is context-free (spans only); values are computed afterwards, in text order, because
a bare "12 October" or "the same year" takes its year from what came before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

from . import timex_calendar as cal
from .windows import finditer_near
from .timex_lexicon import (
    DAY_PARTS, FUTURE_CUES, MONTH_RE, MONTHS, AMBIGUOUS_MONTHS, NOT_YEAR_AFTER, NOT_YEAR_BEFORE,
    NUMBER_RE, NUMBER_WORDS, ORDINAL_RE, ORDINAL_WORDS, PAST_CUES, SEASONS, SHIFTED, UNIT_RE, UNITS, VAGUE_NUMBERS,
    VAGUE_RE, WEEKDAY_RE, WEEKDAYS, YEAR_NOUN_PLURALS,
)


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


# --- explicit calendar dates ---------------------------------------------------------

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
        if c.dct.month == mo and c.dct.day:
            y = c.dct.year
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
    else:
        k = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "last": 4 if part.startswith("q") else 2, "final": 4 if part.startswith("q") else 2}[m["ord"].lower()]
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


# --- relative to the document date -------------------------------------------------

REL_SIGN = {"this": 0, "current": 0, "the current": 0, "last": -1, "next": 1, "coming": 1, "the coming": 1,
            "the last": -1, "previous": -1, "the previous": -1, "the past": -1, "past": -1, "the next": 1,
            "the following": 1, "following": 1, "the same": 0, "that": 0, "the preceding": -1}
CONTEXT_RELS = {"the following", "following", "the same", "that", "the previous", "the preceding"}


def norm(s: Optional[str]) -> str:
    return re.sub(r"\s+", " ", s or "").lower()


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


def _day_ref(m: re.Match, text: str) -> Iterator[Candidate]:
    """today, yesterday, tomorrow, tonight, this morning, last night."""
    w = norm(m[0])
    offsets = {"today": (0, None), "yesterday": (-1, None), "tomorrow": (1, None), "tonight": (0, "NI"),
               "last night": (-1, "NI"), "this morning": (0, "MO"), "this afternoon": (0, "AF"),
               "this evening": (0, "EV"), "yesterday morning": (-1, "MO"), "yesterday afternoon": (-1, "AF"),
               "yesterday evening": (-1, "EV"), "tomorrow morning": (1, "MO"), "tomorrow afternoon": (1, "AF"),
               "tomorrow evening": (1, "EV"), "tomorrow night": (1, "NI")}
    k, part = offsets[w]

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


# --- references, durations, sets -------------------------------------------------------

def _ref(value: str) -> Callable[[re.Match, str], Iterator[Candidate]]:
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


def _set(value: str) -> Callable[[re.Match, str], Iterator[Candidate]]:
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


# --- the pattern table -------------------------------------------------------------------

RI = re.IGNORECASE
NUM = rf"(?P<num>{NUMBER_RE}|{VAGUE_RE})"
REL_WORDS = (r"(?i:this|current|the\s+current|last|next|coming|the\s+coming|the\s+last|previous|the\s+previous"
             r"|the\s+past|past|the\s+next|the\s+following|following|the\s+same|that|the\s+preceding)")
PATTERNS: list[tuple[str, int, Callable]] = [
    (rf"{WD_PREFIX}(?P<mon>{MONTH_RE})\s+{DAY},?\s+{YEAR4}(?!\d)", 0, _full),
    (rf"{WD_PREFIX}(?:the\s+)?{DAY}\s+(?:of\s+)?(?P<mon>{MONTH_RE}),?\s+{YEAR4}(?!\d)", 0, _full),
    (rf"(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?{YEAR4}(?![\d,.]\d)", 0, _month_year),
    (r"\b(?P<year>1\d{3}|20\d{2})-(?P<mon>\d{2})-(?P<day>\d{2})\b", 0, _numeric),
    (r"\b(?P<mon>\d{1,2})/(?P<day>\d{1,2})/(?P<year>1\d{3}|20\d{2})\b", 0, _numeric),
    (rf"{WD_PREFIX}(?P<mon>{MONTH_RE})\s+{DAY}(?![\d,.]?\d|\s*(?:%|percent|million|billion))", 0, _day_month),
    (rf"{WD_PREFIX}\b{DAY}\s+(?:of\s+)?(?P<mon>{MONTH_RE})", 0, _day_month),
    (rf"(?P<mon>{MONTH_RE})(?:\s+{DAY})?,?\s+(?:of\s+)?(?P<rel>(?i:this|last|next|the\s+same|that|the\s+following"
     rf"|the\s+previous|the\s+preceding))\s+(?P<yr>(?i:year))", 0, _relative_month),
    (rf"(?:{DAY}\s+)?(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?P<rel>(?i:this|last|next|the\s+same|that|the\s+following"
     rf"|the\s+previous))\s+(?P<yr>(?i:year))", 0, _relative_month),
    (rf"\b(?P<rel>(?i:this|last|next|the\s+following|the\s+previous|previous))\s+(?P<mon>{MONTH_RE})"
     rf"(?:\s+{DAY}\b)?(?P<yr>(?!))?", 0, _relative_month),
    (rf"(?<![\w$€£])(?P<mon>{MONTH_RE})(?![\w])", 0, _month_alone),
    (r"(?<![\d$€£.,#/-])(?P<y1>1\d{3}|20\d{2})\s*[-–—/]\s*(?P<y2>1\d{3}|20\d{2}|\d{2})(?![\d%]|\.\d)", 0, _year_range),
    (r"(?<![\w$€£.,#/-])(?P<year>1\d{3}|20\d{2}|2100)(?![\w%]|[.,]\d)", 0, _year),
    (r"(?i:fiscal(?:\s+year)?|FY)\s*(?P<year>(?-i:1\d{3}|20\d{2}))\b", 0, _year),
    (r"(?<![\w])(?P<c>1\d|20)(?P<d>\d)0(?:'s|s)\b", 0, _decade),
    (r"(?<![\w])['’](?P<d2>\d)0s\b", 0, _decade),
    (rf"\b(?P<n>{ORDINAL_RE})[- ](?i:centur(?:y|ies))\b", RI, _century),
    (rf"\b(?P<n>{ORDINAL_RE})(?=\s*(?:,|and|or|to|-|–|through)\s*(?:the\s+)?{ORDINAL_RE}[- ]centur)", RI, _century),
    (rf"(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+(?P<part>quarter|half)"
     rf"(?:\s+of\s+(?:(?P<year>(?-i:1\d{{3}}|20\d{{2}}))|(?P<rel>this|last|next|the(?:\s+same)?|that)\s+year))"
     rf"(?P<q>(?!))?", RI, _part_of_year),
    (r"\b(?P<q>(?-i:Q[1-4]|H[12]))\s+(?P<year>1\d{3}|20\d{2})\b(?P<part>(?!))?(?P<ord>(?!))?(?P<rel>(?!))?", 0,
     _part_of_year),
    (rf"(?:the\s+)?first\s+(?P<num>{NUMBER_RE})\s+(?P<u>months|quarters)\s+(?:(?:of|in)\s+)?{YEAR4}\b", RI,
     _first_months),
    (rf"\b(?P<rel>{REL_WORDS})\s+(?:(?i:fiscal|financial|calendar)\s+)?(?P<u>(?i:week|month|year|quarter|decade"
     rf"|century|weekend))\b(?![-\s]+old)", 0, _relative_unit),
    (rf"\b(?:(?P<rel>(?i:this|last|next|the\s+same|that|the\s+following|the\s+previous))\s+)?"
     rf"(?P<s>(?i:spring|summer|autumn|winter|fall))(?:\s+(?:of\s+)?{YEAR4})?\b", 0, _season),
    (rf"\b(?:{NUM}[-\s]+)?(?P<u>{UNIT_RE})s?\s+ago\b", RI, _ago),
    (r"\b(?:today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
     r"|(?:yesterday|tomorrow)\s+(?:morning|afternoon|evening)|tomorrow\s+night)\b", RI, _day_ref),
    (rf"\b(?:(?P<rel>(?i:last|next|this|coming))\s+)?(?P<wd>{WEEKDAY_RE})(?:\s+(?P<part>morning|afternoon|evening"
     rf"|night))?\b", 0, _weekday),
    (rf"\b(?P<h>\d{{1,2}})(?::(?P<mi>\d{{2}}))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"
     rf"(?:\s+(?:GMT|UTC|local\s+time|[A-Z]{{2,3}}T))?(?:,?\s+(?P<day>{WEEKDAY_RE}|today|tomorrow|yesterday|tonight))?",
     0, _clock),
    (rf"(?<![\d:])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!:?\d)(?P<ampm>(?!))?\s*(?:GMT|UTC|local\s+time|hrs|[A-Z]{{2,3}}T)?"
     rf"(?:,?\s+(?P<day>{WEEKDAY_RE}|today|tomorrow|yesterday|tonight))?", 0, _clock),
    (r"\b(?:now|currently|nowadays|at\s+present|presently|at\s+the\s+moment|these\s+days|the\s+present\s+day)\b",
     RI, _ref("PRESENT_REF")),
    (r"\b(?:the\s+past(?!\s+(?:\d|few|several|two|three|decade|year|month|week|century))|at\s+the\s+time"
     r"|recent\s+years|the\s+old\s+days|in\s+former\s+times)\b", RI, _ref("PAST_REF")),
    (r"\b(?:the\s+(?:near\s+|distant\s+)?future|the\s+coming\s+years|the\s+years\s+ahead|the\s+years\s+to\s+come)\b",
     RI, _ref("FUTURE_REF")),
    (r"\b(?:(?:shortly|soon|immediately|not\s+long)\s+(?:thereafter|afterwards?)|thereafter)\b", RI, _context_same),
    (rf"\bthe\s+(?P<u>day|week|month|year|decade|century)\s+(?P<dir>before|after|earlier|later|prior)\b"
     rf"(?!\s+(?:the|a|an|his|her|its|their|[A-Z]\w*|\d))", RI, _unit_before_after),
    (rf"(?<![\d,.$€£])(?:(?P<approx>almost|nearly|a\s+mere)\s+)?(?:(?P<det>the\s+)?(?P<dir>last|past|next|previous"
     rf"|coming|following|recent)\s+|the\s+(?:first|final|initial|remaining|same|other)\s+|(?P<det2>the\s+))?"
     rf"(?P<num>{NUMBER_RE})(?P<sep>-|\s+)(?P<u>{UNIT_RE})(?P<pl>s)?(?:'(?!s))?(?![\w-])", RI, _duration),
    (rf"(?:(?P<approx>almost|nearly)\s+)?(?:the\s+(?P<dir>past|last|next|coming|previous|following)\s+)?"
     rf"(?P<num>{VAGUE_RE})\s+(?P<u>{UNIT_RE})s\b", RI, _duration),
    (r"(?<![\d:])(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<se>[0-5]\d)(?![\d:])", 0, _stopwatch),
    (rf"(?<![\d,.$€£])\b(?P<num>{NUMBER_RE})(?=\s*(?:and|or|to|-|–)\s*(?:{NUMBER_RE})[-\s]+(?P<u>{UNIT_RE})s?\b)",
     RI, _shared_unit),
    (r"\b(?:(?i:recent)\s+)?(?P<u>years|months|weeks|days|hours|minutes|decades|centuries)\b", 0, _vague_plural),
    (r"\b(?:annually|yearly|per\s+annum|every\s+year|each\s+year|a\s+year\s+on\s+year)\b", RI, _set("P1Y")),
    (r"\b(?:monthly|per\s+month)\b", 0, _set("P1M")),
    (r"\b(?:weekly|per\s+week)\b", 0, _set("P1W")),
    (r"\b(?:daily|nightly|per\s+day)\b", 0, _set("P1D")),
    (r"\bquarterly\b", 0, _set("P3M")),
    (rf"\b(?i:every|each)\s+(?:(?P<num>{NUMBER_RE})\s+)?(?P<u>(?i:{UNIT_RE}|morning|afternoon|evening|night)|"
     rf"{WEEKDAY_RE})s?\b", 0, _every),
    (r"\b(?:(?P<freq>once|twice|thrice|\w+\s+times)\s+)?(?:an?|per)\s+(?P<u>year|month|week|day)\b", RI, _per_unit),
]
COMPILED = [(re.compile(p, f), build) for p, f, build in PATTERNS]

# Speed: the costliest patterns (a long number-word alternation tried at every character) cannot match
# without a duration unit, or without "ago"; `scan` runs them only near those words, with the same results.
# A unit word as those patterns take it: after a space or hyphen, ending a word (a plural "s" allowed).
UNIT_AT = re.compile(rf"(?<=[\s\-])(?=(?:{UNIT_RE})s?(?!\w))", RI)
AGO = re.compile(r"ago", RI)
SEP_RUN = re.compile(r"[\s\-]{2,}")
DIGIT_RUN = re.compile(r"\d{2,}")
# Patterns whose every match consumes, or looks ahead to, a unit word; and those that need "ago".
_NEEDS_UNIT = {k for k, (_, _, build) in enumerate(PATTERNS) if build in (_duration, _shared_unit)}
_NEEDS_AGO = {k for k, (_, _, build) in enumerate(PATTERNS) if build is _ago}
# In those unit patterns the unit follows a number (digits, a number word or a vague one) and a run of
# spaces or hyphens; a unit word after anything else ("this year", "the years") is no anchor for them.
# A number is matched without a word boundary before it, so the word before the unit need only end in one.
_NUMBER_ENDINGS = tuple(sorted({w.split()[-1] for w in (*NUMBER_WORDS, *VAGUE_NUMBERS)}))
# Characters other than ASCII letters that IGNORECASE matches to an ASCII letter (dotted and dotless i,
# long s, Kelvin sign): a text holding one is tested with the regexes, not with lower-cased substrings.
_CASE_TRICKY = re.compile("[\u0130\u0131\u017f\u212a]")


def _words(*words: str, fold: bool = False) -> tuple:
    """Literal words, one of which every match of a pattern contains; `fold`: in any letter case."""
    return tuple(w.lower() for w in words) if fold else tuple(words), fold


_MONTHS = _words("January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
                 "Sept.", "Sep.", "Oct.", "Nov.", "Dec.")
# A word every match of a pattern contains, keyed by the pattern's opening: a text without it is not
# scanned with that pattern. A substring test costs far less than trying the pattern everywhere.
_WORDS = {
    "(?:(?:Monday": _MONTHS, "(?P<mon>(?:January": _MONTHS, "(?:(?P<day>": _MONTHS,
    r"\b(?P<rel>(?i:this|last|next|the\s+following": _MONTHS, "(?<![\\w$€£])(?P<mon>": _MONTHS,
    r"\b(?P<year>1\d{3}|20\d{2})-": _words("-"), r"\b(?P<mon>\d{1,2})/": _words("/"),
    "(?<![\\d$€£.,#/-])(?P<y1>": _words("-", "–", "—", "/"),
    "(?i:fiscal": _words("fiscal", "fy", fold=True), "(?<![\\w])(?P<c>": _words("0s", "0's"),
    "(?<![\\w])['’]": _words("0s"), r"\b(?P<n>": _words("centur", fold=True),
    "(?:the\\s+)?(?P<ord>": _words("quarter", "half", fold=True),
    r"\b(?P<q>": _words(*(f"{a}{n}" for a in "QH" for n in "1234")),
    "(?:the\\s+)?first": _words("months", "quarters", fold=True),
    r"\b(?P<rel>(?i:this|current": _words("week", "month", "year", "quarter", "decade", "century", fold=True),
    r"\b(?:(?P<rel>(?i:this|last|next|the\s+same": _words("spring", "summer", "autumn", "winter", "fall",
                                                           fold=True),
    r"\b(?:today": _words("today", "yesterday", "tomorrow", "tonight", "night", "morning", "afternoon",
                          "evening", fold=True),
    r"\b(?:(?P<rel>(?i:last|next|this|coming))": _words("day"),
    r"\b(?P<h>": _words("am", "a.m", "pm", "p.m", "AM", "A.M", "PM", "P.M"),
    "(?<![\\d:])": _words(":"), r"\b(?:now": _words("now", "current", "present", "moment", "days", fold=True),
    r"\b(?:the\s+past": _words("past", "time", "recent", "days", fold=True),
    r"\b(?:the\s+(?:near": _words("future", "years", fold=True),
    r"\b(?:(?:shortly": _words("thereafter", "afterward", fold=True),
    r"\bthe\s+(?P<u>": _words("before", "after", "earlier", "later", "prior", fold=True),
    r"\b(?:(?i:recent)": _words("years", "months", "weeks", "days", "hours", "minutes", "decades", "centuries"),
    r"\b(?:annually": _words("annual", "annum", "year", fold=True), r"\b(?:monthly": _words("month"),
    r"\b(?:weekly": _words("week"), r"\b(?:daily": _words("daily", "nightly", "day"),
    r"\bquarterly": _words("quarterly"), r"\b(?i:every|each)": _words("every", "each", fold=True),
    r"\b(?:(?P<freq>": _words("year", "month", "week", "day", fold=True),
}
_NEEDS_WORD: dict = {}
for _k, (_p, _, _) in enumerate(PATTERNS):
    _opening = [o for o in _WORDS if _p.startswith(o)]
    if _opening and _k not in _NEEDS_UNIT | _NEEDS_AGO:
        _NEEDS_WORD[_k] = _WORDS[max(_opening, key=len)]


# Patterns searched only near an anchor every match holds, keyed by the pattern's opening. The anchor is
# a word (literal, or in any case when folded): a month name, the unit of "this/last ... year", a weekday,
# a plural unit, "today"/"night"..., a season, the unit of "twice a year"; or the start of a run of digits
# (four beginning with 1 or 2 for a year, at most two for a day, month or hour). With each, how far before
# its anchor a match may start, as (fixed, runs of spaces or hyphens, longest run without a space: the
# `\w+` of "N times a year"), and how far past it the match may read, as (fixed, runs): at most
# "Wednesday, the 12th of" before a month and "March 12, of the preceding year" past it.
_UNIT_WORDS = _words("week", "month", "year", "quarter", "decade", "century", fold=True)
_NEAR = {
    "(?:(?:Monday": (_MONTHS, (30, 5, 0), (40, 6)), "(?P<mon>(?:January": (_MONTHS, (30, 5, 0), (40, 6)),
    "(?:(?P<day>": (_MONTHS, (30, 5, 0), (40, 6)),
    r"\b(?P<rel>(?i:this|last|next|the\s+following": (_MONTHS, (30, 5, 0), (40, 6)),
    "(?<![\\w$€£])(?P<mon>": (_MONTHS, (30, 5, 0), (40, 6)),
    r"\b(?P<year>1\d{3}|20\d{2})-": ("year", (0, 0, 0), (40, 6)),
    r"\b(?P<mon>\d{1,2})/": ("short", (0, 0, 0), (40, 6)),
    "(?<![\\d$€£.,#/-])(?P<y1>": ("year", (0, 0, 0), (40, 6)),
    "(?<![\\w$€£.,#/-])(?P<year>": ("year", (0, 0, 0), (40, 6)),
    "(?<![\\w])(?P<c>": ("year", (0, 0, 0), (40, 6)), r"\b(?P<h>": ("short", (0, 0, 0), (40, 6)),
    "(?<![\\d:])": ("short", (0, 0, 0), (40, 6)),
    r"\b(?P<rel>(?i:this|current": (_UNIT_WORDS, (30, 4, 0), (20, 2)),
    r"\b(?:(?P<rel>(?i:last|next|this|coming))": (_words("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                         "Saturday", "Sunday"), (10, 2, 0), (25, 2)),
    r"\b(?:(?i:recent)": (_words("years", "months", "weeks", "days", "hours", "minutes", "decades", "centuries"),
                          (10, 1, 0), (12, 0)),
    r"\b(?:today": (_words("today", "yesterday", "tomorrow", "tonight", "night", "morning", "afternoon",
                           "evening", fold=True), (10, 1, 0), (25, 2)),
    r"\b(?:(?P<rel>(?i:this|last|next|the\s+same": (_words("spring", "summer", "autumn", "winter", "fall",
                                                            fold=True), (20, 3, 0), (20, 3)),
    r"\b(?:(?P<freq>": (_words("year", "month", "week", "day", fold=True), (12, 3, 1), (8, 0)),
}
_NEAR_OF: dict = {}
for _k, (_p, _, _) in enumerate(PATTERNS):
    _opening = [o for o in _NEAR if _p.startswith(o)]
    if _opening:
        _NEAR_OF[_k] = _NEAR[max(_opening, key=len)]
DIGITS = re.compile(r"\d+")


def _anchors(kind, text: str, lower: Optional[str]) -> Optional[list[int]]:
    """Sorted offsets of one kind of anchor; None when they cannot be found by substring search (a word
    in any case, in a text with a character IGNORECASE folds unlike str.lower)."""
    if kind in ("year", "short"):
        runs = [m.span() for m in DIGITS.finditer(text)]
        if kind == "year":
            return [s for s, e in runs if e - s == 4 and text[s] in "12"]
        return [s for s, e in runs if e - s <= 2]
    words, fold = kind
    within = lower if fold else text
    if within is None:
        return None
    found = set()
    for w in words:
        i = within.find(w)
        while i >= 0:
            found.add(i)
            i = within.find(w, i + 1)
    return sorted(found)


def _present(words: tuple, text: str, lower: Optional[str]) -> bool:
    """Whether one of the words occurs in the text (`lower`: the text lower-cased, None when it holds a
    character the regex would fold differently); matches what searching for their alternation finds."""
    literals, fold = words
    if not fold:
        return any(w in text for w in literals)
    if lower is not None:
        return any(w in lower for w in literals)
    return re.search("|".join(map(re.escape, literals)), text, re.I) is not None


def _counted(text: str, at: int) -> bool:
    """Whether the unit word at `at` follows a number and a run of spaces or hyphens, as the unit patterns
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


def _reach(text: str) -> int:
    """How far before its unit word a match of the `_NEEDS_UNIT` patterns can start in this text.

    Before the unit they allow at most 7 runs of spaces or hyphens, two numbers (digits with one decimal
    point, or number words of at most 13 letters) and at most 20 other letters ("almost the following",
    "and"); so the reach is bounded by the text's longest such run and longest run of digits.  The "ago"
    pattern reaches less far before "ago": a number, a unit and two runs."""
    sep = max((len(m) for m in SEP_RUN.findall(text)), default=1)
    digits = max((len(m) for m in DIGIT_RUN.findall(text)), default=1)
    return 7 * sep + 2 * max(2 * digits + 1, 13) + 24


def scan(text: str) -> list[Candidate]:
    """Every candidate every pattern finds, overlapping ones included."""
    out: list[Candidate] = []
    units: Optional[list[int]] = None
    counted: list[int] = []
    agos: Optional[list[int]] = None
    reach = 0
    lower = None if _CASE_TRICKY.search(text) else text.lower()
    present: dict = {}
    anchors: dict = {}
    sep = chunk = 0
    for k, (rx, build) in enumerate(COMPILED):
        word = _NEEDS_WORD.get(k)
        if word is not None:
            if word not in present:
                present[word] = _present(word, text, lower)
            if not present[word]:
                continue
        if k in _NEEDS_UNIT or k in _NEEDS_AGO:
            if units is None:
                units = [m.start() for m in UNIT_AT.finditer(text)]
                counted = [u for u in units if _counted(text, u)]
                reach = _reach(text)
            if k in _NEEDS_UNIT:
                matches = finditer_near(rx, text, counted, reach, 40)
            else:
                if agos is None:
                    agos = [m.start() for m in AGO.finditer(text)]
                matches = finditer_near(rx, text, agos, reach, 8)
        elif k in _NEAR_OF:
            kind, (b0, b1, b2), (a0, a1) = _NEAR_OF[k]
            if kind not in anchors:
                anchors[kind] = _anchors(kind, text, lower)
            if not sep:
                sep = max((len(m) for m in SEP_RUN.findall(text)), default=1)
            if b2 and not chunk:
                chunk = max(map(len, text.split()), default=0)
            at = anchors[kind]
            matches = rx.finditer(text) if at is None else \
                finditer_near(rx, text, at, b0 + b1 * sep + b2 * chunk, a0 + a1 * sep)
        else:
            matches = rx.finditer(text)
        for m in matches:
            out.extend(build(m, text))
    return out
