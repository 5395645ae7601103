"""Literal, case-insensitive search over a served store, from memory.

A scan of every document's text (17 MB on 20,000 stories) or a JSON parse of every claim per request
costs a tenth of a second or more; the served store does not change until its generation moves, so
each searched text is read and lowered once (about a second on 20,000 stories) and kept in the
store's `Shared`. A search is then a substring scan in memory: documents as one string searched with
`str.find`, claims and events as short strings. It keeps the SQL filter's meaning exactly: the text
holds the query, letter case aside."""
from __future__ import annotations

import bisect

SEP = "\x00"   # between documents: no query holds it (control characters are refused)


class TextIndex:
    """Lowered texts of a store: documents (title and text), claims' sentences, events' summaries."""

    def __init__(self, con):
        rows = [(seq, f"{title or ''}\x01{text}".lower()) for seq, title, text in con.execute(
            "SELECT seq, title, text FROM documents ORDER BY seq").fetchall()]
        self.doc_seqs = [r[0] for r in rows]
        self.doc_starts, pos = [], 0
        for _, text in rows:
            self.doc_starts.append(pos)
            pos += len(text) + 1
        self.docs = SEP.join(r[1] for r in rows)
        self.claims = [(cid, text.lower()) for cid, text in con.execute(
            "SELECT claim_id, coalesce(json_extract_string(body, '$.sentence'), '') FROM claims").fetchall()]
        self.events = [(eid, text.lower()) for eid, text in con.execute(
            "SELECT event_id, coalesce(json_extract_string(body, '$.summary'), '') || ' ' || "
            "coalesce(json_extract_string(body, '$.mentions[0].sentence'), '') FROM events").fetchall()]

    def documents(self, q: str) -> list:
        """The seqs of the documents whose title or text holds `q`, in ingestion order."""
        q = _key(q)
        out, pos, starts = [], 0, self.doc_starts
        while True:
            pos = self.docs.find(q, pos)
            if pos < 0:
                return out
            i = bisect.bisect_right(starts, pos) - 1
            out.append(self.doc_seqs[i])
            if i + 1 >= len(starts):
                return out
            pos = starts[i + 1]

    def claim_ids(self, q: str) -> list:
        q = _key(q)
        return [cid for cid, text in self.claims if q in text]

    def event_ids(self, q: str) -> list:
        q = _key(q)
        return [eid for eid, text in self.events if q in text]


def _key(q: str) -> str:
    """The query as the texts are kept; one that would reach across a boundary matches nothing."""
    q = q.lower()
    return q if SEP not in q and "\x01" not in q else "\x02\x03"


def text_index(store) -> TextIndex:
    """The store's index, built on first use and kept until the served store changes."""
    return store.shared.get("text_index", lambda: TextIndex(store.con))
