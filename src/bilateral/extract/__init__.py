"""Per-document extraction: one parsed document in, its events and claims out."""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Analysis, Document
from ..nlp.actors import find_actors
from ..nlp.timex import find_timexes
from ..nlp.tokens import forget_tokens, tokens_of
from .claims import extract_claims
from .events import extract_events


def analyze(document: Document, doc: Doc, gazetteer=None, international: bool = True,
            dictionary: bool = False) -> Analysis:
    """Actors, time expressions, then events and claims of one document (a pure function of its parse).

    `international=False` also keeps domestic acts and acts with an unnamed party, and `dictionary`
    adds the CAMEO verb dictionary to the curated lexicon (both for the sentence coder)."""
    tokens_of(doc, document.text)   # the token table every stage below reads, built once for this document
    try:
        actors = find_actors(doc, gazetteer, date=document.published)
        timexes = find_timexes(document.text, document.published)
        events = extract_events(document, doc, actors, timexes, international, dictionary,
                                agents=getattr(gazetteer, "agents", None) if not international else None)
        claims = extract_claims(document, doc, actors, timexes)
    finally:
        forget_tokens()   # keeping the last Doc would keep its whole parsed batch in memory
    return Analysis(document=document, events=events, claims=claims, n_tokens=len(doc))
