"""Verbs of acts used for plain speech make no event; the same verbs deciding, demanding or asking do."""
from __future__ import annotations

from bilateral.extract import analyze
from bilateral.model import Document, text_id
from bilateral.nlp.pipeline import load_nlp


def coded(text: str) -> list:
    doc = Document(doc_id=text_id(text), source_path="test.txt", text=text, published="2019-06-03")
    return [(e.source.code, e.target.code, e.event_type) for e in analyze(doc, load_nlp()(text)).events]


def test_an_opinion_agreed_is_no_agreement_but_a_decision_is():
    assert coded('"We agreed with Norway that there is some cause for hope in Yemen," the Danish minister said.') == []
    assert ("DNK", "NOR", "AGREE") in coded("Denmark and Norway agreed that their patrol boats would leave the strait.")


def test_a_claim_insisted_on_is_no_demand_but_a_duty_is():
    assert coded("Kenya's foreign minister insisted that Uganda had made great progress on the border.") == []
    assert ("KEN", "UGA", "REQUEST") in coded("Kenya's foreign minister insisted that Uganda must withdraw its police.")


def test_a_question_asked_and_a_name_called_ask_no_party_for_anything():
    assert coded("The Peruvian president was asked by Chilean reporters whether the talks had failed.") == []
    assert [e for e in coded("The map shows what Bolivia calls the Chilean coast.") if e[2] == "REQUEST"] == []
    assert ("CHL", "BOL", "REQUEST") in coded("Chile asked Bolivia to reopen the border.")
