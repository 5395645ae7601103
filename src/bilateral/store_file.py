"""A store's database file, opened in turns with the other processes that use it (see `turns.py`).

The connection is opened when first needed and kept from transaction to transaction; at the end
of one (a `boundary`) it is closed and the turn given back when a process of the other kind
waits, and opened again, in a new turn, when next needed. DuckDB's own lock error, met only
when a program outside these turns holds the file, is retried and then said in one line.
"""
from __future__ import annotations

import os
import re
import sys
import threading
import time
from pathlib import Path
from typing import Optional

import duckdb

from .errors import BilateralError, StoreBusy
from .turns import Turns

FOREIGN_WAIT = 10.0    # seconds to retry while a program outside the turns holds the file


def _note(message: str) -> None:
    print(f"bilateral: {message}", file=sys.stderr, flush=True)


class StoreFile:
    """One DuckDB database file (or ":memory:") and this process's connection to it."""

    def __init__(self, path: str, read_only: bool = False, wait: float = 0.0, read_wait: Optional[float] = None):
        self.path = str(path)
        self.read_only = read_only
        self.read_wait = read_wait
        self.lock = threading.RLock()
        self.turns = Turns.of(self.path)
        self._con = None
        self.writer = False
        if self.turns is not None and not read_only:
            self.turns.claim_writer(wait)
            self.writer = True

    @property
    def con(self):
        """The open connection, opened (in a new turn) when there is none."""
        con = self._con
        if con is None:
            with self.lock:
                if self._con is None:
                    self._open()
                con = self._con
        return con

    @property
    def is_open(self) -> bool:
        return self._con is not None

    def _open(self) -> None:
        if self.turns is not None:
            self.turns.take("read" if self.read_only else "write", self.read_wait if self.read_only else None,
                            note=_note)
        try:
            self._con = connect(self.path, self.read_only)
        except BaseException:
            if self.turns is not None:
                self.turns.give_back()
            raise

    def _shut(self) -> None:
        """Close the connection (DuckDB checkpoints a written file here) and end the turn."""
        con, self._con = self._con, None
        if con is not None:
            con.close()
        if self.turns is not None and self.turns.mode:
            self.turns.give_back()

    def boundary(self, idle: bool = False) -> None:
        """The end of a unit of work: give the file to the processes waiting for it, if any; `idle`: this
        process turns to other work for a while (a writer parsing), so a server's next request need not wait."""
        if self.turns is None or self._con is None:
            return
        if not self.turns.others_wait() and not (idle and not self.read_only and self.turns.serving()):
            return
        with self.lock:
            self._shut()
            if not self.read_only:
                self.turns.let_readers_in()

    def writing_elsewhere(self) -> bool:
        """Whether another process holds the store as its writer now."""
        return bool(self.turns is not None and not self.writer and self.turns._held("writer"))

    def reopen(self) -> None:
        """Close and reopen in the same turn (DuckDB then drops its cache of table blocks)."""
        with self.lock:
            if self._con is not None:
                self._con.close()
                self._con = connect(self.path, self.read_only)

    def closed(self):
        """A context with no connection open in this process (still holding the turn), reopened after it."""
        return _Closed(self)

    def close(self) -> None:
        with self.lock:
            self._shut()
            if self.turns is not None:
                if self.writer:
                    self.turns.release_writer()
                self.turns.close()


class Attached:
    """Someone else's connection (a server's cursor), used as it is: never closed, reopened or given back."""

    def __init__(self, con):
        self.con = con
        self.lock = threading.RLock()

    def boundary(self, idle: bool = False) -> None:
        pass

    def writing_elsewhere(self) -> bool:
        return False

    def close(self) -> None:
        pass


class _Closed:
    def __init__(self, file: StoreFile):
        self.file = file

    def __enter__(self):
        self.file.lock.acquire()
        self.was_open = self.file._con is not None
        if self.was_open:
            self.file._con.close()
            self.file._con = None

    def __exit__(self, *exc):
        try:
            if self.was_open:   # reopened in the turn it still holds; a file given back stays closed
                self.file._con = connect(self.file.path, self.file.read_only)
        finally:
            self.file.lock.release()


_PID = re.compile(r"PID (\d+)")


def connect(path: str, read_only: bool = False, wait: float = FOREIGN_WAIT):
    """duckdb.connect, retried while another program holds the file; StoreBusy in one line after `wait` s."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            text = str(exc)
            if not isinstance(exc, duckdb.IOException) or "lock" not in text.lower():
                raise BilateralError(f"cannot open the store: {text.splitlines()[0]}", path) from None
            if time.monotonic() >= deadline:
                pid = _PID.search(text)
                who = f"process {pid.group(1)}" if pid else "another program"
                raise StoreBusy(f"the store is open in {who} outside bilateral's turns; close it there and "
                                "try again", path) from None
            time.sleep(0.1)


def file_signature(path: str) -> tuple:
    """Size and modification time of a store and its write-ahead log (None for a file that cannot be read):
    both move with every committed write, so a reader can tell the store has changed without a query."""
    out = []
    for name in (path, path + ".wal"):
        try:
            st = os.stat(name)
            out.append((st.st_size, st.st_mtime_ns))
        except OSError:
            out.append(None)
    return tuple(out)


def exists(path: str) -> bool:
    return path == ":memory:" or Path(path).exists()


class SharedReader:
    """One read-only connection shared by the threads of a server, opened in turns with the writer.

    It is opened by the first request and closed when no request has used it for `linger` seconds or
    as soon as a writer waits and no request is running; while a writer waits, new requests queue
    until it has written its batch. Each request works on its own cursor."""

    def __init__(self, path: str, read_only: bool = True, wait: Optional[float] = None, linger: float = 0.5):
        self.file = StoreFile(path, read_only=read_only, read_wait=wait)
        if self.file.turns is not None and read_only:
            self.file.turns.announce_server()
        self.linger = linger
        self.cond = threading.Condition()
        self.users = 0
        self.idle_since = time.monotonic()
        self.stopped = False
        self._closer = threading.Thread(target=self._close_when_idle, name="bilateral-store-closer", daemon=True)
        self._closer.start()

    def _writer_waits(self) -> bool:
        turns = self.file.turns
        return bool(turns is not None and turns.mode and turns.others_wait())

    def cursor(self):
        """A context holding a fresh cursor on the shared connection, taking a turn first if needed."""
        return _Cursor(self)

    def _enter(self):
        with self.cond:
            while True:
                if self.stopped:
                    raise BilateralError("the store is closed", self.file.path)
                if self.file.is_open and self._writer_waits():
                    if self.users == 0:
                        self.file._shut()      # the writer goes first; this request reopens after it
                    else:
                        self.cond.wait(0.05)   # let the running requests drain
                    continue
                con = self.file.con            # opens in a new turn when closed (waiting for the writer)
                self.users += 1
                return con.cursor()

    def _leave(self, cursor) -> None:
        try:
            cursor.close()
        finally:
            with self.cond:
                self.users -= 1
                self.idle_since = time.monotonic()
                if self.users == 0 and self._writer_waits():
                    self.file._shut()
                self.cond.notify_all()

    def _close_when_idle(self) -> None:
        while True:
            with self.cond:
                if self.stopped:
                    return
                idle = self.users == 0 and self.file.is_open
                if idle and (time.monotonic() - self.idle_since >= self.linger or self._writer_waits()):
                    self.file._shut()
                self.cond.wait(0.05)

    def close(self) -> None:
        with self.cond:
            self.stopped = True
            self.cond.notify_all()
        self._closer.join(timeout=1)
        self.file.close()


class _Cursor:
    def __init__(self, reader: SharedReader):
        self.reader = reader

    def __enter__(self):
        self.cursor = self.reader._enter()
        return self.cursor

    def __exit__(self, *exc):
        self.reader._leave(self.cursor)
