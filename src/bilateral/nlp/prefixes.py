"""Words written with a hyphenated prefix ("re-established", "co-operate") stay one word.

The tokenizer splits "re-established" into "re", "-", "established", and the parser then reads "re"
and "-" as verbs of their own, so the act goes unseen. The words are kept whole, and since the
lemmatizer does not know them ("re-establishe"), each takes the prefix plus its stem's lemma, written
without the hyphen as dictionaries spell it ("reestablish", "cooperate", "reopen").
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

PREFIXES = ("re", "co")
PREFIXED = re.compile(r"(?i)^(?:%s)-[a-z]{3,}$" % "|".join(PREFIXES))


def keep_prefixed(nlp: Language) -> None:
    """Teach the tokenizer that a prefix, its hyphen and the word after it are one token."""
    before = nlp.tokenizer.token_match

    def token_match(text: str):
        return PREFIXED.match(text) or (before(text) if before is not None else None)

    nlp.tokenizer.token_match = token_match


@Language.factory("bilateral_prefixed_lemmas", requires=["token.pos"], assigns=["token.lemma"])
def make_prefixed_lemmas(nlp: Language, name: str):
    """The component that lemmatizes prefixed words by their stem."""
    return PrefixedLemmas(nlp)


class PrefixedLemmas:
    """Sets the lemma of each prefixed word to its prefix plus its stem's lemma, without the hyphen."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if "-" not in tok.text or not PREFIXED.match(tok.text):
                continue
            prefix, stem = tok.text.lower().split("-", 1)
            tok.lemma_ = prefix + self._lemma(stem, tok.pos_)
        return doc

    def _lemma(self, stem: str, pos: str) -> str:
        lemmatizer = self.nlp.get_pipe("lemmatizer") if "lemmatizer" in self.nlp.pipe_names else None
        if lemmatizer is None or not hasattr(lemmatizer, "rule_lemmatize"):
            return stem
        word = Doc(self.nlp.vocab, words=[stem])
        word[0].pos_ = pos or "X"
        forms = lemmatizer.rule_lemmatize(word[0])
        return (forms[0] if forms else stem).lower()
