"""The dashboard's list pages and item pages: documents, one document, one event, claims, conflicts, search.

Every list is a keyset page with its filters and sort in the URL, sortable column headers, and
CSV/JSON links to the API route that serves exactly the rows shown."""
from __future__ import annotations

from typing import Optional

import orjson
from fastapi import APIRouter, HTTPException, Path, Query, Request

from ..model import CONFLICT_KINDS, METRICS, Conflict, Event
from .db import keyset as q
from . import lists, records
from .api_routes import filters
from .filters import decode_cursor, encode_cursor, sort_of, url
from .highlight import segments
from .pages import PAGE, exports, render

router = APIRouter(include_in_schema=False)
MENTIONS_PAGE = 50
SEARCH_PAGE = 10


def _db(request: Request):
    return request.app.state.db


def sort_headers(path: str, params: dict, columns: list, current: str, desc: bool) -> list:
    """Column headers: each sortable one links to this list sorted by it (again: the other way round)."""
    out = []
    for name, label, css in columns:
        if name is None:
            out.append({"label": label, "css": css, "href": None, "aria": None})
            continue
        here = name == current
        target = f"-{name}" if here and not desc else name
        out.append({"label": label, "css": css, "href": url(path, dict(params, sort=target, after=None)),
                    "aria": ("descending" if desc else "ascending") if here else "none"})
    return out


def _pager(path: str, params: dict, after: Optional[str], cursor) -> dict:
    return {"next": url(path, dict(params, after=encode_cursor(cursor))) if cursor else None,
            "first": url(path, params) if after else None}


DOC_COLUMNS = [("title", "Title", ""), ("outlet", "Outlet", ""), ("published", "Published", ""),
               ("events", "Events", "num"), ("claims", "Claims", "num"), (None, "URL", "")]


@router.get("/documents")
def documents_page(request: Request, sort: str = Query("seq", max_length=20),
                   after: Optional[str] = Query(None, max_length=600)):
    f = filters(request)
    name, desc = sort_of(sort, tuple(q.DOC_SORTS), "seq")
    total, docs, nxt = _db(request).run(lambda c: lists.documents(c, f, name, desc, after, PAGE))
    params = dict(f.params(), sort=sort if sort != "seq" else None)
    outlets = _db(request).run(lambda c: q.outlets(c.store, 100))
    return render(request, "documents.html", title="Documents", docs=docs, total=total, f=f, outlets=outlets,
                  headers=sort_headers("/documents", params, DOC_COLUMNS, name, desc),
                  export=exports("/api/documents", dict(params, after=after, limit=PAGE)),
                  **_pager("/documents", params, after, nxt))


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: str = Path(..., max_length=64),
                  hl: Optional[str] = Query(None, pattern=r"^\d{1,9}-\d{1,9}$")):
    d = _db(request).run(lambda corpus: records.document_detail(corpus.store, doc_id))
    if d is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    spans = list(d["spans"])
    if hl:
        a, b = (int(x) for x in hl.split("-"))
        if a < b <= len(d["text"]):
            spans.append({"kind": "cited", "id": "hl", "anchor": "hl", "char_start": a, "char_end": b,
                          "label": "the passage cited", "quad": None})
    return render(request, "document.html", title=d["shown_title"], doc=d, pieces=segments(d["text"], spans),
                  cited=bool(hl))


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str = Path(..., max_length=64),
               after: Optional[str] = Query(None, max_length=100)):
    start = (decode_cursor(after, 1) or [0])[0]
    if not isinstance(start, int) or start < 0:
        raise ValueError("after: not a cursor this server made")

    def work(corpus):
        body = corpus.store.con.execute("SELECT body FROM events WHERE event_id = ?", [event_id]).fetchone()
        if body is None:
            return None
        e = Event.from_dict(orjson.loads(body[0]))
        shown = e.mentions[start:start + MENTIONS_PAGE]
        meta = corpus.store.document_meta({m.doc_id for m in shown})
        d = records.event_dict(e)
        d["sources"] = [records.mention_source(e, m, meta) for m in shown]
        d["n_sources"] = len(e.mentions)
        d["conflicts"] = records.conflicts_with_items(corpus.store, [
            Conflict.from_dict(orjson.loads(b)) for b in q.conflicts_naming_event(corpus.store, event_id)[:10]])
        return d
    d = _db(request).run(work)
    if d is None:
        raise HTTPException(404, f"no event {event_id!r}")
    more = start + MENTIONS_PAGE < d["n_sources"]
    return render(request, "event.html", title=f"Event {d['event_type']}", event=d, first_index=start,
                  next=url(f"/events/{event_id}", {"after": encode_cursor([start + MENTIONS_PAGE])}) if more else None,
                  first=f"/events/{event_id}" if start else None)


CLAIM_COLUMNS = [("as_of", "As of", ""), ("metric", "Metric", ""), (None, "Who", ""), ("value", "Figure", "num"),
                 (None, "Qualifier", ""), (None, "Period", ""), ("source", "Source", ""), (None, "Conflict", "")]


@router.get("/claims")
def claims_page(request: Request, sort: str = Query("as_of", max_length=20),
                after: Optional[str] = Query(None, max_length=600),
                view: str = Query("table", pattern="^(table|ledger)$")):
    f = filters(request)
    name, desc = sort_of(sort, tuple(q.CLAIM_SORTS), "as_of")
    db = _db(request)
    params = dict(f.params(), sort=sort if sort != "as_of" else None)
    if view == "ledger":
        total, groups, nxt = db.run(lambda c: lists.ledger_groups(c, f, after, 20))
        rows = []
        lparams = dict(f.params(), view="ledger")
        pager = _pager("/claims", lparams, after, nxt)
        export = exports("/api/ledger", dict(f.params(), after=after, limit=20))
    else:
        total, rows, nxt = db.run(lambda c: lists.claims(c, f, name, desc, after, PAGE))
        groups = []
        pager = _pager("/claims", params, after, nxt)
        export = exports("/api/claims", dict(params, sort=sort, after=after, limit=PAGE))
    return render(request, "claims.html", title="Claims", rows=rows, ledger=groups, total=total, f=f, view=view,
                  metrics=METRICS, headers=sort_headers("/claims", params, CLAIM_COLUMNS, name, desc),
                  export=export, table_link=url("/claims", params), ledger_link=url("/claims", dict(
                      f.params(), view="ledger")), **pager)


@router.get("/conflicts")
def conflicts_page(request: Request, after: Optional[str] = Query(None, max_length=600)):
    f = filters(request)
    total, conflicts, nxt = _db(request).run(lambda c: lists.conflicts(c, f, after, PAGE))
    params = f.params()
    kinds = [{"kind": k, "href": url("/conflicts", dict(params, kind=k)), "current": k == f.kind}
             for k in CONFLICT_KINDS]
    return render(request, "conflicts.html", title="Conflicts", conflicts=conflicts, total=total, f=f,
                  kinds=kinds, all_href=url("/conflicts", dict(params, kind=None)),
                  export=exports("/api/conflicts", dict(params, after=after, limit=PAGE)),
                  **_pager("/conflicts", params, after, nxt))


@router.get("/search")
def search_page(request: Request, q_text: str = Query("", alias="q", max_length=200),
                within: Optional[str] = Query(None, alias="in", pattern="^(passages|events|claims)$"),
                after: Optional[str] = Query(None, max_length=600)):
    text = q_text.strip()
    sections = []
    if text:
        kinds = [within] if within else ["events", "claims", "passages"]
        limit = PAGE if within else SEARCH_PAGE

        def work(corpus):
            return [(k,) + lists.SEARCHES[k](corpus, text, after if within else None, limit) for k in kinds]
        for kind, total, rows, nxt in _db(request).run(work):
            params = {"q": text, "in": kind}
            sections.append({"kind": kind, "total": total, "rows": rows,
                             "more": url("/search", dict(params, after=encode_cursor(nxt))) if nxt else None,
                             "all": url("/search", params),
                             "export": exports("/api/search", dict(params, after=after if within else None,
                                                                   limit=limit))})
    return render(request, "search.html", title="Search", q=q_text, within=within, sections=sections)
