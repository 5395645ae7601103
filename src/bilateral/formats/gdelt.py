"""GDELT event exports (1.0 and 2.0), read as the GDELT Event Codebooks lay them out.

A file is tab-separated without a header: 57 columns in the 1.0 backfile, 58 in the 1.0 daily
files (SOURCEURL added) and 61 in 2.0 (an ADM2 code in each of the three geography blocks). The
first 35 columns are the same in all three. GDELT dates an event by the article that reports it
(SQLDATE), so an article that recalls an old event gives it the article's date.
"""
from __future__ import annotations

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


def parse(cells: list, layout: tuple, source: str, n: int) -> ExternalEvent:
    """One GDELT row (its cells split on tabs) as an external event."""
    event_id = cells[0].strip()
    if not event_id.isdigit():
        raise RowProblem(f"GLOBALEVENTID {cells[0]!r} is not a number")
    cameo = cells[_I["EventCode"]].strip()
    if not (cameo.isdigit() and 2 <= len(cameo) <= 4):
        raise RowProblem(f"EventCode {cameo!r} is not a CAMEO event code")
    c = coding(cameo)
    added = cells[len(V1_BACKFILE) - 1] if layout is V1_BACKFILE else cells[-2]
    actors = []
    for a in ("Actor1", "Actor2"):
        code = cameo_actor(cells[_I[f"{a}CountryCode"]], cells[_I[f"{a}KnownGroupCode"]], cells[_I[f"{a}Code"]])
        actors.append(Actor(code, cells[_I[f"{a}Name"]].strip(), cells[_I[f"{a}Type1Code"]].strip() or None))
    return ExternalEvent(
        dataset="gdelt", native_id=event_id, date=iso_day(cells[1], "SQLDATE"), source=actors[0],
        target=actors[1], cameo=cameo, event_type=c.event_type, mode=c.mode,
        context=[c.context] if c.context else [], quad=QUADS.get(cells[_I["QuadClass"]].strip(), c.quad),
        goldstein=number(cells[_I["GoldsteinScale"]], "GoldsteinScale"),
        reported=iso_day(added, "DATEADDED") if added.strip() else None,
        url=(cells[-1].strip() or None) if layout is not V1_BACKFILE else None,
        source_file=source, line=n)

