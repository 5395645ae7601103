"""Where an entity's name starts and ends: overlaps settled longest first, headlines cut at their line."""
from __future__ import annotations

from bilateral.nlp.entity_spans import after_articles, after_possessor, first_line, longest
from bilateral.nlp.pipeline import load_nlp
from bilateral.nlp.tokens import tokens_of


def test_overlapping_spans_keep_the_longest_then_the_earliest():
    assert longest([(0, 2), (1, 4), (4, 5), (3, 5)]) == [(1, 4), (4, 5)]


def test_a_name_stops_at_its_line_and_leaves_out_articles_and_a_possessor():
    doc = load_nlp()("The Kenya Airways\nboard met. Mr Brown's International Finance Facility grew.")
    T = tokens_of(doc)
    start, end = first_line(T, 0, 5)
    assert doc[start:end].text == "The Kenya Airways"
    assert doc[after_articles(T, start, end):end].text == "Kenya Airways"
    i = next(t.i for t in doc if t.text == "Mr")
    j = next(t.i for t in doc if t.text == "Facility") + 1
    assert doc[after_possessor(T, i, j):j].text == "International Finance Facility"
