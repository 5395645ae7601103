"""Outliers: a flow two orders of magnitude from its comparable peers' median within three years (the
likely typo of a scale word). Two forms decide alike: a direct one for small groups and an indexed one
that sorts each year's window once for large ones."""
from __future__ import annotations

import bisect
import itertools
from typing import Optional

from ..model import Claim
from .figures import amount, amount_in, claim_label, describe, months_long, time_span


OUTLIER_RATIO = 100.0


def flow_year(c: Claim) -> Optional[int]:
    """The year of a comparable flow (at most a year long, or annual), else None."""
    if c.period_basis == "document":
        return None   # a flow the text gave no time: no year to weigh it against its peers by
    if c.period_kind == "annual":
        span = time_span(c)
        return int(span[0]) if span else None
    if c.period_kind != "flow":
        return None
    months = months_long(c)
    if months is None or months > 12:
        return None
    return int(c.period_start[:4])


def outliers(rows: list, family: str, indexed: int = 48) -> list:
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
        v, w = amount_in(c, family), amount_in(peer, family)
        small, large = (c, peer) if v < w else (peer, c)
        r = max(v, w) / min(v, w)
        out.append((c, peer, f"{describe(small)} is about 1/{round(r):,} of {describe(large)} for "
                              f"{claim_label(c)}; a figure that far from comparable ones is likely a typo (a scale "
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
        mid = median([amounts[j] for j in peers])
        if mid == 0 or not _far(amounts[k], mid):
            continue   # (a zero median: figures of both signs around it, no ratio to speak of)
        peer = _nearest_far(flows, amounts, k, peers)
        if peer is not None:
            out.append((c, peer))
    return out


def median(values: list):
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
                if p is not c and abs(py - y) <= 3 and _far(v, amount(p))]
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
