"""Currency amounts in US dollars at the year's average rate (data/exchange_rates.csv)."""
from __future__ import annotations

import csv
import functools
from importlib import resources
from typing import Optional


@functools.lru_cache(maxsize=1)
def exchange_rates() -> dict:
    """{(currency, year): units per US dollar}, annual averages from data/exchange_rates.csv."""
    path = resources.files("bilateral") / "data" / "exchange_rates.csv"
    with path.open(encoding="utf-8") as f:
        return {(r["currency"], int(r["year"])): float(r["per_usd"]) for r in csv.DictReader(f)}


@functools.lru_cache(maxsize=None)
def _rates(unit: str) -> dict:
    """{year: units per US dollar} of one currency, selected once per currency."""
    return {y: r for (c, y), r in exchange_rates().items() if c == unit}


def to_usd(value: Optional[float], unit: Optional[str], date: Optional[str]) -> Optional[float]:
    """A currency amount in US dollars at the year's average rate (nearest year on file)."""
    if value is None or unit is None or not date or not date[:4].isdigit():
        return None
    if unit == "USD":
        return value
    rates = _rates(unit)
    if not rates:
        return None
    year = min(rates, key=lambda y: abs(y - int(date[:4])))
    if abs(year - int(date[:4])) > 2:
        return None
    return value / rates[year]
