"""Write the record's events in the field's formats: ICEWS and POLECAT files, TimelineJS timelines.

ICEWS and POLECAT code what happened, on a day: events announced, intended or negated, and undated
ones, are left out of them (and counted). A timeline shows every dated event, its mood in its headline.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Optional

from ..store import Store

FORMATS = ("icews", "polecat", "timelinejs")


class Written(list):
    """The paths written, with `left_out`: reason -> number of events the format could not hold."""

    def __init__(self, paths=(), left_out: Optional[dict] = None):
        super().__init__(paths)
        self.left_out = dict(left_out or {})


def _keep(events: list, fmt: str, left_out: Counter) -> list:
    kept = []
    for e in events:
        if not e.date:
            left_out["undated"] += 1
        elif fmt != "timelinejs" and e.modality != "asserted":
            left_out[f"{e.modality}, not done"] += 1
        elif fmt == "icews" and not e.cameo:
            left_out["no CAMEO code"] += 1
        else:
            kept.append(e)
    return kept


def _suffix(pair: Optional[str]) -> str:
    return "-" + "-".join(c or "none" for c in pair.split("|")) if pair else ""


def export_events(store: Store, out: str | Path, fmt: str, pair: Optional[str] = None) -> Written:
    """Write the events (of one pair, or all) into `out` in an event-data format; returns the paths."""
    from .. import __version__
    from . import icews, polecat
    if fmt not in FORMATS:
        raise ValueError(f"unknown event format {fmt!r}: use one of {', '.join(FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    left_out: Counter = Counter()
    events = _keep(store.events(pair), fmt, left_out)
    if fmt == "timelinejs":
        return Written(_timelines(store, out, events, pair), left_out)
    if fmt == "icews":
        docs = {}
        for number, d in enumerate(store.documents(), 1):
            docs[d.doc_id] = (number, d.outlet, d.url, icews.sentence_starts(d.text))
        path = out / f"events{_suffix(pair)}.icews.tsv"
        icews.write(path, events, docs)
    else:
        meta = store.document_meta({m.doc_id for e in events for m in e.mentions})
        docs = {d: (m[4], m[3]) for d, m in meta.items()}
        path = out / f"events{_suffix(pair)}.polecat.tsv"
        polecat.write(path, events, docs, f"bilateral {__version__}")
    return Written([path], left_out)


def _timelines(store: Store, out: Path, events: list, pair: Optional[str]) -> list:
    """One TimelineJS file per pair (or the one pair asked for)."""
    by_pair: dict = {}
    for e in events:
        by_pair.setdefault("|".join(sorted(x or "" for x in (e.source.code, e.target.code))), []).append(e)
    if pair:
        by_pair = {pair: by_pair.get(pair, [])}
    written = []
    for key, items in sorted(by_pair.items()):
        path = out / f"timeline{_suffix(key)}.json"
        path.write_text(json.dumps(pair_timeline(store, key, items), ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    return written


def pair_timeline(store: Store, key: str, events: Optional[list] = None) -> dict:
    """The TimelineJS3 JSON of one pair (its dated events, or those given)."""
    from ..nlp.gazetteer import Gazetteer
    from .timelinejs import timeline
    names = Gazetteer.load().names
    events = [e for e in store.events(key) if e.date] if events is None else events
    meta = store.document_meta({m.doc_id for e in events for m in e.mentions})
    docs = {d: (m[0] or Path(m[1]).name, m[4], m[2], m[3]) for d, m in meta.items()}
    label = " – ".join(names.get(c, c or "?") for c in key.split("|"))
    return timeline(events, docs, names, label)
