"""Answers with citations: `ask(corpus, question)` reads a question, looks it up in the record
(events, claims, conflicts, then stored sentences) and returns an Answer citing its passages."""
from __future__ import annotations

from .answer import Record, compose
from .intent import Intent, parse_question
from .model import Answer, Citation
from .passages import document_passages
from .retrieve import BM25

__all__ = ["ask", "Answer", "Citation", "Intent", "parse_question", "load_record"]

_CACHE: dict = {}


def load_record(corpus) -> Record:
    """The store's documents, events, claims, conflicts and a sentence index, reused while the store is unchanged."""
    store = corpus.store
    counts = store.counts()
    key = (id(store), store.path, tuple(sorted(counts.items())))
    rec = _CACHE.get(key)
    if rec is None:
        from bilateral.nlp.gazetteer import Gazetteer
        docs = {d.doc_id: d for d in store.documents()}
        passages = [p for d in docs.values() for p in document_passages(d)]
        events, claims = store.events(), store.claims()
        doc_codes: dict = {}
        for e in events:
            for m in e.mentions:
                doc_codes.setdefault(m.doc_id, set()).update(x for x in (e.source.code, e.target.code) if x)
        for c in claims:
            doc_codes.setdefault(c.doc_id, set()).update(x for x in (c.subject, c.object) if x)
        rec = Record(docs=docs, events=events, claims=claims, conflicts=store.conflicts(), index=BM25(passages),
                     gazetteer=Gazetteer.load(getattr(corpus, "dictionary", None)), doc_codes=doc_codes)
        _CACHE.clear()
        _CACHE[key] = rec
    return rec


def ask(corpus, question: str) -> Answer:
    """Answer a question from the corpus's record, citing the passages every stated fact comes from."""
    question = (question or "").strip()
    rec = load_record(corpus)
    if not question:
        return Answer(text="The documents do not say: the question is empty.", kind="passage", answered=False)
    intent = parse_question(question, rec.gazetteer)
    return compose(rec, intent)
