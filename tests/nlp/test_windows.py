"""Windowed regex search finds exactly what a search of the whole text finds."""
from __future__ import annotations

import random
import re

from bilateral.nlp.windows import finditer_near

YEAR_AGO = re.compile(r"\b(\d{1,3}|a few|several) (?:years?|months?) ago\b")


def test_windows_around_anchors_find_what_the_whole_text_holds():
    r = random.Random(5)
    words = ["years", "ago", "two", "12", "a few", "months", "said", "in", "1999", "several", "year"]
    for _ in range(300):
        text = " ".join(r.choice(words) for _ in range(r.randint(0, 40)))
        anchors = [m.start() for m in re.finditer(r"\bago\b", text)]
        whole = [m.span() for m in YEAR_AGO.finditer(text)]
        near = [m.span() for m in finditer_near(YEAR_AGO, text, anchors, 20, 4)]
        assert near == whole, text


def test_a_window_too_narrow_misses_matches():
    text = "It happened 12 years ago, and again several months ago."
    anchors = [m.start() for m in re.finditer(r"\bago\b", text)]
    assert len(list(finditer_near(YEAR_AGO, text, anchors, 20, 4))) == 2
    assert list(finditer_near(YEAR_AGO, text, anchors, 3, 4)) == []


def test_bare_digit_runs_may_go_on_where_a_match_ended():
    digits = re.compile(r"\d{1,3}(?:,\d{3})*")
    text = "x 1,5002020 y"
    anchors = [2]
    assert [m.group() for m in finditer_near(digits, text, anchors, 0, 6, digits_go_on=True)] == \
        [m.group() for m in digits.finditer(text)]
