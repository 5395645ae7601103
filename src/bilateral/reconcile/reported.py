"""Acts of force a report tells without a date of their own: the report's day is only the latest they can
have happened, so such an act is the one of that pair another report dates in the days before."""
from __future__ import annotations

import datetime
from typing import Optional

# How many days before its report an undated act of force may have happened (a wire tells a raid of
# Sunday night on Monday or Tuesday).
REPORT_LAG_DAYS = 3
FORCE = ("18", "19", "20")


def day_of(date: Optional[str]) -> Optional[datetime.date]:
    """The day of a full ISO date, or None for a month, a year or no date."""
    try:
        return datetime.date.fromisoformat(date) if date and len(date) == 10 else None
    except ValueError:
        return None


def reported_force(clusters: list) -> list:
    """Join each cluster of acts of force dated only by their report to the one cluster of the same
    parties and type, from other reports, dated by the text in the days before; left alone when there is
    no such cluster or more than one."""
    dated: dict = {}
    for k, cluster in enumerate(clusters):
        first = cluster[0]
        day = day_of(first.date)
        if day and _force(first) and any(m.date_basis in ("explicit", "relative") for m in cluster):
            dated.setdefault((frozenset((first.source.code, first.target.code)), first.event_type), []).append((day, k))
    if not dated:
        return clusters
    joined: dict = {}
    for k, cluster in enumerate(clusters):
        first = cluster[0]
        day = day_of(first.date)
        if not day or not all(_force(m) and m.date_basis == "inferred" and m.date == first.date for m in cluster):
            continue
        docs = {m.mentions[0].doc_id for m in cluster}
        homes = [h for d, h in dated.get((frozenset((first.source.code, first.target.code)), first.event_type), [])
                 if 0 < (day - d).days <= REPORT_LAG_DAYS
                 and docs.isdisjoint(m.mentions[0].doc_id for m in clusters[h])]
        if len(homes) == 1:
            joined[k] = homes[0]
    for k, home in joined.items():
        clusters[home].extend(clusters[k])
    return [c for k, c in enumerate(clusters) if k not in joined]


def _force(e) -> bool:
    return (e.cameo or "")[:2] in FORCE and e.modality == "asserted" and e.aspect != "ongoing"
