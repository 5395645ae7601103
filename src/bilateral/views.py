"""Shapes the store's records take in listings: the grouped claims ledger and readable figures."""
from __future__ import annotations

from typing import Optional

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def fmt_value(value: Optional[float], unit: Optional[str]) -> str:
    """1.5e9, "USD" -> "1.5 billion USD"; 4210, "people" -> "4,210 people"."""
    if value is None:
        return "?"
    for size, word in SCALES:
        if abs(value) >= size:
            n = value / size
            text = f"{n:,.2f}".rstrip("0").rstrip(".") + f" {word}"
            break
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}" if unit else text


def fmt_claim(c) -> str:
    """A claim's figure or rank as a person writes it."""
    if c.rank is not None and c.value is None:
        return f"rank {c.rank}" + (f" (after {c.rank_group})" if c.rank_group else "")
    return fmt_value(c.value, c.unit)


def fmt_period(c) -> str:
    if c.period_start and c.period_end and c.period_start != c.period_end:
        return f"{c.period_start}–{c.period_end}"
    return c.period_start or c.period_end or ""


def ledger(claims: list, flagged: dict, relations: list = ()) -> list:
    """Claims grouped by metric, direction and scope, oldest as-of first, with range, latest figure and
    what reconciliation decided inside the group (agreements, updates, conflicts)."""
    decided: dict = {}
    for r in relations:
        decided.setdefault(r.claim_a, []).append(r)
    groups: dict = {}
    for c in claims:
        key = (c.metric, c.subject, c.object, c.scope)
        groups.setdefault(key, []).append(c)
    out = []
    for (metric, subject, obj, scope), items in sorted(groups.items(), key=lambda kv: tuple(x or "" for x in kv[0])):
        items.sort(key=lambda c: (c.as_of or "9999", c.claim_id))
        values = [c for c in items if c.value is not None]
        if values:
            lo = min(values, key=lambda c: c.value)
            hi = max(values, key=lambda c: c.value)
            rng = fmt_claim(lo) if lo is hi else f"{fmt_claim(lo)} – {fmt_claim(hi)}"
        else:
            ranks = sorted({c.rank for c in items if c.rank is not None})
            rng = ", ".join(f"rank {r}" for r in ranks)
        latest = items[-1]
        title = f"{metric}  {subject or '?'} → {obj or '?'}" + (f"  ({scope})" if scope else "")
        rows = [{"as_of": c.as_of, "figure": fmt_claim(c), "qualifier": c.qualifier, "period": fmt_period(c),
                 "kind": c.period_kind, "scope": c.scope, "conflict": flagged.get(c.claim_id), "text": c.text,
                 "claim_id": c.claim_id, "doc_id": c.doc_id} for c in items]
        ids = {c.claim_id for c in items}
        inside = [r for cid in sorted(ids) for r in decided.get(cid, []) if r.claim_b in ids]
        counts = {k: sum(r.kind == k for r in inside) for k in ("agree", "update", "value", "outlier", "rank")}
        out.append({"title": title, "metric": metric, "subject": subject, "object": obj, "scope": scope,
                    "range": rng, "latest": f"{fmt_claim(latest)} as of {latest.as_of or '?'}", "rows": rows,
                    "decisions": {k: v for k, v in counts.items() if v},
                    "relations": [r.to_dict() for r in inside]})
    return out
