"""Answers with citations: `ask(corpus, question)` reads a question, finds what it asks in the record
(events, claims, conflicts) or, where the record lacks it, in the stored sentences, and returns an
Answer that cites every passage it rests on and says which basis it used."""
from __future__ import annotations

from .answer import compose
from .intent import Intent, parse_question
from .model import Answer, Citation
from .record import Record, load_record

__all__ = ["ask", "Answer", "Citation", "Intent", "Record", "parse_question", "load_record"]


def ask(corpus, question: str, embed: bool = False) -> Answer:
    """Answer a question from the corpus, citing the passages every stated fact comes from.

    `embed` adds all-MiniLM-L6-v2 sentence embeddings to BM25 retrieval (the `embed` extra)."""
    question = (question or "").strip()
    if not question:
        return Answer(text="The documents do not say: the question is empty.", kind="passage", answered=False)
    rec = load_record(corpus)
    if embed:
        from .embed import attach
        attach(rec, corpus)
    intent = parse_question(question, rec.gazetteer)
    intent.dense = embed
    named, intent.sources = rec.sources_named(intent.focus)
    intent.focus = [f for f in intent.focus if f not in named]
    return compose(rec, intent)
