"""Rules as data: the words and tables the stages read, one TOML file per kind, each entry once.

    numbers.toml     number words (cardinal, ordinal), scale words, fractions, vague quantities
    calendar.toml    months, weekdays, parts of the day, seasons, units of time
    currencies.toml  currency symbols, ISO 4217 codes, currency names
    units.toml       count nouns (people, companies, projects), words before numbers that name things,
                     qualifier phrases ("more than", "about")
    metrics.toml     what a figure measures: money and people terms, rank roles, metric families
    triggers.toml    the event lexicon: trigger verbs and nouns, the objects they need, their CAMEO code
    moods.toml       words of mood and aspect: intending, planning, preventing, reporting, continuing
    actors.toml      words of actor phrases: titles, institutions, business names
    events.toml      words the event extractor reads the parse with: light verbs, pair nouns, ...

`load(extra)` reads the shipped files and, when `extra` names a folder (`Options.lexicon`), the
files of the same names there: their lists are added to the shipped ones, their tables update them,
and their trigger rules are tried before the shipped ones. A loaded lexicon is immutable and
hashable, so what a stage compiles from it is cached per lexicon.
"""
from __future__ import annotations

import functools
import sys
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Optional

from ..errors import LexiconError

if sys.version_info >= (3, 11):
    import tomllib
else:   # pragma: no cover - Python 3.10
    import tomli as tomllib

FILES = ("numbers", "calendar", "currencies", "units", "metrics", "triggers", "moods", "actors", "events")


class Lexicon:
    """The loaded rule files. Keys are dotted paths: `lex.words("moods.intend")`, `lex.table("numbers.scales")`."""

    def __init__(self, data: dict, sources: tuple):
        self._data = data
        self.sources = sources

    def __hash__(self) -> int:
        return hash(self.sources)

    def __eq__(self, other) -> bool:
        return isinstance(other, Lexicon) and other.sources == self.sources

    def __repr__(self) -> str:
        return f"Lexicon({', '.join(self.sources)})"

    def value(self, key: str) -> Any:
        node: Any = self._data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"the lexicon has no {key!r}")
            node = node[part]
        return node

    def words(self, key: str) -> frozenset:
        """A word list as a set."""
        return frozenset(self.value(key))

    def items(self, key: str) -> tuple:
        """A list in its written order."""
        return tuple(self.value(key))

    def table(self, key: str) -> MappingProxyType:
        """A table (word -> value), read-only."""
        return MappingProxyType(self.value(key))


def _read(path, name: str) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{name}: {exc}") from exc


def _merge(base: Any, extra: Any, key: str) -> Any:
    """Extra lists add to shipped ones (trigger rules go first, so they are tried first); tables merge."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(base[k], v, f"{key}.{k}") if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        if key == "triggers.rules":
            return extra + base
        return base + [x for x in extra if x not in base]
    if type(base) is not type(extra) and not (isinstance(base, (int, float)) and isinstance(extra, (int, float))):
        raise LexiconError(f"{key}: expected {type(base).__name__}, got {type(extra).__name__}")
    return extra


@functools.lru_cache(maxsize=8)
def load(extra: Optional[str] = None) -> Lexicon:
    """The shipped lexicon, extended by the files of the folder `extra` when given."""
    shipped = resources.files(__name__)
    data = {name: _read(shipped / f"{name}.toml", f"{name}.toml") for name in FILES}
    sources = ("shipped",)
    if extra:
        folder = Path(extra)
        if not folder.is_dir():
            raise LexiconError(f"{extra}: no such lexicon folder")
        found = [p for p in sorted(folder.glob("*.toml"))]
        unknown = [p.name for p in found if p.stem not in FILES]
        if unknown:
            raise LexiconError(f"{extra}: unknown lexicon files {', '.join(unknown)} (known: "
                               f"{', '.join(f + '.toml' for f in FILES)})")
        for p in found:
            data[p.stem] = _merge(data[p.stem], _read(p, str(p)), p.stem)
        sources += (str(folder.resolve()),)
    return Lexicon(data, sources)


SHIPPED = load()
