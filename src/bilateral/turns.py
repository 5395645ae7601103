"""Turns on a store file: one writer at a time, readers between its batches, never DuckDB's lock error.

DuckDB lets one process open a database file for writing and no other process open it at all
meanwhile. So processes take turns, ordered by `flock` locks on small files in `<store>.locks/`:

- `writer`: held for the whole life of a writing process (an ingest, a repair); a second writer
  is refused at once with one line naming the first, or waits when told to (`--wait`);
- `turn`: held while a process has the database open: exclusively by the writer, shared by readers;
- `want-read`, `want-write`: held while a process waits for its turn, so the other side knows;
- `serving`: held (shared) for the life of a server reading the store.

The writer holds the file from batch to batch and gives it up at the end of a batch (a committed
transaction) when a reader waits, and waits until those readers are in; readers do not start a
turn while a writer waits. While a server is up, the writer also gives the file up before each
batch is parsed, so the server's requests wait at most for a batch being written, not parsed.
A reader sees every batch committed before its turn; a busy reader cannot starve the writer.
Locks die with their process, so a killed process leaves no stale lock behind.
"""
from __future__ import annotations

import os
import sys
import time
import weakref
from pathlib import Path
from typing import Callable, Optional

from .errors import StoreBusy

try:
    import fcntl
except ImportError:   # no flock: turns are not taken, DuckDB's own lock is all there is
    fcntl = None  # type: ignore[assignment]

POLL = 0.02            # seconds between tries for a lock
_OPEN: "weakref.WeakSet" = weakref.WeakSet()   # every Turns of this process, for the fork hook below
READ_WAIT = 120.0      # a reader waits this long for a writer's batch to commit
LET_IN = 2.0           # a writer that gave up its turn waits at most this long for the readers to get in


class Turns:
    """The lock files of one store, and this process's hold on them."""

    def __init__(self, db_path: str):
        self.db = str(db_path)
        self.folder = Path(self.db + ".locks")
        self._fds: dict = {}
        self.mode: Optional[str] = None     # "read" or "write" while this process has its turn

    @classmethod
    def of(cls, db_path: str) -> Optional["Turns"]:
        """The turns of a store file, or None where locks cannot be taken (no flock, a read-only folder)."""
        if fcntl is None or db_path == ":memory:":
            return None
        turns = cls(db_path)
        try:
            turns.folder.mkdir(exist_ok=True)
            turns._fd("turn")
        except OSError:
            return None
        return turns

    def _fd(self, name: str) -> int:
        fd = self._fds.get(name)
        if fd is None:
            fd = self._fds[name] = os.open(self.folder / name, os.O_RDWR | os.O_CREAT, 0o666)
            _OPEN.add(self)
        return fd

    def _forget_in_child(self) -> None:
        """In a forked child: close the inherited descriptors without unlocking (that would unlock the
        parent's hold, which shares them), so a worker outliving a killed writer does not keep its locks."""
        for fd in self._fds.values():
            try:
                os.close(fd)
            except OSError:
                pass
        self._fds = {}
        self.mode = None

    def _try(self, name: str, flag: int) -> bool:
        try:
            fcntl.flock(self._fd(name), flag | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(self, name: str) -> None:
        if name in self._fds:
            fcntl.flock(self._fds[name], fcntl.LOCK_UN)

    def _held(self, name: str) -> bool:
        """Whether another process (or another hold in this one) holds the lock `name`, without waiting."""
        probe = os.open(self.folder / name, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return False
        except BlockingIOError:
            return True
        finally:
            os.close(probe)   # closing drops the probe's own lock

    # --- the writing process ----------------------------------------------------------------------

    def claim_writer(self, wait: float = 0.0) -> None:
        """Become the store's one writer, waiting up to `wait` seconds; StoreBusy naming the writer if not."""
        deadline = time.monotonic() + max(0.0, wait)
        while not self._try("writer", fcntl.LOCK_EX):
            if time.monotonic() >= deadline:
                raise StoreBusy(f"another process is writing this store ({self._writer_said()}); run again when "
                                f"it ends, or give --wait SECONDS", self.db)
            time.sleep(POLL * 5)
        fd = self._fd("writer")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}: {' '.join(sys.argv)[:200]}".encode("utf-8", "replace"), 0)

    def _writer_said(self) -> str:
        try:
            said = (self.folder / "writer").read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            said = ""
        return said or "its process id unknown"

    def release_writer(self) -> None:
        self._unlock("writer")

    # --- turns ------------------------------------------------------------------------------------

    def take(self, mode: str, wait: Optional[float] = None, note: Optional[Callable[[str], None]] = None) -> None:
        """Wait for a turn to open the database: "write" (alone) or "read" (beside other readers).

        A reader gives up after `wait` seconds (READ_WAIT by default) with StoreBusy; a writer waits as long
        as readers hold the file (`wait` None), saying once through `note` whom it waits for."""
        if mode == "read":
            self._take_read(READ_WAIT if wait is None else wait)
        else:
            self._take_write(wait, note)
        self.mode = mode

    def _take_read(self, wait: float) -> None:
        deadline = time.monotonic() + wait
        fcntl.flock(self._fd("want-read"), fcntl.LOCK_SH)
        try:
            while self._held("want-write") or not self._try("turn", fcntl.LOCK_SH):
                if time.monotonic() >= deadline:
                    raise StoreBusy(f"the store was being written for longer than {wait:g} s "
                                    f"({self._writer_said()}); try again", self.db)
                time.sleep(POLL)
        finally:
            self._unlock("want-read")

    def _take_write(self, wait: Optional[float], note: Optional[Callable[[str], None]]) -> None:
        start = time.monotonic()
        noted = False
        fcntl.flock(self._fd("want-write"), fcntl.LOCK_SH)
        try:
            while not self._try("turn", fcntl.LOCK_EX):
                waited = time.monotonic() - start
                if wait is not None and waited >= wait:
                    raise StoreBusy(f"readers kept the store open for longer than {wait:g} s "
                                    f"({self.holders()}); try again", self.db)
                if note and not noted and waited >= 5:
                    note(f"waiting for the readers of {self.db} to close it ({self.holders()})")
                    noted = True
                time.sleep(POLL)
        finally:
            self._unlock("want-write")

    def give_back(self) -> None:
        """End this process's turn (its database connection must be closed first)."""
        self._unlock("turn")
        self.mode = None

    def others_wait(self) -> bool:
        """Whether a process of the other kind waits for a turn: readers for a writer, a writer for readers."""
        if self.mode == "write":
            return self._held("want-read")
        if self.mode == "read":
            return self._held("want-write")
        return False

    def serving(self) -> bool:
        """Whether a server reading the store is up (it holds `serving` for its life)."""
        return self._held("serving")

    def announce_server(self) -> None:
        """Say, for this process's life or until `close`, that a server reads the store."""
        fcntl.flock(self._fd("serving"), fcntl.LOCK_SH)

    def let_readers_in(self) -> None:
        """After a writer gave back its turn: wait (a little) until the waiting readers have taken theirs."""
        deadline = time.monotonic() + LET_IN
        while self._held("want-read") and time.monotonic() < deadline:
            time.sleep(POLL)

    def holders(self) -> str:
        """The processes holding the store's turn, as "pid N (command)", from /proc/locks where there is one."""
        try:
            inode = os.stat(self.folder / "turn").st_ino
            lines = Path("/proc/locks").read_text().splitlines()
        except OSError:
            return "processes unknown"
        pids = sorted({int(parts[4]) for parts in (line.split() for line in lines)
                       if len(parts) > 5 and parts[1] == "FLOCK" and parts[5].endswith(f":{inode}")
                       and parts[4].isdigit() and int(parts[4]) != os.getpid()})
        return ", ".join(f"pid {p} ({_command(p)})" for p in pids) or "processes unknown"

    def close(self) -> None:
        for fd in self._fds.values():
            os.close(fd)
        self._fds.clear()
        self.mode = None


def _after_fork_in_child() -> None:
    for turns in list(_OPEN):
        turns._forget_in_child()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _command(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "?"
    return " ".join(p.decode("utf-8", "replace") for p in raw.split(b"\0") if p)[:80]
