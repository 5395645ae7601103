"""Whether a document is about a pair, so that an act whose other party goes unnamed falls to it."""
from __future__ import annotations

from bilateral.extract import analyze
from bilateral.extract.focus import named_together, pair_in_focus
from bilateral.model import Document, text_id
from bilateral.nlp.actors import find_actors
from bilateral.nlp.pipeline import load_nlp


def events_of(text: str) -> list:
    doc = Document(doc_id=text_id(text), source_path="test.txt", text=text, published="1987-04-01")
    return [(e.event_type, e.source.code, e.target.code) for e in analyze(doc, load_nlp()(text)).events]


def test_a_firm_wire_naming_two_states_together_once_lends_them_no_act():
    text = ("Harwick Foods, a U.S. grain trader, said its British unit had a weaker year.\n"
            "Harwick said the loans were signed in March. It plans to open two mills in the United States this year.")
    assert events_of(text) == []


def test_a_text_on_the_pair_gives_it_the_act_whose_parties_go_unnamed():
    text = ("Britain and the United States are at odds over farm subsidies. British officials said the United "
            "States had broken its promises.\nThe two governments have argued over grain since 1985. Britain said "
            "the loans were signed in March.")
    assert ("AGREE", "GBR", "USA") in events_of(text)


def test_the_pair_is_in_focus_only_when_sentences_name_both_more_than_once():
    def focus(text):
        doc = load_nlp()(text)
        actors, sentences = find_actors(doc), list(doc.sents)
        return named_together(actors, ("CHL", "PER"), sentences), pair_in_focus(actors, ("CHL", "PER"), sentences)
    assert focus("Chile and Peru met. Chile spoke. Peru spoke. Chile and Peru agreed.") == (2, ("CHL", "PER"))
    assert focus("Chile and Peru met. Chile spoke. Peru spoke. Chile agreed.") == (1, ())
