"""The records patterns are written as, and the context their resolvers read."""
from __future__ import annotations

from bilateral.nlp import timex_calendar as cal
from bilateral.nlp.timex_records import Context, Pattern, any_of, number_value


def _nothing(m, text):
    return iter(())


def test_a_pattern_compiles_its_regex_and_words_in_any_case_are_lower_cased():
    p = Pattern(r"\bfiscal\b", 0, _nothing, any_of("Fiscal", "FY", fold=True))
    assert p.rx.search("in fiscal 2019") and p.needs.words == ("fiscal", "fy") and p.near is None
    assert any_of("May").words == ("May",)


def test_tense_from_the_nearest_cue_and_the_year_of_a_narrative():
    text = "Talks were held in 1998. On 12 October the council met. It will meet again on 3 May."
    c = Context(text, cal.parse_ref("2018-02-02"), "2018-02-02", history=True, prev="1998", prev_end=23)
    assert c.tense(text.index("12 October"), text.index("12 October") + 10) == "past"
    assert c.tense(text.index("3 May"), len(text) - 1) == "future"
    assert c.narrative_year(text.index("12 October"), text.index("12 October") + 10) == 1998
    assert c.narrative_year(text.index("3 May"), len(text) - 1) is None


def test_number_values():
    assert (number_value("twenty one"), number_value("12"), number_value("a  dozen"), number_value("x")) == (
        21, 12.0, 12, None)
