"""Actors at document level: a person named once with a title is that state in later mentions."""
from __future__ import annotations

from bilateral.nlp.actors import find_actors
from bilateral.nlp.coref import resolve
from bilateral.nlp.pipeline import load_nlp


def actors(text: str) -> list:
    doc = load_nlp()(text)
    return resolve(doc, find_actors(doc))


def test_a_surname_and_mr_surname_take_the_state_of_the_titled_first_mention():
    text = ("Chilean Foreign Minister Alberto Vargas arrived in Lima on Monday. "
            "Vargas met his counterpart the next day. Peru welcomed Mr Vargas warmly.")
    later = [(m.text, m.code, m.kind) for m in actors(text) if m.start > text.index("Monday")]
    assert later.count(("Vargas", "CHL", "person")) == 2   # "Vargas met", "welcomed Mr Vargas"


def test_he_is_the_person_last_named_and_only_when_that_is_unambiguous():
    text = "Kenyan President Daniel Omondi flew to Accra. He signed a trade pact with Ghana."
    he = [m for m in actors(text) if m.kind == "pronoun"]
    assert [(m.text, m.code) for m in he] == [("He", "KEN")]
    two = ("Kenyan President Daniel Omondi met Ghanaian President Kwame Mensah in Accra. "
           "He said the talks went well.")
    assert not [m for m in actors(two) if m.kind == "pronoun"]   # two persons of two states: no reading


def test_a_surname_two_states_share_is_left_alone():
    text = ("Kenyan envoy John Smith and British envoy Paul Smith met in Nairobi. Smith spoke first.")
    assert not [m for m in actors(text) if m.text == "Smith" and m.code]


def test_the_country_is_the_state_named_before_it_other_than_its_own_clause_subject():
    text = "Mexico recognized Slovakia in 1993 and opened an embassy in the country in 1994."
    assert not [m for m in actors(text) if m.text == "the country"]   # a place, not a party
    text = "Mexico recognized Slovakia in 1993 and restored relations with the country in 1994."
    [m] = [m for m in actors(text) if m.text == "the country"]
    assert (m.code, m.kind) == ("SVK", "country")


def test_the_countries_and_a_country_qualified_are_no_one_state():
    text = "Kenya signed a pact with Uganda. The countries met again and discussed the country of origin."
    assert not [m for m in actors(text) if m.text.lower().startswith("the countr")]


def test_a_titled_official_the_text_named_keeps_that_state_in_a_wire_from_the_other_capital():
    text = ("KAMPALA, May 3 - Kenyan trade minister Peter Otieno arrived on Monday.\n\n"
            "In meetings with officials, minister Otieno said he expressed concern about the dispute.")
    doc = load_nlp()(text)
    from bilateral.work import gazetteer
    found = resolve(doc, find_actors(doc, gazetteer(None)), gazetteer(None), dateline="KAMPALA")
    later = [(m.text, m.code) for m in found if m.start > text.index("meetings")]
    assert later == [("minister Otieno", "KEN"), ("he", "KEN")]


def test_the_country_as_a_place_left_or_a_possessor_is_no_party():
    text = ("Kenya recalled its envoy from Uganda and told the Ugandan attache to leave the country, "
            "citing meddling in the affairs of the nation.")
    assert not [m for m in actors(text) if m.text in ("the country", "the nation")]


def test_a_surname_stays_ambiguous_after_a_third_mention():
    text = ("Kenyan Foreign Minister John Otieno met Ugandan Trade Minister Paul Otieno in Nairobi. "
            "Later Tanzanian Finance Minister Grace Otieno joined them. Otieno said the talks went well.")
    later = [m for m in actors(text) if m.start > text.index("joined")]
    assert not [m for m in later if m.text == "Otieno" and m.code]


def test_an_untitled_official_speaks_for_the_state_his_statement_is_about():
    # a wire from abroad: the minister reports what his own state does, not the dateline's
    text = ("Brazil would not have suspended payments on its debt if it had received faster financing, "
            "Finance Minister Dilson Funaro said. Funaro will visit Britain and France this week.")
    doc = load_nlp()(text)
    from bilateral.nlp.gazetteer import Gazetteer
    found = resolve(doc, find_actors(doc), Gazetteer.load(), "WASHINGTON")
    assert {(m.text, m.code) for m in found if m.kind == "person"} == {
        ("Finance Minister Dilson Funaro", "BRA"), ("Funaro", "BRA")}


def test_a_surname_after_a_dateline_coded_official_takes_the_same_state():
    from bilateral.nlp.gazetteer import Gazetteer
    text = ("Britain and Peru remained deadlocked today over trade, and sources said the government was pinning "
            "hopes on the trip to Lima next week by Corporate Affairs Minister Michael Howard. Britain had reacted "
            "at first to the letter from Peruvian leader Alan Garcia to Prime Minister Margaret Thatcher. "
            "Howard said he would use his trip to push for a bigger role for British banks in Peru.")
    doc = load_nlp()(text)
    found = resolve(doc, find_actors(doc), Gazetteer.load(), "LONDON")
    assert [m.code for m in found if m.text == "Howard"] == ["GBR"]


def test_an_official_whose_title_a_state_owns_is_of_that_state_not_of_the_wires_capital():
    text = ("LIMA, March 12 - Peru will lend Chile oil.\n\n"
            "The loan was agreed during a visit here by Chile's Deputy Energy Minister Ana Soto.")
    doc = load_nlp()(text)
    from bilateral.work import gazetteer
    found = resolve(doc, find_actors(doc, gazetteer(None)), gazetteer(None), dateline="LIMA")
    assert [(m.kind, m.code) for m in found if "Soto" in m.text] == [("person", "CHL")]


def test_ministers_a_wire_names_by_office_alone_are_the_host_states_and_a_plural_is_no_title():
    text = ("LIMA, May 3 - Chilean trade minister Ana Soto arrived on Monday.\n\n"
            "In meetings with both the foreign and trade ministers Soto said she expressed concern about Peru.")
    doc = load_nlp()(text)
    from bilateral.work import gazetteer
    found = resolve(doc, find_actors(doc, gazetteer(None)), gazetteer(None), dateline="LIMA")
    later = [(m.text, m.code) for m in found if m.start > text.index("meetings") and m.kind != "country"]
    assert ("ministers", "PER") in later and ("Soto", "CHL") in later


def test_the_fund_and_the_bank_are_the_bodies_named_before_them():
    from bilateral.work import gazetteer
    text = ("Ruritania owes the International Monetary Fund and the World Bank 2 billion dlrs. "
            "The minister said talks with the Fund would resume, and the Bank would lend again. "
            "The Bank of England made no comment.")
    doc = load_nlp()(text)
    found = resolve(doc, find_actors(doc), gazetteer(None))
    later = [(m.text, m.code) for m in found if m.start > text.index("minister")]
    assert ("Fund", "IMF") in later and ("Bank", "WB") in later
    assert not [m for m in found if m.start >= text.index("Bank of") and m.code == "WB"]


def test_a_body_is_also_the_last_word_it_was_written_with_unless_another_name_ending_in_it_came_between():
    from bilateral.work import gazetteer
    text = ("The European Commission opened an inquiry into Portugal's support for its airline. "
            "Commission officials will study the loan. The Commission said Lisbon must repay it. "
            "A ruling by the Commission is due in May.")
    doc = load_nlp()(text)
    found = [(m.text, m.code) for m in resolve(doc, find_actors(doc), gazetteer(None))]
    assert found.count(("Commission", "EU")) == 3
    text = ("The European Commission approved the merger on Monday. In Washington, the Securities and Exchange "
            "Commission opened a review of the deal. The Commission said it would report in May.")
    doc = load_nlp()(text)
    assert [m.text for m in resolve(doc, find_actors(doc), gazetteer(None)) if m.code == "EU"] == [
        "European Commission"]


def test_he_is_the_official_a_title_alone_named_before_him():
    from bilateral.work import gazetteer
    text = ("In London on Thursday, India's finance minister lashed out at the trade policies of rich nations. "
            "He also called for reform of the World Bank.")
    doc = load_nlp()(text)
    found = [(m.text, m.code) for m in resolve(doc, find_actors(doc), gazetteer(None))]
    assert ("He", "IND") in found


def test_the_fund_names_no_body_the_text_has_not_named():
    from bilateral.work import gazetteer
    text = "The minister said talks with the Fund would resume next week."
    doc = load_nlp()(text)
    assert not [m for m in resolve(doc, find_actors(doc), gazetteer(None)) if m.code == "IMF"]


def test_a_bare_surname_is_the_office_holder_of_that_date_when_the_text_names_the_state():
    from bilateral.work import gazetteer

    def coded(text, date):
        doc = load_nlp()(text)
        return [(m.text, m.code) for m in resolve(doc, find_actors(doc, date=date), gazetteer(None), date=date)
                if m.text == "Reagan"]
    text = "Reagan will fly to Nairobi next week, the United States said."
    assert coded(text, "1987-04-30") == [("Reagan", "USA")]
    assert coded(text, "1975-04-30") == [("Reagan", None)]   # not in office then
    assert coded("Reagan will fly to Nairobi next week.", "1987-04-30") == [("Reagan", None)]   # no state named
    named = "Kenyan farmer Tom Reagan said Reagan was in Nairobi, the United States said."
    assert ("Reagan", "USA") not in coded(named, "1987-04-30")


def test_a_state_named_inside_a_title_owns_the_official_and_the_office():
    text = "U.S. Energy Secretary John Herrington arrived in Rabat on Monday."
    found = {m.text: (m.code, m.sector) for m in actors(text)}
    assert found["Secretary John Herrington"] == ("USA", "GOV")
    assert found["U.S. Energy"] == ("USA", "GOV")


def test_the_government_of_a_wire_about_its_host_is_the_host_states():
    from bilateral.work import gazetteer
    text = ("Peru's central bank said the World Bank has suspended loans to Peru. Peru owes the Bank money.\n\n"
            "He told reporters the government decided to stop paying the World Bank.")
    doc = load_nlp()(text)
    found = resolve(doc, find_actors(doc, gazetteer(None)), gazetteer(None), dateline="LIMA")
    assert ("government", "PER") in [(m.text, m.code) for m in found]
    # a wire from Lima about another state, or a government its text qualifies, is left alone
    text = "Chile said Chile and Chile's exporters will sue Peru. The Chilean government agreed."
    doc = load_nlp()(text)
    found = resolve(doc, find_actors(doc, gazetteer(None)), gazetteer(None), dateline="LIMA")
    assert all(m.code != "PER" or m.text == "Peru" for m in found)
