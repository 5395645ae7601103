"""The store's tables of events from other datasets (GDELT, ICEWS, POLECAT), kept apart from the record:
their schema and the only SQL on them. `ExternalStore(store)` works on a `Store`'s connection and
transactions; the tables are created on the first import.

An import writes its rows under a new import id, chunk by chunk; they count once `finish_import` has
marked it finished, which also drops the rows of earlier imports of the same file. A killed import
leaves rows no reader sees, and the next import of that file drops them.
"""
from __future__ import annotations

import operator
from typing import Optional

import pyarrow as pa

from .model import Actor, ExternalEvent

SCHEMA = """
CREATE SEQUENCE IF NOT EXISTS ext_import_seq START 1;
CREATE TABLE IF NOT EXISTS external_imports (
    import_id BIGINT PRIMARY KEY, dataset VARCHAR, source_file VARCHAR, finished BOOLEAN, n_rows BIGINT,
    n_bad BIGINT);
CREATE TABLE IF NOT EXISTS external_events (
    import_id BIGINT, line BIGINT, dataset VARCHAR, native_id VARCHAR, pair VARCHAR, date VARCHAR,
    reported VARCHAR, source_code VARCHAR, source_name VARCHAR, source_sector VARCHAR, target_code VARCHAR,
    target_name VARCHAR, target_sector VARCHAR, cameo VARCHAR, event_type VARCHAR, mode VARCHAR,
    context VARCHAR, quad VARCHAR, goldstein DOUBLE, url VARCHAR, text VARCHAR, story_id VARCHAR,
    sentence_number BIGINT, publisher VARCHAR);
"""
_S, _I, _F = pa.string(), pa.int64(), pa.float64()
# Column names and Arrow types of external_events, in schema order.
COLUMNS = tuple(zip(
    ("import_id line dataset native_id pair date reported source_code source_name source_sector target_code "
     "target_name target_sector cameo event_type mode context quad goldstein url text story_id sentence_number "
     "publisher").split(), (_I, _I) + (_S,) * 16 + (_F, _S, _S, _S, _I, _S)))
_FINISHED = "import_id IN (SELECT import_id FROM external_imports WHERE finished)"


def _pair(a: Optional[str], b: Optional[str]) -> str:
    """The store's unordered pair key (`store.pair_key`), inline: it runs once a row."""
    a, b = a or "", b or ""
    return f"{a}|{b}" if a <= b else f"{b}|{a}"


class ExternalStore:
    """Writing and reading the external events of one store."""

    def __init__(self, store):
        self.store = store

    @property
    def con(self):
        return self.store.con   # read on each use: the store may reopen its connection (release_cache)

    # --- writing -------------------------------------------------------------------------------

    def begin_import(self, dataset: str, source_file: str) -> int:
        with self.store.together():
            self.con.execute(SCHEMA)
            import_id = self.con.execute("SELECT nextval('ext_import_seq')").fetchone()[0]
            self.con.execute("INSERT INTO external_imports VALUES (?, ?, ?, FALSE, 0, 0)",
                             [import_id, dataset, source_file])
        return import_id

    def append(self, import_id: int, events: list) -> None:
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
        table = pa.table({name: pa.array(columns[name], type=typ) for name, typ in COLUMNS})
        with self.store.together():
            self.con.register("_external_rows", table)
            try:
                self.con.execute("INSERT INTO external_events SELECT * FROM _external_rows")
            finally:
                self.con.unregister("_external_rows")

    def finish_import(self, import_id: int, n_rows: int, n_bad: int) -> None:
        """Make an import count, replacing every earlier import of the same dataset and file."""
        with self.store.together():
            older = ("SELECT o.import_id FROM external_imports o, external_imports n WHERE n.import_id = ? "
                     "AND o.dataset = n.dataset AND o.source_file = n.source_file AND o.import_id <> n.import_id")
            self.con.execute(f"DELETE FROM external_events WHERE import_id IN ({older})", [import_id])
            self.con.execute(f"DELETE FROM external_imports WHERE import_id IN ({older})", [import_id])
            self.con.execute("UPDATE external_imports SET finished = TRUE, n_rows = ?, n_bad = ? WHERE import_id = ?",
                             [n_rows, n_bad, import_id])

    def abandon_import(self, import_id: int) -> None:
        with self.store.together():
            self.con.execute("DELETE FROM external_events WHERE import_id = ?", [import_id])
            self.con.execute("DELETE FROM external_imports WHERE import_id = ?", [import_id])

    # --- reading -------------------------------------------------------------------------------

    def _exists(self) -> bool:
        """Whether the tables exist (a store no import has written to has none)."""
        return self.con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'external_imports'"
                                ).fetchone()[0] > 0

    def imports(self) -> list:
        """(dataset, source file, rows, bad rows) of every finished import."""
        if not self._exists():
            return []
        return self.con.execute("SELECT dataset, source_file, n_rows, n_bad FROM external_imports WHERE finished "
                                "ORDER BY dataset, source_file").fetchall()

    def datasets(self, pair: str) -> list:
        """The datasets that hold events of a pair."""
        if not self._exists():
            return []
        rows = self.con.execute(f"SELECT DISTINCT dataset FROM external_events WHERE pair = ? AND {_FINISHED} "
                                "ORDER BY dataset", [pair]).fetchall()
        return [r[0] for r in rows]

    def events(self, dataset: Optional[str] = None, pair: Optional[str] = None, start: Optional[str] = None,
               end: Optional[str] = None) -> list:
        """External events of finished imports, by dataset, pair and a period of partial ISO dates."""
        if not self._exists():
            return []
        where, params = [_FINISHED], []
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
                              r[9], r[10], r[11], r[12].split(";") if r[12] else [], r[13], r[14], r[15],
                              r[16], r[17], r[18], r[19], r[20], r[21] or "", r[22]) for r in rows]
