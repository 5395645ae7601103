"""A pair's events beside an imported dataset's, as geometry for a server-drawn SVG: the record's events
on one row, the dataset's on another, a line between counterparts (dashed for a retrospective, where
the dataset dates an old event by the report that recalls it). The template escapes every label."""
from __future__ import annotations

import math
from typing import Optional

from ..store_external import ExternalStore
from .chart import nice_ticks
from .records import safe_href

WIDTH, HEIGHT = 720, 170
LEFT, RIGHT, OWN_Y, EXT_Y, AXIS_Y = 84, 16, 40, 110, 140
MAX_LONE = 300   # more external events without a counterpart than this are drawn a circle a month
COLOURS = {"match": "#059669", "retrospective": "#d97706", "own only": "#7a848e", "external only": "#c62828"}


def year_of(date: Optional[str]) -> Optional[float]:
    """A partial ISO date as a fractional year (a year alone sits mid-year, a month mid-month)."""
    if not date or not date[:4].isdigit():
        return None
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else 6.5
    day = int(date[8:10]) if len(date) >= 10 and date[8:10].isdigit() else 15
    return year + (month - 1 + (day - 0.5) / 31) / 12


def compare_chart(c) -> Optional[dict]:
    """The geometry of one Comparison; None when neither side has a dated event."""
    kind_of = {}
    for k in c.counterparts:
        kind_of[("own", k.event_id)] = k.kind
        kind_of[("ext", k.external_id)] = k.kind
    items = [("own", r, kind_of.get(("own", r.id), "own only")) for r in c.own] + \
            [("ext", r, kind_of.get(("ext", r.id), "external only")) for r in c.external]
    placed = [(side, r, kind, year_of(r.date)) for side, r, kind in items if year_of(r.date) is not None]
    if not placed:
        return None
    years = [t for *_, t in placed]
    ticks = [t for t in nice_ticks(math.floor(min(years)), math.ceil(max(years)) + 1, 8) if t == int(t)]
    x0, x1 = ticks[0], max(ticks[-1], ticks[0] + 1)

    def px(t: float) -> float:
        return round(LEFT + (t - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT), 1)

    where, points = {}, []
    lone = [p for p in placed if p[2] == "external only"]
    if len(lone) > MAX_LONE:   # a large import: the dataset's unmatched events as one circle a month
        placed = [p for p in placed if p[2] != "external only"]
        points += _monthly(lone, px, c.dataset.upper())
    for side, r, kind, t in placed:
        x, y = px(t), OWN_Y if side == "own" else EXT_Y
        where[(side, r.id)] = (x, y)
        href = f"/events/{r.id}" if side == "own" else safe_href(r.url)
        points.append({"x": x, "y": y, "side": side, "kind": kind, "id": r.id, "href": href, "r": 5,
                       "fill": COLOURS[kind] if kind in ("match", "retrospective") else "#fff",
                       "stroke": COLOURS[kind], "title": f"{r.date} {r.label} ({kind})"})
    links = []
    for k in c.counterparts:
        a, b = where.get(("own", k.event_id)), where.get(("ext", k.external_id))
        if a and b:
            links.append({"x1": a[0], "y1": a[1], "x2": b[0], "y2": b[1], "kind": k.kind,
                          "stroke": COLOURS[k.kind], "dash": "5 4" if k.kind == "retrospective" else None,
                          "title": k.explanation})
    return {"dataset": c.dataset, "label": c.dataset.upper(), "width": WIDTH, "height": HEIGHT, "left": LEFT,
            "right": WIDTH - RIGHT, "own_y": OWN_Y, "ext_y": EXT_Y, "axis_y": AXIS_Y, "points": points,
            "links": links, "xticks": [{"x": px(t), "label": str(int(t))} for t in ticks],
            "counts": {"match": sum(k.kind == "match" for k in c.counterparts),
                       "retrospective": sum(k.kind == "retrospective" for k in c.counterparts),
                       "own only": len(c.own_only), "external only": len(c.external_only)},
            "colours": COLOURS}


def _monthly(lone: list, px, label: str) -> list:
    """One circle a month for many external events, its area growing with their number."""
    months: dict = {}
    for _, r, _, t in lone:
        months.setdefault((r.date or "")[:7], []).append(t)
    return [{"x": px(sum(ts) / len(ts)), "y": EXT_Y, "side": "ext", "kind": "external only", "id": month,
             "href": None, "r": round(min(12.0, 3 + math.log2(len(ts))), 1), "fill": "#fff",
             "stroke": COLOURS["external only"], "title": f"{len(ts)} events only in {label}, {month}"}
            for month, ts in sorted(months.items())]


def compare_charts(corpus, codes: list, start: Optional[str], end: Optional[str]) -> list:
    """One chart per dataset imported for the pair (none when nothing is imported)."""
    key = "|".join(sorted(codes))
    charts = []
    for dataset in ExternalStore(corpus.store).datasets(key):
        chart = compare_chart(corpus.compare(codes, dataset, start, end))
        if chart:
            charts.append(chart)
    return charts
