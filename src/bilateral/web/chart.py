"""Figures over time as geometry for server-drawn SVG (no chart library): one chart per metric and period kind.

A line joins only figures of one document that measure the same thing (metric, fine metric, period
kind), so a loan never runs into a total; "more than" and "at most" are drawn as bounds (a triangle
pointing the open way) and ranges as whiskers. With many points the chart shows one mark per source
and year (median, and the span of the figures). The legend groups points by source (outlet, else the
document) and names at most `MAX_LEGEND` of them. The template escapes every label.
"""
from __future__ import annotations

import math
import statistics
from typing import Callable, Optional

from ..views import fmt_claim, fmt_value

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 84, 16, 16, 36
PALETTE = ("#1f5fbf", "#b45309", "#047857", "#6d28d9", "#be185d", "#0e7490", "#4d7c0f", "#9f1239")
OTHER = "#6b7280"
MAX_LEGEND = len(PALETTE)
AGGREGATE_ABOVE = 60
LOWER_BOUNDS = ("more_than", "at_least")
UPPER_BOUNDS = ("less_than", "at_most")


def claim_time(c) -> Optional[float]:
    """Where a claim sits on the time axis (fractional year): as-of, else the period's end or start."""
    d = c.as_of or c.period_end or c.period_start
    if not d or not d[:4].isdigit():
        return None
    month = int(d[5:7]) if len(d) >= 7 and d[5:7].isdigit() else 6
    return int(d[:4]) + (month - 0.5) / 12


def nice_ticks(lo: float, hi: float, n: int = 5) -> list:
    """Round tick values covering [lo, hi]."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / max(n, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks = [round(start, 10)]
    while ticks[-1] < hi - step * 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _unit_and_value(usable: list) -> tuple:
    """Money in USD when every point has a USD value; otherwise the claims' most common unit."""
    if all(c.value_usd is not None for c in usable):
        return "USD", usable, (lambda c: c.value_usd), (lambda c, x: x * (c.value_usd / c.value) if c.value else None)
    units = {c.unit for c in usable}
    main = max(units, key=lambda u: (sum(1 for c in usable if c.unit == u), u or ""))
    return main, [c for c in usable if c.unit == main], (lambda c: c.value), (lambda c, x: x)


def _shape(c) -> str:
    if c.qualifier in LOWER_BOUNDS:
        return "lower"
    if c.qualifier in UPPER_BOUNDS:
        return "upper"
    return "approx" if c.qualifier == "approximate" else "exact"


def sources_of(claims: list, meta: dict) -> tuple:
    """(claim doc -> source name, legend [{name, colour, n}], colour of a source): the busiest sources first,
    those past the cap sharing one grey entry."""
    def name(doc_id):
        m = meta.get(doc_id)
        return (m and (m[4] or m[0])) or doc_id
    counts: dict = {}
    for c in claims:
        counts[name(c.doc_id)] = counts.get(name(c.doc_id), 0) + 1
    ranked = sorted(counts, key=lambda s: (-counts[s], s))
    colour = {s: PALETTE[i] if i < MAX_LEGEND else OTHER for i, s in enumerate(ranked)}
    legend = [{"name": s, "colour": colour[s], "n": counts[s]} for s in ranked[:MAX_LEGEND]]
    rest = ranked[MAX_LEGEND:]
    if rest:
        legend.append({"name": f"{len(rest)} other sources", "colour": OTHER, "n": sum(counts[s] for s in rest)})
    return name, legend, colour


def metric_charts(claims: list, flagged: dict, meta: dict, links: dict,
                  more_link: Callable[[str, int], str] = lambda metric, year: "", draw: Optional[int] = None) -> list:
    """One chart per (metric, period kind) that has dated figures, in metric order. With `draw`, only the
    `draw` charts with most points get their geometry; the others are named with their count (`drawn`
    False), so a busy pair does not pay for charts its page only lists."""
    groups: dict = {}
    for c in claims:
        if c.value is not None and claim_time(c) is not None:
            groups.setdefault((c.metric, c.period_kind or "unspecified"), []).append(c)
    ordered = sorted(groups.items())
    sizes = [len(_unit_and_value(items)[1]) for _, items in ordered]
    chosen = set(sorted(range(len(ordered)), key=lambda i: -sizes[i])[:draw]) if draw is not None else None
    out = []
    for i, ((metric, kind), items) in enumerate(ordered):
        if chosen is not None and i not in chosen:
            out.append({"metric": metric, "kind": kind, "id": f"chart-{metric}-{kind}", "n_points": sizes[i],
                        "drawn": False})
            continue
        ch = metric_chart(metric, kind, items, flagged, meta, links, more_link)
        if ch:
            out.append(ch)
    return out


def metric_chart(metric: str, kind: str, claims: list, flagged: dict, meta: dict, links: dict,
                 more_link: Callable[[str, int], str] = lambda metric, year: "") -> Optional[dict]:
    """Axes, marks, lines and legend of one metric's figures of one period kind."""
    usable = [c for c in claims if c.value is not None and claim_time(c) is not None]
    if not usable:
        return None
    unit, usable, value, scale = _unit_and_value(usable)
    xs = [claim_time(c) for c in usable]
    ys = [value(c) for c in usable]
    for c in usable:
        for b in (c.low, c.high):
            if b is not None and scale(c, b) is not None:
                ys.append(scale(c, b))
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs))
    if x1 - x0 < 2:
        x0, x1 = x0 - 1, x1 + 1
    yt = nice_ticks(min(0.0, min(ys)), max(ys) if max(ys) > 0 else 1.0)
    y0, y1 = yt[0], yt[-1]
    pw, ph = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(x: float) -> float:
        return round(LEFT + (x - x0) / (x1 - x0) * pw, 1)

    def py(y: float) -> float:
        return round(TOP + ph - (y - y0) / (y1 - y0) * ph, 1)

    source, legend, colour = sources_of(usable, meta)
    aggregated = len(usable) > AGGREGATE_ABOVE
    marks, lines = [], []
    if aggregated:
        cells: dict = {}
        for c in usable:
            cells.setdefault((int(claim_time(c)), source(c.doc_id)), []).append(c)
        for (year, src), cs in sorted(cells.items()):
            vals = sorted(value(c) for c in cs)
            n_conf = sum(1 for c in cs if flagged.get(c.claim_id))
            marks.append({"x": px(year + 0.5), "y": py(statistics.median(vals)), "y_lo": py(vals[0]),
                          "y_hi": py(vals[-1]), "shape": "aggregate", "colour": colour[src], "n": len(cs),
                          "conflict": "value" if n_conf else None, "claim_id": None, "link": more_link(metric, year),
                          "label": f"{len(cs)} figures in {year} from {src}: median {fmt_value(statistics.median(vals), unit)}"
                                   f", {fmt_value(vals[0], unit)} to {fmt_value(vals[-1], unit)}"})
    else:
        for c in sorted(usable, key=lambda c: (claim_time(c), c.claim_id)):
            lo = scale(c, c.low) if c.low is not None else None
            hi = scale(c, c.high) if c.high is not None else None
            marks.append({"x": px(claim_time(c)), "y": py(value(c)), "y_lo": py(lo) if lo is not None else None,
                          "y_hi": py(hi) if hi is not None else None, "shape": _shape(c),
                          "colour": colour[source(c.doc_id)], "claim_id": c.claim_id, "n": 1,
                          "conflict": flagged.get(c.claim_id), "link": links.get(c.claim_id),
                          "label": f"{c.qualifier.replace('_', ' ') + ' ' if c.qualifier != 'exact' else ''}"
                                   f"{fmt_claim(c)} as of {c.as_of or '?'} ({c.fine_metric or metric}, {kind}) — "
                                   f"{source(c.doc_id)}"})
        series: dict = {}
        for c in usable:
            series.setdefault((c.doc_id, c.fine_metric or metric), []).append(c)
        for (doc_id, _), cs in sorted(series.items()):
            if len(cs) > 1:
                cs.sort(key=claim_time)
                lines.append({"colour": colour[source(doc_id)],
                              "path": " ".join(f"{px(claim_time(c))},{py(value(c))}" for c in cs)})
    step = max(1, math.ceil((x1 - x0) / 8))
    xticks = [{"x": px(y), "label": str(y)} for y in range(x0, x1 + 1, step)]
    yticks = [{"y": py(v), "label": fmt_value(v, None)} for v in yt]
    kinds = {m["shape"] for m in marks}
    return {"metric": metric, "kind": kind, "id": f"chart-{metric}-{kind}", "unit": unit or "",
            "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT, "top": TOP,
            "bottom": HEIGHT - BOTTOM, "xticks": xticks, "yticks": yticks, "marks": marks, "lines": lines,
            "legend": legend, "aggregated": aggregated, "shapes": sorted(kinds), "n_points": len(usable),
            "n_conflicts": sum(1 for m in marks if m["conflict"]), "drawn": True}
