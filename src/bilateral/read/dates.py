"""Calendar dates as written in bylines, datelines and metadata, turned into partial ISO strings.

Only unambiguous forms are read ("2 February 2018", "July 3, 2014", "2018-02-02",
"March 2019"); a numeric "04/05/2019" is read only when one part cannot be a month.
"""
from __future__ import annotations

import calendar
import re
from typing import Optional

from bilateral.lexicon import SHIPPED, words

MONTHS = dict(SHIPPED.table("calendar.months"))
# Month and weekday names and their abbreviations (lexicon/calendar.toml), capitalised, a dot allowed.
MONTH = rf"(?:{words.alternation(MONTHS, capitalise=True)})\.?"
WEEKDAY = rf"(?:{words.alternation(SHIPPED.table('calendar.weekdays'), capitalise=True)})\.?,?\s+"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
# A time of day after a date ("3 March 2021, 10:32 am GMT"): read past, never kept.
TIME_OF_DAY = r",?\s+(?:at\s+)?\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d\d:?\d\d))?"

# One pattern for every written form, usable inside larger patterns (no anchors, no groups named twice).
DATE_PATTERN = (
    rf"(?:{WEEKDAY})?(?:"
    rf"{YEAR}[-/.][01]?\d(?:[-/.][0-3]?\d)?(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"   # 2018-02-02, 2018-02
    rf"|{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}"                                   # 2 February 2018
    rf"|{MONTH}\s+{DAY},?\s+{YEAR}"                                             # February 2, 2018
    rf"|{MONTH},?\s+{YEAR}"                                                     # February 2018
    rf"|[0-3]?\d[/.][0-3]?\d[/.]{YEAR}"                                         # 02/02/2018
    rf"|{MONTH}\s+{DAY}"                                                        # February 2 (no year)
    rf"|{DAY}\s+{MONTH}"                                                        # 2 February (no year)
    rf")(?:{TIME_OF_DAY})?"
)
_TIME_TAIL = re.compile(rf"{TIME_OF_DAY}\s*$", re.IGNORECASE)
_DATE_RE = re.compile(rf"^\s*{DATE_PATTERN}\s*$", re.IGNORECASE)


def _iso(year: int, month: Optional[int] = None, day: Optional[int] = None) -> Optional[str]:
    """Join the parts that are known, or None when they name no real day."""
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_date(text: Optional[str]) -> Optional[str]:
    """A written date as partial ISO ("2 Feb. 2018" -> "2018-02-02"), or None if it is not one date with a year."""
    if not text:
        return None
    s = str(text).strip()
    if re.fullmatch(YEAR, s):
        return s
    if not _DATE_RE.match(s):
        return None
    s = _TIME_TAIL.sub("", re.sub(rf"^{WEEKDAY}", "", s, flags=re.IGNORECASE))
    m = re.match(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?", s)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    m = re.match(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", s)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a > 12 >= b:
            return _iso(year, b, a)
        if b > 12 >= a:
            return _iso(year, a, b)
        return None
    year_m = re.search(YEAR + r"\s*$", s)
    if not year_m:
        return None
    year = int(year_m.group(0))
    month_m = re.search(MONTH, s, re.IGNORECASE)
    month = MONTHS.get(month_m.group(0).rstrip(".").lower()) if month_m else None
    day_m = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b(?!\d)", s[: year_m.start()])
    return _iso(year, month, int(day_m.group(1)) if day_m else None)
