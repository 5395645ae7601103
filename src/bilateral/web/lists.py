"""The lists both the pages and the API show, one keyset page at a time: documents, events, claims, ledger
groups, conflicts, pairs and search hits. Each returns (total or None, rows, cursor of the next page).

The API serves these very rows, so an export link of a page (the API route with the page's
parameters) gives exactly what the page shows.
"""
from __future__ import annotations

from typing import Optional

import orjson

from ..model import Claim, Conflict, Event
from .db import keyset as q
from . import records
from .counts import MAX_MARKS, timeline_data
from .filters import Filters, decode_cursor

TIMELINE_SORTS = ("date",)


def documents(corpus, f: Filters, sort: str, desc: bool, after: Optional[str], limit: int) -> tuple:
    total, rows, nxt = q.documents_page(corpus.store, f, sort, desc, decode_cursor(after, 2), limit)
    out = []
    for r in rows:
        doc_id, title, source_path, outlet, published, basis, url, n_raw, n_clean, n_ev, n_cl = r[:11]
        out.append({"doc_id": doc_id, "title": title, "shown_title": records.shown_title(title, source_path, doc_id),
                    "file_name": records.file_name(source_path), "outlet": outlet, "published": published,
                    "published_basis": basis, "n_chars_raw": n_raw, "n_chars_clean": n_clean, "events": n_ev,
                    "claims": n_cl, "url": url, "url_href": records.safe_href(url),
                    "link": records.doc_link(doc_id)})
    return total, out, nxt


def timeline(corpus, f: Filters, desc: bool, after: Optional[str], limit: int,
             cap: Optional[int] = records.MAX_SOURCES) -> tuple:
    total, bodies, nxt = q.events_page(corpus.store, f, desc, decode_cursor(after, 2), limit)
    events = [Event.from_dict(orjson.loads(b)) for b in bodies]
    return total, records.events_with_sources(corpus.store, events, cap), nxt


def timeline_marks(corpus, f: Filters) -> dict:
    """The visual timeline's data: each dated event (id, date, class, type, summary) when few, else counts."""
    months = q.event_months(corpus.store, f)
    dated = sum(n for _, _, n in months)
    marks = q.event_marks(corpus.store, f, MAX_MARKS) if dated <= MAX_MARKS else []
    return timeline_data(marks, months, dated)


def claims(corpus, f: Filters, sort: str, desc: bool, after: Optional[str], limit: int) -> tuple:
    total, bodies, nxt = q.claims_page(corpus.store, f, sort, desc, decode_cursor(after, 2), limit)
    items = [Claim.from_dict(orjson.loads(b)) for b in bodies]
    rows = records.claim_rows(corpus.store, items)
    for r in rows:
        r["source_title"] = r["source"]["title"]
        r["source_outlet"] = r["source"]["outlet"]
    return total, rows, nxt


# Rows one ledger page shows at most: a page ends before the group that would pass it, and a group longer
# than this shows its first rows and how many more the claims table pages through.
LEDGER_ROWS = 120


def ledger_groups(corpus, f: Filters, after: Optional[str], limit: int, rows: Optional[int] = None) -> tuple:
    """Ledger groups (metric, subject, object, scope) in key order, as the CLI groups them: at most `limit`
    groups and `rows` rows (LEDGER_ROWS by default), so a busy pair's page stays small."""
    rows = LEDGER_ROWS if rows is None else rows
    s = corpus.store
    total, keys, nxt = q.ledger_keys_page(s, f, decode_cursor(after, 4), limit)
    items = [Claim.from_dict(orjson.loads(b)) for b in q.claims_in_groups(s, f, keys)]
    items.sort(key=lambda c: (c.metric, c.as_of or "9999", c.claim_id))
    groups = {(g["metric"], g["subject"] or "", g["object"] or "", g["scope"] or ""): g
              for g in records.ledger_groups(s, items)}
    kept, shown = [], 0
    for key in keys:
        g = groups.get(tuple(str(v) if v is not None else "" for v in key))
        if g is None:
            continue
        if kept and shown + len(g["rows"]) > rows:
            nxt = q.cursor_of(kept[-1][1])
            break
        if len(g["rows"]) > rows:
            g["more"] = len(g["rows"]) - rows
            g["rows"] = g["rows"][:rows]
            shown_ids = {r["claim_id"] for r in g["rows"]}      # a cut group names the decisions on its rows only
            g["relations"] = [r for r in g["relations"] if r["claim_a"] in shown_ids and r["claim_b"] in shown_ids]
        shown += len(g["rows"])
        kept.append((g, key))
    return total, [g for g, _ in kept], nxt


def conflicts(corpus, f: Filters, after: Optional[str], limit: int) -> tuple:
    s = corpus.store
    total, bodies, nxt = q.conflicts_page(s, f, decode_cursor(after, 2), limit)
    return total, records.conflicts_with_items(s, [Conflict.from_dict(orjson.loads(b)) for b in bodies]), nxt


def pairs(corpus, names: dict, text: Optional[str], after: Optional[str], limit: int,
          complete: Optional[bool] = None) -> tuple:
    """Pairs busiest first; `text` keeps those with an actor whose code or name contains it."""
    codes = None
    if text:
        t = text.lower()
        codes = sorted(c for c, n in names.items() if t in c.lower() or t in (n or "").lower())
    total, rows, nxt = q.pairs_page(corpus.store, codes, complete, decode_cursor(after, 2), limit)
    return total, records.pair_rows(rows, names), nxt


def search_passages(corpus, text: str, after: Optional[str], limit: int) -> tuple:
    total, rows, nxt = q.search_documents(corpus.store, text, decode_cursor(after, 1), limit)
    return total, records.search_hits(text, rows), nxt


def search_events(corpus, text: str, after: Optional[str], limit: int) -> tuple:
    f = Filters(q=text)
    return timeline(corpus, f, False, after, limit, cap=1)


def search_claims(corpus, text: str, after: Optional[str], limit: int) -> tuple:
    return claims(corpus, Filters(q=text), "seq", False, after, limit)


SEARCHES = {"passages": search_passages, "events": search_events, "claims": search_claims}
