"""Stray capitals of wire text, put right for the parser alone.

The 1987 wires capitalise the word after "U.S." or "U.K." as if a sentence began there ("U.S. Officials
had been meeting", "U.S. Attacks on two Iranian oil platforms", "well received in the U.S., Although"),
and the tagger then reads a common word as part of a name. The parser is given the same text with such
a word in lower case: same length, so every offset holds, and the stored text keeps its letters. A word
stays capitalised when it is a name (the gazetteer knows it, or the document writes it capitalised
mid-sentence), when a capitalised word follows ("U.S. Trade Representative"), when it is no English word
the document or the model's word lists know (a firm), or when sentences often begin with it ("...
visited the U.S. The sources said"; after "U.S.," none does)."""
from __future__ import annotations

import functools
import re

from .gazetteer import Gazetteer

STRAY = re.compile(r"\b(?:U\.S\.|U\.K\.)(,?) ([A-Z][a-z]+)\b([ ,;:.)'\"]*[a-z0-9]|[ ,;:.)'\"]*$)?")
# Words no name or sentence begins with, lowered wherever they stand after the abbreviation.
FUNCTION = frozenset("and or has have had is are was were will would could should may might can to of said says "
                     "also dlrs dlr".split())
# Words a sentence often begins with: after "U.S." they may start the next sentence, and stay as they are.
STARTERS = frozenset("the a an this that these those it its he she they we i you his her their our but however "
                     "meanwhile in on at there some many most one two both all no other such if when while after "
                     "before since although as for with by from under according last earlier later then what "
                     "which who where how asked".split())


def for_parser(text: str) -> str:
    """`text` with the stray capitals after "U.S."/"U.K." lowered (same length); `text` itself when none."""
    if "U." not in text:
        return text
    hits = []
    for m in STRAY.finditer(text):
        word, comma = m.group(2), bool(m.group(1))   # after "U.S.," no sentence begins
        if _named_elsewhere(word, text):
            continue
        if word.lower() in FUNCTION or (comma and word.lower() in STARTERS) or (
                m.group(3) is not None and word.lower() not in STARTERS and _common(word, text)):
            hits.append(m.start(2))
    if not hits:
        return text
    chars = list(text)
    for i in hits:
        chars[i] = chars[i].lower()
    return "".join(chars)


def _named_elsewhere(word: str, text: str) -> bool:
    """A name: one the gazetteer knows ("Kenya"), or one the document writes capitalised in the middle of a
    sentence away from the abbreviation ("the Treasury")."""
    if Gazetteer.load().readings(word.lower()):
        return True   # a country, a place, a people, a body or a person the gazetteer knows
    return re.search(rf"(?<!U\.S\.)(?<!U\.K\.)(?<!U\.S\.,)(?<!U\.K\.,)(?<=[a-z,]) {re.escape(word)}\b",
                     text) is not None


def _common(word: str, text: str) -> bool:
    """An English word (the lemmatizer's word lists know it) or one the document writes in lower case."""
    low = word.lower()
    forms = {low, low[:-1], low[:-2]} if low.endswith("s") else {low}
    known = _words()
    return bool(forms & known) or any(re.search(rf"(?<![A-Za-z]){re.escape(f)}(?![A-Za-z])", text) for f in forms)


@functools.lru_cache(maxsize=1)
def _words() -> frozenset:
    """The base forms the English model's lemmatizer lists (nouns, verbs, adjectives, adverbs)."""
    from .pipeline import load_nlp
    nlp = load_nlp()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, ()))
