"""Goods moved between two states, told by a verb of buying or a noun of shipping or purchasing."""
from __future__ import annotations

from bilateral.extract import analyze
from bilateral.model import Document, text_id
from bilateral.nlp.pipeline import load_nlp


def coded(text: str, published: str | None = "1987-03-12") -> list:
    doc = Document(doc_id=text_id(text), source_path="test.txt", text=text, published=published)
    return [(e.source.code, e.target.code, e.event_type, e.cameo, e.modality, e.date)
            for e in analyze(doc, load_nlp()(text)).events]


def test_a_state_buying_another_states_goods_cooperates_with_it():
    assert [r[:4] for r in coded("Peru bought 25,000 tonnes of Chilean copper last week.")] == [
        ("PER", "CHL", "COOPERATE", "061")]
    assert [r[:4] for r in coded("An additional 300,000 tonnes of Bolivian tin had been bought by Brazil.")] == [
        ("BRA", "BOL", "COOPERATE", "061")]


def test_buying_on_world_markets_names_no_seller_and_firms_are_no_states():
    text = "Chile and Peru signed a trade accord in 1985. Peru bought 162,500 tonnes of raw sugar on world markets."
    assert [r for r in coded(text) if r[3] == "061"] == []
    assert [r for r in coded("Peruvian importers bought some 95,000 tonnes of Chilean fishmeal.") if r[3] == "061"] \
        == [("PER", "CHL", "COOPERATE", "061", "asserted", None)]


def test_a_shipment_names_where_goods_come_from_and_where_they_go():
    text = ("Chile will lend Peru 40,000 barrels per day of crude oil, the minister said. He said a first "
            "200,000 barrels shipment of Chilean crude oil will leave for Peru this weekend.")
    shipped = [r for r in coded(text) if r[3] == "061"]
    assert [r[:4] for r in shipped] == [("CHL", "PER", "COOPERATE", "061")]
    assert shipped[0][4] in ("planned", "intended")   # "will leave": the noun takes its verb's mood
    # a state's own shipments, and a shipment month, move nothing between two states
    assert [r for r in coded("Chile and Peru met in May. The suspension of Peru's crude oil shipments will "
                             "last four months.") if r[3] == "061"] == []
    assert [r for r in coded("Chile bought 5,000 tonnes of Peruvian fishmeal for April shipment.")
            if r[3] == "061"] == [("CHL", "PER", "COOPERATE", "061", "asserted", None)]


def test_purchases_run_from_the_buyer_to_the_seller():
    made = coded("LIMA, April 27 - The sum comes on top of about two billion dlrs of purchases made last month "
                 "by a Peruvian trade mission to Chile.", published="1987-04-27")
    assert [r[:5] for r in made] == [("PER", "CHL", "COOPERATE", "061", "asserted")]
    assert made[0][5] == "1987-03"
    sought = coded("SANTIAGO, March 4 - Peru's trade surplus with Chile will fall, Trade Minister Luis Rojas "
                   "said. Rojas said the current trade mission is looking for 2.0 billion dlrs in purchases from "
                   "Chilean companies.", published="1987-03-04")
    assert [r[:5] for r in sought if r[3] == "061"] == [("PER", "CHL", "COOPERATE", "061", "intended")]
    # an economic force is no buyer, and money bought is no good from a state
    assert [r for r in coded("Low Peruvian prices have discouraged the purchase of Chilean copper.")
            if r[3] == "061"] == []
    assert [r for r in coded("Peru's central bank said its purchases of Chilean pesos rose.")
            if r[3] == "061"] == []
