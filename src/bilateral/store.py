"""The DuckDB store: schema and the only SQL in the package.

Documents are keyed by the hash of their cleaned text, so storing one twice
changes nothing.  Per-document results (event mentions, claims) are written
with their document in one transaction; merged events and conflicts are
derived tables that reconciliation rewrites group by group.
"""
from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Iterable, Optional

import duckdb

from .model import Analysis, Claim, Conflict, Document, Event

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE SEQUENCE IF NOT EXISTS doc_seq START 1;
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY, seq BIGINT, source_path VARCHAR, title VARCHAR, outlet VARCHAR,
    author VARCHAR, url VARCHAR, published VARCHAR, published_basis VARCHAR,
    n_chars_raw INTEGER, n_chars_clean INTEGER, n_tokens INTEGER, text VARCHAR, offsets VARCHAR);
CREATE TABLE IF NOT EXISTS sources (source_path VARCHAR PRIMARY KEY, doc_id VARCHAR);
CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR PRIMARY KEY, doc_id VARCHAR, seq BIGINT, pair VARCHAR,
    source_code VARCHAR, target_code VARCHAR, event_type VARCHAR, cameo VARCHAR, trigger VARCHAR,
    date VARCHAR, char_start INTEGER, body VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, pair VARCHAR, date VARCHAR, event_type VARCHAR, quad VARCHAR,
    modality VARCHAR, body VARCHAR);
CREATE TABLE IF NOT EXISTS event_members (event_id VARCHAR, mention_id VARCHAR);
CREATE TABLE IF NOT EXISTS claims (
    claim_id VARCHAR PRIMARY KEY, doc_id VARCHAR, seq BIGINT, metric VARCHAR, pair VARCHAR,
    subject VARCHAR, object VARCHAR, as_of VARCHAR, body VARCHAR);
CREATE TABLE IF NOT EXISTS conflicts (
    conflict_id VARCHAR PRIMARY KEY, kind VARCHAR, grp VARCHAR, body VARCHAR);
"""


def pair_key(a: Optional[str], b: Optional[str]) -> str:
    """An unordered pair of codes as one string ("JPN|KHM"), the unit reconciliation works on."""
    return "|".join(sorted(x or "" for x in (a, b)))


class Store:
    """A DuckDB database file (or ":memory:") holding one corpus."""

    def __init__(self, path: str | Path = "bilateral.duckdb", read_only: bool = False):
        self.path = str(path)
        if not read_only and self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(self.path, read_only=read_only)
        self._lock = threading.Lock()
        if not read_only:
            self.con.execute(SCHEMA)
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def close(self) -> None:
        self.con.close()

    # --- writing -----------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone() is not None

    def add_source(self, source_path: str, doc_id: str) -> None:
        self.con.execute("INSERT OR IGNORE INTO sources VALUES (?, ?)", [source_path, doc_id])

    def write_batch(self, analyses: Iterable[Analysis]) -> list:
        """Store new documents with their mentions and claims in one transaction; returns the new ones."""
        new = []
        with self._lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                for a in analyses:
                    d = a.document
                    self.con.execute("INSERT OR IGNORE INTO sources VALUES (?, ?)", [d.source_path, d.doc_id])
                    if self.has_document(d.doc_id):
                        continue
                    seq = self.con.execute("SELECT nextval('doc_seq')").fetchone()[0]
                    self.con.execute(
                        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        [d.doc_id, seq, d.source_path, d.title, d.outlet, d.author, d.url, d.published,
                         d.published_basis, d.n_chars_raw, d.n_chars_clean, a.n_tokens, d.text,
                         json.dumps(d.offsets)])
                    rows = [[e.event_id, d.doc_id, seq, pair_key(e.source.code, e.target.code), e.source.code,
                             e.target.code, e.event_type, e.cameo, e.trigger, e.date,
                             e.mentions[0].char_start, json.dumps(e.to_dict())] for e in a.events]
                    if rows:
                        self.con.executemany("INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                                             rows)
                    rows = [[c.claim_id, d.doc_id, seq, c.metric, pair_key(c.subject, c.object), c.subject,
                             c.object, c.as_of, json.dumps(c.to_dict())] for c in a.claims]
                    if rows:
                        self.con.executemany("INSERT OR IGNORE INTO claims VALUES (?,?,?,?,?,?,?,?,?)", rows)
                    new.append(a)
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
        return new

    def replace_events(self, pairs: list, events: list, members: list) -> None:
        """Rewrite the merged events of the given pairs."""
        with self._lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                for p in pairs:
                    self.con.execute("DELETE FROM event_members WHERE event_id IN "
                                     "(SELECT event_id FROM events WHERE pair = ?)", [p])
                    self.con.execute("DELETE FROM events WHERE pair = ?", [p])
                if events:
                    self.con.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?)", [
                        [e.event_id, pair_key(e.source.code, e.target.code), e.date, e.event_type, e.quad,
                         e.modality, json.dumps(e.to_dict())] for e in events])
                if members:
                    self.con.executemany("INSERT INTO event_members VALUES (?, ?)", members)
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    def replace_conflicts(self, groups: list, conflicts: list) -> None:
        """Rewrite the conflicts of the given groups (a group is "claims:<metric>:<pair>" or "events:<pair>")."""
        with self._lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                for g in groups:
                    self.con.execute("DELETE FROM conflicts WHERE grp = ?", [g])
                if conflicts:
                    self.con.executemany("INSERT OR REPLACE INTO conflicts VALUES (?,?,?,?)", [
                        [c.conflict_id, c.kind, grp, json.dumps(c.to_dict())] for grp, c in conflicts])
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    # --- reading -----------------------------------------------------------------

    def documents(self) -> list:
        rows = self.con.execute(
            "SELECT doc_id, source_path, title, outlet, author, url, published, published_basis, n_chars_raw, "
            "n_chars_clean, text, offsets FROM documents ORDER BY seq").fetchall()
        return [Document(doc_id=r[0], source_path=r[1], title=r[2], outlet=r[3], author=r[4], url=r[5],
                         published=r[6], published_basis=r[7], n_chars_raw=r[8], n_chars_clean=r[9],
                         text=r[10], offsets=json.loads(r[11] or "[]")) for r in rows]

    def document(self, doc_id: str) -> Optional[Document]:
        docs = [d for d in self._documents_where("doc_id = ?", [doc_id])]
        return docs[0] if docs else None

    def _documents_where(self, where: str, params: list) -> list:
        rows = self.con.execute(
            "SELECT doc_id, source_path, title, outlet, author, url, published, published_basis, n_chars_raw, "
            f"n_chars_clean, text, offsets FROM documents WHERE {where} ORDER BY seq", params).fetchall()
        return [Document(doc_id=r[0], source_path=r[1], title=r[2], outlet=r[3], author=r[4], url=r[5],
                         published=r[6], published_basis=r[7], n_chars_raw=r[8], n_chars_clean=r[9],
                         text=r[10], offsets=json.loads(r[11] or "[]")) for r in rows]

    def document_stats(self) -> list:
        """One row per document for listings: id, title, outlet, published, sizes, counts."""
        return self.con.execute(
            "SELECT d.doc_id, d.title, d.outlet, d.published, d.published_basis, d.n_chars_raw, d.n_chars_clean, "
            "(SELECT count(*) FROM mentions m WHERE m.doc_id = d.doc_id), "
            "(SELECT count(*) FROM claims c WHERE c.doc_id = d.doc_id), d.source_path "
            "FROM documents d ORDER BY d.seq").fetchall()

    def mentions(self, pairs: Optional[list] = None) -> list:
        """Per-document events (one mention each), in ingestion order."""
        if pairs is None:
            rows = self.con.execute("SELECT body FROM mentions ORDER BY seq, char_start, mention_id").fetchall()
        else:
            rows = self.con.execute("SELECT body FROM mentions WHERE pair IN (SELECT unnest(?)) "
                                    "ORDER BY seq, char_start, mention_id", [pairs]).fetchall()
        return [Event.from_dict(json.loads(r[0])) for r in rows]

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
        return [Event.from_dict(json.loads(r[0])) for r in rows]

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
        return [Claim.from_dict(json.loads(r[0])) for r in rows]

    def claim_groups(self, doc_ids: list) -> list:
        """The (metric, pair) groups that documents' claims fall in."""
        rows = self.con.execute("SELECT DISTINCT metric, pair FROM claims WHERE doc_id IN (SELECT unnest(?))",
                                [doc_ids]).fetchall()
        return sorted(rows)

    def conflicts(self) -> list:
        rows = self.con.execute("SELECT body FROM conflicts ORDER BY kind, conflict_id").fetchall()
        return [Conflict.from_dict(json.loads(r[0])) for r in rows]

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
        return [(r[0], int(r[1]), int(r[2])) for r in rows]
