"""Conflicts between merged events: an act announced for one date and done at another, and one
one-time act that two sources date differently."""
from __future__ import annotations

import bisect

from ..extract.cameo import SYMMETRIC
from ..model import Conflict, Event, stable_id
from ..store import pair_key

# Acts that happen once for a given pair and object: two dates for one of them cannot both hold.
ONE_TIME = {"begin", "establish", "found", "inaugurate", "start", "launch", "sever", "open"}


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
    """The conflicts inside one (CAMEO code, topic) block.

    The code is the block's, so whether two of its events are the same act depends on their actors
    alone: the same ordered pair, or either order for a symmetric code. Events are indexed by that
    key, so a plan meets only the reports of its own act and a one-time act only its own repeats."""
    out = []
    actors = _unordered if events[0].cameo in SYMMETRIC else _ordered
    done_all = sorted((e for e in events if e.modality == "asserted"), key=lambda e: (e.date, e.event_id))
    plans = [e for e in events if e.modality in ("planned", "intended")]
    done_by: dict = {}
    if plans:
        for e in done_all:
            done_by.setdefault(actors(e), []).append(e)
    dates_by: dict = {}
    for p in plans:
        key = actors(p)
        done = done_by.get(key, ())
        if not done:
            continue
        dates = dates_by.get(key)
        if dates is None:
            dates = dates_by[key] = [e.date for e in done]
        # the plan is measured against the first report of the act at or after its announced date
        start = bisect.bisect_left(dates, p.date[:4])
        if start == len(done) or any(_agree(p.date, d) for d in dates[start:start + 3]):
            continue   # never reported done, or done when announced
        at = bisect.bisect_left(dates, p.date, start)
        if at == len(done):
            continue
        d = done[at]
        k = Conflict(conflict_id=stable_id("k", "plan_vs_fact", p.event_id, d.event_id), kind="plan_vs_fact",
                     explanation=f"Announced for {p.date} but reported done in {d.date}: "
                                 f"{p.summary} / {d.summary}", event_ids=[p.event_id, d.event_id])
        out.append((pair_key(p.source.code, p.target.code), k))
    once = [e for e in done_all if e.trigger in ONE_TIME and e.date_basis in ("explicit", "relative")]
    same: dict = {}   # (trigger, actors) -> that act's one-time reports, in `once` order
    after = []        # per report of `once`: the later reports of the same act
    for e in once:
        peers = same.setdefault((e.trigger, actors(e)), [])
        after.append((peers, len(peers) + 1))
        peers.append(e)
    found = []
    for a, (peers, start) in zip(once, after):
        for b in peers[start:]:
            if _agree(a.date, b.date) or _docs(a) & _docs(b):
                continue
            k = Conflict(conflict_id=stable_id("k", "date", a.event_id, b.event_id), kind="date",
                         explanation=f"One source dates it {a.date}, another {b.date}: {a.summary} / {b.summary}",
                         event_ids=[a.event_id, b.event_id])
            found.append((pair_key(a.source.code, a.target.code), k))
    return out + found


def _ordered(e: Event) -> tuple:
    return (e.source.code, e.target.code)


def _unordered(e: Event) -> frozenset:
    return frozenset((e.source.code, e.target.code))
