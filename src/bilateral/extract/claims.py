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
import dataclasses
import functools
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Optional

from spacy.tokens import Doc

from bilateral.extract import metrics as lex
from bilateral.model import ActorMention, Claim, Document, Quantity, Timex, stable_id
from bilateral.nlp.quantities import PERSON_NOUNS, count_noun, find_quantities
from bilateral.nlp.timex_lexicon import SHIFT_WORDS, SHIFTED
from bilateral.nlp.tokens import Tokens, tokens_of

KEPT_COUNT_UNITS = {"people", "companies", "projects", "percent"}
ROLE_KINDS = {"country", "demonym", "capital", "igo", "org", "person"}
CLAUSAL = {"relcl", "advcl", "ccomp", "acl", "csubj", "parataxis"}
OBJECT_PREPS = {"to", "in", "into", "for", "toward", "towards", "at", "inside"}
OWN_BREAKS = {"in", "of", "for", "to", "which", "that", "who", "was", "were", "is", "are", "and",
              "or", "from", "by", "with", "on", "at", "as", "a", "an"}
_VERBAL = ("VERB", "AUX")
NP_LINKS = {"compound", "amod", "poss", "nmod", "appos", "conj", "det", "case", "cc", "flat"}
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
    antecedent: Optional[Claim] = None
    seen: dict = {}
    for q in quantities:
        start, end = _passage(doc, text, q.start)
        others = [o for o in quantities if o is not q and start <= o.start < end]
        claim = _claim(document, doc, q, (start, end), others, actors, timexes, pair, previous, seen)
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


def _claim(document, doc, q: Quantity, passage, others, actors, timexes, pair, previous, seen=None):
    text = document.text
    start, end = passage
    sentence = text[start:end]
    q, whole = _elided(text, q, others)
    if whole is not None:
        metric, fine, cue = _metric(doc, text, whole, passage, [o for o in others if o is not whole], seen)
    else:
        metric, fine, cue = _metric(doc, text, q, passage, others, seen)
    if metric is None:
        return None
    if metric == "other" and q.rank is None and q.value is not None and q.value < 10 \
            and q.unit != "percent":
        return None  # "the two people", "three programmes": small counts are not ledger figures
    if metric == "trade" and _directed_pair(text, q, _inside(actors, passage, q))[0]:
        metric = "exports"  # "Germany to Namibia: EUR 90 million" under a trade heading
    subject, obj = _direction(doc, text, q, passage, actors, metric, cue, pair, previous)
    scope = _scope(q, passage, actors, obj, metric, others)
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


def _tokens(doc: Doc, start: int, end: int) -> Optional[tuple]:
    """(first token, end token, root token) of the characters start..end, widened to whole tokens; the
    root is -1 for an empty range.  None when the characters hold no token."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return None if span is None else (span.start, span.end, span.root.i if len(span) else -1)


# --- metric ---------------------------------------------------------------------


_PHRASES: dict = {}


def _phrases(terms: dict) -> list[tuple]:
    """A lexicon's (phrase, fine metric, compiled word-bounded regex), longest phrase first; built once."""
    key = id(terms)
    if key not in _PHRASES:
        phrases = sorted(((p, f) for f, ps in terms.items() for p in ps), key=lambda x: -len(x[0]))
        _PHRASES[key] = (terms, [(p, f, re.compile(rf"(?<![\w-]){re.escape(p)}(?![\w-])")) for p, f in phrases])
    return _PHRASES[key][1]


def _cues(text: str, start: int, end: int, terms: dict, seen: Optional[dict] = None) -> list[_Cue]:
    """Lexicon phrases in text[start:end], longest match first where phrases overlap.

    `seen` keeps them per passage for one document: the figures of a sentence share its cues (the
    list is read, never changed)."""
    if seen is None:
        return _find_cues(text, start, end, terms)
    key = (start, end, id(terms))
    if key not in seen:
        seen[key] = _find_cues(text, start, end, terms)
    return seen[key]


def _find_cues(text: str, start: int, end: int, terms: dict) -> list[_Cue]:
    low = text[start:end].lower()
    found: list[_Cue] = []
    for phrase, fine, rx in _phrases(terms):
        if phrase not in low:
            continue
        for m in rx.finditer(low):
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


def _metric(doc, text, q: Quantity, passage, others, seen=None) -> tuple:
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
    cues = _cues(text, start, end, terms, seen) or _intro_cues(text, start, terms)
    noun = count_noun(text, q.end)
    if not money and noun in PERSON_NOUNS:
        direct = next((f for f, ps in terms.items() if noun in ps), None)
        if direct:
            return direct, None, None
        if noun in ("citizens", "nationals") and _demonym_before(text, q.end):
            return "residents", None, None
    cue = _subject_cue(doc, q, cues, others, text) or _pick(text, q, cues, others, money)
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


def _subject_cue(doc, q: Quantity, cues: list[_Cue], others, text) -> Optional[_Cue]:
    """"Two-way trade ... stood at A$11.7 billion": a cue in the subject of the figure's own verb wins
    over a nearer one in another clause, unless the figure carries its own cue."""
    if _owned(text, q, cues):
        return None
    span = _tokens(doc, q.start, q.end)
    if span is None:
        return None
    T = tokens_of(doc)
    verb = next((t for t in T.ancestors(span[2]) if T.pos[t] in _VERBAL), None)
    if verb is None:
        return None
    subj = [c for c in T.children[verb] if T.dep[c] in ("nsubj", "nsubjpass")]
    if not subj:
        return None
    first = doc[subj[0]]
    lo, hi = first.left_edge.idx, first.right_edge.idx + len(first.right_edge)
    inside = [c for c in cues if lo <= c.start < hi and not any(lo <= o.start < hi for o in others)]
    return inside[-1] if inside else None


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
    """For a list item, the cues of the line ending in ":" that introduces the list."""
    line_end = text.find("\n", start)
    line = text[text.rfind("\n", 0, start) + 1:len(text) if line_end < 0 else line_end].strip()
    if not _item_like(line):
        return []
    pos = text.rfind("\n", 0, start)
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos) + 1
        prev = text[prev_start:pos].strip()
        if prev.endswith(":"):
            return [_Cue(start, start, c.fine) for c in _cues(text, prev_start, pos, terms)]
        if prev and not _item_like(prev):
            return []
        pos = prev_start - 1
    return []


def _item_like(line: str) -> bool:
    """A bullet, or a short line that is no finished sentence."""
    return bool(LIST_ITEM.match(line)) or (len(line) < 100 and not line.endswith((".", ":")))


def _demonym_before(text: str, end: int) -> bool:
    return bool(re.match(r"\s+[A-Z][a-z]+(?:ese|ian|ish|an|i|ch)\b", text[end:end + 30]))


CUMULATIVE_RE = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in lex.CUMULATIVE_WORDS)
                           + r"|\bsince\b|\bover the (?:last|past)\b")
SINGLE_RE = re.compile(r"\b(?:package|programme|program|project|worth|pledged|loan of)\b")


def _cumulative_words(sentence: str) -> bool:
    return CUMULATIVE_RE.search(sentence.lower()) is not None


def _single(sentence: str) -> bool:
    """A sentence about one package or project rather than an overall sum."""
    return SINGLE_RE.search(sentence.lower()) is not None


# --- direction ------------------------------------------------------------------


def _direction(doc, text, q: Quantity, passage, actors, metric, cue, pair, previous):
    """(subject, object) codes of a figure."""
    inside = _inside(actors, passage, q)
    subject, obj = _directed_pair(text, q, inside)
    if subject is None and obj is None:
        subject, obj = _roles(doc, text, q, inside, metric, cue)
    if metric == "trade":  # a two-way volume: "between A and B" in that order, else oriented afterwards
        return _between(text, passage, inside)
    if metric == "peacekeeping_contribution":
        igo = next((a.code for a in inside if a.kind == "igo"), "UN")
        if obj is None or len(obj) == 3:
            obj = igo
        return (None if _share(text, q) else subject), obj
    if subject == obj:
        obj = None
    if subject and not obj:
        obj = next((c for c in pair if c != subject), None)
    elif obj and not subject:
        subject = next((c for c in pair if c != obj), None)
    elif not subject and not obj:
        subject, obj = previous if previous else (pair + (None, None))[:2]
    return subject, obj


def _between(text, passage, inside) -> tuple:
    """"between India and Bangladesh" -> ("IND", "BGD"); (None, None) when the passage has no such pair."""
    m = re.search(r"\bbetween\s+(.{2,60}?)\s+and\s+(\S.{0,59}?)(?=[\s,.;:]|$)", text[passage[0]:passage[1]])
    if not m:
        return None, None
    base = passage[0]
    a = next((x.code for x in inside if base + m.start(1) <= x.start < base + m.end(1)), None)
    b = next((x.code for x in inside if base + m.start(2) <= x.start < base + m.start(2) + 40), None)
    return (a, b) if a and b and a != b else (None, None)


def _inside(actors, passage, q: Quantity) -> list[ActorMention]:
    """Coded actors of the passage that can play a role (not the figure's own words)."""
    start, end = passage
    return [a for a in actors if start <= a.start < end and a.code and a.kind in ROLE_KINDS
            and not (a.start < q.end and q.start < a.end and a.kind != "demonym")]


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


def _roles(doc, text, q: Quantity, inside, metric, cue) -> tuple:
    """Subject from a demonym or possessive on the figure, else the clause subject; object from to/in/into X."""
    span = _tokens(doc, q.start, q.end)
    if span is None or not inside:
        return None, None
    subject, obj = None, None
    marked = _marked(text, q, inside, cue)
    if marked is not None:
        if q.rank is not None:
            obj = marked  # "Vietnam's largest investor": the possessor is who is invested in
        else:
            subject = marked
    found = {"subject": [], "object": []}
    T = tokens_of(doc)
    spans = [(a, *s) for a, s in ((a, _tokens(doc, a.start, a.end)) for a in inside) if s is not None]
    for verb in _verb_ancestors(T, span[2]):
        scope = _clause(T, verb, span)
        for a, s_start, s_end, s_root in spans:
            if not any(i in scope for i in range(s_start, s_end)):
                continue
            role = _role(T, s_root, verb, metric)
            if role == "object" and a.kind == "demonym":
                continue  # "a garrison of French troops" names whose, never where
            if role:
                found[role].append(a)
        if found["subject"]:
            break
    if subject is None and found["subject"]:
        subject = found["subject"][0].code
    objects = sorted((a for a in found["object"] if a.code != subject),
                     key=lambda a: (a.kind not in ("country", "capital", "igo"), abs(a.start - q.start)))
    if obj is None and objects:
        obj = objects[0].code
    nationality = _people_of(text, q, inside, metric) if marked is None else None
    if nationality is not None and nationality != subject:
        # "Canberra will fund 300 scholarships for Indonesian students": the people are the subject,
        # the clause's actor is where they go
        subject, obj = nationality, (subject if subject != nationality else obj)
    return subject, obj


PEOPLE_METRICS = {"students", "trainees", "workers", "tourists", "residents"}


def _people_of(text: str, q: Quantity, inside, metric) -> Optional[str]:
    """The nationality named right after a count of people ("... for Indonesian students")."""
    if metric not in PEOPLE_METRICS:
        return None
    after = [a for a in inside if a.kind == "demonym" and q.end <= a.start <= q.end + 50
             and "," not in text[q.end:a.start]]
    return after[0].code if after else None


def _marked(text, q: Quantity, inside, cue) -> Optional[str]:
    """A demonym or possessive on the figure or its cue: "3,000 Korean tourists",
    "Korean investment was $2 billion", "Germany's aid of EUR 5 million"."""
    anchors = [q.start] + ([cue.start] if cue is not None else [])
    for a in inside:
        possessive = text[a.end:a.end + 2] in ("'s", "’s")
        if a.kind != "demonym" and not possessive:
            continue
        gap_after = text[q.end:a.start]
        if a.start >= q.end and len(gap_after.split()) <= 1 and re.fullmatch(r"[\sA-Za-z-]*", gap_after):
            return a.code
        if q.start <= a.start < q.end:
            return a.code
        for anchor in anchors:
            gap = text[a.end:anchor]
            if a.end <= anchor and len(gap.split()) <= 3 and re.fullmatch(r"(?:['’]s)?[\sA-Za-z-]*", gap):
                return a.code
    return None


def _verb_ancestors(T: Tokens, token: int) -> list[int]:
    """The first three verbs among a token and the heads above it."""
    out = [t for t in [token, *T.ancestors(token)] if T.pos[t] in _VERBAL]
    return out[:3]


def _clause(T: Tokens, verb: int, span: tuple) -> set:
    """Token indexes of the verb's clause, without nested clauses that do not hold the figure (span: the
    figure's tokens as `_tokens` gives them)."""
    figure = range(span[0], span[1])
    subtree = T.subtree(verb)
    keep = set(subtree)
    dep = T.dep
    for t in subtree:
        if dep[t] in CLAUSAL and t != verb:
            inner = set(T.subtree(t))
            if not any(i in inner for i in figure):
                keep -= inner
    return keep


def _role(T: Tokens, token: int, verb: int, metric: str) -> Optional[str]:
    """"subject" or "object" for an actor token seen from a verb of the figure."""
    dep, head, lower = T.dep, T.head, T.lower
    for t in [token, *T.ancestors(token)]:
        if t == verb:
            break
        if dep[t] in ("nsubj", "nsubjpass") and head[t] == verb:
            return "subject"
    h = _phrase_head(T, token)
    if dep[h] == "pobj" and dep[head[h]] == "agent":
        return "subject"
    if dep[h] == "pobj" and lower[head[h]] == "from":
        return "object" if metric == "imports" else "subject"
    if dep[h] == "pobj" and lower[head[h]] in OBJECT_PREPS:
        return "object"
    if dep[h] in ("dobj", "attr") and head[h] == verb:
        return "object"
    return None


def _phrase_head(T: Tokens, token: int) -> int:
    """The head of the noun phrase a name stands in ("the port of [Dakar]" -> "port")."""
    dep, head = T.dep, T.head
    t = token
    while True:
        if dep[t] in NP_LINKS and head[t] != t:
            t = head[t]
        elif dep[t] == "pobj" and T.lower[head[t]] == "of" and T.pos[head[head[t]]] in ("NOUN", "PROPN"):
            t = head[head[t]]
        else:
            return t


SHARE_RE = re.compile("|".join(rf"\b{re.escape(w)}(?:\s+the)?\s*$" for w in lex.SHARE_WORDS))


def _share(text: str, q: Quantity) -> bool:
    return SHARE_RE.search(text[max(0, q.start - 20):q.start].lower()) is not None


def _scope(q: Quantity, passage, actors, obj, metric, others=()) -> Optional[str]:
    """A place inside the object country that the figure is about ("visit Bali" -> "Bali").

    The place must be the figure's own: no other figure, and no mention of the whole country,
    stands between them ("1.3 million visited Indonesia, 1 million of them to Bali")."""
    if metric in ("oda", "aid", "trade", "exports", "imports", "donor_rank", "peacekeeping_contribution"):
        return None
    start, end = passage
    places = [a for a in actors if a.kind == "place" and start <= a.start < end
              and (a.code is None or a.code == obj)]
    if not places:
        return None
    place = min(places, key=lambda a: abs(a.start - q.start))
    lo, hi = sorted((q.end, place.start))
    if any(lo <= o.start < hi for o in others) or any(
            lo <= a.start < hi and a.code == obj and a.kind in ("country", "capital") for a in actors):
        return None
    return place.text


# --- period ---------------------------------------------------------------------


def _period(doc, text, q: Quantity, passage, others, timexes, metric, published):
    """(period_kind, period_start, period_end, as_of) of a figure."""
    start, end = passage
    sentence = text[start:end].lower()
    t = _timex_for(doc, text, q, passage, others, timexes) or _carried(doc, text, passage, timexes)
    stock = metric in lex.STOCK_METRICS
    if t is None:
        if _near_annual(text, q, end):
            return "annual", None, None, published
        if metric == "peacekeeping_contribution":
            return "cumulative", None, None, published
        if not stock and _perfect(doc, q):
            return "cumulative", None, _year_of(published), published
        return ("point" if stock else "flow"), None, None, published
    if t.type == "SET" or _near_annual(text, q, end):
        return "annual", None, None, published
    shifted = SHIFTED.match(text, t.end)
    if t.type == "DURATION" and shifted and t.range_start and t.range_end:   # "a year earlier": one date
        date = t.range_start if shifted.group(1).lower() in ("earlier", "before", "prior", "ago") else t.range_end
        return ("point" if stock else "flow"), date, date, _as_of(date, published)
    date = t.date
    signal = (t.signal or "").lower()
    if signal == "in" and re.search(r"\bsince\s+(?:\S+\s+){1,4}in\s+$", text[max(0, t.start - 60):t.start]):
        signal = "since"   # "since independence in 1990"
    if t.value == "PRESENT_REF" or date is None and not t.range_start:
        # a stock "now", or money over an unstated period ("in recent years"): a flow, not a stock
        return ("point" if stock else "flow"), None, None, published
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
    """The time expression of a figure.  A list of figures shares the nearest one around
    the list ("X in loans, Y in grants and Z by 2025"), unless its items carry their own
    ("X in 2016 and Y in 2017"); otherwise the nearest with no unlisted figure in between."""
    start, end = passage
    group = _list_group(doc, text, q, others)
    inside = [t for t in timexes if start <= t.start < end]
    gaps = [(a.end, b.start) for a, b in zip(group, group[1:])]
    if any(lo <= t.start < hi for t in inside for lo, hi in gaps):
        i = group.index(q)
        hi = group[i + 1].start if i + 1 < len(group) else end
        own = [t for t in inside if q.end <= t.start < hi]
        if own:
            return own[0]
    lo_g, hi_g = group[0].start, group[-1].end
    best, best_d = None, None
    for t in inside:
        if t.start < hi_g and lo_g < t.end:
            continue
        lo, hi = (hi_g, t.start) if t.start >= hi_g else (t.end, lo_g)
        if any(lo <= o.start < hi for o in others):
            continue
        if best_d is None or hi - lo < best_d:
            best, best_d = t, hi - lo
    return best


def _carried(doc, text, passage, timexes) -> Optional[Timex]:
    """The last date of the previous sentence, when this one opens by continuing it ("As a result, ...")."""
    start, _ = passage
    if not re.match(rf"\s*(?:{'|'.join(lex.CONTINUATIONS)})\b", text[start:start + 30], re.I):
        return None
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.sent.start == 0:
        return None
    prev = doc[span.sent.start - 1].sent
    if "\n\n" in text[prev.start_char:start]:
        return None
    dated = [t for t in timexes if prev.start_char <= t.start < prev.end_char and t.type == "DATE" and t.date]
    return dated[-1] if dated else None


def _list_group(doc, text, q: Quantity, others) -> list[Quantity]:
    """The run of figures that stand in one list with q, in text order."""
    figures = sorted([q, *others], key=lambda x: x.start)
    i = figures.index(q)
    lo = hi = i
    while lo > 0 and _listed(doc, text, figures[lo - 1], figures[lo]):
        lo -= 1
    while hi + 1 < len(figures) and _listed(doc, text, figures[hi], figures[hi + 1]):
        hi += 1
    return figures[lo:hi + 1]


def _listed(doc, text, a: Quantity, b: Quantity) -> bool:
    """True when two figures stand in one list: joined by a comma or "and", with no verb between."""
    lo, hi = (a.end, b.start) if a.start < b.start else (b.end, a.start)
    if not re.search(r",|;|\band\b|\bor\b", text[lo:hi]):
        return False
    span = _tokens(doc, lo, hi)
    if span is None:
        return False
    T = tokens_of(doc)
    return not any(T.pos[t] in _VERBAL for t in range(span[0], span[1]) if lo <= T.idx[t] < hi)


ANNUAL_RE = re.compile(r"^(?:[^.;,]*?\s)?(?:" + "|".join(re.escape(w) for w in lex.ANNUAL_WORDS) + r")\b"
                       rf"(?!\s+(?:{'|'.join(SHIFT_WORDS)})\b)")   # "a year earlier" is a date


def _near_annual(text, q: Quantity, end: int) -> bool:
    return ANNUAL_RE.search(text[q.end:end].lower()[:60]) is not None


def _perfect(doc, q: Quantity) -> bool:
    """Present perfect on the figure's verb ("have completed", "has invested"): a running total."""
    span = _tokens(doc, q.start, q.end)
    if span is None:
        return False
    T = tokens_of(doc)
    for verb in _verb_ancestors(T, span[2]):
        if T.tag[verb] == "VBN" and any(T.lower[c] in ("have", "has") for c in T.children[verb]):
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


@functools.lru_cache(maxsize=None)
def _rates(unit: str) -> dict:
    """{year: units per US dollar} of one currency, selected once per currency."""
    return {y: r for (c, y), r in exchange_rates().items() if c == unit}


def to_usd(value: Optional[float], unit: Optional[str], date: Optional[str]) -> Optional[float]:
    """A currency amount in US dollars at the year's average rate (nearest year on file)."""
    if value is None or unit is None or not date or not date[:4].isdigit():
        return None
    if unit == "USD":
        return value
    rates = _rates(unit)
    if not rates:
        return None
    year = min(rates, key=lambda y: abs(y - int(date[:4])))
    if abs(year - int(date[:4])) > 2:
        return None
    return value / rates[year]
