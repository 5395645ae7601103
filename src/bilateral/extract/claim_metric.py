"""What a figure measures: the metric lexicon's cues around it, the figure's own first."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..model import Quantity
from ..nlp.quantities import PERSON_NOUNS, count_noun
from ..nlp.tokens import tokens_of
import bilateral.extract.metrics as lex
from .metrics import SHIPPED_METRICS, Metrics
from .parse import VERBAL, token_range


LIST_ITEM = re.compile(r"^\s*(?:[*\-•–]|\d+[.)])\s+")


@dataclass
class Cue:
    """A lexicon phrase found in a sentence: where it stands and the fine metric it names."""

    start: int
    end: int
    fine: str


def cues_in(text: str, start: int, end: int, phrases: list, seen: Optional[dict] = None) -> list[Cue]:
    """Lexicon phrases (`Metrics.phrases`) in text[start:end], longest match first where phrases overlap.

    `seen` keeps them per passage for one document: the figures of a sentence share its cues (the
    list is read, never changed)."""
    if seen is None:
        return _find_cues(text, start, end, phrases)
    key = (start, end, id(phrases))
    if key not in seen:
        seen[key] = _find_cues(text, start, end, phrases)
    return seen[key]


def _find_cues(text: str, start: int, end: int, phrases: list) -> list[Cue]:
    low = text[start:end].lower()
    found: list[Cue] = []
    for phrase, fine, rx in phrases:
        if phrase not in low:
            continue
        for m in rx.finditer(low):
            s, e = start + m.start(), start + m.end()
            if not any(c.start < e and s < c.end for c in found):
                found.append(Cue(s, e, fine))
    return found


OWN_BREAKS = {"in", "of", "for", "to", "which", "that", "who", "was", "were", "is", "are", "and",
              "or", "from", "by", "with", "on", "at", "as", "a", "an"}


# Between a cue and the figure it heads when no verb stands between: "Chilean exports to Peru $2.6 billion",
# "interest of 5.5 pct", "Grant Assistance: 4.9 billion yen", "boosted reserves to 50 billion dlrs".
HEADED = re.compile(r"(?:\s+(?:to|from|with|in)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?|\s+(?:of|to|at)|\s*:)?\s*")


def _owned(text: str, q: Quantity, cues: list[Cue]) -> list[Cue]:
    """Cues that belong to the figure: right after it ("$2 billion tab", "3,000 Korean
    tourists") or joined by in/of/for ("$1.7 billion in grant aid"), then one that heads it with no verb
    between ("two-way trade $6.7 billion", "interest of 5.5 pct")."""
    out = []
    before = [c for c in cues if c.end <= q.start and HEADED.fullmatch(text, c.end, q.start)]
    for c in cues:
        if c.start < q.end:
            continue
        words = text[q.end:c.start].split()
        if words and words[0].lower() in ("in", "of", "for", "worth"):
            words = words[1:]
        if len(words) <= 3 and all(w.isalpha() and w.lower() not in OWN_BREAKS for w in words):
            out.append(c)
    return out + before[-1:]


# Lenders that are commercial banks ("U.K. banks", "creditor banks"), not a state's or a development bank.
COMMERCIAL = re.compile(r"(?<!development )(?<!multilateral )(?<!central )(?<!export-import )\bbanks\b", re.I)


def metric_of(doc, text, q: Quantity, passage, others, seen=None, m: Metrics = SHIPPED_METRICS) -> tuple:
    """(metric, fine metric, the cue that decided it) of a figure by the metric lexicon `m`; metric None
    when it is no ledger figure."""
    start, end = passage
    if q.rank is not None:
        role = re.search(r"(trading partner|\w+)$", q.text.lower()).group(1)
        fine = m.rank_roles.get(role, "other")
        return m.families[fine], (fine if fine != m.families[fine] else None), None
    if q.unit == "companies":
        return "companies", None, None
    if q.unit == "projects":
        return "other", None, None
    money = q.unit == "percent" or (q.unit is not None and q.unit.isupper() and len(q.unit) == 3) \
        or q.unit in m.measure_units or "_per_" in (q.unit or "")
    if q.unit is None:
        return None, None, None
    if re.match(r"[A-Z]{3}_per_", q.unit):
        return m.families["price"], "price", None   # "18 dlrs a barrel": a price, whatever it is the price of
    if not money and q.unit != "people":
        return "other", None, None   # a count of things ("15 bilateral agreements")
    terms = m.money if money else m.people
    phrases = m.phrases["money" if money else "people"]
    cues = cues_in(text, start, end, phrases, seen) or intro_cues(text, start, phrases)
    noun = count_noun(text, q.end)
    if not money and noun in PERSON_NOUNS:
        direct = next((f for f, ps in terms.items() if noun in ps), None)
        if direct:
            return m.families[direct], (direct if m.families[direct] != direct else None), None
        if noun in ("citizens", "nationals") and _demonym_before(text, q.end):
            return "residents", None, None
    if not money and not cues and noun is None and q.unit == "people":
        return "residents", None, None   # "278 Albanians" with nothing said of them: a community
    cue = _subject_cue(doc, q, cues, others, text) or _pick(text, q, cues, others, money)
    if cue is None:
        return "other", None, None
    goods = not q.unit.isupper() and q.unit != "percent"   # barrels, tonnes: goods, not money
    if cue.fine == "aid_generic":
        return ("oda" if cumulative_words(text[start:end]) and not goods else "aid"), None, cue
    if cue.fine == "cost":
        if re.search(r"\b(?:UN|United Nations)\b|peacekeeping", text[start:end]):
            return "peacekeeping_contribution", None, cue
        return "other", None, cue
    metric = m.families[cue.fine]
    if metric == "imports" and any(o.unit == "percent" and cue in _owned(text, o, [cue]) for o in [q, *others]):
        return "fdi", None, cue   # "to buy 15% of the oil unit for $2bn": buying a share is investing
    if metric == "oda" and goods:
        return "aid", None, cue   # "lending Ecuador five mln barrels of crude": goods lent are aid
    if cue.fine == "oda_loans" and COMMERCIAL.search(text, start, end):
        return "other", None, cue   # "owes U.K. banks 8.5 billion dlrs in loans": commercial debt, no aid
    return metric, (cue.fine if cue.fine != metric else None), cue


def _subject_cue(doc, q: Quantity, cues: list[Cue], others, text) -> Optional[Cue]:
    """"Two-way trade ... stood at A$11.7 billion": a cue in the subject of the figure's own verb wins
    over a nearer one in another clause, unless the figure carries its own cue."""
    if _owned(text, q, cues):
        return None
    span = token_range(doc, q.start, q.end)
    if span is None:
        return None
    T = tokens_of(doc)
    verb = next((t for t in T.ancestors(span[2]) if T.pos[t] in VERBAL), None)
    if verb is None:
        return None
    subj = [c for c in T.children[verb] if T.dep[c] in ("nsubj", "nsubjpass")]
    if not subj:
        return None
    first = doc[subj[0]]
    lo, hi = first.left_edge.idx, first.right_edge.idx + len(first.right_edge)
    inside = [c for c in cues if lo <= c.start < hi and not any(lo <= o.start < hi for o in others)]
    return inside[-1] if inside else None


def _pick(text, q: Quantity, cues: list[Cue], others, money: bool) -> Optional[Cue]:
    """The figure's own cue, else the nearest cue that no other figure owns."""
    own = _owned(text, q, cues)
    if own:
        return own[0]
    if re.search(r"\bfor\s+$", text[max(0, q.start - 6):q.start]):
        # "to buy 15% of the oil unit for $2bn": the price of a deal measures what the figure before it does
        prior = [o for o in others if o.end <= q.start]
        deal = _owned(text, prior[-1], cues) if prior else []
        if deal:
            return deal[0]
    taken = {id(c) for o in others for c in _owned(text, o, cues)}
    free = [c for c in cues if id(c) not in taken]
    if not money:
        free = [c for c in free if not any(min(c.end, q.start) <= o.start < max(c.start, q.end)
                                           for o in others)] or free
    if not free:
        return None
    return min(free, key=lambda c: c.start - q.end if c.start >= q.end else q.start - c.end)


def intro_cues(text: str, start: int, phrases: list) -> list[Cue]:
    """For a list item, the cues of the line ending in ":" that introduces the list."""
    line_end = text.find("\n", start)
    line = text[text.rfind("\n", 0, start) + 1:len(text) if line_end < 0 else line_end].strip()
    if not item_like(line):
        return []
    pos = text.rfind("\n", 0, start)
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos) + 1
        prev = text[prev_start:pos].strip()
        if prev.endswith(":"):
            return [Cue(start, start, c.fine) for c in cues_in(text, prev_start, pos, phrases)]
        if prev and not item_like(prev):
            return []
        pos = prev_start - 1
    return []


def item_like(line: str) -> bool:
    """A bullet, or a short line that is no finished sentence."""
    return bool(LIST_ITEM.match(line)) or (len(line) < 100 and not line.endswith((".", ":")))


def _demonym_before(text: str, end: int) -> bool:
    return bool(re.match(r"\s+[A-Z][a-z]+(?:ese|ian|ish|an|i|ch)\b", text[end:end + 30]))


CUMULATIVE_RE = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in lex.CUMULATIVE_WORDS)
                           + r"|\bsince\b|\bover the (?:last|past)\b")


SINGLE_RE = re.compile(r"\b(?:package|programme|program|project|worth|pledged|loan of)\b")


def cumulative_words(sentence: str) -> bool:
    return CUMULATIVE_RE.search(sentence.lower()) is not None


def single_item(sentence: str) -> bool:
    """A sentence about one package or project rather than an overall sum."""
    return SINGLE_RE.search(sentence.lower()) is not None
