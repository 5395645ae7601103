"""Which words trigger acts and whose roles they carry: frames of an act noun, subjects of talks, and the
conjoined parties of an act's clause."""
from __future__ import annotations

from bilateral.extract import analyze
from bilateral.model import Document, text_id
from bilateral.nlp.pipeline import load_nlp


def coded(text: str) -> set:
    doc = Document(doc_id=text_id(text), source_path="test.txt", text=text, published="1991-02-04")
    return {(e.source.code, e.target.code, e.event_type) for e in analyze(doc, load_nlp()(text)).events}


def test_a_frame_noun_carries_the_roles_of_the_act_it_frames():
    found = coded("The Omani foreign minister launched a mediation effort on Saturday between Yemen and Djibouti.")
    assert {("OMN", "YEM", "CONSULT"), ("OMN", "DJI", "CONSULT")} <= found


def test_renewed_talks_are_the_pairs_and_what_they_are_about_is_no_act():
    found = coded("Syria and Jordan renewed negotiations today on a Syrian troop pullback from the border.")
    assert ("SYR", "JOR", "CONSULT") in found
    assert not [f for f in found if f[2] == "RETREAT"]
    # a past act talked over stays an act
    found = coded("Jordan and Syria resumed talks over Syria's killings of Jordanian villagers in 1970.")
    assert ("SYR", "JOR", "ASSAULT") in found


def test_an_act_on_parties_named_together_elsewhere_in_its_clause_reaches_each():
    found = coded("Ghana threatened to break off diplomatic relations with Togo and Benin over the border.")
    assert {("GHA", "TGO", "THREATEN"), ("GHA", "BEN", "THREATEN")} <= found


def test_a_thing_helps_no_one_as_a_party_would():
    assert not coded("Strong sales outside western Europe helped Italian carmaker Fiat raise its profits.")
    assert ("JPN", "LAO", "AID") in coded("Japanese aid helped Laos rebuild its roads.")


def test_the_state_a_boycott_or_an_invasion_is_of_is_its_target():
    found = coded("Norway's trade minister said a trade boycott of South Africa would take effect in July.")
    assert not [f for f in found if f[0] == "ZAF"]
    assert ("IRQ", "KWT", "COERCE") in coded("The Iraqi invasion of Kuwait was condemned by Egypt.")


def test_an_agreement_that_took_effect_or_came_into_force_is_concluded_then():
    doc = Document(doc_id="x", source_path="t.txt", published="2020-01-01",
                   text="The Friendship Agreement between Chile and Peru took effect on 3 January 1938. "
                        "A trade treaty between Chile and Bolivia came into force in 2005.")
    found = {(e.source.code, e.target.code, e.event_type, e.date) for e in analyze(doc, load_nlp()(doc.text)).events}
    assert {("CHL", "PER", "AGREE", "1938-01-03"), ("CHL", "BOL", "AGREE", "2005")} <= found


def dated(text: str, published: str) -> set:
    doc = Document(doc_id=text_id(text), source_path="test.txt", text=text, published=published)
    return {(e.source.code, e.target.code, e.event_type) for e in analyze(doc, load_nlp()(text)).events}


def test_a_duty_one_state_lays_on_what_another_makes_is_a_sanction_only_as_its_phrase_names_both():
    assert ("USA", "KOR", "SANCTION") in coded(
        "Exporters fear that U.S. tariffs on South Korean steel will spread to other goods.")
    # no layer before the noun, a state's own duties on imports, duties cut: no sanction
    assert not [f for f in coded("Officials in Seoul said the new tariffs on goods would hurt exporters.")
                if f[2] == "SANCTION"]
    assert not [f for f in coded("Chile's tariffs on imported beef are high, Argentine ranchers said.")
                if f[2] == "SANCTION"]
    assert not [f for f in coded("Peru agreed to cut tariffs on Bolivian textiles.") if f[2] == "SANCTION"]


def test_charging_or_alleging_that_a_party_did_something_accuses_that_party():
    found = coded("Australian Prime Minister Bob Hawke took up the farmers' case, charging that Indonesia "
                  "was discriminating against foreign beef.")
    assert ("AUS", "IDN", "ACCUSE") in found
    assert ("CAN", "MEX", "ACCUSE") in coded("Canada charged Mexico with breaking the fishing accord.")
    # "with" hung by the parser on the last of those charged
    found = coded("In a letter calling for the special committee meeting, Ottawa charged Chile, Peru, the U.K., Spain "
                  "and the EC Commission with unfair practices on behalf of Airbus.")
    assert {("CAN", "CHL", "ACCUSE"), ("CAN", "ESP", "ACCUSE"), ("CAN", "EU", "ACCUSE")} <= found
    # the one charged is the clause's subject, not a party named later in it; a price charged accuses no one
    assert not [f for f in coded("Canada charged that the firm had sold reactors to India.") if f[2] == "ACCUSE"]
    assert not coded("Swiss banks charged Argentina a fee of one pct on the loan.")


def test_one_who_flies_or_arrives_somewhere_visits_where_the_journey_ends():
    found = dated("Chilean Foreign Minister Pedro Soto will fly to Lima on Sunday for talks on trade.", "1987-03-05")
    assert ("CHL", "PER", "CONSULT") in found
    found = dated("Kenyan Energy Minister Paul Otieno arrived in Dodoma on Monday from Nairobi.", "1987-03-05")
    assert ("KEN", "TZA", "CONSULT") in found and not [f for f in found if f[1] == "KEN"]
    # a thing a national word qualifies, a flag flown, an airline's routes go nowhere as a party would
    assert not dated("The first Korean cars arrived in Canada on Monday.", "1987-03-05")
    assert not [f for f in dated("Kuwait will let its tankers fly the U.S. flag.", "1987-03-05") if f[2] == "CONSULT"]
    assert not dated("South African Airways flies to Australia via Mauritius.", "1987-03-05")


def test_being_supportive_of_a_party_supports_it_and_talks_kicked_off_are_held():
    assert ("SAU", "USA", "SUPPORT") in coded("Saudi Prince Abdullah was very supportive of the U.S. role in the Gulf.")
    assert not [f for f in coded("Officials said the plan was supportive of growth in Brazil.") if f[2] == "SUPPORT"]
    assert ("JPN", "USA", "CONSULT") in coded("Japan and the U.S. kicked off top-level trade talks on Monday.")


def test_words_said_of_a_partys_act_are_said_to_that_party():
    found = coded("The Soviet Union condemned the Israeli raid on Tunisia.")
    assert ("SUN", "ISR", "ACCUSE") in found and ("SUN", "TUN", "ACCUSE") not in found
    assert ("KEN", "CHN", "SUPPORT") in coded("Kenya welcomed Chinese investment in its railways.")


def test_a_trip_called_off_is_a_visit_that_did_not_happen_and_pressing_business_asks_nothing():
    text = "Kenyan Finance Minister George Saitoti has cancelled a trip to Tanzania because of pressing business at home."
    doc = Document(doc_id=text_id(text), source_path="test.txt", text=text, published="1987-04-27")
    found = {(e.source.code, e.target.code, e.event_type, e.modality) for e in analyze(doc, load_nlp()(text)).events}
    assert found == {("KEN", "TZA", "CONSULT", "negated")}
    # only the act called off: talks that led to a claim abandoned still took place
    text = "The Shah abandoned the claim in March 1970 as a result of secret Anglo-Iranian negotiations."
    doc = Document(doc_id=text_id(text), source_path="test.txt", text=text, published=None)
    assert {e.modality for e in analyze(doc, load_nlp()(text)).events if e.event_type == "CONSULT"} == {"asserted"}


def test_talks_one_has_or_comes_from_are_held_with_the_party_they_are_with():
    assert ("KEN", "TZA", "CONSULT") in coded("Kenyan President Mwai Kibaki had talks with Tanzanian President "
                                              "Jakaya Kikwete on Monday.")
    assert ("NOR", "SWE", "CONSULT") in coded("After his talks with the Swedish Prime Minister, Norwegian Prime Minister "
                                              "Jens Stoltenberg returned home.")
    assert ("CHL", "ARG", "CONSULT") in coded("Chilean Foreign Minister Pedro Soto went straight into a closed-door "
                                              "meeting with Argentine Foreign Minister Ana Ruiz.")
    # having no knowledge of talks holds none
    assert not coded("A Chilean spokesman said: 'We have no knowledge of talks with Argentina.'")


def test_two_named_together_at_talks_meet_each_other_and_an_unknown_one_meets_no_one():
    found = coded("Kenyan President Mwai Kibaki said he and Tanzanian President Jakaya Kikwete had set targets for "
                  "trade during talks on Monday.")
    assert ("KEN", "TZA", "CONSULT") in found
    # who met whom among many is not told, nor is who "it" is
    assert not [f for f in coded("At a meeting in Nairobi, Kenya, Tanzania, Uganda and Rwanda agreed to cut "
                                 "tariffs.") if f[2] == "CONSULT"]
    assert not coded("It planned a new auction system after talks with the World Bank and the IMF.")
    # talks between two stay theirs wherever the phrase stands
    assert ("NOR", "SWE", "CONSULT") in coded("The report contrasts with statements made after talks between the "
                                              "Norwegian Foreign Minister and the Swedish Foreign Ministry.")


def test_a_warning_of_what_another_party_is_or_does_is_criticism_not_a_threat():
    assert ("IMF", "KEN", "ACCUSE") in coded("The IMF warned on Thursday that Kenya's budget deficit was too large.")
    assert ("CHL", "ARG", "ACCUSE") in coded("Chile warned that the Argentine tariffs would hurt trade.")
    # the warner's own act or a consequence named is a threat
    assert ("CHL", "PER", "THREATEN") in coded("Chile warned Peru that it would retaliate.")
    assert ("CHL", "PER", "THREATEN") in coded("Chile warned Peru that Peruvian troops would face consequences.")


def test_a_place_named_as_a_likeness_or_a_seat_is_no_party():
    assert not coded("Kenyan officials warned that a Madrid-style bombing could happen in Nairobi.")
    assert not [f for f in coded("A London-based bank said Kenya had repaid its loans.") if "GBR" in f]
    # nor are banks of a country lending on "such loans" that country's aid
    assert not coded("Banks in Canada usually move on such loans within 90 days, officials in Brazil said.")


def test_force_fired_is_aimed_at_what_its_at_or_on_phrase_names():
    assert ("SYR", "ISR", "ASSAULT") in coded("Syrian troops fired rockets at Israeli positions.")
    assert ("IRN", "KWT", "ASSAULT") in coded("Iranian gunboats fired on a Kuwaiti tanker in the Gulf.")
    assert ("IRQ", "IRN", "ASSAULT") in coded("Iraqi forces opened fire on Iranian troops.")
    # a dismissal, a place the target stands near, a missile fired by no one named: no attack on a party
    assert not coded("Kenya fired its ambassador to Somalia.")
    assert not [f for f in coded("Four U.S. destroyers fired 1,000 shells at the Rostam oil rig 120 miles east of "
                                 "Bahrain.") if "BHR" in f]
    assert not coded("The missile had been fired at the Iraqi port of Basra, the British paper said.")
