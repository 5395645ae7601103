"""Short references a sentence resolves by itself: "MPs there" and a firm's "its" under a clause of people."""
from __future__ import annotations

from bilateral.nlp.actors import find_actors
from bilateral.nlp.coref import resolve
from bilateral.nlp.pipeline import load_nlp
from bilateral.work import gazetteer


def coded(text: str) -> list:
    doc = load_nlp()(text)
    return [(m.text, m.code, m.sector) for m in resolve(doc, find_actors(doc), gazetteer(None)) if m.code]


def test_officials_there_are_the_last_named_states():
    found = coded("The Ghanaian firm wants to build a port in Togo after officials there approved the plan.")
    assert ("officials there", "TGO", "GOV") in found


def test_its_under_a_clause_of_people_is_the_outer_subjects():
    found = coded("Kenya's biggest private bank could pull out of a deal in Uganda after MPs there cut its stake.")
    assert ("its", "KEN", "BUS") in found
    # a singular subject of its own clause owns it: nothing is guessed across it
    assert not [f for f in coded("Kenya said the bank had cut its stake in Uganda.") if f[0] == "its"]
