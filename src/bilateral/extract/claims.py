"""Figures -> claims: what each figure measures, who to whom, over which period.

`extract_claims` turns the quantities of one document into ledger rows.  The
metric comes from the lexicon in `metrics` (the figure's own noun phrase first,
then the nearest cue in its sentence that no other figure owns); direction from
the parse (demonyms and possessives on the figure, the clause subject, "to/in X"
objects), filled in from the document's main pair of countries; the period from
the nearest time expression that no other figure stands in front of.
"""
from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Optional

from spacy.tokens import Doc, Span, Token

from bilateral.extract import metrics as lex
from bilateral.model import ActorMention, Claim, Document, Quantity, Timex, stable_id
from bilateral.nlp.quantities import PERSON_NOUNS, count_noun, find_quantities

KEPT_COUNT_UNITS = {"people", "companies", "projects", "percent"}
ROLE_KINDS = {"country", "demonym", "capital", "igo", "org", "person"}
CLAUSAL = {"relcl", "advcl", "ccomp", "acl", "csubj", "parataxis"}
OBJECT_PREPS = {"to", "in", "into", "for", "toward", "towards", "at", "inside"}
OWN_BREAKS = {"in", "of", "for", "to", "which", "that", "who", "was", "were", "is", "are", "and",
              "or", "from", "by", "with", "on", "at", "as", "a", "an"}
LIST_ITEM = re.compile(r"^\s*(?:[*\-•–]|\d+[.)])\s+")
DIRECTED_PAIR = re.compile(r"^(?P<a>.+?)\s+to\s+(?P<b>.+?)\s*[:–-]\s*$")


@dataclass
class _Cue:
    """A lexicon phrase found in a sentence: where it stands and the fine metric it names."""

    start: int
    end: int
    fine: str


def extract_claims(document: Document, doc: Doc, actors: list[ActorMention],
                   timexes: list[Timex]) -> list[Claim]:
    """Every claim in the document, in text order."""
    text = document.text
    pair = main_pair(actors)
    quantities = find_quantities(text)
    claims: list[Claim] = []
    previous: Optional[tuple] = None
    for q in quantities:
        start, end = _passage(doc, text, q.start)
        others = [o for o in quantities if o is not q and start <= o.start < end]
        claim = _claim(document, doc, q, (start, end), others, actors, timexes, pair, previous)
        if claim is None:
            continue
        claims.append(claim)
        if claim.subject and claim.object:
            previous = (claim.subject, claim.object)
    return claims


def main_pair(actors: list[ActorMention]) -> tuple:
    """The two most mentioned country codes, in the order the document first names them."""
    counts = Counter(a.code for a in actors if a.code and len(a.code) == 3
                     and a.kind in ("country", "demonym", "capital"))
    top = [c for c, _ in counts.most_common(2)]
    first = {c: min(a.start for a in actors if a.code == c) for c in top}
    return tuple(sorted(top, key=first.get))


def _claim(document, doc, q: Quantity, passage, others, actors, timexes, pair, previous):
    text = document.text
    start, end = passage
    sentence = text[start:end]
    metric, fine, cue = _metric(doc, text, q, passage, others)
    if metric is None:
        return None
    if metric == "other" and q.rank is None and q.value is not None and q.value < 10 \
            and q.unit != "percent":
        return None  # "the two people", "three programmes": small counts are not ledger figures
    subject, obj = _direction(doc, text, q, passage, actors, metric, cue, pair, previous)
    scope = _scope(q, passage, actors, obj, metric)
    kind, p_start, p_end, as_of = _period(doc, text, q, passage, others, timexes, metric,
                                          document.published)
    if metric == "oda" and fine is None and kind not in ("cumulative",) and _single(sentence):
        metric = "aid"
    return Claim(
        claim_id=stable_id("c", document.doc_id, q.start, q.end, metric), doc_id=document.doc_id,
        metric=metric, subject=subject, object=obj, value=q.value, unit=q.unit,
        qualifier=q.qualifier, low=q.low, high=q.high, scope=scope, period_start=p_start,
        period_end=p_end, period_kind=kind, as_of=as_of, rank=q.rank,
        rank_group=_rank_group(text, q, actors, end) if q.rank else None,
        value_usd=to_usd(q.value, q.unit, as_of or p_end), fine_metric=fine, text=q.text,
        sentence=sentence.strip(), char_start=q.start, char_end=q.end)


# --- where a figure stands ------------------------------------------------------


def _passage(doc: Doc, text: str, i: int) -> tuple[int, int]:
    """The sentence holding offset i, cut to its line: list items and headings stand alone."""
    span = doc.char_span(i, i + 1, alignment_mode="expand")
    sent = span.sent if span is not None else doc[:0]
    start, end = (sent.start_char, sent.end_char) if len(sent) else (0, len(text))
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    return max(start, line_start), min(end, line_end)


def _tokens(doc: Doc, start: int, end: int) -> Optional[Span]:
    return doc.char_span(start, end, alignment_mode="expand")


# --- metric ---------------------------------------------------------------------


def _cues(text: str, start: int, end: int, terms: dict) -> list[_Cue]:
    """Lexicon phrases in text[start:end], longest match first where phrases overlap."""
    low = text[start:end].lower()
    found: list[_Cue] = []
    phrases = sorted(((p, f) for f, ps in terms.items() for p in ps), key=lambda x: -len(x[0]))
    for phrase, fine in phrases:
        for m in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", low):
            s, e = start + m.start(), start + m.end()
            if not any(c.start < e and s < c.end for c in found):
                found.append(_Cue(s, e, fine))
    return found


def _owned(text: str, q: Quantity, cues: list[_Cue]) -> list[_Cue]:
    """Cues that belong to the figure: right after it ("$2 billion tab", "3,000 Korean
    tourists") or joined by in/of/for ("$1.7 billion in grant aid")."""
    out = []
    for c in cues:
        if c.start < q.end:
            continue
        words = text[q.end:c.start].split()
        if words and words[0].lower() in ("in", "of", "for", "worth"):
            words = words[1:]
        if len(words) <= 3 and all(w.isalpha() and w.lower() not in OWN_BREAKS for w in words):
            out.append(c)
    return out


def _metric(doc, text, q: Quantity, passage, others) -> tuple:
    """(metric, fine metric, the cue that decided it) of a figure; metric None when it is no ledger figure."""
    start, end = passage
    if q.rank is not None:
        role = re.search(r"(trading partner|\w+)$", q.text.lower()).group(1)
        fine = lex.RANK_ROLES.get(role, "other")
        return lex.FINE_TO_METRIC[fine], (fine if fine != lex.FINE_TO_METRIC[fine] else None), None
    if q.unit == "companies":
        return "companies", None, None
    if q.unit == "projects":
        return "other", None, None
    money = q.unit == "percent" or (q.unit is not None and q.unit.isupper() and len(q.unit) == 3)
    if not money and q.unit != "people":
        return None, None, None
    terms = lex.MONEY_TERMS if money else lex.PEOPLE_TERMS
    cues = _cues(text, start, end, terms) or _intro_cues(text, start, terms)
    noun = count_noun(text, q.end)
    if not money and noun in PERSON_NOUNS:
        direct = next((f for f, ps in terms.items() if noun in ps), None)
        if direct:
            return direct, None, None
        if noun in ("citizens", "nationals") and _demonym_before(text, q.end):
            return "residents", None, None
    cue = _pick(text, q, cues, others, money)
    if cue is None:
        return "other", None, None
    if cue.fine == "aid_generic":
        return ("oda" if _cumulative_words(text[start:end]) else "aid"), None, cue
    if cue.fine == "cost":
        if re.search(r"\b(?:UN|United Nations)\b|peacekeeping", text[start:end]):
            return "peacekeeping_contribution", None, cue
        return "other", None, cue
    metric = lex.FINE_TO_METRIC[cue.fine]
    return metric, (cue.fine if cue.fine != metric else None), cue


def _pick(text, q: Quantity, cues: list[_Cue], others, money: bool) -> Optional[_Cue]:
    """The figure's own cue, else the nearest cue that no other figure owns."""
    own = _owned(text, q, cues)
    if own:
        return own[0]
    taken = {id(c) for o in others for c in _owned(text, o, cues)}
    free = [c for c in cues if id(c) not in taken]
    if not money:
        free = [c for c in free if not any(min(c.end, q.start) <= o.start < max(c.start, q.end)
                                           for o in others)] or free
    if not free:
        return None
    return min(free, key=lambda c: c.start - q.end if c.start >= q.end else q.start - c.end)


def _intro_cues(text: str, start: int, terms: dict) -> list[_Cue]:
    """For a list item, the cues of the line that introduces the list (or its heading)."""
    line_start = text.rfind("\n", 0, start) + 1
    if not LIST_ITEM.match(text[line_start:start + 4]):
        return []
    pos = line_start - 1
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos) + 1
        line = text[prev_start:pos]
        if line.strip() and not LIST_ITEM.match(line):
            return [_Cue(start, start, c.fine) for c in _cues(text, prev_start, pos, terms)]
        pos = prev_start - 1
    return []


def _demonym_before(text: str, end: int) -> bool:
    return bool(re.match(r"\s+[A-Z][a-z]+(?:ese|ian|ish|an|i|ch)\b", text[end:end + 30]))


def _cumulative_words(sentence: str) -> bool:
    low = sentence.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in lex.CUMULATIVE_WORDS) or \
        bool(re.search(r"\bsince\b|\bover the (?:last|past)\b", low))


def _single(sentence: str) -> bool:
    """A sentence about one package or project rather than an overall sum."""
    return bool(re.search(r"\b(?:package|programme|program|project|worth|pledged|loan of)\b", sentence.lower()))


# --- direction ------------------------------------------------------------------


def _direction(doc, text, q: Quantity, passage, others, actors, metric, pair, previous):
    """(subject, object) codes of a figure."""
    start, end = passage
    inside = [a for a in actors if start <= a.start < end and a.code and a.kind in ROLE_KINDS
              and not (a.start < q.end and q.start < a.end and a.kind != "demonym")]
    subject, obj = _directed_pair(text, q, inside)
    if subject is None and obj is None:
        subject, obj = _roles(doc, q, inside, metric)
    if metric == "peacekeeping_contribution":
        igo = next((a.code for a in inside if a.kind == "igo"), "UN")
        if obj is None or len(obj) == 3:
            obj = igo
        if _share(text, q):
            return None, obj
        return subject, obj
    if metric == "trade":  # bilateral volume: no giver, keep the pair's running orientation
        return previous if previous and set(previous) == set(pair) else (pair + (None, None))[:2]
    if subject == obj:
        obj = None
    if subject and not obj:
        obj = next((c for c in pair if c != subject), None)
    elif obj and not subject:
        subject = next((c for c in pair if c != obj), None)
    elif not subject and not obj:
        subject, obj = previous if previous else (pair + (None, None))[:2]
    return subject, obj


def _directed_pair(text, q: Quantity, inside) -> tuple:
    """"Germany to Namibia: EUR 12 million" -> the two actors in the order written."""
    line_start = text.rfind("\n", 0, q.start) + 1
    head = text[line_start:q.start]
    head = LIST_ITEM.sub("", head)
    m = DIRECTED_PAIR.match(head)
    if not m:
        return None, None
    base = line_start + (len(text[line_start:q.start]) - len(head))
    a = [x.code for x in inside if base + m.start("a") <= x.start < base + m.end("a")]
    b = [x.code for x in inside if base + m.start("b") <= x.start < base + m.end("b")]
    return (a[0], b[0]) if a and b else (None, None)


def _roles(doc, q: Quantity, inside, metric) -> tuple:
    """Subject from a demonym or possessive on the figure, else the clause subject; object from to/in/into X."""
    span = _tokens(doc, q.start, q.end)
    if span is None or not inside:
        return None, None
    by_token = {}
    for a in inside:
        s = _tokens(doc, a.start, a.end)
        if s is not None:
            by_token[a.start] = (a, s)
    subject = _modifier_subject(doc, q, span, by_token)
    obj = None
    head = span.root
    for verb in _verb_ancestors(head):
        scope = _clause(verb, span)
        for a, s in by_token.values():
            if not any(t.i in scope for t in s):
                continue
            role = _role(s.root, verb, metric)
            if role == "subject" and subject is None:
                subject = a.code
            elif role == "object" and obj is None and a.code != subject:
                obj = a.code
        if subject and obj:
            break
    return subject, obj


def _modifier_subject(doc, q, span: Span, by_token) -> Optional[str]:
    """A demonym or possessive in the figure's noun phrase: "Japanese tourists", "Korea's aid"."""
    right = doc.char_span(q.end, min(len(doc.text), q.end + 60), alignment_mode="contract")
    window = [t for t in (right or [])][:6]
    heads = {span.root.i} | {t.i for t in window}
    for a, s in by_token.values():
        if a.kind != "demonym" and s.root.dep_ != "poss":
            continue
        if s.root.head.i in heads or a.start >= q.start and a.start <= q.end + 40 and \
                s.root.head.i in {t.i for t in window}:
            return a.code
        if q.start <= a.start < q.end + 1:
            return a.code
    noun_head = span.root.head if span.root.dep_ in ("nummod", "quantmod", "compound") else span.root
    for a, s in by_token.values():
        if (a.kind == "demonym" or s.root.dep_ == "poss") and s.root.head.i == noun_head.i:
            return a.code
    return None


def _verb_ancestors(token: Token) -> list[Token]:
    out = [t for t in [token, *token.ancestors] if t.pos_ in ("VERB", "AUX")]
    return out[:3]


def _clause(verb: Token, span: Span) -> set:
    """Token indexes of the verb's clause, without nested clauses that do not hold the figure."""
    keep = set()
    figure = {t.i for t in span}
    for t in verb.subtree:
        keep.add(t.i)
    for t in verb.subtree:
        if t.dep_ in CLAUSAL and t.i != verb.i and not figure & {x.i for x in t.subtree}:
            keep -= {x.i for x in t.subtree}
    return keep


def _role(token: Token, verb: Token, metric: str) -> Optional[str]:
    """"subject" or "object" for an actor token seen from a verb of the figure."""
    path = [token, *token.ancestors]
    for t in path:
        if t.i == verb.i:
            return None
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i:
            return "subject"
        if t.dep_ == "pobj" and t.head.dep_ == "agent":
            return "subject"
        if t.dep_ == "pobj" and t.head.lower_ == "from":
            return "object" if metric == "imports" else "subject"
        if t.dep_ == "pobj" and t.head.lower_ in OBJECT_PREPS:
            return "object"
        if t.dep_ in ("dobj", "attr") and t.head.i == verb.i:
            return "object"
    return None


def _share(text: str, q: Quantity) -> bool:
    before = text[max(0, q.start - 20):q.start].lower()
    return any(re.search(rf"\b{re.escape(w)}(?:\s+the)?\s*$", before) for w in lex.SHARE_WORDS)


def _scope(q: Quantity, passage, actors, obj, metric) -> Optional[str]:
    """A place inside the object country that the figure is about ("visit Bali" -> "Bali")."""
    if metric in ("oda", "aid", "trade", "exports", "imports", "donor_rank", "peacekeeping_contribution"):
        return None
    start, end = passage
    places = [a for a in actors if a.kind == "place" and start <= a.start < end
              and (a.code is None or a.code == obj)]
    if not places:
        return None
    return min(places, key=lambda a: abs(a.start - q.start)).text


# --- period ---------------------------------------------------------------------


def _period(doc, text, q: Quantity, passage, others, timexes, metric, published):
    """(period_kind, period_start, period_end, as_of) of a figure."""
    start, end = passage
    sentence = text[start:end].lower()
    t = _timex_for(doc, text, q, passage, others, timexes)
    stock = metric in lex.STOCK_METRICS
    if t is None:
        if _near_annual(text, q, end):
            return "annual", None, None, published
        if not stock and _perfect(doc, q):
            return "cumulative", None, _year_of(published), published
        return "point", None, None, published
    if t.type == "SET" or _near_annual(text, q, end):
        return "annual", None, None, published
    date = t.date
    signal = (t.signal or "").lower()
    if t.value == "PRESENT_REF" or date is None and not t.range_start:
        return "point", None, None, published
    if t.range_start and t.range_end and signal != "since":
        return ("point" if stock else "cumulative" if t.type == "DURATION" or signal in ("from", "between")
                or t.range_start[:4] != t.range_end[:4] else "flow"), t.range_start, t.range_end, \
            _as_of(t.range_end, published)
    if signal == "since" or t.range_start and not t.range_end:
        begin = t.range_start or date
        return ("point" if stock else "cumulative"), begin, _year_of(published), published
    if signal in ("by", "as of", "until", "through", "till"):
        if stock:
            return "point", date, date, date
        return "cumulative", None, date, date
    if "so far" in sentence or "to date" in sentence:
        return "cumulative", None, date, date
    return ("point" if stock else "flow"), date, date, _as_of(date, published)


def _timex_for(doc, text, q: Quantity, passage, others, timexes) -> Optional[Timex]:
    """The nearest time expression in the passage with no unlisted figure between it and q."""
    start, end = passage
    best, best_d = None, None
    for t in timexes:
        if not (start <= t.start < end) or (t.start < q.end and q.start < t.end):
            continue
        lo, hi = (q.end, t.start) if t.start >= q.end else (t.end, q.start)
        between = [o for o in others if lo <= o.start < hi]
        if any(not _listed(doc, text, q, o) for o in between):
            continue
        d = hi - lo
        if best_d is None or d < best_d:
            best, best_d = t, d
    return best


def _listed(doc, text, a: Quantity, b: Quantity) -> bool:
    """True when two figures stand in one list: nothing but nouns and commas between them."""
    lo, hi = (a.end, b.start) if a.start < b.start else (b.end, a.start)
    span = _tokens(doc, lo, hi) if hi > lo else None
    if span is None:
        return True
    return not any(t.pos_ in ("VERB", "AUX") for t in span if lo <= t.idx < hi)


def _near_annual(text, q: Quantity, end: int) -> bool:
    tail = text[q.end:end].lower()[:60]
    return any(re.search(rf"^(?:[^.;,]*?\s)?{re.escape(w)}\b", tail) for w in lex.ANNUAL_WORDS)


def _perfect(doc, q: Quantity) -> bool:
    """Present perfect on the figure's verb ("have completed", "has invested"): a running total."""
    span = _tokens(doc, q.start, q.end)
    if span is None:
        return False
    for verb in _verb_ancestors(span.root):
        if verb.tag_ == "VBN" and any(c.lower_ in ("have", "has") for c in verb.children):
            return True
    return False


def _year_of(date: Optional[str]) -> Optional[str]:
    return date[:4] if date else None


def _as_of(end: Optional[str], published: Optional[str]) -> Optional[str]:
    if end and (published is None or end[:len(published)] <= published[:len(end)]):
        return end
    return published


def _rank_group(text, q: Quantity, actors, end: int) -> Optional[str]:
    """The reference a rank is stated against: "second after China" -> "CHN"."""
    m = re.match(r"[\w\s-]{0,30}?\b(?:after|behind|following|next to)\s+", text[q.end:end])
    if not m:
        return None
    at = q.end + m.end()
    hit = next((a for a in actors if a.start == at and a.code), None)
    return hit.code if hit else None


# --- money ----------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def exchange_rates() -> dict:
    """{(currency, year): units per US dollar}, annual averages from data/exchange_rates.csv."""
    path = resources.files("bilateral") / "data" / "exchange_rates.csv"
    with path.open(encoding="utf-8") as f:
        return {(r["currency"], int(r["year"])): float(r["per_usd"]) for r in csv.DictReader(f)}


def to_usd(value: Optional[float], unit: Optional[str], date: Optional[str]) -> Optional[float]:
    """A currency amount in US dollars at the year's average rate (nearest year on file)."""
    if value is None or unit is None or not date or not date[:4].isdigit():
        return None
    if unit == "USD":
        return value
    rates = {y: r for (c, y), r in exchange_rates().items() if c == unit}
    if not rates:
        return None
    year = min(rates, key=lambda y: abs(y - int(date[:4])))
    if abs(year - int(date[:4])) > 2:
        return None
    return value / rates[year]
