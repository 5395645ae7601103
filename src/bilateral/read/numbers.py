"""Small whole numbers written as digits or English words, cardinal or ordinal ("65", "sixty-fifth", "65th")."""
from __future__ import annotations

import re
from typing import Optional

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_UNITS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth"]
_ORDINAL_TENS = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
                 "eightieth", "ninetieth"]

CARDINAL_WORDS = {w: i for i, w in enumerate(_UNITS)}
CARDINAL_WORDS.update({w: 10 * i for i, w in enumerate(_TENS) if w})
CARDINAL_WORDS["hundred"] = 100
ORDINAL_WORDS = {w: i for i, w in enumerate(_ORDINAL_UNITS)}
ORDINAL_WORDS.update({w: 10 * i for i, w in enumerate(_ORDINAL_TENS) if w})
ORDINAL_WORDS["hundredth"] = 100

_TENS_ALT = "|".join(w for w in _TENS if w)
CARDINAL = (rf"(?:\d{{1,3}}|(?:{_TENS_ALT})(?:[- ](?:{'|'.join(_UNITS[1:10])}))?|{'|'.join(_UNITS[1:])}"
            rf"|(?:one |a )?hundred)")
ORDINAL = (rf"(?:\d{{1,3}}(?:st|nd|rd|th)|(?:{_TENS_ALT})[- ](?:{'|'.join(_ORDINAL_UNITS[1:10])})"
           rf"|{'|'.join(_ORDINAL_TENS[2:] + _ORDINAL_UNITS[1:])}|(?:one )?hundredth)")


def to_int(text: str) -> Optional[int]:
    """ "65", "65th", "sixty-five", "sixty-fifth", "a hundred" -> the number; anything else None."""
    t = text.strip().lower()
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)?", t)
    if m:
        return int(m.group(1))
    t = re.sub(r"^(?:a|one) (?=hundred)", "", t)
    total = 0
    for part in re.split(r"[- ]", t):
        value = CARDINAL_WORDS.get(part, ORDINAL_WORDS.get(part))
        if value is None:
            return None
        total += value
    return total
