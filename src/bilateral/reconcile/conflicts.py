"""How figures relate: claim groups, and within them agreement, updates and conflicts.

Claims are compared only within a group: the same metric, direction (either
way for trade), scope and kind of unit.  Within a group, figures for the same
period agree when their intervals overlap and conflict (`value`) when they
cannot both hold; a later cumulative total since the same start is an `update`
when it grew; a flow two orders of magnitude from its comparable peers is an
`outlier` (the likely typo); ranks conflict when they differ for overlapping
times.  Never a conflict: bounds that can both be true, an older total against
a newer larger one, different metrics, scopes or periods.  Comparisons run
inside buckets of comparable claims (same period, same start), so the work
grows with the size of the buckets, not with the square of a group.
"""
from __future__ import annotations

import bisect
import itertools
import math
from typing import Iterable, Optional

from ..model import Claim, Conflict, Relation, stable_id
from .gcpause import paused_gc

SYMMETRIC_METRICS = {"trade"}
# Exact figures from different sources still differ by rounding.
EXACT_TOLERANCE = 0.025
OUTLIER_RATIO = 100.0


def group_key(c: Claim) -> tuple:
    """The comparison group of a claim."""
    return _group_key(c, _unit_family(c))


def _group_key(c: Claim, family: str) -> tuple:
    direction = tuple(sorted((c.subject or "", c.object or ""))) if c.metric in SYMMETRIC_METRICS \
        else (c.subject or "", c.object or "")
    return (c.metric, direction, (c.scope or "").lower(), family)


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


def _amount_in(c: Claim, family: str) -> Optional[float]:
    """`_amount` of a claim whose unit family is known (every member of a group shares it)."""
    if family == "money":
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


def _label(c: Claim) -> str:
    return f"{c.metric} {c.subject or '?'}→{c.object or '?'}" + (f" ({c.scope})" if c.scope else "")


def relate(a: Claim, b: Claim) -> Optional[tuple]:
    """(kind, explanation) for two claims of one group that speak of comparable times, else None."""
    return _relate(a, b, _unit_family(a))


def _relate(a: Claim, b: Claim, family: str) -> Optional[tuple]:
    """`relate` for two claims of a group whose unit family is known."""
    if family == "rank":
        return _rank_relation(a, b)
    va, vb = _amount_in(a, family), _amount_in(b, family)
    if va is None or vb is None or va <= 0 or vb <= 0:
        return None
    label = _label(a)
    if a.period_kind == "cumulative" and b.period_kind == "cumulative" and a.period_start == b.period_start:
        if not a.as_of or not b.as_of:
            return None
        if a.as_of[:4] == b.as_of[:4]:
            return _same_period(a, b, label)
        older, newer = (a, b) if a.as_of < b.as_of else (b, a)
        lo_old, _ = _interval(older)
        _, hi_new = _interval(newer)
        if lo_old is not None and hi_new is not None and hi_new < lo_old:
            return "value", (f"The cumulative {label} since {a.period_start} cannot shrink: {_describe(older)} "
                             f"is larger than the later {_describe(newer)}.")
        if _amount(newer) > _amount(older) and not _overlap(_interval(older), _interval(newer)):
            return "update", (f"{_describe(newer)} updates the earlier {_describe(older)}: a cumulative "
                              f"{label} since {a.period_start} that grew.")
        return "agree", f"{_describe(older)} and the later {_describe(newer)} can both hold for {label}."
    if a.period_kind != b.period_kind or _period(a) != _period(b):
        return None
    if a.period_start is None and a.period_end is None and (a.as_of or "")[:7] != (b.as_of or "")[:7]:
        return None
    if max(va, vb) / min(va, vb) >= OUTLIER_RATIO:
        return None   # left to the outlier check, which weighs all comparable peers
    return _same_period(a, b, label)


def _same_period(a: Claim, b: Claim, label: str) -> tuple:
    if _overlap(_interval(a), _interval(b)):
        return "agree", f"{_describe(a)} and {_describe(b)} agree on {label}: their ranges overlap."
    return "value", (f"{_describe(a)} and {_describe(b)} give {label} for the same period; "
                     "the two figures cannot both hold.")


def _rank_relation(a: Claim, b: Claim) -> Optional[tuple]:
    if a.rank is None or b.rank is None:
        return None
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None or sa[1] < sb[0] or sb[1] < sa[0]:
        return None
    if a.rank_group and b.rank_group and a.rank_group != b.rank_group:
        return None
    role = a.metric.replace("_rank", "")
    if a.rank == b.rank:
        return "agree", f"{_describe(a)} and {_describe(b)} both rank {a.subject} {a.rank} as {role} of {a.object}."
    return "rank", (f"{_describe(a)} (rank {a.rank}) and {_describe(b)} (rank {b.rank}) rank {a.subject} "
                    f"differently as {role} of {a.object} over overlapping times.")


def _flow_year(c: Claim) -> Optional[int]:
    """The year of a comparable flow (at most a year long, or annual), else None."""
    if c.period_kind == "annual":
        span = _span(c)
        return int(span[0]) if span else None
    if c.period_kind != "flow":
        return None
    months = _months(c)
    if months is None or months > 12:
        return None
    return int(c.period_start[:4])


def _outliers(rows: list, family: str, indexed: int = 48) -> list:
    """(small or large claim, its peer, explanation) for flows two orders of magnitude from their peers'
    median within three years; the peer named is one from the same document if any, else the nearest.

    `rows` are one group's flows as (year, claim id, position in the group, claim, figure), the figure
    in the group's unit `family`; they are sorted by year and id, ties keeping the group's order. Above
    `indexed` flows, each year's window is sorted once instead of each flow's."""
    if len(rows) < 2:
        return []
    flows = [(r[0], r[3]) for r in rows]
    amounts = [r[4] for r in rows]
    positive = all(type(v) is float and v > 0 for v in amounts)
    if positive and not _far(max(amounts), min(amounts)):
        return []   # a median lies between the extremes, so no flow can be that far from its peers'
    if len(flows) > indexed and positive and len({c.claim_id for _, c in flows}) == len(flows):
        found = _WindowIndex(flows, amounts).outliers()
    else:   # zero, negative, non-float or repeated figures: the direct form, whose order arguments need none
        found = _outliers_direct(flows, amounts)
    out = []
    for c, peer in found:
        v, w = _amount_in(c, family), _amount_in(peer, family)
        small, large = (c, peer) if v < w else (peer, c)
        r = max(v, w) / min(v, w)
        out.append((c, peer, f"{_describe(small)} is about 1/{round(r):,} of {_describe(large)} for "
                              f"{_label(c)}; a figure that far from comparable ones is likely a typo (a scale "
                              "word such as million for billion)."))
    return out


def _far(v: float, a: float) -> bool:
    """max(v, a) / min(v, a) reaches the ratio (written without the calls: it runs for every peer)."""
    return (v / a if v > a else a / v) >= OUTLIER_RATIO


def _nearest_far(flows: list, amounts: list, k: int, peers: list):
    """The peer flow k is named against, among the window's far peers: same document first, then the
    nearest year, then the smallest id; None when no peer is far."""
    y, c = flows[k]
    v = amounts[k]
    far = [j for j in peers if _far(v, amounts[j])]
    if not far:   # a median far from v with no single figure far from it: negative figures among them
        return None
    j = min(far, key=lambda j: (flows[j][1].doc_id != c.doc_id, abs(flows[j][0] - y), flows[j][1].claim_id))
    return flows[j][1]


def _outliers_direct(flows: list, amounts: list) -> list:
    """(claim, peer) by measuring each flow against the median of its window's other flows."""
    years = [y for y, _ in flows]
    out = []
    lo = hi = 0
    for k, (y, c) in enumerate(flows):   # years ascend, so each window's ends only move forward
        while years[lo] < y - 3:
            lo += 1
        while hi < len(years) and years[hi] <= y + 3:
            hi += 1
        if hi - lo == 1:
            continue   # the window holds this flow alone
        peers = [j for j in range(lo, hi) if flows[j][1] is not c]
        if not peers:
            continue
        mid = _median([amounts[j] for j in peers])
        if mid == 0 or not _far(amounts[k], mid):
            continue   # (a zero median: figures of both signs around it, no ratio to speak of)
        peer = _nearest_far(flows, amounts, k, peers)
        if peer is not None:
            out.append((c, peer))
    return out


def _median(values: list):
    """The median as `statistics.median` gives it (the mean of the middle two for an even count)."""
    values = sorted(values)
    n = len(values)
    if n % 2:
        return values[n // 2]
    return (values[n // 2 - 1] + values[n // 2]) / 2


class _WindowIndex:
    """The outlier check over positive figures in O(n log n): what `_outliers_direct` decides, without
    sorting each flow's window again or scanning it for the peer.

    Every flow of one year has the same window (the flows within three years), so the window's figures
    are sorted once per year and the median without the flow itself is read off by index. A figure far
    from v (ratio >= OUTLIER_RATIO) is, in a year's figures sorted ascending, a prefix (below v/100) or a
    suffix (above 100 v), since division is monotone; the smallest claim id on either comes from prefix
    and suffix minima. Figures are positive floats and claim ids distinct (else the direct form runs)."""

    def __init__(self, flows: list, amounts: list):
        self.flows = flows
        self.amounts = amounts
        self.years = [y for y, _ in flows]
        self.by_year: dict = {}    # year -> (sorted figures, prefix min ids, suffix min ids)
        self.by_doc: dict = {}     # document -> [(year, claim)]
        groups: dict = {}
        for (y, c), v in zip(flows, amounts):
            groups.setdefault(y, []).append((v, c.claim_id))
            self.by_doc.setdefault(c.doc_id, []).append((y, c))
        for y, rows in groups.items():
            rows.sort()
            ids = [i for _, i in rows]
            self.by_year[y] = ([v for v, _ in rows], list(itertools.accumulate(ids, min)),
                               list(itertools.accumulate(reversed(ids), min))[::-1])

    def outliers(self) -> list:
        out = []
        flows, years, amounts = self.flows, self.years, self.amounts
        window_of: dict = {}
        for k, (y, c) in enumerate(flows):
            window = window_of.get(y)
            if window is None:
                lo, hi = bisect.bisect_left(years, y - 3), bisect.bisect_right(years, y + 3)
                window = window_of[y] = sorted(amounts[lo:hi])
            n = len(window) - 1   # the peers: the window less this flow
            if n == 0:
                continue
            v = amounts[k]
            i = bisect.bisect_left(window, v)   # one occurrence of v, the one removed

            def at(j):
                return window[j] if j < i else window[j + 1]

            mid = at(n // 2) if n % 2 else (at(n // 2 - 1) + at(n // 2)) / 2
            if max(v, mid) / min(v, mid) < OUTLIER_RATIO:
                continue
            peer = self._peer(c, y, v)
            if peer is None:   # the median is far but no single peer is (rounding): decide directly
                lo, hi = bisect.bisect_left(years, y - 3), bisect.bisect_right(years, y + 3)
                peer = _nearest_far(flows, amounts, k, [j for j in range(lo, hi) if j != k])
                if peer is None:
                    continue
            out.append((c, peer))
        return out

    def _peer(self, c, y: int, v: float):
        same = [(abs(py - y), p.claim_id, p) for py, p in self.by_doc[c.doc_id]
                if p is not c and abs(py - y) <= 3 and _far(v, _amount(p))]
        if same:
            return min(same)[2]
        for d in range(4):
            best = None
            for py in {y - d, y + d}:
                found = self._min_far_id(py, v)
                if found is not None and (best is None or found < best):
                    best = found
            if best is not None:
                return self._claim(best)
        return None

    def _min_far_id(self, year: int, v: float):
        """The smallest claim id among a year's flows far from v, or None."""
        entry = self.by_year.get(year)
        if entry is None:
            return None
        figures, prefix_min, suffix_min = entry
        best = None
        below = _first(0, bisect.bisect_left(figures, v), lambda j: not _far(v, figures[j]))
        if below > 0:
            best = prefix_min[below - 1]
        above = _first(bisect.bisect_right(figures, v), len(figures), lambda j: _far(v, figures[j]))
        if above < len(figures) and (best is None or suffix_min[above] < best):
            best = suffix_min[above]
        return best

    def _claim(self, claim_id: str):
        if not hasattr(self, "_ids"):
            self._ids = {c.claim_id: c for _, c in self.flows}
        return self._ids[claim_id]


def _first(lo: int, hi: int, pred) -> int:
    """The first index in [lo, hi) where a monotone predicate holds (hi if none)."""
    while lo < hi:
        mid = (lo + hi) // 2
        if pred(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _rank_pairs(members: list) -> Iterable[tuple]:
    """Pairs of rank claims whose times overlap, by a sweep over their spans."""
    ranks = sorted(((s, c) for c in members if _unit_family(c) == "rank" and (s := _span(c))),
                   key=lambda sc: (sc[0], sc[1].claim_id))
    active: list = []
    for span, c in ranks:
        active = [(sp, a) for sp, a in active if sp[1] >= span[0]]
        for _, a in active:
            yield a, c
        active.append((span, c))


def claim_relations(claims: Iterable[Claim], grp: str = "", indexed_outliers: int = 48) -> list:
    """Every decision about comparable claims: agree, update, and the conflict kinds."""
    with paused_gc():
        return _claim_relations(claims, grp, indexed_outliers)


def _claim_relations(claims: Iterable[Claim], grp: str, indexed_outliers: int) -> list:
    keys, groups, pairs_of, flows_of = _sorted_into_groups(claims)
    out, seen = [], set()

    def add(kind, a, b, explanation):
        ids = tuple(sorted((a.claim_id, b.claim_id)))
        if (kind, ids) not in seen:
            seen.add((kind, ids))
            out.append(Relation(grp=grp, claim_a=ids[0], claim_b=ids[1], kind=kind, explanation=explanation))

    for g, (key, members) in enumerate(zip(keys, groups)):
        if len(members) < 2:
            continue   # nothing to compare with, not even an outlier's peer
        family = key[3]
        if family == "rank":   # every member shares the group's unit family: ranks only compare by span
            for a, b in _rank_pairs(members):
                found = _rank_relation(a, b)
                if found:
                    add(found[0], a, b, found[1])
            continue
        for a, b in pairs_of.get(g, ()):
            found = _relate(a, b, family)
            if found:
                add(found[0], a, b, found[1])
        rows = flows_of.get(g)
        if rows is not None and len(rows) > 1:   # a rank without a value has no amount, so never a flow
            for c, peer, explanation in _outliers(rows, family, indexed_outliers):
                add("outlier", c, peer, explanation)
    return out


def _sorted_into_groups(claims: Iterable[Claim]) -> tuple:
    """(the group keys in order of their first claims, each group's members, group number -> the pairs
    worth comparing, group number -> its flows as `_outliers` takes them, two or more).

    The pairs of a group are every two claims of the same period (or the same as-of month for stocks),
    then consecutive cumulative totals since the same start, by as-of date. They are collected for all
    groups of two or more claims in one table, under the group's number: most groups hold a claim or
    two, and a table of their own each would cost more than the comparisons."""
    number: dict = {}     # group key -> its number
    groups: list = []
    for c in claims:
        if c.metric != "other":
            key = _group_key(c, _unit_family(c))
            g = number.get(key)
            if g is None:
                g = number[key] = len(groups)
                groups.append([c])
            else:
                groups[g].append(c)
    keys = list(number)
    same: dict = {}       # (group number, period) -> claims
    starts: dict = {}     # (group number, start) -> cumulative totals with an as-of date
    flows_of: dict = {}
    for g, members in enumerate(groups):
        family = keys[g][3]
        if len(members) < 2 or family == "rank":
            continue   # nothing to compare with; ranks compare by their spans alone
        rows = []
        for position, c in enumerate(members):
            if c.period_kind == "cumulative":
                if c.as_of:
                    starts.setdefault((g, c.period_start), []).append(c)
            else:
                start, end = c.period_start, c.period_end
                period = (g, c.period_kind, start, end,
                          (c.as_of or "")[:7] if start is None and end is None else None)
                bucket = same.get(period)
                if bucket is None:
                    same[period] = [c]
                else:
                    bucket.append(c)
            year = _flow_year(c)
            if year is not None:
                v = _amount_in(c, family)
                if v:
                    rows.append((year, c.claim_id, position, c, v))
        if len(rows) > 1:
            rows.sort()
            flows_of[g] = rows
    pairs_of: dict = {}
    for period, bucket in same.items():   # in the order of each group's periods' first claims
        if len(bucket) > 1:
            pairs_of.setdefault(period[0], []).extend(itertools.combinations(bucket, 2))
    for (g, _), chain in starts.items():
        if len(chain) > 1:
            chain.sort(key=lambda c: (c.as_of, c.claim_id))
            pairs_of.setdefault(g, []).extend(zip(chain, chain[1:]))
    return keys, groups, pairs_of, flows_of


CLAIM_CONFLICT_KINDS = ("value", "outlier", "rank")


def conflicts_of(relations: Iterable[Relation]) -> list:
    """The relations that are conflicts, as Conflict records: one disagreement is one conflict, so
    figures that agree with each other (the same figure told by two sources) stand on one side of it."""
    relations = list(relations)
    side = _agreeing_sides(relations)
    out: list = []
    found: dict = {}
    for r in relations:
        if r.kind not in CLAIM_CONFLICT_KINDS:
            continue
        a, b = side.get(r.claim_a, r.claim_a), side.get(r.claim_b, r.claim_b)
        key = (r.kind, frozenset((a, b))) if a != b else (r.kind, r.claim_a, r.claim_b)
        conflict = found.get(key)
        if conflict is None:
            conflict = found[key] = Conflict(conflict_id=stable_id("k", r.kind, r.claim_a, r.claim_b), kind=r.kind,
                                             explanation=r.explanation, claim_ids=[r.claim_a, r.claim_b])
            out.append(conflict)
        else:
            conflict.claim_ids.extend(c for c in (r.claim_a, r.claim_b) if c not in conflict.claim_ids)
    return out


def _agreeing_sides(relations: list) -> dict:
    """claim id -> one representative of the claims it agrees with, directly or through others."""
    parent: dict = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for r in relations:
        if r.kind == "agree":
            ra, rb = root(r.claim_a), root(r.claim_b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {x: root(x) for x in list(parent)}


def claim_conflicts(claims: Iterable[Claim]) -> list:
    """Every conflict among claims, compared within their groups."""
    return conflicts_of(claim_relations(claims))
