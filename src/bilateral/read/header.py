"""What an article says about itself in its first lines: title, byline, "Outlet, date" lines, datelines.

Each reader takes one line (or the start of the first paragraph) and returns what it
found or None; the cleaning stage decides which lines to drop.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Tuple

from bilateral.read.dates import DATE_PATTERN, parse_date

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|da|di|van|von|der|den|bin|binti|al|el|le|la|du|dos|del)"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,4}}"
_BYLINE = re.compile(
    rf"^(?:(?i:written|words|story|text|reporting|report(?:ed)?)\s+)?(?i:by)\s*:?\s+"
    rf"(?P<names>{_NAME}(?:\s*(?:,|(?i:and)|&)\s*{_NAME})*)"
    rf"\s*(?:[,|/•·–—-]\s*(?P<rest>[^\n]{{0,80}}))?$")
_AUTHOR = re.compile(rf"^(?i:author|writer)s?\s*:\s*(?P<names>{_NAME}(?:\s*(?:,|(?i:and)|&)\s*{_NAME})*)\s*$")
_OUTLET = r"(?:[Tt]he\s+)?[A-Z][\w&.'’-]*(?:\s+(?:[A-Z0-9][\w&.'’-]*|of|and|the|for|on|&)){0,6}"
_SEP = r"\s*[,|•·–—-]\s*"
_OUTLET_DATE = re.compile(rf"^(?P<outlet>{_OUTLET}){_SEP}(?P<date>{DATE_PATTERN})\.?$")
_DATE_OUTLET = re.compile(rf"^(?P<date>{DATE_PATTERN}){_SEP}(?P<outlet>{_OUTLET})$")
_STATED = re.compile(
    rf"^(?:(?P<kw>(?:first\s+|originally\s+)?(?:published|posted)|(?:last\s+)?(?:updated|modified)|date)"
    rf"|this (?:article|story|piece|report|post) was (?:first |originally )?(?P<kw2>published|posted)"
    rf")\s*(?:on|at|in)?\s*[:\-–—]?\s*(?P<date>{DATE_PATTERN})", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.,;:]$")

_PLACE = r"[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,3}"
_PLACE_CAPS = r"[A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+){0,3}"
_IN_COUNTRY = r"(?:,\s*[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2})?"   # "ACCRA, Ghana"
_AGENCY = r"\((?P<agency>[A-Za-z][^()\n]{1,39})\)"
_DASH = r"\s*(?:[-–—]+|:)\s+"
_DATELINES = (
    # PLACE, (Agency) –   /   PLACE, date (Agency) –   /   Place (Agency) -
    re.compile(rf"^(?P<place>{_PLACE}){_IN_COUNTRY}\s*,?\s*(?:(?P<date>{DATE_PATTERN})\s*,?\s*)?{_AGENCY}{_DASH}"
               rf"(?=[A-Z\"“‘'])"),
    # (Place):
    re.compile(rf"^\((?P<place>{_PLACE})\)\s*[:\-–—]+\s*"),
    # PLACE, date –   /   PLACE —
    re.compile(rf"^(?P<place>{_PLACE_CAPS})\s*(?:,\s*(?P<date>{DATE_PATTERN}),?)?{_DASH}(?=[A-Z\"“‘'])"),
    # Place, date –   (a place in title case only with a full date behind it)
    re.compile(rf"^(?P<place>{_PLACE}){_IN_COUNTRY},\s*(?P<date>{DATE_PATTERN}){_DASH}(?=[A-Z\"“‘'])"),
)


@dataclass
class Dateline:
    """The opener of a news story's first paragraph: how long it is, and what it says."""

    length: int
    place: str
    outlet: Optional[str] = None
    published: Optional[str] = None


def words(text: str) -> int:
    return len(text.split())


def _names(names: str) -> str:
    """Author names as "Jane Doe; John Roe", shouted names put in title case."""
    parts = [p.strip() for p in re.split(r"\s*(?:,|\band\b|&)\s*", names, flags=re.IGNORECASE) if p.strip()]
    return "; ".join(p.title() if p.isupper() else p for p in parts)


def byline(line: str) -> Optional[Tuple[str, Optional[str]]]:
    """ "By JANE DOE and JOHN ROE" -> ("Jane Doe; John Roe", None); a date after the names comes second."""
    t = line.strip()
    if words(t) > 14:
        return None
    m = _BYLINE.match(t) or _AUTHOR.match(t)
    if not m:
        return None
    rest = m.groupdict().get("rest")
    return _names(m.group("names")), parse_date(rest) if rest else None


def outlet_date(line: str) -> Optional[Tuple[str, str]]:
    """ "The Daily Record, 3 July 2014" -> ("The Daily Record", "2014-07-03"); also "date | Outlet"."""
    t = line.strip()
    m = _OUTLET_DATE.match(t) or _DATE_OUTLET.match(t)
    if not m:
        return None
    date = parse_date(m.group("date"))
    return (m.group("outlet").strip(), date) if date else None


def date_line(line: str) -> Optional[str]:
    """A line that is nothing but a dated day, month or year with a month."""
    date = parse_date(line.strip().rstrip("."))
    return date if date and len(date) > 4 else None


def stated_date(line: str) -> Optional[Tuple[str, str]]:
    """ "Published: 4 May 2019" -> ("published", "2019-05-04"); "Updated ..." -> ("updated", ...)."""
    t = line.strip()
    if words(t) > 16:
        return None
    m = _STATED.match(t)
    if not m:
        return None
    date = parse_date(m.group("date"))
    kw = (m.group("kw") or m.group("kw2") or "").lower()
    kind = "updated" if ("updated" in kw or "modified" in kw) else "published"
    return (kind, date) if date else None


def is_title(line: str) -> bool:
    """A headline: one short line that does not end like a sentence or a lead-in."""
    t = line.strip()
    return (1 <= words(t) <= 25 and len(t) <= 200 and not _SENTENCE_END.search(t)
            and (t[0].isupper() or t[0].isdigit() or t[0] in "\"'“‘"))


def dateline(paragraph: str) -> Optional[Dateline]:
    """The "PLACE, (Agency) –" or "(Place):" opener of a first paragraph, if it has one."""
    for pattern in _DATELINES:
        m = pattern.match(paragraph)
        if m and m.end() < len(paragraph):
            groups = m.groupdict()
            date = parse_date(groups.get("date")) if groups.get("date") else None
            agency = groups.get("agency")
            return Dateline(m.end(), m.group("place"), agency.strip() if agency else None, date)
    return None
