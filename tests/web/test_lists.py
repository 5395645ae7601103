"""The lists the pages and the API share: a ledger page keeps to its row budget and pages on without a gap."""
from __future__ import annotations

from bilateral.web import lists
from bilateral.web.filters import Filters, encode_cursor


def _all_pages(db, rows: int) -> list:
    pages, after = [], None
    while True:
        total, groups, nxt = db.run(lambda c: lists.ledger_groups(c, Filters(), after, 20, rows=rows))
        pages.append(groups)
        if not nxt:
            return pages
        after = encode_cursor(nxt)


def test_ledger_pages_keep_to_their_row_budget_and_lose_no_group(app):
    db = app.state.db
    whole = [g for page in _all_pages(db, rows=10_000) for g in page]
    longest = max(len(g["rows"]) for g in whole)
    budget = longest - 1
    assert budget >= 2
    small = _all_pages(db, rows=budget)
    assert len(small) > len(_all_pages(db, rows=10_000))
    for page in small:
        assert len(page) == 1 or sum(len(g["rows"]) for g in page) <= budget
    flat = [g for page in small for g in page]
    assert [g["title"] for g in flat] == [g["title"] for g in whole]
    for g, full in zip(flat, whole):
        kept = [r["claim_id"] for r in g["rows"]]
        assert kept == [r["claim_id"] for r in full["rows"]][:budget]
        assert g.get("more", 0) == len(full["rows"]) - len(kept)
    assert sum(1 for g in flat if g.get("more")) == sum(1 for g in whole if len(g["rows"]) == longest)


def test_a_cut_ledger_group_links_to_the_claims_table(client, app, monkeypatch):
    db = app.state.db
    whole = [g for page in _all_pages(db, rows=10_000) for g in page]
    longest = max(whole, key=lambda g: len(g["rows"]))
    monkeypatch.setattr(lists, "LEDGER_ROWS", len(longest["rows"]) - 1)
    pair = f"{longest['subject']},{longest['object']}"
    html = client.get("/claims", params={"view": "ledger", "metric": longest["metric"], "pair": pair}).text
    assert "1 more row:" in html and "page through them in the claims table" in html



def test_a_cut_ledger_group_names_only_the_decisions_between_its_shown_rows(app):
    db = app.state.db
    whole = [g for page in _all_pages(db, rows=10_000) for g in page]
    full = max(whole, key=lambda g: len(g["relations"]))
    assert len(full["relations"]) >= 2
    ids = [r["claim_id"] for r in full["rows"]]
    budget = min(ids.index(r["claim_b"]) if r["claim_b"] in ids else len(ids) for r in full["relations"]) + 1
    budget = max(2, min(budget, len(ids) - 1))
    cut = next(g for page in _all_pages(db, rows=budget) for g in page if g["title"] == full["title"])
    shown = {r["claim_id"] for r in cut["rows"]}
    assert cut["relations"] == [r for r in full["relations"] if r["claim_a"] in shown and r["claim_b"] in shown]
    assert len(cut["relations"]) < len(full["relations"])
    assert cut["decisions"] == full["decisions"]
