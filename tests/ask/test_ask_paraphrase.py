"""One fact asked several ways, over documents written for these tests (Kenya–Tanzania, Chile–New Zealand):
the same answer whatever the wording, the clause it rests on quoted, and the basis it used named."""
import os

import pytest

from bilateral.ask import ask
from bilateral.ask.grounding import unsupported_numbers


def cited(answer) -> set:
    return {os.path.basename(c.source_path) for c in answer.citations}


def check(answer, *present, absent=(), doc=None):
    assert answer.answered, answer.text
    for s in present:
        assert s in answer.text, (s, answer.text)
    for s in absent:
        assert s not in answer.text, (s, answer.text)
    if doc:
        assert doc in cited(answer), (doc, cited(answer))
    assert unsupported_numbers(answer) == [], answer.text
    assert answer.basis in ("record", "passage")


@pytest.mark.parametrize("question", [
    "When did Kenya and Tanzania establish diplomatic relations?",
    "When did Nairobi and Dodoma set up diplomatic ties?",
    "In what year did Kenya establish relations with Tanzania?",
    "When were Kenyan-Tanzanian diplomatic relations established?",
])
def test_date_of_relations_whatever_the_wording(ask_corpus, question):
    a = ask(ask_corpus, question)
    check(a, "1964", absent=("2 May",), doc="kenya_tanzania_border.txt")
    assert a.kind == "date"


@pytest.mark.parametrize("question", [
    "When did Tanzania reopen the Namanga border?",
    "On what date was the crossing at Namanga opened again to Kenyan trucks?",
])
def test_date_of_a_reopening(ask_corpus, question):
    check(ask(ask_corpus, question), "2 May 2023", doc="kenya_tanzania_border.txt")


@pytest.mark.parametrize("question, answer, wrong", [
    ("When did Chile open its embassy in New Zealand?", "1993", "1990"),
    ("When did Chile and New Zealand establish diplomatic relations?", "August 1972", "1990"),
])
def test_date_of_the_act_the_question_names_not_its_neighbour(ask_corpus, question, answer, wrong):
    check(ask(ask_corpus, question), answer, absent=(wrong,), doc="chile_new_zealand_relations.md")


@pytest.mark.parametrize("question", [
    "Why did Tanzania close the border with Kenya?",
    "What led Dodoma to shut the Namanga crossing?",
    "For what reason was the Namanga border post closed?",
])
def test_why_quotes_the_clause_of_cause(ask_corpus, question):
    a = ask(ask_corpus, question)
    check(a, "dispute over cargo inspection fees", doc="kenya_tanzania_border.txt")
    assert a.kind == "why" and a.basis == "passage"


def test_why_reads_a_purpose(ask_corpus):
    a = ask(ask_corpus, "Why did the Tanzanian president go to Nairobi in 2021?")
    check(a, "repair relations", doc="tanzania_kenya_trade_review.txt")


@pytest.mark.parametrize("question", [
    "Do the sources agree on Kenya-Tanzania trade in 2022?",
    "Do Nairobi and Dodoma give the same figure for their 2022 trade?",
])
def test_sources_that_disagree_give_both_sides(ask_corpus, question):
    a = ask(ask_corpus, question)
    check(a, "95 billion", "88 billion")
    assert cited(a) >= {"kenya_tanzania_border.txt", "tanzania_kenya_trade_review.txt"}
    assert a.kind == "conflict"


def test_a_denial_is_the_other_side(ask_corpus):
    a = ask(ask_corpus, "Do Kenya and Tanzania agree on whether the closure targeted Kenyan exporters?")
    check(a, "denied", doc="kenya_tanzania_border.txt")


@pytest.mark.parametrize("question, names, others", [
    ("Which Chilean ministers have visited New Zealand?", ("Ignacio Walker", "Marigen Hornkohl", "Heraldo Muñoz"),
     ("Tim Groser",)),
    ("Which New Zealand ministers travelled to Chile?", ("Tim Groser", "John Key"), ("Ignacio Walker",)),
])
def test_list_under_a_heading_keeps_the_direction_asked(ask_corpus, question, names, others):
    a = ask(ask_corpus, question)
    check(a, *names, absent=others, doc="chile_new_zealand_relations.md")
    assert a.kind == "list"


def test_list_from_an_enumeration(ask_corpus):
    a = ask(ask_corpus, "What does New Zealand export to Chile?")
    check(a, "dairy products", "machinery", "wood pulp")


def test_comparison_orders_figures_by_time(ask_corpus):
    a = ask(ask_corpus, "How has the number of Kenyan firms in Tanzania changed since 2015?")
    check(a, "300", "500", doc="kenya_tanzania_border.txt")
    assert a.text.index("300") < a.text.index("500") and a.kind == "compare"


@pytest.mark.parametrize("question, figure", [
    ("How long is the rail link between Mombasa and Tanga?", "430 km"),
    ("How much was Chile-New Zealand trade worth in 2019?", "410 million"),
    ("How much has Kenya invested in Tanzania?", "1.7 billion"),
])
def test_figures_of_each_kind(ask_corpus, question, figure):
    check(ask(ask_corpus, question), figure)


def test_rank(ask_corpus):
    a = ask(ask_corpus, "Where does Kenya rank among Tanzania's trading partners?")
    check(a, "second", doc="tanzania_kenya_trade_review.txt")


def test_passage_basis_when_the_record_lacks_the_item(ask_corpus):
    a = ask(ask_corpus, "How long is the rail link between Mombasa and Tanga?")
    assert a.basis == "passage" and a.citations[0].sentence.startswith("The new standard-gauge rail link")
    doc = ask_corpus.document(a.citations[0].doc_id)
    c = a.citations[0]
    assert doc.text[c.char_start:c.char_end] == c.sentence


@pytest.mark.parametrize("question, absent", [
    ("How many Tanzanian soldiers were killed at the border?", "500"),
    ("How many Kenyan lorries were stuck at Namanga?", "2"),
    ("When did Chile and New Zealand sign a fisheries treaty?", "1972"),
])
def test_nothing_relevant_means_the_documents_do_not_say(ask_corpus, question, absent):
    a = ask(ask_corpus, question)
    assert not a.answered and a.text.startswith("The documents do not say")
    assert absent not in a.text
