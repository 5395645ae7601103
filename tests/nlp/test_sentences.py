"""Paragraphs, headings and list items stand alone; a hard-wrapped sentence stays one; reference markers
are tokens of their own."""
from __future__ import annotations

from bilateral.nlp.pipeline import load_nlp
from bilateral.nlp.sentences import no_content


def sents(text: str) -> list:
    return [s.text.strip() for s in load_nlp()(text).sents]


def test_headings_paragraphs_and_list_items_start_sentences():
    text = ("Peru has an embassy in Santiago.[2]\n\n\nHistory\n\nRelations were set up in 1990.\n\n"
            "-   Exports to Chile: $5 million\n-   Imports from Chile: $7 million\n\nREUTER")
    assert sents(text) == ["Peru has an embassy in Santiago.", "[2]", "History", "Relations were set up in 1990.",
                           "-   Exports to Chile: $5 million", "-   Imports from Chile: $7 million", "REUTER"]


def test_a_hard_wrapped_sentence_stays_one():
    text = "The ministers of Peru and Chile met in a town\nnear the border on Monday. Nothing else happened."
    assert sents(text)[0] == "The ministers of Peru and Chile met in a town\nnear the border on Monday."


def test_reference_markers_stand_apart_from_the_word_before():
    words = [t.text for t in load_nlp().make_doc("expelled from the United States.[7] in 2017)[3][4]")]
    assert words[3:6] == ["United", "States", "."] and "[7]" in words and "[4]" in words


def test_headings_and_captions_state_nothing():
    assert no_content("HIGH-LEVEL VISITS FROM PERU TO CHILE[11]")
    assert no_content("Leader_A_and_Leader_B_20080205.jpg (left) and the president in Lima.]]")
    assert not no_content("Peru and Chile signed a treaty in 1929.")
