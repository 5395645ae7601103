"""Fuzzing the number and date parsers: figures are finite and bounded with ordered intervals, small
numbers and dates are what they say or None, and no text makes any of them raise."""
from __future__ import annotations

import math
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.nlp.quantities import MAX_FIGURE, find_quantities
from bilateral.nlp.timex import find_timexes
from bilateral.read.dates import parse_date
from bilateral.read.numbers import to_int

FUZZ = settings(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
# Pieces that figures, dates and their edges are made of, joined at random.
PIECES = st.sampled_from([
    "-", "\u2212", "+", "$", "US$", "EUR", "€", "£", "1", "9", "0", "42", "1,000", "3.5", "1e309", "E", "e", "^",
    "10", "999999999999999999999", "9" * 60, ".", ",", "%", " percent", " billion", " million", " trillion",
    " bn", "m", " euros", " dollars", " yen", " tourists", " students", " years", " days", "th", "st",
    " largest", " donor", " about", " more than", " nearly", " between", " and", " to", " in", " since",
    " 2019", " March", " 3", " 12th", "/", ":", "(", ")", " ", "\n", "half", "a third", "first", "twenty-one",
])
FIGURE_TEXT = st.lists(PIECES, max_size=25).map("".join)


@settings(FUZZ, max_examples=1500)
@given(text=st.one_of(FIGURE_TEXT, st.text(max_size=80)))
def test_figures_are_finite_bounded_and_ordered(text):
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text
        for v in (q.value, q.low, q.high):
            assert v is None or (math.isfinite(v) and abs(v) <= MAX_FIGURE * 1.25)
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        assert q.rank is None or 0 <= q.rank <= 1000


@settings(FUZZ, max_examples=400)
@given(text=st.one_of(FIGURE_TEXT, st.text(max_size=40)),
       dct=st.none() | st.sampled_from(["2020-01-01", "1999-12", "2016", "0001-01-01", "9999-12-31"]))
def test_time_expressions_never_raise(text, dct):
    for t in find_timexes(text, dct):
        assert text[t.start:t.end] == t.text and t.value


@settings(FUZZ, max_examples=800)
@given(text=st.one_of(FIGURE_TEXT, st.text(max_size=30)))
def test_small_numbers_and_dates_are_what_they_say_or_none(text):
    n = to_int(text)
    assert n is None or 0 <= n <= 999
    d = parse_date(text)
    assert d is None or re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", d)
