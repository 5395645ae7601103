"""Calendar-date patterns: what each finds and the value it gives, on phrases written for the tests."""
from __future__ import annotations

from bilateral.nlp import timex_dates as td

ALL = td.EXPLICIT + td.BARE


def test_full_dates_months_and_numeric_forms(resolved):
    got = resolved(ALL, "On Wednesday, March 4, 2020 and the 5th of May, 2021; in June 2018; 2019-04-05 and "
                        "4/5/2019 and Sept. 3 were noted.", "2020-03-04")
    assert got["Wednesday, March 4, 2020"] == "2020-03-04" and got["the 5th of May, 2021"] == "2021-05-05"
    assert got["June 2018"] == "2018-06" and got["2019-04-05"] == got["4/5/2019"] == "2019-04-05"
    assert got["Sept. 3"] == "2019-09-03"


def test_a_bare_month_needs_a_cue_and_an_abbreviation_its_dot(resolved):
    assert resolved(ALL, "May said the talks would go on.", "2020-03-04") == {}
    assert resolved(ALL, "The talks begin in May.", "2020-03-04") == {"May": "2020-05"}
    assert resolved(ALL, "They meet on Sept 3.", "2020-03-04") == {}


def test_years_ranges_decades_centuries(resolved):
    got = resolved(ALL, "From 1957-58, in fiscal year 2019, the 1980s, the ’70s, the nineteenth century and "
                        "the twenty-first century.")
    assert (got["1957"], got["58"], got["fiscal year 2019"]) == ("1957", "1958", "2019")
    assert (got["1980s"], got["’70s"]) == ("198", "197")
    assert (got["nineteenth century"], got["twenty-first century"]) == ("18", "20")
    assert resolved(ALL, "It cost $2019 and 2019 people came.") == {}


def test_parts_of_a_year(resolved):
    got = resolved(ALL, "the third quarter of 2017, the second half of this year, H1 2020 and the first nine "
                        "months of 2021", "2020-03-04")
    assert got["the third quarter of 2017"] == "2017-Q3" and got["the second half of this year"] == "2020-H2"
    assert got["H1 2020"] == "2020-H1" and got["the first nine months of 2021"] == "2021"
