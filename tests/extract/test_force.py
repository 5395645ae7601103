"""Acts of force need something force is used on; words against a policy are criticism, not assault."""
from __future__ import annotations

from bilateral.extract import analyze
from bilateral.model import Document, text_id
from bilateral.nlp.pipeline import load_nlp


def coded(text: str) -> set:
    doc = Document(doc_id=text_id(text), source_path="test.txt", text=text, published="2020-01-01")
    return {(e.event_type, e.cameo, e.source.code, e.target.code) for e in analyze(doc, load_nlp()(text)).events}


def test_an_attack_on_a_policy_is_criticism_and_on_positions_an_assault():
    assert coded("Kenya attacked Uganda's policy on tariffs.") == {("ACCUSE", "111", "KEN", "UGA")}
    assert coded("Kenyan troops attacked Ugandan positions near the border.") == {("ASSAULT", "190", "KEN", "UGA")}
    assert coded("Ugandan soldiers shot two Kenyan fishermen.") == {("ASSAULT", "190", "UGA", "KEN")}


def test_a_firm_battling_a_state_and_a_fight_against_a_ruling_are_no_force():
    assert not coded("Kenyan firms have been battling the Ugandan authorities for more than a year.")
    assert not coded("Kenya will fight the decision in court, Ugandan officials said.")


def test_criticism_of_a_thing_needs_its_owner_named():
    events = coded("Kenyan President Daniel Omondi met Ugandan President Moses Okello in 2005. "
                   "Omondi later attacked the decision of the court.")
    assert not [e for e in events if e[0] in ("ACCUSE", "ASSAULT")]


def test_attacks_told_as_nouns_keep_their_doer_and_target():
    assert ("ASSAULT", "190", "KEN", "UGA") in coded(
        "Uganda said it had repelled a Kenyan attack on positions held by its army near the Ugandan town of Tororo.")
    assert ("ASSAULT", "190", "KEN", "UGA") in coded("Uganda condemned the Kenyan raid on its border posts.")
    assert not [e for e in coded("The senator launched an attack on Uganda's trade policy.") if e[0] == "ASSAULT"]


def test_a_strike_by_forces_is_force_and_one_by_workers_a_protest():
    assert ("ASSAULT", "190", "KEN", "UGA") in coded("Kenyan forces launched a retaliatory strike against Uganda.")
    assert not [e for e in coded("Kenyan dock workers went on strike against Ugandan cargo.") if e[0] == "ASSAULT"]


def test_an_assault_launched_or_an_attack_carried_out_is_force():
    assert coded("The Ugandans launched a major overnight assault on three Kenyan divisions.") == {
        ("ASSAULT", "190", "UGA", "KEN")}
    assert coded("Uganda carried out an attack on Kenya's border posts.") == {("ASSAULT", "190", "UGA", "KEN")}
    assert coded("Kenya assaulted Uganda's policy on tariffs.") == {("ACCUSE", "111", "KEN", "UGA")}


def test_settling_a_dispute_is_an_agreement_and_an_agreement_ending_one_is_one_event():
    assert coded("Kenya and Uganda settled their border dispute in talks in Kampala.") & {
        ("AGREE", "030", "KEN", "UGA"), ("AGREE", "030", "UGA", "KEN")}
    events = coded("Kenya and Uganda signed an agreement ending a dispute over fishing rights.")
    assert {e[0] for e in events} == {"AGREE"} and len(events) == 1


def test_tariffs_put_on_a_states_goods_are_a_sanction():
    assert coded("Washington put 300 mln dlrs in tariffs on Kenyan goods.") == {("SANCTION", "163", "USA", "KEN")}


def test_pressure_from_a_state_to_act_is_coercion_and_pressure_of_prices_is_none():
    assert coded("Kenya has been under pressure from Uganda to revalue the shilling.") == {
        ("COERCE", "170", "UGA", "KEN")}
    assert coded("Uganda brought pressure on Kenya to open its markets.") == {("COERCE", "170", "UGA", "KEN")}
    assert not coded("Inflationary pressure in Kenya rose, Ugandan officials said.")


def test_harm_to_an_industry_is_no_assault_and_to_people_one():
    assert not [e for e in coded("Kenya's trade practices are said to have injured the Ugandan sugar industry.")
                if e[0] == "ASSAULT"]
    assert ("ASSAULT", "182", "KEN", "UGA") in coded("Kenyan troops injured 20 Ugandan farmers.")


def test_a_party_named_inside_a_clause_on_the_object_is_not_what_force_struck():
    found = coded("British Foreign Secretary Tom Hale also attacked the way the Iraq war was sold to voters.")
    assert not [f for f in found if f[0] == "ASSAULT"]
