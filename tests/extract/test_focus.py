"""Whether a document is about a pair, so that an act whose other party goes unnamed falls to it."""
from __future__ import annotations

from bilateral.extract import analyze
from bilateral.extract.focus import pair_in_focus
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


def test_the_pair_is_in_focus_when_the_text_tells_of_the_two_together():
    def focus(text):
        doc = load_nlp()(text)
        return pair_in_focus(find_actors(doc), ("CHL", "PER"), list(doc.sents), doc.text)
    assert focus("Chile met Peru. Chile spoke. Peru spoke. Chile thanked Peru.") == ("CHL", "PER")   # two sentences
    assert focus("Chile and Peru met. Chile spoke. Peru spoke. Chile agreed.") == ("CHL", "PER")   # named as one
    assert focus("A Chilean firm bought a Peruvian mine.") == ("CHL", "PER")   # every sentence naming either
    assert focus("A Chilean firm bought a Peruvian mine. Chile spoke. Peru spoke. Chile agreed.") == ()


def test_a_wire_that_tells_an_act_between_the_two_gives_them_the_acts_whose_parties_go_unnamed():
    text = ("LIMA, March 12 - Peru will lend Chile 50,000 barrels a day of crude oil. Chile spoke. Peru spoke. "
            "The loan was signed on Monday.")
    assert ("AGREE", "PER", "CHL") in events_of(text) or ("AGREE", "CHL", "PER") in events_of(text)
