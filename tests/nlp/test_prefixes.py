"""Words with a hyphenated prefix stay one token and are lemmatized by their stem."""
from __future__ import annotations

from bilateral.nlp.pipeline import load_nlp


def test_a_prefixed_verb_is_one_token_with_the_stem_lemma():
    doc = load_nlp()("The two states re-established relations and agreed to co-operate on fishing.")
    words = {t.text: t.lemma_ for t in doc}
    assert words["re-established"] == "reestablish"
    assert words["co-operate"] == "cooperate"
    assert "re" not in words and "-" not in words


def test_other_hyphenated_words_split_as_before():
    doc = load_nlp()("A long-term loan to the state-owned firm.")
    assert "long" in [t.text for t in doc] and "state" in [t.text for t in doc]
