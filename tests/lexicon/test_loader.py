"""The lexicon: shipped rule files, each entry once, and a user folder that extends them."""
from __future__ import annotations

import pytest

import bilateral
from bilateral.extract.metrics import metrics
from bilateral.extract.triggers import triggers
from bilateral.lexicon import FILES, SHIPPED, LexiconError, load
from bilateral.options import Options


def _lists(node, where=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _lists(v, f"{where}.{k}" if where else k)
    elif isinstance(node, list) and all(isinstance(x, str) for x in node):
        yield where, node


def test_every_shipped_file_loads_and_no_list_repeats_an_entry():
    for name in FILES:
        for where, words in _lists(SHIPPED.value(name), name):
            repeated = sorted({w for w in words if words.count(w) > 1})
            assert not repeated, f"{where} repeats {repeated}"


def test_a_user_folder_adds_trigger_rules_metric_terms_and_words(tmp_path):
    (tmp_path / "triggers.toml").write_text('[triggers]\nrules = [ { lemmas = "parley", cameo = "040" } ]\n')
    (tmp_path / "metrics.toml").write_text('[money]\nfdi = ["greenfield capital"]\n')
    lex = load(str(tmp_path))
    assert lex != SHIPPED and "parley" in triggers(lex).verbs and "parley" not in triggers(SHIPPED).verbs
    assert triggers(lex).find("parley", set()).cameo == "040"
    assert "greenfield capital" in metrics(lex).money["fdi"] and "investment" in metrics(lex).money["fdi"]


def test_the_record_reads_with_the_user_lexicon(tmp_path):
    folder = tmp_path / "lex"
    folder.mkdir()
    (folder / "triggers.toml").write_text('[triggers]\nrules = [ { lemmas = "parley", cameo = "040" } ]\n')
    doc = tmp_path / "doc.txt"
    doc.write_text("Lima, 3 March 2021 - Peru parleyed with Chile in Lima on Monday over the water dispute.\n")
    with bilateral.open(tmp_path / "plain.duckdb") as corpus:
        corpus.ingest([str(doc)])
        assert not [e for e in corpus.events() if e.trigger == "parley"]
    with bilateral.open(tmp_path / "user.duckdb", options=Options(lexicon=str(folder))) as corpus:
        corpus.ingest([str(doc)])
        found = [e for e in corpus.events() if e.trigger == "parley"]
    assert [(e.event_type, e.source.code, e.target.code) for e in found] == [("CONSULT", "PER", "CHL")]


def test_bad_user_files_are_refused_with_their_name_and_reason(tmp_path):
    (tmp_path / "triggers.toml").write_text("[triggers\nrules = 3\n")
    with pytest.raises(LexiconError, match="triggers.toml"):
        load(str(tmp_path))
    other = tmp_path / "other"
    other.mkdir()
    (other / "verbs.toml").write_text("x = 1\n")
    with pytest.raises(LexiconError, match="unknown lexicon files verbs.toml"):
        load(str(other))
    with pytest.raises(LexiconError, match="no such lexicon folder"):
        load(str(tmp_path / "missing"))
    typed = tmp_path / "typed"
    typed.mkdir()
    (typed / "numbers.toml").write_text('[scales]\nmillion = "a lot"\n')
    with pytest.raises(LexiconError, match="numbers.scales.million"):
        load(str(typed))
