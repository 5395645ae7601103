"""Reads of one item, one document or one page of the store, for the views (web pages, citations, answers).

Methods of `Store` (they run on its connection), kept apart from the schema and the writes."""
from __future__ import annotations

from typing import Optional

import orjson

from .model import Claim, Conflict, Event


class ItemReads:
    """Item and page reads of `Store`."""

    def n_documents(self) -> int:
        return self.con.execute("SELECT count(*) FROM documents").fetchone()[0]


    def document_meta(self, doc_ids: list) -> dict:
        """doc_id -> (title, source_path, url, published, outlet) for citing documents without their text."""
        rows = self.con.execute("SELECT doc_id, title, source_path, url, published, outlet FROM documents "
                                "WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)]).fetchall()
        return {r[0]: r[1:] for r in rows}

    def event(self, event_id: str) -> Optional[Event]:
        row = self.con.execute("SELECT body FROM events WHERE event_id = ?", [event_id]).fetchone()
        return Event.from_dict(orjson.loads(row[0])) if row else None

    def events_by_ids(self, event_ids: list) -> list:
        rows = self.con.execute("SELECT body FROM events WHERE event_id IN (SELECT unnest(?)) "
                                "ORDER BY date NULLS LAST, event_id", [list(event_ids)]).fetchall()
        return [Event.from_dict(orjson.loads(r[0])) for r in rows]

    def events_in_document(self, doc_id: str) -> list:
        """The merged events with at least one mention in a document."""
        rows = self.con.execute(
            "SELECT body FROM events WHERE event_id IN (SELECT em.event_id FROM event_members em "
            "JOIN mentions m ON m.mention_id = em.mention_id WHERE m.doc_id = ?) "
            "ORDER BY date NULLS LAST, event_id", [doc_id]).fetchall()
        return [Event.from_dict(orjson.loads(r[0])) for r in rows]

    def claim(self, claim_id: str) -> Optional[Claim]:
        row = self.con.execute("SELECT body FROM claims WHERE claim_id = ?", [claim_id]).fetchone()
        return Claim.from_dict(orjson.loads(row[0])) if row else None

    def claims_by_ids(self, claim_ids: list) -> list:
        rows = self.con.execute("SELECT body FROM claims WHERE claim_id IN (SELECT unnest(?)) "
                                "ORDER BY seq, claim_id", [list(claim_ids)]).fetchall()
        return [Claim.from_dict(orjson.loads(r[0])) for r in rows]

    def claims_in_document(self, doc_id: str) -> list:
        rows = self.con.execute("SELECT body FROM claims WHERE doc_id = ? ORDER BY claim_id", [doc_id]).fetchall()
        return [Claim.from_dict(orjson.loads(r[0])) for r in rows]

    def conflicts_page(self, kind: Optional[str], limit: int, offset: int = 0) -> tuple:
        """(total, one page of conflicts), optionally of one kind, in the order of `conflicts`."""
        where, params = ("WHERE kind = ?", [kind]) if kind else ("", [])
        total = self.con.execute(f"SELECT count(*) FROM conflicts {where}", params).fetchone()[0]
        rows = self.con.execute(f"SELECT body FROM conflicts {where} ORDER BY kind, conflict_id LIMIT ? OFFSET ?",
                                params + [limit, offset]).fetchall()
        return total, [Conflict.from_dict(orjson.loads(r[0])) for r in rows]

    def search_documents(self, query: str, limit: int, offset: int = 0) -> tuple:
        """(total, rows) of documents whose title or text contains `query` (case-insensitive, literal).

        Each row: doc_id, title, outlet, published, url, position of the first hit in the text (-1 if
        only the title matches), text length, number of hits in the text."""
        cond = "(strpos(lower(text), lower(?)) > 0 OR strpos(lower(coalesce(title, '')), lower(?)) > 0)"
        total = self.con.execute(f"SELECT count(*) FROM documents WHERE {cond}", [query, query]).fetchone()[0]
        rows = self.con.execute(
            "SELECT doc_id, title, outlet, published, url, strpos(lower(text), lower(?)) - 1, length(text), "
            "(length(text) - length(replace(lower(text), lower(?), ''))) // greatest(length(?), 1) "
            f"FROM documents WHERE {cond} ORDER BY seq LIMIT ? OFFSET ?",
            [query, query, query, query, query, limit, offset]).fetchall()
        return total, rows

    def document_text_slice(self, doc_id: str, start: int, length: int) -> Optional[str]:
        """A piece of a document's text (1-based SQL substring hidden: `start` is a 0-based offset)."""
        row = self.con.execute("SELECT substr(text, ?, ?) FROM documents WHERE doc_id = ?",
                               [start + 1, length, doc_id]).fetchone()
        return row[0] if row else None

    def conflicts_of_pair(self, pair: str) -> list:
        """The conflicts among one pair's events or claims (their group names end in the pair key)."""
        rows = self.con.execute("SELECT body FROM conflicts WHERE ends_with(grp, ':' || ?) "
                                "ORDER BY kind, conflict_id", [pair]).fetchall()
        return [Conflict.from_dict(orjson.loads(r[0])) for r in rows]
