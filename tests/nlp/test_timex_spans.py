"""References, lengths of time and sets: what each pattern finds and the value it gives."""
from __future__ import annotations

from bilateral.nlp import timex_spans as ts


def test_references_and_phrases_that_lean_on_the_last_date(resolved):
    got = resolved(ts.SPANS, "Currently, in the near future, at the time; shortly thereafter, the year after.",
                   "2020-03-04", prev="2016-05")
    assert (got["Currently"], got["the near future"], got["at the time"]) == ("PRESENT_REF", "FUTURE_REF",
                                                                               "PAST_REF")
    assert (got["shortly thereafter"], got["the year after"]) == ("2016-05", "2017")


def test_lengths_of_time(resolved):
    got = resolved(ts.SPANS, "almost the next 25 years, several days, between 12 and 18 months, for decades, "
                             "twenty-one weeks, 3:07:45")
    assert (got["almost the next 25 years"], got["several days"]) == ("P25Y", "PXD")
    assert (got["12"], got["18 months"], got["decades"]) == ("P12M", "P18M", "PXDE")
    assert (got["twenty-one weeks"], got["3:07:45"]) == ("P21W", "PT3H7M45S")


def test_sets(resolved):
    got = resolved(ts.SPANS, "daily, every morning, each Friday, every two weeks, three times a year, 40 million "
                             "a year")
    assert (got["daily"], got["every morning"], got["each Friday"]) == ("P1D", "XXXX-XX-XXTMO", "XXXX-WXX-5")
    assert (got["every two weeks"], got["three times a year"], got["a year"]) == ("P2W", "P1Y", "P1Y")
