"""The JSON API under /api/: documents, timeline, events, claims, conflicts, search, pairs, ask.

Every route runs its store work through `Database.run` (own cursor, time limit); every list is
a bounded page that can also stream as JSON Lines or CSV.
"""
from __future__ import annotations

import re
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from ..api import resolve_pair
from ..model import CONFLICT_KINDS, METRICS, PLOVER_TYPES
from . import records
from .paging import Page, respond

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
PAIR_HELP = "Two countries, codes or names, comma-separated: `DEU,NAM` or `Germany,Namibia`."
ID = r"^[A-Za-z0-9_\-]{1,64}$"

router = APIRouter(prefix="/api")


def _db(request: Request):
    return request.app.state.db


def pair_key(pair: Optional[str], dictionary: Optional[str]) -> Optional[str]:
    """A `pair` parameter as the store's pair key; ValueError/UnknownCountry become 400 in the app."""
    if pair is None:
        return None
    parts = [p.strip() for p in re.split(r"[,|]", pair) if p.strip()]
    if len(parts) != 2:
        raise ValueError(f"pair needs two countries separated by a comma, got {pair!r}")
    return resolve_pair(parts, dictionary)


def _check(value: Optional[str], allowed: tuple, name: str) -> Optional[str]:
    if value is None:
        return None
    v = value.lower() if name != "type" else value.upper()
    if v not in allowed:
        raise ValueError(f"unknown {name} {value!r}: use one of {', '.join(allowed)}")
    return v


@router.get("/documents", summary="Stored documents, in ingestion order")
def documents(request: Request, page: Page = Depends()):
    def work(corpus):
        s = corpus.store
        rows = [{"doc_id": r[0], "title": r[1], "outlet": r[2], "published": r[3], "published_basis": r[4],
                 "n_chars_raw": r[5], "n_chars_clean": r[6], "events": r[7], "claims": r[8],
                 "source_path": r[9], "url": r[10], "link": records.doc_link(r[0])}
                for r in s.document_stats_page(page.limit, page.offset)]
        return s.n_documents(), rows
    total, rows = _db(request).run(work)
    return respond(request, page, rows, total)


@router.get("/documents/{doc_id}", summary="One document: cleaned text and the spans of its events and claims")
def document(request: Request, doc_id: str = Path(..., max_length=64)):
    d = _db(request).run(lambda corpus: records.document_detail(corpus.store, doc_id))
    if d is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return d


@router.get("/timeline", summary="A pair's events, oldest first, in the export format with their sources")
def timeline(request: Request, page: Page = Depends(),
             pair: Optional[str] = Query(None, max_length=200, description=PAIR_HELP),
             start: Optional[str] = Query(None, alias="from", pattern=DATE, description="Earliest date (YYYY[-MM[-DD]])."),
             end: Optional[str] = Query(None, alias="to", pattern=DATE, description="Latest date (YYYY[-MM[-DD]])."),
             type: Optional[str] = Query(None, max_length=20, description="A PLOVER category, e.g. AID."),
             undated: bool = Query(False, description="Also list events with no known date (last).")):
    db = _db(request)
    event_type = _check(type, PLOVER_TYPES, "type")
    key = pair_key(pair, db.dictionary)

    def work(corpus):
        events = corpus.timeline(pair=key.split("|") if key else None, start=start, end=end,
                                 event_type=event_type, dated_only=not undated)
        return len(events), records.events_with_sources(corpus.store, events[page.offset:page.offset + page.limit])
    total, rows = db.run(work)
    return respond(request, page, rows, total)


@router.get("/events/{event_id}", summary="One event with all its mentions and their passages")
def event(request: Request, event_id: str = Path(..., max_length=64)):
    def work(corpus):
        e = corpus.store.event(event_id)
        if e is None:
            return None
        d = records.events_with_sources(corpus.store, [e])[0]
        d["conflicts"] = [k.to_dict() for k in corpus.store.conflicts() if event_id in k.event_ids]
        return d
    d = _db(request).run(work)
    if d is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return d


@router.get("/claims", summary="The claims ledger: groups by metric, direction and scope (JSON); rows (jsonl/csv)")
def claims(request: Request, page: Page = Depends(),
           metric: Optional[str] = Query(None, max_length=40, description="A metric, e.g. oda, trade, fdi."),
           pair: Optional[str] = Query(None, max_length=200, description=PAIR_HELP)):
    db = _db(request)
    metric = _check(metric, METRICS, "metric")
    key = pair_key(pair, db.dictionary)

    def work(corpus):
        items = corpus.store.claims(pairs=[key] if key else None, metric=metric)
        items.sort(key=lambda c: (c.metric, c.as_of or "9999", c.claim_id))
        if page.format == "json":
            groups = records.ledger_groups(corpus.store, items)
            return len(groups), groups[page.offset:page.offset + page.limit]
        flagged = records.flagged_claims(corpus.store)
        chosen = items[page.offset:page.offset + page.limit]
        meta = corpus.store.document_meta({c.doc_id for c in chosen})
        rows = []
        for c in chosen:
            r = records.claim_with_source(c, meta, flagged)
            r["source"] = r["source"]["title"]
            rows.append(r)
        return len(items), rows
    total, rows = db.run(work)
    return respond(request, page, rows, total)


@router.get("/conflicts", summary="Where sources disagree, each with both passages")
def conflicts(request: Request, page: Page = Depends(),
              kind: Optional[str] = Query(None, max_length=20, description="value, rank, date, outlier or plan_vs_fact."),
              pair: Optional[str] = Query(None, max_length=200, description=PAIR_HELP)):
    db = _db(request)
    kind = _check(kind, CONFLICT_KINDS, "kind")
    key = pair_key(pair, db.dictionary)

    def work(corpus):
        s = corpus.store
        if key:
            found = [k for k in s.conflicts_of_pair(key) if kind is None or k.kind == kind]
            total, chosen = len(found), found[page.offset:page.offset + page.limit]
        else:
            total, chosen = s.conflicts_page(kind, page.limit, page.offset)
        return total, [records.conflict_with_items(s, k) for k in chosen]
    total, rows = db.run(work)
    return respond(request, page, rows, total)


@router.get("/search", summary="Documents whose title or text contains the words (literal, case-insensitive)")
def search(request: Request, page: Page = Depends(),
           q: str = Query(..., min_length=1, max_length=200, description="Text to look for.")):
    total, rows = _db(request).run(lambda corpus: records.search_rows(corpus.store, q, page.limit, page.offset))
    return respond(request, page, rows, total)


@router.get("/pairs", summary="Every actor pair with its numbers of events and claims, busiest first")
def pairs(request: Request, page: Page = Depends()):
    names = request.app.state.names
    rows = _db(request).run(lambda corpus: records.pair_rows(corpus.store, names))
    return respond(request, page, rows[page.offset:page.offset + page.limit], len(rows))


@router.get("/ask", summary="Answer a question from the record, with citations")
def ask(request: Request, q: str = Query(..., min_length=1, max_length=500, description="The question.")):
    return _db(request).run(lambda corpus: corpus.ask(q).to_dict())
