"""Merge mentions of the same real-world event, within and across documents.

Two mentions are one event when they join the same actors by the same kind of
act, in the same mood, at dates that agree to their shared precision.  Merging
is complete-link (a mention joins a cluster only if it fits every member), so a
vague "1945" never bridges "March 1945" and "October 1945".
"""
from __future__ import annotations

from ..model import Event
from ..extract.events import SYMMETRIC


def _dates_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return a.startswith(b) or b.startswith(a)


def _mood(e: Event) -> str:
    return "future" if e.modality in ("planned", "intended") else e.modality


def same_event(a: Event, b: Event) -> bool:
    """Whether two single-mention events report the same act."""
    if a.event_type != b.event_type or _mood(a) != _mood(b):
        return False
    if {a.source.code, a.target.code} != {b.source.code, b.target.code}:
        return False
    if (a.source.code, a.target.code) != (b.source.code, b.target.code) and not (
            a.cameo in SYMMETRIC and b.cameo in SYMMETRIC):
        return False
    same_doc = a.mentions[0].doc_id == b.mentions[0].doc_id
    codes_match = (a.cameo or "")[:3] == (b.cameo or "")[:3] if same_doc else (a.cameo or "")[:2] == (b.cameo or "")[:2]
    if not codes_match:
        return False
    if a.date is None and b.date is None:
        return a.cameo == b.cameo and a.trigger == b.trigger
    return _dates_agree(a.date, b.date)


def merge_events(mentions: list) -> tuple:
    """Cluster single-mention events; returns (merged events, [(event_id, mention_id)])."""
    clusters: list = []
    blocks: dict = {}   # only mentions of the same actors, type, mood and year can be one event
    for m in mentions:
        key = (frozenset((m.source.code, m.target.code)), m.event_type, _mood(m),
               m.date[:4] if m.date else (None, m.trigger))
        for cluster in blocks.get(key, ()):
            if all(same_event(m, other) for other in cluster):
                cluster.append(m)
                break
        else:
            clusters.append([m])
            blocks.setdefault(key, []).append(clusters[-1])
    events, members = [], []
    for cluster in clusters:
        events.append(_combine(cluster))
        members.extend((cluster[0].event_id, m.event_id) for m in cluster)
    return events, members


def _combine(cluster: list) -> Event:
    """One event from its mentions: the first mention's actors, the most precise date, every passage."""
    first = cluster[0]
    dated = [m for m in cluster if m.date]
    best = max(dated, key=lambda m: (len(m.date), m.date_basis == "explicit")) if dated else first
    mentions, seen = [], set()
    for m in cluster:
        for x in m.mentions:
            key = (x.doc_id, x.char_start, x.char_end)
            if key not in seen:
                seen.add(key)
                mentions.append(x)
    date_end = next((m.date_end for m in cluster if m.date_end), None)
    return Event(
        event_id=first.event_id, source=first.source, target=first.target, event_type=first.event_type,
        modality=first.modality, date=best.date, date_end=date_end, date_basis=best.date_basis,
        mode=first.mode, context=first.context, cameo=first.cameo, quad=first.quad, goldstein=first.goldstein,
        summary=best.summary, mentions=mentions, trigger=first.trigger, topic=first.topic,
    )
