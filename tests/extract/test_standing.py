"""Where a mention stands when that makes it no party: a place said only as where ("east of Bahrain")."""
from __future__ import annotations

from bilateral.extract import analyze
from bilateral.model import Document, text_id
from bilateral.nlp.pipeline import load_nlp


def pairs(text: str) -> set:
    doc = Document(doc_id=text_id(text), source_path="test.txt", text=text, published="1987-10-20")
    return {(e.source.code, e.target.code, e.event_type) for e in analyze(doc, load_nlp()(text)).events}


def test_a_state_named_only_as_where_is_no_target():
    assert pairs("Iraqi jets attacked a tanker 50 miles south of Kuwait.") == set()
    assert pairs("Iranian gunboats attacked a tanker off the coast of Dubai.") == set()


def test_the_party_beside_the_place_is_still_the_target():
    assert ("IRN", "KWT", "ASSAULT") in pairs("Iranian gunboats attacked a Kuwaiti tanker off Dubai.")
    assert ("IRQ", "IRN", "ASSAULT") in pairs("Iraq attacked Iran near Basra.")
