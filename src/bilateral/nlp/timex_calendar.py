"""Calendar arithmetic on partial dates and TIMEX3 value strings."""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Ref:
    """A reference date cut to its known precision: year, month and day may be missing from the right."""

    year: int
    month: Optional[int] = None
    day: Optional[int] = None

    @property
    def date(self) -> Optional[dt.date]:
        return dt.date(self.year, self.month, self.day) if self.day else None

    def iso(self) -> str:
        return fmt(self.year, self.month, self.day)


def parse_ref(value: Optional[str]) -> Optional[Ref]:
    """"2018-02-02" / "2018-02" / "2018" (or a TIMEX3 date value) -> Ref; anything else -> None."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        if d:
            dt.date(int(y), int(mo), int(d))
        elif mo and not 1 <= int(mo) <= 12:
            return None
    except ValueError:
        return None
    return Ref(int(y), int(mo) if mo else None, int(d) if d else None)


def fmt(year: int, month: Optional[int] = None, day: Optional[int] = None) -> str:
    out = f"{year:04d}"
    if month:
        out += f"-{month:02d}"
        if day:
            out += f"-{day:02d}"
    return out


def valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def shift(ref: Ref, unit: str, k: int) -> str:
    """The value k units ("Y", "M", "W", "D") away from ref, at that unit's precision when ref allows."""
    if unit == "Y":
        return fmt(ref.year + k)
    if unit == "M" and ref.month:
        return fmt(*add_months(ref.year, ref.month, k))
    if unit == "W" and ref.day:
        return iso_week(ref.date + dt.timedelta(weeks=k))
    if unit == "D" and ref.day:
        d = ref.date + dt.timedelta(days=k)
        return fmt(d.year, d.month, d.day)
    return unknown(unit)


def unknown(unit: str) -> str:
    """The TIMEX3 placeholder for a date at this precision that cannot be resolved."""
    return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "D": "XXXX-XX-XX"}.get(unit, "XXXX")


def shift_date_str(value: str, years: int = 0, months: int = 0) -> str:
    """Move a partial ISO date by whole years or months, keeping its precision."""
    ref = parse_ref(value)
    if ref is None:
        return value
    if ref.month is None:
        return fmt(ref.year + years + months // 12)
    y, m = add_months(ref.year + years, ref.month, months)
    if ref.day is None:
        return fmt(y, m)
    return fmt(y, m, min(ref.day, 28) if not valid_day(y, m, ref.day) else ref.day)


def weekday_date(ref: Ref, weekday: int, direction: int) -> Optional[dt.date]:
    """The given weekday nearest to ref: on or before it (direction -1) or on or after it (+1)."""
    if not ref.day:
        return None
    base = ref.date
    delta = (weekday - base.weekday()) % 7
    if direction > 0:
        return base + dt.timedelta(days=delta)
    return base - dt.timedelta(days=(7 - delta) % 7)


def nearest_year(ref: Ref, month: int, day: int, within: int) -> Optional[int]:
    """The year that puts the day nearest to ref, when it falls within so many days of it; else None."""
    if not ref.day:
        return None
    near = [(abs((dt.date(y, month, day) - ref.date).days), y) for y in (ref.year - 1, ref.year, ref.year + 1)
            if valid_day(y, month, day)]
    gap, year = min(near) if near else (within + 1, None)
    return year if gap <= within else None


def month_year(ref: Ref, month: int, tense: Optional[str]) -> int:
    """The year of a bare month name said on ref: the coming one in future talk, the last one in past talk."""
    if not ref.month:
        return ref.year
    if tense == "future":
        return ref.year if month >= ref.month else ref.year + 1
    if tense == "past":
        return ref.year if month <= ref.month else ref.year - 1
    diff = month - ref.month
    if diff > 6:
        return ref.year - 1
    if diff < -6:
        return ref.year + 1
    return ref.year


def duration_value(n: Optional[float], letter: str, mult: int, clock: bool) -> str:
    """("3", "D") -> "P3D"; hours -> "PT3H"; decades -> "P30Y"; unknown n -> "PXY", "PXDE" for decades."""
    t = "T" if clock else ""
    if n is None:
        if mult == 10:
            return "PXDE"
        if mult == 100:
            return "PXCE"
        return f"P{t}X{letter}"
    q = n * mult
    if not math.isfinite(q):   # a number too long to be a length of time: its length is unknown
        return f"P{t}X{letter}"
    if q != int(q):
        if letter == "Y" and not clock:
            return f"P{int(q * 12)}M"
        if letter == "H":
            return f"PT{int(q * 60)}M"
        if letter == "D":
            return f"PT{int(q * 24)}H"
        return f"P{t}{q:g}{letter}"
    return f"P{t}{int(q)}{letter}"
