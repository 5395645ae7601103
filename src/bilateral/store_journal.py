"""The store's journal of ingest batches: the SQL of the table that makes an ingest resumable.

Each batch is recorded when it is parsed, marked stored in the transaction that stores it, and
marked reconciled once reconciliation has seen its documents. A batch left `stored` was never
reconciled (the ingest stopped before the end): the next process that writes the store
reconciles it first (`journal.finish_pending`). One left `parsed` never reached the store.
"""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

JOURNAL_SCHEMA = """
CREATE TABLE IF NOT EXISTS journal (
    batch VARCHAR PRIMARY KEY, state VARCHAR, n_docs INTEGER, doc_ids VARCHAR, sources VARCHAR,
    parsed_at VARCHAR, stored_at VARCHAR, reconciled_at VARCHAR);
"""
STATES = ("parsed", "stored", "reconciled", "abandoned")


@dataclass
class Batch:
    """One journal row: a batch of an ingest (`<run>:<number>`), its state and its documents."""

    batch: str
    state: str
    doc_ids: list
    sources: list


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


class JournalTables:
    """Journal methods of `Store` (they run on its connection and transactions)."""

    def journal_parsed(self, batch: str, doc_ids: list, sources: list) -> None:
        """Record a batch whose documents are parsed, before they are stored."""
        with self._transaction():
            self.con.execute("INSERT OR REPLACE INTO journal VALUES (?, 'parsed', ?, ?, ?, ?, NULL, NULL)",
                             [batch, len(doc_ids), json.dumps(doc_ids), json.dumps(sources), _now()])

    def journal_stored(self, batch: str, doc_ids: list) -> None:
        """Mark a batch stored, with the documents it added (inside the transaction that stores them)."""
        self.con.execute("INSERT INTO journal VALUES (?, 'stored', ?, ?, '[]', ?, ?, NULL) ON CONFLICT (batch) DO "
                         "UPDATE SET state = 'stored', n_docs = excluded.n_docs, doc_ids = excluded.doc_ids, "
                         "stored_at = excluded.stored_at",
                         [batch, len(doc_ids), json.dumps(doc_ids), _now(), _now()])

    def journal_mark(self, batches: list, state: str) -> None:
        """Set the state of some batches (`reconciled` once their documents are reconciled, `abandoned`)."""
        if not batches:
            return
        if state not in STATES:
            raise ValueError(f"unknown journal state {state!r}")
        with self._transaction():
            self.con.execute("UPDATE journal SET state = ?, reconciled_at = ? WHERE batch IN (SELECT unnest(?))",
                             [state, _now() if state == "reconciled" else None, list(batches)])

    def journal_pending(self) -> list:
        """The batches not reconciled yet (`parsed` or `stored`), oldest first."""
        if not self._has_journal():
            return []
        rows = self.con.execute("SELECT batch, state, doc_ids, sources FROM journal "
                                "WHERE state IN ('parsed', 'stored') ORDER BY parsed_at, batch").fetchall()
        return [Batch(r[0], r[1], json.loads(r[2] or "[]"), json.loads(r[3] or "[]")) for r in rows]

    def journal_counts(self) -> dict:
        """Batches per state."""
        if not self._has_journal():
            return {}
        return dict(self.con.execute("SELECT state, count(*) FROM journal GROUP BY state").fetchall())

    def generation(self) -> tuple:
        """What changes whenever an ingest writes: the number of documents and the batches by state, so a
        reader can tell its cached store-wide facts are stale."""
        docs = self.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        if not self._has_journal():
            return (docs,)
        return (docs,) + tuple(self.con.execute(
            "SELECT count(*), count(stored_at), count(reconciled_at) FROM journal").fetchone())

    def _has_journal(self) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM information_schema.tables "
                                     "WHERE table_name = 'journal'").fetchone()[0])
