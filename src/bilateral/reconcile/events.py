"""Conflicts between merged events: an act announced for one date and reported done at another."""
from __future__ import annotations

from ..model import Conflict, Event, stable_id
from ..store import pair_key


def event_conflicts(events: list) -> list:
    """(pair, Conflict) for each planned event that a later report says happened at another time."""
    out = []
    planned = [e for e in events if e.modality in ("planned", "intended") and e.date]
    done = [e for e in events if e.modality == "asserted" and e.date]
    for p in planned:
        for d in done:
            if p.cameo != d.cameo or {p.source.code, p.target.code} != {d.source.code, d.target.code}:
                continue
            if (p.topic or p.trigger) != (d.topic or d.trigger):
                continue
            if d.date.startswith(p.date) or p.date.startswith(d.date):
                continue
            k = Conflict(conflict_id=stable_id("k", "plan_vs_fact", p.event_id, d.event_id), kind="plan_vs_fact",
                         explanation=f"Announced for {p.date} ({p.summary}) but reported done in {d.date} "
                                     f"({d.summary}).", event_ids=[p.event_id, d.event_id])
            out.append((pair_key(p.source.code, p.target.code), k))
    return out

