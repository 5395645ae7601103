"""Choosing the answer: the record's events and claims first, passages when the record lacks the item.

Both answerers run; the record's answer stands when its cited sentences hold what the question is
about as well as the best passage does (less a small margin, so the record wins ties).  Otherwise
the passage answer stands, and says so in its basis."""
from __future__ import annotations

import re

from .find import TITLES, coverage, locate_focus, weights
from .find import support as score
from .from_passages import COVERED, from_passages
from .from_record import from_record
from .intent import Intent
from .model import Answer
from .record import Record
from .spans import YEAR

MARGIN = 0.3   # in retrieval score points: the record wins near-ties


def support(rec: Record, it: Intent, answer: Answer) -> float:
    """How well the sentence an answer rests on (its first citation) fits the question, scored the way
    retrieval scores passages.

    A record answer whose stated year no cited sentence shows loses a point: the record dated it from
    elsewhere, and a passage that states the date is the better ground."""
    if not answer.answered or not answer.citations:
        return 0.0
    first = answer.citations[0]
    got = score(rec, it, first.doc_id, first.char_start, first.sentence)
    if answer.basis == "record":
        got += explained(rec, it, answer)
    if answer.basis == "record" and it.kind == "date":
        years = YEAR.findall(answer.text.split(":")[0])
        if years and not any(years[0] in c.sentence for c in answer.citations):
            got -= 1.0
        if reversed_actors(it, answer.items[:1]):
            got -= 1.0
    return got


def reversed_actors(it: Intent, items: list) -> bool:
    """Whether a record event runs the other way from the question ("When did Chile open its embassy in
    New Zealand?" answered by New Zealand's embassy in Chile); "A and B" questions have no direction."""
    if len(it.codes) < 2 or not items or "source" not in items[0]:
        return False
    if re.search(rf"\b{re.escape(it.names[0])}\b\s+and\b", it.question) if it.names else False:
        return False
    src, tgt = (items[0].get("source") or {}).get("code"), (items[0].get("target") or {}).get("code")
    return src == it.codes[1] and tgt == it.codes[0]


def explained(rec: Record, it: Intent, answer: Answer) -> float:
    """What the record's own reading adds: a claim of the asked metric accounts for the question's figure
    words ("development assistance") even when its sentence says "grants"."""
    metrics = set(it.metrics) | ({it.rank_metric} if it.rank_metric else set())
    words = [f for f in it.focus if f in it.metric_words]
    if not words or not any(x.get("metric") in metrics or x.get("fine_metric") in metrics for x in answer.items):
        return 0.0
    w = weights(rec, it.focus)
    have = locate_focus(answer.citations[0].sentence, it.focus)
    missing = sum(w[f] for f in words if f not in have)
    return 3.0 * 0.5 * missing / (sum(w.values()) or 1.0)   # as if the sentence before had said them


def covers(rec: Record, it: Intent, answer: Answer) -> float:
    if not answer.citations:
        return 0.0
    w = weights(rec, it.focus)
    have = set(locate_focus(answer.citations[0].sentence, it.focus))
    if answer.basis == "record" and explained(rec, it, answer):
        have |= set(it.metric_words)
    got = coverage({f: [] for f in have if f in w}, w)
    titles = [f for f in it.focus if f in TITLES]
    return got * 0.6 if titles and not any(f in have for f in titles) else got


def documents(answer: Answer) -> int:
    return len({c.doc_id for c in answer.citations})


def compose(rec: Record, it: Intent) -> Answer:
    """Answer one parsed question, from the record where it holds the item, else from passages."""
    record = from_record(rec, it)
    passage = from_passages(rec, it)
    rs, ps = support(rec, it, record), support(rec, it, passage)
    if passage.answered and it.kind in ("compare", "conflict") and len(passage.citations) > len(record.citations):
        rs -= 1.0   # two sides or two figures beat one
    held = record.answered and covers(rec, it, record) >= COVERED
    if held and it.kind == "conflict" and any("conflict_id" in x for x in record.items):
        return record   # reconciliation itself found the disagreement
    if held and (not passage.answered or rs >= ps - MARGIN):
        return record
    return passage
