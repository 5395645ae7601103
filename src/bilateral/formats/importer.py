"""Import event files of other datasets into the store, streamed in chunks: memory stays flat whatever
the file's size. Each file's events replace those of an earlier import of the same file; they never
mix with the record's own events."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..errors import BilateralError, InputError
from ..model import EXTERNAL_DATASETS, Record
from ..store_external import ExternalStore
from .lines import BadRow

CHUNK_ROWS = 20_000
REPORTED_ROWS = 1_000   # bad rows kept for the report; the rest are counted
RELEASE_EVERY = 10      # chunks between dropping DuckDB's cache of written blocks


@dataclass
class ImportReport(Record):
    """What an import read: files, events stored, bad rows (the first REPORTED_ROWS with their reason)."""

    dataset: str
    files: list = field(default_factory=list)
    stored: int = 0
    bad_rows: int = 0
    rows: list = field(default_factory=list)     # "file:line: reason" of the first bad rows
    errors: list = field(default_factory=list)   # files that could not be read: "file: reason"


def reader(dataset: str) -> Callable:
    """The row reader of a dataset: path -> iterator of ExternalEvent or BadRow."""
    if dataset not in EXTERNAL_DATASETS:
        raise BilateralError(f"unknown dataset {dataset!r}: use one of {', '.join(EXTERNAL_DATASETS)}")
    from . import gdelt, icews, polecat
    return {"gdelt": gdelt.read, "icews": icews.read, "polecat": polecat.read}[dataset]


def import_files(store, dataset: str, paths: Iterable[str], chunk_rows: int = CHUNK_ROWS,
                 progress: Optional[Callable[[int], None]] = None) -> ImportReport:
    """Read each file and store its events under one import, chunk by chunk; a file that fails leaves
    what was stored before it (and any earlier import of it) as it was."""
    read = reader(dataset)
    external = ExternalStore(store)
    report = ImportReport(dataset)
    for path in paths:
        label = str(Path(path).resolve())
        import_id = external.begin_import(dataset, label)
        stored = bad = chunks = 0
        chunk: list = []
        try:
            for item in read(str(path)):
                if isinstance(item, BadRow):
                    bad += 1
                    if len(report.rows) < REPORTED_ROWS:
                        report.rows.append(str(item))
                    continue
                chunk.append(item)
                if len(chunk) >= chunk_rows:
                    external.append(import_id, chunk)
                    stored, chunks, chunk = stored + len(chunk), chunks + 1, []
                    if progress:
                        progress(chunk_rows)
                    if chunks % RELEASE_EVERY == 0:
                        store.release_cache()
            if chunk:
                external.append(import_id, chunk)
                stored += len(chunk)
                if progress:
                    progress(len(chunk))
        except InputError as exc:
            external.abandon_import(import_id)
            report.errors.append(str(exc))
            continue
        except BaseException:
            external.abandon_import(import_id)
            raise
        if stored == 0 and bad:
            external.abandon_import(import_id)
            report.errors.append(f"{path}: no row could be read as {dataset} ({bad} bad rows)")
        else:
            external.finish_import(import_id, stored, bad)
            report.files.append(str(path))
        report.stored += stored
        report.bad_rows += bad
    return report
