"""Stored documents cut into sentences with offsets: the units retrieval ranks and answers cite."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bilateral.model import Document

# A sentence ends at . ! ? (and a closing quote or bracket) before a space and a capital, digit or quote,
# or at a citation marker after its full stop ("...in 2016.[1]On 16 April ...").
BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]?\s+(?=[\"“‘(\[A-Z0-9])|(?<=[.!?])(?:\[\d+\])+\)?\s*(?=[A-Z])")
ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "st.", "no.", "gen.", "col.", "lt.", "maj.", "adm.", "sen.",
                 "rep.", "gov.", "u.s.", "u.k.", "u.n.", "e.g.", "i.e.", "vs.", "inc.", "co.", "corp.", "ltd.",
                 "jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "fig."}


@dataclass(frozen=True)
class Passage:
    """A sentence of a stored document with its offsets into the cleaned text."""

    doc_id: str
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: paragraphs first, then sentence ends that are not abbreviations."""
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        base, chunk = para.start(), para.group(0)
        start = 0
        for m in BOUNDARY.finditer(chunk):
            last = chunk[start:m.start() + 1].split()[-1:] or [""]
            if last[0].lower().lstrip("(\"“") in ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", last[0]):
                continue
            closing = len(m.group(0)) - len(m.group(0).lstrip("\"”’)]"))
            spans.append((base + start, base + m.start() + closing))
            start = m.end()
        spans.append((base + start, base + len(chunk)))
    out = []
    for s, e in spans:
        piece = text[s:e]
        s += len(piece) - len(piece.lstrip())
        e -= len(piece) - len(piece.rstrip())
        if e > s:
            out.append((s, e))
    return out


def document_passages(doc: Document) -> list[Passage]:
    """Every sentence of one document."""
    return [Passage(doc.doc_id, s, e, doc.text[s:e]) for s, e in split_sentences(doc.text)]


def locate(doc: Optional[Document], sentence: str, near: int = 0) -> tuple[int, int]:
    """Offsets of a sentence in its document, the occurrence nearest `near`; (near, near+len) when absent."""
    if doc is None or not sentence:
        return near, near + len(sentence or "")
    text = doc.text
    hits = [m.start() for m in re.finditer(re.escape(sentence.strip()), text)]
    if not hits:
        return near, near + len(sentence)
    start = min(hits, key=lambda h: abs(h - near))
    return start, start + len(sentence.strip())
