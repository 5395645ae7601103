"""Store access while serving: one database opened once, a fresh cursor per unit of work, a time limit on each;
the SQL of the lists the pages and the API show is in `keyset`.

DuckDB connections must not be shared across threads, so every request works on its
own cursor in a bounded worker pool; a request that runs past the limit has its
cursor interrupted and is answered 503. The database is opened in turns with an ingest
writing it (`store_file.SharedReader`): a request waits for the batch being written, which
does not count against its time limit, and then sees every batch committed so far. What is
store-wide (counts, pairs, which claims and events are in conflict, documents' titles) is
read once and kept (`Shared`) until the store's generation (its documents and journal) moves.
"""
from __future__ import annotations

import concurrent.futures as cf
import threading
import time
from pathlib import Path
from typing import Callable, Optional, TypeVar

import duckdb

from ...api import Corpus
from ...errors import BilateralError
from ...options import Options
from ...store import Store
from ...store_file import SharedReader, file_signature
from ...turns import READ_WAIT

T = TypeVar("T")


class QueryTimeout(Exception):
    """A unit of work ran past the time limit and was interrupted."""


MAX_KEPT = 4096
ASK_LIMIT = 120.0   # seconds a question may take: the first one over a store builds the record it reads


class Shared:
    """Store-wide facts read once per served store, and documents' citation fields as they are asked for."""

    def __init__(self):
        self._lock = threading.Lock()
        self._values: dict = {}
        self.meta: dict = {}

    def get(self, key, compute: Callable[[], T]) -> T:
        """The value under `key`, computed once; past MAX_KEPT values the oldest half is dropped."""
        try:
            return self._values[key]
        except KeyError:
            pass
        value = compute()
        with self._lock:
            if len(self._values) >= MAX_KEPT:
                for old in list(self._values)[:MAX_KEPT // 2]:
                    self._values.pop(old, None)
            self._values.setdefault(key, value)
        return value


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
        self.reader = SharedReader(self.path, read_only=read_only)
        self.read_only = read_only
        self.timeout = timeout
        self.dictionary = dictionary
        self.write_lock = threading.Lock()
        self.shared = Shared()
        self._generation = None
        self._signature: Optional[tuple] = None
        self._pool = cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bilateral-query")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.reader.close()

    def corpus(self, cursor) -> Corpus:
        """A Corpus over one cursor, so the API's own methods (timeline, ask) run on it."""
        return Corpus.over(ServingStore.over(cursor, self.path, self.shared), Options(dictionary=self.dictionary))

    def _refresh(self, cursor) -> None:
        """Start the store-wide facts afresh when an ingest has written since they were read. The store's
        generation is read again only when its files have moved (a stat costs far less than the query)."""
        signature = file_signature(self.path)
        if signature[0] is not None and signature == self._signature:
            return
        generation = Store.attach(cursor, self.path).generation()
        if generation != self._generation:
            with self.write_lock:
                if generation != self._generation:
                    self.shared, self._generation = Shared(), generation
        self._signature = signature

    def ask(self, question: str) -> dict:
        """An answer to a question, as a dict. The first question over a store builds the record the answers
        read (every sentence indexed: about 20 s for 20,000 stories), so it may run to ASK_LIMIT seconds;
        later ones reuse it while the store is unchanged."""
        return self.run(lambda corpus: corpus.ask(question).to_dict(), timeout=max(self.timeout, ASK_LIMIT))

    def run(self, work: Callable[[Corpus], T], timeout: Optional[float] = None) -> T:
        """Run `work(corpus)` on a fresh cursor in the pool; interrupt it and raise QueryTimeout past the limit.

        The limit runs from when the request has its turn on the store, not while it waits for one."""
        limit = self.timeout if timeout is None else timeout
        held: dict = {}
        started = threading.Event()

        def job():
            with self.reader.cursor() as cursor:
                held["cursor"] = cursor
                started.set()
                self._refresh(cursor)
                return work(self.corpus(cursor))

        future = self._pool.submit(job)
        deadline = time.monotonic() + READ_WAIT + 1
        while not started.is_set() and not future.done() and time.monotonic() < deadline:
            started.wait(0.05)
        try:
            return future.result(timeout=limit)
        except cf.TimeoutError:
            self._stop(future, held.get("cursor"))
            raise QueryTimeout(f"the query took longer than {limit:g} s and was stopped") from None

    @staticmethod
    def _stop(future: cf.Future, cursor, grace: float = 5.0) -> None:
        """Interrupt until the work has unwound: a query still running keeps the connection busy,
        and an interrupt sent before the query started would be lost."""
        if future.cancel():
            return
        deadline = time.monotonic() + grace
        while cursor is not None and not future.done() and time.monotonic() < deadline:
            try:
                cursor.interrupt()
            except duckdb.Error:
                pass
            cf.wait([future], timeout=0.05)
