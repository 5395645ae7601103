"""Wire text's stray capitals after "U.S." are lowered for the parser alone, and only where no name or
sentence can begin."""
from __future__ import annotations

import bilateral
from bilateral.nlp.wire_case import for_parser


def test_common_words_after_the_abbreviation_are_lowered_with_every_offset_kept():
    text = ("WASHINGTON - U.S. Attacks on two Chilean oil platforms caused damage, and U.S. Officials "
            "had met before. U.S. And Peruvian ships sailed.")
    fixed = for_parser(text)
    assert len(fixed) == len(text)
    assert "U.S. attacks on" in fixed and "U.S. officials had" in fixed and "U.S. and Peruvian" in fixed


def test_names_firms_and_new_sentences_keep_their_capitals():
    text = ("U.S. Trade Representative Clayton Yeutter said so. U.S. Xerolab said it would sell. "
            "The minister visited the U.S. The talks went on. To calm relations with the U.S., Chile's "
            "exporters urged restraint.")
    assert for_parser(text) == text


def test_after_a_comma_no_sentence_begins():
    text = "The package was well received in the U.S., Although Congressmen wanted it sooner."
    assert "the U.S., although Congressmen" in for_parser(text)


def test_a_wire_with_a_stray_capital_gives_the_act_it_tells(tmp_path):
    text = ("SANTIAGO, Oct 20 - U.S. Attacks on two Peruvian oil platforms in the Pacific caused damage estimated "
            "at 500 mln dlrs, the Peruvian oil minister said.\n\nThe platforms were still burning. Reuter")
    source = tmp_path / "wire.jsonl"
    source.write_text('{"text": %s, "url": "wire-1.txt", "published": "1987-10-20"}\n'
                      % __import__("json").dumps(text))
    with bilateral.open(tmp_path / "s.duckdb") as corpus:
        corpus.ingest([str(source)])
        events = {(e.source.code, e.target.code, e.event_type) for e in corpus.events()}
    assert ("USA", "PER", "ASSAULT") in events
