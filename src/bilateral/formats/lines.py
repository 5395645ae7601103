"""Reading and writing the datasets' tab-separated files: lines streamed from plain, gzip or zip files,
bad rows named by file and line, dates in the datasets' spellings, cells made safe to write."""
from __future__ import annotations

import datetime
import gzip
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional

from ..errors import InputError


@dataclass(frozen=True)
class BadRow:
    """A row that could not be read, with where it stands and why."""

    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}"


class RowProblem(ValueError):
    """Raised by a row parser; the reader turns it into a BadRow."""


def numbered_lines(path: str | Path) -> Iterator[tuple[str, int, str | BadRow]]:
    """(source, line number, text) for every line of a file, streamed; zip members one after another.

    A line that is not UTF-8 comes as a BadRow. A file that cannot be opened raises InputError."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such file")
    if not p.is_file():
        raise InputError(str(path), "not a regular file")
    try:
        if zipfile.is_zipfile(p):
            with zipfile.ZipFile(p) as z:
                members = [m for m in z.infolist() if not m.is_dir()]
                if not members:
                    raise InputError(str(path), "an empty zip archive")
                for m in members:
                    label = str(path) if len(members) == 1 else f"{path}:{m.filename}"
                    with z.open(m) as f:
                        yield from _lines(label, f)
            return
        with open(p, "rb") as raw:
            magic = raw.read(4)
        if magic == b"PK\x03\x04":
            raise InputError(str(path), "a damaged or truncated zip archive")
        gzipped = magic[:2] == b"\x1f\x8b"
        with (gzip.open(p, "rb") if gzipped else open(p, "rb")) as f:
            yield from _lines(str(path), f)
    except (OSError, EOFError, zipfile.BadZipFile) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc


def _lines(label: str, f) -> Iterator[tuple[str, int, str | BadRow]]:
    for n, raw in enumerate(f, 1):
        try:
            yield label, n, raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as exc:
            yield label, n, BadRow(label, n, f"not UTF-8 (byte {exc.start})")


_DAYS: dict = {}


def iso_day(text: str, field: str) -> str:
    """A day written YYYYMMDD or YYYY-MM-DD (a time after it ignored) as YYYY-MM-DD; RowProblem if invalid."""
    found = _DAYS.get(text)
    if found:
        return found
    t = text.strip()
    digits = t[:8] if t[:8].isdigit() else t[:10].replace("-", "")
    try:
        if len(digits) != 8 or not digits.isdigit():
            raise ValueError
        day = datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).isoformat()
    except ValueError:
        raise RowProblem(f"{field} {text!r} is not a date") from None
    if len(_DAYS) < 100_000:
        _DAYS[text] = day
    return day


def cut_to_precision(day: str, precision: Optional[str]) -> str:
    """A full day cut back to the precision it was known to ("month": "1953-01")."""
    return {"year": day[:4], "month": day[:7]}.get((precision or "").strip().lower(), day)


def precision(date: str) -> str:
    return {4: "year", 7: "month"}.get(len(date), "day")


def first_day(date: str) -> str:
    """The first day a partial ISO date covers ("1953" -> "1953-01-01")."""
    return date + ("-01-01" if len(date) == 4 else "-01" if len(date) == 7 else "")


def number(text: str, field: str) -> Optional[float]:
    """A decimal cell as a float (None when blank); RowProblem when it is not a number."""
    t = text.strip()
    if not t or t in ("None", "NA"):
        return None
    try:
        return float(t)
    except ValueError:
        raise RowProblem(f"{field} {text!r} is not a number") from None


def blank(text: Optional[str]) -> Optional[str]:
    """A cell's text, None when empty or written as a missing value ("None", "NA")."""
    t = (text or "").strip()
    return None if t in ("", "None", "NA", "null") else t


def cell(value) -> str:
    """A value as a tab-separated cell: no tabs or line breaks inside, None as empty."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def read_with_header(path: str, required: tuple, dataset: str, parse: Callable) -> Iterator:
    """The rows of a tab-separated file whose first line names its columns, each as `parse(row, source, n)`
    gets it (column name -> cell), or as a BadRow; `dataset` names the format with its article."""
    index: Optional[dict] = None
    for source, n, line in numbered_lines(path):
        if isinstance(line, BadRow):
            yield line
            continue
        cells = line.split("\t")
        if index is None:
            index = header_index(cells, required, source, dataset)
            continue
        if not line.strip():
            continue
        if len(cells) < len(index):
            yield BadRow(source, n, f"{len(cells)} columns where the header names {len(index)}")
            continue
        try:
            yield parse({name: cells[i] for name, i in index.items()}, source, n)
        except RowProblem as exc:
            yield BadRow(source, n, str(exc))


def header_index(header: list, required: tuple, source: str, dataset: str) -> dict:
    """Column name -> position, checking that the file's header names every required column
    (`dataset` with its article: "an ICEWS")."""
    index = {name.strip(): i for i, name in enumerate(header)}
    missing = [c for c in required if c not in index]
    if missing:
        raise InputError(source, f"not {dataset} file: its first line lacks the column(s) "
                                 f"{', '.join(repr(m) for m in missing)}")
    return index
