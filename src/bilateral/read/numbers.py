"""Small whole numbers written as digits or English words, cardinal or ordinal ("65", "sixty-fifth", "65th")."""
from __future__ import annotations

import re
from typing import Optional

from bilateral.lexicon import SHIPPED, words

CARDINAL_WORDS = words.cardinals(SHIPPED)
ORDINAL_WORDS = words.ordinals(SHIPPED)

# Each alternation in the lexicon's order (by value), which the patterns using them follow with a space.
_TENS = "|".join(words.tens(SHIPPED))
_ONES = "|".join(words.cardinals(SHIPPED, 1, 9))
CARDINAL = (rf"(?:\d{{1,3}}|(?:{_TENS})(?:[- ](?:{_ONES}))?|{'|'.join(words.cardinals(SHIPPED, 1, 19))}"
            rf"|(?:one |a )?hundred)")
ORDINAL = (rf"(?:\d{{1,3}}(?:st|nd|rd|th)|(?:{_TENS})[- ](?:{'|'.join(words.ordinals(SHIPPED, 1, 9))})"
           rf"|{'|'.join([*words.ordinals(SHIPPED, 20, 90), *words.ordinals(SHIPPED, 1, 19)])}|(?:one )?hundredth)")


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
