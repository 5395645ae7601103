"""Markdown read as plain text: each line's kind and which of its characters are words rather than markup.

The result is a list of kept character spans per line, so cleaned text can always
point back to the source characters it came from.
"""
from __future__ import annotations

import re
from typing import List, Tuple

Spans = List[Tuple[int, int]]

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_RULE = re.compile(r"^\s*([-*_=~])(?:\s*\1){2,}\s*$")
_ITEM = re.compile(r"^\s*(?:[*+\-•▪◦]|\d{1,3}[.)])[ \t]+(?=\S)")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.{1,300}?)(?<=[^\s*_])\1(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")


def line_markup(line: str) -> Tuple[str, Spans]:
    """The kind of a line ("blank", "rule", "heading", "item", "text") and the spans of it that are text."""
    if not line.strip():
        return "blank", []
    if _RULE.match(line):
        return "rule", []
    keep = [True] * len(line)
    kind = "text"
    m = _HEADING.match(line)
    if m:
        kind = "heading"
        _drop(keep, 0, m.start(2))
        _drop(keep, m.end(2), len(line))
    else:
        m = _ITEM.match(line) or _QUOTE.match(line)
        if m:
            kind = "item" if _ITEM.match(line) else "text"
            _drop(keep, 0, m.end())
    _drop_inline(line, keep)
    return kind, _trimmed_spans(line, keep)


def _drop(keep: list, start: int, end: int) -> None:
    for i in range(start, end):
        keep[i] = False


def _drop_inline(line: str, keep: list) -> None:
    """Unmark images, link targets, bold, italic and code markers; their words stay."""
    for m in _IMAGE.finditer(line):
        _drop(keep, m.start(), m.end())
    for m in _LINK.finditer(line):
        if keep[m.start()]:
            _drop(keep, m.start(), m.start(1))
            _drop(keep, m.end(1), m.end())
    work = list(line)
    for m in _BOLD.finditer(line):
        for a, b in ((m.start(), m.start(2)), (m.end(2), m.end())):
            _drop(keep, a, b)
            work[a:b] = "\x01" * (b - a)
    for m in _ITALIC.finditer("".join(work)):
        _drop(keep, m.start(), m.start(2))
        _drop(keep, m.end(2), m.end())
    for m in _CODE.finditer(line):
        _drop(keep, m.start(), m.start(1))
        _drop(keep, m.end(1), m.end())


def _trimmed_spans(line: str, keep: list) -> Spans:
    """Runs of kept characters, without whitespace at either end of the line's text."""
    idx = [i for i, k in enumerate(keep) if k]
    lo, hi = 0, len(idx)
    while lo < hi and line[idx[lo]].isspace():
        lo += 1
    while hi > lo and line[idx[hi - 1]].isspace():
        hi -= 1
    spans: Spans = []
    for i in idx[lo:hi]:
        if spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans
