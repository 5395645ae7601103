"""JSON Lines: one document per line, each field checked for its type before it is believed.

`text` (or `html`) must be a string: a line without one is an error of its own. A metadata
field of the wrong type, a date that is not one, or an unpaired surrogate is a warning: the
document is read without that value. A line that is not JSON, too long, too deeply nested
or holding a number too long to read is an error, and the lines after it still come.
"""
from __future__ import annotations

import json
import os
import re
from typing import Iterator, Optional, Union

from bilateral.errors import InputError, InputWarning
from bilateral.model import RawDocument
from bilateral.read.dates import parse_date
from bilateral.read.decode import BOMS, decode
from bilateral.read.files import capped_lines, open_regular, read_text

METADATA_FIELDS = ("url", "title", "published", "outlet", "author")
# Other names the same fields go by in common news dumps and crawlers, tried after the canonical one.
# Their values are taken only when they are of the right type: under another name a field may mean
# something else, so a wrong type there is passed over without a word.
FIELD_ALIASES = {
    "url": ("link", "source_url"),
    "title": ("headline",),
    "published": ("date", "published_at", "publish_date", "date_publish", "date_published", "datePublished",
                  "pubdate", "pub_date", "datetime"),
    "outlet": ("source", "publisher", "site_name", "source_domain", "site"),
    "author": ("authors", "byline", "creator"),
    "text": ("content", "body", "maintext", "article", "article_text"),
}
_SURROGATE = re.compile("[\ud800-\udfff]")

Result = Union[RawDocument, InputError]


def read_jsonl(path: str, limit: int) -> Iterator[Result]:
    """Every line of a JSON Lines file as a document or an error, read a line at a time."""
    fd = open_regular(path)
    if isinstance(fd, InputError):
        yield fd
        return
    head = os.pread(fd, 4, 0)
    if any(head.startswith(bom) for bom, enc in BOMS if enc != "utf-8"):
        os.close(fd)
        yield from _whole_file(path, limit)   # UTF-16 or UTF-32: decoded as one text
        return
    for lineno, raw in capped_lines(path, fd, limit):
        if raw is None:
            yield InputError(path, f"line {lineno}: longer than the limit of {limit:,} bytes: not read", "size")
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        decoded = decode(raw)
        if decoded.text is None:
            yield InputError(path, f"line {lineno}: {decoded.reason}", "jsonl")
            continue
        if decoded.warning:
            yield InputWarning(path, f"line {lineno}: {decoded.warning}", "encoding")
        yield from line_document(path, lineno, decoded.text)


def _whole_file(path: str, limit: int) -> Iterator[Result]:
    decoded = read_text(path, limit)
    if isinstance(decoded, InputError):
        yield decoded
        return
    for lineno, line in enumerate(decoded.text.split("\n"), start=1):
        if line.strip():
            yield from line_document(path, lineno, line.rstrip("\r"))


def line_document(path: str, lineno: int, line: str) -> Iterator[Result]:
    """A JSONL line as a RawDocument (its source_path the line's url or "path#Lnumber"), after its warnings;
    or the error that keeps it from being one."""
    at = f"line {lineno}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputError(path, f"{at}: invalid JSON ({exc.msg} at column {exc.colno})", "jsonl")
        return
    except (ValueError, RecursionError) as exc:   # a number of thousands of digits; nesting past the stack
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(";")[0]
        yield InputError(path, f"{at}: cannot be read as JSON ({reason})", "jsonl")
        return
    if not isinstance(record, dict):
        yield InputError(path, f"{at}: expected a JSON object, got {_kind(record)}", "jsonl")
        return
    warnings: list = []
    meta = {k: _field(record, k, warnings) for k in METADATA_FIELDS}
    if meta["published"] is not None and parse_date(meta["published"]) is None:
        warnings.append(f"'published' is not a date ({_shown(meta['published'])}): left out")
        meta["published"] = None
    body, fmt, why = _body(record, warnings)
    for w in warnings:
        yield InputWarning(path, f"{at}: {w}", "field")
    if body is None:
        yield InputError(path, f"{at}: {why}", "jsonl")
        return
    yield RawDocument(source_path=meta["url"] or f"{path}#L{lineno}", text=body, format=fmt, **meta)


def _body(record: dict, warnings: list) -> tuple:
    """(text, format, None) from `text` or its other names, else from `html`; (None, None, reason) if neither."""
    body = _field(record, "text", warnings)
    if body is not None and body.strip():
        return body, "text", None
    html = record.get("html")
    if html is not None and not isinstance(html, str):
        return None, None, f"'html' is {_kind(html)}, not a string"
    if html is not None and html.strip():
        return _unpaired(html, "html", warnings), "html", None
    if record.get("text") is not None and not isinstance(record.get("text"), str):
        return None, None, f"'text' is {_kind(record['text'])}, not a string"
    return None, None, "has neither a non-empty 'text' (or 'content', 'body', 'maintext') nor 'html' field"


def _field(record: dict, name: str, warnings: list) -> Optional[str]:
    """A field by its own name (a wrong type reported), else by the first of its other names that holds a value."""
    value = record.get(name)
    if value is not None:
        got = _typed(name, value)
        if got is None and not (isinstance(value, str) and not value.strip()):
            if name != "text":   # a text of the wrong type is the line's error, said by _body
                warnings.append(f"'{name}' is {_kind(value)}, not {_WANTED.get(name, 'a string')}: left out")
        elif got is not None:
            return _unpaired(got, name, warnings)
    for key in FIELD_ALIASES.get(name, ()):
        got = _typed(name, record.get(key))
        if got is not None:
            return _unpaired(got, key, warnings)
    return None


_WANTED = {"author": "a string or a list of strings", "published": "a string or a year"}


def _typed(name: str, value: object) -> Optional[str]:
    """The value as the string a field holds, or None when it is absent, blank or of the wrong type."""
    if isinstance(value, list) and name == "author":   # "authors": ["A", "B"]
        value = "; ".join(v for v in value if isinstance(v, str) and v.strip()) or None
    if name == "published" and type(value) is int and 1000 <= value <= 9999:   # a year
        return str(value)
    return value if isinstance(value, str) and value.strip() else None


def _unpaired(value: str, name: str, warnings: list) -> str:
    """The value with unpaired surrogates (not text: UTF-8 cannot hold them) replaced by U+FFFD."""
    if _SURROGATE.search(value):
        warnings.append(f"'{name}' holds an unpaired surrogate: replaced by U+FFFD")
        return _SURROGATE.sub("\ufffd", value)
    return value


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return {dict: "an object", list: "a list", str: "a string", type(None): "null"}.get(type(value), "a value")


def _shown(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:40] + "...")
