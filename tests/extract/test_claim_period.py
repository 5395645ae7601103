"""When a figure holds: its own clause first, then the sentence's opening date, a restatement, the line above
a list, and never a wire's dateline; on documents written for the tests."""


def test_a_date_opening_the_sentence_holds_for_each_figure(claims_of):
    found = claims_of("Last year Chile sold 1.2 billion dlrs of copper to Norway, including 300 mln dlrs of "
                      "cathodes and 200 mln dlrs of wire.", "1987-03-04")
    assert {found[t].period_start for t in ("1.2 billion dlrs", "300 mln dlrs", "200 mln dlrs")} == {"1986"}


def test_a_wires_dateline_is_no_period(claims_of):
    text = ("OSLO, March 4 - Norway's record 7.1 billion dlrs trade surplus with Chile is bound to shrink, "
            "officials said.\n\nIn 1986 Norway ran a record 7.1 billion dlr surplus with Chile.")
    found = claims_of(text, "1987-03-04")
    first = found["7.1 billion dlrs"]
    assert first.period_start == "1986"   # restated below with its year, never the dateline's day


def test_a_sentence_naming_again_what_the_one_before_told_keeps_its_date(claims_of):
    found = claims_of("Canada and Peru have traded since 1990. In 2013, Peru left a preferential trade pact with "
                      "Canada. The pact offered Peru 23 million USD for training.")
    c = found["23 million USD"]
    assert (c.period_start, c.metric, c.subject, c.object) == ("2013", "aid", "CAN", "PER")


def test_a_period_in_the_first_half_of_a_year(claims_of):
    found = claims_of("Chile's exports to Norway reached $1.4 billion in the January-June period of 2004.")
    c = found["$1.4 billion"]
    assert c.period_start.startswith("2004") and c.period_end.startswith("2004")


def test_since_a_year_is_a_running_total_as_of_the_document(claims_of):
    found = claims_of("Since 1992 Norway has given Chile more than $900 million in aid.", "2021-05-01")
    c = found["more than $900 million"]
    assert (c.period_kind, c.period_start, c.as_of) == ("cumulative", "1992", "2021-05-01")


def test_a_time_inside_the_figures_own_participle_beats_a_nearer_one(claims_of):
    found = claims_of("Kenyan officials said the credit, at 5.5 pct a year, matches a 40 mln dlr road loan approved "
                      "by the World Bank in March.", "1987-04-27")
    assert found["40 mln dlr"].period_start == "1987-03", found["40 mln dlr"].period_start
    # another sum between is another sum's time
    found = claims_of("Kenya said its financing includes a 50 mln dlr loan provided by Norway, 20 mln dlrs provided "
                      "by two banks and 60 mln dlrs of notes due Sept 17, 1990.", "1987-04-27")
    assert found["20 mln dlrs"].period_start != "1990", found["20 mln dlrs"].period_start
