"""Word tables and regex fragments for time expressions: months, weekdays, numbers, units.

The words come from the lexicon (lexicon/calendar.toml, lexicon/numbers.toml); the regexes are built
from them once, at import.
"""
from __future__ import annotations

import re

from bilateral.lexicon import SHIPPED, words

_MONTH_NAMES, _MONTH_ABBREVIATIONS = words.months(SHIPPED)
MONTHS = {**_MONTH_NAMES, **_MONTH_ABBREVIATIONS}
# Capitalised full names, or an abbreviation with its dot.
MONTH_RE = (f"(?:{words.alternation(_MONTH_NAMES, capitalise=True)}"
            f"|(?:{words.alternation(_MONTH_ABBREVIATIONS, capitalise=True)})\\.)")
# The words a month as MONTH_RE reads it is written with: what the month patterns are searched near.
MONTH_WORDS = tuple(w.capitalize() for w in _MONTH_NAMES) + tuple(w.capitalize() + "." for w in _MONTH_ABBREVIATIONS)
# Month names that are also common words or given names need a temporal cue when they stand alone.
AMBIGUOUS_MONTHS = SHIPPED.words("calendar.month_words.ambiguous")

WEEKDAYS = words.weekdays(SHIPPED)[0]
WEEKDAY_RE = f"(?:{words.alternation(WEEKDAYS, capitalise=True)})"
DAY_PARTS = dict(SHIPPED.table("calendar.day_parts"))
DAY_PART_RE = f"(?:{words.alternation(DAY_PARTS)})"
SEASONS = dict(SHIPPED.table("calendar.seasons"))
SEASON_RE = f"(?:{words.alternation(SEASONS)})"

# Numbers of a length of time: words below twenty, the tens, their compounds ("twenty-one", "twenty one")
# and phrases that count ("a couple of").
NUMBER_WORDS = {**words.cardinals(SHIPPED, 0, 19), **words.tens(SHIPPED),
                **dict(SHIPPED.table("numbers.phrases")), **words.compounds(SHIPPED, joins=("-", " "))}
# Quantity words that give a duration of unknown length ("several years" -> PXY).
VAGUE_NUMBERS = SHIPPED.items("numbers.vague.words")
NUMBER_RE = rf"(?:\d+(?:\.\d+)?|{words.alternation(NUMBER_WORDS)})"
VAGUE_RE = f"(?:{words.alternation(VAGUE_NUMBERS)})"

# Ordinals in words up to the present century ("twenty-first"), for centuries and parts of a year.
ORDINAL_WORDS = {**words.ordinals(SHIPPED, 1, 21), **words.between(words.compounds(SHIPPED, ordinal=True), 1, 21)}
ORDINAL_RE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{words.alternation(ORDINAL_WORDS)})"

# Duration units: word -> (TIMEX3 letter, multiplier, is a clock unit)
UNITS = {w: tuple(v) for w, v in SHIPPED.table("calendar.units").items()}
UNIT_RE = f"(?:{words.alternation(UNITS)})"

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

FUTURE_CUES = (r"\b(?:will|won't|shall|going\s+to|due\s+to|scheduled|set\s+to|plans?\s+to"
               r"|(?<!the\s)(?<!a\s)(?<!its\s)(?<!his\s)(?<!their\s)planned|planning"
               r"|expected\s+to|expects\s+to|is\s+to|are\s+to|to\s+be\s+held|upcoming|coming|forthcoming"
               r"|later\s+this|would\s+(?:take\s+effect|come\s+into\s+force|enter\s+into\s+force|begin|start|resume"
               r"|be\s+held|meet|visit|hold|sign|leave|arrive|travel|fly|attend|return|vote|open))\b|'ll\b")
# "announced the planned tariffs on March 27": a participle after a determiner names a thing, not the tense;
# one after "be"/"been" is passive voice, not a past-tense cue.
PAST_CUES = (r"\b(?:was|were|had|did|said|told|ago|earlier|previously|announced|began|came|met|went|took"
             r"|made|gave|signed|visited|held|left|became|agreed"
             r"|(?<!\bbe )(?<!been )(?<!being )(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\bhis )(?<!\btheir )[a-z]+ed)\b")
# Words after a length of time that make it a shifted date, not a rate ("$1 billion a year earlier").
SHIFT_WORDS = SHIPPED.items("calendar.shift.words")
SHIFTED = re.compile(rf"\s+({'|'.join(SHIFT_WORDS)})\b", re.IGNORECASE)
