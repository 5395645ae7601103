"""Paths, folders, globs and JSONL lines turned into RawDocuments, with every failure yielded as an InputError.

One bad input never stops the others: the caller decides what to do with the errors (and with
the InputWarnings, which come before the document they are about).
"""
from __future__ import annotations

import glob
import os
from typing import Iterable, Iterator, Union

from bilateral.errors import InputError, InputWarning
from bilateral.model import RawDocument
from bilateral.read.files import read_text
from bilateral.read.jsonl import read_jsonl

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
           ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
DEFAULT_MAX_BYTES = 5_000_000

Result = Union[RawDocument, InputError]


def read_sources(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Result]:
    """Every document under the given files, folders (recursive, sorted) and glob patterns, in a fixed order.

    A file over `max_bytes` (for JSON Lines: a line over it) is refused with its size, unread."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for given in paths:
        yield from _read_given(str(given), max_bytes)


def _read_given(given: str, limit: int) -> Iterator[Result]:
    """One argument: a folder, a file (or anything else that is there), or a pattern."""
    if os.path.isdir(given):
        yield from _read_folder(given, limit)
    elif os.path.lexists(given):
        yield from _read_file(given, True, limit)
    elif glob.has_magic(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            yield InputError(given, "no file matches this pattern", "missing")
        for match in matches:
            if os.path.isdir(match):
                yield from _read_folder(match, limit)
            else:
                yield from _read_file(match, False, limit)
    else:
        yield InputError(given, "no such file or folder", "missing")


def _read_folder(folder: str, limit: int) -> Iterator[Result]:
    for item in _walk(folder):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _read_file(item, False, limit)


# A folder's own notes are not articles: README.md beside the documents describes them.
FOLDER_NOTES = ("readme", "license", "licence", "changelog", "contributing")


def _walk(folder: str) -> Iterator[Union[str, InputError]]:
    """Files under a folder, depth first in name order; hidden files and the folder's notes left out.

    A sub-folder that cannot be listed is an error; a symbolic link to a folder is not followed (a link
    back up would never end) and is said so."""
    unreadable: list = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        while unreadable:
            exc = unreadable.pop(0)
            yield InputError(exc.filename or root, f"folder cannot be read: {exc.strerror or exc}", "unreadable")
        linked = sorted(d for d in dirs if not d.startswith(".") and os.path.islink(os.path.join(root, d)))
        for d in linked:
            yield InputWarning(os.path.join(root, d), "a symbolic link to a folder: not followed", "symlink")
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in linked)
        for name in sorted(files):
            if not name.startswith(".") and not name.lower().startswith(FOLDER_NOTES):
                yield os.path.join(root, name)
    for exc in unreadable:
        yield InputError(exc.filename or folder, f"folder cannot be read: {exc.strerror or exc}", "unreadable")


def _read_file(path: str, named: bool, limit: int) -> Iterator[Result]:
    """One file: its documents, or the reason it has none (unsupported files in folders pass silently).

    Whatever goes wrong reading it is that file's error: the files after it are still read."""
    try:
        yield from _file_results(path, named, limit)
    except Exception as exc:
        yield InputError(path, f"could not be read: {type(exc).__name__}: {exc}"[:300], "unreadable")


def _file_results(path: str, named: bool, limit: int) -> Iterator[Result]:
    suffix = os.path.splitext(path)[1].lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        if named:
            supported = ", ".join(sorted(FORMATS))
            yield InputError(path, f"unsupported file type {suffix or '(no extension)'!r}; "
                                   f"supported: {supported}", "format")
        return
    if fmt == "jsonl":
        yield from read_jsonl(path, limit)
        return
    decoded = read_text(path, limit)
    if isinstance(decoded, InputError):
        yield decoded
        return
    if not decoded.text.strip():
        yield InputError(path, "empty file (no text)" if not decoded.text else "file holds only whitespace", "empty")
        return
    if decoded.warning:
        yield InputWarning(path, decoded.warning, "encoding")
    yield RawDocument(source_path=path, text=decoded.text, format=fmt)
