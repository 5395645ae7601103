"""Whose figure: subject and object from the phrase that owns the number, on sentences written for the tests."""


def test_a_share_of_a_countrys_whole_is_held_by_the_subject(claims_of):
    found = claims_of("Poland and Germany are close. Germany accounted for 18% of Poland's trade in 2004.")
    c = found["18%"]
    assert (c.subject, c.object, c.unit) == ("DEU", "POL", "percent")


def test_a_partys_overall_figure_is_its_own(claims_of):
    found = claims_of("Brazil and Argentina trade a lot. Brazil's overall exports rose to $200 billion in 2010, "
                      "and its exports to Argentina reached $18 billion.")
    assert (found["$200 billion"].subject, found["$200 billion"].object) == ("BRA", None)
    assert (found["$18 billion"].subject, found["$18 billion"].object) == ("BRA", "ARG")


def test_a_third_countrys_figure_stays_that_countrys(claims_of):
    found = claims_of("Vietnam and South Korea signed a trade pact. Korea's exports to Vietnam were $48 billion in "
                      "2018. China's exports reached $2.5 trillion that year.")
    assert (found["$2.5 trillion"].subject, found["$2.5 trillion"].object) == ("CHN", None)


def test_receiving_turns_the_roles_round(claims_of):
    found = claims_of("The Philippines has received a 300 mln dlr loan from Japan, the finance minister said. "
                      "Japan and the Philippines met in Tokyo.")
    c = found["300 mln dlr"]
    assert (c.subject, c.object, c.value, c.unit) == ("JPN", "PHL", 300e6, "USD")


def test_a_request_marks_the_receiver(claims_of):
    found = claims_of("Japan and the Philippines met in Manila. Talks on a Philippine request for 500 mln dlrs in "
                      "soft loans were put off.")
    c = found["500 mln dlrs"]
    assert (c.subject, c.object) == ("JPN", "PHL")


def test_a_surplus_belongs_to_its_holder_and_a_deficit_to_the_partner(claims_of):
    found = claims_of("Last year Thailand ran a 2.1 billion dlr trade surplus with Germany and a 3.4 billion dlr "
                      "deficit with Japan.", "1987-03-04")
    surplus, deficit = found["2.1 billion dlr"], found["3.4 billion dlr"]
    assert (surplus.metric, surplus.fine_metric, surplus.subject, surplus.object) == ("trade", "trade_surplus", "THA", "DEU")
    assert (deficit.fine_metric, deficit.subject, deficit.object) == ("trade_deficit", "JPN", "THA")
    assert surplus.period_start == deficit.period_start == "1986"


def test_an_overall_balance_names_no_partner(claims_of):
    found = claims_of("Last year Thailand ran a 4.3 billion dlr trade surplus, including a 1.1 billion dlr surplus "
                      "with Germany.", "1987-03-04")
    assert (found["4.3 billion dlr"].subject, found["4.3 billion dlr"].object) == ("THA", None)
    assert found["1.1 billion dlr"].object == "DEU"


def test_citizens_of_a_country_named_before_the_noun(claims_of):
    found = claims_of("Peru and Canada are partners. Some 12,000 Canadian citizens live in Peru, and 30,000 U.S. "
                      "citizens visit Peru annually.")
    assert (found["Some 12,000"].subject, found["Some 12,000"].object) == ("CAN", "PER")
    assert (found["30,000"].subject, found["30,000"].object, found["30,000"].metric) == ("USA", "PER", "tourists")


def test_imports_from_a_to_b_are_bs(claims_of):
    found = claims_of("Trade between Norway and Chile:\n\n- Exports to Chile from Norway: ¥ 40 million\n"
                      "- Imports from Chile to Norway: ¥ 60 million\n")
    assert (found["¥ 40 million"].metric, found["¥ 40 million"].subject, found["¥ 40 million"].object) == (
        "exports", "NOR", "CHL")
    assert (found["¥ 60 million"].metric, found["¥ 60 million"].subject, found["¥ 60 million"].object) == (
        "imports", "NOR", "CHL")


def test_who_reports_a_figure_is_not_whose_it_is(claims_of):
    found = claims_of("Chile has received a 300 mln dlr loan from Norway. Chilean minister Ana Soto said the loan, "
                      "carrying interest of 5.5 pct a year, will fund roads.", "1987-04-27")
    assert (found["5.5 pct"].subject, found["5.5 pct"].object) == ("NOR", "CHL")


def test_parties_taken_from_the_pair_are_marked_and_a_continuing_sentence_keeps_them(claims_of):
    found = claims_of("Peru wants to cut its trade surplus with Chile. The surplus rose to 7.4 billion dollars last "
                      "year. Officials expect exports of 3 billion dollars this year.", "1987-04-27")
    assert (found["7.4 billion dollars"].subject, found["7.4 billion dollars"].direction_basis) == ("PER", "text")
    assert found["3 billion dollars"].direction_basis == "document"


def test_a_side_left_open_falls_to_the_pair_only_in_a_document_about_that_pair(claims_of):
    about_a_body = ("The World Bank has suspended loans to Peru. The World Bank said Peru must clear its arrears. "
                    "Peru said the World Bank was unfair, and the World Bank said talks would go on. "
                    "U.S. banks hold part of Peru's debt. "
                    "Peru's reserves were projected to fall 150 mln dlrs this year.")
    c = claims_of(about_a_body, "1987-06-02")["150 mln dlrs"]
    assert (c.subject, c.object) == ("PER", None)
    about_the_pair = ("Peru and the United States signed a pact. Peru thanked the United States. "
                      "The United States said Peru was a partner. Peru will receive 150 mln dlrs this year.")
    c = claims_of(about_the_pair, "1987-06-02")["150 mln dlrs"]
    assert {c.subject, c.object} == {"PER", "USA"}


def test_a_participle_on_the_figures_noun_names_who_gives_it(claims_of):
    found = claims_of("Kenya and Norway signed a road accord. Kenyan officials said the Norwegian credit matches a "
                      "40 mln dlr road loan approved by the World Bank in March.")
    c = found["40 mln dlr"]
    assert c.subject == "WB" and c.object != "NOR", (c.subject, c.object)


def test_goods_of_a_state_bought_come_from_it(claims_of):
    found = claims_of("Egypt and Spain trade grain. Egypt bought 500,000 tonnes of Spanish barley last year.")
    c = found["500,000 tonnes"]
    assert (c.metric, c.subject, c.object) == ("imports", "EGY", "ESP"), (c.metric, c.subject, c.object)
