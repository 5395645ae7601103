"""Claims from short documents about several country pairs, through the real parse, actors and times."""
from pathlib import Path

import pytest

from bilateral.extract.claims import extract_claims
from bilateral.extract.money import to_usd
from bilateral.extract.metrics import FINE_TO_METRIC
from bilateral.model import METRICS, Document, stable_id, text_id
from bilateral.nlp.actors import find_actors
from bilateral.nlp.pipeline import load_nlp
from bilateral.nlp.timex import find_timexes

DOCS = Path(__file__).parent.parent / "docs" / "claims"
PUBLISHED = "2021-05-01"


@pytest.fixture(scope="module")
def claims():
    """{document name: {figure text: claim}} for every test document."""
    nlp = load_nlp()
    out = {}
    for path in sorted(DOCS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        document = Document(doc_id=text_id(text), source_path=str(path), text=text, published=PUBLISHED)
        doc = nlp(text)
        found = extract_claims(document, doc, find_actors(doc), find_timexes(text, PUBLISHED))
        out[path.stem] = {c.text: c for c in found}
    return out


def test_every_claim_is_well_formed(claims):
    for name, found in claims.items():
        text = (DOCS / f"{name}.txt").read_text(encoding="utf-8")
        for c in found.values():
            assert c.metric in METRICS
            assert text[c.char_start:c.char_end] == c.text
            assert c.text in c.sentence and c.sentence in text
            assert c.claim_id == stable_id("c", c.doc_id, c.char_start, c.char_end, c.metric)


def test_fine_metrics_map_onto_export_metrics():
    assert set(FINE_TO_METRIC.values()) <= set(METRICS)


def test_cumulative_oda_since_a_year(claims):
    c = claims["germany_namibia"]["more than €1.1 billion"]
    assert (c.metric, c.subject, c.object, c.qualifier) == ("oda", "DEU", "NAM", "more_than")
    assert (c.period_kind, c.period_start, c.period_end, c.as_of) == ("cumulative", "1990", "2021", PUBLISHED)
    assert c.low == 1.1e9 and c.high is None


def test_flow_in_a_year_with_usd_conversion(claims):
    c = claims["germany_namibia"]["€85 million"]
    assert (c.metric, c.subject, c.object) == ("fdi", "DEU", "NAM")
    assert (c.period_kind, c.period_start, c.period_end, c.as_of) == ("flow", "2019", "2019", "2019")
    assert c.value_usd == pytest.approx(85e6 / 0.893, rel=0.01)


def test_rank_with_reference_group(claims):
    c = claims["germany_namibia"]["second-largest investor"]
    assert (c.metric, c.rank, c.value, c.rank_group) == ("investor_rank", 2, None, "CHN")
    assert (c.subject, c.object) == ("DEU", "NAM")


def test_rank_possessive_names_the_receiver(claims):
    c = claims["australia_indonesia"]["third-largest investor"]
    assert (c.metric, c.rank, c.subject, c.object) == ("investor_rank", 3, "AUS", "IDN")
    assert claims["korea_vietnam"]["biggest investor"].object == "VNM"
    top = claims["france_senegal"]["top donor"]
    assert (top.metric, top.rank, top.subject, top.object) == ("donor_rank", 1, "FRA", "SEN")


def test_one_of_the_largest_is_no_rank(claims):
    assert not [c for c in claims["france_senegal"].values() if c.metric == "investor_rank"]


def test_annual_tourists_with_scope(claims):
    c = claims["australia_indonesia"]["Around 1.2 million"]
    assert (c.metric, c.unit, c.subject, c.object, c.scope) == ("tourists", "people", "AUS", "IDN", "Bali")
    assert (c.period_kind, c.qualifier) == ("annual", "approximate")


def test_residents_as_of_a_month_are_a_point(claims):
    c = claims["germany_namibia"]["1,500"]
    assert (c.metric, c.subject, c.object) == ("residents", "DEU", "NAM")
    assert (c.period_kind, c.period_start, c.period_end, c.as_of) == ("point", "2020-06", "2020-06", "2020-06")


def test_exports_direction(claims):
    c = claims["germany_namibia"]["€240 million"]
    assert (c.metric, c.subject, c.object, c.period_start) == ("exports", "NAM", "DEU", "2018")


def test_imports_direction(claims):
    c = claims["india_bangladesh"]["$8 billion"]
    assert (c.metric, c.subject, c.object) == ("imports", "BGD", "IND")


def test_bilateral_trade_between_keeps_the_written_order(claims):
    c = claims["india_bangladesh"]["about $10 billion"]
    assert (c.metric, c.subject, c.object, c.period_kind, c.period_start) == ("trade", "IND", "BGD", "flow", "2019")


def test_directed_list_items_under_a_trade_line_are_exports(claims):
    found = claims["france_senegal"]
    out, back = found["€1.1 billion"], found["€180 million"]
    assert (out.metric, out.subject, out.object, out.period_start) == ("exports", "FRA", "SEN", "2019")
    assert (back.metric, back.subject, back.object, back.period_start) == ("exports", "SEN", "FRA", "2019")


def test_list_of_three_shares_subject_and_period(claims):
    found = claims["korea_vietnam"]
    fines = [found[t].fine_metric for t in ("approximately $1.2 billion", "$300 million", "$150 million")]
    assert fines == ["oda_loans", "oda_grants", "oda_technical"]
    for t in ("approximately $1.2 billion", "$300 million", "$150 million"):
        c = found[t]
        assert (c.metric, c.subject, c.object, c.as_of, c.period_kind) == ("oda", "KOR", "VNM", "2020", "cumulative")
    assert found["approximately $1.2 billion"].qualifier == "approximate"


def test_range_and_duration_periods(claims):
    credit = claims["india_bangladesh"]["Rs 5,000 crore"]
    assert (credit.metric, credit.period_kind, credit.period_start, credit.period_end) == (
        "oda", "cumulative", "2010", "2020")
    assert credit.value_usd == pytest.approx(5e10 / 74.1, rel=0.01)
    loans = claims["india_bangladesh"]["more than $7 billion"]
    assert (loans.period_kind, loans.period_start, loans.period_end) == ("cumulative", "2011", "2021")


def test_single_package_is_aid(claims):
    c = claims["korea_vietnam"]["30 billion won"]
    assert (c.metric, c.unit, c.subject, c.object, c.period_start) == ("aid", "KRW", "KOR", "VNM", "2018")
    assert c.value_usd == pytest.approx(30e9 / 1100, rel=0.01)


def test_people_metrics_and_perfect_tense(claims):
    found = claims["korea_vietnam"]
    workers = found["More than 50,000"]
    assert (workers.metric, workers.subject, workers.object, workers.period_kind) == (
        "workers", "VNM", "KOR", "cumulative")
    tourists = found["4.3 million"]
    assert (tourists.metric, tourists.subject, tourists.object, tourists.period_kind) == (
        "tourists", "KOR", "VNM", "flow")
    companies = found["Nearly 9,000"]
    assert (companies.metric, companies.qualifier, companies.high, companies.period_kind) == (
        "companies", "approximate", 9000, "point")


def test_share_of_a_group_is_other(claims):
    c = claims["india_bangladesh"]["one-third"]
    assert (c.metric, c.unit, c.value) == ("other", "percent", pytest.approx(33.33))


def test_years_ordinals_and_phone_numbers_make_no_claims(claims):
    texts = set(claims["germany_namibia"]) | set(claims["australia_indonesia"]) | set(claims["india_bangladesh"])
    for bad in ("30th", "2020", "1974", "4", "+264", "61", "2550", "5555", "II"):
        assert not any(t == bad or t.endswith(" " + bad) for t in texts), bad


def test_to_usd():
    assert to_usd(100.0, "USD", "2016") == 100.0
    assert to_usd(1100.0, "JPY", "2016") == pytest.approx(1100 / 108.8)
    assert to_usd(5.0, "people", "2016") is None
    assert to_usd(5.0, "EUR", None) is None


def test_a_continuing_sentence_carries_the_date_and_a_new_one_does_not(claims):
    pledge = claims["australia_indonesia"]["A$ 1 billion"]
    assert (pledge.metric, pledge.subject, pledge.object, pledge.period_start) == ("aid", "AUS", "IDN", "2004-12")
    students = claims["australia_indonesia"]["Some 300"]
    # not the date before: undated, so of the month the document came out
    assert (students.metric, students.subject, students.period_start) == ("students", "AUS", PUBLISHED[:7])
    assert (pledge.period_basis, students.period_basis) == ("text", "document")


def test_a_part_of_a_figure_takes_its_unit_and_scope():
    text = ("Around 1.3 million Australians visited Indonesia in 2018, more than 1 million of them to Bali alone.")
    claims = _claims_of_text(text, "2019-03-04")
    by_value = {c.value: c for c in claims}
    assert by_value[1.3e6].metric == "tourists" and by_value[1.3e6].scope is None
    part = by_value[1e6]
    assert (part.metric, part.unit, part.qualifier) == ("tourists", "people", "more_than")
    assert (part.subject, part.object) == ("AUS", "IDN")


def _claims_of_text(text: str, published: str) -> list:
    document = Document(doc_id=text_id(text), source_path="t.txt", text=text, published=published)
    doc = load_nlp()(text)
    return extract_claims(document, doc, find_actors(doc), find_timexes(text, published))


def test_people_are_counted_by_their_nationality_and_since_reaches_past_a_noun():
    [students] = _claims_of_text("Canberra plans to fund 300 scholarships for Indonesian students next year.",
                                 "2006-11-14")
    assert (students.metric, students.subject, students.object) == ("students", "IDN", "AUS")
    [aid] = _claims_of_text("Germany has committed over EUR 1 billion in development cooperation to Namibia "
                            "since independence in 1990.", "2019-06-12")
    assert (aid.metric, aid.period_kind, aid.period_start) == ("oda", "cumulative", "1990")


def test_the_figure_refers_back_and_a_year_earlier_is_a_date():
    text = ("Trade between Peru and Chile reached $5.2 billion in 2022, up from $4.8 billion a year earlier, "
            "the Peruvian statistics office said. Chilean customs gave a lower figure of $4.1 billion for 2022. "
            "Chile exports about $300 million a year of wine to Peru.")
    nlp = load_nlp()
    document = Document(doc_id=text_id(text), source_path="t.txt", text=text, published="2023-03-01")
    doc = nlp(text)
    found = {c.text: c for c in extract_claims(document, doc, find_actors(doc), find_timexes(text, "2023-03-01"))}
    assert (found["$4.8 billion"].metric, found["$4.8 billion"].period_start) == ("trade", "2021")
    lower = found["$4.1 billion"]
    assert (lower.metric, lower.period_start) == ("trade", "2022")
    assert {lower.subject, lower.object} == {found["$5.2 billion"].subject, found["$5.2 billion"].object}
    assert found["about $300 million"].period_kind == "annual"   # a rate stays a rate
