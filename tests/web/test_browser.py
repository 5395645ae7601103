"""The dashboard in headless Chromium: choose a pair, read the timeline and chart, click through to a passage."""
from __future__ import annotations

import re


def test_choose_a_pair_see_timeline_chart_and_reach_the_passage(page, live_server, corpus):
    p = page.page
    p.goto(live_server + "/")
    rows = p.locator("tr.pair-row")
    complete = [x for x in corpus.pairs() if "" not in x[0].split("|")]
    assert rows.count() == len(complete)
    # the filter narrows the list (by name or code) and stays in the URL
    p.fill("#pair-filter", "namib")
    p.keyboard.press("Enter")
    p.wait_for_url(re.compile(r"\?q=namib"))
    assert p.locator("tr.pair-row").count() == 1
    p.goto(live_server + "/")
    # choose South Korea – Vietnam in the chooser
    p.select_option("#pair-select", "KOR,VNM")
    p.click("#pair-go")
    p.wait_for_url(re.compile(r"/pair\?pair=KOR%2CVNM"))
    assert p.inner_text("#pair-title") == "South Korea – Vietnam"
    events = corpus.timeline(("KOR", "VNM"), dated_only=False)
    items = p.locator("li.event")
    assert items.count() == len(events)
    assert [items.nth(i).get_attribute("data-event") for i in range(items.count())] == [e.event_id for e in events]
    # entries are coloured by quad class, and planned/intended/negated ones are marked
    for i, e in enumerate(events):
        cls = items.nth(i).get_attribute("class")
        assert f"q-{e.quad or 'none'}" in cls and f"mod-{e.modality}" in cls
    marked = [e for e in events if e.modality != "asserted"]
    assert p.locator("li.event .badge.modality, li.event .badge.negated").count() == len(marked)
    # unticking a quad class hides its events
    quad = events[0].quad
    p.uncheck(f"input.quad-toggle[value='{quad}']")
    assert p.locator(f"li.event[data-quad='{quad}']:visible").count() == 0
    p.check(f"input.quad-toggle[value='{quad}']")
    # the charts: one mark per dated figure, conflicts ringed
    claims = corpus.claims(pair=("KOR", "VNM"))
    trade_like = [c for c in claims if c.metric == "exports" and c.value is not None and (c.as_of or c.period_end)]
    charts = p.locator("figure.chart[data-metric=exports]")
    assert charts.first.is_visible()
    assert charts.locator(".point").count() == len(trade_like)
    flagged = {cid for k in corpus.conflicts() for cid in k.claim_ids}
    assert charts.locator("circle.ring").count() == sum(1 for c in trade_like if c.claim_id in flagged)
    # click the first source of the first event through to its passage in the document view
    e = events[0]
    p.locator(f"li.event[data-event='{e.event_id}'] a.source-link").first.click()
    p.wait_for_url(re.compile(r"/documents/d_[0-9a-f]+#e-"))
    m = e.mentions[0]
    assert p.url.endswith(f"/documents/{m.doc_id}#e-{e.event_id}-{m.char_start}")
    doc = corpus.document(m.doc_id)
    assert p.inner_text("#doc-title") == doc.title
    target = p.locator(f"[id='e-{e.event_id}-{m.char_start}'] + mark")
    assert target.is_visible()
    assert "current" in target.get_attribute("class")
    assert m.sentence.startswith(target.inner_text().strip()[:20])
    # the chart: one circle per dated figure, conflicts ringed (the sources disagree on Australia–Indonesia trade)
    p.goto(live_server + "/pair?pair=AUS%2CIDN")
    claims = corpus.claims(pair=("AUS", "IDN"))
    trade_like = [c for c in claims if c.metric == "trade" and c.value is not None and (c.as_of or c.period_end)]
    chart = p.locator("figure.chart[data-metric=trade]")
    assert chart.first.is_visible()
    assert chart.locator(".point").count() == len(trade_like)
    flagged = {cid for k in corpus.conflicts() for cid in k.claim_ids}
    assert chart.locator("circle.ring").count() == sum(1 for c in trade_like if c.claim_id in flagged) > 0
    assert page.errors == [] and page.dialogs == []


def test_conflicts_show_both_passages_side_by_side(page, live_server, corpus):
    p = page.page
    p.goto(live_server + "/conflicts?kind=value")
    cards = p.locator("article.conflict-card")
    value = corpus.conflicts("value")
    assert cards.count() == len(value) > 0
    k = value[0]
    card = p.locator(f"article[data-conflict='{k.conflict_id}']")
    sides = card.locator("blockquote.side")
    items = corpus.conflict_items(k)
    assert sides.count() == len(items) >= 2
    boxes = [sides.nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[0]["x"] < boxes[1]["x"]
    shown = {sides.nth(i).locator(".passage").inner_text().strip("“”") for i in range(sides.count())}
    assert shown == {c.sentence for c in items}
    card.locator("a.passage-link").first.click()
    p.wait_for_url(re.compile(r"#c-"))
    claim_id = p.url.split("#c-")[1]
    claim = next(c for c in items if c.claim_id == claim_id)
    assert p.locator(f"[id='c-{claim_id}'] + mark").inner_text() == claim.text
    assert page.errors == []


def test_ledger_badges_and_event_page(page, live_server, corpus):
    p = page.page
    p.goto(live_server + "/claims?pair=KOR,VNM")
    flagged = {cid for k in corpus.conflicts() for cid in k.claim_ids}
    claims = corpus.claims(pair=("KOR", "VNM"))
    assert p.locator("tr.claim-row").count() == len(claims)
    assert p.locator("tr.claim-row .badge.conflict").count() == sum(1 for c in claims if c.claim_id in flagged)
    e = max(corpus.events(), key=lambda e: len(e.mentions))
    p.goto(f"{live_server}/events/{e.event_id}")
    assert p.inner_text("#event-summary") == e.summary
    assert p.locator("blockquote.side").count() == len(e.mentions)
    assert page.errors == []


def test_screenshots_render(page, live_server, tmp_path):
    """The pages render to non-blank images (test_dashboard keeps its screenshots; these go to a temporary folder)."""
    p = page.page
    for name, url in (("index", "/"), ("pair", "/pair?pair=DEU,NAM"), ("conflicts", "/conflicts")):
        p.goto(live_server + url)
        out = tmp_path / f"{name}.png"
        p.screenshot(path=str(out))
        assert out.stat().st_size > 10_000
    assert page.errors == []
