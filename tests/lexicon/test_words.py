"""Word lists derived from numbers.toml and calendar.toml, shipped and extended from a user folder."""
from __future__ import annotations

import re

from bilateral.lexicon import SHIPPED, load, words


def test_number_words_by_value_and_their_compounds():
    assert words.cardinals(SHIPPED, 1, 3) == {"one": 1, "two": 2, "three": 3}
    assert list(words.tens(SHIPPED)) == ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    both = words.compounds(SHIPPED, joins=("-", " "))
    assert both["sixty-five"] == both["sixty five"] == 65 and len(both) == 8 * 9 * 2
    assert words.compounds(SHIPPED, ordinal=True)["seventy-fifth"] == 75
    assert words.ordinals(SHIPPED, 100) == {"hundredth": 100}


def test_names_apart_from_their_abbreviations():
    names, short = words.months(SHIPPED)
    assert len(names) == 12 and names["may"] == 5 and "sept" not in names
    assert short["sept"] == short["sep"] == 9 and "may" not in short
    days, day_short = words.weekdays(SHIPPED)
    assert list(days.values()) == list(range(7)) and day_short["thu"] == 3


def test_alternation_puts_a_word_before_the_words_it_begins():
    rx = re.compile(rf"(?:{words.alternation(['a', 'a couple of', 'a couple'])})\b")
    assert rx.match("a couple of years").group(0) == "a couple of"
    assert rx.match("a  couple years").group(0) == "a  couple"
    assert words.alternation(["may", "june"], capitalise=True) == "June|May"


def test_a_user_folder_extends_the_shipped_words(tmp_path):
    (tmp_path / "calendar.toml").write_text('[months]\nsetembro = 9\nsetem = 9\n\n[weekdays]\nsabado = 5\n',
                                            encoding="utf-8")
    (tmp_path / "numbers.toml").write_text('[cardinal]\nscore = 20\n', encoding="utf-8")
    lex = load(str(tmp_path))
    names, short = words.months(lex)
    assert names["setembro"] == 9 and short["setem"] == 9            # the made-up alias is read ...
    assert names["september"] == 9 and short["sept"] == 9             # ... and the shipped names stay
    assert words.weekdays(lex)[0]["sabado"] == 5
    assert words.cardinals(lex, 20, 20) == {"twenty": 20, "score": 20}
    assert words.cardinals(SHIPPED, 20, 20) == {"twenty": 20}          # the shipped lexicon is untouched
    month = re.compile(rf"(?:{words.alternation(names, capitalise=True)})\b")
    assert month.search("on 3 Setembro 2019").group(0) == "Setembro"
