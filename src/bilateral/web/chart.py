"""Each metric's figures over time by source, as geometry for a server-drawn SVG (no script, no chart library).

The template draws what `metric_chart` returns; every label in it is escaped there.
"""
from __future__ import annotations

import math
from typing import Optional

from ..views import fmt_claim, fmt_value

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 84, 16, 16, 36
PALETTE = ("#1f6feb", "#d97706", "#059669", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#b45309", "#4b5563")


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


def metric_chart(metric: str, claims: list, flagged: dict, titles: dict, links: dict) -> Optional[dict]:
    """Points (one per claim with a value and a date), lines per source document, axes and legend.

    Money is drawn in USD where every point has a USD value; otherwise in the claims' own unit
    when they share one. Returns None when nothing can be placed."""
    usable = [c for c in claims if c.value is not None and claim_time(c) is not None]
    if not usable:
        return None
    if all(c.value_usd is not None for c in usable):
        unit, value = "USD", (lambda c: c.value_usd)
    else:
        units = {c.unit for c in usable}
        main = max(units, key=lambda u: (sum(1 for c in usable if c.unit == u), u or ""))
        usable = [c for c in usable if c.unit == main]
        unit, value = main, (lambda c: c.value)
    xs = [claim_time(c) for c in usable]
    ys = [value(c) for c in usable]
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

    docs = sorted({c.doc_id for c in usable}, key=lambda d: (titles.get(d) or d))
    colour = {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(docs)}
    series = []
    for d in docs:
        pts = sorted(((claim_time(c), value(c), c) for c in usable if c.doc_id == d), key=lambda p: p[0])
        points = [{"x": px(t), "y": py(v), "claim_id": c.claim_id, "conflict": flagged.get(c.claim_id),
                   "label": f"{fmt_claim(c)} as of {c.as_of or '?'} — {titles.get(d) or d}",
                   "link": links.get(c.claim_id)} for t, v, c in pts]
        series.append({"doc_id": d, "title": titles.get(d) or d, "colour": colour[d], "points": points,
                       "path": " ".join(f"{p['x']},{p['y']}" for p in points)})
    step = max(1, math.ceil((x1 - x0) / 10))
    xticks = [{"x": px(y), "label": str(y)} for y in range(x0, x1 + 1, step)]
    yticks = [{"y": py(v), "label": fmt_value(v, None)} for v in yt]
    return {"metric": metric, "unit": unit or "", "width": WIDTH, "height": HEIGHT, "left": LEFT,
            "right": WIDTH - RIGHT, "top": TOP, "bottom": HEIGHT - BOTTOM, "xticks": xticks, "yticks": yticks,
            "series": series, "n_points": sum(len(s["points"]) for s in series),
            "n_conflicts": sum(1 for s in series for p in s["points"] if p["conflict"])}
