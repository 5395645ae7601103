"""The figure an act moves, read from its own object phrase."""
from __future__ import annotations

from bilateral.extract.amounts import act_amount, same_amount
from bilateral.nlp.pipeline import load_nlp


def amount_of(text: str, trigger: str):
    doc = load_nlp()(text)
    return act_amount(next(t for t in doc if t.lower_ == trigger))


def test_a_verb_moves_the_figure_of_its_object():
    assert amount_of("Venezuela will lend Ecuador 50,000 barrels per day of crude oil.", "lend") == \
        "50000 barrels_per_day"
    assert amount_of("Japan provided a loan of 300 mln dlrs to the Philippines.", "provided") == "3e+08 USD"
    # a figure elsewhere in the sentence is not the act's
    assert amount_of("Chile, with 17 mln people, signed a pact with Peru.", "signed") is None
    # small numbers count things, not amounts
    assert amount_of("Japan sent two ships to Iraq.", "sent") is None


def test_a_noun_moves_the_figure_before_it_or_in_its_of_phrase():
    assert amount_of("It is part of a five mln additional crude oil loan by Venezuela.", "loan") == "5e+06"
    assert amount_of("The loan of 150 billion yen was signed in Tokyo.", "loan") == "1.5e+11 JPY"


def test_a_noun_counted_in_a_figure_moves_that_figure():
    assert amount_of("The sum adds to about two billion dlrs of purchases made last month.", "purchases") == "2e+09 USD"
    assert amount_of("The mission is looking for 2.0 billion dlrs in purchases from Chile.", "purchases") == \
        "2e+09 USD"


def test_figures_agree_by_value_and_a_unit_either_lacks():
    assert same_amount("5e+06", "5e+06 barrels") is True
    assert same_amount("5e+06 USD", "5e+06 barrels") is False
    assert same_amount("5e+06", "1.25e+07 barrels") is False
    assert same_amount(None, "5e+06") is None
