"""A claim's figure as reconciliation compares it: its group, unit family, amount in comparable
units, the interval its wording allows, the time it speaks of, and how to name it in a sentence."""
from __future__ import annotations

import math
import re
from typing import Optional

from ..model import Claim


SYMMETRIC_METRICS = {"trade"}


# Exact figures from different sources still differ by rounding: an exact figure stands for any value that
# rounds to it as written (half a unit of its last significant digit: "7.1 billion" is 7.05-7.15 billion),
# and never for less than 1% either side.
EXACT_TOLERANCE = 0.01


def group_key(c: Claim) -> tuple:
    """The comparison group of a claim."""
    return group_key_in(c, unit_family(c))


def group_key_in(c: Claim, family: str) -> tuple:
    """(what it measures, who to whom, scope, unit family): the fine metric where there is one, so a trade
    surplus is never compared with a trade volume, nor a loan total with all development assistance."""
    metric = c.fine_metric or c.metric
    direction = tuple(sorted((c.subject or "", c.object or ""))) if metric in SYMMETRIC_METRICS \
        else (c.subject or "", c.object or "")
    return (metric, direction, (c.scope or "").lower(), family)


def comparable(a: Claim, b: Claim) -> bool:
    """Whether two claims of one group may disagree at all: from different sentences, each with both its
    parties known and one of them named in its own sentence (not both taken from the document's pair),
    told with the same modality (a target never contradicts a fact)."""
    return not one_sentence(a, b) and bool(a.subject and a.object and b.subject and b.object) \
        and a.modality == b.modality and a.direction_basis != "document" and b.direction_basis != "document"


def one_sentence(a: Claim, b: Claim) -> bool:
    return a.doc_id == b.doc_id and bool(a.sentence) and a.sentence == b.sentence


def unit_family(c: Claim) -> str:
    if c.rank is not None and c.value is None:
        return "rank"
    if c.unit and len(c.unit) == 3 and c.unit.isupper():
        return "money"
    return c.unit or ""


def amount(c: Claim) -> Optional[float]:
    """The figure in a unit comparable within its group (US dollars for money where known)."""
    if unit_family(c) == "money":
        if c.value_usd is not None:
            return c.value_usd
        return c.value if c.unit == "USD" else None
    return c.value


def amount_in(c: Claim, family: str) -> Optional[float]:
    """`amount` of a claim whose unit family is known (every member of a group shares it)."""
    if family == "money":
        if c.value_usd is not None:
            return c.value_usd
        return c.value if c.unit == "USD" else None
    return c.value


def interval(c: Claim) -> tuple:
    """The interval the wording allows, in comparable units."""
    v = amount(c)
    if v is None:
        return (None, None)
    scale = v / c.value if c.value else 1.0
    lo = c.low * scale if c.low is not None else None
    hi = c.high * scale if c.high is not None else None
    if c.qualifier == "exact" or (lo is None and hi is None and c.qualifier not in ("more_than", "at_least",
                                                                                   "less_than", "at_most")):
        tol = max(_half_last_digit(c) * scale, abs(v) * EXACT_TOLERANCE)
        lo, hi = v - tol, v + tol
    if c.qualifier in ("more_than", "at_least") and lo is None:
        lo = v
    if c.qualifier in ("less_than", "at_most") and hi is None:
        hi = v
    return (lo, hi)


WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _half_last_digit(c: Claim) -> float:
    """Half a unit of the last digit of a figure as written, in its unit: "7.1 billion" -> 5e7, "10 billion"
    -> 5e8, "3,518" -> 0.5; 0 when no number is written in digits."""
    m = WRITTEN_NUMBER.search(c.text or "")
    if not m or not c.value:
        return 0.0
    written = float(m.group(0).replace(",", ""))
    if not written:
        return 0.0
    scale = abs(c.value) / written
    return 0.5 * 10.0 ** -len(m.group(1) or "") * scale


def overlap(a: tuple, b: tuple) -> bool:
    lo = max(x for x in (a[0], b[0], -math.inf) if x is not None)
    hi = min(x for x in (a[1], b[1], math.inf) if x is not None)
    return lo <= hi


def period_key(c: Claim) -> tuple:
    return (c.period_start, c.period_end)


def time_span(c: Claim) -> Optional[tuple]:
    """The time a claim speaks of, as (first year, last year)."""
    start = c.period_start or c.as_of or c.period_end
    end = c.period_end or c.as_of or c.period_start
    if not start or not end:
        return None
    return (start[:4], end[:4])


def months_long(c: Claim) -> Optional[int]:
    """Length of a flow's period in months, when both ends are known."""
    if not c.period_start or not c.period_end:
        return None
    s, e = c.period_start, c.period_end
    sm = int(s[5:7]) if len(s) >= 7 else 1
    em = int(e[5:7]) if len(e) >= 7 else 12
    return (int(e[:4]) - int(s[:4])) * 12 + em - sm + 1


def describe(c: Claim) -> str:
    """The figure as written, with the time it speaks of (and its modality when it is no fact)."""
    return _describe(c) + ("" if c.modality == "asserted" else f" ({c.modality})")


def _describe(c: Claim) -> str:
    when = ""
    if c.period_start and c.period_end and c.period_start != c.period_end:
        when = f" for {c.period_start}–{c.period_end}"
    elif c.period_start or c.period_end:
        when = f" for {c.period_start or c.period_end}"
    elif c.as_of:
        when = f" as of {c.as_of}"
    return f"“{c.text}”{when}"


def claim_label(c: Claim) -> str:
    return f"{c.metric} {c.subject or '?'}→{c.object or '?'}" + (f" ({c.scope})" if c.scope else "")
