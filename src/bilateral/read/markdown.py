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
# Emphasis opens and closes at word edges, so identifiers like "window.__flag__" keep their underscores.
_BOLD = re.compile(r"(?<![\w.])(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1(?![\w])")
_ITALIC = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.{1,300}?)(?<=[^\s*_])\1(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")
_MARKUP_CHARS = re.compile(r"[*_`\[]")


def line_markup(line: str) -> Tuple[str, Spans]:
    """The kind of a line ("blank", "rule", "heading", "item", "text") and the spans of it that are text."""
    if not line.strip():
        return "blank", []
    if _RULE.match(line):
        return "rule", []
    drops: Spans = []
    kind = "text"
    m = _HEADING.match(line)
    if m:
        kind = "heading"
        drops += [(0, m.start(2)), (m.end(2), len(line))]
    else:
        m = _ITEM.match(line) or _QUOTE.match(line)
        if m:
            kind = "item" if _ITEM.match(line) else "text"
            drops.append((0, m.end()))
    if _MARKUP_CHARS.search(line):
        drops += _inline_drops(line)
    return kind, _kept_spans(line, drops)


def _inline_drops(line: str) -> Spans:
    """Spans of image, link-target, bold, italic and code markup; the words they wrap stay."""
    drops: Spans = [(m.start(), m.end()) for m in _IMAGE.finditer(line)]
    for m in _LINK.finditer(line):
        drops += [(m.start(), m.start(1)), (m.end(1), m.end())]
    work = list(line)
    for m in _BOLD.finditer(line):
        for a, b in ((m.start(), m.start(2)), (m.end(2), m.end())):
            drops.append((a, b))
            work[a:b] = "\x01" * (b - a)
    for m in _ITALIC.finditer("".join(work)):
        drops += [(m.start(), m.start(2)), (m.end(2), m.end())]
    for m in _CODE.finditer(line):
        drops += [(m.start(), m.start(1)), (m.end(1), m.end())]
    return drops


def _kept_spans(line: str, drops: Spans) -> Spans:
    """What the dropped spans leave of the line, without whitespace at either end of its text."""
    spans: Spans = []
    pos = 0
    for a, b in sorted(drops):
        if a > pos:
            spans.append((pos, a))
        pos = max(pos, b)
    if pos < len(line):
        spans.append((pos, len(line)))
    while spans and not line[spans[0][0]:spans[0][1]].strip():
        spans.pop(0)
    while spans and not line[spans[-1][0]:spans[-1][1]].strip():
        spans.pop()
    if spans:
        a, b = spans[0]
        spans[0] = (a + len(line[a:b]) - len(line[a:b].lstrip()), b)
        a, b = spans[-1]
        spans[-1] = (a, b - (len(line[a:b]) - len(line[a:b].rstrip())))
    return spans
