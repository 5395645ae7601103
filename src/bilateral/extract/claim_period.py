"""When a figure holds: its period, period kind and as-of date from the time expressions it owns."""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import SHIPPED, words
from ..model import Quantity, Timex
from ..nlp.timex_lexicon import SHIFT_WORDS, SHIFTED
from ..nlp.tokens import tokens_of
import bilateral.extract.metrics as lex
from .claim_metric import item_like
from .parse import VERBAL, participles_of_figure, token_range, verb_ancestors


def period_of(doc, text, q: Quantity, passage, others, timexes, metric, published):
    """(period_kind, period_start, period_end, as_of) of a figure."""
    start, end = passage
    sentence = text[start:end].lower()
    timexes = [x for x in timexes if x.start >= _dateline_end(text)]
    t = _own_timex(doc, q, others, timexes) or _timex_for(doc, text, q, passage, others, timexes) \
        or _opening(doc, text, q, passage, others, timexes) or _carried(doc, text, passage, timexes) \
        or _listed_under(text, passage, timexes)
    stock = metric in lex.STOCK_METRICS
    if t is None:
        if _near_annual(text, q, end):
            return "annual", None, None, published
        if metric == "peacekeeping_contribution":
            return "cumulative", None, None, published
        if not stock and _perfect(doc, q):
            return "cumulative", None, _year_of(published), published
        return ("point" if stock else "flow"), None, None, published
    if t.type == "SET" or _near_annual(text, q, end):
        return "annual", None, None, published
    shifted = SHIFTED.match(text, t.end)
    if t.type == "DURATION" and shifted and t.range_start and t.range_end:   # "a year earlier": one date
        date = t.range_start if shifted.group(1).lower() in ("earlier", "before", "prior", "ago") else t.range_end
        return ("point" if stock else "flow"), date, date, _as_of(date, published)
    date = t.date
    months = _month_span(text, t)
    if months is not None:   # "in the January-June period (of 2004)": a flow over those months
        return ("point" if stock else "flow"), months[0], months[1], _as_of(months[1], published)
    signal = (t.signal or "").lower()
    if signal == "in" and re.search(r"\bsince\s+(?:\S+\s+){1,4}in\s+$", text[max(0, t.start - 60):t.start]):
        signal = "since"   # "since independence in 1990"
    if t.value == "PRESENT_REF" or date is None and not t.range_start:
        # a stock "now", or money over an unstated period ("in recent years"): a flow, not a stock
        return ("point" if stock else "flow"), None, None, published
    if t.range_start and t.range_end and signal != "since":
        return ("point" if stock else "cumulative" if t.type == "DURATION" or signal in ("from", "between")
                or t.range_start[:4] != t.range_end[:4] else "flow"), t.range_start, t.range_end, \
            _as_of(t.range_end, published)
    if signal == "since" or t.range_start and not t.range_end:
        begin = t.range_start or date
        return ("point" if stock else "cumulative"), begin, _year_of(published), published
    if signal in ("by", "as of", "until", "through", "till"):
        if stock:
            return "point", date, date, date
        return "cumulative", None, date, date
    if "so far" in sentence or "to date" in sentence:
        return "cumulative", None, date, date
    return ("point" if stock else "flow"), date, date, _as_of(date, published)


_MONTHS = words.months(SHIPPED)
MONTH_SPAN = re.compile(rf"\s*[-–—]\s*({words.alternation(_MONTHS[0])})\b(?:\s+period)?(?:\s+(?:of\s+)?(\d{{4}}))?", re.I)


def _month_span(text: str, t: Timex) -> Optional[tuple]:
    """(first month, last month) of "January-June" or "January–June period of 2004" after a month the time
    stage read alone; the year written after the span wins over the one the month was resolved to."""
    if not t.date or len(t.date) != 7:
        return None
    m = MONTH_SPAN.match(text, t.end)
    if not m:
        return None
    year = m.group(2) or t.date[:4]
    last = _MONTHS[0][m.group(1).lower()]
    if last < int(t.date[5:7]):
        return None
    return f"{year}-{t.date[5:7]}", f"{year}-{last:02d}"


def _own_timex(doc, q: Quantity, others, timexes) -> Optional[Timex]:
    """A time expression inside a participle on the figure's noun: "a 300 mln dlr loan approved by the World
    Bank in March" holds since March, whatever time stands nearer the figure outside its phrase."""
    span = token_range(doc, q.start, q.end)
    if span is None or span[2] < 0:
        return None
    T = tokens_of(doc)
    inside = {t for c in participles_of_figure(T, span[2]) for t in T.subtree(c)}
    # a sum between is another's ("... and 600 mln dlrs of notes due 1988"); a count is not ("granted by 44 banks
    # in December 1986" is still the credit's time)
    own = [x for x in timexes for r in [token_range(doc, x.start, x.end)] if r is not None and r[2] in inside
           and not any(q.end <= o.start < x.start and o.unit == q.unit for o in others)]
    return own[0] if own else None


def _timex_for(doc, text, q: Quantity, passage, others, timexes) -> Optional[Timex]:
    """The time expression of a figure.  A list of figures shares the nearest one around
    the list ("X in loans, Y in grants and Z by 2025"), unless its items carry their own
    ("X in 2016 and Y in 2017"); otherwise the nearest with no unlisted figure in between."""
    start, end = passage
    group = _list_group(doc, text, q, others)
    inside = [t for t in timexes if start <= t.start < end]
    gaps = [(a.end, b.start) for a, b in zip(group, group[1:])]
    if any(lo <= t.start < hi for t in inside for lo, hi in gaps):
        i = group.index(q)
        hi = group[i + 1].start if i + 1 < len(group) else end
        own = [t for t in inside if q.end <= t.start < hi]
        if own:
            return own[0]
    lo_g, hi_g = group[0].start, group[-1].end
    best, best_d = None, None
    for t in inside:
        if t.start < hi_g and lo_g < t.end:
            continue
        lo, hi = (hi_g, t.start) if t.start >= hi_g else (t.end, lo_g)
        if any(lo <= o.start < hi for o in others):
            continue
        if best_d is None or hi - lo < best_d:
            best, best_d = t, hi - lo
    return best


DATELINE = re.compile(r"^[A-Z][A-Za-z .'()/-]{1,60},[^\n]{0,40}?\s[-–—]\s")


def _dateline_end(text: str) -> int:
    """Where a wire's dateline ends ("CHICAGO, March 4, - "): its date is when the story was filed."""
    m = DATELINE.match(text)
    return m.end() if m else 0


def _opening(doc, text, q: Quantity, passage, others, timexes) -> Optional[Timex]:
    """"Last year South Korea ran a 4.3 billion dlr surplus, including a 5.5 billion dlr deficit with Chile":
    a date that opens the sentence, before its subject, holds for every figure of it without a date of
    its own."""
    start, end = passage
    first = [t for t in timexes if start <= t.start < end and t.type == "DATE" and t.date
             and not text[start:t.start].strip(" ,\"“")]
    if not first:
        return None
    own = [t for t in timexes if start <= t.start < end and t is not first[0]]
    if any(q.end <= t.start < min([o.start for o in others if o.start > q.end] + [end]) for t in own):
        return None
    return first[0]


ANAPHORIC_OPENING = re.compile(r"\s*(?:The|This|That|These|Those)\s+([a-z]{3,})\b(?:\s+([a-z]{3,})\b)?")


def _carried(doc, text, passage, timexes) -> Optional[Timex]:
    """The last date of the previous sentence, when this one opens by continuing it ("As a result, ...")
    or names again what it told of ("In 2013, Ecuador pulled out of the pact. The pact offered ...")."""
    start, _ = passage
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.sent.start == 0:
        return None
    prev = doc[span.sent.start - 1].sent
    again = ANAPHORIC_OPENING.match(text, start)
    if not (re.match(rf"\s*(?:{'|'.join(lex.CONTINUATIONS)})\b", text[start:start + 30], re.I)
            or again and any(re.search(rf"\b{w}\b", text[prev.start_char:prev.end_char])
                             for w in again.groups() if w)):
        return None
    if "\n\n" in text[prev.start_char:start]:
        return None
    dated = [t for t in timexes if prev.start_char <= t.start < prev.end_char and t.type == "DATE" and t.date]
    return dated[-1] if dated else None


def _line(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1:len(text) if end < 0 else end].strip()


def _listed_under(text, passage, timexes) -> Optional[Timex]:
    """A list item (a bullet, or a short line that is no sentence: "Grant Assistance: 4.98 billion yen")
    without a date of its own breaks down the figure of the sentence above the list (blank lines may
    stand between): that sentence's date."""
    pos = text.rfind("\n", 0, passage[0] + 1)
    if not item_like(_line(text, passage[0])):
        return None
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos) + 1
        if not text[prev_start:pos].strip():
            pos = prev_start - 1
            continue
        if not item_like(text[prev_start:pos].strip()):
            dated = [t for t in timexes if prev_start <= t.start < pos and t.type == "DATE" and t.date]
            return dated[-1] if dated else None
        pos = prev_start - 1
    return None


def _list_group(doc, text, q: Quantity, others) -> list[Quantity]:
    """The run of figures that stand in one list with q, in text order."""
    figures = sorted([q, *others], key=lambda x: x.start)
    i = figures.index(q)
    lo = hi = i
    while lo > 0 and _listed(doc, text, figures[lo - 1], figures[lo]):
        lo -= 1
    while hi + 1 < len(figures) and _listed(doc, text, figures[hi], figures[hi + 1]):
        hi += 1
    return figures[lo:hi + 1]


def _listed(doc, text, a: Quantity, b: Quantity) -> bool:
    """True when two figures stand in one list: joined by a comma or "and", with no verb between."""
    lo, hi = (a.end, b.start) if a.start < b.start else (b.end, a.start)
    if not re.search(r",|;|\band\b|\bor\b", text[lo:hi]):
        return False
    span = token_range(doc, lo, hi)
    if span is None:
        return False
    T = tokens_of(doc)
    return not any(T.pos[t] in VERBAL for t in range(span[0], span[1]) if lo <= T.idx[t] < hi)


ANNUAL_RE = re.compile(r"^(?:[^.;,]*?\s)?(?:" + "|".join(re.escape(w) for w in lex.ANNUAL_WORDS) + r")\b"
                       rf"(?!\s+(?:{'|'.join(SHIFT_WORDS)})\b)")   # "a year earlier" is a date


def _near_annual(text, q: Quantity, end: int) -> bool:
    return ANNUAL_RE.search(text[q.end:end].lower()[:60]) is not None


def _perfect(doc, q: Quantity) -> bool:
    """Present perfect on the figure's verb ("have completed", "has invested"): a running total."""
    span = token_range(doc, q.start, q.end)
    if span is None or re.search(r"\b(?:a|an)\s+$", doc.text[max(0, q.start - 4):q.start], re.I):
        return False   # "has received a 300 mln dlr loan": one item, not a running total
    T = tokens_of(doc)
    for verb in verb_ancestors(T, span[2]):
        if T.tag[verb] == "VBN" and any(T.lower[c] in ("have", "has") for c in T.children[verb]):
            return True
    return False


def _year_of(date: Optional[str]) -> Optional[str]:
    return date[:4] if date else None


def _as_of(end: Optional[str], published: Optional[str]) -> Optional[str]:
    if end and (published is None or end[:len(published)] <= published[:len(end)]):
        return end
    return published


def rank_group(text, q: Quantity, actors, end: int) -> Optional[str]:
    """The reference a rank is stated against: "second after China" -> "CHN"."""
    m = re.match(r"[\w\s-]{0,30}?\b(?:after|behind|following|next to)\s+", text[q.end:end])
    if not m:
        return None
    at = q.end + m.end()
    hit = next((a for a in actors if a.start == at and a.code), None)
    return hit.code if hit else None
