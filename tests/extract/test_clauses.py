"""Clause shapes the parse hides: reduced relatives, bare participles, stray subjects, pull-outs, acts under way."""
from __future__ import annotations

from bilateral.extract import analyze
from bilateral.model import Document, text_id
from bilateral.nlp.pipeline import load_nlp


def events(text: str, published: str = "2020-01-01", dateline=None) -> list:
    doc = Document(doc_id=text_id(text), source_path="test.txt", text=text, published=published, dateline=dateline)
    return analyze(doc, load_nlp()(text)).events


def coded(text: str, **kw) -> set:
    return {(e.event_type, e.cameo, e.source.code, e.target.code) for e in events(text, **kw)}


def test_a_reduced_relative_names_its_doer_in_the_by_phrase():
    assert coded("The sanctions on Libya imposed by the United States in 1986 remain.") == {
        ("SANCTION", "163", "USA", "LBY")}
    assert ("AID", "074", "TCD", "MLI") in coded("Troops sent by Chad to Mali in 2013 were withdrawn.")
    assert ("AGREE", "057", "PER", "BOL") in coded("The treaty signed by Peru and Bolivia in 2005 took effect.")


def test_a_reduced_relative_without_both_parties_in_its_own_phrase_is_no_event():
    # the other party is nowhere in the phrase: the passage's pair does not stand in for it
    assert not coded("Peru met Bolivia in May. He said much of the money pledged by Peru had not arrived.") & {
        ("AGREE", "033", "PER", "BOL")}
    assert not coded("The accord on dairy output agreed in outline last December was hailed in Brussels.")


def test_a_bare_participle_is_asked_not_asking():
    # "Asked whether ..., X said": X is asked by reporters, X asks nothing
    text = ("Chilean Foreign Minister Alberto Vargas met Peruvian officials in Lima. Asked whether the letter from "
            "Peru was a rejection, Vargas said he was not sure.")
    assert not [e for e in events(text) if e.event_type == "REQUEST"]
    assert ("REQUEST", "100", "PER", "CHL") in coded("Pressed by Peru, Chile lifted the ban on fish imports.")


def test_a_subject_the_parser_hung_in_a_fronted_phrase_still_acts():
    text = ("In 1991, following the end of the Gulf War, former emir of Qatar Hamad bin Khalifa welcomed "
            "Iranian participation in regional security arrangements.")
    [e] = events(text)
    assert (e.event_type, e.source.code, e.target.code, e.date) == ("SUPPORT", "QAT", "IRN", "1991")


def test_pulling_out_of_a_pact_or_talks_is_a_cut_by_a_state_only():
    assert ("SANCTION", "160", "ECU", "USA") in coded(
        "In 2013 Ecuador pulled out of a preferential trade pact with the United States.")
    assert ("SANCTION", "164", "IRN", "FRA") in coded("Iran withdrew from the talks with France in May.")
    # a firm's pull-out is the firm's own business
    assert not coded("A US company has pulled out of a major contract to rebuild Iraq's roads, officials said.")
    # troops withdrawn under an agreement are a retreat, not a pull-out from the agreement
    assert ("SANCTION", "160", "RUS", "GEO") not in coded(
        "Russia withdrew its troops from Georgia under the 2008 agreement.")


def test_an_act_told_as_going_on_is_dated_the_day_the_wire_was_filed():
    text = "Chilean Trade Minister Alberto Vargas is heading a trade mission to 12 Peruvian cities."
    [e] = [e for e in events(text, published="1987-03-04") if e.event_type == "CONSULT"]
    assert (e.source.code, e.target.code, e.date, e.date_basis) == ("CHL", "PER", "1987-03-04", "inferred")
    # a habitual present is no dated act
    [e] = [e for e in events("Chile provides aid to Peru.", published="1987-03-04")]
    assert e.date is None


def test_summaries_keep_a_space_where_the_clause_was_cut():
    [e] = [e for e in events("Pressed by Peru, Chile lifted the ban on fish imports.") if e.event_type == "REQUEST"]
    assert "Pressed by Peru Chile" in e.summary and "PeruChile" not in e.summary


def test_an_act_asked_of_another_is_the_asking_alone():
    assert coded("Ecuador will ask OPEC to allow it to pump more oil.") == {("REQUEST", "100", "ECU", "OPEC")}
    assert coded("Peru urged Chile to withdraw its troops from the border.") == {("REQUEST", "100", "PER", "CHL")}


def test_welcoming_a_statement_is_support_and_welcoming_a_president_hosts_a_visit():
    assert coded("The German government welcomed President Reagan's latest policy statement.") == {
        ("SUPPORT", "051", "DEU", "USA")}
    assert coded("Peru welcomed the Chilean president on Monday.") == {("CONSULT", "043", "PER", "CHL")}


def test_a_sanction_an_official_notes_his_state_could_impose_if_a_condition_fails_is_a_threat():
    text = ("British Trade Minister Michael Howard met Peruvian officials in Lima on Monday. Howard noted that "
            "Britain could revoke or deny licences to Peruvian banks in London if British firms fail to get similar "
            "treatment in Peru.")
    assert ("THREATEN", "GBR", "PER") in {(e.event_type, e.source.code, e.target.code) for e in events(text)}


def test_an_undated_act_told_as_part_of_a_dated_trip_takes_the_trip_date():
    text = ("British Trade Minister Michael Howard will make a trip to Lima on April 4, 1987. "
            "Howard said he would use his trip to push Peru for a bigger role for British banks.")
    [push] = [e for e in events(text, published="1987-04-01") if e.event_type == "REQUEST"]
    assert (push.source.code, push.target.code, push.date, push.date_basis) == ("GBR", "PER", "1987-04-04", "relative")


def test_a_summoned_or_ordered_out_envoy_of_another_state_is_a_protest_or_an_expulsion():
    assert coded("Peru summoned the Chilean ambassador on Monday over the border incident.") == {
        ("ACCUSE", "111", "PER", "CHL")}
    assert ("SANCTION", "166", "PER", "CHL") in coded(
        "Peru ordered the Chilean ambassador to leave the country within 72 hours.")
    # one's own envoy called home for consultations is no protest
    assert not [e for e in coded("Peru met Chile in May. The president was summoning Ambassador Luis Vega home "
                                 "for consultations.") if e[0] == "ACCUSE"]


def test_a_coordinated_act_takes_the_clause_date_before_a_date_inside_a_noun():
    text = ("On 1 October 2015 (a week after the 2015 Mina stampede), the Bahraini government recalled its "
            "ambassador from Tehran and ordered the Iranian envoy to leave the country within 3 days.")
    dates = {(e.cameo, e.date) for e in events(text)}
    assert ("166", "2015-10-01") in dates and ("161", "2015-10-01") in dates


def test_telling_another_state_to_act_is_a_demand_and_ordering_ones_own_troops_is_the_act():
    assert coded("Peru told Chile to withdraw its troops from the border.") == {("REQUEST", "100", "PER", "CHL")}
    assert coded("Iraq ordered its troops to attack Iranian positions.") == {("ASSAULT", "190", "IRQ", "IRN")}
    # a thing ordered done, with no state asked, is no demand of anybody
    assert not coded("Peru met Canada in May. President Ollanta Vega of Peru has ordered all contracts with "
                     "foreign firms to be examined.") & {("REQUEST", "100", "PER", "CAN")}


def test_a_wire_dateline_dates_the_past_acts_of_its_lead():
    text = "Peru summoned the Chilean ambassador over the border incident, officials said."
    [e] = events(text, published="1987-04-07", dateline="LIMA")
    assert (e.date, e.date_basis) == ("1987-04-07", "inferred")
    [e] = events(text, published="1987-04-07")   # no dateline: no date told
    assert e.date is None


def test_the_members_a_subject_names_act_and_the_state_it_is_related_to_does_not():
    text = ("Allies of the Bahraini government, such as Saudi Arabia and other Gulf states, have blamed Iran for "
            "inciting upheaval.")
    assert coded(text) == {("ACCUSE", "112", "SAU", "IRN")}


def test_each_of_two_coordinated_doers_of_a_passive_acts():
    text = "During the war, Estonia was occupied by both Nazi Germany and the Soviet Union in 1941."
    assert coded(text) == {("COERCE", "192", "DEU", "EST"), ("COERCE", "192", "SUN", "EST")}


def test_an_occasion_a_fronted_phrase_names_joins_the_clauses_subject_and_whom_it_is_with():
    assert ("CONSULT", "040", "DEU", "CHN") in coded(
        "During talks with Chinese officials in Beijing, the German chancellor signed a trade pact.")
    assert ("CONSULT", "040", "CAN", "MEX") in coded(
        "In a meeting with Mexican Foreign Minister Jorge Castaneda, Canadian Prime Minister Jean Chretien "
        "asked for faster customs checks.")
    assert ("CONSULT", "040", "PER", "CHL") in coded("Peru is in talks with Chile on a new border crossing.")


def test_an_occasion_without_a_with_phrase_or_a_subject_is_no_event():
    # where the meeting is, or what the talks are for, is no party to them
    assert not {c for c in coded("He will present his conclusions at an IMF meeting in Washington in April.")
                if c[1] == "040"}
    assert not {c for c in coded("Progress was made in talks with commercial banks for loans to Argentina and "
                                 "Brazil, the official said.") if c[1] == "040"}


def test_an_occasion_named_again_takes_the_date_of_the_act_it_names():
    found = events("In May 2009, Chilean President Michelle Bachelet made a state visit to Peru.\n\n"
                   "Copper prices rose sharply that year. Mining output grew. Ports were busy.\n\n"
                   "Bachelet discussed a gas pipeline during her meeting with Peruvian officials.")
    assert {(e.cameo, e.date) for e in found if e.event_type == "CONSULT"} >= {("042", "2009-05"), ("040", "2009-05")}


def test_a_purpose_infinitive_is_the_aim_of_its_act_not_a_second_act():
    found = events("Venezuela will lend Ecuador 50,000 barrels of crude oil a day to help it meet its export "
                   "commitments, the minister said today.", published="1987-03-12")
    assert [(e.cameo, e.trigger) for e in found] == [("070", "lend")]


def test_we_in_a_quotation_is_the_side_of_whoever_says_it():
    text = ('"The Japanese have indicated we may not get as much as we are asking for," Philippine Finance '
            'Minister Jaime Ongpin said.')
    assert ("REQUEST", "100", "PHL", "JPN") in coded(text, published="1987-04-27")
    assert not {c for c in coded(text, published="1987-04-27") if c[2] == "JPN" and c[0] == "REQUEST"}
    # nobody named says it: "we" is nobody the record knows
    assert not coded('"We are asking Japan for more aid," an official said.', published="1987-04-27")


def test_a_possibility_reported_by_its_speaker_is_a_threat_by_whom_would_act():
    # "could" under a verb of saying is still a possibility: a threat, not a done revocation
    assert coded("British Trade Minister Michael Howard said Britain could revoke licences of Japanese banks.",
                 published="1987-04-03") == {("THREATEN", "132", "GBR", "JPN")}


def test_words_a_wire_reports_as_said_are_dated_by_its_month():
    text = "British trade minister Michael Howard has accused Japan of trying to shut out British firms."
    found = events(text, published="1987-04-07", dateline="TOKYO")
    assert [(e.event_type, e.date, e.date_basis) for e in found] == [("ACCUSE", "1987-04", "inferred")]
    # without a dateline (not a dated report of the day) the act stays undated
    assert [e.date for e in events(text, published="1987-04-07")] == [None]


def test_talks_a_wire_says_are_to_be_held_are_planned_in_its_month():
    text = ("Makoto Kuroda, vice minister of Japan's trade ministry, is to hold two days of meetings with the "
            "Deputy U.S. Trade Representative, Michael Smith.")
    [e] = events(text, published="1987-04-08", dateline="WASHINGTON")
    assert (e.event_type, e.modality, e.date, e.source.code, e.target.code) == ("CONSULT", "planned", "1987-04",
                                                                                 "JPN", "USA")
    # "was among the first to establish ties" tells a past act, not an arranged one
    [e] = events("When Namibia became independent in 1990, Germany was among the first countries to establish "
                 "diplomatic relations with the new state.")
    assert e.modality == "asserted" and e.date == "1990"


def test_an_announcement_of_planned_tariffs_is_dated_in_the_past():
    text = "President Reagan announced the planned tariffs on Japanese goods on March 27."
    [e] = [e for e in events(text, published="1987-04-08", dateline="WASHINGTON") if e.event_type == "SANCTION"]
    assert e.date == "1987-03-27", e


def test_the_city_where_the_pair_met_is_not_one_of_the_two():
    text = "Chile and Bolivia held talks on gas exports. The two ministers met in Lima on Monday."
    got = {(e.source.code, e.target.code) for e in events(text, published="1987-04-08", dateline="SANTIAGO")
           if e.event_type == "CONSULT"}
    assert got and all({s, t} == {"CHL", "BOL"} for s, t in got), got


def test_states_invited_to_a_group_meeting_are_consulted_by_the_group():
    text = ("India, along with China, Brazil and Russia, has been invited to take part in the G7 meeting in "
            "London on Friday.")
    got = {(e.event_type, e.source.code, e.target.code) for e in events(text, published="2005-02-04")}
    assert got == {("CONSULT", "G7", c) for c in ("IND", "CHN", "BRA", "RUS")}, got
    # invited together, none of them invited another; who invited them is not said
    assert not events("Representatives from China, India and Brazil were invited to attend some of the sessions.",
                      published="2005-02-04")
    assert not events("Fujioka told Reuters in an interview that Taiwan had been invited to the bank's 20th annual "
                      "meeting starting April 27 in Osaka.",
                      published="1987-04-08")


def test_each_state_a_passive_act_names_is_its_target():
    got = {(e.source.code, e.target.code) for e in events("Chile and Peru were attacked by Bolivian troops.")}
    assert got == {("BOL", "CHL"), ("BOL", "PER")}, got


def test_along_with_hung_on_the_verb_joins_the_invited(tmp_path):
    """The parse of a stored document hangs "along with" on the verb here, not on "India": each state it
    names is invited all the same."""
    import bilateral
    path = tmp_path / "g7.txt"
    path.write_text("India, which attends the G7 meeting of seven leading industrialised nations on Friday, is "
                    "unlikely to be cowed by its newcomer status.\n\nIndia, along with China, Brazil, South Africa "
                    "and Russia, has been invited to take part in the G7 meeting taking place in London on Friday "
                    "and Saturday.\n")
    with bilateral.open(tmp_path / "x.duckdb") as corpus:
        corpus.ingest([str(path)])
        got = sorted((e.source.code, e.target.code) for e in corpus.events())
    assert got == [("G7", c) for c in ("BRA", "CHN", "IND", "RUS", "ZAF")], got


def test_a_call_for_reform_of_a_body_is_a_demand_of_it():
    got = {(e.event_type, e.source.code, e.target.code) for e in events("India called for reform of the IMF.")}
    assert got == {("REQUEST", "IND", "IMF")}, got
    assert not events("Mexico called for reforms of its own economy.")


def test_criticism_told_by_lashing_out_or_by_its_noun_and_where_it_was_said_is_no_party():
    got = {(e.event_type, e.source.code, e.target.code) for e in events(
        "In London on Thursday, India's finance minister lashed out at the trade policies of the G7 nations.",
        published="2005-02-04")}
    assert got == {("ACCUSE", "IND", "G7")}, got
    got = {(e.event_type, e.source.code, e.target.code) for e in events("Japan's criticism of the U.S. tariffs grew.")}
    assert got == {("ACCUSE", "JPN", "USA")}, got


def test_groundwork_for_talks_plans_them():
    text = ("A Japanese trade team is in Washington laying the groundwork for talks between Kuroda, Japan's vice "
            "minister of trade, and the Deputy U.S. Trade Representative.")
    [e] = events(text, published="1987-04-08", dateline="TOKYO")
    assert (e.event_type, e.modality, e.date) == ("CONSULT", "planned", "1987-04"), e


def test_met_with_a_response_is_no_meeting():
    assert not events("U.S. officials said they have proved to the Iranians that any further action will be met "
                      "with a like-for-like response.", published="1987-10-20")
    [e] = events("Iranian officials met U.S. envoys in Geneva.")
    assert (e.event_type, e.source.code, e.target.code) == ("CONSULT", "IRN", "USA")


def test_markets_holding_up_prices_back_no_party():
    assert not events("Firmer gas oil on the London futures and bullish sentiment on the New York Mercantile "
                      "Exchange futures market are supporting spot prices.", published="1987-03-09")
    [e] = events("France supports the German proposal.")
    assert (e.event_type, e.source.code, e.target.code) == ("SUPPORT", "FRA", "DEU")
