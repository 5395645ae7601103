"""Conflicts between merged events: an act announced for one date and done at another, and one
one-time act that two sources date differently."""
from __future__ import annotations

import itertools

from ..extract.events import SYMMETRIC
from ..model import Conflict, Event, stable_id
from ..store import pair_key

# Acts that happen once for a given pair and object: two dates for one of them cannot both hold.
ONE_TIME = {"begin", "establish", "found", "inaugurate", "start", "launch", "sever", "open"}


def _same_act(a: Event, b: Event) -> bool:
    """The same kind of act between the same actors on the same object."""
    if a.cameo != b.cameo or a.topic is None or a.topic != b.topic:
        return False
    if {a.source.code, a.target.code} != {b.source.code, b.target.code}:
        return False
    return (a.source.code, a.target.code) == (b.source.code, b.target.code) or a.cameo in SYMMETRIC


def _agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _docs(e: Event) -> set:
    return {m.doc_id for m in e.mentions}


def event_conflicts(events: list) -> list:
    """(pair, Conflict) for plans done at another time and for one-time acts dated twice."""
    out = []
    dated = [e for e in events if e.date]
    planned = [e for e in dated if e.modality in ("planned", "intended")]
    done = [e for e in dated if e.modality == "asserted"]
    for p in planned:
        for d in done:
            if not _same_act(p, d) or _agree(p.date, d.date) or d.date < p.date:
                continue
            k = Conflict(conflict_id=stable_id("k", "plan_vs_fact", p.event_id, d.event_id), kind="plan_vs_fact",
                         explanation=f"Announced for {p.date} but reported done in {d.date}: "
                                     f"{p.summary} / {d.summary}", event_ids=[p.event_id, d.event_id])
            out.append((pair_key(p.source.code, p.target.code), k))
    once = [e for e in done if e.trigger in ONE_TIME and e.date_basis in ("explicit", "relative")]
    for a, b in itertools.combinations(once, 2):
        if a.trigger != b.trigger or not _same_act(a, b) or _agree(a.date, b.date) or _docs(a) & _docs(b):
            continue
        k = Conflict(conflict_id=stable_id("k", "date", a.event_id, b.event_id), kind="date",
                     explanation=f"One source dates it {a.date}, another {b.date}: {a.summary} / {b.summary}",
                     event_ids=[a.event_id, b.event_id])
        out.append((pair_key(a.source.code, a.target.code), k))
    return out
