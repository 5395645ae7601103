"""A parsed document's token attributes as plain Python lists, read from the Doc's arrays once.

The actor, event and claim walkers visit the same parse many times per document; each attribute read
from a spaCy Token creates objects (a Token per `head` or child, a string per `dep_`), which cost more
than the walking itself.  Reading them here once per document makes each visit a list lookup."""
from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc

_NAMES: dict = {}   # string hash -> string, shared by every document of the process
_LOWER: dict = {}   # lemma hash -> lower-case lemma
# Entries a table may hold before it starts afresh: the vocabulary of a long ingest keeps growing,
# and the tables must not grow with the corpus (bench/memory.py).
TABLE_LIMIT = 200_000


def _names(hashes: list, table: dict, strings, lower: bool = False) -> list:
    """The strings of these hashes through a process-wide table (one C-level map when all are known)."""
    try:
        return list(map(table.__getitem__, hashes))
    except KeyError:
        if len(table) > TABLE_LIMIT:
            table.clear()
        for h in hashes:
            if h not in table:
                table[h] = strings[h].lower() if lower else strings[h]
        return list(map(table.__getitem__, hashes))


class Tokens:
    """Per token i of one Doc: text, lower-case form, lower-case lemma, coarse and fine tag, dependency
    label, whether punctuation, head index (itself at a root), children indices in order, and character
    offset."""

    __slots__ = ("doc", "n", "orth", "lower", "lemma", "pos", "tag", "dep", "punct", "head",
                 "children", "idx", "_text")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.n = n = len(doc)
        if n:
            cols = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, IDX, ORTH, IS_PUNCT]).T.tolist()
            # HEAD is the offset to the head, stored unsigned: read it back signed and add the position
            head = (doc.to_array(HEAD).view(numpy.int64) + numpy.arange(n)).tolist()
        else:
            cols, head = [[]] * 8, []
        strings = doc.vocab.strings
        self.lower = _names(cols[0], _NAMES, strings)
        self.lemma = _names(cols[1], _LOWER, strings, lower=True)
        self.pos = _names(cols[2], _NAMES, strings)
        self.tag = _names(cols[3], _NAMES, strings)
        self.dep = _names(cols[4], _NAMES, strings)
        self.idx = cols[5]
        self.orth = _names(cols[6], _NAMES, strings)
        self.punct = cols[7]
        self._text = None
        self.head = head
        self.children = children = [[] for _ in range(n)]
        for i, h in enumerate(head):
            if h != i:
                children[h].append(i)

    @property
    def text(self) -> str:
        """The document's text (built once, on first use)."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    def end(self, i: int) -> int:
        """The character offset where token i ends, its trailing space left out."""
        return self.idx[i] + len(self.orth[i])

    def subtree(self, i: int, stop: frozenset | set | None = None) -> list:
        """Token i and its descendants in the order `_subtree` walks them (preorder, children in order),
        skipping children that head a verb clause with a dependency label in `stop`."""
        out = [i]
        dep, pos, children = self.dep, self.pos, self.children
        todo = children[i][::-1]
        while todo:
            c = todo.pop()
            if stop and dep[c] in stop and (pos[c] == "VERB" or pos[c] == "AUX"):
                continue
            out.append(c)
            todo.extend(reversed(children[c]))
        return out

    def ancestors(self, i: int) -> list:
        """The heads above token i, nearest first."""
        out, head = [], self.head
        while head[i] != i:
            i = head[i]
            out.append(i)
        return out


_LAST: tuple = (None, None)   # (Doc, its table), replaced in one assignment so threads never mix them


def forget_tokens() -> None:
    """Drop the kept table and its Doc: a Doc parsed in a batch holds that batch's memory alive."""
    global _LAST
    _LAST = (None, None)


def tokens_of(doc: Doc, text: str | None = None) -> Tokens:
    """The token table of a Doc; the last one built is kept, so the stages of one document share it.

    `text`, when the caller has it, is the text the Doc was parsed from (spared rebuilding it from the tokens)."""
    global _LAST
    last_doc, table = _LAST
    if last_doc is not doc:
        table = Tokens(doc)
        _LAST = (doc, table)
    if text is not None and table._text is None:
        table._text = text
    return table
