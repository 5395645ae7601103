"""The gazetteer: names of countries, places, people, bodies and role nouns, resolved to codes.

Codes are ISO 3166-1 alpha-3 for countries and short upper-case codes for international
bodies ("UN", "EU", "ASEAN").  The shipped tables are built by tools/build_gazetteer.py
from pycountry and the Phoenix dictionaries (see data/gazetteer/SOURCE.md).
"""
from __future__ import annotations

import csv
import difflib
import functools
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import pycountry
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from bilateral.errors import UnknownCountry

# Which reading of a surface wins when it has several ("georgia": the country before a place).
KIND_RANK = {"country": 0, "capital": 1, "demonym": 2, "igo": 3, "org": 4, "place": 5, "person": 6}
COUNTRY_KINDS = ("country", "demonym", "capital", "igo")


@dataclass(frozen=True)
class Entry:
    """One reading of a surface: its code, kind and sector, valid from start to end (ISO dates)."""

    surface: str
    code: Optional[str]
    kind: str
    sector: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None

    def covers(self, date: str) -> bool:
        """Whether a partial ISO date falls in this entry's range (open ends are unbounded)."""
        if self.start and date < self.start[:len(date)]:
            return False
        if self.end and date > self.end[:len(date)]:
            return False
        return True


def _entry(row: dict) -> Entry:
    return Entry(row["surface"].strip().lower(), row.get("code") or None, row.get("kind") or "org",
                 row.get("sector") or None, row.get("start") or None, row.get("end") or None)


def _read_tsv(text: str) -> list[dict]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if lines and lines[0].split("\t")[0].strip().lower() != "surface":
        lines.insert(0, "surface\tcode\tkind\tsector")
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_user_entries(path: str | Path) -> list[Entry]:
    """A user dictionary: TSV (surface, code, kind, sector) or a JSON list of objects with those keys."""
    text = Path(path).read_text(encoding="utf-8")
    rows = json.loads(text) if text.lstrip().startswith("[") else _read_tsv(text)
    return [_entry(r) for r in rows if r.get("surface")]


class Gazetteer:
    """Surface -> readings, code -> display name, role noun -> sector; phrase matchers built once."""

    def __init__(self, entries: Iterable[Entry], names: dict[str, str], agents: dict[str, str]):
        self.entries: dict[str, list[Entry]] = {}
        for e in entries:
            self.entries.setdefault(e.surface, []).append(e)
        self.names = names
        self.agents = agents
        self.codes = set(names)
        self._matchers: dict = {}
        self._holders: Optional[dict] = None

    @classmethod
    def load(cls, extra: str | Path | None = None) -> "Gazetteer":
        """The shipped gazetteer (cached), or a new one where a user dictionary overrides it."""
        if extra is None:
            return _shipped()
        base = _shipped()
        user = read_user_entries(extra)
        replaced = {e.surface for e in user}
        kept = [e for s, es in base.entries.items() if s not in replaced for e in es]
        names = dict(base.names)
        for e in user:
            if e.code and e.code not in names and e.kind in ("country", "igo"):
                names[e.code] = e.surface.title()
        return cls(kept + user, names, base.agents)

    # --- lookups ----------------------------------------------------------

    def readings(self, surface: str) -> list[Entry]:
        """Every entry of a surface, best kind first."""
        return sorted(self.entries.get(surface.strip().lower(), []), key=lambda e: KIND_RANK.get(e.kind, 9))

    def lookup(self, surface: str, date: str | None = None) -> Optional[Entry]:
        """The reading of a surface to use, on a date when given.

        A person's dated roles are tried first; outside every range the person still
        belongs to their country (the most frequent code among their roles)."""
        found = self.readings(surface)
        if not found:
            return None
        if found[0].kind != "person":   # a dated reading that covers the date, else one still current
            dated = [e for e in found if (e.start or e.end) and date and e.covers(date)]
            return (dated or [e for e in found if not e.end] or found)[0]
        dated = [e for e in found if e.start or e.end]
        undated = [e for e in found if not (e.start or e.end)]
        if date:
            hits = [e for e in dated if e.covers(date)]
            if hits:
                return sorted(hits, key=lambda e: e.sector != "GOV")[0]
        elif dated:
            return max(dated, key=lambda e: e.end or "9999")
        code = Counter(e.code for e in found).most_common(1)[0][0]
        sector = undated[0].sector if undated else None
        return Entry(found[0].surface, code, "person", sector)

    def office_holder(self, surname: str, date: str) -> Optional[Entry]:
        """A person the dictionary has in a state office on that date under this surname ("Reagan" in 1987),
        or None when there is none or those there are hold offices of different states."""
        if self._holders is None:
            self._holders = {}
            for surface, found in self.entries.items():
                for e in found:
                    if e.kind == "person" and e.code and e.sector == "GOV" and e.start and e.end and " " in surface:
                        self._holders.setdefault(surface.rsplit(" ", 1)[1], []).append(e)
        hits = [e for e in self._holders.get(surname.lower(), ()) if e.covers(date)]
        return hits[0] if len({e.code for e in hits}) == 1 else None

    def agent_sector(self, noun: str) -> Optional[str]:
        """Sector of a role noun ("minister" -> GOV, "troops" -> MIL), or None."""
        return self.agents.get(noun.strip().lower())

    def name(self, code: str) -> str:
        """Short English display name of a code ("KOR" -> "South Korea", "UN" -> "United Nations")."""
        return self.names.get(code, code)

    def resolve_country(self, text: str) -> str:
        """A country or body argument -> its code: codes, names, short forms, demonyms, capitals.

        Raises UnknownCountry naming the closest known names when nothing fits."""
        raw = text.strip()
        if not raw:
            raise UnknownCountry("empty country name")
        key = raw.lower()
        if raw.upper() in self.codes and (raw.isupper() or len(raw) == 3):
            return raw.upper()
        if len(raw) == 2 and raw.isalpha() and raw.isupper():
            c = pycountry.countries.get(alpha_2=raw.upper())
            if c:
                return c.alpha_3
        for k in (key, key[4:] if key.startswith("the ") else None):
            for e in self.readings(k) if k else []:
                if e.kind in COUNTRY_KINDS and e.code:
                    return e.code
        if len(raw) == 2 and raw.isalpha():
            c = pycountry.countries.get(alpha_2=raw.upper())
            if c:
                return c.alpha_3
        close = difflib.get_close_matches(key, [n.lower() for n in self.names.values()], n=3, cutoff=0.6) \
            or difflib.get_close_matches(key, self._country_surfaces(), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c.title()) for c in close)}?" if close else \
            "; use an ISO 3166-1 code such as 'DEU' or an English name such as 'Germany'"
        raise UnknownCountry(f"unknown country {raw!r}{hint}")

    def _country_surfaces(self) -> list[str]:
        return [s for s, es in self.entries.items() if any(e.kind in ("country", "igo") for e in es)]

    # --- matchers -----------------------------------------------------------

    def matcher(self, nlp: Language) -> PhraseMatcher:
        """A case-blind phrase matcher over every surface, built once per vocabulary."""
        return self._matcher(nlp, "entries", self.entries)

    def _matcher(self, nlp: Language, which: str, surfaces: Iterable[str]) -> PhraseMatcher:
        key = (which, id(nlp.vocab))
        if key not in self._matchers:
            m = PhraseMatcher(nlp.vocab, attr="LOWER")
            keys = sorted(_written(surfaces))
            for start in range(0, len(keys), 5000):
                chunk = keys[start:start + 5000]
                m.add(which, list(nlp.tokenizer.pipe(chunk)))
            self._matchers[key] = m
        return self._matchers[key]


def _written(surfaces: Iterable[str]) -> set:
    """The surfaces, and for those with a dot also as they are written in capitals: the tokenizer keeps
    "U.K." whole as written but splits the lower-case "u.k." it was listed as, and the matcher compares
    token by token."""
    out = set(surfaces)
    for s in list(out):
        if "." in s:
            out.update((s.upper(), s.title()))
    return out


DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


def _data(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def _shipped() -> Gazetteer:
    entries = [_entry(r) for r in csv.DictReader(_data("entries.tsv").splitlines(), delimiter="\t",
                                                  quoting=csv.QUOTE_NONE)]
    names = {r["code"]: r["name"] for r in csv.DictReader(_data("names.tsv").splitlines(), delimiter="\t",
                                                           quoting=csv.QUOTE_NONE)}
    agents = {r["noun"]: r["sector"] for r in csv.DictReader(_data("agents.tsv").splitlines(), delimiter="\t",
                                                              quoting=csv.QUOTE_NONE)}
    return Gazetteer(entries, names, agents)
