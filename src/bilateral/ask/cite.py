"""Citations and the phrases answers are made of: sources, dates, periods and figures as the record gives them."""
from __future__ import annotations

import calendar
import os
from typing import Optional

from bilateral.model import Claim, Document, Mention

from .model import Citation
from .passages import Passage, locate

METRIC_LABELS = {
    "oda": "development assistance", "aid": "aid", "fdi": "foreign direct investment", "trade": "trade",
    "exports": "exports", "imports": "imports", "donor_rank": "donor rank", "investor_rank": "investor rank",
    "tourists": "tourists", "residents": "residents", "companies": "companies", "investors": "investors",
    "students": "students", "trainees": "trainees", "workers": "workers", "troops": "troops",
    "peacekeeping_contribution": "peacekeeping contribution", "other": "figure",
}


def fmt_date(iso: Optional[str]) -> str:
    """"1953-01" -> "January 1953"; "1992-12-22" -> "22 December 1992"; "2016" -> "2016"."""
    if not iso:
        return "an undated time"
    parts = iso.split("-")
    try:
        if len(parts) >= 3:
            return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
        if len(parts) == 2:
            return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    except (ValueError, IndexError):
        return iso
    return parts[0]


def source_label(doc: Optional[Document]) -> str:
    """How an answer names a document: its file name (or title), with its publication date when known."""
    if doc is None:
        return "an unknown document"
    name = os.path.basename(doc.source_path.rstrip("/")) or doc.title or doc.doc_id
    return f"{name} ({doc.published})" if doc.published else name


def period_phrase(c: Claim) -> str:
    """When a figure holds, in words: "in 2016", "from 1992 to 2018", "since 1992", "as of October 2017"."""
    s, e = c.period_start, c.period_end
    if s and e and s != e:
        return f"from {fmt_date(s)} to {fmt_date(e)}"
    if s and not e:
        return f"since {fmt_date(s)}"
    if s and c.period_kind in ("flow", "annual"):
        return f"in {fmt_date(s)}"
    if e and not s and c.period_kind == "cumulative":
        return f"up to {fmt_date(e)}"
    if s:
        return f"as of {fmt_date(s)}"
    if c.as_of:
        return f"as of {fmt_date(c.as_of)}"
    return "(no date given)"


def figure_text(c: Claim) -> str:
    """The figure as its own passage writes it, with the unit noun added when the text is a bare number."""
    text = (c.text or "").strip()
    if c.unit and c.value is not None and text and not any(ch.isalpha() for ch in text) \
            and c.unit.islower() and c.unit not in ("percent",):
        return f"{text} {c.unit}"
    if c.unit == "percent" and text and not any(ch.isalpha() or ch == "%" for ch in text):
        return f"{text} percent"
    return text or "?"


def citation(doc: Optional[Document], doc_id: str, sentence: str, near: int) -> Citation:
    start, end = locate(doc, sentence, near)
    return Citation(doc_id=doc_id, source_path=doc.source_path if doc else "", title=doc.title if doc else None,
                    published=doc.published if doc else None, sentence=sentence.strip(), char_start=start,
                    char_end=end)


def cite_claim(docs: dict, c: Claim) -> Citation:
    return citation(docs.get(c.doc_id), c.doc_id, c.sentence or c.text, max(0, c.char_start - len(c.sentence or "")))


def cite_mention(docs: dict, m: Mention) -> Citation:
    return citation(docs.get(m.doc_id), m.doc_id, m.sentence, m.char_start)


def cite_passage(docs: dict, p: Passage) -> Citation:
    doc = docs.get(p.doc_id)
    return Citation(doc_id=p.doc_id, source_path=doc.source_path if doc else "", title=doc.title if doc else None,
                    published=doc.published if doc else None, sentence=p.text, char_start=p.start, char_end=p.end)


def dedupe(citations: list) -> list:
    seen, out = set(), []
    for c in citations:
        key = (c.doc_id, c.char_start, c.sentence)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
