"""The store's tables of events from other datasets (GDELT, ICEWS, POLECAT), kept apart from the record.

Part of the store (`Store` inherits these methods; the tables are in its schema): the only SQL on them.
An import writes its rows under a new import id, chunk by chunk; they count once `finish_import` has
marked it finished, which also drops the rows of earlier imports of the same file. A killed import
leaves rows no reader sees, and the next import of that file drops them.
"""
from __future__ import annotations

import operator
from typing import Optional

import pyarrow as pa

from .model import Actor, ExternalEvent

_S, _I, _F = pa.string(), pa.int64(), pa.float64()
# Column names and Arrow types of external_events, in schema order.
EXTERNAL_COLUMNS = tuple(zip(
    ("import_id line dataset native_id pair date reported source_code source_name source_sector target_code "
     "target_name target_sector cameo event_type mode context quad goldstein url text story_id sentence_number "
     "publisher").split(), (_I, _I) + (_S,) * 16 + (_F, _S, _S, _S, _I, _S)))


def _pair(a: Optional[str], b: Optional[str]) -> str:
    """The store's unordered pair key (`store.pair_key`), inline: it runs once a row."""
    a, b = a or "", b or ""
    return f"{a}|{b}" if a <= b else f"{b}|{a}"


class ExternalTables:
    """Writing and reading external events; mixed into `Store` (uses its connection and transactions)."""

    def begin_import(self, dataset: str, source_file: str) -> int:
        with self._transaction():
            import_id = self.con.execute("SELECT nextval('ext_import_seq')").fetchone()[0]
            self.con.execute("INSERT INTO external_imports VALUES (?, ?, ?, FALSE, 0, 0)",
                             [import_id, dataset, source_file])
        return import_id

    def append_external(self, import_id: int, events: list) -> None:
        """One chunk of an import's events, in one transaction (built column by column: a chunk is large)."""
        get = {name: operator.attrgetter(name) for name in (
            "line dataset native_id date reported cameo event_type mode quad goldstein url text story_id "
            "sentence_number publisher").split()}
        sources, targets = [e.source for e in events], [e.target for e in events]
        columns = {"import_id": [import_id] * len(events), "pair": [_pair(e.source.code, e.target.code) for e in events],
                   "context": [";".join(e.context) or None for e in events],
                   "source_code": [a.code for a in sources], "source_name": [a.name for a in sources],
                   "source_sector": [a.sector for a in sources], "target_code": [a.code for a in targets],
                   "target_name": [a.name for a in targets], "target_sector": [a.sector for a in targets]}
        columns.update({name: list(map(g, events)) for name, g in get.items()})
        table = pa.table({name: pa.array(columns[name], type=typ) for name, typ in EXTERNAL_COLUMNS})
        with self._transaction():
            self.con.register("_external_rows", table)
            try:
                self.con.execute("INSERT INTO external_events SELECT * FROM _external_rows")
            finally:
                self.con.unregister("_external_rows")

    def finish_import(self, import_id: int, n_rows: int, n_bad: int) -> None:
        """Make an import count, replacing every earlier import of the same dataset and file."""
        with self._transaction():
            older = ("SELECT o.import_id FROM external_imports o, external_imports n WHERE n.import_id = ? "
                     "AND o.dataset = n.dataset AND o.source_file = n.source_file AND o.import_id <> n.import_id")
            self.con.execute(f"DELETE FROM external_events WHERE import_id IN ({older})", [import_id])
            self.con.execute(f"DELETE FROM external_imports WHERE import_id IN ({older})", [import_id])
            self.con.execute("UPDATE external_imports SET finished = TRUE, n_rows = ?, n_bad = ? WHERE import_id = ?",
                             [n_rows, n_bad, import_id])

    def abandon_import(self, import_id: int) -> None:
        with self._transaction():
            self.con.execute("DELETE FROM external_events WHERE import_id = ?", [import_id])
            self.con.execute("DELETE FROM external_imports WHERE import_id = ?", [import_id])

    def _has_external(self) -> bool:
        """Whether the store has the external tables (a store written before them, opened read-only, has not)."""
        return self.con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'external_imports'"
                                ).fetchone()[0] > 0

    def external_imports(self) -> list:
        """(dataset, source file, rows, bad rows) of every finished import."""
        if not self._has_external():
            return []
        return self.con.execute("SELECT dataset, source_file, n_rows, n_bad FROM external_imports WHERE finished "
                                "ORDER BY dataset, source_file").fetchall()

    def external_datasets(self, pair: str) -> list:
        """The datasets that hold events of a pair."""
        if not self._has_external():
            return []
        rows = self.con.execute("SELECT DISTINCT dataset FROM external_events WHERE pair = ? AND import_id IN "
                                "(SELECT import_id FROM external_imports WHERE finished) ORDER BY dataset",
                                [pair]).fetchall()
        return [r[0] for r in rows]

    def external_events(self, dataset: Optional[str] = None, pair: Optional[str] = None,
                        start: Optional[str] = None, end: Optional[str] = None) -> list:
        """External events of finished imports, by dataset, pair and a period of partial ISO dates."""
        if not self._has_external():
            return []
        where, params = ["import_id IN (SELECT import_id FROM external_imports WHERE finished)"], []
        for cond, value in (("dataset = ?", dataset), ("pair = ?", pair), ("date >= ?", start),
                            ("substr(date, 1, length(?)) <= ?", end)):
            if value is not None:
                where.append(cond)
                params += [value] * cond.count("?")
        rows = self.con.execute(
            "SELECT dataset, native_id, date, source_code, source_name, source_sector, target_code, target_name, "
            "target_sector, cameo, event_type, mode, context, quad, goldstein, reported, url, text, story_id, "
            "sentence_number, publisher, (SELECT source_file FROM external_imports i WHERE i.import_id = e.import_id), "
            f"line FROM external_events e WHERE {' AND '.join(where)} ORDER BY date NULLS LAST, dataset, import_id, line",
            params).fetchall()
        return [ExternalEvent(r[0], r[1], r[2], Actor(r[3], r[4] or "", r[5]), Actor(r[6], r[7] or "", r[8]),
                              r[9], r[10], r[11], (r[12] or "").split(";") if r[12] else [], r[13], r[14], r[15],
                              r[16], r[17], r[18], r[19], r[20], r[21] or "", r[22]) for r in rows]
