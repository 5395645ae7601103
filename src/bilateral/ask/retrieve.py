"""BM25 over stored sentences: the fallback when no event or claim answers, and the check that one does.

Words are lower-cased and lightly stemmed on both sides, so "visited" finds "visit" and
"provinces" finds "province".  Okapi BM25 with the usual k1 and b.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Sequence

from .lexicon import IRREGULAR
from .passages import Passage

WORD = re.compile(r"[A-Za-z][A-Za-z'’]*|\d+(?:st|nd|rd|th)\b|\d+(?:[.,]\d+)*")
STOP = frozenset("""a an the and or but of to in on at by for from with as into onto over under about after before
between during since until than then that this these those there here is are was were be been being am do does did
has have had having it its it's their them they he she his her we our you your i me my what which who whom whose
when where why how much many any some all each every other such not no nor so too very can could would should
will shall may might must also just only more most less least own same both either neither s""".split())


def stem(word: str) -> str:
    """A light suffix stripper: plural, -ing, -ed, possessive, irregular verbs; enough to match forms of one word."""
    w = _strip(word)
    if len(w) > 4 and w[-1] == w[-2] and w[-1].isalpha():
        return w[:-1]   # "expell" (from "expelled") and "expel" alike
    return w


def _strip(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] else w
    if len(w) > 4 and w.endswith("ed"):
        w = w[:-2] if not w.endswith("ied") else w[:-3] + "y"
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls" else w
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
        if w.endswith("e") and len(w) > 4 and w[-2] in "sxz":
            w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def terms(text: str, keep_stop: bool = False) -> list[str]:
    """The stemmed content words of a text, in order."""
    return [stem(w) for w in WORD.findall(text) if keep_stop or w.lower() not in STOP]


class BM25:
    """An index of passages that ranks them against a bag of query terms."""

    def __init__(self, passages: Sequence[Passage], k1: float = 1.5, b: float = 0.75):
        self.passages = list(passages)
        self.k1, self.b = k1, b
        self.tf = [Counter(terms(p.text)) for p in self.passages]
        self.lengths = [sum(tf.values()) for tf in self.tf]
        self.avg = (sum(self.lengths) / len(self.lengths)) if self.lengths else 0.0
        df: Counter = Counter()
        for tf in self.tf:
            df.update(tf.keys())
        n = len(self.passages)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    def score(self, i: int, query: Iterable[str]) -> float:
        tf, length = self.tf[i], self.lengths[i]
        out = 0.0
        for t in set(query):
            f = tf.get(t)
            if not f:
                continue
            norm = f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * length / (self.avg or 1)))
            out += self.idf.get(t, 0.0) * norm
        return out

    def search(self, query: Iterable[str], k: int = 10, where=None) -> list[tuple[float, Passage]]:
        """The k best passages (score > 0), optionally only those `where(passage)` accepts."""
        q = list(query)
        scored = []
        for i, p in enumerate(self.passages):
            if where is not None and not where(p):
                continue
            s = self.score(i, q)
            if s > 0:
                scored.append((s, p))
        scored.sort(key=lambda sp: (-sp[0], sp[1].doc_id, sp[1].start))
        return scored[:k]


def coverage(query: Iterable[str], text: str) -> float:
    """The share of query terms a text contains (1.0 for an empty query)."""
    q = set(query)
    if not q:
        return 1.0
    have = set(terms(text, keep_stop=True))
    return len(q & have) / len(q)
