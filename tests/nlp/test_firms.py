"""Companies at document level: a firm introduced with its nationality keeps that state in later mentions."""
from __future__ import annotations

from bilateral.nlp.actors import find_actors
from bilateral.nlp.coref import resolve
from bilateral.nlp.pipeline import load_nlp


def coded(text: str) -> list:
    doc = load_nlp()(text)
    return [(m.text, m.code, m.sector) for m in resolve(doc, find_actors(doc)) if m.code]


def test_a_firm_described_beside_its_name_keeps_that_state_later():
    text = ("Kenyan mobile operator Safaricom won the licence. MTN - the South African firm which lost "
            "the tender - may appeal. Later Safaricom said it would invest. MTN declined to comment.")
    found = coded(text)
    assert found.count(("MTN", "ZAF", "BUS")) == 2
    assert ("Safaricom", "KEN", "BUS") in found


def test_an_acronym_in_brackets_and_a_consortium_of_two_nations():
    text = ("Ghana's biggest power company, Volta River Authority Corp (VRAC), says it is in talks with "
            "Nigerian-Dutch consortium Marlex. Marlex said VRAC had made an offer.")
    found = coded(text)
    assert found.count(("VRAC", "GHA", "BUS")) == 2
    assert found.count(("Marlex", "NGA", "BUS")) == 2


def test_a_name_without_a_stated_nationality_stays_uncoded():
    text = "Marlex said it would bid for the contract. Kenya's government welcomed the bid by Marlex."
    assert not [f for f in coded(text) if f[0] == "Marlex"]


def test_the_firm_a_story_describes_by_rank_before_naming_it_is_that_states():
    text = ("Kenya's biggest private bank could pull out of a deal in Uganda after MPs there cut its stake. "
            "Equilend said the ruling was unfair. Analysts at Stanlib in Nairobi doubt the deal will "
            "survive. Later, Equilend said it may walk away.")
    found = coded(text)
    assert found.count(("Equilend", "KEN", "BUS")) == 2
    assert not [f for f in found if f[0] == "Stanlib"]
    # with two states' firms described, or no name repeated, nothing is guessed
    text = ("Kenya's biggest bank and Uganda's largest bank met. Equilend said talks went well. "
            "Equilend will report.")
    assert not [f for f in coded(text) if f[0] == "Equilend"]
