"""The DuckDB store: schema and the only SQL in the package.

Documents are keyed by the hash of their cleaned text, so storing one twice
changes nothing.  Per-document results (event mentions, claims) are written
with their document in one transaction; merged events and conflicts are
derived tables that reconciliation rewrites group by group.
"""
from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Iterable, Optional

import orjson
import pyarrow as pa

from .model import Analysis, Claim, Conflict, Document, DocumentStats, Event, PairCount, Relation
from .store_file import Attached, StoreFile
from .store_items import ItemReads
from .store_journal import JOURNAL_SCHEMA, JournalTables

SCHEMA_VERSION = 1

# Only the small tables (documents, sources, meta) carry a primary key. DuckDB holds a table's key
# index in memory once the table is written, so keys on mentions, events, claims and conflicts made
# an ingest's memory grow with the corpus (bench/memory.py); their ids are kept unique here instead:
# mentions and claims come only with new documents, each id once, and events and conflicts are
# rewritten after deleting the rows they replace.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE SEQUENCE IF NOT EXISTS doc_seq START 1;
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY, seq BIGINT, source_path VARCHAR, title VARCHAR, outlet VARCHAR,
    author VARCHAR, url VARCHAR, published VARCHAR, published_basis VARCHAR,
    n_chars_raw INTEGER, n_chars_clean INTEGER, n_tokens INTEGER, text VARCHAR, offsets VARCHAR);
CREATE TABLE IF NOT EXISTS sources (source_path VARCHAR PRIMARY KEY, doc_id VARCHAR);
CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR, doc_id VARCHAR, seq BIGINT, pair VARCHAR,
    source_code VARCHAR, target_code VARCHAR, event_type VARCHAR, cameo VARCHAR, trigger VARCHAR,
    date VARCHAR, char_start INTEGER, body VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR, pair VARCHAR, date VARCHAR, event_type VARCHAR, quad VARCHAR,
    modality VARCHAR, body VARCHAR);
CREATE TABLE IF NOT EXISTS event_members (event_id VARCHAR, mention_id VARCHAR);
CREATE TABLE IF NOT EXISTS claims (
    claim_id VARCHAR, doc_id VARCHAR, seq BIGINT, metric VARCHAR, pair VARCHAR,
    subject VARCHAR, object VARCHAR, as_of VARCHAR, body VARCHAR);
CREATE TABLE IF NOT EXISTS conflicts (
    conflict_id VARCHAR, kind VARCHAR, grp VARCHAR, body VARCHAR);
CREATE TABLE IF NOT EXISTS relations (
    grp VARCHAR, claim_a VARCHAR, claim_b VARCHAR, kind VARCHAR, explanation VARCHAR);
"""



_S, _I = pa.string(), pa.int64()
# Column names and Arrow types of each table, in schema order, for batch inserts.
DOCUMENT_COLUMNS = (("doc_id", _S), ("seq", _I), ("source_path", _S), ("title", _S), ("outlet", _S),
                    ("author", _S), ("url", _S), ("published", _S), ("published_basis", _S),
                    ("n_chars_raw", _I), ("n_chars_clean", _I), ("n_tokens", _I), ("text", _S), ("offsets", _S))
MENTION_COLUMNS = (("mention_id", _S), ("doc_id", _S), ("seq", _I), ("pair", _S), ("source_code", _S),
                   ("target_code", _S), ("event_type", _S), ("cameo", _S), ("trigger", _S), ("date", _S),
                   ("char_start", _I), ("body", _S))
CLAIM_COLUMNS = (("claim_id", _S), ("doc_id", _S), ("seq", _I), ("metric", _S), ("pair", _S), ("subject", _S),
                 ("object", _S), ("as_of", _S), ("body", _S))
EVENT_COLUMNS = (("event_id", _S), ("pair", _S), ("date", _S), ("event_type", _S), ("quad", _S),
                 ("modality", _S), ("body", _S))
SOURCE_COLUMNS = (("source_path", _S), ("doc_id", _S))
MEMBER_COLUMNS = (("event_id", _S), ("mention_id", _S))
CONFLICT_COLUMNS = (("conflict_id", _S), ("kind", _S), ("grp", _S), ("body", _S))
RELATION_COLUMNS = (("grp", _S), ("claim_a", _S), ("claim_b", _S), ("kind", _S), ("explanation", _S))

def _json(record) -> str:
    """A model record as the JSON body the store keeps: what `dataclasses.asdict` gives, serialised by
    orjson (which walks dataclasses itself, several times faster than asdict and json.dumps)."""
    return orjson.dumps(record).decode()


def pair_key(a: Optional[str], b: Optional[str]) -> str:
    """An unordered pair of codes as one string ("DEU|NAM"), the unit reconciliation works on."""
    return "|".join(sorted(x or "" for x in (a, b)))


def _first_of_each(rows: list) -> list:
    """Rows whose first column (the id) was not seen before, in order: one row per id."""
    seen: set = set()
    out = []
    for r in rows:
        if r[0] not in seen:
            seen.add(r[0])
            out.append(r)
    return out


class Store(JournalTables, ItemReads):
    """A DuckDB database file (or ":memory:") holding one corpus."""

    def __init__(self, path: str | Path = "bilateral.duckdb", read_only: bool = False, wait: float = 0.0,
                 read_wait: Optional[float] = None):
        """Open a store; for writing, as the store's one writer (waiting up to `wait` seconds for another to end).

        The file is shared in turns with other processes (`store_file.py`, `turns.py`)."""
        self.path = str(path)
        if not read_only and self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.file = StoreFile(self.path, read_only=read_only, wait=wait, read_wait=read_wait)
        self._lock = self.file.lock
        self._reopenable = not read_only and self.path != ":memory:"
        try:
            if not read_only:
                self.con.execute(SCHEMA + JOURNAL_SCHEMA)
                self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        except BaseException:
            self.file.close()
            raise

    @property
    def con(self):
        """The DuckDB connection, opened in this process's turn when needed."""
        return self.file.con

    def close(self) -> None:
        self.file.close()

    def writing_elsewhere(self) -> bool:
        """Whether another process holds this store as its writer now."""
        return self.file.writing_elsewhere()

    def boundary(self, idle: bool = False) -> None:
        """The end of a unit of work: the file goes to the processes that wait for it, if any (reopened when next
        used); `idle`: the writer turns to other work for a while, so a running server gets the file now."""
        if not getattr(self, "_depth", 0):
            self.file.boundary(idle)

    def release_cache(self) -> None:
        """Close and reopen a database file this store opened, dropping DuckDB's cache of table blocks.

        DuckDB keeps every block it has written or read in memory until the database closes, so a long
        ingest would grow with the corpus; reopening between batches keeps its memory level. A store
        over someone else's connection, an in-memory database or a read-only one is left as it is."""
        if getattr(self, "_reopenable", False):
            self.file.reopen()

    def can_close_for_a_while(self) -> bool:
        """Whether `closed_for_a_while` can close this store (a file it opened for writing)."""
        return bool(getattr(self, "_reopenable", False))

    def closed_for_a_while(self):
        """No connection open inside the block, reopened after it: worker processes forked there
        inherit no DuckDB state (its threads and locks must not cross a fork)."""
        if not self.can_close_for_a_while():
            raise ValueError("only a database file this store opened for writing can be closed and reopened")
        return self.file.closed()

    # --- writing -----------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone() is not None

    def add_source(self, source_path: str, doc_id: str) -> None:
        self.con.execute("INSERT OR IGNORE INTO sources VALUES (?, ?)", [source_path, doc_id])

    @contextlib.contextmanager
    def _transaction(self):
        """One transaction under the store's lock: all of it lands, or none of it.

        Nested uses join the outer transaction (see `together`)."""
        if getattr(self, "_depth", 0):
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        with self._lock:
            self.con.execute("BEGIN TRANSACTION")
            self._depth = 1
            try:
                yield
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0
            self.con.execute("COMMIT")
        self.file.boundary()

    def together(self):
        """Several writes as one transaction, landing together or not at all: `with store.together(): ...`."""
        return self._transaction()

    def write_batch(self, analyses: Iterable[Analysis], batch: Optional[str] = None, before: tuple = ()) -> list:
        """Store new documents with their mentions and claims in one transaction; returns the new ones.

        Rows go in as one Arrow table per table and batch: executemany runs one statement per row.
        With `batch`, the journal records the batch as stored in the same transaction, its documents
        those stored now and `before` (its earlier parts)."""
        analyses = list(analyses)
        with self._transaction():
            known = self.known_documents([a.document.doc_id for a in analyses])
            self._append("sources", SOURCE_COLUMNS, [(a.document.source_path, a.document.doc_id)
                                                     for a in analyses], "INSERT OR IGNORE INTO")
            new, seen = [], set()
            for a in analyses:
                if a.document.doc_id not in known and a.document.doc_id not in seen:
                    seen.add(a.document.doc_id)
                    new.append(a)
            if new:
                self._insert_new(new)
            if batch is not None:
                self.journal_stored(batch, list(before) + [a.document.doc_id for a in new])
        return new

    def _insert_new(self, new: list) -> None:
        seqs = [r[0] for r in self.con.execute("SELECT nextval('doc_seq') FROM range(?)", [len(new)]).fetchall()]
        docs, mentions, claims = [], [], []
        for a, seq in zip(new, seqs):
            d = a.document
            docs.append((d.doc_id, seq, d.source_path, d.title, d.outlet, d.author, d.url, d.published,
                         d.published_basis, d.n_chars_raw, d.n_chars_clean, a.n_tokens, d.text,
                         json.dumps(d.offsets)))
            mentions.extend((e.event_id, d.doc_id, seq, pair_key(e.source.code, e.target.code), e.source.code,
                             e.target.code, e.event_type, e.cameo, e.trigger, e.date, e.mentions[0].char_start,
                             _json(e)) for e in a.events)
            claims.extend((c.claim_id, d.doc_id, seq, c.metric, pair_key(c.subject, c.object), c.subject,
                           c.object, c.as_of, _json(c)) for c in a.claims)
        self._append("documents", DOCUMENT_COLUMNS, docs, "INSERT INTO")
        self._append("mentions", MENTION_COLUMNS, _first_of_each(mentions), "INSERT INTO")
        self._append("claims", CLAIM_COLUMNS, _first_of_each(claims), "INSERT INTO")

    def _append(self, table: str, columns: tuple, rows: list, verb: str) -> None:
        """Insert rows (tuples in the table's column order) as one Arrow table."""
        if not rows:
            return
        arrow = pa.table({name: pa.array([r[i] for r in rows], type=typ)
                          for i, (name, typ) in enumerate(columns)})
        self.con.register("_rows", arrow)
        try:
            self.con.execute(f"{verb} {table} SELECT * FROM _rows")
        finally:
            self.con.unregister("_rows")

    def known_documents(self, doc_ids: list) -> set:
        """Which of these documents are already stored, in one query."""
        rows = self.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))",
                                [list(doc_ids)]).fetchall()
        return {r[0] for r in rows}

    def replace_events(self, pairs: list, events: list, members: list) -> None:
        """Rewrite the merged events of the given pairs."""
        with self._transaction():
            self.con.execute("DELETE FROM event_members WHERE event_id IN "
                             "(SELECT event_id FROM events WHERE pair IN (SELECT unnest(?)))", [pairs])
            self.con.execute("DELETE FROM events WHERE pair IN (SELECT unnest(?)) OR event_id IN (SELECT unnest(?))",
                             [pairs, [e.event_id for e in events]])
            self._append("events", EVENT_COLUMNS, _first_of_each([
                (e.event_id, pair_key(e.source.code, e.target.code), e.date, e.event_type, e.quad,
                 e.modality, _json(e)) for e in events]), "INSERT INTO")
            self._append("event_members", MEMBER_COLUMNS, [tuple(m) for m in members], "INSERT INTO")

    def replace_conflicts(self, groups: list, conflicts: list) -> None:
        """Rewrite the conflicts of the given groups (a group is "claims:<metric>:<pair>" or "events:<pair>")."""
        with self._transaction():
            latest = {c.conflict_id: (c.conflict_id, c.kind, grp, _json(c))
                      for grp, c in conflicts}   # the last of a repeated id wins
            self.con.execute("DELETE FROM conflicts WHERE grp IN (SELECT unnest(?)) OR conflict_id IN (SELECT unnest(?))",
                             [groups, list(latest)])
            self._append("conflicts", CONFLICT_COLUMNS, list(latest.values()), "INSERT INTO")

    def replace_relations(self, groups: list, relations: list) -> None:
        """Rewrite the claim relations (agree, update, conflict kinds) of the given groups."""
        with self._transaction():
            self.con.execute("DELETE FROM relations WHERE grp IN (SELECT unnest(?))", [groups])
            self._append("relations", RELATION_COLUMNS, [(r.grp, r.claim_a, r.claim_b, r.kind, r.explanation)
                                                         for r in relations], "INSERT INTO")

    def relations(self, claim_ids: Optional[list] = None) -> list:
        """Claim relations, all or those touching the given claims."""
        sql = "SELECT grp, claim_a, claim_b, kind, explanation FROM relations"
        params: list = []
        if claim_ids is not None:
            sql += " WHERE claim_a IN (SELECT unnest(?)) OR claim_b IN (SELECT unnest(?))"
            params = [claim_ids, claim_ids]
        rows = self.con.execute(sql + " ORDER BY grp, kind, claim_a, claim_b", params).fetchall()
        return [Relation(*r) for r in rows]

    # --- reading -----------------------------------------------------------------

    def documents(self) -> list:
        return self._documents_where("TRUE", [])

    def document(self, doc_id: str) -> Optional[Document]:
        docs = self._documents_where("doc_id = ?", [doc_id])
        return docs[0] if docs else None

    def _documents_where(self, where: str, params: list) -> list:
        rows = self.con.execute(
            "SELECT doc_id, source_path, title, outlet, author, url, published, published_basis, n_chars_raw, "
            f"n_chars_clean, text, offsets FROM documents WHERE {where} ORDER BY seq", params).fetchall()
        return [Document(doc_id=r[0], source_path=r[1], title=r[2], outlet=r[3], author=r[4], url=r[5],
                         published=r[6], published_basis=r[7], n_chars_raw=r[8], n_chars_clean=r[9],
                         text=r[10], offsets=orjson.loads(r[11] or "[]")) for r in rows]

    def document_stats(self) -> list:
        """One DocumentStats per document for listings: id, title, outlet, published, sizes, counts."""
        return [DocumentStats(*r) for r in self.con.execute(
            "SELECT d.doc_id, d.title, d.outlet, d.published, d.published_basis, d.n_chars_raw, d.n_chars_clean, "
            "(SELECT count(*) FROM mentions m WHERE m.doc_id = d.doc_id), "
            "(SELECT count(*) FROM claims c WHERE c.doc_id = d.doc_id), d.source_path "
            "FROM documents d ORDER BY d.seq").fetchall()]

    def mentions(self, pairs: Optional[list] = None) -> list:
        """Per-document events (one mention each), earliest report first: by their documents' publication
        dates, then document ids and positions. The order depends on what is stored, never on the order
        it was ingested in, so the events merged from them (each named by its first mention) do neither."""
        where, params = ("", []) if pairs is None else ("WHERE m.pair IN (SELECT unnest(?)) ", [pairs])
        rows = self.con.execute("SELECT m.body FROM mentions m JOIN documents d ON d.doc_id = m.doc_id " + where +
                                "ORDER BY d.published NULLS LAST, m.doc_id, m.char_start, m.mention_id",
                                params).fetchall()
        return [Event.from_dict(orjson.loads(r[0])) for r in rows]

    def pair_sizes(self, table: str, pairs: list) -> dict:
        """pair -> rows it has in `mentions` or `claims`, so reconciliation can read a bounded amount at a time."""
        if table not in ("mentions", "claims"):
            raise ValueError(f"no pair sizes for table {table!r}")
        rows = self.con.execute(f"SELECT pair, count(*) FROM {table} WHERE pair IN (SELECT unnest(?)) GROUP BY pair",
                                [list(pairs)]).fetchall()
        return dict(rows)

    def mention_pairs(self, doc_ids: list) -> list:
        rows = self.con.execute("SELECT DISTINCT pair FROM mentions WHERE doc_id IN (SELECT unnest(?))",
                                [doc_ids]).fetchall()
        return sorted(r[0] for r in rows)

    def events(self, pair: Optional[str] = None) -> list:
        if pair is None:
            rows = self.con.execute("SELECT body FROM events ORDER BY date NULLS LAST, event_id").fetchall()
        else:
            rows = self.con.execute("SELECT body FROM events WHERE pair = ? ORDER BY date NULLS LAST, event_id",
                                    [pair]).fetchall()
        return [Event.from_dict(orjson.loads(r[0])) for r in rows]

    def claims(self, pairs: Optional[list] = None, metric: Optional[str] = None) -> list:
        where, params = [], []
        if pairs is not None:
            where.append("pair IN (SELECT unnest(?))")
            params.append(pairs)
        if metric is not None:
            where.append("metric = ?")
            params.append(metric)
        sql = "SELECT body FROM claims" + (" WHERE " + " AND ".join(where) if where else "")
        rows = self.con.execute(sql + " ORDER BY seq, claim_id", params).fetchall()
        return [Claim.from_dict(orjson.loads(r[0])) for r in rows]

    def claim_groups(self, doc_ids: list) -> list:
        """The (metric, pair) groups that documents' claims fall in."""
        rows = self.con.execute("SELECT DISTINCT metric, pair FROM claims WHERE doc_id IN (SELECT unnest(?))",
                                [doc_ids]).fetchall()
        return sorted(rows)

    def conflicts(self) -> list:
        rows = self.con.execute("SELECT body FROM conflicts ORDER BY kind, conflict_id").fetchall()
        return [Conflict.from_dict(orjson.loads(r[0])) for r in rows]

    def counts(self) -> dict:
        out = {}
        for table in ("documents", "mentions", "events", "claims", "conflicts"):
            out[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out

    def pairs(self) -> list:
        """Every actor pair with its number of events and claims, busiest first."""
        rows = self.con.execute(
            "SELECT pair, sum(n_events), sum(n_claims) FROM ("
            " SELECT pair, count(*) AS n_events, 0 AS n_claims FROM events GROUP BY pair"
            " UNION ALL SELECT pair, 0, count(*) FROM claims GROUP BY pair) GROUP BY pair "
            "ORDER BY sum(n_events) + sum(n_claims) DESC, pair").fetchall()
        return [PairCount(r[0], int(r[1]), int(r[2])) for r in rows]

    # --- a store over a connection opened elsewhere (a server's cursor); item reads: store_items.py ---

    @classmethod
    def attach(cls, con, path: str | Path = "") -> "Store":
        """A store over an open connection (e.g. a cursor of a read-only database); writes no schema."""
        store = cls.__new__(cls)
        store.path = str(path)
        store.file = Attached(con)
        store._lock = store.file.lock
        return store
