"""Visits a page lists under a heading that says who visited whom ("High-level visits from Estonia to
Mexico", then "- Prime Minister Juhan Parts (2004)"): each dated item is a visit by the first state to
the second, dated by the year it gives. The sentence coder never sees these lines (a list item without a
verb states nothing on its own); the heading is what makes them visits, so they are read here, together.
"""
from __future__ import annotations

import re
from typing import Optional

from ..errors import UnknownCountry
from ..model import Actor, Document, Event, Mention, stable_id
from .cameo import coding

HEADING = re.compile(r"^[ \t#=]*(?:[\w-]+[ \t]+){0,3}visits?[ \t]+(?:from|by)[ \t]+(?P<a>[^\n]+?)[ \t]+to[ \t]+"
                     r"(?P<b>[^\n]+?)[ \t]*(?:\[\d+\][ \t]*)*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)
# A list item, with or without its bullet (text cleaning may have taken it off): a short line, no sentence.
ITEM = re.compile(r"[ \t]*(?:(?:[-*•]|\d+[.)])[ \t]+)?(?P<body>[^\n]{3,120}?)[ \t]*")
# A year the item gives in its brackets: "(2004)", "(May 2004)", "(2004, 2009)", "(2004 and 2009)".
BRACKETS = re.compile(r"\(([^()\n]*)\)")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
VISIT = "042"   # make a visit


def listed_visits(document: Document, resolve) -> list:
    """The visits listed under each visits heading of the document, one event per item and year.
    `resolve` maps a country's name to its code (raising UnknownCountry when it knows none)."""
    text = document.text
    out: list = []
    for h in HEADING.finditer(text):
        a, b = _code(h.group("a"), resolve), _code(h.group("b"), resolve)
        if a is None or b is None or a == b:
            continue
        pos = h.end() + 1
        for line_start, line in _items(text, pos):
            out.extend(_visits(document, line_start, line, a, b, resolve))
    return out


def _items(text: str, pos: int):
    """(start, line) of the list items right after a heading, blank lines skipped: short lines that give a
    year in brackets and end no sentence; the list ends at the first other line (the next heading)."""
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if line.strip():
            item = ITEM.fullmatch(line)
            if item is None or item.group("body").endswith((".", "!", "?")) or not any(
                    YEAR.search(inside) for inside in BRACKETS.findall(line)):
                return
            yield pos, line
        pos = end + 1


def _visits(document: Document, start: int, line: str, a: str, b: str, resolve) -> list:
    body = ITEM.fullmatch(line).group("body")
    years = [y for inside in BRACKETS.findall(body) for y in YEAR.findall(inside)]
    who = BRACKETS.sub("", body).strip(" ,;.") or a
    c = coding(VISIT)
    lead = len(line) - len(line.lstrip())
    mention = Mention(doc_id=document.doc_id, sentence=line.strip(), char_start=start + lead,
                      char_end=start + len(line.rstrip()))
    source, target = Actor(code=a, name=who, sector="GOV"), Actor(code=b, name=resolve_name(b, resolve))
    return [Event(event_id=stable_id("ev", document.doc_id, start, a, b, VISIT, year),
                  source=source, target=target, event_type=c.event_type, modality="asserted", date=year,
                  date_basis="explicit", mode=c.mode, context=[c.context] if c.context else [], cameo=VISIT,
                  quad=c.quad, goldstein=c.goldstein, summary=f"{c.name} — {who} → {target.name} ({year})",
                  mentions=[mention], trigger="visit", topic=None)
            for year in dict.fromkeys(years)]


def _code(name: str, resolve) -> Optional[str]:
    try:
        return resolve(re.sub(r"\[\d+\]", "", name).strip().title())
    except UnknownCountry:
        return None


def resolve_name(code: str, resolve) -> str:
    """A code's display name, when the resolver's gazetteer gives one."""
    owner = getattr(resolve, "__self__", None)
    return owner.name(code) if owner is not None and hasattr(owner, "name") else code
