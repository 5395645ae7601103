"""The dashboard's overview pages: pairs, one pair (timeline, counts, figures, claims, conflicts), two pairs side
by side, and answers to questions. Server-rendered (Jinja, autoescape on, unsafe characters neutralised)
over the same lists as the API; the list pages are in `page_lists`."""
from __future__ import annotations

from pathlib import Path as FsPath
from typing import Optional

import jinja2
import orjson
from fastapi import APIRouter, Query, Request
from fastapi.templating import Jinja2Templates

from ..model import MODALITIES, PLOVER_TYPES, Claim
from .db import keyset as q
from . import lists, records
from .api_routes import filters, pair_key
from .chart import metric_charts
from .compare_chart import compare_charts
from .counts import month_chart
from .filters import QUADS, Filters, url
from .safe_text import neutralise

HERE = FsPath(__file__).parent
PAGE = 50
MAX_CHART_CLAIMS = 5000
MAX_CHARTS = 6

env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                         auto_reload=False, undefined=jinja2.StrictUndefined, finalize=neutralise)
env.globals["url"] = url
templates = Jinja2Templates(env=env)
router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, code: int = 200, **context):
    context.setdefault("title", "bilateral")
    context.setdefault("nav", request.url.path)
    return templates.TemplateResponse(request, name, context, status_code=code)


def error_page(request: Request, status: int, message: str):
    return render(request, "error.html", code=status, title=f"Error {status}", status=status, message=message)


def _db(request: Request):
    return request.app.state.db


def exports(route: str, params: dict) -> dict:
    """CSV and JSON links of the API route that serves exactly this page's rows."""
    return {fmt: url(route, dict(params, format=fmt)) for fmt in ("csv", "json")}


@router.get("/")
def index(request: Request, q_text: Optional[str] = Query(None, alias="q", max_length=100),
          after: Optional[str] = Query(None, max_length=600)):
    names = request.app.state.names
    text = (q_text or "").strip() or None

    def work(corpus):
        total, pairs, nxt = lists.pairs(corpus, names, text, after, PAGE, complete=True)
        _, top, _ = lists.pairs(corpus, names, None, None, 30, complete=True)
        _, partial, _ = lists.pairs(corpus, names, None, None, 20, complete=False)
        return total, pairs, nxt, top, partial, corpus.store.counts()
    total, pairs, nxt, top, partial, counts = _db(request).run(work)
    params = {"q": text}
    return render(request, "index.html", title="bilateral: pairs", pairs=pairs, top=top, partial=partial,
                  counts=counts, total=total, q=text or "", after=after,
                  next=url("/", dict(params, after=nxt)) if nxt else None,
                  first=url("/", params) if after else None,
                  export=exports("/api/pairs", dict(params, after=after, limit=PAGE)))


def _year_groups(events: list) -> list:
    groups: dict = {}
    for e in events:
        groups.setdefault((e["date"] or "")[:4] or "undated", []).append(e)
    return list(groups.items())


def claim_filters(f: Filters) -> Filters:
    """The filters of a pair page that apply to its figures and claims."""
    return Filters(pair=f.pair, start=f.start, end=f.end, actor=f.actor, outlet=f.outlet, metric=f.metric)


def pair_overview(corpus, f: Filters, names: dict, after: Optional[str], desc: bool, events_limit: int = PAGE,
                  claims_limit: int = 20, conflicts_limit: int = 5) -> dict:
    """Everything one pair's page (or one side of a comparison) shows, for the filters given."""
    s = corpus.store
    total, events, nxt = lists.timeline(corpus, f, desc, after, events_limit)
    counts = month_chart(q.event_months(s, f))
    cf = claim_filters(f)
    claims = [Claim.from_dict(orjson.loads(b)) for b in q.claim_bodies(s, cf, MAX_CHART_CLAIMS)]
    flagged = q.flagged(s, [c.claim_id for c in claims])
    meta = s.document_meta({c.doc_id for c in claims})
    links = {c.claim_id: records.doc_link(c.doc_id, records.claim_anchor(c.claim_id)) for c in claims}
    claim_params = cf.params()
    charts = metric_charts(claims, flagged, meta, links, lambda m, y: url("/claims", dict(
        claim_params, metric=m, **{"from": str(y), "to": str(y)})), draw=MAX_CHARTS)
    # the charts with most figures are drawn; the others (often a single figure) are listed with a link
    drawn = sorted((ch for ch in charts if ch["drawn"]), key=lambda ch: ch["id"])
    listed = [dict(metric=ch["metric"], kind=ch["kind"], n=ch["n_points"],
                   link=url("/claims", dict(claim_params, metric=ch["metric"]))) for ch in charts if not ch["drawn"]]
    n_claims, claim_rows, _ = lists.claims(corpus, cf, "as_of", False, None, claims_limit)
    n_conflicts, conflicts, _ = lists.conflicts(corpus, Filters(pair=f.pair), None, conflicts_limit)
    codes = f.pair.split("|")
    return {"pair": ",".join(codes), "codes": codes, "label": " – ".join(names.get(c) or c or "?" for c in codes),
            "n_events": total, "events": events, "years": _year_groups(events), "next_cursor": nxt,
            "counts": counts, "charts": drawn, "more_charts": listed,
            "n_claims": n_claims, "claims": claim_rows, "n_conflicts": n_conflicts, "conflicts": conflicts}


@router.get("/pair")
def pair_page(request: Request, pair: str = Query(..., max_length=200), after: Optional[str] = Query(None, max_length=600),
              sort: str = Query("date", pattern=r"^-?date$")):
    f = filters(request)
    if not f.pair:
        raise ValueError("pair: give two countries, e.g. DEU,NAM")
    desc = sort.startswith("-")
    names = request.app.state.names
    d = _db(request).run(lambda corpus: pair_overview(corpus, f, names, after, desc))
    compares = _db(request).run(lambda corpus: compare_charts(corpus, d["codes"], f.start, f.end))   # imported data
    params = dict(f.params(), sort=sort if desc else None)
    api_params = dict(params, undated="true" if f.undated else "false", after=after, limit=PAGE)
    return render(request, "pair.html", title=f"{d['label']}: timeline, figures, conflicts", d=d, f=f,
                  chosen=params, types=PLOVER_TYPES, modalities=MODALITIES, quads=QUADS, after=after,
                  next=url("/pair", dict(params, after=d["next_cursor"])) if d["next_cursor"] else None,
                  first=url("/pair", params) if after else None,
                  export=dict(exports("/api/timeline", api_params), timelinejs=url("/api/timelinejs", {"pair": d["pair"]})),
                  claims_export=exports("/api/claims", dict(claim_filters(f).params(), sort="as_of", limit=20)),
                  marks_src=url("/api/timeline/marks", f.params()), compares=compares)


@router.get("/compare")
def compare_page(request: Request, a: Optional[str] = Query(None, max_length=200),
                 b: Optional[str] = Query(None, max_length=200)):
    names = request.app.state.names
    db = _db(request)
    sides = []
    if a and b:
        base = dict(request.query_params, undated="true")
        fs = [Filters.parse(dict(base, pair=v), lambda p: pair_key(p, db.dictionary)) for v in (a, b)]

        def work(corpus):
            return [pair_overview(corpus, f, names, None, True, events_limit=10, claims_limit=0, conflicts_limit=3)
                    for f in fs]
        sides = db.run(work)
    elif a or b:
        raise ValueError("compare: give two pairs, a and b (e.g. a=DEU,NAM&b=KOR,VNM)")

    def top_pairs(corpus):
        return lists.pairs(corpus, names, None, None, 30, complete=True)[1]
    return render(request, "compare.html", title="Two pairs side by side", sides=sides, a=a or "", b=b or "",
                  top=db.run(top_pairs))


def citation_view(c) -> Optional[dict]:
    """A citation of /api/ask, old shape or new, as a link opening the cited passage; None when unusable."""
    if not isinstance(c, dict):
        return None
    doc_id = c.get("doc_id")
    if not doc_id and isinstance(c.get("document"), dict):
        doc_id = c["document"].get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        return None
    start, end = c.get("char_start", c.get("start")), c.get("char_end", c.get("end"))
    sentence = c.get("sentence") or c.get("passage") or c.get("text") or ""
    return {"doc_id": doc_id, "title": records.shown_title(c.get("title"), c.get("source_path"), doc_id),
            "published": c.get("published"), "sentence": sentence if isinstance(sentence, str) else "",
            "link": records.passage_link(doc_id, start, end)}


def answer_view(d: dict) -> dict:
    """An /api/ask answer as the page shows it, whatever fields its version has."""
    text = d.get("answer") if isinstance(d.get("answer"), str) else d.get("text")
    cites = [c for c in (citation_view(x) for x in (d.get("citations") or [])) if c]
    basis = d.get("basis")
    return {"text": text or "", "kind": d.get("kind") if isinstance(d.get("kind"), str) else None,
            "basis": basis if isinstance(basis, str) else None, "citations": cites}


@router.get("/ask")
def ask_page(request: Request, q_text: str = Query("", alias="q", max_length=500)):
    answer = None
    if q_text.strip():
        answer = answer_view(_db(request).ask(q_text.strip()))
    return render(request, "ask.html", title="Ask", q=q_text, answer=answer)
