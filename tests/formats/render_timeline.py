"""Render a TimelineJS test page in Debian's Chromium and print what it shows as JSON.

Run as its own process by test_timelinejs.py, so its Playwright session never meets another test's.
Usage: python render_timeline.py PAGE.html [SLIDE_ID]  (SLIDE_ID: a slide to open and read)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"


def main(page_file: str, slide: str | None) -> dict:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_context(viewport={"width": 1100, "height": 700}).new_page()
        errors, outside = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        # no network: the page may load only local files
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                   else (outside.append(r.request.url), r.abort()))
        page.goto(Path(page_file).as_uri())
        page.wait_for_selector(".tl-slide-titleslide")
        out = {"slides": page.locator(".tl-slide").count(), "markers": page.locator(".tl-timemarker").count(),
               "headlines": page.locator(".tl-slide-content .tl-headline").all_inner_texts()}
        if slide:
            page.evaluate(f"window.timeline.goToId({json.dumps(slide)})")
            out["quote"] = page.locator(f"[id='{slide}'] blockquote").first.inner_text()
            out["links"] = page.locator(f"[id='{slide}'] a").evaluate_all("els => els.map(e => e.href)")
        out["xss"] = page.evaluate("window.__xss === undefined ? null : String(window.__xss)")
        out["errors"], out["outside"] = errors, outside
        browser.close()
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)))
