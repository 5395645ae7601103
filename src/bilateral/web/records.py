"""The shapes the API and the pages share: documents with their spans, events with passages, ledger, conflicts.

Every item carries the link to the characters it came from (`/documents/{doc_id}#anchor`),
so any item on any page reaches its passage in one click.
"""
from __future__ import annotations

from typing import Optional
from urllib.parse import quote, urlsplit

from ..model import Claim, Conflict, Event
from ..store import Store
from ..views import fmt_claim, ledger


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


def doc_link(doc_id: str, anchor: Optional[str] = None) -> str:
    return f"/documents/{quote(doc_id, safe='')}" + (f"#{anchor}" if anchor else "")


def event_dict(e: Event) -> dict:
    """An event in the export format (context always a list)."""
    d = e.to_dict()
    d["context"] = d.get("context") or []
    return d


def citation(meta: dict, doc_id: str) -> dict:
    """Title, outlet, date and safe URL of a cited document."""
    title, source_path, url, published, outlet = meta.get(doc_id) or (None, None, None, None, None)
    return {"doc_id": doc_id, "title": title or source_path or doc_id, "outlet": outlet, "published": published,
            "url": safe_href(url)}


def event_with_sources(e: Event, meta: dict) -> dict:
    """An event as exported plus, per mention, its document's citation and a link to the passage."""
    d = event_dict(e)
    d["sources"] = [dict(citation(meta, m.doc_id), sentence=m.sentence, char_start=m.char_start,
                         char_end=m.char_end, link=doc_link(m.doc_id, event_anchor(e.event_id, m.char_start)))
                    for m in e.mentions]
    d["link"] = f"/events/{quote(e.event_id, safe='')}"
    return d


def events_with_sources(store: Store, events: list) -> list:
    meta = store.document_meta({m.doc_id for e in events for m in e.mentions})
    return [event_with_sources(e, meta) for e in events]


def claim_with_source(c: Claim, meta: dict, flagged: dict) -> dict:
    d = c.to_dict()
    d["figure"] = fmt_claim(c)
    d["conflict"] = flagged.get(c.claim_id)
    d["source"] = citation(meta, c.doc_id)
    d["link"] = doc_link(c.doc_id, claim_anchor(c.claim_id))
    return d


def flagged_claims(store: Store) -> dict:
    """claim_id -> the kind of the (first) conflict it is part of."""
    out: dict = {}
    for k in store.conflicts():
        for cid in k.claim_ids:
            out.setdefault(cid, k.kind)
    return out


def ledger_groups(store: Store, claims: list) -> list:
    """The CLI ledger (views.ledger) with each row's source title and passage link added."""
    flagged = flagged_claims(store)
    meta = store.document_meta({c.doc_id for c in claims})
    groups = ledger(claims, flagged, store.relations([c.claim_id for c in claims]))
    for g in groups:
        for r in g["rows"]:
            r["source"] = citation(meta, r["doc_id"])
            r["link"] = doc_link(r["doc_id"], claim_anchor(r["claim_id"]))
    return groups


def conflict_with_items(store: Store, k: Conflict) -> dict:
    """A conflict with every item it names, each with its passage, source and link (both sides)."""
    d = k.to_dict()
    items = []
    if k.claim_ids:
        claims = store.claims_by_ids(k.claim_ids)
        meta = store.document_meta({c.doc_id for c in claims})
        for c in claims:
            items.append({"kind": "claim", "id": c.claim_id, "label": fmt_claim(c), "metric": c.metric,
                          "as_of": c.as_of, "passage": c.sentence, "doc_id": c.doc_id,
                          "char_start": c.char_start, "char_end": c.char_end, "source": citation(meta, c.doc_id),
                          "link": doc_link(c.doc_id, claim_anchor(c.claim_id))})
    if k.event_ids:
        events = store.events_by_ids(k.event_ids)
        meta = store.document_meta({m.doc_id for e in events for m in e.mentions})
        for e in events:
            m = e.mentions[0] if e.mentions else None
            items.append({"kind": "event", "id": e.event_id, "label": e.summary, "metric": e.event_type,
                          "as_of": e.date, "passage": m.sentence if m else "", "doc_id": m.doc_id if m else None,
                          "char_start": m.char_start if m else None, "char_end": m.char_end if m else None,
                          "source": citation(meta, m.doc_id) if m else None,
                          "link": doc_link(m.doc_id, event_anchor(e.event_id, m.char_start)) if m else None})
    d["items"] = items
    d["passages"] = [i["passage"] for i in items]
    return d


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
    flagged = flagged_claims(store)
    meta = {doc_id: (doc.title, doc.source_path, doc.url, doc.published, doc.outlet)}
    d = doc.export()
    d["url_href"] = safe_href(doc.url)
    d["text"] = doc.text
    d["spans"] = document_spans(doc_id, events, claims)
    d["events"] = [event_with_sources(e, store.document_meta({m.doc_id for m in e.mentions})) for e in events]
    d["claims"] = [claim_with_source(c, meta, flagged) for c in claims]
    return d


def pair_rows(store: Store, names: dict) -> list:
    """Every pair in the store with both codes, their names and counts, busiest first."""
    rows = []
    for key, n_events, n_claims in store.pairs():
        codes = key.split("|")
        rows.append({"pair": ",".join(codes), "codes": codes,
                     "names": [names.get(c) or c or "?" for c in codes],
                     "events": n_events, "claims": n_claims, "complete": all(codes)})
    return rows


def search_rows(store: Store, q: str, limit: int, offset: int) -> tuple:
    """(total, hits): documents containing `q`, each with a snippet around the first hit."""
    total, rows = store.search_documents(q, limit, offset)
    hits = []
    for doc_id, title, outlet, published, url, pos, length, n in rows:
        snippet = ""
        if pos >= 0:
            start = max(0, pos - 80)
            snippet = (("…" if start else "") + (store.document_text_slice(doc_id, start, len(q) + 160) or "")
                       + ("…" if start + len(q) + 160 < length else ""))
        hits.append({"doc_id": doc_id, "title": title or doc_id, "outlet": outlet, "published": published,
                     "url": safe_href(url), "hits": int(n), "position": int(pos), "snippet": snippet,
                     "link": doc_link(doc_id)})
    return total, hits
