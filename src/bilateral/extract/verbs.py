"""The CAMEO verb dictionary (shipped in data/verbs, built by tools/build_verbs.py): codes for
the verbs the hand lexicon in `triggers` does not know, read off the verb's own words.

A verb belongs to one or more blocks; each block lists patterns of words that must stand
before the verb (in its subject) or after it (in its objects and phrases), with the CAMEO
code they carry.  The pattern with the most terms that all fit wins; with none, the verb's
own code (or its block's) applies, and a verb with neither codes nothing.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

MIN_STEM = 3   # shorter stems only fit whole words ("aid" fits "aids", never "aide"... but "un" fits only "un")


@lru_cache(maxsize=1)
def _dictionary() -> tuple:
    """(synsets, verbs, blocks) from the shipped JSON, loaded once per process."""
    path = resources.files("bilateral") / "data" / "verbs" / "verbs.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    synsets = {name: [w.split("_") if "_" in w.strip("_") else [w] for w in words]
               for name, words in data["synsets"].items()}
    return synsets, data["verbs"], data["blocks"]


@lru_cache(maxsize=1)
def lemmas() -> frozenset:
    """Every verb lemma the dictionary can code."""
    return frozenset(_dictionary()[1])


def _fits(stem: str, word: str) -> bool:
    if stem.endswith("_"):
        return word == stem[:-1]
    return word == stem or (len(stem) >= MIN_STEM and word.startswith(stem))


def _has(stem: str, words: list) -> bool:
    return any(_fits(stem, w) for w in words)


def _phrase(stems: list, words: list) -> bool:
    """The stems stand in this order, next to each other, somewhere in the words."""
    n = len(stems)
    return any(all(_fits(s, w) for s, w in zip(stems, words[i:i + n])) for i in range(len(words) - n + 1))


def _term(term: list, words: list, phrases: list, synsets: dict) -> bool:
    """Whether one term fits: words stand in `words`; a prepositional term needs one of the
    (preposition, words) `phrases` whose own words fit the term's inner terms."""
    kind, value = term
    if kind == "w":
        return _has(value, words)
    if kind == "p":
        return _phrase(value, words)
    if kind == "prep":
        prep, inner = value
        return any(p == prep and all(_term(t, inside, (), synsets) for t in inner) for p, inside in phrases)
    return any(_phrase(alt, words) for alt in synsets.get(value, ()))


def code_verb(lemma: str, before: Iterable[str], direct: Iterable[str], phrases: Iterable[tuple] = ()
              ) -> Optional[tuple]:
    """(CAMEO code, number of pattern terms that decided it) for a verb, or None.

    `before` holds the lower-case words of its subject, `direct` those of its objects and
    particles, `phrases` (preposition, words) for each prepositional phrase it governs."""
    synsets, verbs, blocks = _dictionary()
    entries = verbs.get(lemma)
    if not entries:
        return None
    before, direct, phrases = list(before), list(direct), list(phrases)
    every = direct + [w for p, inside in phrases for w in [p] + inside]
    best: Optional[tuple] = None
    for block, code, extra in entries:
        if extra and not all(_has(w, every) for w in extra):
            continue
        for b_terms, a_terms, p_code in blocks[block][1]:
            size = len(b_terms) + len(a_terms)
            if (best is None or size > best[1]) and all(_term(t, before, (), synsets) for t in b_terms) and all(
                    _term(t, direct, phrases, synsets) for t in a_terms):
                best = (p_code, size)
        if code and (best is None or len(extra) > best[1]):
            best = (code, len(extra))
    return best
