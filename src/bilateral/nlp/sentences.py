"""Sentence starts at the line breaks that end a paragraph, a heading or a list item.

The parser of the small English model reads a blank line as an ordinary space, so a heading, an
image caption, a list of figures or the paragraph after them run into one long "sentence", and a
date in one dates an event in the next. This component marks where a new line starts a new unit
before the parser runs (the parser keeps boundaries that are already set): after a blank line;
before a line that opens a list item; after a heading (a line that opens its paragraph, short and
without a sentence's closing punctuation). A line break inside a hard-wrapped sentence stays a space.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

LIST_MARK = re.compile(r"\s*(?:[-*•▪◦–]|\d{1,3}[.)])\s")
CLOSING = (".", "!", "?", ":", ";", ",", '"', "”", "’", "'", ")")
HEADING_WORDS = 12   # a line of at most this many words without closing punctuation is a heading


@Language.component("bilateral_lines")
def line_starts(doc: Doc) -> Doc:
    """Mark the first token of each new paragraph, list item or line after a heading as a sentence start
    (a line that goes on in lower case continues the sentence before it)."""
    text = doc.text
    for tok in doc[:-1]:
        if "\n" not in tok.text_with_ws:
            continue
        nxt = doc[tok.i + 1]
        if nxt.is_space:
            continue   # the run of spaces goes on; its last token decides
        line_start = text.rfind("\n", 0, nxt.idx) + 1
        if text[tok.idx:nxt.idx].count("\n") >= 2 or LIST_MARK.match(text, line_start) or (
                not nxt.text[:1].islower() and _heading(text, line_start)):
            nxt.is_sent_start = True
    return doc


CITATIONS = re.compile(r"\[\d{1,3}\]")
CAPTION = re.compile(r"\.(?:jpe?g|png|svg|gif|tiff?)\b|\]\]|\[\[", re.IGNORECASE)


def no_content(sentence: str) -> bool:
    """A "sentence" that states nothing: a heading or title line ("HIGH-LEVEL VISITS FROM X TO Y[11]"),
    or an image caption left in a page's text ("X_and_Y_2008.jpg (left) and ...")."""
    line = CITATIONS.sub("", sentence).strip()
    if CAPTION.search(sentence):
        return True
    return bool(line) and not line.endswith(CLOSING) and len(line.split()) <= HEADING_WORDS


def _heading(text: str, line_start: int) -> bool:
    """Whether the line before `line_start` is a heading ("History", "Economic relations"): short, without
    closing punctuation, and opening its paragraph (the text's first line, or after a blank line)."""
    end = line_start - 1
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end].strip()
    if not line or line.endswith(CLOSING) or len(line.split()) > HEADING_WORDS:
        return False
    return start == 0 or not text[text.rfind("\n", 0, start - 1) + 1:start - 1].strip()
