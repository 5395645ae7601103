"""A pair's events as a TimelineJS3 timeline: the JSON its `TL.Timeline` reads (title slide, events, scale).

Each dated event is a slide: its date span, a headline (the act, who to whom, and its mood when it
did not simply happen), the cited passages as quoted text with their sources linked, grouped by
PLOVER category. Text is escaped: TimelineJS renders it as HTML. Undated events have no place on a
timeline and are left out.
"""
from __future__ import annotations

import html
from typing import Optional
from urllib.parse import urlsplit

from ..extract.cameo import coding

MOODS = {"planned": "planned", "intended": "intended", "negated": "did not happen"}


def date_object(date: str) -> dict:
    """A partial ISO date as a TimelineJS date object: year, then month and day when known."""
    parts = [int(x) for x in date[:10].split("-")]
    return dict(zip(("year", "month", "day"), parts))


def _link(url: Optional[str], text: str) -> str:
    """A link to a source when its URL is an absolute http(s) one, else its title as text."""
    parts = urlsplit(url or "")
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(ch.isspace() for ch in url):
        return f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{html.escape(text)}</a>'
    return html.escape(text)


def slide(e, docs: dict, names: dict) -> dict:
    """One event as a slide; `docs` maps doc_id to (title, outlet, url, published)."""
    who = f"{names.get(e.source.code) or e.source.name} → {names.get(e.target.code) or e.target.name}"
    act = coding(e.cameo).name if e.cameo else e.event_type.title()
    mood = MOODS.get(e.modality)
    passages = []
    for m in e.mentions:
        title, outlet, url, published = docs.get(m.doc_id, (None, None, None, None))
        cite = ", ".join(html.escape(x) for x in (outlet, published) if x)
        passages.append(f"<blockquote>{html.escape(m.sentence)}</blockquote>"
                        f"<p>— {_link(url, title or m.doc_id)}{', ' + cite if cite else ''}</p>")
    out = {"start_date": date_object(e.date),
           "text": {"headline": html.escape(f"{act}: {who}" + (f" ({mood})" if mood else "")),
                    "text": "".join(passages)},
           "group": e.event_type, "unique_id": e.event_id, "autolink": False}
    if e.date_end and e.date_end != e.date:
        out["end_date"] = date_object(e.date_end)
    return out


def timeline(events: list, docs: dict, names: dict, label: str) -> dict:
    """The TimelineJS3 JSON of a pair's dated events (`label` names the pair)."""
    dated = [e for e in events if e.date]
    n_docs = len({m.doc_id for e in dated for m in e.mentions})
    return {"title": {"text": {"headline": html.escape(label),
                               "text": html.escape(f"{len(dated)} events from {n_docs} documents, each with the "
                                                   "passages that report it.")}},
            "events": [slide(e, docs, names) for e in dated],
            "scale": "human"}
