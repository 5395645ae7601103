"""Plain text and markdown cleaned into body paragraphs, with the metadata found in their first lines.

Every kept character is a character of the source, so the result carries runs
[clean_start, source_start, length] mapping the clean text back to the source.
Paragraphs are joined by a blank line so no sentence runs across two of them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

import re

import bilateral.read.header as header
from bilateral.read.boilerplate import boilerplate, is_author_note
from bilateral.read.markdown import Spans, line_markup

# Odd spaces (tabs, carriage returns, form feeds, separators) become plain ones, and invisible marks and
# control characters go, so later stages see ordinary words and the store keeps no control character;
# such characters get no run of their own in the offsets.
_SPACES = "\t\r\x0b\x0c\x1c-\x1f\x85\xa0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_DROPPED = "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\xad\u200b-\u200d\u2060\ufeff"
_ODD_SPACE = re.compile(f"[{_SPACES}]|[{_DROPPED}]")
_SPACE = re.compile(f"[{_SPACES}]")
HEADER_BLOCKS = 5  # bylines and "Outlet, date" lines are looked for in this many first paragraphs


@dataclass
class Line:
    """One source line: where it starts in the source, its kind, and the spans of it that are text."""

    start: int
    raw: str
    kind: str
    spans: Spans

    @property
    def text(self) -> str:
        return "".join(self.raw[a:b] for a, b in self.spans)

    def drop_prefix(self, n: int) -> None:
        """Drop the first n characters of the line's text and the whitespace after them."""
        kept: Spans = []
        for a, b in self.spans:
            cut = min(n, b - a)
            n -= cut
            if a + cut < b:
                kept.append((a + cut, b))
        while kept and self.raw[kept[0][0]].isspace():
            a, b = kept[0]
            kept[0] = (a + 1, b)
            if kept[0][0] >= b:
                kept.pop(0)
        self.spans = kept


Block = List[Line]


@dataclass
class CleanText:
    """The cleaned body and what the first lines said about the document."""

    text: str
    offsets: list
    title: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None          # from an "Outlet, date" line, a date line or a dateline
    stated: Optional[str] = None             # from a "Published: ..." / "Updated ..." line
    dateline: Optional[str] = None           # the place a news dateline names ("CARACAS, March 12 -")


def clean_text(source: str, title: Optional[str] = None) -> CleanText:
    """Clean a plain text or markdown source; `title` is one already known (its repeat at the top is dropped)."""
    blocks = _blocks(_lines(source))
    out = CleanText(text="", offsets=[], title=title)
    blocks = _read_header(blocks, out)
    blocks = _drop_stated_dates(blocks, out)
    blocks = _drop_headings(blocks, out)
    blocks = _drop_boilerplate(blocks)
    _strip_dateline(blocks, out)
    out.text, out.offsets = _assemble(source, blocks)
    return out


def _lines(source: str) -> List[Line]:
    lines, pos = [], 0
    for raw in source.split("\n"):
        kind, spans = line_markup(raw)
        lines.append(Line(pos, raw, kind, spans))
        pos += len(raw) + 1
    return lines


def _blocks(lines: List[Line]) -> List[Block]:
    """Paragraphs: runs of text lines; a heading or a list item is a paragraph of its own."""
    blocks: List[Block] = []
    current: Block = []
    for line in lines:
        if line.kind in ("blank", "rule") or not line.spans:
            current = []
            continue
        if line.kind in ("heading", "item") or not current or current[-1].kind in ("heading", "item"):
            current = [line]
            blocks.append(current)
        else:
            current.append(line)
    return blocks


def _block_text(block: Block) -> str:
    return " ".join(line.text for line in block)


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _read_header(blocks: List[Block], out: CleanText) -> List[Block]:
    """Take the title, byline and "Outlet, date" lines off the first paragraphs."""
    kept: List[Block] = []
    seen_text = False
    for i, block in enumerate(blocks):
        line = block[0]
        plain = line.kind == "text" and not header.stated_date(line.text)
        if plain and i < HEADER_BLOCKS and len(block) == 1 and \
                _header_line(line.text, out, first=not seen_text, last=i == len(blocks) - 1):
            seen_text = True
            continue
        if plain and i < HEADER_BLOCKS and len(block) > 1:
            block = _header_lines_off(block, out, first=not seen_text)
            if not block:
                seen_text = True
                continue
        kept.append(block)
        seen_text = seen_text or plain
    return kept


def _header_lines_off(block: Block, out: CleanText, first: bool) -> Block:
    """Header lines run together at the top of a paragraph ("Title / By Jane Doe | 3 May 2021"): taken
    off when at least one of them is a byline or a date line, so a wrapped first sentence stays."""
    def structured(line: Line) -> bool:
        t = line.text
        return line.kind == "text" and bool(header.byline(t) or header.outlet_date(t) or header.date_line(t))
    start = 1 if first and not out.title and header.is_title(block[0].text) and structured(block[1]) else 0
    end = start
    while end < len(block) and structured(block[end]):
        end += 1
    if end == start:
        return block
    if start:
        out.title = block[0].text.strip()
    for line in block[start:end]:
        _header_line(line.text, out, first=False, last=False)
    return block[end:]


def _header_line(text: str, out: CleanText, first: bool, last: bool) -> bool:
    """Record what a header line says; True when the line is header and not body."""
    by = header.byline(text)
    if by:
        out.author = out.author or by[0]
        out.published = out.published or by[1]
        return True
    od = header.outlet_date(text)
    if od:
        out.outlet = out.outlet or od[0]
        out.published = out.published or od[1]
        return True
    date = header.date_line(text)
    if date:
        out.published = out.published or date
        return True
    if first and out.title and _same(text, out.title):
        return True
    if first and not out.title and not last and header.is_title(text):
        out.title = text
        return True
    return False


def _drop_stated_dates(blocks: List[Block], out: CleanText) -> List[Block]:
    """Drop "Published: ..." / "Updated ..." lines, keeping the publication date they state."""
    found: dict = {}
    kept: List[Block] = []
    for block in blocks:
        lines = []
        for line in block:
            stated = header.stated_date(line.text)
            if stated:
                found.setdefault(stated[0], stated[1])
            else:
                lines.append(line)
        if lines:
            kept.append(lines)
    out.stated = found.get("published") or found.get("updated")
    return kept


def _drop_headings(blocks: List[Block], out: CleanText) -> List[Block]:
    """Markdown headings leave the body; the first one is the title when there is none yet."""
    kept: List[Block] = []
    for block in blocks:
        if block[0].kind == "heading":
            out.title = out.title or block[0].text
        else:
            kept.append(block)
    return kept


def _drop_boilerplate(blocks: List[Block]) -> List[Block]:
    """Drop interface lines, then closing author notes (bio, disclaimer) at the end."""
    flat: List[Tuple[int, Line]] = [(bi, line) for bi, block in enumerate(blocks) for line in block]
    drop = boilerplate([line.text for _, line in flat])
    kept_blocks: List[Block] = [[] for _ in blocks]
    for k, (bi, line) in enumerate(flat):
        if k not in drop:
            kept_blocks[bi].append(line)
    kept = [b for b in kept_blocks if b]
    while len(kept) > 1 and is_author_note(_block_text(kept[-1])):
        kept.pop()
    return kept


def _strip_dateline(blocks: List[Block], out: CleanText) -> None:
    """Take a "PLACE, (Agency) –" opener off the first paragraph, keeping its sentence."""
    if not blocks:
        return
    first = blocks[0][0]
    found = header.dateline(first.text)
    if not found:
        return
    first.drop_prefix(found.length)
    out.outlet = out.outlet or found.outlet
    out.published = out.published or found.published
    out.dateline = found.place


def _assemble(source: str, blocks: List[Block]) -> Tuple[str, list]:
    """The clean text and its runs back into the source: lines joined by a space, paragraphs by a blank line."""
    parts: List[str] = []
    runs: list = []
    pos = 0
    prev_end: Optional[int] = None

    def put(piece: str, src: Optional[int]) -> None:
        nonlocal pos
        if src is not None:
            last = runs[-1] if runs else None
            if last and last[0] + last[2] == pos and last[1] + last[2] == src:
                last[2] += len(piece)
            else:
                runs.append([pos, src, len(piece)])
        parts.append(piece)
        pos += len(piece)

    for block in blocks:
        for li, line in enumerate(block):
            first_src = line.start + line.spans[0][0]
            if prev_end is not None:
                sep = " " if li else "\n\n"
                put(sep, prev_end if source[prev_end:first_src] == sep else None)
            for a, b in line.spans:
                for piece, src in _normalized(line.raw[a:b], line.start + a):
                    put(piece, src)
            prev_end = line.start + line.spans[-1][1]
    return "".join(parts), runs



def _normalized(piece: str, src: int):
    """Split a source piece around odd spaces (replaced by " ") and invisible marks (dropped)."""
    pos = 0
    for m in _ODD_SPACE.finditer(piece):
        if m.start() > pos:
            yield piece[pos:m.start()], src + pos
        if _SPACE.match(m.group(0)):
            yield " ", None
        pos = m.end()
    if pos < len(piece):
        yield piece[pos:], src + pos
