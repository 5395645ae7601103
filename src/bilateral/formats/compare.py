"""The record of a pair beside an external dataset: which events both hold, which one alone, and by how
many days their dates differ.

Two events are counterparts when they join the same pair by acts of one type family and their dates
lie within a window (a date known to the month or year counts by its whole span). GDELT dates an event
by the article that reports it, so an article that recalls an old event ("the 65th anniversary of
relations") appears there as a new event: an external event with no counterpart is *retrospective*
when an own event of its pair and family is older than the window and is cited from a document
published within the window of the external date (or at the external event's URL).
"""
from __future__ import annotations

import datetime
from typing import Optional

from ..extract.cameo import coding
from ..model import Comparison, Counterpart, EventRef
from ..reconcile.merge import _span as day_span   # first and last day a partial ISO date covers

# PLOVER categories that event coders often tell apart differently (signing an agreement is AGREE to
# some, SUPPORT to CAMEO's 057; a boycott is SANCTION or COERCE) count as one family.
FAMILIES = {
    "AGREE": "diplomatic", "SUPPORT": "diplomatic", "CONSULT": "consult", "COOPERATE": "material",
    "AID": "material", "CONCEDE": "yield", "RETREAT": "yield", "REQUEST": "request", "ACCUSE": "disapprove",
    "REJECT": "disapprove", "THREATEN": "threaten", "PROTEST": "protest", "SANCTION": "sanction",
    "COERCE": "sanction", "MOBILIZE": "force", "ASSAULT": "force",
}
WINDOW_DAYS = 7


def family(event_type: Optional[str]) -> Optional[str]:
    return FAMILIES.get(event_type or "")


def _gap(a: Optional[str], b: Optional[str]) -> Optional[int]:
    """Days between two partial dates' spans (0 when they overlap), or None when one is unknown."""
    sa, sb = day_span(a), day_span(b)
    if sa is None or sb is None:
        return None
    return max(0, (max(sa[0], sb[0]) - min(sa[1], sb[1])).days)


def _within(date: Optional[str], start: Optional[str], end: Optional[str], slack: int = 0) -> bool:
    """Whether a partial date's span meets the period (partial dates too), widened by `slack` days."""
    if start is None and end is None:
        return True
    span = day_span(date)
    if span is None:
        return False
    first, last = day_span(start or "0001"), day_span(end or "9999")
    return span[1] >= first[0] - datetime.timedelta(days=slack) and span[0] <= last[1] + datetime.timedelta(days=slack)


def _label(e) -> str:
    """A short line for an event: its act (CAMEO name, else PLOVER category), who to whom, and its mood."""
    act = coding(e.cameo).name if e.cameo else (e.event_type or "?").title()
    mood = getattr(e, "modality", "asserted")
    return f"{act}: {e.source.code or e.source.name} → {e.target.code or e.target.name}" + (
        f" ({mood})" if mood != "asserted" else "")


def compare(pair: str, dataset: str, own: list, external: list, documents: dict, start: Optional[str] = None,
            end: Optional[str] = None, window: int = WINDOW_DAYS) -> Comparison:
    """Compare a pair's own events (all of them: retrospectives reach before the period) with the external
    events of the pair in the period. Without a start or end, the period is the one the external events
    span: an own event outside it could not have a counterpart. `documents` maps doc_id to (title, url,
    published)."""
    label = dataset.upper()
    dates = sorted(x.date for x in external if x.date)
    slack = 0
    if dates and (start is None or end is None):
        start, end, slack = start or dates[0], end or dates[-1], window
    in_period = [e for e in own if _within(e.date, start, end, slack)]
    by_family: dict = {}
    for e in own:
        by_family.setdefault(family(e.event_type), []).append(e)
    out = Comparison(pair, dataset, start, end, window)
    matched, cited = set(), set()
    for x in external:
        fam = family(x.event_type)
        if fam is None:
            out.uncategorised += 1
            continue
        out.external.append(EventRef(x.native_id, x.date, x.event_type, x.cameo, _label(x), x.url))
        best = _best_match(x, by_family.get(fam, []), window)
        retro = _retrospective(x, by_family.get(fam, []), documents, window)
        if best is not None and best[0].cameo != x.cameo and retro is not None and retro[0].cameo == x.cameo:
            best = None     # an older event of the very code, told in a report of that day, beats a near cousin
        if best is not None:
            e, gap = best
            matched.add(e.event_id)
            out.counterparts.append(Counterpart(
                "match", e.event_id, x.native_id, e.date, x.date, gap, e.event_type,
                f"{label} {x.native_id} dates it {x.date}, the record {e.date}: "
                + ("the same days." if gap == 0 else f"{gap} days apart, within {window}.")))
            continue
        if retro is not None:
            e, doc_id, days = retro
            cited.add(e.event_id)
            title, _, published = documents[doc_id]
            out.counterparts.append(Counterpart(
                "retrospective", e.event_id, x.native_id, e.date, x.date, days, e.event_type,
                f"{label} {x.native_id} dates it {x.date}, the date of the report “{title or doc_id}” "
                f"(published {published}), which tells of an event the record dates {e.date}: "
                f"{_years(days)} earlier."))
            continue
        out.external_only.append(x.native_id)
    refs = {e.event_id: e for e in in_period} | {e.event_id: e for e in own if e.event_id in cited | matched}
    out.own = [EventRef(e.event_id, e.date, e.event_type, e.cameo, _label(e)) for e in refs.values()]
    out.own.sort(key=lambda r: (r.date is None, r.date or "", r.id))
    out.own_only = [e.event_id for e in in_period if e.event_id not in matched]
    return out


def _best_match(x, candidates: list, window: int) -> Optional[tuple]:
    """The own event that best matches an external one within the window: the same CAMEO code first,
    then the nearest date, the more precise date (a year's span holds every day of it), the same direction."""
    best = None
    for e in candidates:
        gap = _gap(e.date, x.date)
        if gap is None or gap > window:
            continue
        first, last = day_span(e.date)
        key = (e.cameo != x.cameo, gap, (last - first).days,
               (e.source.code, e.target.code) != (x.source.code, x.target.code))
        if best is None or key < best[0]:
            best = (key, e, gap)
    return (best[1], best[2]) if best else None


def _retrospective(x, candidates: list, documents: dict, window: int) -> Optional[tuple]:
    """(own event, citing document, days between them) when the external event is a report of an older one."""
    x_span = day_span(x.date)
    if x_span is None:
        return None
    best = None
    for e in candidates:
        e_span = day_span(e.date)
        if e_span is None or (x_span[0] - e_span[1]).days <= window:
            continue
        for m in e.mentions:
            title, url, published = documents.get(m.doc_id, (None, None, None))
            same_url = bool(url and x.url and url == x.url)
            near = _gap(published, x.date)
            if not same_url and (near is None or near > window):
                continue
            key = (not same_url, near or 0, e.cameo != x.cameo)
            if best is None or key < best[0]:
                best = (key, e, m.doc_id, (x_span[0] - e_span[0]).days)
    return best[1:] if best else None


def _years(days: int) -> str:
    if days >= 365:
        return f"{days / 365.25:.1f} years ({days:,} days)"
    return f"{days} days"


def rows(c: Comparison) -> list:
    """One row per counterpart, own-only and external-only event, oldest first: for tables and CSV."""
    own = {r.id: r for r in c.own}
    ext = {r.id: r for r in c.external}
    out = []
    for k in c.counterparts:
        o, x = own.get(k.event_id), ext.get(k.external_id)
        out.append({"kind": k.kind, "type": k.event_type, "own_date": k.own_date, "external_date": k.external_date,
                    "days_apart": k.days_apart, "own": o.label if o else k.event_id,
                    "external": f"{k.external_id} {x.label}" if x else k.external_id, "explanation": k.explanation})
    for i in c.own_only:
        o = own[i]
        out.append({"kind": "own only", "type": o.event_type, "own_date": o.date, "external_date": None,
                    "days_apart": None, "own": o.label, "external": None, "explanation": ""})
    for i in c.external_only:
        x = ext[i]
        out.append({"kind": f"{c.dataset} only", "type": x.event_type, "own_date": None, "external_date": x.date,
                    "days_apart": None, "own": None, "external": f"{x.id} {x.label}", "explanation": ""})
    out.sort(key=lambda r: (r["own_date"] or r["external_date"] or "9999", r["kind"]))
    return out
