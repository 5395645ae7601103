"""The SQL of the lists the pages and the API show, one keyset page at a time.

A page is fetched as `limit + 1` rows after the cursor (the sort key of the last row shown), so no
query skips rows with OFFSET however deep the reader goes. Every sort key ends in a unique column.
Functions take the request's `ServingStore`: totals and other store-wide facts are kept in its `Shared`.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from . import ServingStore
from .text_index import text_index

def _page(con, inner: str, where: list, params: list, keys: list, desc: bool, after: Optional[list],
          limit: int, cols: str = "*") -> tuple:
    """(rows, cursor of the next page or None); `inner` selects the rows with the key columns k0, k1, ...;
    `cols` names the columns wanted (the key columns last), so the others are never computed."""
    where, params = list(where), list(params)
    if after is not None:
        where.append(f"({', '.join(keys)}) {'<' if desc else '>'} ({', '.join('?' * len(keys))})")
        params += list(after)
    order = ", ".join(f"{k} {'DESC' if desc else 'ASC'}" for k in keys)
    sql = f"SELECT {cols} FROM ({inner}) t WHERE {' AND '.join(where) or 'TRUE'} ORDER BY {order} LIMIT ?"
    rows = con.execute(sql, params + [limit + 1]).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (cursor_of(rows[-1][-len(keys):]) if more and rows else None)


def cursor_of(values) -> list:
    """A row's key values as a cursor holds them (JSON scalars)."""
    return [v if isinstance(v, (str, int, float)) else str(v) for v in values]


def _count(store, inner: str, where: list, params: list) -> int:
    """How many rows the filters keep (kept per query: the store does not change while served)."""
    sql = f"SELECT count(*) FROM (SELECT * FROM ({inner}) t WHERE {' AND '.join(where) or 'TRUE'})"
    return store.shared.get(("count", sql, tuple(map(str, params))),
                            lambda: store.con.execute(sql, params).fetchone()[0])


def _date_range(col: str, f, where: list, params: list) -> None:
    """Rows whose partial date, cut to the bound's precision, falls in [from, to]; undated ones go."""
    if f.start:
        where.append(f"{col} IS NOT NULL AND substr({col}, 1, {len(f.start)}) >= ?")
        params.append(f.start)
    if f.end:
        where.append(f"{col} IS NOT NULL AND substr({col}, 1, {len(f.end)}) <= ?")
        params.append(f.end)


def literal(q: str) -> str:
    """`q` as a regular expression matching itself (RE2 reads Python's escapes)."""
    return re.escape(q)


def _contains(expr: str, q: str, where: list, params: list) -> None:
    """Rows whose `expr` holds `q`, case-insensitively (a regular expression scan: three times a lower() copy)."""
    where.append(f"regexp_matches({expr}, ?, 'i')")
    params.append(literal(q))


DOC_SORTS = {"seq": "seq", "title": "lower(shown_title)", "outlet": "lower(coalesce(outlet, ''))",
             "published": "coalesce(published, '')", "events": "n_events", "claims": "n_claims"}
DOC_COLUMNS = ("d.doc_id, d.title, d.source_path, d.outlet, d.published, d.published_basis, d.url, d.n_chars_raw, "
               "d.n_chars_clean")
DOC_TITLE = "coalesce(nullif(trim(d.title), ''), regexp_extract(d.source_path, '[^/\\\\]*$'))"
DOC_COUNTS = ("FROM documents d LEFT JOIN (SELECT doc_id, count(*) AS n FROM mentions GROUP BY doc_id) me "
              "ON me.doc_id = d.doc_id LEFT JOIN (SELECT doc_id, count(*) AS n FROM claims GROUP BY doc_id) ce "
              "ON ce.doc_id = d.doc_id")
DOC_WANTED = ("doc_id, title, source_path, outlet, published, published_basis, url, n_chars_raw, n_chars_clean, "
              "n_events, n_claims, k0, k1")


def documents_page(store, f, sort: str, desc: bool, after, limit: int) -> tuple:
    """(total, rows, next cursor): documents with their numbers of event mentions and claims. The numbers are
    counted for the whole store only when the list is sorted by them, else for the page's documents alone."""
    where, params = [], []
    if f.outlet:
        where.append("outlet = ?")
        params.append(f.outlet)
    if f.q:
        _contains("coalesce(title, '') || ' ' || coalesce(outlet, '')", f.q, where, params)
    _date_range("published", f, where, params)
    counted = sort in ("events", "claims")
    title = f"{DOC_TITLE} AS shown_title" if sort == "title" else "NULL AS shown_title"   # a regexp per document
    counts = ("coalesce(me.n, 0) AS n_events, coalesce(ce.n, 0) AS n_claims", DOC_COUNTS) if counted else \
        ("0 AS n_events, 0 AS n_claims", "FROM documents d")
    base = f"SELECT {DOC_COLUMNS}, {counts[0]}, d.seq, {title} {counts[1]}"
    inner = f"SELECT *, {DOC_SORTS[sort]} AS k0, seq AS k1 FROM ({base}) x"
    rows, nxt = _page(store.con, inner, where, params, ["k0", "k1"], desc, after, limit, cols=DOC_WANTED)
    if not counted and rows:
        n = doc_counts(store)
        rows = [r[:9] + (n["mentions"].get(r[0], 0), n["claims"].get(r[0], 0)) + r[11:] for r in rows]
    total = _count(store, "SELECT outlet, title, published FROM documents", where, params)
    return total, rows, nxt


def doc_counts(store) -> dict:
    """{"mentions": doc_id -> n, "claims": doc_id -> n} for the whole store, counted once per served store
    (a page's ten counts would otherwise scan both tables on every request)."""
    def compute():
        return {t: dict(store.con.execute(f"SELECT doc_id, count(*) FROM {t} GROUP BY doc_id").fetchall())
                for t in ("mentions", "claims")}
    return store.shared.get("doc_counts", compute)


def outlets(store, limit: int = 200) -> list:
    """The outlets with most documents, for a filter's choices."""
    sql = ("SELECT outlet FROM documents WHERE outlet IS NOT NULL AND outlet <> '' "
           "GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT ?")
    return store.shared.get(("outlets", limit), lambda: [r[0] for r in store.con.execute(sql, [limit]).fetchall()])


def _event_where(f, store) -> tuple:
    where, params = [], []
    if f.pair:
        where.append("pair = ?")
        params.append(f.pair)
    for col in ("type", "modality", "quad"):
        v = getattr(f, col)
        if v:
            where.append(f"{'event_type' if col == 'type' else col} = ?")
            params.append(v)
    if f.actor:
        where.append("source_code = ?")
        params.append(f.actor)
    if f.outlet:
        where.append("event_id IN (SELECT em.event_id FROM event_members em JOIN mentions m "
                     "ON m.mention_id = em.mention_id JOIN documents d ON d.doc_id = m.doc_id WHERE d.outlet = ?)")
        params.append(f.outlet)
    if f.q:   # what "summary || ' ' || sentence" holds, found in memory
        where.append("event_id IN (SELECT unnest(?))")
        params.append(text_index(store).event_ids(f.q))
    _date_range("date", f, where, params)
    if not f.undated:
        where.append("date IS NOT NULL")
    return where, params


EVENT_EXTRA = {"source_code": "json_extract_string(body, '$.source.code') AS source_code",
               "summary": "coalesce(json_extract_string(body, '$.summary'), '') AS summary",
               "sentence": "json_extract_string(body, '$.mentions[0].sentence') AS sentence"}


def event_inner(f, summary: bool = False) -> str:
    """The events select with only the JSON fields these filters read (each is parsed per event)."""
    need = {"source_code"} if f.actor else set()
    if summary:
        need.add("summary")
    extra = "".join(", " + EVENT_EXTRA[k] for k in EVENT_EXTRA if k in need)
    return f"SELECT event_id, body, date, pair, event_type, modality, quad{extra} FROM events"


def events_page(store, f, desc: bool, after, limit: int) -> tuple:
    """(total, bodies, next cursor): events by date (undated last either way), then id."""
    where, params = _event_where(f, store)
    base = event_inner(f)
    inner = f"SELECT *, coalesce(date, '{'' if desc else '9999'}') AS k0, event_id AS k1 FROM ({base}) x"
    rows, nxt = _page(store.con, inner, where, params, ["k0", "k1"], desc, after, limit, cols="event_id, body, k0, k1")
    return _count(store, base, where, params), [r[1] for r in rows], nxt


def event_months(store, f) -> list:
    """(month or year, quad, count) of the dated events the filters keep: what the count chart draws."""
    where, params = _event_where(f, store)
    where.append("date IS NOT NULL")
    sql = (f"SELECT substr(date, 1, 7), coalesce(quad, 'none'), count(*) FROM ({event_inner(f)}) t "
           f"WHERE {' AND '.join(where)} GROUP BY ALL ORDER BY 1, 2")
    return store.shared.get(("months", sql, tuple(map(str, params))),
                            lambda: store.con.execute(sql, params).fetchall())


def event_marks(store, f, limit: int) -> list:
    """Up to `limit` dated events as (id, date, date_end, quad, type, modality, summary) for the visual timeline."""
    where, params = _event_where(f, store)
    where.append("date IS NOT NULL")
    return store.con.execute(
        f"SELECT event_id, date, json_extract_string(body, '$.date_end'), coalesce(quad, 'none'), event_type, "
        f"modality, left(summary, 90) FROM ({event_inner(f, summary=True)}) t WHERE {' AND '.join(where)} "
        f"ORDER BY date, event_id LIMIT ?", params + [limit]).fetchall()


CLAIM_SORTS = {"seq": "seq", "as_of": "coalesce(as_of, '9999')", "metric": "metric",
               "value": "value_key", "source": "lower(coalesce(outlet, ''))"}
# Columns read out of a claim's JSON body, and the outlet of its document: each is computed only for the
# lists that filter or sort on it (a join and a JSON parse per claim cost more than the rest of a page).
CLAIM_EXTRA = {"sentence": "coalesce(json_extract_string(c.body, '$.sentence'), '') AS sentence",
               "scope": "coalesce(json_extract_string(c.body, '$.scope'), '') AS scope",
               "outlet": "(SELECT d.outlet FROM documents d WHERE d.doc_id = c.doc_id) AS outlet"}


def claim_inner(f, sort: str = "seq", scope: bool = False) -> str:
    """The claims select with only the extra columns these filters and this sort read."""
    need = set()
    if f.outlet or sort == "source":
        need.add("outlet")
    if scope:
        need.add("scope")
    extra = "".join(", " + CLAIM_EXTRA[k] for k in CLAIM_EXTRA if k in need)
    source = "claims c"
    if sort == "value":   # the value of each claim is read from memory (`claim_values`), not parsed per request
        extra += ", cv.v AS value_key"
        source += " JOIN claim_values cv ON cv.claim_id = c.claim_id AND cv.seq = c.seq"
    return f"SELECT c.claim_id, c.body, c.doc_id, c.seq, c.metric, c.pair, c.subject, c.object, c.as_of{extra} FROM {source}"


# A claim's place in a sort by value: its value in US dollars, else its value, else last.
VALUE_KEY = ("coalesce(TRY_CAST(json_extract_string(body, '$.value_usd') AS DOUBLE), "
             "TRY_CAST(json_extract_string(body, '$.value') AS DOUBLE), -1e300)")


def claim_values(store):
    """A cursor of its own that sees `claim_values` (claim_id, seq, v): the sort key of every claim, computed
    once per served store (a JSON parse of every claim costs about 0.1 s on 74,000 claims). Close it after."""
    def compute():
        cur = store.con.cursor()
        try:
            return cur.sql(f"SELECT claim_id, seq, {VALUE_KEY} AS v FROM claims").to_arrow_table()
        finally:
            cur.close()
    cur = store.con.cursor()
    cur.register("claim_values", store.shared.get("claim_values", compute))
    return cur


def _claim_where(f, store) -> tuple:
    where, params = [], []
    for col, v in (("pair", f.pair), ("metric", f.metric), ("subject", f.actor), ("outlet", f.outlet)):
        if v:
            where.append(f"{col} = ?")
            params.append(v)
    if f.q:   # claims whose sentence holds it, found in memory
        where.append("claim_id IN (SELECT unnest(?))")
        params.append(text_index(store).claim_ids(f.q))
    _date_range("as_of", f, where, params)
    return where, params


def claims_page(store, f, sort: str, desc: bool, after, limit: int) -> tuple:
    """(total, bodies, next cursor) of the claims the filters keep."""
    where, params = _claim_where(f, store)
    inner = f"SELECT *, {CLAIM_SORTS[sort]} AS k0, claim_id AS k1 FROM ({claim_inner(f, sort)}) x"
    con = claim_values(store) if sort == "value" else store.con
    try:
        rows, nxt = _page(con, inner, where, params, ["k0", "k1"], desc, after, limit, cols="claim_id, seq, k0, k1")
    finally:
        if con is not store.con:
            con.close()
    # the bodies are read once the page is chosen: a sort that carried them would copy every match's body
    bodies = dict(store.con.execute("SELECT claim_id, body FROM claims WHERE seq IN (SELECT unnest(?)) AND claim_id IN "
                                    "(SELECT unnest(?))", [[r[1] for r in rows], [r[0] for r in rows]]).fetchall()
                  ) if rows else {}
    return _count(store, claim_inner(f), where, params), [bodies[r[0]] for r in rows], nxt


def claim_bodies(store, f, limit: int) -> list:
    """Every claim body the filters keep, up to `limit`, oldest first: what a chart or a ledger reads."""
    where, params = _claim_where(f, store)
    return [r[0] for r in store.con.execute(
        f"SELECT body FROM ({claim_inner(f)}) t WHERE {' AND '.join(where) or 'TRUE'} "
        f"ORDER BY coalesce(as_of, '9999'), claim_id LIMIT ?", params + [limit]).fetchall()]


GROUP_KEY = "metric || chr(31) || coalesce(subject, '') || chr(31) || coalesce(object, '') || chr(31) || scope"


def ledger_keys_page(store, f, after, limit: int) -> tuple:
    """(total, keys (metric, subject, object, scope), next cursor): the ledger's groups in key order."""
    where, params = _claim_where(f, store)
    inner = (f"SELECT DISTINCT metric AS k0, coalesce(subject, '') AS k1, coalesce(object, '') AS k2, scope AS k3 "
             f"FROM ({claim_inner(f, scope=True)}) c WHERE {' AND '.join(where) or 'TRUE'}")
    rows, nxt = _page(store.con, inner, [], params, ["k0", "k1", "k2", "k3"], False, after, limit)
    return _count(store, inner, [], params), rows, nxt


def claims_in_groups(store, f, keys: list) -> list:
    """The bodies of the claims the filters keep in these ledger groups."""
    if not keys:
        return []
    where, params = _claim_where(f, store)
    where.append(f"{GROUP_KEY} IN (SELECT unnest(?))")
    params.append(["\x1f".join(k) for k in keys])
    return [r[0] for r in store.con.execute(
        f"SELECT body FROM ({claim_inner(f, scope=True)}) t WHERE {' AND '.join(where)}", params).fetchall()]


def conflicts_page(store, f, after, limit: int) -> tuple:
    """(total, bodies, next cursor) of the conflicts of one kind and/or one pair."""
    where, params = [], []
    if f.kind:
        where.append("kind = ?")
        params.append(f.kind)
    if f.pair:
        where.append("ends_with(grp, ':' || ?)")
        params.append(f.pair)
    inner = "SELECT conflict_id, body, kind, grp, kind AS k0, conflict_id AS k1 FROM conflicts"
    rows, nxt = _page(store.con, inner, where, params, ["k0", "k1"], False, after, limit)
    return _count(store, "SELECT kind, grp FROM conflicts", where, params), [r[1] for r in rows], nxt


def pairs_page(store: ServingStore, codes: Optional[list], complete: Optional[bool], after, limit: int) -> tuple:
    """(total, rows (pair, events, claims), next cursor), busiest first; `codes` keeps pairs naming any of them.
    The pairs are store-wide and few (one row per pair), so they are read once and paged here."""
    rows = store.pairs()
    if codes is not None:
        wanted = set(codes)
        rows = [r for r in rows if wanted & set(r[0].split("|"))]
    if complete is not None:
        rows = [r for r in rows if all(r[0].split("|")) == complete]
    keys = [(-(r[1] + r[2]), r[0]) for r in rows]
    start = bisect.bisect_right(keys, tuple(after)) if after is not None else 0
    page = rows[start:start + limit]
    more = start + limit < len(rows)
    return len(rows), page, (list(keys[start + limit - 1]) if more else None)


def search_documents(store, q: str, after, limit: int) -> tuple:
    """(total, rows, next cursor): documents whose title or text holds `q` (literal, case-insensitive), in
    ingestion order; each row: doc_id, title, source_path, outlet, published, url, first hit, length, hits,
    the text from 80 characters before the first hit (len(q) + 160 characters), seq.

    The matching documents come from the store's text index; only the page's documents are read for where
    the first hit stands."""
    seqs = text_index(store).documents(q)
    start = bisect.bisect_right(seqs, after[0]) if after else 0
    chosen = seqs[start:start + limit]
    nxt = [chosen[-1]] if chosen and start + limit < len(seqs) else None
    rows = store.con.execute(
        "SELECT doc_id, title, source_path, outlet, published, url, pos, length(text), "
        "(length(text) - length(replace(lower(text), lower(?), ''))) // greatest(length(?), 1), "
        "CASE WHEN pos >= 0 THEN substr(text, greatest(pos - 80, 0) + 1, length(?) + 160) END, seq "
        "FROM (SELECT *, strpos(lower(text), lower(?)) - 1 AS pos FROM documents WHERE seq IN (SELECT unnest(?))) "
        "ORDER BY seq", [q, q, q, q, chosen]).fetchall() if chosen else []
    return len(seqs), rows, nxt


def flagged(store: ServingStore, claim_ids: list) -> dict:
    """claim_id -> the kind of the first conflict naming it, for these claims only."""
    fm = store.flagged_map()
    return {c: fm[c] for c in claim_ids if c in fm}


def conflicts_naming_event(store: ServingStore, event_id: str) -> list:
    ids = store.event_conflicts().get(event_id, [])
    if not ids:
        return []
    rows = dict(store.con.execute("SELECT conflict_id, body FROM conflicts WHERE conflict_id IN (SELECT unnest(?))",
                                  [ids]).fetchall())
    return [rows[i] for i in ids if i in rows]
