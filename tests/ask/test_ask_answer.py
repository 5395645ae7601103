"""Answers end to end over documents written for these tests (Norway–Mozambique, Turkey–Somalia) and the
sample corpus: the right figure or date, the right document cited, nothing stated that no citation holds."""
import os

import pytest

from bilateral.ask import ask
from bilateral.ask.grounding import unsupported_numbers


def cited(answer) -> set:
    return {os.path.basename(c.source_path) for c in answer.citations}


def grounded(answer):
    assert unsupported_numbers(answer) == [], answer.text
    for c in answer.citations:
        assert c.sentence and c.char_end > c.char_start


def test_date_prefers_establishing_relations(ask_corpus):
    a = ask(ask_corpus, "When did Norway and Mozambique establish diplomatic relations?")
    assert a.answered and "1977" in a.text and "1983" not in a.text
    assert "norway_mozambique_aid.txt" in cited(a)
    assert a.items and a.items[0]["cameo"] == "054"
    grounded(a)


def test_date_of_a_visit_named_by_capital(ask_corpus):
    a = ask(ask_corpus, "When did the Turkish prime minister visit Mogadishu?")
    assert "August 2011" in a.text and cited(a) == {"turkey_somalia_ties.txt"}
    grounded(a)


def test_citation_offsets_point_at_the_sentence(ask_corpus):
    a = ask(ask_corpus, "When did Turkey reopen its embassy in Somalia?")
    assert "November 2011" in a.text
    c = a.citations[0]
    doc = ask_corpus.document(c.doc_id)
    assert doc.text[c.char_start:c.char_end] == c.sentence


def test_figure_for_a_year_is_not_the_cumulative_total(ask_corpus):
    a = ask(ask_corpus, "How much development assistance did Norway give Mozambique in 2016?")
    assert "NOK 420 million" in a.text and "10 billion" not in a.text
    assert cited(a) == {"norway_mozambique_aid.txt"}
    grounded(a)


def test_figure_without_a_period_lists_every_figure_latest_first(ask_corpus):
    a = ask(ask_corpus, "How much development aid has Oslo given Maputo?")
    assert "420 million" in a.text and "10 billion" in a.text and "8 billion" in a.text
    assert a.text.index("8 billion") < a.text.index("10 billion")
    grounded(a)


def test_sources_disagree_gives_both_figures(ask_corpus):
    a = ask(ask_corpus, "Do the sources agree on how much development assistance Norway has given Mozambique since 1977?")
    assert a.text.startswith("No") and "10 billion" in a.text and "8 billion" in a.text
    assert cited(a) == {"norway_mozambique_aid.txt", "mozambique_norway_review.txt"}
    grounded(a)


def test_rank_names_each_source(ask_corpus):
    a = ask(ask_corpus, "Do the sources agree on Norway's donor rank in Mozambique?")
    assert "largest bilateral donor" in a.text and "third-largest" in a.text
    assert len(cited(a)) == 2
    a = ask(ask_corpus, "Where did Norway rank among donors to Mozambique in 2018?")
    assert "third-largest" in a.text and "largest bilateral donor in" not in a.text
    grounded(a)


def test_change_over_time(ask_corpus):
    a = ask(ask_corpus, "How has the number of Norwegian companies in Mozambique changed since 2010?")
    assert "15" in a.text and "40" in a.text and a.text.index("15") < a.text.index("40")
    grounded(a)


def test_why_quotes_the_cause(ask_corpus):
    a = ask(ask_corpus, "Why did Oslo suspend budget support to Maputo?")
    assert "hidden government debts" in a.text and cited(a) == {"mozambique_norway_review.txt"}
    a = ask(ask_corpus, "Why did Turkey's prime minister visit Mogadishu in 2011?")
    assert "famine" in a.text
    grounded(a)


def test_list_of_visits(sample_corpus):
    a = ask(sample_corpus, "List all the visits between Germany and Namibia.")
    assert "1998" in a.text and "2014" in a.text and len(a.items) >= 3
    grounded(a)


@pytest.mark.parametrize("question, absent", [
    ("How many Turkish soldiers were wounded in Somalia during the famine?", "5,000"),
    ("How many Somali civilians fled to Turkey?", "5,000"),
    ("When did Norway and Mozambique sign a fisheries treaty?", "1977"),
    ("Why did Mozambique expel the Norwegian ambassador?", "2016"),
    ("How much did Turkey invest in Somali ports in 2015?", "1 billion"),
])
def test_unanswerable_says_so_and_invents_nothing(ask_corpus, question, absent):
    a = ask(ask_corpus, question)
    assert not a.answered
    assert a.text.startswith("The documents do not say")
    assert absent not in a.text
    grounded(a)


def test_empty_question(ask_corpus):
    assert not ask(ask_corpus, "  ").answered
