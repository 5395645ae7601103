"""The time-expression words and regex fragments, built from the lexicon."""
from __future__ import annotations

import re

from bilateral.lexicon import SHIPPED
from bilateral.nlp import timex_lexicon as tl


def test_months_full_names_capitalised_abbreviations_with_their_dot():
    month = re.compile(rf"{tl.MONTH_RE}(?!\w)")
    assert [m.group(0) for m in month.finditer("March, Sept., Sep. and Jun. but not Sept, march or Mayor")] == [
        "March", "Sept.", "Sep.", "Jun."]
    assert tl.MONTHS == dict(SHIPPED.table("calendar.months")) and tl.MONTHS["sept"] == 9
    assert "Sept." in tl.MONTH_WORDS and "May" in tl.MONTH_WORDS and "May." not in tl.MONTH_WORDS


def test_weekdays_without_their_abbreviations():
    assert tl.WEEKDAYS == {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
                           "sunday": 6}
    assert re.fullmatch(tl.WEEKDAY_RE, "Thursday") and not re.fullmatch(tl.WEEKDAY_RE, "Thu")


def test_number_words_of_lengths_of_time():
    number = re.compile(rf"{tl.NUMBER_RE}(?!\w)", re.I)
    assert [m.group(0) for m in number.finditer("twenty-one, seventy  three, a couple of, 2.5, hundred")] == [
        "twenty-one", "seventy  three", "a couple of", "2.5"]
    assert tl.NUMBER_WORDS["a couple of"] == 2 and tl.NUMBER_WORDS["seventy three"] == 73
    assert "hundred" not in tl.NUMBER_WORDS and "twenty-second" not in tl.ORDINAL_WORDS
    assert tl.ORDINAL_WORDS["twenty-first"] == 21 and tl.UNITS["fortnight"] == ("W", 2, False)


def test_shift_words():
    assert tl.SHIFTED.match(" a year earlier", 7) and tl.SHIFT_WORDS == SHIPPED.items("calendar.shift.words")
