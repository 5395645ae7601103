"""Sentence splitting with offsets, and finding a sentence again in its document."""
from bilateral.ask.passages import locate, split_sentences
from bilateral.model import Document


def test_sentences_keep_offsets_and_skip_abbreviations():
    text = "Title line\n\nThe U.S. envoy met Mr. Diallo in Dakar. Talks ended on 3 May.\nA new line."
    spans = split_sentences(text)
    pieces = [text[s:e] for s, e in spans]
    assert pieces == ["Title line", "The U.S. envoy met Mr. Diallo in Dakar.", "Talks ended on 3 May.", "A new line."]


def test_quotes_stay_with_their_sentence():
    text = 'He said it was "never closer." Then he left.'
    assert [text[s:e] for s, e in split_sentences(text)] == ['He said it was "never closer."', "Then he left."]


def test_locate_picks_the_nearest_occurrence():
    doc = Document(doc_id="d", source_path="x", text="Aid rose. Trade fell. Aid rose.")
    assert locate(doc, "Aid rose.", near=20) == (22, 31)
    assert locate(doc, "Aid rose.", near=0) == (0, 9)
