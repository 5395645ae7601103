"""The token table holds what spaCy's Token objects give, for every token of real parses."""
from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.nlp.pipeline import load_nlp
from bilateral.nlp.tokens import StringTable, Tokens, tokens_of

CORPUS = Path(__file__).resolve().parents[1] / "docs" / "corpus"
CLAUSES = {"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "xcomp", "csubj"}


@pytest.fixture(scope="module")
def docs():
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts += ["", "Talks.", "Germany and Namibia signed the accord in Windhoek,  which  ended\n\n"
              "years of talks.\tThe two ministers said they would meet again in May 2019."]
    return list(load_nlp().pipe(texts))


def _walk(tok, stop):
    """The subtree walk the event extractor did on Tokens: preorder, children in order, verb clauses cut."""
    out = [tok.i]
    for child in tok.children:
        if stop and child.dep_ in stop and child.pos_ in ("VERB", "AUX"):
            continue
        out.extend(_walk(child, stop))
    return out


def test_every_column_matches_the_tokens(docs):
    for doc in docs:
        t = Tokens(doc)
        assert t.n == len(doc)
        assert t.orth == [x.text for x in doc]
        assert t.lower == [x.lower_ for x in doc]
        assert t.lemma == [x.lemma_.lower() for x in doc]
        assert t.pos == [x.pos_ for x in doc]
        assert t.tag == [x.tag_ for x in doc]
        assert t.dep == [x.dep_ for x in doc]
        assert t.punct == [int(x.is_punct) for x in doc]
        assert t.idx == [x.idx for x in doc]
        assert t.head == [x.head.i for x in doc]
        assert t.children == [[c.i for c in x.children] for x in doc]
        assert t.text == doc.text
        assert [t.end(i) for i in range(len(doc))] == [x.idx + len(x) for x in doc]


def test_subtrees_and_ancestors_are_the_parse_s(docs):
    for doc in docs:
        t = Tokens(doc)
        for tok in doc:
            assert t.subtree(tok.i) == _walk(tok, None)
            assert sorted(t.subtree(tok.i)) == sorted(x.i for x in tok.subtree)
            assert t.subtree(tok.i, CLAUSES) == _walk(tok, CLAUSES)
            assert t.ancestors(tok.i) == [a.i for a in tok.ancestors]


def test_span_text_is_the_slice_between_token_offsets(docs):
    for doc in docs:
        t = Tokens(doc)
        for sent in doc.sents:
            assert t.text[t.idx[sent.start]:t.end(sent.end - 1)] == sent.text


def test_each_doc_keeps_its_own_table(docs):
    a, b = docs[0], docs[1]
    first = tokens_of(a)
    assert tokens_of(a) is first and a._.bl_tokens is first
    other = tokens_of(b)
    assert other is not first and other.doc is b
    assert tokens_of(a) is first


def test_a_text_given_is_kept_and_one_not_given_is_built(docs):
    doc, other = docs[-1], docs[0]
    given = "".join(list(doc.text))   # equal to the Doc's text, but another object
    assert tokens_of(doc, given).text is given
    built = Tokens(other).text
    assert built == other.text


def test_the_string_tables_start_afresh_past_their_limit(docs):
    table = StringTable(limit=5)
    doc, other = docs[0], docs[-1]
    first = Tokens(doc, table)
    only_first = {x.orth for x in doc} - {x.orth for x in other} - {x.lower for x in other}
    assert only_first and only_first <= set(table.plain)   # one document's strings all go in
    second = Tokens(other, table)                           # new strings: the table is emptied first
    assert not only_first & set(table.plain)
    assert second.orth == [x.text for x in other] and Tokens(doc, table).lower == first.lower


def test_analyze_keeps_no_doc_alive_after_it_returns():
    """A kept Doc would keep its whole parsed batch in memory (bench/memory.py): once the caller drops
    the Doc, nothing holds it, its token table included, without waiting for the cycle collector."""
    import gc
    import weakref

    from bilateral.extract import analyze
    from bilateral.model import Document, text_id
    text = "Peru and Chile signed a water treaty in Lima on Monday."
    doc = load_nlp()(text)
    analyze(Document(doc_id=text_id(text), source_path="t.txt", text=text), doc)
    assert doc._.bl_tokens is not None
    gc.disable()
    try:
        gone = weakref.ref(doc)
        del doc
        assert gone() is None
    finally:
        gc.enable()
