"""Time expressions: find them in text and normalize them to TIMEX3 values against the document date.

Rules of our own, no model: patterns propose spans (timex_scan), the longest non-overlapping ones
are kept, then each is resolved in text order, so a bare "12 October" or "the same year" can lean
on the last date the text gave.  Interval phrases carry range_start/range_end: "from A to B" and
"between A and B" put the same range on both DATEs; "since A" runs from A to the document date;
"the last 25 years" runs back from the document date.
"""
from __future__ import annotations

import re
from typing import Optional

from bilateral.model import Timex, timex_to_date

from . import timex_calendar as cal
from .timex_scan import Candidate, Context, scan

MODIFIERS = re.compile(
    r"(?i:\b(?P<m>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
    r"|end\s+of|beginning\s+of|start\s+of|middle\s+of|the\s+early|the\s+late|the\s+mid)(?:\s+|-|\s*-\s*))$")
MOD_VALUES = {"early": "START", "late": "END", "mid": "MID", "end of": "END", "beginning of": "START",
              "start of": "START", "middle of": "MID"}
SIGNAL = re.compile(
    r"(?i:\b(?P<s>as\s+of|as\s+at|since|from|between|by|until|till|up\s+to|before|after|during|on|in|at"
    r"|through|throughout|over|within|for|around)\s+)$")
RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*", re.I)


def select(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidates that do not overlap (ties: the pattern of higher priority), in text order."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if all(c.end <= s or c.start >= e for s, e in taken):
            kept.append(c)
            taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)


def is_history(cands: list[Candidate], dct: Optional[cal.Ref]) -> bool:
    """A narrative of the past (dates without a year follow the text) rather than news (they follow the dct)."""
    if dct is None:
        return True
    old = sum(1 for c in cands if c.year is not None and c.year <= dct.year - 2)
    recent = sum(1 for c in cands if c.dct_relative)
    return old >= 2 and old > 2 * recent


def modifier(text: str, c: Candidate) -> tuple[int, Optional[str]]:
    """A leading "early", "late", "mid-", "the end of" joins a DATE span and becomes its mod."""
    if c.kind != "date":
        return c.start, None
    m = MODIFIERS.search(text[max(0, c.start - 25):c.start])
    if not m:
        return c.start, None
    word = re.sub(r"\s+", " ", m.group("m").lower()).removeprefix("the ")
    start = c.start - len(m.group(0))
    if m.group("m").lower().startswith("the ") and word in ("early", "late", "mid"):
        start += len(m.group("m")) - len(word)
    return start, MOD_VALUES[word]


def find_timexes(text: str, dct: str | None = None) -> list[Timex]:
    """Every time expression in text with TIMEX3 type and value, resolved against dct (a partial ISO date)."""
    ref = cal.parse_ref(dct)
    chosen = select(scan(text))
    ctx = Context(text=text, dct=ref, dct_str=ref.iso() if ref else None, history=is_history(chosen, ref))
    out: list[Timex] = []
    for i, c in enumerate(chosen):
        start, mod = modifier(text, c)
        ctx.upcoming = next((f"{x.year:04d}" for x in chosen[i + 1:] if x.year is not None and x.year >= 1000), None)
        fields = c.resolve(ctx, start, c.end)
        if fields.pop("sets_context", False) and timex_to_date(fields["value"]):
            ctx.prev, ctx.prev_end = timex_to_date(fields["value"]), c.end
        if mod:
            fields["mod"] = mod
        out.append(Timex(start=start, end=c.end, text=text[start:c.end], **fields))
    for t in out:
        m = SIGNAL.search(text[max(0, t.start - 15):t.start])
        t.signal = re.sub(r"\s+", " ", m.group("s").lower()) if m else None
    add_ranges(out, text, ctx.dct_str)
    return out


def point(t: Timex) -> Optional[str]:
    return timex_to_date(t.value) if t.type in ("DATE", "TIME") else None


def add_ranges(timexes: list[Timex], text: str, dct: Optional[str]) -> None:
    """Give interval phrases their range: "from A to B" / "between A and B" / "A-B" on both, "since A" to dct."""
    for a, b in zip(timexes, timexes[1:]):
        join = text[a.end:b.start]
        if not (RANGE_JOIN.fullmatch(join) and point(a) and point(b)):
            continue
        word = join.strip().lower()
        if word == "and" and a.signal != "between":
            continue
        if word in ("to", "until", "till", "through") and a.signal not in ("from", "between", None):
            continue
        a.range_start = b.range_start = point(a)
        a.range_end = b.range_end = point(b)
        if a.signal in ("from", "between"):
            b.signal = a.signal
    for t in timexes:
        if t.range_start or t.range_end or not point(t):
            continue
        if t.signal == "since":
            t.range_start, t.range_end = point(t), dct
        elif t.signal in ("until", "till", "up to"):
            t.range_end = point(t)


def timex_records(text: str, dct: str | None = None) -> list[dict]:
    """The time expressions as plain records for the command line."""
    return [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in find_timexes(text, dct)]
