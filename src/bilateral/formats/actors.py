"""Actor codes and names as the event datasets write them, and the project's codes for them.

GDELT writes CAMEO actor codes (country, known group, type); ICEWS writes country and sector
names; POLECAT writes ISO codes and Correlates of War numbers.  The project's codes are ISO 3166-1
alpha-3 for countries and short codes for international bodies (UN, EU, ASEAN).
"""
from __future__ import annotations

import csv
import functools
from importlib import resources
from typing import Optional

# CAMEO country codes that are not ISO 3166-1 alpha-3. The Soviet Union keeps its own code, SUN (ISO
# 3166-3, as the gazetteer has it): its acts are not Russia's; East Germany is coded as Germany, into which
# it merged.
CAMEO_COUNTRY_FIXES = {"DDR": "DEU", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}

# CAMEO known-group codes of international bodies (GDELT's Actor1KnownGroupCode) -> the project's codes.
CAMEO_GROUPS = {
    "UNO": "UN", "WBK": "WB", "WHO": "WHO", "ICJ": "ICJ", "EEC": "EU", "EUR": "EU", "NAT": "NATO",
    "ASN": "ASEAN", "AFU": "AU", "OAU": "AU", "ADB": "ADB", "ICC": "ICC", "OPC": "OPEC", "WTO": "WTO",
    "IMF": "IMF", "ARL": "AL", "OAS": "OAS", "WAS": "ECOWAS", "SAD": "SADC", "OIC": "OIC", "ITP": "INTERPOL",
    "CWN": "CW", "APE": "APEC", "OSC": "OSCE", "OEC": "OECD", "ICT": "ICTY", "IRC": "ICRC",
}

# The project's sector codes -> the ICEWS sector name written for them (each one of ICEWS's names).
ICEWS_SECTOR_NAMES = {
    "GOV": "Government", "MIL": "Military", "BUS": "Business", "CVL": "General Population / Civilian / Social",
    "IGO": "International Government Organization", "JUD": "Judicial", "LEG": "Legislative / Parliamentary",
    "COP": "Police", "OPP": "Dissident", "REB": "Rebel", "MED": "Media", "EDU": "Education", "LAB": "Labor",
    "REF": "Refugees / Displaced", "SPY": "Intelligence Ministry", "PTY": "Parties", "CRM": "Criminals / Gangs",
    "UAF": "Unidentified Forces", "IMG": "International Radicals / Extremists / Fundamentalists",
    "MNC": "Multinational Corporation",
}


def country_code(code: Optional[str]) -> Optional[str]:
    """A CAMEO country code as ISO 3166-1 alpha-3 ("ROM" -> "ROU", "USAGUM" -> "GUM"); None if blank."""
    code = (code or "").strip().upper()
    if not code:
        return None
    if len(code) == 6 and code[:3].isalpha():   # a territory coded under its state: USAGUM, USAPRI
        code = code[3:]
    return CAMEO_COUNTRY_FIXES.get(code, code)


def cameo_actor(country: str, group: str, actor_code: str) -> Optional[str]:
    """The project's code of a GDELT actor: its country, else the international body it names."""
    found = country_code(country)
    if found:
        return found
    if group and group.upper() in CAMEO_GROUPS:
        return CAMEO_GROUPS[group.upper()]
    code = (actor_code or "").upper()
    if code.startswith("IGO") and code[3:6] in CAMEO_GROUPS:
        return CAMEO_GROUPS[code[3:6]]
    return None


@functools.lru_cache(maxsize=1)
def _icews_countries() -> tuple:
    """(name -> code, code -> first name, code -> COW number) from the shipped ICEWS country table."""
    by_name, names, cow = {}, {}, {}
    with resources.files("bilateral.data").joinpath("icews/countries.tsv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            code = country_code(r["code"])
            by_name[r["name"].lower()] = code
            names.setdefault(code, r["name"])
            if r["cow"]:
                cow.setdefault(code, r["cow"])
    return by_name, names, cow


@functools.lru_cache(maxsize=1)
def _icews_sectors() -> dict:
    with resources.files("bilateral.data").joinpath("icews/sectors.tsv").open(encoding="utf-8") as f:
        return {r["name"].lower(): r["code"][:3] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}


def icews_country(name: str) -> Optional[str]:
    """An ICEWS country name ("Russian Federation") -> ISO code, or None when ICEWS's list lacks it."""
    return _icews_countries()[0].get(name.strip().lower()) if name else None


def icews_country_name(code: Optional[str]) -> Optional[str]:
    """An ISO code -> the country name ICEWS writes, or None for codes that are not in its list."""
    return _icews_countries()[1].get(code) if code else None


def cow_number(code: Optional[str]) -> Optional[str]:
    """An ISO code -> its Correlates of War state number, as POLECAT's COW columns hold it."""
    return _icews_countries()[2].get(code) if code else None


def is_country(code: Optional[str]) -> bool:
    """Whether a code is a country's (ISO 3166-1 alpha-3, Kosovo's XKX, a former state's ISO 3166-3 code such
    as SUN), not an international body's."""
    if not code or len(code) != 3:
        return False
    import pycountry
    return bool(icews_country_name(code) or pycountry.countries.get(alpha_3=code)
                or pycountry.historic_countries.get(alpha_3=code))


def icews_sector(names: str) -> Optional[str]:
    """The first sector of an ICEWS sector list ("Government,Executive") as a sector code ("GOV")."""
    for name in (names or "").split(","):
        code = _icews_sectors().get(name.strip().lower())
        if code:
            return code
    return None


def icews_sector_name(code: Optional[str]) -> str:
    """A sector code -> the ICEWS sector name written for it ("" when ICEWS has none)."""
    return ICEWS_SECTOR_NAMES.get(code or "", "")


@functools.lru_cache(maxsize=4096)
def resolve_name(name: str) -> Optional[str]:
    """The code of a country or international body named in words ("Chile", "United Nations"), or None."""
    if not (name or "").strip():
        return None
    from ..errors import UnknownCountry
    from ..nlp.gazetteer import Gazetteer
    try:
        return Gazetteer.load().resolve_country(name)
    except UnknownCountry:
        return None
