"""The event lexicon: verb + object pairs pick their CAMEO code, ambiguous verbs need their object."""
from __future__ import annotations

import pytest

from bilateral.extract.cameo import coding
from bilateral.extract.triggers import NOUN_LEMMAS, RULES, TRIGGER_LEMMAS, find_rule


def code(lemma: str, *objects: str, noun: bool = False):
    rule = find_rule(lemma, set(objects), noun=noun)
    return rule.cameo if rule else None


@pytest.mark.parametrize("lemma, objects, cameo", [
    ("open", ("embassy",), "054"),
    ("close", ("consulate",), "161"),
    ("recall", ("ambassador",), "161"),
    ("establish", ("relation", "diplomatic"), "054"),
    ("upgrade", ("tie", "partnership"), "057"),
    ("sign", ("treaty", "security"), "057"),
    ("sign", ("grant",), "057"),
    ("ratify", ("protocol",), "057"),
    ("enter", ("force", "agreement"), "057"),
    ("delay", ("signing",), "120"),
    ("postpone", ("visit",), "120"),
    ("suspend", ("negotiation",), "164"),
    ("suspend", ("aid",), "162"),
    ("begin", ("negotiation", "formal"), "046"),
    ("hold", ("talk",), "046"),
    ("hold", ("exercise", "joint"), "062"),
    ("send", ("delegation", "business"), "040"),
    ("send", ("volunteer",), "070"),
    ("send", ("ventilator", "kit"), "070"),
    ("send", ("missile",), "072"),
    ("deploy", ("peacekeeper",), "074"),
    ("commit", ("eur", "billion"), "070"),
    ("pledge", ("loan",), "033"),
    ("ask", ("forgiveness",), "055"),
    ("ask", ("government",), "100"),
    ("want", ("apology", "formal"), "100"),
    ("remove", ("tariff",), "081"),
    ("impose", ("tariff",), "163"),
    ("ban", ("import",), "163"),
    ("extradite", (), "063"),
    ("sue", (), "115"),
    ("mobilize", ("troop",), "154"),
    ("withdraw", ("troop",), "0872"),
    ("kill", (), "200"),
])
def test_verb_and_object_pick_the_code(lemma, objects, cameo):
    assert code(lemma, *objects) == cameo


@pytest.mark.parametrize("lemma, objects", [
    ("open", ("factory",)),          # a factory is no mission: "open" alone carries nothing
    ("close", ("border",)),
    ("recall", ("event",)),
    ("sign", ("letter",)),
    ("enter", ("force", "troop")),   # "troops entered" is not a treaty coming into force
    ("enter", ("agreement",)),       # an agreement entered into without "force" is no entry into force
    ("remove", ("obstacle",)),
    ("ban", ("party",)),
    ("delay", ("payment",)),
    ("want", ("peace",)),
])
def test_ambiguous_verbs_need_their_object(lemma, objects):
    assert code(lemma, *objects) is None


def test_specific_readings_come_before_general_ones():
    assert code("suspend", "relation") == "161"
    assert code("suspend", "talk") == "164"
    assert code("withdraw", "ambassador") == "161"
    assert code("withdraw", "troop") == "0872"
    # CAMEO 166x: expelling or withdrawing peacekeepers, inspectors or aid agencies reduces relations
    assert code("withdraw", "peacekeeper", "force") == "1661"
    assert code("expel", "inspectors", "nuclear") == "1662"
    assert code("expel", "agencies", "aid") == "1663"
    assert code("reduce", "supplies", "food") == "162"
    # CAMEO 086x: letting observers or peacekeepers in; a tightened blockade or widened sanctions
    assert code("receive", "observers", "mission") == "0862"
    assert code("accept", "peacekeepers") == "0861"
    assert code("tighten", "blockade", "naval") == "191"
    assert code("extend", "sanctions") == "163"
    assert code("hand", "medicine") == "070"
    # charged in court is accused (PLOVER ACCUSE), arrested or convicted is coerced
    assert code("indict") == code("prosecute") == "115" and code("arrest") == code("convict") == "173"
    # goods bought from a state; agreeing an agreement concludes it
    assert code("buy", "wheat") == "061" and code("buy", "company") is None
    assert code("agree", "partnership") == "057" and code("agree") == "030"


def test_nouns_are_looked_up_apart_from_verbs():
    assert code("visit", noun=True) == "042"
    assert code("negotiation", noun=True) == "046"
    assert code("negotiation") is None
    assert "negotiation" in NOUN_LEMMAS and "negotiation" not in TRIGGER_LEMMAS


def test_every_rule_codes_an_event_type():
    for rule in RULES:
        assert coding(rule.cameo).event_type is not None, rule


def test_first_contact_recognition_and_a_nominal_request():
    from bilateral.extract.triggers import find_rule
    assert find_rule("begin", {"relationship"}).cameo == "060"      # first contact, not diplomatic ties
    assert find_rule("establish", {"relation"}).cameo == "054"
    assert find_rule("ratify", {"independence"}).cameo == "054"
    assert find_rule("request", set(), noun=True).cameo == "100"
