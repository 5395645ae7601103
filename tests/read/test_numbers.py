"""Small numbers in words or digits, cardinal or ordinal, as the lexicon spells them."""
from __future__ import annotations

import re

import pytest

from bilateral.read.numbers import CARDINAL, ORDINAL, to_int


@pytest.mark.parametrize("text, value", [("65", 65), ("65th", 65), ("sixty-five", 65), ("sixty fifth", 65),
                                         ("a hundred", 100), ("hundredth", 100), ("nineteen", 19), ("zero", 0)])
def test_to_int(text, value):
    assert to_int(text) == value


def test_to_int_reads_no_other_word():
    assert to_int("several") is None and to_int("sixty-many") is None


def test_the_patterns_read_what_to_int_reads():
    cardinal = re.compile(rf"\b({CARDINAL})\s+years", re.I)
    ordinal = re.compile(rf"\b({ORDINAL})\s+anniversary", re.I)
    assert [to_int(m.group(1)) for m in cardinal.finditer("sixteen years, forty-two years, 7 years")] == [16, 42, 7]
    assert [to_int(m.group(1)) for m in ordinal.finditer("the seventy-fifth anniversary, the 30th anniversary, "
                                                          "the fortieth anniversary")] == [75, 30, 40]
