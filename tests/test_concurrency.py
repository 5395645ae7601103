"""Reading while writing: `serve` answers during an ingest and sees its batches as they commit, a reader
never stops the ingest, a second writer gets one line and exit code 2 (or waits when told to)."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

import bilateral
from bilateral.errors import StoreBusy
from bilateral.store_file import connect

HERE = Path(__file__).parent
SAMPLE = HERE.parent / "src" / "bilateral" / "data" / "sample"
INPUTS = [str(HERE / "docs" / "corpus")]
BIN = str(Path(sys.executable).parent / "bilateral")
CHILD = ("import sys, bilateral; from bilateral.options import Options; "
         "c = bilateral.open(sys.argv[1], options=Options(batch_size=1)); r = c.ingest(sys.argv[2:]); "
         "print(r.new); c.close()")


def _ingest(db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(db), *INPUTS], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.fixture
def store(tmp_path) -> Path:
    db = tmp_path / "x.duckdb"
    with bilateral.open(db) as corpus:
        corpus.ingest([str(SAMPLE)])
    return db


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _total(port: int) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=60) as r:
        assert r.status == 200
        return json.loads(r.read())["total"]


def test_serve_answers_during_an_ingest_and_sees_each_batch_as_it_commits(store):
    port = _port()
    server = subprocess.Popen([BIN, "--db", str(store), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            try:
                before = _total(port)
                break
            except OSError:
                time.sleep(0.1)
        ingest = _ingest(store)
        seen = []
        while ingest.poll() is None:
            seen.append(_total(port))      # every request is answered while the ingest runs
            time.sleep(0.05)
        out, errs = ingest.communicate()
        assert ingest.returncode == 0, errs
        new = int(out.strip())
        after = _total(port)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert after == before + new and new >= 4
    assert any(before < n < after for n in seen), f"no batch seen before the ingest ended: {seen}"
    assert seen == sorted(seen)             # a reader never sees the store go back


def test_a_reader_during_an_ingest_waits_for_a_batch_and_the_ingest_goes_on(store):
    ingest = _ingest(store)
    reads = []
    while ingest.poll() is None:
        out = subprocess.run([BIN, "--db", str(store), "docs", "--json"], capture_output=True, text=True)
        assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
        reads.append(len(out.stdout.splitlines()))
        export = subprocess.run([BIN, "--db", str(store), "export", "--out", str(store.parent / "out")],
                                capture_output=True, text=True)
        assert export.returncode == 0 and "Traceback" not in export.stderr, export.stderr
    new, errs = ingest.communicate()
    assert ingest.returncode == 0, errs
    assert reads and reads == sorted(reads)
    with bilateral.open(store, read_only=True) as corpus:
        assert corpus.store.counts()["documents"] == 8 + int(new)


def test_a_second_writer_gets_one_line_and_exit_code_2_or_waits_when_told(store):
    ingest = _ingest(store)
    try:
        time.sleep(0.5)
        second = subprocess.run([BIN, "--db", str(store), "ingest", str(SAMPLE)], capture_output=True, text=True)
        if ingest.poll() is None:      # the first was still writing
            assert second.returncode == 2
            lines = second.stderr.strip().splitlines()
            assert len(lines) == 1 and "another process is writing this store" in lines[0]
            assert f"pid {ingest.pid}" in lines[0] and "--wait" in lines[0]
        waited = subprocess.run([BIN, "--db", str(store), "--wait", "300", "ingest", str(SAMPLE)],
                                capture_output=True, text=True)
        assert waited.returncode == 0 and "already stored 8" in waited.stdout
    finally:
        _, errs = ingest.communicate(timeout=300)
    assert ingest.returncode == 0, errs


def test_a_store_held_by_a_program_outside_the_turns_is_one_line_not_a_traceback(tmp_path):
    db = tmp_path / "x.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusy) as caught:
            connect(str(db), read_only=True, wait=0.3)
        assert f"process {holder.pid}" in str(caught.value) and "\n" not in str(caught.value)
    finally:
        holder.kill()
        holder.wait()


def test_a_forked_worker_outliving_its_killed_writer_does_not_keep_the_store(tmp_path):
    db = tmp_path / "x.duckdb"
    code = ("import os, sys, time; from bilateral.store import Store; s = Store(sys.argv[1]); "
            "pid = os.fork()\n"
            "if pid == 0:\n    n = os.open(os.devnull, os.O_RDWR); os.dup2(n, 1); os.dup2(n, 2); time.sleep(30); os._exit(0)\n"
            "print(pid, flush=True); os._exit(0)")   # the writer dies without closing; its child lives on
    out = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=60)
    child = int(out.stdout.strip())
    try:
        os.kill(child, 0)                     # the child still runs
        with bilateral.open(db) as corpus:   # not refused as "another process is writing"
            assert corpus.store.counts()["documents"] == 0
    finally:
        os.kill(child, signal.SIGKILL)
