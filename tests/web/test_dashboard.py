"""The dashboard in Debian's Chromium at 400 px and 1400 px: every page fits, passes axe-core, is reachable by
keyboard, and each analyst feature works end to end. Screenshots of every page go to artifacts/screenshots/."""
from __future__ import annotations

import csv
import io
import re
import urllib.request

import pytest

from .conftest import AXE, SHOTS

QUESTION = "When did Germany and Namibia establish diplomatic relations?"


def pages(corpus) -> dict:
    doc = next(d for d in corpus.documents() if d.title and d.title.startswith("Canada and Mexico"))
    event = max(corpus.events(), key=lambda e: len(e.mentions))
    return {"index": "/", "pair": "/pair?pair=KOR,VNM", "compare": "/compare?a=DEU,NAM&b=KOR,VNM",
            "documents": "/documents", "document": f"/documents/{doc.doc_id}", "event": f"/events/{event.event_id}",
            "claims": "/claims?pair=DEU,NAM", "ledger": "/claims?view=ledger", "conflicts": "/conflicts",
            "search": "/search?q=trade", "ask": "/ask?q=" + urllib.request.quote(QUESTION)}


def axe_violations(p) -> list:
    """axe-core violations on the page as it stands, but minor ones (the issue asks for no serious or critical
    one; moderate ones are refused too, since none is left)."""
    if not p.evaluate("typeof window.axe !== 'undefined'"):
        p.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = p.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
            if v["impact"] in ("moderate", "serious", "critical")]


def test_every_page_fits_passes_axe_and_is_photographed(sized, live_server, corpus):
    p = sized.page
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, url in pages(corpus).items():
        p.goto(live_server + url)
        p.wait_for_load_state("networkidle")
        width = p.evaluate("document.documentElement.scrollWidth")
        assert width <= sized.width, (name, width)
        assert axe_violations(p) == [], name
        out = SHOTS / f"{name}-{sized.width}.png"
        p.screenshot(path=str(out), full_page=True)
        assert out.stat().st_size > 5_000
    assert sized.errors == [] and sized.dialogs == []


@pytest.mark.parametrize("width", [360, 1920])
def test_no_horizontal_scroll_at_the_extremes(browser, live_server, corpus, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    p = context.new_page()
    try:
        for name, url in pages(corpus).items():
            p.goto(live_server + url)
            p.wait_for_load_state("networkidle")
            assert p.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
    finally:
        context.close()


def test_tables_are_cards_on_a_phone_and_tables_on_a_desktop(sized, live_server):
    p = sized.page
    p.goto(live_server + "/documents")
    display = p.evaluate("getComputedStyle(document.querySelector('#docs tbody tr')).display")
    assert display == ("block" if sized.width < 700 else "table-row")
    label = p.evaluate("getComputedStyle(document.querySelector('#docs tbody td'), '::before').content")
    assert ("Title" in label) == (sized.width < 700)


def test_chart_labels_stay_readable_when_the_chart_shrinks(sized, live_server):
    p = sized.page
    p.goto(live_server + "/pair?pair=KOR,VNM")
    sizes = p.evaluate("""[...document.querySelectorAll('#figures svg.plot text.tick, #overview svg.plot text.tick')]
        .filter(t => t.getBoundingClientRect().width > 0).map(t => t.getBoundingClientRect().height)""")
    assert sizes and min(sizes) >= 9, sizes     # rendered label height in CSS pixels


def test_keyboard_reaches_every_control(page, live_server):
    p = page.page
    for url in ("/", "/pair?pair=DEU,NAM", "/documents"):
        p.goto(live_server + url)
        p.wait_for_load_state("networkidle")
        controls = p.evaluate("""[...document.querySelectorAll(
            'a[href], button:not([disabled]), input:not([type=hidden]), select, summary')]
            .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
            .map((e, i) => { e.dataset.kb = i; return i; }).length""")
        reached = set()
        for _ in range(controls + 5):
            p.keyboard.press("Tab")
            k = p.evaluate("document.activeElement && document.activeElement.dataset.kb")
            if k is not None:
                reached.add(int(k))
        assert len(reached) == controls, (url, controls - len(reached))


def test_question_box_answers_and_opens_each_cited_passage(page, live_server, corpus):
    p = page.page
    p.goto(live_server + "/")
    p.fill("#ask-q", QUESTION)
    p.keyboard.press("Enter")
    p.wait_for_selector("#ask-answer #answer-text")
    answer = corpus.ask(QUESTION).to_dict()
    assert p.inner_text("#answer-text") == answer["answer"]
    links = p.locator("#ask-answer a.citation-link")
    assert links.count() == len(answer["citations"]) > 0
    cite = answer["citations"][0]
    links.first.click()
    p.wait_for_url(re.compile(r"/documents/d_[0-9a-f]+\?hl=\d+-\d+#hl"))
    cited = p.locator("#doc-text mark.hl-cited")
    assert cited.first.is_visible()
    doc = corpus.document(cite["doc_id"])
    assert "".join(cited.all_inner_texts()) == doc.text[cite["char_start"]:cite["char_end"]]
    # the same answer without script, on its own page
    p.goto(live_server + "/ask?q=" + urllib.request.quote(QUESTION))
    assert p.inner_text("#answer-text") == answer["answer"]
    assert page.errors == []


def test_timeline_has_a_time_axis_zoom_and_a_brush_that_filters(page, live_server, corpus):
    p = page.page
    p.goto(live_server + "/pair?pair=DEU,NAM")
    p.wait_for_selector("#timeline-plot[data-mode=events]")
    dated = [e for e in corpus.timeline(("DEU", "NAM"))]
    assert p.locator("#timeline-plot circle.mark").count() == len(dated)
    years = p.eval_on_selector_all("#timeline-plot text.lane-label", "ts => ts.map(t => t.textContent)")
    assert any(re.fullmatch(r"\d{4}", y) for y in years)
    p.click("[data-zoom=in]")
    zoomed = p.locator("#timeline-plot circle.mark").count()
    assert zoomed < len(dated)
    p.click("[data-zoom=reset]")
    assert p.locator("#timeline-plot circle.mark").count() == len(dated)
    # brush across the middle of the plot, then filter the page to that period
    box = p.locator("#timeline-plot svg").bounding_box()
    y = box["y"] + box["height"] * 0.4
    p.mouse.move(box["x"] + box["width"] * 0.45, y)
    p.mouse.down()
    p.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    p.mouse.up()
    assert p.is_enabled("#brush-apply")
    chosen = p.inner_text("#brush-range")
    p.click("#brush-apply")
    p.wait_for_url(re.compile(r"from=\d{4}-\d{2}&to=\d{4}-\d{2}"))
    start, end = re.search(r"from=(\d{4}-\d{2})&to=(\d{4}-\d{2})", p.url).groups()
    assert start in chosen and end in chosen
    shown = [p.locator("li.event").nth(i).get_attribute("data-event") for i in range(p.locator("li.event").count())]
    expected = [e.event_id for e in corpus.timeline(("DEU", "NAM"), start, end)]
    assert shown == expected[:50] and 0 < len(shown) < len(dated)
    assert page.errors == []


def test_counts_chart_adds_up_to_the_dated_events(page, live_server, corpus):
    p = page.page
    p.goto(live_server + "/pair?pair=KOR,VNM")
    titles = p.eval_on_selector_all("#event-counts rect.bar title", "ts => ts.map(t => t.textContent)")
    total = sum(int(re.search(r": (\d+) ", t).group(1)) for t in titles)
    yearly = "by year" in p.inner_text("#event-counts figcaption")
    dated = [e for e in corpus.timeline(("KOR", "VNM")) if yearly or len(e.date) >= 7]
    assert total == len(dated) > 0


def test_filters_live_in_the_url_and_unticking_a_class_hides_its_years(page, live_server, corpus):
    p = page.page
    p.goto(live_server + "/pair?pair=DEU,NAM")
    p.select_option("#f-type", "AGREE")
    p.fill("#f-q", "")
    p.click("#f-go")
    p.wait_for_url(re.compile(r"type=AGREE"))
    expected = [e.event_id for e in corpus.timeline(("DEU", "NAM"), event_type="AGREE", dated_only=False)]
    shown = p.eval_on_selector_all("li.event", "ls => ls.map(l => l.dataset.event)")
    assert shown == expected and expected
    p.reload()
    assert p.input_value("#f-type") == "AGREE"
    # untick every class present: no year heading stays without events
    p.goto(live_server + "/pair?pair=KOR,VNM")
    quads = set(p.eval_on_selector_all("li.event", "ls => ls.map(l => l.dataset.quad)"))
    for q in quads - {"none"}:
        p.uncheck(f"input.quad-toggle[value='{q}']")
    visible_years = p.locator("section.year:visible").count()
    visible_events = p.locator("li.event:visible").count()
    assert (visible_years == 0) == (visible_events == 0)
    for year in p.locator("section.year:visible").all():
        assert year.locator("li.event:visible").count() > 0


def test_search_finds_events_claims_and_passages(page, live_server, corpus):
    p = page.page
    p.goto(live_server + "/")
    p.fill("#site-search", "Mercosur")
    p.keyboard.press("Enter")
    p.wait_for_url(re.compile(r"/search\?q=Mercosur"))
    for kind in ("events", "claims", "passages"):
        assert p.locator(f"#hits-{kind}").is_visible()
    docs = [d for d in corpus.documents() if "mercosur" in d.text.lower()]
    assert p.locator("#hits-passages li.hit").count() == len(docs) > 0
    assert p.locator("#hits-claims li.hit").count() == sum(1 for c in corpus.claims() if "mercosur" in c.sentence.lower())
    # events are found by their summary or their first passage
    p.goto(live_server + "/search?q=agreement&in=events")
    events = [e for e in corpus.events() if "agreement" in (e.summary + " " + e.mentions[0].sentence).lower()]
    assert p.locator("#hits-events li.hit").count() == min(50, len(events)) > 0
    p.goto(live_server + "/search?q=Mercosur")
    p.locator("#hits-passages a.hit-link").first.click()
    p.wait_for_url(re.compile(r"\?hl=\d+-\d+#hl"))
    assert p.locator("#doc-text mark.hl-cited").first.inner_text().lower() == "mercosur"


def test_columns_sort_both_ways_and_pages_follow_the_sort(page, live_server, corpus):
    p = page.page
    p.goto(live_server + "/documents")
    p.click("th a.sort:has-text('Published')")
    p.wait_for_url(re.compile(r"sort=published"))
    assert p.get_attribute("th[aria-sort=ascending] a", "href")
    asc = p.eval_on_selector_all("#docs tbody tr td:nth-child(3)", "ts => ts.map(t => t.textContent)")
    assert asc == sorted(asc)
    p.click("th a.sort:has-text('Published')")
    p.wait_for_url(re.compile(r"sort=-published"))
    desc = p.eval_on_selector_all("#docs tbody tr td:nth-child(3)", "ts => ts.map(t => t.textContent)")
    assert desc == sorted(desc, reverse=True)
    assert p.locator("th[aria-sort=descending]").count() == 1


def test_csv_export_of_a_page_is_what_it_shows(page, live_server):
    p = page.page
    p.goto(live_server + "/claims?pair=KOR,VNM&sort=-value")
    shown = p.eval_on_selector_all("tr.claim-row", "rs => rs.map(r => r.dataset.claim)")
    href = p.get_attribute("a.export-csv", "href")
    with urllib.request.urlopen(live_server + href) as r:
        rows = list(csv.DictReader(io.StringIO(r.read().decode())))
    assert [r["claim_id"] for r in rows] == shown and shown


def test_two_pairs_side_by_side(sized, live_server, corpus):
    p = sized.page
    p.goto(live_server + "/")
    p.select_option("#compare-a", "DEU,NAM")
    p.select_option("#compare-b", "KOR,VNM")
    p.click("#compare-go")
    p.wait_for_url(re.compile(r"/compare\?a=DEU%2CNAM&b=KOR%2CVNM"))
    sides = p.locator("section.side-pair")
    assert sides.count() == 2
    a, b = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    if sized.width >= 1000:
        assert abs(a["y"] - b["y"]) < 2 and a["x"] < b["x"]
    else:
        assert b["y"] > a["y"] + a["height"] - 1
    counts = [int(sides.nth(i).locator(".n-events").inner_text()) for i in range(2)]
    assert counts == [len(corpus.timeline(pair, dated_only=False)) for pair in (("DEU", "NAM"), ("KOR", "VNM"))]
