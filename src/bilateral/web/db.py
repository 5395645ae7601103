"""Store access while serving: one database shared by the requests, a fresh cursor per unit of work, a time limit on each.

DuckDB connections must not be shared across threads, so every request works on its
own cursor in a bounded worker pool; a request that runs past the limit has its
cursor interrupted and is answered 503. The database is opened in turns with an ingest
writing it (`store_file.SharedReader`): a request waits for the batch being written, which
does not count against its time limit, and then sees every batch committed so far.
"""
from __future__ import annotations

import concurrent.futures as cf
import threading
import time
from pathlib import Path
from typing import Callable, Optional, TypeVar

import duckdb

from ..api import Corpus
from ..options import Options
from ..errors import BilateralError
from ..store import Store
from ..store_file import SharedReader
from ..turns import READ_WAIT

T = TypeVar("T")


class QueryTimeout(Exception):
    """A unit of work ran past the time limit and was interrupted."""


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
        self._pool = cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bilateral-query")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.reader.close()

    def corpus(self, cursor) -> Corpus:
        """A Corpus over one cursor, so the API's own methods (timeline, ask) run on it."""
        return Corpus.over(Store.attach(cursor, self.path), Options(dictionary=self.dictionary))

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
