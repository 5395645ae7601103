"""Choosing the answer: the record's events and claims first, passages when the record lacks the item.

Both answerers run; the record's answer stands when its cited sentences hold what the question is
about as well as the best passage does (less a small margin, so the record wins ties).  Otherwise
the passage answer stands, and says so in its basis."""
from __future__ import annotations

from .find import coverage, locate_focus, weights
from .from_passages import COVERED, from_passages
from .from_record import from_record
from .intent import Intent
from .model import Answer
from .record import Record

MARGIN = 0.15


def support(rec: Record, it: Intent, answer: Answer) -> float:
    """The best focus coverage among an answer's cited sentences (0 when it answers nothing)."""
    if not answer.answered or not answer.citations:
        return 0.0
    w = weights(rec, it.focus)
    return max(coverage(locate_focus(c.sentence, it.focus), w) for c in answer.citations)


def compose(rec: Record, it: Intent) -> Answer:
    """Answer one parsed question, from the record where it holds the item, else from passages."""
    record = from_record(rec, it)
    passage = from_passages(rec, it)
    rs, ps = support(rec, it, record), support(rec, it, passage)
    if record.answered and rs >= COVERED and rs >= ps - MARGIN:
        return record
    if passage.answered:
        return passage
    if record.answered and rs >= COVERED:
        return record
    return passage
