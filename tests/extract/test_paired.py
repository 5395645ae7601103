"""Wars their own name pairs: between the two it names, dated by its year, and none named in passing."""
from __future__ import annotations

from bilateral.extract import analyze
from bilateral.model import Document, text_id
from bilateral.nlp.pipeline import load_nlp


def wars(text: str) -> list:
    doc = Document(doc_id=text_id(text), source_path="test.txt", text=text, published="2019-01-01")
    return [(e.source.code, e.target.code, e.date) for e in analyze(doc, load_nlp()(text)).events
            if e.event_type == "ASSAULT"]


def test_a_war_named_for_two_states_with_its_year_is_between_them():
    assert wars("The Sino-Indian War of 1962 soured ties.") == [("CHN", "IND", "1962")]
    assert wars("Throughout the Iran–Iraq War (1980–1988), Qatar lent money to Iraq.") == [("IRN", "IRQ", "1980")]
    assert wars("Relations soured after the 1969 war between El Salvador and Honduras.") == [("SLV", "HND", "1969")]


def test_a_war_named_in_passing_or_of_words_or_trade_is_no_act():
    assert wars("One uncertain factor is the course of the Iran-Iraq war.") == []
    assert wars("Fears of a 1987 trade war between the United States and Korea grew.") == []
    assert wars("Kenya and Uganda discussed the war in Sudan in 2005.") == []
