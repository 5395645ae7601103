"""POLECAT weekly files: tab-separated, a header of POLECAT's column names, one row per event coded in
PLOVER (event type, mode, contexts, intensity, quad code), actors as ISO codes with COW numbers,
multiple values in a cell separated by semicolons.

The export writes POLECAT's columns and one added, `Date Precision` (a date known to the month or
year is written as its first day). Actor Name is the actor's canonical name, Actor Name Raw the words
of the text. Reading keeps the first actor of a compound one ("USA; GBR").
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..extract.cameo import plover_name
from ..model import PLOVER_TYPES, Actor, ExternalEvent
from .actors import country_code, cow_number, is_country, resolve_name
from .lines import BadRow, RowProblem, blank, cell, cut_to_precision, first_day, iso_day, number, \
    precision, read_with_header

COLUMNS = ("Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
           "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
           "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
           "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
           "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
           "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
           "Story Organizations", "Story Locations", "Language", "Version")
ADDED = ("Date Precision",)
REQUIRED = ("Event ID", "Event Date", "Event Type", "Actor Country", "Recipient Country")
QUADS = {"VERBAL COOPERATION": "verbal_coop", "MATERIAL COOPERATION": "material_coop",
         "VERBAL CONFLICT": "verbal_conflict", "MATERIAL CONFLICT": "material_conflict",
         "1": "verbal_coop", "2": "material_coop", "3": "verbal_conflict", "4": "material_conflict"}
QUAD_NAMES = {v: k for k, v in QUADS.items() if not k.isdigit()}
_SPLIT = re.compile(r"\s*[;|,]\s*")


def read(path: str) -> Iterator[ExternalEvent | BadRow]:
    """The events of a POLECAT file (plain, gzip or zip), and its bad rows, in file order."""
    return read_with_header(path, REQUIRED, "a POLECAT", parse)


def _first(value: str) -> Optional[str]:
    for part in _SPLIT.split(value or ""):
        if blank(part):
            return part.strip()
    return None


def _actor(r: dict, who: str) -> Actor:
    raw = _first(r.get(f"{who} Country", ""))
    name = blank(r.get(f"{who} Name Raw")) or blank(r.get(f"{who} Name")) or ""
    if raw and len(raw) == 3 and raw.isalpha():
        code = country_code(raw)
    else:
        code = resolve_name(raw or "") or resolve_name(blank(r.get(f"{who} Name")) or "")
    return Actor(code, name, _first(r.get(f"Primary {who} Sector", "")) or _first(r.get(f"{who} Sectors", "")))


def parse(r: dict, source: str, n: int) -> ExternalEvent:
    """One POLECAT row (column name -> cell) as an external event."""
    event_id = r["Event ID"].strip()
    if not event_id:
        raise RowProblem("no Event ID")
    event_type = plover_name(r["Event Type"].strip())
    if event_type not in PLOVER_TYPES:
        raise RowProblem(f"Event Type {r['Event Type']!r} is not a PLOVER category")
    quad = blank(r.get("Quad Code"))
    intensity = r.get("Event Intensity", r.get("Intensity", ""))
    published = blank(r.get("Publication Date"))
    return ExternalEvent(
        dataset="polecat", native_id=event_id,
        date=cut_to_precision(iso_day(r["Event Date"], "Event Date"), r.get("Date Precision")),
        source=_actor(r, "Actor"), target=_actor(r, "Recipient"), event_type=event_type,
        mode=blank(r.get("Event Mode")), context=[c for c in _SPLIT.split(r.get("Contexts", "")) if blank(c)],
        quad=QUADS.get(quad.upper()) if quad else None, goldstein=number(intensity, "Event Intensity"),
        reported=_published(published) if published else None, publisher=blank(r.get("Source")),
        source_file=source, line=n)


def _published(text: str) -> str:
    """A publication date as a partial ISO date (a year or month alone is kept as such)."""
    if re.fullmatch(r"\d{4}(-\d{2})?", text):
        return text
    return iso_day(text, "Publication Date")


# --- writing -------------------------------------------------------------------------------

def rows(events: list, docs: dict, version: str) -> Iterator[list]:
    """POLECAT rows (its columns, then the added one) for dated events; `docs` maps doc_id to
    (outlet, published)."""
    from ..nlp.gazetteer import Gazetteer
    names = Gazetteer.load()
    for e in events:
        outlets = sorted({docs[m.doc_id][0] for m in e.mentions if docs[m.doc_id][0]})
        published = sorted(p for p in (docs[m.doc_id][1] for m in e.mentions) if p)
        sides = []
        for a in (e.source, e.target):
            country = a.code if is_country(a.code) else None
            sides += [names.name(a.code) if a.code else a.name, country, cow_number(a.code), a.sector, a.sector,
                      "", a.name, ""]
        yield [e.event_id, first_day(e.date), e.event_type, e.mode, e.goldstein, QUAD_NAMES.get(e.quad or ""),
               "; ".join(e.context or [])] + sides + [""] * 10 + [
            "; ".join(outlets), published[0] if published else "", "", "", "", "en", version, precision(e.date)]


def write(path, events: list, docs: dict, version: str) -> int:
    """Write a POLECAT file; returns the number of rows."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(COLUMNS + ADDED) + "\n")
        for r in rows(events, docs, version):
            f.write("\t".join(cell(v) for v in r) + "\n")
            n += 1
    return n
