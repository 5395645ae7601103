"""The dashboard: server-rendered pages (Jinja, autoescape on everywhere) over the same records as the API."""
from __future__ import annotations

from pathlib import Path as FsPath
from typing import Optional

import jinja2
from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.templating import Jinja2Templates

from ..model import CONFLICT_KINDS, METRICS, PLOVER_TYPES
from . import records
from .api_routes import DATE, _check, pair_key
from .chart import metric_chart
from .compare_chart import compare_charts
from .highlight import segments

HERE = FsPath(__file__).parent
QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
PAGE = 50

env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                         undefined=jinja2.StrictUndefined)
templates = Jinja2Templates(env=env)
router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, code: int = 200, **context):
    context.setdefault("title", "bilateral")
    return templates.TemplateResponse(request, name, context, status_code=code)


def error_page(request: Request, status: int, message: str):
    return render(request, "error.html", code=status, title=f"Error {status}", status=status, message=message)


def _db(request: Request):
    return request.app.state.db


@router.get("/")
def index(request: Request):
    names = request.app.state.names

    def work(corpus):
        return records.pair_rows(corpus.store, names), corpus.store.counts()
    pairs, counts = _db(request).run(work)
    return render(request, "index.html", title="bilateral: pairs", pairs=[p for p in pairs if p["complete"]],
                  partial=[p for p in pairs if not p["complete"]], counts=counts)


def _year_groups(events: list) -> list:
    groups: dict = {}
    for e in events:
        groups.setdefault((e["date"] or "")[:4] or "undated", []).append(e)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "undated", kv[0]))


@router.get("/pair")
def pair_page(request: Request, pair: str = Query(..., max_length=200),
              start: Optional[str] = Query(None, alias="from", max_length=10),
              end: Optional[str] = Query(None, alias="to", max_length=10),
              type: Optional[str] = Query(None, max_length=20)):
    import re
    db = _db(request)
    key = pair_key(pair, db.dictionary)
    start = start or None
    end = end or None
    for v in (start, end):
        if v and not re.match(DATE, v):
            raise ValueError(f"a date is YYYY, YYYY-MM or YYYY-MM-DD, got {v!r}")
    event_type = _check(type or None, PLOVER_TYPES, "type")
    codes = key.split("|")
    names = request.app.state.names

    def work(corpus):
        s = corpus.store
        events = corpus.timeline(pair=codes, start=start, end=end, event_type=event_type, dated_only=False)
        timeline = records.events_with_sources(s, events)
        claims = s.claims(pairs=[key])
        claims.sort(key=lambda c: (c.metric, c.as_of or "9999", c.claim_id))
        flagged = records.flagged_claims(s)
        meta = s.document_meta({c.doc_id for c in claims})
        titles = {d: (m[0] or m[1]) for d, m in meta.items()}
        links = {c.claim_id: records.doc_link(c.doc_id, records.claim_anchor(c.claim_id)) for c in claims}
        charts = []
        for metric in sorted({c.metric for c in claims}):
            ch = metric_chart(metric, [c for c in claims if c.metric == metric], flagged, titles, links)
            if ch:
                charts.append(ch)
        ledger = records.ledger_groups(s, claims)
        conflicts = [records.conflict_with_items(s, k) for k in s.conflicts_of_pair(key)]
        return timeline, charts, ledger, conflicts
    timeline, charts, ledger, conflicts = db.run(work)
    compares = db.run(lambda corpus: compare_charts(corpus, codes, start, end))   # beside imported datasets
    label = " – ".join(names.get(c) or c for c in codes)
    return render(request, "pair.html", title=f"{label}: timeline, figures, conflicts", label=label, codes=codes,
                  pair=",".join(codes), years=_year_groups(timeline), n_events=len(timeline), charts=charts,
                  ledger=ledger, conflicts=conflicts, types=PLOVER_TYPES, quads=QUADS, compares=compares,
                  chosen={"from": start or "", "to": end or "", "type": event_type or ""})


@router.get("/documents")
def documents_page(request: Request, offset: int = Query(0, ge=0, le=1_000_000)):
    def work(corpus):
        s = corpus.store
        return s.n_documents(), s.document_stats_page(PAGE, offset)
    total, rows = _db(request).run(work)
    docs = [{"doc_id": r[0], "title": r[1] or r[9], "outlet": r[2], "published": r[3], "events": r[7],
             "claims": r[8], "url": records.safe_href(r[10]), "raw_url": r[10], "link": records.doc_link(r[0])}
            for r in rows]
    return render(request, "documents.html", title="Documents", docs=docs, total=total, offset=offset,
                  next_offset=offset + PAGE if offset + PAGE < total else None,
                  prev_offset=max(0, offset - PAGE) if offset else None)


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: str = Path(..., max_length=64)):
    d = _db(request).run(lambda corpus: records.document_detail(corpus.store, doc_id))
    if d is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return render(request, "document.html", title=d["title"] or d["source_path"], doc=d,
                  pieces=segments(d["text"], d["spans"]))


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str = Path(..., max_length=64)):
    def work(corpus):
        e = corpus.store.event(event_id)
        if e is None:
            return None
        d = records.events_with_sources(corpus.store, [e])[0]
        d["conflicts"] = [records.conflict_with_items(corpus.store, k) for k in corpus.store.conflicts()
                          if event_id in k.event_ids]
        return d
    d = _db(request).run(work)
    if d is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return render(request, "event.html", title=f"Event {d['event_type']}", event=d)


@router.get("/conflicts")
def conflicts_page(request: Request, kind: Optional[str] = Query(None, max_length=20),
                   offset: int = Query(0, ge=0, le=1_000_000)):
    kind = _check(kind or None, CONFLICT_KINDS, "kind")

    def work(corpus):
        total, chosen = corpus.store.conflicts_page(kind, PAGE, offset)
        return total, [records.conflict_with_items(corpus.store, k) for k in chosen]
    total, conflicts = _db(request).run(work)
    return render(request, "conflicts.html", title="Conflicts", conflicts=conflicts, total=total, kind=kind or "",
                  kinds=CONFLICT_KINDS, offset=offset,
                  next_offset=offset + PAGE if offset + PAGE < total else None)


@router.get("/claims")
def claims_page(request: Request, metric: Optional[str] = Query(None, max_length=40),
                pair: Optional[str] = Query(None, max_length=200)):
    db = _db(request)
    metric = _check(metric or None, METRICS, "metric")
    key = pair_key(pair, db.dictionary) if pair else None

    def work(corpus):
        claims = corpus.store.claims(pairs=[key] if key else None, metric=metric)
        claims.sort(key=lambda c: (c.metric, c.as_of or "9999", c.claim_id))
        return records.ledger_groups(corpus.store, claims)
    ledger = db.run(work)
    return render(request, "claims.html", title="Claims ledger", ledger=ledger, metric=metric or "",
                  pair=",".join(key.split("|")) if key else "", metrics=METRICS)


@router.get("/search")
def search_page(request: Request, q: str = Query("", max_length=200), offset: int = Query(0, ge=0, le=1_000_000)):
    total, hits = (0, [])
    if q.strip():
        total, hits = _db(request).run(lambda corpus: records.search_rows(corpus.store, q.strip(), PAGE, offset))
    return render(request, "search.html", title="Search", q=q, hits=hits, total=total, offset=offset,
                  next_offset=offset + PAGE if offset + PAGE < total else None)
