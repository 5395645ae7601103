"""The mood of an act as the sentence tells it: weighed, asked for, an option, or ruled out is not done."""
from __future__ import annotations

from bilateral.extract.mood import modality
from bilateral.nlp.pipeline import load_nlp


def mood_of(text: str, lemma: str) -> str | None:
    doc = load_nlp()(text)
    return modality(next(t for t in doc if t.lemma_ == lemma), fine=True)


def test_an_act_under_consideration_is_hypothetical():
    assert mood_of("Kenya is considering how to impose sanctions on Uganda.", "impose") == "hypothetical"
    assert mood_of("Kenya is weighing imposing sanctions on Uganda.", "impose") == "hypothetical"
    assert mood_of("Kenya imposed sanctions on Uganda.", "impose") == "asserted"


def test_an_act_in_the_infinitive_of_a_noun_of_asking_or_an_option_is_not_done():
    assert mood_of("The pressure on the president to retaliate against Uganda grew.", "retaliate") == "hypothetical"
    assert mood_of("Other options would be to appeal the ruling, or to retaliate against Ugandan goods.",
                   "retaliate") == "hypothetical"


def test_ruling_out_an_act_refuses_it():
    assert mood_of("The minister ruled out using his powers to retaliate against Uganda.", "retaliate") == "refused"
    assert mood_of("Kenya ruled out imposing sanctions on Uganda.", "impose") == "refused"


def test_an_act_in_a_suggestion_is_not_done_but_a_proposal_backed_was_backed():
    assert mood_of("Kenya rejected suggestions that it let the IMF play a role.", "let") == "hypothetical"
    assert mood_of("The proposal, strongly backed by Kenya, was adopted.", "back") == "asserted"
