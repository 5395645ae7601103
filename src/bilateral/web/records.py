"""The shapes the API and the pages share: documents with their spans, events with passages, ledger, conflicts.

Every item carries the link to the characters it came from (`/documents/{doc_id}#anchor`),
so any item on any page reaches its passage in one click.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional
from urllib.parse import quote, unquote, urlsplit

import orjson

from ..model import Claim, Event
from ..store import Store
from ..views import fmt_claim, ledger
from .db import keyset as q

def plain(record) -> dict:
    """A model record as `to_dict` gives it, through orjson (dataclasses.asdict deep-copies every value)."""
    return orjson.loads(orjson.dumps(record))


MAX_SOURCES = 5     # passages listed with an event in a list; the event's own page lists them all, paged


@lru_cache(maxsize=1 << 16)   # pure, and asked again for every item citing the same document
def safe_href(url: Optional[str]) -> Optional[str]:
    """The URL if it is an absolute http(s) URL (fit for an href), else None: `javascript:` stays text."""
    if not url or any(ch in url for ch in "\x00\r\n\t") or url != url.strip():
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def event_anchor(event_id: str, char_start: int) -> str:
    return f"e-{event_id}-{char_start}"


def claim_anchor(claim_id: str) -> str:
    return f"c-{claim_id}"


@lru_cache(maxsize=1 << 16)
def _doc_path(doc_id: str) -> str:
    return f"/documents/{quote(doc_id, safe='')}"


def doc_link(doc_id: str, anchor: Optional[str] = None) -> str:
    return _doc_path(doc_id) + (f"#{anchor}" if anchor else "")


def passage_link(doc_id: str, start, end) -> str:
    """The document view with the characters [start, end) marked and scrolled to (any passage, e.g. a citation)."""
    try:
        a, b = int(start), int(end)
    except (TypeError, ValueError):
        return doc_link(doc_id)
    if a < 0 or b <= a:
        return doc_link(doc_id)
    return f"{_doc_path(doc_id)}?hl={a}-{b}#hl"


def file_name(source_path: Optional[str]) -> Optional[str]:
    """The last part of a source path or URL, never the folders it sits in: what names an untitled document."""
    if not source_path:
        return None
    path = source_path
    if "://" in path:
        path = urlsplit(path).path or urlsplit(path).netloc
    name = re.split(r"[/\\]", unquote(path).rstrip("/\\"))[-1]
    return name or None


@lru_cache(maxsize=1 << 16)
def shown_title(title: Optional[str], source_path: Optional[str], doc_id: str) -> str:
    """A document as pages name it: its title, else its file name, else its id."""
    return (title or "").strip() or file_name(source_path) or doc_id


def event_dict(e: Event) -> dict:
    """An event in the export format (context always a list)."""
    d = plain(e)
    d["context"] = d.get("context") or []
    return d


def citation(meta: dict, doc_id: str) -> dict:
    """Title, outlet, date and safe URL of a cited document."""
    title, source_path, url, published, outlet = meta.get(doc_id) or (None, None, None, None, None)
    return {"doc_id": doc_id, "title": shown_title(title, source_path, doc_id), "outlet": outlet,
            "published": published, "url": safe_href(url)}


def mention_source(e: Event, m, meta: dict) -> dict:
    return dict(citation(meta, m.doc_id), sentence=m.sentence, char_start=m.char_start, char_end=m.char_end,
                link=doc_link(m.doc_id, event_anchor(e.event_id, m.char_start)))


def event_with_sources(e: Event, meta: dict, cap: Optional[int] = None) -> dict:
    """An event as exported plus, per mention (the first `cap` of them), its document's citation and a link
    to the passage; `n_sources` counts them all."""
    d = event_dict(e)
    shown = e.mentions if cap is None else e.mentions[:cap]
    d["sources"] = [mention_source(e, m, meta) for m in shown]
    d["n_sources"] = len(e.mentions)
    d["link"] = f"/events/{quote(e.event_id, safe='')}"
    return d


def events_with_sources(store: Store, events: list, cap: Optional[int] = None) -> list:
    meta = store.document_meta({m.doc_id for e in events for m in (e.mentions if cap is None else e.mentions[:cap])})
    return [event_with_sources(e, meta, cap) for e in events]


def claim_with_source(c: Claim, meta: dict, flagged: dict) -> dict:
    d = plain(c)
    d["figure"] = fmt_claim(c)
    d["conflict"] = flagged.get(c.claim_id)
    d["source"] = citation(meta, c.doc_id)
    d["link"] = doc_link(c.doc_id, claim_anchor(c.claim_id))
    return d


def flagged_claims(store: Store, claims: list) -> dict:
    """claim_id -> the kind of the (first) conflict it is part of, for these claims."""
    return q.flagged(store, [c.claim_id for c in claims])


def claim_rows(store: Store, claims: list) -> list:
    """Claims as flat rows (the export fields plus figure, conflict, source title, link)."""
    flagged = flagged_claims(store, claims)
    meta = store.document_meta({c.doc_id for c in claims})
    return [claim_with_source(c, meta, flagged) for c in claims]


def ledger_groups(store: Store, claims: list) -> list:
    """The CLI ledger (views.ledger) with each row's source title and passage link added."""
    flagged = flagged_claims(store, claims)
    meta = store.document_meta({c.doc_id for c in claims})
    groups = ledger(claims, flagged, store.relations([c.claim_id for c in claims]))
    for g in groups:
        for r in g["rows"]:
            r["source"] = citation(meta, r["doc_id"])
            r["link"] = doc_link(r["doc_id"], claim_anchor(r["claim_id"]))
    return groups


def conflicts_with_items(store: Store, conflicts: list) -> list:
    """Conflicts with every item each names, its passage, source and link (both sides); three queries in all."""
    if not conflicts:
        return []
    claims = {c.claim_id: c for c in store.claims_by_ids(sorted({i for k in conflicts for i in k.claim_ids}))}
    events = {e.event_id: e for e in store.events_by_ids(sorted({i for k in conflicts for i in k.event_ids}))}
    meta = store.document_meta({c.doc_id for c in claims.values()}
                               | {e.mentions[0].doc_id for e in events.values() if e.mentions})
    out = []
    for k in conflicts:
        d = plain(k)
        items = []
        for c in sorted((claims[i] for i in k.claim_ids if i in claims), key=lambda c: c.claim_id):
            items.append({"kind": "claim", "id": c.claim_id, "label": fmt_claim(c), "metric": c.metric,
                          "as_of": c.as_of, "passage": c.sentence, "doc_id": c.doc_id,
                          "char_start": c.char_start, "char_end": c.char_end, "source": citation(meta, c.doc_id),
                          "link": doc_link(c.doc_id, claim_anchor(c.claim_id))})
        for e in sorted((events[i] for i in k.event_ids if i in events), key=lambda e: (e.date or "9999", e.event_id)):
            m = e.mentions[0] if e.mentions else None
            items.append({"kind": "event", "id": e.event_id, "label": e.summary, "metric": e.event_type,
                          "as_of": e.date, "passage": m.sentence if m else "", "doc_id": m.doc_id if m else None,
                          "char_start": m.char_start if m else None, "char_end": m.char_end if m else None,
                          "source": citation(meta, m.doc_id) if m else None,
                          "link": doc_link(m.doc_id, event_anchor(e.event_id, m.char_start)) if m else None})
        d["items"] = items
        d["passages"] = [i["passage"] for i in items]
        out.append(d)
    return out


def document_spans(doc_id: str, events: list, claims: list) -> list:
    """Every event mention and claim in one document as {kind, id, anchor, char_start, char_end, label}."""
    spans = []
    for e in events:
        for m in e.mentions:
            if m.doc_id == doc_id:
                spans.append({"kind": "event", "id": e.event_id, "anchor": event_anchor(e.event_id, m.char_start),
                              "char_start": m.char_start, "char_end": m.char_end,
                              "label": f"{e.event_type} ({e.modality}) {e.date or 'undated'}: {e.summary}",
                              "quad": e.quad, "modality": e.modality})
    for c in claims:
        spans.append({"kind": "claim", "id": c.claim_id, "anchor": claim_anchor(c.claim_id),
                      "char_start": c.char_start, "char_end": c.char_end,
                      "label": f"{c.metric} {c.subject or '?'}→{c.object or '?'}: {fmt_claim(c)}"
                               f" as of {c.as_of or '?'}", "quad": None, "modality": None})
    spans.sort(key=lambda s: (s["char_start"], -s["char_end"], s["kind"], s["id"]))
    return spans


def document_detail(store: Store, doc_id: str) -> Optional[dict]:
    """A document's metadata, cleaned text, and the spans of every event mention and claim in it."""
    doc = store.document(doc_id)
    if doc is None:
        return None
    events = store.events_in_document(doc_id)
    claims = store.claims_in_document(doc_id)
    flagged = flagged_claims(store, claims)
    meta = {doc_id: (doc.title, doc.source_path, doc.url, doc.published, doc.outlet)}
    d = doc.export()
    d["url_href"] = safe_href(doc.url)
    d["shown_title"] = shown_title(doc.title, doc.source_path, doc.doc_id)
    d["file_name"] = file_name(doc.source_path)
    d["text"] = doc.text
    d["spans"] = document_spans(doc_id, events, claims)
    d["events"] = []
    for e in events:
        mine = [m for m in e.mentions if m.doc_id == doc_id]
        d["events"].append(dict(event_dict(e), link=f"/events/{quote(e.event_id, safe='')}",
                                sources=[mention_source(e, m, meta) for m in mine], n_sources=len(e.mentions)))
    d["claims"] = [claim_with_source(c, meta, flagged) for c in claims]
    return d


def pair_rows(rows: list, names: dict) -> list:
    """Pairs (key, events, claims) with both codes and their names."""
    out = []
    for key, n_events, n_claims in rows:
        codes = key.split("|")
        out.append({"pair": ",".join(codes), "codes": codes, "names": [names.get(c) or c or "?" for c in codes],
                    "events": int(n_events), "claims": int(n_claims), "complete": all(codes)})
    return out


def search_hits(q_text: str, rows: list) -> list:
    """Search rows (db.search_documents) as hits, each with a snippet around the first hit and its link."""
    hits = []
    for doc_id, title, source_path, outlet, published, url, pos, length, n, around, _ in rows:
        snippet = ""
        if pos >= 0:
            start = max(0, pos - 80)
            snippet = ("…" if start else "") + (around or "") + ("…" if start + len(q_text) + 160 < length else "")
        hits.append({"doc_id": doc_id, "title": shown_title(title, source_path, doc_id), "outlet": outlet,
                     "published": published, "url": safe_href(url), "hits": int(n), "position": int(pos),
                     "snippet": snippet,
                     "link": passage_link(doc_id, pos, pos + len(q_text)) if pos >= 0 else doc_link(doc_id)})
    return hits
