"""`bilateral code`: sentences in, coded events out, with the real parser and lexicon."""
from __future__ import annotations

import json

import pytest

from bilateral.coder import code_lines, code_sentences

ROWS = [
    {"id": "de-na", "text": "Germany opened an embassy in Namibia in March 1990.", "date": "2015-03-21"},
    {"id": "au-id", "text": "Indonesia recalled its ambassador from Australia on Tuesday.", "date": "2006-03-24"},
    {"id": "fr-sn", "text": "France and Senegal signed a defence treaty in Dakar.", "date": "2018-04-20"},
    {"id": "in-bd", "text": "India did not impose tariffs on goods from Bangladesh.", "date": "2021-01-10"},
    {"id": "kr-vn", "text": "South Korea will send 50 volunteers to Vietnam in September.", "date": "20190606"},
    {"id": "br-ar", "text": "Brazil condemned Argentina for closing the border.", "date": "2020-05-02"},
    {"id": "none", "text": "The weather in Lisbon was mild all week.", "date": "2020-05-02"},
    {"id": "domestic", "text": "Venezuelan police arrested opposition leaders in Caracas.", "date": "2019-01-24"},
    {"id": "one-party", "text": "Chile condemned the attack on its embassy.", "date": "2019-01-24"},
]


@pytest.fixture(scope="module")
def coded():
    return {row["id"]: row for row in code_sentences(ROWS)}


def only(row: dict) -> dict:
    assert len(row["events"]) == 1, row
    return row["events"][0]


def test_types_actors_and_dates(coded):
    e = only(coded["de-na"])
    assert (e["event_type"], e["cameo"], e["source"], e["target"]) == ("SUPPORT", "054", ["DEU"], ["NAM"])
    assert e["date"] == "1990-03" and e["modality"] == "asserted"
    e = only(coded["au-id"])
    assert (e["event_type"], e["source"], e["target"]) == ("SANCTION", ["IDN"], ["AUS"])
    assert e["date"] == "2006-03-21"          # the Tuesday before the line's date
    e, act = coded["br-ar"]["events"]
    assert (e["event_type"], e["source"], e["target"]) == ("ACCUSE", ["BRA"], ["ARG"])
    # the act condemned is Argentina's own ("condemned B for closing"): coded beside it, from the dictionary
    assert (act["event_type"], act["trigger"], act["source"]) == ("COERCE", "close", ["ARG"])


def test_a_joint_act_keeps_both_parties(coded):
    e = only(coded["fr-sn"])
    assert e["event_type"] == "AGREE" and e["cameo"] == "057"   # signing an agreement, as POLECAT codes it
    assert set(e["source"]) | set(e["target"]) == {"FRA", "SEN"}


def test_negation_and_future(coded):
    e = only(coded["in-bd"])
    assert (e["source"], e["target"], e["modality"]) == (["IND"], ["BGD"], "negated")
    e = only(coded["kr-vn"])
    # PLOVER codes an announced act as AGREE, intent to give aid (033); the act itself stays in "act"
    assert (e["event_type"], e["cameo"], e["act"]) == ("AGREE", "033", "AID")
    assert (e["source"], e["target"], e["modality"]) == (["KOR"], ["VNM"], "planned")
    assert e["date"] == "2019-09"             # "in September" read against the compact date 20190606


def test_threats_conditions_and_protests():
    rows = {r["id"]: r["events"] for r in code_sentences([
        {"id": "threat", "text": "Ghana said it would expel Togo's diplomats unless the border reopened."},
        {"id": "sanction", "text": "Peru will impose sanctions on Bolivia next month."},
        {"id": "offer", "text": "Norway is willing to send doctors to Malawi."},
        {"id": "maybe", "text": "Kenya might recall its envoy from Uganda."},
        {"id": "rally", "text": "Thousands of farmers staged a rally in Lima against Chilean imports."},
        {"id": "roads", "text": "Protesters blocked roads to the Mexican embassy in Guatemala."},
        {"id": "hunger", "text": "Two activists began a hunger strike outside the Turkish embassy in Athens."},
        {"id": "official", "text": "Egypt lodged a formal protest with Sudan over the border incident."},
        {"id": "must", "text": "Nepal said India must withdraw its troops from the border."},
        {"id": "refuse", "text": "Fiji said it will not accept Tongan mediation."},
        {"id": "refuse-if", "text": "Jordan said it will not admit more Syrian refugees if the fighting spreads."},
        {"id": "sworn", "text": "Armenian volunteers have sworn to fight until Azerbaijan leaves the villages."},
    ])}
    first = {k: v[0] for k, v in rows.items() if v}
    # an announced or conditional hostile act is a threat, coded by what is threatened (CAMEO 13x)
    assert (first["threat"]["event_type"], first["threat"]["cameo"], first["threat"]["modality"]) == (
        "THREATEN", "136", "conditional")
    assert (first["threat"]["source"], first["threat"]["target"]) == (["GHA"], ["TGO"])
    assert (first["sanction"]["event_type"], first["sanction"]["cameo"]) == ("THREATEN", "1312")
    assert (first["offer"]["event_type"], first["offer"]["modality"]) == ("AGREE", "intended")
    assert (first["maybe"]["event_type"], first["maybe"]["modality"]) == ("THREATEN", "hypothetical")
    assert [e["cameo"] for e in rows["rally"]] == ["141"]
    # a crowd the sentence ties to no country belongs to the one it names ("staged" even when the
    # lemmatizer reads it as "stag")
    staged = next(code_sentences([{"id": "s", "text": "Thousands of students staged a rally in Accra."}]))
    assert (staged["events"][0]["cameo"], staged["events"][0]["source"]) == ("141", ["GHA"])
    assert first["roads"]["cameo"] == "144"
    assert first["hunger"]["cameo"] == "142"
    assert (first["official"]["event_type"], first["official"]["source"], first["official"]["target"]) == (
        "ACCUSE", ["EGY"], ["SDN"])
    # "B must ...": the speaker demands the act of B (CAMEO 10x); "will not ...": a refusal (12x)
    must = first["must"]
    assert (must["event_type"], must["cameo"], must["modality"], must["source"], must["target"]) == (
        "REQUEST", "1056", "required", ["NPL"], ["IND"])
    assert (first["refuse"]["event_type"], first["refuse"]["modality"]) == ("REJECT", "refused")
    # a refusal stays a refusal under a condition; a sworn fight is a threat
    assert (first["refuse-if"]["event_type"], first["refuse-if"]["modality"]) == ("REJECT", "refused")
    assert (first["sworn"]["event_type"], first["sworn"]["modality"]) == ("THREATEN", "intended")


def test_no_event_when_nothing_happens_between_countries(coded):
    assert coded["none"] == {"id": "none", "events": []}


def test_bad_lines_yield_errors_and_coding_goes_on(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": 1, "text": "Australia praised Indonesia.", "date": "2019-01-01"}),
             "{not json",
             "",
             json.dumps({"id": 2}),
             json.dumps({"id": 3, "text": "Namibia thanked Germany.", "date": "someday"}),
             json.dumps(["a", "list"]),
             json.dumps({"id": 4, "text": "Vietnam welcomed South Korea's decision."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = list(code_lines(str(path)))
    assert [r["id"] for r in rows] == [1, None, 2, 3, None, 4]
    assert rows[0]["events"][0]["event_type"] == "SUPPORT"
    assert rows[1]["error"].startswith("line 2: not JSON")
    assert rows[2]["error"] == "line 4: no text"
    assert "line 5" in rows[3]["error"] and "not a date" in rows[3]["error"]
    assert rows[4]["error"] == "line 6: not a JSON object"
    assert rows[5]["events"][0]["source"] == ["VNM"] and rows[5]["events"][0]["date"] is None


def test_sentences_also_code_domestic_acts_and_acts_with_an_unnamed_party(coded):
    e = only(coded["domestic"])
    assert e["event_type"] == "COERCE" and e["source"] == ["VEN"]
    e = only(coded["one-party"])
    assert (e["event_type"], e["source"], e["target"]) == ("ACCUSE", ["CHL"], [])


def test_the_primary_event_is_the_act_that_happened():
    rows = {r["id"]: r["events"] for r in code_sentences([
        {"id": "renewed", "text": "Ethiopia and Eritrea renewed negotiations on the disputed border town."},
        {"id": "effort", "text": "Oman launched a mediation effort between Yemen and Saudi Arabia."},
        {"id": "purpose", "text": "Hundreds of students staged demonstrations in Manila to demand the recall "
                                  "of the Chinese ambassador."},
        {"id": "gathered", "text": "Farmers from across Poland gathered for a rally in Warsaw to protest "
                                   "against Ukrainian grain imports."},
        {"id": "plans", "text": "Hungary plans to impose restrictions on Serbian lorries next year."},
        {"id": "declaration", "text": "Armenia issued a declaration demanding that Azerbaijan release "
                                      "its soldiers."},
    ])}
    first = {k: v[0] for k, v in rows.items() if v}
    # a light or aspectual verb hands the act to its noun ("renewed negotiations", "a mediation effort")
    assert first["renewed"]["event_type"] == "CONSULT", rows["renewed"]
    assert first["effort"]["event_type"] == "CONSULT", rows["effort"]
    # the demonstration happened; the demand is what it was for
    assert first["purpose"]["event_type"] == "PROTEST", rows["purpose"]
    assert first["gathered"]["event_type"] == "PROTEST", rows["gathered"]
    # a plan announces the act: an announced restriction is a threat
    assert first["plans"]["event_type"] == "THREATEN", rows["plans"]
    # the content of an issued statement is the act ("issued a declaration demanding")
    assert first["declaration"]["event_type"] == "REQUEST", rows["declaration"]


def test_a_further_event_needs_both_a_source_and_a_target():
    [row] = code_sentences([{"id": 1, "text": "Chile criticised Peru on Monday as police arrested hundreds of "
                                             "protesters in Santiago."}])
    assert [(e["event_type"], e["source"], e["target"]) for e in row["events"]] == [("ACCUSE", ["CHL"], ["PER"])]


def test_cannot_support_is_a_refusal_and_could_not_one_only_when_reported():
    rows = {r["id"]: r["events"] for r in code_sentences([
        {"id": "cannot", "text": "Canada says it cannot support Mexico's plan for a regional fund."},
        {"id": "could", "text": "A Canadian minister said Canada could not support the Mexican plan."},
        {"id": "failed", "text": "Canada could not reach Mexico's negotiators by telephone."},
    ])}
    first = {k: v[0] for k, v in rows.items() if v}
    assert (first["cannot"]["event_type"], first["cannot"]["modality"]) == ("REJECT", "refused")
    assert (first["cannot"]["source"], first["cannot"]["target"]) == (["CAN"], ["MEX"])
    assert (first["could"]["event_type"], first["could"]["modality"]) == ("REJECT", "refused")
    assert "failed" not in first or first["failed"]["modality"] != "refused"
