"""Conflicts between merged events: an act announced for one date and done at another, and one
one-time act that two sources date differently."""
from __future__ import annotations

import bisect
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
    """(pair, Conflict) for plans done at another time and for one-time acts dated twice.

    Only events of the same act on the same object can conflict, so they are compared inside blocks
    of (CAMEO code, topic): the work grows with the blocks, not with the square of a pair's events."""
    blocks: dict = {}
    for e in events:
        if e.date and e.topic is not None:
            blocks.setdefault((e.cameo, e.topic), []).append(e)
    out = []
    for block in blocks.values():
        out.extend(_block_conflicts(block))
    return out


def _block_conflicts(events: list) -> list:
    out = []
    planned = [e for e in events if e.modality in ("planned", "intended")]
    done = sorted((e for e in events if e.modality == "asserted"), key=lambda e: (e.date, e.event_id))
    dates = [e.date for e in done]
    for p in planned:
        # the plan is measured against the first report of the act at or after its announced date
        later = [d for d in done[bisect.bisect_left(dates, p.date[:4]):] if _same_act(p, d)]
        if not later or any(_agree(p.date, d.date) for d in later[:3]):
            continue   # never reported done, or done when announced
        d = next((d for d in later if d.date >= p.date), None)
        if d is None:
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
