"""ICEWS coded event files: tab-separated, a header of ICEWS's column names, one row per event record
(a sentence of a story coded as source, CAMEO event, target), countries and sectors written as names.

The export writes ICEWS's own columns, then three added ones: `Date Precision` (ICEWS dates are days;
a date known to the month or year is written as its first day and its precision named here), the
`Sentence` the row was coded from and the document's `URL`. An event reported in several sentences
has one row per sentence under one Event ID; Story ID numbers the documents.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterator

from ..extract.cameo import coding
from ..model import Actor, ExternalEvent
from .actors import icews_country, icews_country_name, icews_sector, icews_sector_name, resolve_name
from .lines import BadRow, RowProblem, blank, cell, cut_to_precision, first_day, iso_day, number, \
    precision, read_with_header

COLUMNS = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
           "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
           "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude")
ADDED = ("Date Precision", "Sentence", "URL")
REQUIRED = ("Event ID", "Event Date", "Source Name", "Source Country", "CAMEO Code", "Target Name", "Target Country")


def read(path: str) -> Iterator[ExternalEvent | BadRow]:
    """The event records of an ICEWS file (plain, gzip or zip), and its bad rows, in file order."""
    return read_with_header(path, REQUIRED, "an ICEWS", parse)


def _actor(name: str, sectors: str, country: str) -> Actor:
    name, country = name.strip(), country.strip()
    code = (icews_country(country) or resolve_name(country)) if country else resolve_name(name)
    return Actor(code, name, icews_sector(sectors))


def parse(r: dict, source: str, n: int) -> ExternalEvent:
    """One ICEWS row (column name -> cell) as an external event."""
    event_id = r["Event ID"].strip()
    if not event_id:
        raise RowProblem("no Event ID")
    cameo = r["CAMEO Code"].strip()
    if not (cameo.isdigit() and 2 <= len(cameo) <= 4):
        raise RowProblem(f"CAMEO Code {cameo!r} is not a CAMEO event code")
    c = coding(cameo)
    sentence = blank(r.get("Sentence Number"))
    if sentence is not None and not sentence.isdigit():
        raise RowProblem(f"Sentence Number {sentence!r} is not a number")
    return ExternalEvent(
        dataset="icews", native_id=event_id,
        date=cut_to_precision(iso_day(r["Event Date"], "Event Date"), r.get("Date Precision")),
        source=_actor(r["Source Name"], r.get("Source Sectors", ""), r["Source Country"]),
        target=_actor(r["Target Name"], r.get("Target Sectors", ""), r["Target Country"]),
        cameo=cameo, event_type=c.event_type, mode=c.mode, context=[c.context] if c.context else [], quad=c.quad,
        goldstein=number(r.get("Intensity", ""), "Intensity"), url=blank(r.get("URL")), text=blank(r.get("Sentence")),
        story_id=blank(r.get("Story ID")), sentence_number=int(sentence) if sentence else None,
        publisher=blank(r.get("Publisher")), source_file=source, line=n)


# --- writing -------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n+")


def sentence_starts(text: str) -> list:
    """Offsets where a sentence starts after the first (after ., ! or ? and a space, or a line break):
    ICEWS's Sentence Number of a passage is 1 + the starts at or before it."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def rows(events: list, docs: dict) -> Iterator[list]:
    """ICEWS rows (ICEWS's columns, then the added ones) for dated events with a CAMEO code: one a mention.

    `docs` maps doc_id to (story number, outlet, url, sentence starts)."""
    for number_, e in enumerate(events, 1):
        c = coding(e.cameo)
        for m in e.mentions:
            story, outlet, url, starts = docs[m.doc_id]
            yield [number_, first_day(e.date), _name(e.source), icews_sector_name(e.source.sector),
                   icews_country_name(e.source.code), c.name, e.cameo,
                   e.goldstein if e.goldstein is not None else c.goldstein, _name(e.target),
                   icews_sector_name(e.target.sector), icews_country_name(e.target.code), story,
                   bisect.bisect_right(starts, m.char_start) + 1, outlet, "", "", "", "", "", "",
                   precision(e.date), m.sentence, url]


def _name(actor: Actor) -> str:
    """The name written for an actor: its own words, or for a body that is no country ICEWS names
    (the UN, the EU) the body's name, which reading back resolves."""
    if actor.code and not icews_country_name(actor.code):
        from ..nlp.gazetteer import Gazetteer
        return Gazetteer.load().name(actor.code)
    return actor.name


def write(path, events: list, docs: dict) -> int:
    """Write an ICEWS file; returns the number of rows."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(COLUMNS + ADDED) + "\n")
        for r in rows(events, docs):
            f.write("\t".join(cell(v) for v in r) + "\n")
            n += 1
    return n
