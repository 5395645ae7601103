"""Paths, folders, globs and JSONL lines turned into RawDocuments, with every failure yielded as an InputError.

One bad input never stops the others: the caller decides what to do with the errors.
"""
from __future__ import annotations

import codecs
import glob
import json
import os
from typing import Iterable, Iterator, Optional, Union

from bilateral.errors import InputError
from bilateral.model import RawDocument

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
           ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
METADATA_FIELDS = ("url", "title", "published", "outlet", "author")
# Other names the same fields go by in common news dumps and crawlers, tried after the canonical one.
FIELD_ALIASES = {
    "url": ("link", "source_url"),
    "title": ("headline",),
    "published": ("date", "published_at", "publish_date", "date_publish", "date_published", "datePublished",
                  "pubdate", "pub_date", "datetime"),
    "outlet": ("source", "publisher", "site_name", "source_domain", "site"),
    "author": ("authors", "byline", "creator"),
    "text": ("content", "body", "maintext", "article", "article_text"),
}

Result = Union[RawDocument, InputError]


def read_sources(paths: Iterable[str]) -> Iterator[Result]:
    """Every document under the given files, folders (recursive, sorted) and glob patterns, in a fixed order."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for given in paths:
        yield from _read_given(str(given))


def _read_given(given: str) -> Iterator[Result]:
    """One argument: a folder, a file, or a pattern."""
    if os.path.isdir(given):
        for path in _walk(given):
            yield from _read_file(path, named=False)
    elif os.path.isfile(given):
        yield from _read_file(given, named=True)
    elif glob.has_magic(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            yield InputError(given, "no file matches this pattern", "missing")
        for match in matches:
            if os.path.isdir(match):
                for path in _walk(match):
                    yield from _read_file(path, named=False)
            else:
                yield from _read_file(match, named=False)
    else:
        yield InputError(given, "no such file or folder", "missing")


# A folder's own notes are not articles: README.md beside the documents describes them.
FOLDER_NOTES = ("readme", "license", "licence", "changelog", "contributing")


def _walk(folder: str) -> Iterator[str]:
    """Files under a folder, depth first in name order; hidden files and the folder's notes left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not name.lower().startswith(FOLDER_NOTES):
                yield os.path.join(root, name)


def _read_file(path: str, named: bool) -> Iterator[Result]:
    """One file: its documents, or the reason it has none (unsupported files in folders pass silently)."""
    suffix = os.path.splitext(path)[1].lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        if named:
            supported = ", ".join(sorted(FORMATS))
            yield InputError(path, f"unsupported file type {suffix or '(no extension)'!r}; "
                                   f"supported: {supported}", "format")
        return
    text = _decode(path)
    if isinstance(text, InputError):
        yield text
    elif fmt == "jsonl":
        yield from _read_jsonl(path, text)
    else:
        yield RawDocument(source_path=path, text=text, format=fmt)


def _decode(path: str) -> Union[str, InputError]:
    """The file's text as UTF-8 (a BOM is dropped), or why it cannot be read as text."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        return InputError(path, f"cannot be read: {exc.strerror or exc}", "unreadable")
    nul = data.find(b"\x00")
    if nul >= 0:
        return InputError(path, f"binary file (NUL byte at byte {nul}), not text", "binary")
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = skip + exc.start
        return InputError(path, f"not valid UTF-8: byte 0x{data[at]:02x} at byte {at} ({exc.reason})", "encoding")
    if not text.strip():
        return InputError(path, "empty file (no text)" if not text else "file holds only whitespace", "empty")
    return text


def _read_jsonl(path: str, text: str) -> Iterator[Result]:
    """One document per non-blank line; a bad line is an error of its own and the rest still come."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _jsonl_document(path, lineno, line)


def _jsonl_document(path: str, lineno: int, line: str) -> Result:
    """A JSONL line as a RawDocument, its source_path the line's url or "path#Lnumber"."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(path, f"line {lineno}: invalid JSON ({exc.msg} at column {exc.colno})", "jsonl")
    if not isinstance(record, dict):
        return InputError(path, f"line {lineno}: expected a JSON object, got {type(record).__name__}", "jsonl")
    meta = {k: _field(record, k) for k in METADATA_FIELDS}
    body, fmt = _field(record, "text"), "text"
    if not (body and body.strip()):
        body, fmt = _as_text(record.get("html")), "html"
    if not (body and body.strip()):
        return InputError(path, f"line {lineno}: has neither a non-empty 'text' (or 'content', 'body', "
                                f"'maintext') nor 'html' field", "jsonl")
    return RawDocument(source_path=meta["url"] or f"{path}#L{lineno}", text=body, format=fmt, **meta)


def _field(record: dict, name: str) -> Optional[str]:
    """A field by its own name, else by the first of its usual other names that holds a value."""
    for key in (name, *FIELD_ALIASES.get(name, ())):
        value = record.get(key)
        if isinstance(value, list) and name == "author":   # "authors": ["A", "B"]
            value = "; ".join(v for v in value if isinstance(v, str) and v.strip()) or None
        value = _as_text(value)
        if value is not None:
            return value
    return None


def _as_text(value: object) -> Optional[str]:
    """A metadata value as a string: numbers become text (a year), anything else not a string is dropped."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return value if isinstance(value, str) and value.strip() else None
