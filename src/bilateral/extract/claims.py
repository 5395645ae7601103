"""Figures -> claims: what each figure measures, who to whom, over which period.

`extract_claims` turns the quantities of one document into ledger rows. The metric is read in
`claim_metric` (the figure's own noun phrase first, then the nearest cue in its sentence that no
other figure owns); the direction in `claim_roles` (demonyms and possessives on the figure, the
clause subject, "to/in X" objects), filled in from the document's main pair of countries when the
document is about that pair; the period in `claim_period` (the nearest time expression that no other
figure stands in front of).
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Optional

from spacy.tokens import Doc

from ..lexicon import load as load_lexicon
from ..model import ActorMention, Claim, Document, Quantity, Timex, stable_id
from ..nlp.figure_grammar import grammar
from ..nlp.quantities import find_quantities
from ..options import DEFAULT, Options
from .claim_metric import item_like, metric_of, single_item
from .claim_mood import modality_of
from .claim_period import ANAPHORIC_OPENING, period_of, rank_group
from .claim_roles import actors_inside, direction_of, directed_pair, scope_of
from .focus import pair_in_focus
from .metrics import SHIPPED_METRICS, metrics
from .money import to_usd


def extract_claims(document: Document, doc: Doc, actors: list[ActorMention],
                   timexes: list[Timex], options: Options = DEFAULT) -> list[Claim]:
    """Every claim in the document, in text order, read with the metric lexicon of `options`."""
    lex = load_lexicon(options.lexicon)
    m = metrics(lex)
    text = document.text
    pair = main_pair(actors)
    # a side the text leaves open falls to the pair only where the text is about it
    focus = pair_in_focus(actors, pair, list(doc.sents), doc.text)
    quantities = _in_currency_of(find_quantities(text, lex), actors, grammar(lex))
    claims: list[Claim] = []
    previous: Optional[tuple] = None
    antecedent: Optional[Claim] = None
    seen: dict = {}
    for q in quantities:
        start, end = passage_of(doc, text, q.start)
        others = [o for o in quantities if o is not q and start <= o.start < end]
        line_end = text.find("\n", start)
        line = text[text.rfind("\n", 0, start) + 1:len(text) if line_end < 0 else line_end].strip()
        breakdown = item_like(line) and any(
            c.metric == "oda" and c.char_end <= start and q.start - c.char_end <= BREAKDOWN_REACH for c in claims[-3:])
        claim = _claim(document, doc, q, (start, end), others, actors, timexes, pair, previous, seen, m, breakdown,
                       focus)
        if claim is None:
            continue
        if antecedent is not None and q.start - antecedent.char_end <= ANAPHORA_REACH and _anaphoric(text, q, start):
            claim = _as_antecedent(claim, antecedent)
        claims.append(claim)
        if claim.subject and claim.object:
            previous = (claim.subject, claim.object)
        if claim.metric != "other" and claim.rank is None:
            antecedent = claim
    return _reported_month(_restated(_orient_trade(claims, pair)), document.published)


def _reported_month(claims: list[Claim], published: Optional[str]) -> list[Claim]:
    """"South Korea had already bought 310 mln dlrs worth of U.S. wheat": a flow the text gives no time is
    of the month the report came out (its period basis says so, and reconciliation never pits two such
    figures against each other)."""
    for c in claims:
        if c.period_start or c.period_end:
            c.period_basis = "text"
        elif c.period_kind == "flow" and c.value is not None and published and len(published) >= 7:
            c.period_start = c.period_end = published[:7]
            c.period_basis = "document"
    return claims


def _restated(claims: list[Claim]) -> list[Claim]:
    """"South Korea's record 7.1 billion dlrs surplus ... Last year South Korea ran ... a record 7.1 billion
    surplus": a figure the document states again with a period takes that period."""
    dated = [c for c in claims if c.period_start or c.period_end]
    for c in claims:
        if c.period_start or c.period_end or c.value is None or c.period_kind == "cumulative":
            continue
        same = [d for d in dated if d is not c and d.metric == c.metric and d.unit == c.unit and d.value
                and abs(d.value - c.value) <= 0.01 * abs(c.value) and (d.subject, d.object) == (c.subject, c.object)]
        if same:
            c.period_kind, c.period_start, c.period_end, c.as_of = (same[0].period_kind, same[0].period_start,
                                                                    same[0].period_end, same[0].as_of)
    return claims


def _in_currency_of(quantities: list, actors: list, g) -> list:
    """Figures in a currency name several countries use ("120 mln crowns") in the currency of the country
    the document names most among them."""
    countries = Counter(a.code for a in actors if a.code and a.kind in ("country", "demonym", "capital"))
    return [q if q.unit is None or q.unit == (u := g.resolve_currency(q.text, q.unit, countries))
            else dataclasses.replace(q, unit=u) for q in quantities]


ANAPHORA_REACH = 400   # characters back to the figure "the figure" can refer to
BREAKDOWN_REACH = 400  # characters after an oda total within which list items of loans, grants and technical
                       # cooperation split it


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
            c.subject, c.object = subject, obj   # "two-way trade" names the pair by itself
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
    whole's unit and, later, its metric; "a 4.3 billion dlr surplus, including a 7.1 billion surplus with
    the U.S.": a bare figure with a scale word takes the currency of the sentence's figure before it.
    Returns (quantity, the whole or None)."""
    if q.unit is None and q.value is not None and abs(q.value) >= 1e6 and not q.text.strip()[-1:].isdigit():
        money = [o for o in others if o.end <= q.start and o.unit and o.unit.isupper() and len(o.unit) == 3]
        if money:
            return dataclasses.replace(q, unit=money[-1].unit), None
    if q.unit is not None or not re.match(r"\s+of (?:them|whom|those|these)\b", text[q.end:q.end + 20]):
        return q, None
    whole = [o for o in others if o.end <= q.start and o.unit]
    return (dataclasses.replace(q, unit=whole[-1].unit), whole[-1]) if whole else (q, None)


def _claim(document, doc, q: Quantity, passage, others, actors, timexes, pair, previous, seen=None,
           m=SHIPPED_METRICS, breakdown=False, focus=()):
    text = document.text
    start, end = passage
    sentence = text[start:end]
    q, whole = _elided(text, q, others)
    converted = [o for o in others if o.end <= q.start and re.fullmatch(r"\s*\(\s*", text[o.end:q.start])]
    whole = converted[-1] if converted else whole   # "$2bn (£1bn)": a conversion measures what its figure does
    if whole is not None:
        metric, fine, cue = metric_of(doc, text, whole, passage, [o for o in others if o is not whole], seen, m)
    else:
        metric, fine, cue = metric_of(doc, text, q, passage, others, seen, m)
    if metric is None:
        return None
    if metric == "other" and q.rank is None and q.value is not None and q.value < 10 \
            and q.unit != "percent":
        return None  # "the two people", "three programmes": small counts are not ledger figures
    if metric == "other" and q.unit and q.unit.islower() and q.unit != "percent" and "_" not in q.unit \
            and re.search(r"(?:\bthe|\bits|\btheir|['’]s)\s+$", text[max(0, q.start - 12):q.start]):
        return None  # "the country's 3,600 trade agents": things described, not a figure reported
    if metric == "trade" and directed_pair(text, q, actors_inside(actors, passage, q))[0]:
        metric = "exports"  # "Germany to Namibia: EUR 90 million" under a trade heading
    if fine in m.export_fine and breakdown:
        metric = fine   # the export contract's split of an oda total: loans, grants, technical cooperation
    subject, obj = direction_of(doc, text, q, passage, actors, metric, cue, focus, previous, fine, m)
    named = {a.code for a in actors_inside(actors, passage, q)}
    basis = "text" if named & {subject, obj} - {None} or _continues(doc, text, passage, actors, set(pair)) \
        else "document" if subject or obj else None
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
        value_usd=to_usd(q.value, q.unit, as_of or p_end), fine_metric=fine,
        modality=modality_of(doc, text, q, passage, m), direction_basis=basis, text=q.text,
        sentence=sentence.strip(), char_start=q.start, char_end=q.end)


def _continues(doc, text: str, passage, actors, sides: set) -> bool:
    """"... this year's trade surplus with the United States. The surplus rose to 7.4 billion dollars": a
    sentence that names again what the one before told of, where a party was named, keeps that party."""
    again = ANAPHORIC_OPENING.match(text, passage[0])
    span = doc.char_span(passage[0], passage[0] + 1, alignment_mode="expand")
    if not again or span is None or span.sent.start == 0:
        return False
    prev = doc[span.sent.start - 1].sent
    said = text[prev.start_char:prev.end_char]
    return any(re.search(rf"\b{w}\b", said) for w in again.groups() if w) and any(
        prev.start_char <= a.start < prev.end_char and a.code in sides for a in actors)


def passage_of(doc: Doc, text: str, i: int) -> tuple[int, int]:
    """The sentence holding offset i, cut to its line: list items and headings stand alone."""
    span = doc.char_span(i, i + 1, alignment_mode="expand")
    sent = span.sent if span is not None else doc[:0]
    start, end = (sent.start_char, sent.end_char) if len(sent) else (0, len(text))
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    start, end = max(start, line_start), min(end, line_end)
    for m in CITED_END.finditer(text, start, end):   # "... $181 million USD.[13] Estonia's main exports ..."
        if m.end() <= i:
            start = m.end()
        elif m.start() >= i:
            return start, m.start() + 1
    return start, end


CITED_END = re.compile(r"[.!?](?:\[\d+\])+\s+(?=[A-Z])")
