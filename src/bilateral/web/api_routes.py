"""The JSON API under /api/: documents, timeline, events, claims, ledger, conflicts, search, pairs, ask.

Every route runs its store work through `Database.run` (own cursor, time limit); every list is
a bounded keyset page that can also stream as JSON Lines or CSV, with the same filters the pages take.
"""
from __future__ import annotations

import re
from typing import Literal, Optional

import orjson
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from ..api import resolve_pair
from . import lists, records
from .db import keyset
from .filters import Filters, sort_of
from .paging import FastJSON, Page, respond

PAIR_HELP = "Two countries, codes or names, comma-separated: `DEU,NAM` or `Germany,Namibia`."
DATE_HELP = "A date YYYY, YYYY-MM or YYYY-MM-DD that exists (400 otherwise)."
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


def filters(request: Request, undated_default: bool = True) -> Filters:
    """The request's filters, checked (400 with the reason), the pair resolved to the store's key."""
    params = dict(request.query_params)
    params.setdefault("undated", "true" if undated_default else "false")
    return Filters.parse(params, lambda p: pair_key(p, _db(request).dictionary))


class Common:
    """The filters every list may take (each list reads those that apply to it), documented once."""

    def __init__(self,
                 pair: Optional[str] = Query(None, max_length=200, description=PAIR_HELP),
                 start: Optional[str] = Query(None, alias="from", max_length=10, description="Earliest. " + DATE_HELP),
                 end: Optional[str] = Query(None, alias="to", max_length=10, description="Latest. " + DATE_HELP),
                 actor: Optional[str] = Query(None, max_length=6,
                                              description="Who acts: an event's source, a claim's subject (a code)."),
                 outlet: Optional[str] = Query(None, max_length=200, description="Only items from this outlet."),
                 q: Optional[str] = Query(None, max_length=200, description="Text the item's passage contains.")):
        pass


@router.get("/documents", summary="Stored documents, in ingestion order or sorted")
def documents(request: Request, page: Page = Depends(), common: Common = Depends(),
              sort: str = Query("seq", max_length=20,
                                description="seq, title, outlet, published, events or claims; -name descends.")):
    f = filters(request)
    name, desc = sort_of(sort, tuple(keyset.DOC_SORTS), "seq")
    total, rows, nxt = _db(request).run(lambda c: lists.documents(c, f, name, desc, page.after, page.limit))
    return respond(request, page, rows, total, nxt)


@router.get("/documents/{doc_id}", summary="One document: cleaned text and the spans of its events and claims")
def document(request: Request, doc_id: str = Path(..., max_length=64)):
    d = _db(request).run(lambda corpus: records.document_detail(corpus.store, doc_id))
    if d is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return FastJSON(d)


@router.get("/timeline", summary="Events, oldest first, in the export format with their sources")
def timeline(request: Request, page: Page = Depends(), common: Common = Depends(),
             type: Optional[str] = Query(None, max_length=20, description="A PLOVER category, e.g. AID."),
             modality: Optional[str] = Query(None, max_length=20, description="asserted, planned, intended, negated."),
             quad: Optional[str] = Query(None, max_length=20, description="verbal_coop, material_coop, ..."),
             undated: bool = Query(False, description="Also list events with no known date (last)."),
             sort: Literal["date", "-date"] = Query("date", description="date or -date (newest first).")):
    f = filters(request, undated_default=False)
    total, rows, nxt = _db(request).run(
        lambda c: lists.timeline(c, f, sort.startswith("-"), page.after, page.limit))
    return respond(request, page, rows, total, nxt)


@router.get("/timeline/marks", summary="What the visual timeline draws: each dated event when few, else counts "
                                      "by month and class")
def timeline_marks(request: Request, common: Common = Depends(),
                   type: Optional[str] = Query(None, max_length=20, description="A PLOVER category, e.g. AID."),
                   modality: Optional[str] = Query(None, max_length=20, description="asserted, planned, ..."),
                   quad: Optional[str] = Query(None, max_length=20, description="verbal_coop, material_coop, ...")):
    f = filters(request)
    return FastJSON(_db(request).run(lambda c: lists.timeline_marks(c, f)))


@router.get("/events/{event_id}", summary="One event with all its mentions and their passages")
def event(request: Request, event_id: str = Path(..., max_length=64)):
    def work(corpus):
        e = corpus.store.event(event_id)
        if e is None:
            return None
        d = records.events_with_sources(corpus.store, [e])[0]
        d["conflicts"] = [orjson.loads(b) for b in keyset.conflicts_naming_event(corpus.store, event_id)]
        return d
    d = _db(request).run(work)
    if d is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return FastJSON(d)


@router.get("/claims", summary="Claims, one row each, with their figure, conflict, source and passage link")
def claims(request: Request, page: Page = Depends(), common: Common = Depends(),
           metric: Optional[str] = Query(None, max_length=40, description="A metric, e.g. oda, trade, fdi."),
           sort: str = Query("seq", max_length=20, description="seq, as_of, metric, value or source; -name descends.")):
    f = filters(request)
    name, desc = sort_of(sort, tuple(keyset.CLAIM_SORTS), "seq")
    total, rows, nxt = _db(request).run(lambda c: lists.claims(c, f, name, desc, page.after, page.limit))
    return respond(request, page, rows, total, nxt)


@router.get("/ledger", summary="The claims ledger: groups by metric, direction and scope, as the CLI shows it")
def ledger(request: Request, page: Page = Depends(), common: Common = Depends(),
           metric: Optional[str] = Query(None, max_length=40, description="A metric, e.g. oda, trade, fdi.")):
    f = filters(request)
    total, rows, nxt = _db(request).run(lambda c: lists.ledger_groups(c, f, page.after, page.limit))
    return respond(request, page, rows, total, nxt)


@router.get("/conflicts", summary="Where sources disagree, each with both passages")
def conflicts(request: Request, page: Page = Depends(),
              kind: Optional[str] = Query(None, max_length=20, description="value, rank, date, outlier or plan_vs_fact."),
              pair: Optional[str] = Query(None, max_length=200, description=PAIR_HELP)):
    f = filters(request)
    total, rows, nxt = _db(request).run(lambda c: lists.conflicts(c, f, page.after, page.limit))
    return respond(request, page, rows, total, nxt)


@router.get("/search", summary="Passages (documents), events or claims whose text contains the words (literal)")
def search(request: Request, page: Page = Depends(),
           q: str = Query(..., min_length=1, max_length=200, description="Text to look for (case-insensitive)."),
           within: Literal["passages", "events", "claims"] = Query("passages", alias="in",
                                                                   description="What to search.")):
    text = q.strip()
    if not text:
        raise ValueError("q: give some text to look for")
    total, rows, nxt = _db(request).run(lambda c: lists.SEARCHES[within](c, text, page.after, page.limit))
    return respond(request, page, rows, total, nxt)


@router.get("/pairs", summary="Actor pairs with their numbers of events and claims, busiest first")
def pairs(request: Request, page: Page = Depends(),
          q: Optional[str] = Query(None, max_length=100, description="Keep pairs with an actor whose code or name "
                                                                    "contains this.")):
    names = request.app.state.names
    total, rows, nxt = _db(request).run(lambda c: lists.pairs(c, names, (q or "").strip() or None, page.after,
                                                              page.limit))
    return respond(request, page, rows, total, nxt)


@router.get("/ask", summary="Answer a question from the record, with citations")
def ask(request: Request, q: str = Query(..., min_length=1, max_length=500, description="The question.")):
    return FastJSON(_db(request).ask(q))
