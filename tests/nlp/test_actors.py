"""Actor mentions on short texts about several country pairs, with the real spaCy model."""
import pytest

from bilateral.nlp.actors import find_actors
from bilateral.nlp.coref import resolve
from bilateral.nlp.gazetteer import Gazetteer
from bilateral.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def actors(nlp, text, **kw):
    doc = nlp(text)
    found = find_actors(doc, **kw)
    for m in found:
        assert doc.text[m.start:m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:])), "overlapping or unsorted"
    return {m.text: m for m in found}


def test_leaders_with_titles_and_nationality(nlp):
    found = actors(nlp, "German Chancellor Olaf Scholz met Namibian President Hage Geingob in Windhoek.")
    scholz = found["German Chancellor Olaf Scholz"]
    assert (scholz.code, scholz.kind, scholz.sector) == ("DEU", "person", "GOV")
    assert scholz.name == "German Chancellor Olaf Scholz"
    assert found["Namibian President Hage Geingob"].code == "NAM"
    assert found["Windhoek"].code == "NAM"


def test_lowercase_title_and_possessive(nlp):
    found = actors(nlp, "Indonesian foreign minister Retno Marsudi spoke after Australia's Prime Minister "
                        "Anthony Albanese arrived.")
    assert found["Indonesian foreign minister Retno Marsudi"].code == "IDN"
    assert found["Australia's Prime Minister Anthony Albanese"].code == "AUS"


def test_capitals_as_governments(nlp):
    found = actors(nlp, "Canberra protested, and Seoul and Hanoi signed a trade pact.")
    assert (found["Canberra"].code, found["Canberra"].kind, found["Canberra"].sector) == ("AUS", "capital", "GOV")
    assert found["Seoul"].code == "KOR" and found["Hanoi"].code == "VNM"


def test_demonyms_and_institutions(nlp):
    found = actors(nlp, "Indonesian investors and the Senegalese government welcomed the French embassy, "
                        "while the Brazilian army watched. Many Argentines agreed.")
    inv = found["Indonesian investors"]
    assert (inv.code, inv.kind, inv.sector) == ("IDN", "demonym", "BUS")
    assert (found["Senegalese government"].code, found["Senegalese government"].sector) == ("SEN", "GOV")
    assert found["French embassy"].code == "FRA"
    assert (found["Brazilian army"].code, found["Brazilian army"].sector) == ("BRA", "MIL")
    assert found["Argentines"].code == "ARG"


def test_pronoun_us_is_not_the_country(nlp):
    found = actors(nlp, "Let us hope the US and India keep talking to us.")
    assert found["US"].code == "USA"
    assert [m.code for m in found.values()] == ["USA", "IND"]


def test_international_bodies(nlp):
    found = actors(nlp, "The UN peacekeeping mission in Mali, the European Union, ASEAN, UNHCR and the "
                        "International Criminal Court responded.")
    assert found["UN peacekeeping mission"].code == "UN"
    assert found["Mali"].code == "MLI"
    assert found["European Union"].code == "EU"
    assert found["ASEAN"].code == "ASEAN"
    assert found["UNHCR"].code == "UN"
    assert found["International Criminal Court"].code == "ICC"
    assert all(m.kind == "igo" for t, m in found.items() if t != "Mali")


def test_firms_with_nationality(nlp):
    found = actors(nlp, "Vinamilk, one of Vietnam's largest dairy firms, and the South Korean conglomerate "
                        "Samsung signed a deal.")
    samsung = found["South Korean conglomerate Samsung"]
    assert (samsung.code, samsung.sector, samsung.kind) == ("KOR", "BUS", "org")
    assert (found["Vinamilk"].code, found["Vinamilk"].sector) == ("VNM", "BUS")


def test_places_and_unknown_organisations(nlp):
    found = actors(nlp, "Aid reached Chittagong, said the Bangladesh Rural Advancement Committee and "
                        "the Zorblax Foundation.")
    assert (found["Chittagong"].code, found["Chittagong"].kind) == ("BGD", "place")
    unknown = found["Zorblax Foundation"]
    assert unknown.code is None and unknown.name == "Zorblax Foundation"


def test_user_dictionary_adds_an_actor(nlp, tmp_path):
    path = tmp_path / "extra.tsv"
    path.write_text("Kavango Water Board\tNAM\torg\tGOV\n", encoding="utf-8")
    found = actors(nlp, "The Kavango Water Board wrote to Berlin.", gazetteer=Gazetteer.load(path))
    board = found["Kavango Water Board"]
    assert (board.code, board.sector) == ("NAM", "GOV")
    assert found["Berlin"].code == "DEU"


def test_dated_roles(nlp):
    text = "Helmut Kohl visited Warsaw."
    in_office = actors(nlp, text, date="1990-05-01")["Helmut Kohl"]
    assert (in_office.code, in_office.sector) == ("DEU", "GOV")
    assert actors(nlp, text, date="1850")["Helmut Kohl"].code == "DEU"


def test_a_combining_form_before_a_hyphen_names_a_state_but_not_in_a_binational_firm():
    from bilateral.nlp.actors import find_actors
    from bilateral.nlp.pipeline import load_nlp
    text = "The secret Anglo-Iranian negotiations ended in 1970, and the Sino-Japanese talks went on."
    codes = {(m.text, m.code) for m in find_actors(load_nlp()(text))}
    assert {("Anglo", "GBR"), ("Iranian", "IRN"), ("Sino", "CHN"), ("Japanese", "JPN")} <= codes
    firm = "The Anglo-Dutch food giant Unilever will help the firm."
    assert "GBR" not in {m.code for m in find_actors(load_nlp()(firm))}


def test_a_region_named_after_a_continent_is_no_state(nlp):
    found = actors(nlp, "Peru is one of Latin America's largest debtors, and South American and North American "
                        "leaders met in Central America with United States officials.")
    assert not [m for m in found.values() if m.code == "USA" and "America" in m.text and "United" not in m.text]
    assert found["United States officials"].code == "USA"


def test_a_possessor_the_tagger_reads_into_a_body_is_an_actor_of_its_own(nlp):
    text = ("British minister Tom Brown spoke. "
            "But the US says it cannot support Mr Brown's International Finance Facility.")
    doc = nlp(text)
    found = {m.text: m for m in resolve(doc, find_actors(doc))}
    assert (found["Mr Brown"].code, found["Mr Brown"].kind) == ("GBR", "person")
    assert "International Finance Facility" in found
    found = {m.text: m for m in find_actors(nlp("The head of Lloyd's of London criticised the watchdog."))}
    assert [m.kind for m in found.values()] == ["org"]   # a name of its own, not London's government


def test_a_counterpart_with_a_national_word_is_that_states_official_whatever_the_wires_case(nlp):
    found = actors(nlp, "Kenya's finance minister met his West german counterpart Hans Vogel in Bonn.")
    vogel = next(m for m in found.values() if m.text.endswith("Hans Vogel"))
    assert (vogel.code, vogel.sector, vogel.kind) == ("DEU", "GOV", "person")
    assert not [m for m in actors(nlp, "The german shepherd barked.").values() if m.code]


def test_a_known_person_acts_for_the_body_his_apposition_names(nlp):
    found = actors(nlp, "Mohamed ElBaradei, the head of the IAEA, urged Iran to halt enrichment.")
    assert (found["Mohamed ElBaradei"].code, found["Mohamed ElBaradei"].sector) == ("UN", "IGO")
    assert actors(nlp, "Mohamed ElBaradei urged Iran to halt enrichment.")["Mohamed ElBaradei"].code == "EGY"
    found = actors(nlp, "Celso Amorim, Brazil's envoy to the United Nations, met the press.")
    assert found["Celso Amorim"].code == "BRA"   # the state named first keeps its envoy


def test_historic_names_of_states_and_their_demonyms(nlp):
    found = actors(nlp, "Kampuchean guerrillas and Zairean troops met Czechoslovak envoys in Rhodesia.")
    assert [m.code for m in found.values()] == ["KHM", "COD", "CZE", "ZWE"]


def test_a_surname_of_a_person_named_before_is_not_the_place_it_spells(nlp):
    text = "Citibank's William Rhodes said Brazil will meet its creditors. Rhodes said the talks went well."
    assert not [m for m in find_actors(nlp(text)) if m.code == "GRC"]
    assert [m.code for m in find_actors(nlp("Tourists flocked to Rhodes this summer."))] == ["GRC"]


def test_a_possessive_after_a_name_is_no_part_of_it(nlp):
    text = ("Talk of a trade accord grew before Australian Prime Minister Thomas Hughes' visit to Wellington. "
            "Hughes is set to arrive in Wellington on 13 April.")
    doc = nlp(text)
    found = resolve(doc, find_actors(doc))
    people = [(m.text, m.code) for m in found if m.kind == "person"]
    assert not [p for p, _ in people if p.endswith("'")]
    assert ("Hughes", "AUS") in people   # the later surname is the official the first mention named


def test_every_national_word_names_its_state_and_widens_to_the_body_it_qualifies(nlp):
    # national words the country lists give as places ("spanish", "danish") or not at all ("swedish")
    for text, code in (("The Swedish Foreign Ministry said no.", "SWE"), ("The Spanish Foreign Ministry said no.", "ESP"),
                       ("The Icelandic coast guard said no.", "ISL"), ("Uzbek officials said no.", "UZB"),
                       ("Slovenian officials said no.", "SVN"), ("The Irish Foreign Ministry said no.", "IRL"),
                       ("Eritrean officials said no.", "ERI"), ("Tajik officials said no.", "TJK")):
        found = [m for m in actors(nlp, text).values() if m.code]
        assert [m.code for m in found] == [code], (text, found)
        assert found[0].sector in ("GOV", "MIL"), (text, found)


def test_a_name_that_starts_with_a_city_but_is_a_thing_is_no_actor(nlp):
    found = actors(nlp, "The loan carries a margin over the London Interbank Offered Rate.")
    assert all(m.code is None for m in found.values())


def test_a_pact_named_for_its_states_keeps_them(nlp):
    found = actors(nlp, "The Indonesia–Australia Comprehensive Economic Partnership Agreement entered into force.")
    assert {m.code for m in found.values()} >= {"IDN", "AUS"}


def test_a_firm_named_for_a_place_is_a_firm_not_the_state(nlp):
    assert actors(nlp, "Lloyd's of London said it would pay the claims.")["Lloyd's of London"].sector == "BUS"
    found = actors(nlp, "The Republic of Korea met the Government of India.")
    assert found["Republic of Korea"].sector is None and found["Government of India"].sector == "GOV"
