"""What a figure measures: the metric vocabulary of real reporting, on sentences written for the tests."""
import pytest


def test_exports_imports_and_total_in_one_sentence_are_three_metrics(claims_of):
    found = claims_of("In 2019 Peruvian exports to Chile were worth $4.1 billion, Chilean exports to Peru $2.6 "
                      "billion and two-way trade $6.7 billion.")
    assert [found[t].metric for t in ("$4.1 billion", "$2.6 billion", "$6.7 billion")] == ["exports", "exports", "trade"]
    assert (found["$4.1 billion"].subject, found["$4.1 billion"].object) == ("PER", "CHL")
    assert (found["$2.6 billion"].subject, found["$2.6 billion"].object) == ("CHL", "PER")


@pytest.mark.parametrize("sentence, figure, metric, fine", [
    ("Norway will lend Chile 50,000 barrels per day of crude oil.", "50,000 barrels per day", "aid", None),
    ("Chile bought 310 mln dlrs worth of Norwegian salmon in 1986.", "310 mln dlrs", "imports", None),
    ("Norway holds a 15% stake in a Chilean power utility.", "15%", "fdi", None),
    ("Chile raised its tariff on Norwegian fish to 12 pct in 1986.", "12 pct", "other", "tariff"),
    ("The Norwegian loan to Chile carries interest of 5.5 pct a year.", "5.5 pct", "other", "interest_rate"),
    ("Norway's oil production reached 1.2 mln bpd in 1986, Chile said.", "1.2 mln bpd", "other", "production"),
    ("Clashes on the border with Chile killed 40 people in 1986.", "40", "other", "casualties"),
    ("Some 3,000 Chilean refugees fled to Norway in 1986.", "Some 3,000", "other", "displaced"),
    ("Norway has 2,500 troops in Chile.", "2,500", "troops", None),
    ("Chile sold copper to Norway at 1,450 dlrs per tonne in 1986.", "1,450 dlrs per tonne", "other", "price"),
])
def test_a_vocabulary_of_real_reporting(claims_of, sentence, figure, metric, fine):
    found = claims_of("Norway and Chile signed an agreement. " + sentence, "1987-04-01")
    c = found[figure]
    assert (c.metric, c.fine_metric) == (metric, fine)


def test_counts_of_things_are_other_figures(claims_of):
    found = claims_of("Norway and Chile have signed more than 15 bilateral agreements.")
    c = found["more than 15"]
    assert (c.metric, c.unit, c.qualifier) == ("other", "agreements", "more_than")


def test_a_breakdown_list_under_an_oda_total_keeps_its_split(claims_of):
    found = claims_of("Norway's Official Development Assistance to Chile amounts to 25.3 billion yen in total "
                      "(as of May 2014)\n\n- Grant Assistance: 4.9 billion yen\n- Yen Loans: 18.1 billion yen\n"
                      "- Technical Cooperation: 2.3 billion yen\n")
    assert found["25.3 billion yen"].metric == "oda"
    assert [found[t].metric for t in ("4.9 billion yen", "18.1 billion yen", "2.3 billion yen")] == [
        "oda_grants", "oda_loans", "oda_technical"]
    assert {found[t].period_end for t in ("4.9 billion yen", "18.1 billion yen", "2.3 billion yen")} == {"2014-05"}


def test_the_price_of_a_deal_and_its_conversion_measure_what_the_deal_does(claims_of):
    found = claims_of("Chile and Norway signed a deal. A Norwegian firm agreed to buy 15% of a Chilean copper mine "
                      "for $2bn (£1bn).")
    assert [found[t].metric for t in ("15%", "$2bn", "£1bn")] == ["fdi", "fdi", "fdi"]


def test_approving_a_project_is_no_payment_for_it(claims_of):
    found = claims_of("Chile and Norway have given the go ahead for the construction of a $1.2bn pipeline.")
    assert (found["$1.2bn"].metric, found["$1.2bn"].fine_metric) == ("other", "approval")


def test_a_cue_heading_the_figure_wins_over_the_subjects(claims_of):
    found = claims_of("Peru's trade surplus with Chile hit 13.6 billion dlrs last year. The surplus has boosted "
                      "foreign exchange reserves to 50 billion dlrs.", "1987-03-03")
    assert found["13.6 billion dlrs"].fine_metric == "trade_surplus"
    assert (found["50 billion dlrs"].metric, found["50 billion dlrs"].fine_metric) == ("other", "reserves")


def test_loans_from_commercial_banks_are_debt_not_aid(claims_of):
    found = claims_of("Chile owes Norwegian banks around 8.5 billion dlrs in long and medium term loans.")
    assert found["around 8.5 billion dlrs"].metric == "other"
    found = claims_of("Norway's development bank extended loans of 300 mln dlrs to Chile in 1986.")
    assert found["300 mln dlrs"].metric == "oda"
