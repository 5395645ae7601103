"""How a passage answer is told: quoted with its source, or the plain "the documents do not say" when no
passage covers what the question is about well enough (COVERED)."""
from __future__ import annotations

import re
from typing import Optional

from .cite import cite_passage, source_label
from .find import Hit
from .intent import Intent
from .model import Answer
from .record import Record

NOT_SAID = "The documents do not say"
COVERED = 0.4          # share of the question's focus (idf-weighted) a passage must hold to answer from it
HEADING = re.compile(r":\s*$|^[A-Z][A-Z \-–’'(),]+$|^[^.!?]{0,80}$")
BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def src(rec: Record, p) -> str:
    return source_label(rec.docs.get(p.doc_id))


def said(rec: Record, it: Intent, text: str, hits: list, items: Optional[list] = None) -> Answer:
    return Answer(text=text, citations=[cite_passage(rec.docs, h.p) for h in hits], items=items or [],
                  kind=it.kind, basis="passage")


def not_said(rec: Record, it: Intent, what: str, near: Optional[list] = None) -> Answer:
    """The plain answer when no passage holds it; the closest passage is cited, not quoted."""
    text = f"{NOT_SAID} {what}."
    cites = []
    if near:
        cites = [cite_passage(rec.docs, near[0].p)]
        text += " The closest passage is cited below; it does not answer the question."
    return Answer(text=text, citations=cites, kind=it.kind, answered=False, basis="passage")


def covered(hits: list) -> list:
    return [h for h in hits if h.cov >= COVERED]


def quote(rec: Record, h: Hit, piece: str) -> str:
    return f"“{piece}” ({src(rec, h.p)})"
