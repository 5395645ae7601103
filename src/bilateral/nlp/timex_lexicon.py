"""Word tables and regex fragments for time expressions: months, weekdays, numbers, units."""
from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Capitalised full names, or an abbreviation with its dot.
MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
            r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)")
# Month names that are also common words or given names need a temporal cue when they stand alone.
AMBIGUOUS_MONTHS = {"may", "march", "april", "june", "august"}

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

_UNITS_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen"]
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
               "eighty": 80, "ninety": 90}
NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS_WORDS)}
NUMBER_WORDS.update(_TENS_WORDS)
NUMBER_WORDS.update({"a": 1, "an": 1, "a single": 1, "a hundred": 100, "one hundred": 100, "half a": 0.5,
                     "a couple of": 2, "a dozen": 12, "dozen": 12})
for _t, _v in _TENS_WORDS.items():
    for _i, _u in enumerate(_UNITS_WORDS[1:10], start=1):
        NUMBER_WORDS[f"{_t}-{_u}"] = _v + _i
        NUMBER_WORDS[f"{_t} {_u}"] = _v + _i
# Quantity words that give a duration of unknown length ("several years" -> PXY).
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of", "dozens of", "hundreds of",
                 "a couple", "couple of", "countless", "numerous")

_num_alts = sorted(NUMBER_WORDS, key=len, reverse=True)
NUMBER_RE = r"(?:\d+(?:\.\d+)?|" + "|".join(a.replace(" ", r"\s+") for a in _num_alts) + ")"
VAGUE_RE = "(?:" + "|".join(v.replace(" ", r"\s+") for v in VAGUE_NUMBERS) + ")"

ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                 "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                 "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
ORDINAL_RE = (r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + ")")

# Duration units: regex stem -> (TIMEX3 letter, multiplier, is a clock unit)
UNITS = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "week": ("W", 1, False), "fortnight": ("W", 2, False), "month": ("M", 1, False),
    "year": ("Y", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
    "centurie": ("Y", 100, False),
}
UNIT_RE = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))"

# Years next to these words are counts or codes, not dates.
NOT_YEAR_BEFORE = (r"(?:[$€£¥#]|No\.|no\.|number|Number|Flight|flight|Route|route|Highway|Resolution|resolution"
                   r"|Article|article|page|pages|p\.|pp\.|Room|room|model|Model|code|Code|Section|section"
                   r"|Chapter|chapter|Rule|rule|Act|Boeing|Airbus|ISO|Unit|unit|Line|line|Law|law|Decree|decree"
                   r"|US\$|USD|EUR|JPY|Rs\.?|A\$)\s*$")
NOT_YEAR_AFTER = (r"^\s*(?:%|percent|per\s*cent|million|billion|trillion|thousand|hundred|bn|mn|m\b|km|kg|mw|MW"
                  r"|metres|meters|miles|feet|ft|tons|tonnes|hectares|acres|people|persons|soldiers|troops"
                  r"|students|workers|members|tourists|visitors|residents|units|cars|vehicles|dollars|euros"
                  r"|yen|yuan|riels?|baht|dong|rupees|pesos|reais|households|families|children|refugees"
                  r"|cases|deaths|casualties|votes|seats|jobs|projects|companies|firms|schools|kilometres"
                  r"|kilometers|[A-Z]{3}\b)")
# Plural nouns a year may modify ("the 2010 elections"): any other plural after a number makes it a count.
YEAR_NOUN_PLURALS = {"elections", "games", "olympics", "talks", "protests", "floods", "riots", "negotiations",
                     "accords", "agreements", "reforms", "sanctions", "attacks", "accounts", "figures",
                     "statistics", "data", "results", "rankings", "polls", "levels", "budgets", "estimates",
                     "commitments", "disbursements", "exports", "imports", "visits", "summits", "meetings",
                     "celebrations", "events", "crisis", "clashes", "bombings", "killings", "hostilities",
                     "elections,", "championships", "finals", "uprisings", "earthquakes", "tsunamis"}

FUTURE_CUES = (r"\b(?:will|won't|shall|going\s+to|due\s+to|scheduled|set\s+to|plans?\s+to|planned|planning"
               r"|expected\s+to|expects\s+to|is\s+to|are\s+to|to\s+be\s+held|upcoming|coming|forthcoming"
               r"|later\s+this)\b|'ll\b")
# A participle after "be"/"been" is passive voice, not a past-tense cue.
PAST_CUES = (r"\b(?:was|were|had|did|said|told|ago|earlier|previously|announced|began|came|met|went|took"
             r"|made|gave|signed|visited|held|left|became|agreed|(?<!\bbe )(?<!been )(?<!being )[a-z]+ed)\b")
# Words after a length of time that make it a shifted date, not a rate ("$1 billion a year earlier").
SHIFT_WORDS = ("earlier", "later", "before", "after", "ago", "prior")
SHIFTED = re.compile(rf"\s+({'|'.join(SHIFT_WORDS)})\b", re.IGNORECASE)
