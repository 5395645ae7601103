"""The gazetteer resolves country arguments and reads user dictionaries."""
import json

import pytest

from bilateral.errors import UnknownCountry
from bilateral.nlp.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load()


@pytest.mark.parametrize("text, code", [
    ("DEU", "DEU"), ("deu", "DEU"), ("NA", "NAM"), ("id", "IDN"),
    ("Germany", "DEU"), ("United States", "USA"), ("the United States", "USA"), ("US", "USA"),
    ("USA", "USA"), ("America", "USA"), ("UK", "GBR"), ("Britain", "GBR"), ("South Korea", "KOR"),
    ("Korea", "KOR"), ("Vietnam", "VNM"), ("Viet Nam", "VNM"), ("Russia", "RUS"), ("Laos", "LAO"),
    ("Iran", "IRN"), ("Syria", "SYR"), ("Czechia", "CZE"), ("Ivory Coast", "CIV"),
    ("Namibian", "NAM"), ("Indonesian", "IDN"), ("Senegalese", "SEN"),
    ("Canberra", "AUS"), ("Windhoek", "NAM"), ("Dakar", "SEN"), ("Seoul", "KOR"),
    ("UN", "UN"), ("EU", "EU"), ("ASEAN", "ASEAN"), ("European Union", "EU"),
    ("Burma", "MMR"), ("Siam", "THA"), ("Soviet Union", "SUN"), ("Vichy France", "FRA"),
])
def test_resolve_country(gaz, text, code):
    assert gaz.resolve_country(text) == code


def test_unknown_country_names_close_matches(gaz):
    with pytest.raises(UnknownCountry) as err:
        gaz.resolve_country("Namibiaa")
    assert "Namibia" in str(err.value)
    with pytest.raises(UnknownCountry):
        gaz.resolve_country("Atlantis Republic of Nowhere")


def test_display_names(gaz):
    assert gaz.name("KOR") == "South Korea"
    assert gaz.name("USA") == "United States"
    assert gaz.name("UN") == "United Nations"
    assert gaz.name("VNM") == "Vietnam"


def test_person_roles_follow_dates(gaz):
    # a shipped leader with dated government roles; outside them he still belongs to his country
    entry = gaz.lookup("helmut kohl", "1990-05")
    assert (entry.code, entry.sector) == ("DEU", "GOV")
    assert gaz.lookup("helmut kohl", "1850").code == "DEU"


def test_agent_sectors(gaz):
    assert gaz.agent_sector("minister") == "GOV"
    assert gaz.agent_sector("troops") == "MIL"
    assert gaz.agent_sector("company") == "BUS"


def test_user_dictionary_tsv_overrides(tmp_path, gaz):
    path = tmp_path / "extra.tsv"
    path.write_text("surface\tcode\tkind\tsector\nZanzibar Trading House\tTZA\torg\tBUS\n"
                    "Dakar\tFRA\tcapital\tGOV\n", encoding="utf-8")
    user = Gazetteer.load(path)
    assert user.lookup("Zanzibar Trading House").code == "TZA"
    assert user.resolve_country("Dakar") == "FRA"
    assert gaz.resolve_country("Dakar") == "SEN"   # the shipped one is untouched


def test_user_dictionary_json(tmp_path):
    path = tmp_path / "extra.json"
    path.write_text(json.dumps([{"surface": "Pacific Islands Forum", "code": "PIF", "kind": "igo",
                                 "sector": "IGO"}]), encoding="utf-8")
    user = Gazetteer.load(path)
    assert user.resolve_country("Pacific Islands Forum") == "PIF"
    assert user.resolve_country("PIF") == "PIF"


def test_an_office_holder_is_found_by_surname_only_inside_the_term(gaz):
    assert gaz.office_holder("Reagan", "1987-04-30").code == "USA"
    assert gaz.office_holder("Reagan", "1975") is None
    assert gaz.office_holder("Nobodyknown", "1987") is None


def test_a_capital_of_a_state_that_ceased_is_that_states_until_the_day_it_ceased(gaz):
    assert gaz.lookup("moscow", "1987-04-14").code == "SUN"
    assert gaz.lookup("moscow", "2005-03").code == "RUS"
    assert gaz.lookup("moscow").code == "RUS"   # undated: the state that holds it now
    assert gaz.lookup("belgrade", "1987").code == "YUG"
