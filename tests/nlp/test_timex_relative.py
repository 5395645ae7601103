"""Patterns relative to the document date: values against a document of Wednesday 4 March 2020."""
from __future__ import annotations

from bilateral.nlp import timex_relative as tr

ALL = tr.RELATIVE_MONTHS + tr.RELATIVE
DCT = "2020-03-04"


def test_units_months_and_seasons_against_the_document_date(resolved):
    got = resolved(ALL, "Last year, this week, next October 2, March 3 last year, last winter and the coming "
                        "decade.", DCT)
    assert (got["Last year"], got["this week"], got["the coming decade"]) == ("2019", "2020-W10", "P10Y")
    assert (got["next October 2"], got["March 3 last year"], got["last winter"]) == ("2020-10-02", "2019-03-03",
                                                                                     "2019-WI")


def test_ago_day_words_weekdays_and_clock_times(resolved):
    got = resolved(ALL, "six months ago, last night, this Sunday evening, tomorrow, at 3 p.m. Saturday and "
                        "15:00 GMT tomorrow", DCT)
    assert (got["six months ago"], got["last night"], got["tomorrow"]) == ("2019-09", "2020-03-03TNI", "2020-03-05")
    assert got["this Sunday evening"] == "2020-03-08TEV"
    assert (got["3 p.m. Saturday"], got["15:00 GMT tomorrow"]) == ("2020-02-29T15:00", "2020-03-05T15:00")


def test_day_words_take_their_part_of_the_day_from_the_lexicon(resolved):
    got = resolved(ALL, "this morning, this afternoon, tonight", DCT)
    assert got == {"this morning": "2020-03-04TMO", "this afternoon": "2020-03-04TAF", "tonight": "2020-03-04TNI"}


def test_without_a_document_date_the_value_stays_open(resolved):
    got = resolved(ALL, "last year, on Friday, last May")
    assert (got["last year"], got["Friday"], got["last May"]) == ("XXXX", "XXXX-WXX-5", "XXXX-05")
