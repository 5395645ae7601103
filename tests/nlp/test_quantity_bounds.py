"""Numbers at the edge: finite, within bounds, with their sign; notation and overflow refused, not misread."""
from __future__ import annotations

import pytest

from bilateral.nlp.quantities import MAX_FIGURE, bounded, find_quantities, interval
from bilateral.nlp.timex import find_timexes


def _figures(text: str) -> list:
    return [(q.text, q.value, q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize("text", [
    "Germany pledged 1e309 euros to Namibia.",           # was read as 309 EUR
    "Germany pledged EUR 1e308 billion to Namibia.",     # was read as 1 EUR
    "Germany pledged 10^400 dollars to Namibia.",        # was read as 400 USD
    "Germany pledged 1.5E6 euros to Namibia.",
    "Germany pledged " + "9" * 400 + " dollars to Namibia.",   # was inf
    "Germany pledged 2000000 trillion dollars to Namibia.",    # finite, past any real figure
])
def test_notation_and_overflow_are_refused(text):
    assert [f for f in _figures(text) if f[2] in ("EUR", "USD")] == []
    assert all(q.value is None or abs(q.value) <= MAX_FIGURE for q in find_quantities(text))


def test_the_sign_is_kept_and_a_hyphen_is_not_a_sign():
    assert _figures("Trade fell by -5 billion dollars.") == [("-5 billion dollars", -5e9, "USD")]
    assert _figures("The balance stood at \u22123.5 billion euros.") == [("\u22123.5 billion euros", -3.5e9, "EUR")]
    assert _figures("Growth was -2.5 percent.") == [("-2.5 percent", -2.5, "percent")]
    assert [v for _, v, _ in _figures("a range of 3-5 billion dollars")] == [3e9]   # a range, not minus five
    q, = find_quantities("a deficit of about -200 million dollars")
    assert q.value == -2e8 and q.low < q.value < q.high


def test_intervals_of_negative_figures_are_ordered():
    for qual in ("approximate", "approximate_below"):
        _, low, high = interval(-100.0, qual)
        assert low <= high


def test_huge_ranks_are_not_ranks():
    assert find_quantities("It was the " + "9" * 30 + "th largest donor.") == []
    (q,) = find_quantities("It was the 12th largest donor.")
    assert q.rank == 12


def test_bounded():
    assert bounded(float("inf")) is None and bounded(float("nan")) is None and bounded(-1e19) is None
    assert bounded(-5.0) == -5.0 and bounded(None) is None


def test_an_endless_length_of_time_does_not_overflow_the_calendar():
    (t,) = find_timexes("The two countries cooperated for " + "9" * 400 + " years.", "2020-01-01")
    assert t.type == "DURATION" and t.value == "PXY"
