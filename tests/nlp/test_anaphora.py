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


def test_officials_named_by_role_where_a_clause_places_its_act_are_that_states():
    found = coded("Kenya's finance minister met officials in Lima on Monday.")
    assert ("officials", "PER", "GOV") in found
    found = coded("Kenyan envoys spent two days at the end of last week in Lima talking to government officials.")
    assert ("government officials", "PER", "GOV") in found
    # officials a word already owns, or a clause placed in two states, are left alone
    assert not [f for f in coded("Kenya's minister met his officials in Lima.") if f[0] == "officials"]
    assert not [f for f in coded("The minister met officials in Lima and in Quito.") if f[0] == "officials"]
