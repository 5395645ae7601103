"""The filters and paging of every list, parsed and checked once: what a page shows is what its URL says.

A bad value is a ValueError naming the parameter and the reason (the app answers 400 with it).
Pages are keyset pages: `after` is an opaque cursor holding the sort key of the last row shown.
"""
from __future__ import annotations

import base64
import calendar
import json
import re
from dataclasses import dataclass, field, fields
from typing import Optional
from urllib.parse import urlencode

from ..model import CONFLICT_KINDS, METRICS, MODALITIES, PLOVER_TYPES

QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CODE = re.compile(r"^[A-Za-z]{2,6}$")
MAX_TEXT = 200


def check_date(value: Optional[str], name: str) -> Optional[str]:
    """A partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) that exists on the calendar, else ValueError with why."""
    if value is None or value == "":
        return None
    m = _DATE.match(value)
    if not m:
        raise ValueError(f"{name}: a date is YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if int(year) == 0:
        raise ValueError(f"{name}: there is no year 0000 ({value!r})")
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"{name}: month {month} does not exist ({value!r})")
    if day is not None:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            raise ValueError(f"{name}: day {day} does not exist in {year}-{month}, which has {last} days ({value!r})")
    return value


def check_choice(value: Optional[str], allowed: tuple, name: str, upper: bool = False) -> Optional[str]:
    if value is None or value == "":
        return None
    v = value.upper() if upper else value.lower()
    if v not in allowed:
        raise ValueError(f"unknown {name} {value!r}: use one of {', '.join(allowed)}")
    return v


def check_text(value: Optional[str], name: str) -> Optional[str]:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise ValueError(f"{name} is longer than {MAX_TEXT} characters")
    return value.strip()


def check_code(value: Optional[str], name: str) -> Optional[str]:
    if value is None or not value.strip():
        return None
    if not _CODE.match(value.strip()):
        raise ValueError(f"{name}: an actor is a code of 2 to 6 letters (DEU, UN), got {value!r}")
    return value.strip().upper()


def encode_cursor(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: Optional[str], n: int) -> Optional[list]:
    """The sort key a cursor holds (n values), or ValueError when it was not made here."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (ValueError, TypeError):
        raise ValueError("after: not a cursor this server made") from None
    if not isinstance(values, list) or len(values) != n or \
            not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in values):
        raise ValueError("after: not a cursor this server made")
    return values


@dataclass
class Filters:
    """Every filter a list can take; each page reads the ones it uses. Empty strings count as absent."""

    pair: Optional[str] = None       # store pair key "DEU|NAM", resolved by the caller
    start: Optional[str] = None      # from
    end: Optional[str] = None        # to
    type: Optional[str] = None
    modality: Optional[str] = None
    quad: Optional[str] = None
    metric: Optional[str] = None
    kind: Optional[str] = None
    actor: Optional[str] = None
    outlet: Optional[str] = None
    q: Optional[str] = None
    undated: bool = True
    extra: dict = field(default_factory=dict)

    @classmethod
    def parse(cls, params, pair_key=None) -> "Filters":
        """From query parameters (a mapping); `pair_key` turns a `pair` value into the store's key."""
        g = params.get
        pair = g("pair") or None
        undated = (g("undated") or "true").lower() not in ("false", "0", "no")
        return cls(pair=pair_key(pair) if pair and pair_key else pair,
                   start=check_date(g("from"), "from"), end=check_date(g("to"), "to"),
                   type=check_choice(g("type"), PLOVER_TYPES, "type", upper=True),
                   modality=check_choice(g("modality"), MODALITIES, "modality"),
                   quad=check_choice(g("quad"), QUADS, "quad"),
                   metric=check_choice(g("metric"), METRICS, "metric"),
                   kind=check_choice(g("kind"), CONFLICT_KINDS, "kind"),
                   actor=check_code(g("actor"), "actor"), outlet=check_text(g("outlet"), "outlet"),
                   q=check_text(g("q"), "q"), undated=undated)

    def params(self) -> dict:
        """The filters as URL parameters (only those set), the pair as `A,B`."""
        out = {}
        names = {"start": "from", "end": "to"}
        for f in fields(self):
            if f.name in ("extra", "undated"):
                continue
            v = getattr(self, f.name)
            if v:
                out[names.get(f.name, f.name)] = v.replace("|", ",") if f.name == "pair" else v
        if not self.undated:
            out["undated"] = "false"
        return out

    def any(self, *names: str) -> bool:
        return any(getattr(self, n) for n in names)


def url(path: str, params: dict) -> str:
    """A path with its non-empty parameters."""
    kept = {k: v for k, v in params.items() if v not in (None, "", False)}
    return path + ("?" + urlencode(kept) if kept else "")


def sort_of(value: Optional[str], allowed: tuple, default: str) -> tuple:
    """`sort=name` or `sort=-name` as (name, descending), the name one of `allowed`."""
    v = (value or default).strip()
    desc = v.startswith("-")
    name = v.lstrip("-")
    if name not in allowed:
        raise ValueError(f"unknown sort {value!r}: use one of {', '.join(allowed)} (a leading - sorts descending)")
    return name, desc
