"""Figures found in plain text: values, units, qualifiers, intervals, ranks, and what is no figure."""
import pytest

from bilateral.nlp.quantities import find_quantities, interval


def one(text):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, unit", [
    ("Germany pledged $1.5 billion to Namibia.", 1.5e9, "USD"),
    ("Chile took a 500-mln-dlr loan from Peru.", 500e6, "USD"),
    ("Moscow spurned the 15-dlr-per-tonne subsidy.", 15.0, "USD_per_tonne"),
    ("It made a four-mln-tonne wheat offer.", 4e6, "tonnes"),
    ("Lima holds a 5-pct-owned stake.", 5.0, "percent"),
    ("Peru bought one tonne of rice.", 1.0, "tonnes"),
    ("Japan lent 14.0 billion yen to Laos.", 14.0e9, "JPY"),
    ("India gave US$ 2.3 billion in credit.", 2.3e9, "USD"),
    ("The grant was US$59 million.", 59e6, "USD"),
    ("Paris offered €15m for schools.", 15e6, "EUR"),
    ("London sent £40 million to Accra.", 40e6, "GBP"),
    ("Seoul approved KRW 3 trillion in loans.", 3e12, "KRW"),
    ("It cost 4 billion won.", 4e9, "KRW"),
    ("New Delhi approved Rs 500 crore.", 5e9, "INR"),
    ("Brasilia spent R$ 2 billion.", 2e9, "BRL"),
    ("Canberra gave A$ 40 million.", 40e6, "AUD"),
    ("Beijing lent 2.5 billion yuan.", 2.5e9, "CNY"),
    ("Pretoria paid 300 million rand.", 300e6, "ZAR"),
    ("Exports rose 20 percent.", 20, "percent"),
    ("Exports rose 3.5% last year.", 3.5, "percent"),
    ("There are 1,100 Cambodian students in Japan.", 1100, "people"),
    ("About 19 Korean companies opened.", 19, "companies"),
    ("The country lost half a million citizens.", 5e5, "people"),
    ("It had a million visitors.", 1e6, "people"),
    ("Two-thirds of the land was flooded.", 66.67, "percent"),
    ("They run two exchange programmes.", 2, "projects"),
    ("8,000 troops were deployed.", 8000, "people"),
])
def test_value_and_unit(text, value, unit):
    q = one(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text, qualifier, low, high", [
    ("more than 5,700 trainees", "more_than", 5700, None),
    ("over $2 billion", "more_than", 2e9, None),
    ("at least 300 workers", "at_least", 300, None),
    ("fewer than 40 soldiers", "less_than", None, 40),
    ("up to €90 million", "at_most", None, 90e6),
    ("about 3,518 residents", "approximate", 3518 * 0.9, 3518 * 1.1),
    ("an estimated 200,000 tourists", "approximate", 150000, 250000),
    ("almost 500 students", "approximate", 375, 500),
    ("exactly 3,518 residents", "exact", 3518, 3518),
])
def test_qualifier_and_interval(text, qualifier, low, high):
    q = one(text)
    assert q.qualifier == qualifier
    assert q.low == (pytest.approx(low) if low is not None else None)
    assert q.high == (pytest.approx(high) if high is not None else None)


def test_qualifier_words_are_part_of_the_figure_text():
    assert one("It gave some US$1.2 billion in aid.").text == "some US$1.2 billion"


def test_round_figures_get_the_wider_tolerance():
    assert interval(200, "approximate")[1:] == pytest.approx((150, 250))
    assert interval(213, "approximate")[1:] == pytest.approx((191.7, 234.3))


@pytest.mark.parametrize("text, rank", [
    ("Japan was the third-largest investor in Brazil.", 3),
    ("France is the second largest aid donor after Germany.", 2),
    ("Korea is the biggest donor to Laos.", 1),
    ("Norway remains the top donor country.", 1),
    ("China is its largest trading partner.", 1),
])
def test_ranks(text, rank):
    q = one(text)
    assert q.rank == rank and q.value is None and q.unit is None


@pytest.mark.parametrize("text", [
    "Relations began in 1992 and deepened in 2016.",
    "The treaty was signed on 9 March 1945.",
    "They marked the 65th anniversary of ties.",
    "Ghana joined as the 9th member of the council.",
    "The border followed the 15th parallel.",
    "He posted a 60 seconds video.",
    "Call +49 30 1234 5678 for details.",
    "See Section 4 and Article 12 of Law No. 7.",
    "It was the first time since World War II.",
    "Canada is one of the largest investors.",
    "Korea is one of Vietnam's biggest donors.",
    "The two-two dialogue resumed.",
    "Over the last 25 years ties grew.",
    "He was aged 54 when he visited.",
    "One of them said so.",
])
def test_not_figures(text):
    assert find_quantities(text) == []


def test_nationality_nouns_count_people_but_modify_other_nouns():
    got = {q.text: q.unit for q in find_quantities(
        "Some 180,000 Koreans live in Vietnam and about 230,000 Vietnamese live in Korea, "
        "while 200 Vietnamese companies trade there.")}
    assert got == {"Some 180,000": "people", "about 230,000": "people", "200": "companies"}


def test_an_article_before_a_currency_code_does_not_swallow_the_figure():
    [q] = find_quantities("It comes on top of a EUR 40 million loan for the railway.")
    assert (q.text, q.value, q.unit) == ("EUR 40 million", 40e6, "EUR")


def test_years_in_ranges_are_not_troop_counts():
    assert find_quantities("Between 1904 and 1908 German troops killed thousands.") == []
    [q] = find_quantities("The garrison grew to 1500 troops.")
    assert (q.value, q.unit) == (1500, "people")


def test_a_year_before_a_name_is_no_count():
    assert find_quantities("It played a role in the 1991 Paris Peace Agreements.") == []
    assert [q.unit for q in find_quantities("About 4,000 Israelis and 300 Pakistanis live in Dubai.")] == [
        "people", "people"]


# --- the figure search runs only near numbers; it must find what FIGURE_RE finds over the whole text ---

import random  # noqa: E402

from bilateral.nlp import quantities as qmod  # noqa: E402


def _spans(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


FIGURE_WORDS = [
    "US$", "U.S.$", "$", "€", "£", "A$", "Rs.", "RM", "USD", "EUR", "1", "12", "1,500", "3.5", "2,000,000.25",
    "one", "Twenty", "twenty-five", "SEVENTY-seven", "half", "a", "an", "million", "bn", "m", "b", "k",
    "thousand", "%", "percent", "per cent", "dollars", "new zealand dollars", "yen", "none", "money", "\n",
    "  ", "\u00a0", "ſeven", "İ", "ı", "K", ",", ".", "-", "1999", "students", "of", "crore", "an\tm",
    "a\nbillion", "100000000000000", "1.2.3", "CHF", "won", "hundred", "dozen", "mln", "bln", "dlrs", "stg",
    "pct", "australian dlrs", "crowns", "u.s. dlrs", "DEM",
]


@pytest.mark.parametrize("seed", [3, 4])
def test_figure_search_finds_what_the_pattern_finds_everywhere(seed):
    rng = random.Random(seed)
    for _ in range(2000):
        glue = rng.choice(["", " ", " "])
        text = glue.join(rng.choice(FIGURE_WORDS) + (rng.choice(FIGURE_WORDS) if rng.random() < 0.15 else "")
                         for _ in range(rng.randint(1, 40)))
        assert _spans(qmod._figure_matches(qmod._G, text, None if qmod._CASE_TRICKY.search(text) else text.lower())) == _spans(qmod._G.figure.finditer(text)), text


def test_a_bare_run_of_digits_goes_on_after_a_match():
    text = "Totals: 1,5002020 and US$ 4 million, a billion, half a million and twenty-one."
    found = [m.group(0) for m in qmod._figure_matches(qmod._G, text, None if qmod._CASE_TRICKY.search(text) else text.lower())]
    assert found == [m.group(0) for m in qmod._G.figure.finditer(text)]
    assert "2020" in found and "US$ 4 million" in found and "a billion" in found


# --- numbers as real reporting writes them ---------------------------------------------------------------


@pytest.mark.parametrize("text, value, unit", [
    ("The bank lent 350 mln dlrs to the utility.", 350e6, "USD"),
    ("Exports rose to 1.5 billion stg.", 1.5e9, "GBP"),
    ("Profits rose 25 pct in 1986.", 25, "percent"),
    ("The fund paid 1.4 billion dlrs.", 1.4e9, "USD"),
    ("Reserves stood at 2.3 bln dlrs.", 2.3e9, "USD"),
    ("The budget is 3.5 trillion yen.", 3.5e12, "JPY"),
    ("Sales reached 120 mln Swedish crowns.", 120e6, "SEK"),
    ("It paid 40 billion won for the plant.", 40e9, "KRW"),
    ("The deal is worth 12 billion rupees.", 12e9, "INR"),
    ("The loan was 2.5 billion yuan.", 2.5e9, "CNY"),
    ("A 300 mln Canadian dlrs bond was sold.", 300e6, "CAD"),
    ("Bonn paid 2.1 billion marks.", 2.1e9, "DEM"),
    ("The plant costs 500 mln guilders.", 500e6, "NLG"),
    ("Output was 50,000 bpd in March.", 50000, "barrels_per_day"),
    ("Venezuela will lend 50,000 barrels per day of crude.", 50000, "barrels_per_day"),
    ("A first 300,000 barrels shipment left.", 300000, "barrels"),
    ("Qatar produces 650 million cubic meters of gas per day.", 650e6, "cubic_meters_per_day"),
    ("The ship carried 1.2 mln tonnes of wheat.", 1.2e6, "tonnes"),
    ("Growth was minus 2.5 pct last year.", -2.5, "percent"),
    ("Beans sold at 1,880 dlrs per tonne.", 1880, "USD_per_tonne"),
    ("Crude averaged 18 dlrs a barrel.", 18, "USD_per_barrel"),
])
def test_wire_style_and_measures(text, value, unit):
    q = one(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text, value, low, high, unit, qualifier", [
    ("They asked for $2–3 billion in credit.", 2e9, 2e9, 3e9, "USD", "at_least"),
    ("Rates rose between 5 and 7 pct.", 5, 5, 7, "percent", "at_least"),
    ("Tokyo may raise aid to between 75 and 80 billion yen.", 75e9, 75e9, 80e9, "JPY", "at_least"),
    ("Growth of 5 to 7 pct is expected.", 5, 5, 7, "percent", "at_least"),
    ("An estimated 150,000-200,000 Peruvians live there.", 150000, 150000, 200000, "people", "approximate"),
])
def test_ranges_are_one_figure_with_both_ends(text, value, low, high, unit, qualifier):
    q = one(text)
    assert (q.value, q.low, q.high, q.unit, q.qualifier) == (pytest.approx(value), pytest.approx(low),
                                                            pytest.approx(high), unit, qualifier)


def test_a_change_from_one_figure_to_another_is_no_range():
    found = find_quantities("They cut the stake from 70% to 49%.")
    assert [(q.text, q.value) for q in found] == [("70%", 70), ("49%", 49)]


def test_years_joined_by_a_dash_are_no_range():
    assert find_quantities("The war of 1904-1908 and between 1914 and 1918 soldiers died.") == []


def test_a_number_word_that_refers_back_is_no_figure():
    assert find_quantities("The two companies will build a refinery.") == []


def test_a_currency_name_several_countries_use_is_read_by_the_document():
    from collections import Counter

    from bilateral.nlp.figure_grammar import grammar
    [q] = find_quantities("Sales were 120 mln crowns.")
    g = grammar()
    assert g.resolve_currency(q.text, q.unit, Counter({"DNK": 3, "SWE": 1})) == "DKK"
    assert g.resolve_currency(q.text, q.unit, Counter({"NOR": 1})) == "NOK"
    assert g.resolve_currency(q.text, q.unit, Counter()) == q.unit == "SEK"


def test_a_user_lexicon_reaches_the_figure_scanner(tmp_path):
    from bilateral.lexicon import load
    from bilateral.nlp.figure_grammar import grammar
    (tmp_path / "currencies.toml").write_text('[named]\n"lari" = "GEL"\n[codes]\niso = ["GEL"]\n', encoding="utf-8")
    (tmp_path / "units.toml").write_text('[measures]\n"bales" = "bales"\n', encoding="utf-8")
    lex = load(str(tmp_path))
    assert [(q.value, q.unit) for q in find_quantities("It cost 40 mln lari and 300 bales.", lex)] == [
        (40e6, "GEL"), (300, "bales")]
    assert find_quantities("It cost 40 mln lari.")[0].unit is None   # the shipped lexicon has no lari
    assert grammar(lex) is grammar(lex)


def test_a_price_of_one_currency_in_another_is_an_exchange_rate():
    found = {q.text: q.unit for q in find_quantities(
        "The dollar closed at 141.35 yen, down from 142.10 yen, and sterling rose to 1.6020 dlrs.")}
    assert found == {"141.35 yen": "JPY_per_USD", "142.10 yen": "JPY_per_USD", "1.6020 dlrs": "USD_per_GBP"}
    assert {q.unit for q in find_quantities("The won gained 6.60 won to the dollar in three days.")} == {"KRW_per_USD"}
    # a sum of money beside a currency's name is money, not a rate
    assert {q.text: q.unit for q in find_quantities("The U.S. dollar loan of 300 mln dlrs and a grant of 500 yen.")} \
        == {"300 mln dlrs": "USD", "500 yen": "JPY"}
    assert [q.unit for q in find_quantities("Japan will lend 30 billion yen to Thailand.")] == ["JPY"]
    # a rate quoted beside another is no base: both are prices of the dollar named first, or money
    assert [q.unit for q in find_quantities("Dealers saw support at 1.825 marks and 145 yen.")] == ["DEM", "JPY"]
