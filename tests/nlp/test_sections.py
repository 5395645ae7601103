"""Long texts are parsed in sections whose joined parse covers the whole text with its own offsets."""
from __future__ import annotations

from bilateral.nlp.pipeline import load_nlp
from bilateral.nlp.sections import parse_in_sections, sections

TEXT = ("Ghana and Togo reopened their border. Trade resumed at once.\n\n"
        "Officials met in Lome on Monday. They agreed on new customs rules.\n\n") * 40


def test_sections_cover_the_text_in_order_and_prefer_paragraph_breaks():
    spans = sections(TEXT, 300)
    assert spans[0][0] == 0 and spans[-1][1] == len(TEXT)
    assert all(a == b for (_, a), (b, _) in zip(spans, spans[1:]))
    assert all(0 < e - s <= 300 for s, e in spans)
    assert all(TEXT[e - 2:e] == "\n\n" for _, e in spans[:-1])


def test_without_breaks_sections_cut_at_sentences_then_spaces_then_anywhere():
    assert all(s.endswith(". ") for s in (("A b c. " * 50)[a:b] for a, b in sections("A b c. " * 50, 40)[:-1]))
    spans = sections("x" * 95, 40)
    assert spans == [(0, 40), (40, 80), (80, 95)]


def test_the_joined_parse_is_the_text_with_its_offsets():
    nlp = load_nlp()
    doc = parse_in_sections(nlp, TEXT, 500)
    assert doc.text == TEXT
    assert all(TEXT[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    whole = nlp(TEXT)
    assert [t.text for t in doc] == [t.text for t in whole]
    assert sum(1 for _ in doc.sents) >= 160
