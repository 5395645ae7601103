"""Web fixtures: one store (test corpus, sample corpus, hostile documents), the app, a live server, a browser."""
from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest

import bilateral

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
CORPUS = HERE.parent / "docs" / "corpus"
SAMPLE = ROOT / "src" / "bilateral" / "data" / "sample"
CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "artifacts" / "screenshots"      # kept by CI, ignored by git
AXE = HERE / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

# Hostile documents: every payload sets window.__xss if it ever runs, so the browser tests can tell.
XSS_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Kenya and Ethiopia sign water pact &lt;img src=x onerror="window.__xss='title'"&gt;</title>
<meta property="og:site_name" content="Rift Valley &lt;b onmouseover=window.__xss=1&gt;Post">
<meta property="og:url" content="javascript:window.__xss='url'">
<meta property="article:published_time" content="2020-03-05T09:00:00+00:00">
<script>window.__xss = 'head';</script>
</head><body onload="window.__xss='onload'">
<article>
<h1>Kenya and Ethiopia sign water pact &lt;img src=x onerror="window.__xss='title'"&gt;</h1>
<p>NAIROBI – Kenya and Ethiopia signed a water-sharing agreement on 3 March 2020 &lt;script&gt;window.__xss='body'&lt;/script&gt; in Nairobi.</p>
<p>Kenya will provide <b>$40 million</b> &lt;svg onload=window.__xss='figure'&gt; in aid to Ethiopia over five years.
<a href="javascript:window.__xss='link'">Full text</a></p>
<p>Trade between Kenya and Ethiopia reached $120 million&lt;/mark&gt;&lt;script&gt;window.__xss='mark'&lt;/script&gt; in 2019.</p>
</article></body></html>
"""

XSS_JSONL = [
    {"title": "Chile and Peru hold border talks \"><script>window.__xss='jtitle'</script>",
     "url": "javascript:window.__xss='jurl'", "published": "2021-06-10",
     "outlet": "<img src=x onerror=window.__xss='outlet'>",
     "text": "LIMA – Chile and Peru held talks on their maritime border on 8 June 2021 "
             "\"><img src=x onerror=window.__xss='jtext'>. Chile will invest "
             "$<i>250</i> million <iframe src=javascript:window.__xss='iframe'></iframe> in Peru by 2025, "
             "officials said.\n\nTwo-way trade reached $5.6 billion in 2020 "
             "<a href=\"javascript:window.__xss='jlink'\">source</a>, according to Peru's trade ministry."},
]

XSS_TEXT = """Norway and Iceland agree fisheries deal <svg/onload=window.__xss='ttitle'>

North Atlantic Herald, 4 February 2022

REYKJAVIK – Norway and Iceland signed a fisheries agreement on 2 February 2022 {{7*7}} ${alert(1)} <style>body{display:none}</style>.

Norway provided NOK 30 million <script>window.__xss='ttext'</script> for joint research vessels in 2021.
"""


# Awkward documents: no title (named by its file name, never its folders), spreadsheet formulas in the
# title and outlet, a right-to-left override and a NUL byte in the title, outlet and text.
EDGE_JSONL = [
    {"text": "Ghana and Togo signed a border agreement on 4 May 2019 in Accra. Ghana will provide $12 million "
             "in aid to Togo in 2020.", "published": "2019-05-06"},
    {"title": "=HYPERLINK(\"http://evil.example\",\"Mali and Niger\")", "outlet": "@SUM(1+1)",
     "published": "2018-02-01", "text": "Mali and Niger held talks on security on 30 January 2018. Mali will "
                                        "provide $5 million in aid to Niger in 2019."},
    {"title": "Peru and Bolivia \u202eagree trade deal", "outlet": "Andes\u0000Wire", "published": "2017-09-01",
     "text": "Peru and Bolivia signed a trade agreement on 29 August 2017. \u202eTrade between Peru and Bolivia "
             "reached $1.2 billion in 2016.\u0000 Officials said."},
]


def write_hostile(folder: Path) -> list:
    """The hostile and awkward documents as files in `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "edge_cases.jsonl").write_text("".join(json.dumps(r) + "\n" for r in EDGE_JSONL), encoding="utf-8")
    (folder / "kenya_ethiopia_hostile.html").write_text(XSS_HTML, encoding="utf-8")
    (folder / "chile_peru_hostile.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in XSS_JSONL), encoding="utf-8")
    (folder / "norway_iceland_hostile.txt").write_text(XSS_TEXT, encoding="utf-8")
    return sorted(str(p) for p in folder.iterdir())


@pytest.fixture(scope="session")
def web_store(tmp_path_factory):
    """A store of the test corpus, the sample corpus and the hostile documents, built once."""
    base = tmp_path_factory.mktemp("web")
    hostile = write_hostile(base / "hostile")
    path = base / "web.duckdb"
    with bilateral.open(path) as corpus:
        report = corpus.ingest([str(CORPUS), str(SAMPLE / "*.txt"), str(SAMPLE / "*.html"),
                                str(SAMPLE / "*.jsonl")] + hostile)
    assert not report.errors, report.errors
    return path


@pytest.fixture(scope="session")
def corpus(web_store):
    """The same store through the Python API, read-only: what the web views must agree with."""
    c = bilateral.open(web_store, read_only=True)
    yield c
    c.close()


@pytest.fixture(scope="session")
def app(web_store, corpus):
    """The app as served on 127.0.0.1; it also answers the in-process test clients' own name, `testserver`."""
    from bilateral.web.app import create_app
    from bilateral.web.security import allowed_hosts_for
    a = create_app(web_store, allowed_hosts=allowed_hosts_for("127.0.0.1", ["testserver"]))
    yield a
    a.state.db.close()


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient
    return TestClient(app, base_url="http://127.0.0.1")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(web_store, corpus):
    """The app served by uvicorn on 127.0.0.1 in a background thread; yields its base URL."""
    import uvicorn
    from bilateral.web.app import create_app
    app = create_app(web_store)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (its own browser download is not used)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) "
                    "to run the browser tests")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A browser page that records dialogs, console errors and page errors."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list = []
        self.errors: list = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    watched = Watched(p)
    yield watched
    context.close()


@pytest.fixture(params=[400, 1400], ids=["phone", "desktop"])
def sized(browser, request):
    """A page at 400 px (a phone) or 1400 px (a desktop); CSP bypassed only so axe-core can be injected."""
    context = browser.new_context(viewport={"width": request.param, "height": 900}, bypass_csp=True)
    p = context.new_page()
    watched = Watched(p)
    watched.width = request.param
    yield watched
    context.close()
