"""Cross-document merging against MEANTIME's gold event coreference, on articles that share events.

The scoring lives in bench/merge_meantime.py (the full run and its report); here it runs on thirteen
articles (the A380 deliveries and delays, the 787 launch, the US tanker contest) with floors pinned a
little under what the merge reaches.  Skipped when ../shared/data/meantime-airbus is absent.
"""
from __future__ import annotations

import pytest

from bench.merge_meantime import (
    MEANTIME, BASELINES, GoldMention, Item, evaluate, gold_items, key_clusters, lemma_typed, read_corpus,
    run_bilateral, scorable_instances, score)
from bilateral.model import Actor, Event, Mention

SHARED_EVENTS = ("3835", "8951", "8983", "71526", "73808", "51682", "61389", "62929", "82548", "82597",
                 "100911", "102977", "108294")
# Measured on these articles (bench/README_merge.md); merging everything scores far below each floor.
FLOORS = {"p": 0.9, "b3_p": 0.95, "right": 3}

needs_meantime = pytest.mark.skipif(not MEANTIME.is_dir(), reason=f"MEANTIME not found at {MEANTIME}")


@pytest.fixture(scope="module")
def parsed():
    return run_bilateral(read_corpus(MEANTIME, SHARED_EVENTS))


@needs_meantime
def test_articles_rebuild_with_their_gold():
    articles = read_corpus(MEANTIME, SHARED_EVENTS)
    assert len(articles) == len(SHARED_EVENTS)
    for a in articles:
        assert a.dct and len(a.dct) == 10, a.name
        for g in a.mentions[:20]:
            word = a.text[g.start:g.end]
            assert word and word == word.strip(), (a.name, g.m_id, word)
    everything = [Item(g, None, "") for a in articles for g in a.mentions]
    assert scorable_instances(everything) >= 10


@needs_meantime
def test_cleaning_keeps_body_mentions_in_place(parsed):
    for p in parsed:
        assert p.document.published == p.article.dct
        for g in p.article.mentions:
            assert p.article.text[g.start:g.end] == p.document.text[g.start:g.end]
        preds = [g for g in p.article.mentions if g.pred and " " not in g.pred and "-" not in g.pred]
        # the annotators' predicate is the parser's lemma of the word found at the mention's place
        hits = sum(1 for g in preds if p.doc.char_span(g.start, g.end, alignment_mode="expand").root.lemma_.lower()
                   == g.pred.lower())
        assert hits >= 0.8 * len(preds), p.article.name


@needs_meantime
def test_merge_precision_on_gold_mentions(parsed):
    items = lemma_typed(gold_items(parsed))
    results = evaluate(items, published={p.document.doc_id: p.document.published for p in parsed})
    ours = results["bilateral merge_events"]
    assert ours["links_gold"] >= 20
    assert ours["p"] >= FLOORS["p"], ours
    assert ours["b3_p"] >= FLOORS["b3_p"], ours
    assert ours["links_right"] >= FLOORS["right"], ours
    # the floors tell a merge from merging everything, and from merging on the word alone
    everything = results["merge all"]
    assert everything["p"] < FLOORS["p"] and everything["b3_p"] < FLOORS["b3_p"]
    assert ours["p"] > results["same lemma"]["p"]


def _event(eid: str, doc: str, cameo="057", source="DEU", target="NAM", date=None, trigger="sign") -> Event:
    return Event(event_id=eid, source=Actor(source, source), target=Actor(target, target), event_type="AGREE",
                 cameo=cameo, date=date, trigger=trigger, mentions=[Mention(doc, "s", 0, 1)])


def _item(eid: str, doc: str, instance: str, **kw) -> Item:
    return Item(GoldMention(doc, eid, 0, 1, 1, instance, None, [(0, 1)]), _event(eid, doc, **kw), "")


def test_scores_count_cross_document_links_only():
    items = [_item("a1", "A", "x"), _item("a2", "A", "x"), _item("b1", "B", "x"), _item("c1", "C", "y")]
    pred = {"a1": 1, "a2": 1, "b1": 2, "c1": 2}
    s = score(items, pred)
    # gold across documents: a1-b1, a2-b1; predicted across: b1-c1 (a1-a2 is one document's)
    assert (s["links_gold"], s["links_pred"], s["links_right"]) == (2, 1, 0)
    assert s["p"] == 0.0 and s["r"] == 0.0
    perfect = score(items, {"a1": 1, "a2": 1, "b1": 1, "c1": 2})
    assert perfect["p"] == perfect["r"] == perfect["b3_p"] == perfect["b3_r"] == 1.0


def test_baselines_key_on_the_event():
    items = [_item("a", "A", "x", date="2008-02-29"), _item("b", "B", "x", date="2008-03"),
             _item("c", "C", "y", date="2009-01-01")]
    by_year = key_clusters(items, BASELINES["same lemma + year"])
    assert by_year["a"] == by_year["b"] != by_year["c"]
    never = key_clusters(items, BASELINES["never merge"])
    assert len(set(never.values())) == 3


def test_merge_joins_one_signing_told_twice_and_keeps_another_year_apart():
    items = [_item("a", "A", "x", date="2008-02-29"), _item("b", "B", "x", date="2008-02"),
             _item("c", "C", "y", date="2011-05-02")]
    s = evaluate(items)["bilateral merge_events"]
    assert (s["links_gold"], s["links_pred"], s["links_right"]) == (1, 1, 1)
