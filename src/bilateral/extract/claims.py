"""Figures -> claims: what each figure measures, who to whom, over which period.

`extract_claims` turns the quantities of one document into ledger rows. The metric is read in
`claim_metric` (the figure's own noun phrase first, then the nearest cue in its sentence that no
other figure owns); the direction in `claim_roles` (demonyms and possessives on the figure, the
clause subject, "to/in X" objects), filled in from the document's main pair of countries; the period
in `claim_period` (the nearest time expression that no other figure stands in front of).
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Optional

from spacy.tokens import Doc

from ..lexicon import load as load_lexicon
from ..model import ActorMention, Claim, Document, Quantity, Timex, stable_id
from ..nlp.quantities import find_quantities
from ..options import DEFAULT, Options
from .claim_metric import metric_of, single_item
from .claim_period import period_of, rank_group
from .claim_roles import actors_inside, direction_of, directed_pair, scope_of
from .metrics import SHIPPED_METRICS, metrics
from .money import to_usd


def extract_claims(document: Document, doc: Doc, actors: list[ActorMention],
                   timexes: list[Timex], options: Options = DEFAULT) -> list[Claim]:
    """Every claim in the document, in text order, read with the metric lexicon of `options`."""
    m = metrics(load_lexicon(options.lexicon))
    text = document.text
    pair = main_pair(actors)
    quantities = find_quantities(text)
    claims: list[Claim] = []
    previous: Optional[tuple] = None
    antecedent: Optional[Claim] = None
    seen: dict = {}
    for q in quantities:
        start, end = passage_of(doc, text, q.start)
        others = [o for o in quantities if o is not q and start <= o.start < end]
        claim = _claim(document, doc, q, (start, end), others, actors, timexes, pair, previous, seen, m)
        if claim is None:
            continue
        if antecedent is not None and q.start - antecedent.char_end <= ANAPHORA_REACH and _anaphoric(text, q, start):
            claim = _as_antecedent(claim, antecedent)
        claims.append(claim)
        if claim.subject and claim.object:
            previous = (claim.subject, claim.object)
        if claim.metric != "other" and claim.rank is None:
            antecedent = claim
    return _orient_trade(claims, pair)


ANAPHORA_REACH = 400   # characters back to the figure "the figure" can refer to


_ANAPHORIC = re.compile(r"\b(?:the|this|that|a|an|its|their)\s+(?:[a-z]+\s+){0,2}?(?:figure|estimate|tally)\s+"
                        r"(?:[a-z]+\s+){0,3}?$", re.IGNORECASE)


def _anaphoric(text: str, q: Quantity, start: int) -> bool:
    """"put the figure at $3 billion", "gave a lower estimate of ...": a figure for what was just measured."""
    return _ANAPHORIC.search(text[max(start, q.start - 60):q.start]) is not None


def _as_antecedent(claim: Claim, antecedent: Claim) -> Claim:
    """The claim measures what the figure before it measured: its metric and direction."""
    return dataclasses.replace(claim, metric=antecedent.metric, fine_metric=antecedent.fine_metric,
                               subject=antecedent.subject, object=antecedent.object,
                               claim_id=stable_id("c", claim.doc_id, claim.char_start, claim.char_end,
                                                  antecedent.metric))


def _orient_trade(claims: list[Claim], pair: tuple) -> list[Claim]:
    """Two-way trade has no giver: orient it like most of the document's claims on the pair."""
    flows = Counter((c.subject, c.object) for c in claims
                    if c.metric != "trade" and c.subject and c.object and {c.subject, c.object} == set(pair))
    subject, obj = flows.most_common(1)[0][0] if flows else (pair + (None, None))[:2]
    for c in claims:
        if c.metric == "trade" and c.subject is None and c.object is None:
            c.subject, c.object = subject, obj
    return claims


def main_pair(actors: list[ActorMention]) -> tuple:
    """The two most mentioned country codes, in the order the document first names them."""
    counts = Counter(a.code for a in actors if a.code and len(a.code) == 3
                     and a.kind in ("country", "demonym", "capital"))
    top = [c for c, _ in counts.most_common(2)]
    first = {c: min(a.start for a in actors if a.code == c) for c in top}
    return tuple(sorted(top, key=first.get))


def _elided(text: str, q: Quantity, others: list) -> tuple:
    """"1.3 million Australians visited, more than 1 million of them to Bali": the part takes the
    whole's unit and, later, its metric.  Returns (quantity, the whole or None)."""
    if q.unit is not None or not re.match(r"\s+of (?:them|whom|those|these)\b", text[q.end:q.end + 20]):
        return q, None
    whole = [o for o in others if o.end <= q.start and o.unit]
    return (dataclasses.replace(q, unit=whole[-1].unit), whole[-1]) if whole else (q, None)


def _claim(document, doc, q: Quantity, passage, others, actors, timexes, pair, previous, seen=None,
           m=SHIPPED_METRICS):
    text = document.text
    start, end = passage
    sentence = text[start:end]
    q, whole = _elided(text, q, others)
    if whole is not None:
        metric, fine, cue = metric_of(doc, text, whole, passage, [o for o in others if o is not whole], seen, m)
    else:
        metric, fine, cue = metric_of(doc, text, q, passage, others, seen, m)
    if metric is None:
        return None
    if metric == "other" and q.rank is None and q.value is not None and q.value < 10 \
            and q.unit != "percent":
        return None  # "the two people", "three programmes": small counts are not ledger figures
    if metric == "trade" and directed_pair(text, q, actors_inside(actors, passage, q))[0]:
        metric = "exports"  # "Germany to Namibia: EUR 90 million" under a trade heading
    subject, obj = direction_of(doc, text, q, passage, actors, metric, cue, pair, previous)
    scope = scope_of(q, passage, actors, obj, metric, others)
    kind, p_start, p_end, as_of = period_of(doc, text, q, passage, others, timexes, metric,
                                          document.published)
    if metric == "oda" and fine is None and kind not in ("cumulative",) and single_item(sentence):
        metric = "aid"
    return Claim(
        claim_id=stable_id("c", document.doc_id, q.start, q.end, metric), doc_id=document.doc_id,
        metric=metric, subject=subject, object=obj, value=q.value, unit=q.unit,
        qualifier=q.qualifier, low=q.low, high=q.high, scope=scope, period_start=p_start,
        period_end=p_end, period_kind=kind, as_of=as_of, rank=q.rank,
        rank_group=rank_group(text, q, actors, end) if q.rank else None,
        value_usd=to_usd(q.value, q.unit, as_of or p_end), fine_metric=fine, text=q.text,
        sentence=sentence.strip(), char_start=q.start, char_end=q.end)


def passage_of(doc: Doc, text: str, i: int) -> tuple[int, int]:
    """The sentence holding offset i, cut to its line: list items and headings stand alone."""
    span = doc.char_span(i, i + 1, alignment_mode="expand")
    sent = span.sent if span is not None else doc[:0]
    start, end = (sent.start_char, sent.end_char) if len(sent) else (0, len(text))
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    return max(start, line_start), min(end, line_end)
