"""A parsed document's token attributes as plain Python lists, read from the Doc's arrays once.

The actor, event and claim walkers visit the same parse many times per document; each attribute read
from a spaCy Token creates objects (a Token per `head` or child, a string per `dep_`), which cost more
than the walking itself.  Reading them here once per document makes each visit a list lookup."""
from __future__ import annotations

import bisect
import weakref

import numpy
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc

# Entries a string table may hold before it starts afresh: the vocabulary of a long ingest keeps
# growing, and the tables must not grow with the corpus (bench/memory.py).
TABLE_LIMIT = 200_000


class StringTable:
    """String hash -> string (and lemma hash -> lower-case lemma), shared by every document of a
    process: a cache of loaded data, emptied when it passes `limit` entries."""

    def __init__(self, limit: int = TABLE_LIMIT):
        self.limit = limit
        self.plain: dict = {}
        self.lowered: dict = {}

    def names(self, hashes: list, strings, lower: bool = False) -> list:
        """The strings of these hashes (one C-level map when all are known)."""
        table = self.lowered if lower else self.plain
        try:
            return list(map(table.__getitem__, hashes))
        except KeyError:
            if len(table) > self.limit:
                table.clear()
            for h in hashes:
                if h not in table:
                    table[h] = strings[h].lower() if lower else strings[h]
            return list(map(table.__getitem__, hashes))


STRINGS = StringTable()
# The table rides on its Doc (spaCy extension attribute), so the stages of one document share it and
# it goes when the Doc goes; the table holds its Doc by a weak reference, so no cycle keeps either alive.
if not Doc.has_extension("bl_tokens"):
    Doc.set_extension("bl_tokens", default=None)


class Tokens:
    """Per token i of one Doc: text, lower-case form, lower-case lemma, coarse and fine tag, dependency
    label, whether punctuation, head index (itself at a root), children indices in order, and character
    offset."""

    __slots__ = ("_doc", "n", "orth", "lower", "lemma", "pos", "tag", "dep", "punct", "head",
                 "children", "idx", "_text")

    def __init__(self, doc: Doc, strings: StringTable = STRINGS):
        self._doc = weakref.ref(doc)
        self.n = n = len(doc)
        if n:
            cols = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, IDX, ORTH, IS_PUNCT]).T.tolist()
            # HEAD is the offset to the head, stored unsigned: read it back signed and add the position
            head = (doc.to_array(HEAD).view(numpy.int64) + numpy.arange(n)).tolist()
        else:
            cols, head = [[]] * 8, []
        vocab, names = doc.vocab.strings, strings.names
        self.lower = names(cols[0], vocab)
        self.lemma = names(cols[1], vocab, lower=True)
        self.pos = names(cols[2], vocab)
        self.tag = names(cols[3], vocab)
        self.dep = names(cols[4], vocab)
        self.idx = cols[5]
        self.orth = names(cols[6], vocab)
        self.punct = cols[7]
        self._text = None
        self.head = head
        self.children = children = [[] for _ in range(n)]
        for i, h in enumerate(head):
            if h != i:
                children[h].append(i)

    @property
    def doc(self) -> Doc:
        """The Doc this table was read from."""
        return self._doc()

    @property
    def text(self) -> str:
        """The document's text (built once, on first use)."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    def end(self, i: int) -> int:
        """The character offset where token i ends, its trailing space left out."""
        return self.idx[i] + len(self.orth[i])

    def covering(self, start: int, end: int) -> range:
        """The token indices a character span covers (an actor mention's tokens)."""
        lo = bisect.bisect_right(self.idx, start) - 1
        return range(max(lo, 0), bisect.bisect_left(self.idx, end))

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

    def head_phrase(self, i: int) -> list:
        """A noun with its modifiers and possessors, without its prepositional phrases and clauses: in
        "South Korea's surplus with the U.S.", South Korea's and surplus."""
        out, todo = [], [i]
        dep, children = self.dep, self.children
        while todo:
            t = todo.pop()
            out.append(t)
            todo.extend(c for c in children[t] if dep[c] in ("poss", "compound", "amod", "det", "case", "nmod"))
        return out

    def root(self, tokens: list) -> int:
        """The token of a phrase whose head lies outside it (its last token if none does)."""
        inside = set(tokens)
        return next((t for t in tokens if self.head[t] not in inside or self.head[t] == t), tokens[-1])

    def ancestors(self, i: int) -> list:
        """The heads above token i, nearest first."""
        out, head = [], self.head
        while head[i] != i:
            i = head[i]
            out.append(i)
        return out


def tokens_of(doc: Doc, text: str | None = None) -> Tokens:
    """The token table of a Doc, built on first use and kept on the Doc (`doc._.bl_tokens`).

    `text`, when the caller has it, is the text the Doc was parsed from (spared rebuilding it from the tokens)."""
    table = doc._.bl_tokens
    if table is None:
        table = doc._.bl_tokens = Tokens(doc)
    if text is not None and table._text is None:
        table._text = text
    return table
