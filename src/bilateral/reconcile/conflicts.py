"""Where figures disagree: claim groups and the kinds of conflict between them.

Claims are compared only within a group: the same metric, direction (either
way for trade), scope and kind of unit.  Within it, two figures conflict when
they speak of the same period and their intervals cannot both hold; a figure
two orders of magnitude from a comparable peer is an outlier (the likely typo);
ranks conflict when they differ for overlapping times.  Never a conflict: an
older cumulative total against a newer, larger one; bounds that can both be
true; different metrics, scopes or periods.
"""
from __future__ import annotations

import itertools
import math
from typing import Iterable, Optional

from ..model import Claim, Conflict, stable_id

SYMMETRIC_METRICS = {"trade"}
# Exact figures from different sources still differ by rounding.
EXACT_TOLERANCE = 0.025
OUTLIER_RATIO = 100.0


def group_key(c: Claim) -> tuple:
    """The comparison group of a claim."""
    direction = tuple(sorted((c.subject or "", c.object or ""))) if c.metric in SYMMETRIC_METRICS \
        else (c.subject or "", c.object or "")
    return (c.metric, direction, (c.scope or "").lower(), _unit_family(c))


def _unit_family(c: Claim) -> str:
    if c.rank is not None and c.value is None:
        return "rank"
    if c.unit and len(c.unit) == 3 and c.unit.isupper():
        return "money"
    return c.unit or ""


def _amount(c: Claim) -> Optional[float]:
    """The figure in a unit comparable within its group (US dollars for money where known)."""
    if _unit_family(c) == "money":
        if c.value_usd is not None:
            return c.value_usd
        return c.value if c.unit == "USD" else None
    return c.value


def _interval(c: Claim) -> tuple:
    """The interval the wording allows, in comparable units."""
    v = _amount(c)
    if v is None:
        return (None, None)
    scale = v / c.value if c.value else 1.0
    lo = c.low * scale if c.low is not None else None
    hi = c.high * scale if c.high is not None else None
    if c.qualifier == "exact" or (lo is None and hi is None and c.qualifier not in ("more_than", "at_least",
                                                                                   "less_than", "at_most")):
        lo, hi = v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE)
    if c.qualifier in ("more_than", "at_least") and lo is None:
        lo = v
    if c.qualifier in ("less_than", "at_most") and hi is None:
        hi = v
    return (lo, hi)


def _overlap(a: tuple, b: tuple) -> bool:
    lo = max(x for x in (a[0], b[0], -math.inf) if x is not None)
    hi = min(x for x in (a[1], b[1], math.inf) if x is not None)
    return lo <= hi


def _period(c: Claim) -> tuple:
    return (c.period_start, c.period_end)


def _span(c: Claim) -> Optional[tuple]:
    """The time a claim speaks of, as (first year, last year)."""
    start = c.period_start or c.as_of or c.period_end
    end = c.period_end or c.as_of or c.period_start
    if not start or not end:
        return None
    return (start[:4], end[:4])


def _months(c: Claim) -> Optional[int]:
    """Length of a flow's period in months, when both ends are known."""
    if not c.period_start or not c.period_end:
        return None
    s, e = c.period_start, c.period_end
    sm = int(s[5:7]) if len(s) >= 7 else 1
    em = int(e[5:7]) if len(e) >= 7 else 12
    return (int(e[:4]) - int(s[:4])) * 12 + em - sm + 1


def _describe(c: Claim) -> str:
    when = ""
    if c.period_start and c.period_end and c.period_start != c.period_end:
        when = f" for {c.period_start}–{c.period_end}"
    elif c.period_start or c.period_end:
        when = f" for {c.period_start or c.period_end}"
    elif c.as_of:
        when = f" as of {c.as_of}"
    return f"“{c.text}”{when}"


def _conflict(kind: str, claims: list, explanation: str) -> Conflict:
    ids = sorted(c.claim_id for c in claims)
    return Conflict(conflict_id=stable_id("k", kind, *ids), kind=kind, explanation=explanation, claim_ids=ids)


def compare(a: Claim, b: Claim) -> Optional[Conflict]:
    """The conflict between two claims of one group, or None when both can hold."""
    if _unit_family(a) == "rank":
        return _rank_conflict(a, b)
    va, vb = _amount(a), _amount(b)
    if va is None or vb is None or va <= 0 or vb <= 0:
        return None
    label = f"{a.metric} {a.subject or '?'}→{a.object or '?'}" + (f" ({a.scope})" if a.scope else "")
    outlier = _outlier(a, b, va, vb, label)
    if outlier is not None:
        return outlier
    if a.period_kind == "cumulative" and b.period_kind == "cumulative" and a.period_start == b.period_start:
        if not a.as_of or not b.as_of or a.as_of[:4] == b.as_of[:4]:
            return _value_conflict(a, b, label) if a.as_of and b.as_of else None
        older, newer = (a, b) if a.as_of < b.as_of else (b, a)
        lo_old, _ = _interval(older)
        _, hi_new = _interval(newer)
        if lo_old is not None and hi_new is not None and hi_new < lo_old:
            return _conflict("value", [a, b], f"The cumulative {label} since {a.period_start} cannot shrink: "
                             f"{_describe(older)} is larger than the later {_describe(newer)}.")
        return None   # a newer, larger total is an update
    if a.period_kind != b.period_kind or _period(a) != _period(b):
        return None
    if a.period_start is None and a.period_end is None and (a.as_of or "")[:7] != (b.as_of or "")[:7]:
        return None
    return _value_conflict(a, b, label)


def _value_conflict(a: Claim, b: Claim, label: str) -> Optional[Conflict]:
    if _overlap(_interval(a), _interval(b)):
        return None
    return _conflict("value", [a, b], f"{_describe(a)} and {_describe(b)} give {label} for the same period; "
                     "the two figures cannot both hold.")


def _outlier(a: Claim, b: Claim, va: float, vb: float, label: str) -> Optional[Conflict]:
    """Two comparable flows two orders of magnitude apart: one is likely a typo."""
    ratio = max(va, vb) / min(va, vb)
    if ratio < OUTLIER_RATIO:
        return None
    if a.period_kind not in ("flow", "annual") or b.period_kind not in ("flow", "annual"):
        return None
    ma, mb = _months(a), _months(b)
    if (a.period_kind == "flow" and (ma is None or ma > 12)) or (b.period_kind == "flow" and (mb is None or mb > 12)):
        return None
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None or abs(int(sa[0]) - int(sb[0])) > 3:
        return None
    small, large = (a, b) if va < vb else (b, a)
    return _conflict("outlier", [small, large],
                     f"{_describe(small)} is about 1/{round(ratio):,} of {_describe(large)} for {label}; "
                     "a figure that far from a comparable one is likely a typo (a scale word such as "
                     "million for billion).")


def _rank_conflict(a: Claim, b: Claim) -> Optional[Conflict]:
    if a.rank is None or b.rank is None or a.rank == b.rank:
        return None
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None or sa[1] < sb[0] or sb[1] < sa[0]:
        return None
    if a.rank_group and b.rank_group and a.rank_group != b.rank_group:
        return None
    return _conflict("rank", [a, b], f"{_describe(a)} (rank {a.rank}) and {_describe(b)} (rank {b.rank}) rank "
                     f"{a.subject} differently as {a.metric.replace('_rank', '')} of {a.object} over "
                     "overlapping times.")


def claim_conflicts(claims: Iterable[Claim]) -> list:
    """Every conflict among claims, compared within their groups."""
    groups: dict = {}
    for c in claims:
        if c.metric == "other":
            continue
        groups.setdefault(group_key(c), []).append(c)
    out, seen = [], set()
    for members in groups.values():
        for a, b in itertools.combinations(members, 2):
            k = compare(a, b)
            if k is not None and k.conflict_id not in seen:
                seen.add(k.conflict_id)
                out.append(k)
    return out
