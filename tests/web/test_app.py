"""`bilateral serve` as a user starts it: the CLI command runs uvicorn over the store and answers."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_command_answers_over_http(web_store):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "bilateral", "--db", str(web_store), "serve", "--port",
                             str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/pairs?limit=2", timeout=2) as r:
                    body = json.loads(r.read())
                    headers = r.headers
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError(proc.stdout.read().decode(errors="replace") if proc.poll() is not None
                                         else "serve did not answer in 30 s")
                time.sleep(0.2)
        assert body["total"] >= 2 and len(body["items"]) == 2
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_without_a_store_says_so(tmp_path):
    r = subprocess.run([sys.executable, "-m", "bilateral", "--db", str(tmp_path / "none.duckdb"), "serve"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "no store here" in " ".join(r.stderr.split())
