"""Parties joined in a sentence: conjuncts, lists the parse loses, and the partners of one "with" phrase."""
from __future__ import annotations

from bilateral.extract import analyze
from bilateral.model import Document, text_id
from bilateral.nlp.pipeline import load_nlp


def pairs(text: str) -> set:
    doc = Document(doc_id=text_id(text), source_path="test.txt", text=text, published="2005-02-04")
    return {(e.source.code, e.target.code, e.event_type) for e in analyze(doc, load_nlp()(text)).events}


def test_a_list_the_parse_loses_still_names_each_target():
    found = pairs("India called for reform of the United Nations, the World Bank and the IMF.")
    assert {("IND", "UN", "REQUEST"), ("IND", "WB", "REQUEST"), ("IND", "IMF", "REQUEST")} <= found


def test_a_state_after_a_comma_that_speaks_for_itself_is_no_listed_target():
    found = pairs("Kenya accused Uganda, Tanzania said on Monday.")
    assert ("KEN", "TZA", "ACCUSE") not in found
