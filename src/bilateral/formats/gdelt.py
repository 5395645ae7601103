"""GDELT event exports (1.0 and 2.0), read as the GDELT Event Codebooks lay them out.

A file is tab-separated without a header: 57 columns in the 1.0 backfile, 58 in the 1.0 daily
files (SOURCEURL added) and 61 in 2.0 (an ADM2 code in each of the three geography blocks). The
first 35 columns are the same in all three. GDELT dates an event by the article that reports it
(SQLDATE), so an article that recalls an old event gives it the article's date.
"""
from __future__ import annotations

import functools
from typing import Iterator

from ..extract.cameo import coding
from ..model import Actor, ExternalEvent
from .actors import cameo_actor
from .lines import BadRow, RowProblem, iso_day, number, numbered_lines

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_HEAD = (("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
         + tuple(f"Actor1{c}" for c in _ACTOR) + tuple(f"Actor2{c}" for c in _ACTOR)
         + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
            "NumMentions", "NumSources", "NumArticles", "AvgTone"))


def _geo(adm2: bool) -> tuple:
    fields = ("Type", "FullName", "CountryCode", "ADM1Code") + (("ADM2Code",) if adm2 else ()) + (
        "Lat", "Long", "FeatureID")
    return tuple(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in fields)


V1_BACKFILE = _HEAD + _geo(False) + ("DATEADDED",)
V1 = V1_BACKFILE + ("SOURCEURL",)
V2 = _HEAD + _geo(True) + ("DATEADDED", "SOURCEURL")
LAYOUTS = {len(V1_BACKFILE): V1_BACKFILE, len(V1): V1, len(V2): V2}
QUADS = {"1": "verbal_coop", "2": "material_coop", "3": "verbal_conflict", "4": "material_conflict"}
_I = {name: i for i, name in enumerate(_HEAD)}


def read(path: str) -> Iterator[ExternalEvent | BadRow]:
    """The events of a GDELT export file (plain, gzip or zip), and its bad rows, in file order."""
    for source, n, line in numbered_lines(path):
        if isinstance(line, BadRow):
            yield line
            continue
        if not line.strip():
            continue
        cells = line.split("\t")
        layout = LAYOUTS.get(len(cells))
        if layout is None:
            yield BadRow(source, n, f"{len(cells)} tab-separated columns; a GDELT event row has "
                                    f"{', '.join(str(k) for k in sorted(LAYOUTS))}")
            continue
        if n == 1 and not cells[0].isdigit() and cells[0].upper() == "GLOBALEVENTID":
            continue   # a header line some extracts carry
        try:
            yield parse(cells, layout, source, n)
        except RowProblem as exc:
            yield BadRow(source, n, str(exc))


_ID, _DAY, _EVENT, _QUAD, _GOLDSTEIN = (_I[c] for c in ("GLOBALEVENTID", "SQLDATE", "EventCode", "QuadClass",
                                                         "GoldsteinScale"))
_ACTORS = tuple(tuple(_I[f"{a}{c}"] for c in ("CountryCode", "KnownGroupCode", "Code", "Name", "Type1Code"))
                for a in ("Actor1", "Actor2"))


@functools.lru_cache(maxsize=65536)
def _actor(country: str, group: str, code: str, name: str, kind: str) -> Actor:
    """An actor of GDELT's cells (shared between the rows that name it alike: GDELT repeats its actors)."""
    return Actor(cameo_actor(country, group, code), name.strip(), kind.strip() or None)


def parse(cells: list, layout: tuple, source: str, n: int) -> ExternalEvent:
    """One GDELT row (its cells split on tabs) as an external event."""
    event_id = cells[_ID]
    if not event_id.isdigit():
        raise RowProblem(f"GLOBALEVENTID {cells[_ID]!r} is not a number")
    cameo = cells[_EVENT].strip()
    if not (cameo.isdigit() and 2 <= len(cameo) <= 4):
        raise RowProblem(f"EventCode {cameo!r} is not a CAMEO event code")
    c = coding(cameo)
    added = cells[len(V1_BACKFILE) - 1] if layout is V1_BACKFILE else cells[-2]
    (c1, g1, a1, n1, t1), (c2, g2, a2, n2, t2) = _ACTORS
    return ExternalEvent(
        "gdelt", event_id, iso_day(cells[_DAY], "SQLDATE"), _actor(cells[c1], cells[g1], cells[a1], cells[n1], cells[t1]),
        _actor(cells[c2], cells[g2], cells[a2], cells[n2], cells[t2]), cameo, c.event_type, c.mode,
        [c.context] if c.context else [], QUADS.get(cells[_QUAD], c.quad), number(cells[_GOLDSTEIN], "GoldsteinScale"),
        reported=iso_day(added, "DATEADDED") if added else None,
        url=(cells[-1].strip() or None) if layout is not V1_BACKFILE else None, source_file=source, line=n)
