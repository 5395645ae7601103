"""Events over time: counts by month (by year over long spans) and quad class as stacked bars, and the data
the visual timeline draws. Geometry only; the template escapes every label."""
from __future__ import annotations

import calendar
from .chart import nice_ticks
from .filters import QUADS

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 32
CLASSES = QUADS + ("none",)
MONTHLY_UP_TO_YEARS = 6
MAX_MARKS = 300


def _label(period: str) -> str:
    if len(period) == 7:
        return f"{calendar.month_abbr[int(period[5:])]} {period[:4]}"
    return period


def month_chart(rows: list) -> dict | None:
    """Stacked bars from (period, quad, count) rows; periods are YYYY-MM or YYYY (a date known to the year)."""
    if not rows:
        return None
    years = sorted({int(p[:4]) for p, _, _ in rows})
    monthly = years[-1] - years[0] < MONTHLY_UP_TO_YEARS
    bins: dict = {}
    year_only = 0
    for period, quad, n in rows:
        if monthly and len(period) < 7:
            year_only += n
            continue
        key = period if monthly else period[:4]
        bins.setdefault(key, {}).setdefault(quad, 0)
        bins[key][quad] += n
    if not bins:
        return None
    if monthly:
        first, last = min(bins), max(bins)
        y, m = int(first[:4]), int(first[5:])
        keys = []
        while f"{y:04d}-{m:02d}" <= last:
            keys.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        keys = [str(y) for y in range(int(min(bins)), int(max(bins)) + 1)]
    top = max(sum(b.values()) for b in bins.values())
    yt = nice_ticks(0, max(top, 1), 4)
    ph, pw = HEIGHT - TOP - BOTTOM, WIDTH - LEFT - RIGHT
    slot = pw / len(keys)
    bars = []
    for i, k in enumerate(keys):
        b = bins.get(k, {})
        base = 0
        for q in CLASSES:
            n = b.get(q, 0)
            if not n:
                continue
            y_hi = TOP + ph - (base + n) / yt[-1] * ph
            h = n / yt[-1] * ph
            w = min(max(slot * 0.8, 0.6), 40)
            bars.append({"x": round(LEFT + i * slot + (slot - w) / 2, 1), "w": round(w, 1),
                         "y": round(y_hi, 1), "h": round(h, 1), "quad": q, "n": n, "period": k,
                         "label": f"{_label(k)}: {n} {q.replace('_', ' ')}"})
            base += n
    every = max(1, round(len(keys) / 8))
    xticks = [{"x": round(LEFT + i * slot + slot / 2, 1), "label": _label(k) if monthly else k, "minor": (i // every) % 2 == 1}
              for i, k in enumerate(keys) if i % every == 0]
    yticks = [{"y": round(TOP + ph - v / yt[-1] * ph, 1), "label": f"{v:g}"} for v in yt]
    totals = {q: sum(b.get(q, 0) for b in bins.values()) for q in CLASSES}
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT, "top": TOP,
            "bottom": HEIGHT - BOTTOM, "bars": bars, "xticks": xticks, "yticks": yticks,
            "unit": "month" if monthly else "year", "year_only": year_only,
            "totals": {q: n for q, n in totals.items() if n}, "n": sum(totals.values())}


def timeline_data(marks: list, months: list, total_dated: int) -> dict:
    """What the visual timeline script draws: each event when few, else counts by month and class."""
    if total_dated <= MAX_MARKS:
        return {"mode": "events", "events": [
            {"id": m[0], "date": m[1], "end": m[2], "quad": m[3], "type": m[4], "modality": m[5], "summary": m[6]}
            for m in marks]}
    return {"mode": "counts", "counts": [{"period": p, "quad": q, "n": n} for p, q, n in months]}
