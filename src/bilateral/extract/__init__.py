"""Per-document extraction: one parsed document in, its events and claims out."""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Analysis, Document
from ..nlp.actors import find_actors
from ..nlp.coref import resolve
from ..nlp.gazetteer import Gazetteer
from ..nlp.timex import find_timexes
from ..nlp.tokens import tokens_of
from ..options import DEFAULT, Options
from .claims import extract_claims
from .events import extract_events
from .visit_lists import listed_visits


def analyze(document: Document, doc: Doc, gazetteer=None, options: Options = DEFAULT) -> Analysis:
    """Actors, time expressions, then events and claims of one document (a pure function of its parse)."""
    tokens_of(doc, document.text)   # the token table every stage below reads, built once for this document
    gazetteer = gazetteer or Gazetteer.load()
    actors = resolve(doc, find_actors(doc, gazetteer, date=document.published), gazetteer, document.dateline,
                     document.published)
    timexes = find_timexes(document.text, document.published)
    events = extract_events(document, doc, actors, timexes, options,
                            agents=getattr(gazetteer, "agents", None) if options.domestic else None)
    events += listed_visits(document, gazetteer.resolve_country)
    claims = extract_claims(document, doc, actors, timexes, options)
    return Analysis(document=document, events=events, claims=claims, n_tokens=len(doc))
