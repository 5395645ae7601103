"""Store access while serving: one database opened once, a fresh cursor per unit of work, a time limit on each,
and the SQL of the lists the pages and the API show (keyset pages).

DuckDB connections must not be shared across threads, so every request works on its
own cursor in a bounded worker pool; a request that runs past the limit has its
cursor interrupted and is answered 503. The store is opened read-only, so what is
store-wide (counts, pairs, which claims and events are in conflict, documents' titles)
cannot change while serving: it is read once and kept (`Shared`).
"""
from __future__ import annotations

import bisect
import concurrent.futures as cf
import re
import threading
import time
from pathlib import Path
from typing import Callable, Optional, TypeVar

import duckdb

from ..api import Corpus
from ..options import Options
from ..errors import BilateralError
from ..store import Store

T = TypeVar("T")


class QueryTimeout(Exception):
    """A unit of work ran past the time limit and was interrupted."""


class Shared:
    """Store-wide facts read once per served store, and documents' citation fields as they are asked for."""

    def __init__(self):
        self._lock = threading.Lock()
        self._values: dict = {}
        self.meta: dict = {}

    def get(self, key: str, compute: Callable[[], T]) -> T:
        if key not in self._values:
            value = compute()
            with self._lock:
                self._values.setdefault(key, value)
        return self._values[key]


class ServingStore(Store):
    """A store over one request's cursor whose store-wide reads come from `Shared`."""

    shared: Shared

    @classmethod
    def over(cls, cursor, path: str, shared: Shared) -> "ServingStore":
        store = cls.attach(cursor, path)
        store.shared = shared
        return store

    def counts(self) -> dict:
        return self.shared.get("counts", super().counts)

    def pairs(self) -> list:
        return self.shared.get("pairs", super().pairs)

    def document_meta(self, doc_ids) -> dict:
        cache = self.shared.meta
        missing = [d for d in doc_ids if d not in cache]
        if missing:
            cache.update(super().document_meta(missing))
        return {d: cache[d] for d in doc_ids if d in cache}

    def flagged_map(self) -> dict:
        """claim_id -> the kind of the first conflict (in kind, id order) naming it."""
        return self.shared.get("flagged", lambda: dict(self.con.execute(
            "SELECT cid, first(kind ORDER BY kind, conflict_id) FROM (SELECT kind, conflict_id, "
            "unnest(CAST(json_extract(body, '$.claim_ids') AS VARCHAR[])) AS cid FROM conflicts) GROUP BY cid"
        ).fetchall()))

    def event_conflicts(self) -> dict:
        """event_id -> the ids of the conflicts naming it, in kind, id order."""
        def compute():
            out: dict = {}
            for eid, cid in self.con.execute(
                    "SELECT eid, conflict_id FROM (SELECT kind, conflict_id, unnest(CAST(json_extract(body, "
                    "'$.event_ids') AS VARCHAR[])) AS eid FROM conflicts) ORDER BY kind, conflict_id").fetchall():
                out.setdefault(eid, []).append(cid)
            return out
        return self.shared.get("event_conflicts", compute)


class Database:
    """The store file, opened read-only (or read-write when uploads are allowed), shared by all requests."""

    def __init__(self, path: str | Path, read_only: bool = True, timeout: float = 10.0, workers: int = 8,
                 dictionary: Optional[str] = None):
        self.path = str(path)
        if not Path(self.path).exists():
            raise BilateralError("no store here: run `bilateral ingest PATH` first", self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise BilateralError(f"cannot open the store: {exc}", self.path) from exc
        self.read_only = read_only
        self.timeout = timeout
        self.dictionary = dictionary
        self.write_lock = threading.Lock()
        self.shared = Shared()
        self._pool = cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bilateral-query")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.con.close()

    def corpus(self, cursor) -> Corpus:
        """A Corpus over one cursor, so the API's own methods (timeline, ask) run on it."""
        return Corpus.over(ServingStore.over(cursor, self.path, self.shared), Options(dictionary=self.dictionary))

    def run(self, work: Callable[[Corpus], T], timeout: Optional[float] = None) -> T:
        """Run `work(corpus)` on a fresh cursor in the pool; interrupt it and raise QueryTimeout past the limit."""
        limit = self.timeout if timeout is None else timeout
        cursor = self.con.cursor()

        def job():
            try:
                return work(self.corpus(cursor))
            finally:
                cursor.close()

        future = self._pool.submit(job)
        try:
            return future.result(timeout=limit)
        except cf.TimeoutError:
            self._stop(future, cursor)
            raise QueryTimeout(f"the query took longer than {limit:g} s and was stopped") from None

    @staticmethod
    def _stop(future: cf.Future, cursor, grace: float = 5.0) -> None:
        """Interrupt until the work has unwound: a query still running keeps the connection busy,
        and an interrupt sent before the query started would be lost."""
        if future.cancel():
            return
        deadline = time.monotonic() + grace
        while not future.done() and time.monotonic() < deadline:
            try:
                cursor.interrupt()
            except duckdb.Error:
                pass
            cf.wait([future], timeout=0.05)


# --- the lists the pages and the API read, one keyset page at a time ------------------------------------
# A page is fetched as `limit + 1` rows after the cursor (the sort key of the last row shown), so no
# query skips rows with OFFSET however deep the reader goes. Every sort key ends in a unique column.

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
    return rows, ([_plain_key(v) for v in rows[-1][-len(keys):]] if more and rows else None)


def _plain_key(v):
    return v if isinstance(v, (str, int, float)) else str(v)


def _count(con, inner: str, where: list, params: list) -> int:
    sql = f"SELECT count(*) FROM (SELECT * FROM ({inner}) t WHERE {' AND '.join(where) or 'TRUE'})"
    return con.execute(sql, params).fetchone()[0]


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
DOC_TITLE = "coalesce(nullif(trim(d.title), ''), regexp_extract(d.source_path, '[^/\\\\]*$')) AS shown_title"
DOC_COUNTED = (f"SELECT {DOC_COLUMNS}, coalesce(me.n, 0) AS n_events, coalesce(ce.n, 0) AS n_claims, d.seq, {DOC_TITLE} "
               "FROM documents d LEFT JOIN (SELECT doc_id, count(*) AS n FROM mentions GROUP BY doc_id) me "
               "ON me.doc_id = d.doc_id LEFT JOIN (SELECT doc_id, count(*) AS n FROM claims GROUP BY doc_id) ce "
               "ON ce.doc_id = d.doc_id")
DOC_PLAIN = f"SELECT {DOC_COLUMNS}, 0 AS n_events, 0 AS n_claims, d.seq, {DOC_TITLE} FROM documents d"
DOC_WANTED = ("doc_id, title, source_path, outlet, published, published_basis, url, n_chars_raw, n_chars_clean, "
              "n_events, n_claims, k0, k1")


def documents_page(con, f, sort: str, desc: bool, after, limit: int) -> tuple:
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
    inner = f"SELECT *, {DOC_SORTS[sort]} AS k0, seq AS k1 FROM ({DOC_COUNTED if counted else DOC_PLAIN}) x"
    rows, nxt = _page(con, inner, where, params, ["k0", "k1"], desc, after, limit, cols=DOC_WANTED)
    if not counted and rows:
        ids = [r[0] for r in rows]
        n = {t: dict(con.execute(f"SELECT doc_id, count(*) FROM {t} WHERE doc_id IN (SELECT unnest(?)) "
                                 "GROUP BY doc_id", [ids]).fetchall()) for t in ("mentions", "claims")}
        rows = [r[:9] + (n["mentions"].get(r[0], 0), n["claims"].get(r[0], 0)) + r[11:] for r in rows]
    total = _count(con, "SELECT outlet, title, published FROM documents", where, params)
    return total, rows, nxt


def outlets(con, limit: int = 200) -> list:
    """The outlets with most documents, for a filter's choices."""
    return [r[0] for r in con.execute("SELECT outlet FROM documents WHERE outlet IS NOT NULL AND outlet <> '' "
                                      "GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT ?", [limit]).fetchall()]


def _event_where(f) -> tuple:
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
    if f.q:
        _contains("summary || ' ' || coalesce(sentence, '')", f.q, where, params)
    _date_range("date", f, where, params)
    if not f.undated:
        where.append("date IS NOT NULL")
    return where, params


EVENT_INNER = ("SELECT event_id, body, date, pair, event_type, modality, quad, "
               "json_extract_string(body, '$.source.code') AS source_code, "
               "coalesce(json_extract_string(body, '$.summary'), '') AS summary, "
               "json_extract_string(body, '$.mentions[0].sentence') AS sentence FROM events")


def events_page(con, f, desc: bool, after, limit: int) -> tuple:
    """(total, bodies, next cursor): events by date (undated last either way), then id."""
    where, params = _event_where(f)
    inner = f"SELECT *, coalesce(date, '{'' if desc else '9999'}') AS k0, event_id AS k1 FROM ({EVENT_INNER}) x"
    rows, nxt = _page(con, inner, where, params, ["k0", "k1"], desc, after, limit, cols="event_id, body, k0, k1")
    return _count(con, EVENT_INNER, where, params), [r[1] for r in rows], nxt


def event_months(con, f) -> list:
    """(month or year, quad, count) of the dated events the filters keep: what the count chart draws."""
    where, params = _event_where(f)
    where.append("date IS NOT NULL")
    return con.execute(f"SELECT substr(date, 1, 7), coalesce(quad, 'none'), count(*) FROM ({EVENT_INNER}) t "
                       f"WHERE {' AND '.join(where)} GROUP BY ALL ORDER BY 1, 2", params).fetchall()


def event_marks(con, f, limit: int) -> list:
    """Up to `limit` dated events as (id, date, date_end, quad, type, modality, summary) for the visual timeline."""
    where, params = _event_where(f)
    where.append("date IS NOT NULL")
    return con.execute(
        f"SELECT event_id, date, json_extract_string(body, '$.date_end'), coalesce(quad, 'none'), event_type, "
        f"modality, left(summary, 90) FROM ({EVENT_INNER}) t WHERE {' AND '.join(where)} "
        f"ORDER BY date, event_id LIMIT ?", params + [limit]).fetchall()


CLAIM_SORTS = {"seq": "seq", "as_of": "coalesce(as_of, '9999')", "metric": "metric",
               "value": "coalesce(value_usd, value, -1e300)", "source": "lower(coalesce(outlet, ''))"}
# Columns read out of a claim's JSON body, and the outlet of its document: each is computed only for the
# lists that filter or sort on it (a join and a JSON parse per claim cost more than the rest of a page).
CLAIM_EXTRA = {"value": "TRY_CAST(json_extract_string(c.body, '$.value') AS DOUBLE) AS value",
               "value_usd": "TRY_CAST(json_extract_string(c.body, '$.value_usd') AS DOUBLE) AS value_usd",
               "sentence": "coalesce(json_extract_string(c.body, '$.sentence'), '') AS sentence",
               "scope": "coalesce(json_extract_string(c.body, '$.scope'), '') AS scope",
               "outlet": "(SELECT d.outlet FROM documents d WHERE d.doc_id = c.doc_id) AS outlet"}


def claim_inner(f, sort: str = "seq", scope: bool = False) -> str:
    """The claims select with only the extra columns these filters and this sort read."""
    need = {"sentence"} if f.q else set()
    if f.outlet or sort == "source":
        need.add("outlet")
    if sort == "value":
        need |= {"value", "value_usd"}
    if scope:
        need.add("scope")
    extra = "".join(", " + CLAIM_EXTRA[k] for k in CLAIM_EXTRA if k in need)
    return f"SELECT c.claim_id, c.body, c.doc_id, c.seq, c.metric, c.pair, c.subject, c.object, c.as_of{extra} FROM claims c"


def _claim_where(f) -> tuple:
    where, params = [], []
    for col, v in (("pair", f.pair), ("metric", f.metric), ("subject", f.actor), ("outlet", f.outlet)):
        if v:
            where.append(f"{col} = ?")
            params.append(v)
    if f.q:
        _contains("sentence", f.q, where, params)
    _date_range("as_of", f, where, params)
    return where, params


def claims_page(con, f, sort: str, desc: bool, after, limit: int) -> tuple:
    """(total, bodies, next cursor) of the claims the filters keep."""
    where, params = _claim_where(f)
    base = claim_inner(f, sort)
    inner = f"SELECT *, {CLAIM_SORTS[sort]} AS k0, claim_id AS k1 FROM ({base}) x"
    rows, nxt = _page(con, inner, where, params, ["k0", "k1"], desc, after, limit, cols="claim_id, body, k0, k1")
    return _count(con, claim_inner(f), where, params), [r[1] for r in rows], nxt


def claim_bodies(con, f, limit: int) -> list:
    """Every claim body the filters keep, up to `limit`, oldest first: what a chart or a ledger reads."""
    where, params = _claim_where(f)
    return [r[0] for r in con.execute(
        f"SELECT body FROM ({claim_inner(f)}) t WHERE {' AND '.join(where) or 'TRUE'} "
        f"ORDER BY coalesce(as_of, '9999'), claim_id LIMIT ?", params + [limit]).fetchall()]


GROUP_KEY = "metric || chr(31) || coalesce(subject, '') || chr(31) || coalesce(object, '') || chr(31) || scope"


def ledger_keys_page(con, f, after, limit: int) -> tuple:
    """(total, keys (metric, subject, object, scope), next cursor): the ledger's groups in key order."""
    where, params = _claim_where(f)
    inner = (f"SELECT DISTINCT metric AS k0, coalesce(subject, '') AS k1, coalesce(object, '') AS k2, scope AS k3 "
             f"FROM ({claim_inner(f, scope=True)}) c WHERE {' AND '.join(where) or 'TRUE'}")
    rows, nxt = _page(con, inner, [], params, ["k0", "k1", "k2", "k3"], False, after, limit)
    total = con.execute(f"SELECT count(*) FROM ({inner}) t", params).fetchone()[0]
    return total, rows, nxt


def claims_in_groups(con, f, keys: list) -> list:
    """The bodies of the claims the filters keep in these ledger groups."""
    if not keys:
        return []
    where, params = _claim_where(f)
    where.append(f"{GROUP_KEY} IN (SELECT unnest(?))")
    params.append(["\x1f".join(k) for k in keys])
    return [r[0] for r in con.execute(f"SELECT body FROM ({claim_inner(f, scope=True)}) t WHERE {' AND '.join(where)}",
                                      params).fetchall()]


def conflicts_page(con, f, after, limit: int) -> tuple:
    """(total, bodies, next cursor) of the conflicts of one kind and/or one pair."""
    where, params = [], []
    if f.kind:
        where.append("kind = ?")
        params.append(f.kind)
    if f.pair:
        where.append("ends_with(grp, ':' || ?)")
        params.append(f.pair)
    inner = "SELECT conflict_id, body, kind, grp, kind AS k0, conflict_id AS k1 FROM conflicts"
    rows, nxt = _page(con, inner, where, params, ["k0", "k1"], False, after, limit)
    return _count(con, "SELECT kind, grp FROM conflicts", where, params), [r[1] for r in rows], nxt


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


def search_documents(con, q: str, after, limit: int) -> tuple:
    """(total, rows, next cursor): documents whose title or text holds `q` (literal, case-insensitive), in
    ingestion order; each row: doc_id, title, source_path, outlet, published, url, first hit, length, hits, seq.

    The text is scanned once (the matching positions give both the total and the page); only the page's
    documents are read again for where the first hit stands."""
    pattern = literal(q)
    seqs = [r[0] for r in con.execute(
        "SELECT seq FROM documents WHERE regexp_matches(text, ?, 'i') OR regexp_matches(coalesce(title, ''), ?, 'i') "
        "ORDER BY seq", [pattern, pattern]).fetchall()]
    start = bisect.bisect_right(seqs, after[0]) if after else 0
    chosen = seqs[start:start + limit]
    nxt = [chosen[-1]] if chosen and start + limit < len(seqs) else None
    rows = con.execute(
        "SELECT doc_id, title, source_path, outlet, published, url, strpos(lower(text), lower(?)) - 1, length(text), "
        "(length(text) - length(replace(lower(text), lower(?), ''))) // greatest(length(?), 1), seq "
        "FROM documents WHERE seq IN (SELECT unnest(?)) ORDER BY seq", [q, q, q, chosen]).fetchall() if chosen else []
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
