"""Each source's figures for one metric over time, conflicts marked: a chart analysts read faster than a table."""
from __future__ import annotations

from pathlib import Path

from .views import fmt_value


def _year(c) -> float | None:
    """Where a claim sits in time: its as-of date, else the end or start of its period."""
    d = c.as_of or c.period_end or c.period_start
    if not d:
        return None
    month = int(d[5:7]) if len(d) >= 7 else 6
    return int(d[:4]) + (month - 0.5) / 12


def plot_claims(claims: list, conflicts: list, titles: dict, out: str | Path, title: str = "") -> Path:
    """Write an SVG or PNG (by the file's suffix) of claims by source document; conflicting ones circled red."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = Path(out)
    if out.suffix.lower() not in (".svg", ".png"):
        raise ValueError(f"{out}: the chart is written as .svg or .png")
    flagged = {cid for k in conflicts for cid in k.claim_ids}
    money = any(c.value_usd is not None for c in claims)
    fig, ax = plt.subplots(figsize=(9, 4.8))
    by_doc: dict = {}
    for c in claims:
        y = c.value_usd if money else c.value
        x = _year(c)
        if y is None or x is None:
            continue
        by_doc.setdefault(c.doc_id, []).append((x, y, c))
    for doc_id, points in sorted(by_doc.items()):
        points.sort(key=lambda p: p[0])
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        ax.plot(xs, ys, marker="o", linestyle="-", label=(titles.get(doc_id) or doc_id)[:60])
        for x, y, c in points:
            if c.qualifier in ("more_than", "at_least"):
                ax.annotate("≥", (x, y), textcoords="offset points", xytext=(4, 4), fontsize=8)
            if c.claim_id in flagged:
                ax.scatter([x], [y], s=180, facecolors="none", edgecolors="red", linewidths=2, zorder=5)
    ax.set_yscale("log")
    ax.set_xlabel("as of")
    ax.set_ylabel("US dollars" if money else (claims[0].unit if claims else ""))
    ax.set_title(title)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: fmt_value(v, None)))
    if by_doc:
        ax.legend(fontsize=7, loc="best")
    ax.grid(True, alpha=0.3)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    plt.close(fig)
    return out
