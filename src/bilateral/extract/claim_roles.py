"""Whose figure: the subject and object of a figure from the phrase and clause that own it."""
from __future__ import annotations

import re
from typing import Optional

from ..model import ActorMention, Quantity
from ..nlp.tokens import Tokens, tokens_of
import bilateral.extract.metrics as lex
from .claim_metric import LIST_ITEM
from .mood import REPORT
from .metrics import SHIPPED_METRICS, Metrics
from .parse import clause_of, participles_of_figure, token_range, verb_ancestors


ROLE_KINDS = {"country", "demonym", "capital", "igo", "org", "person"}


OBJECT_PREPS = {"to", "in", "into", "for", "toward", "towards", "at", "inside"}


NP_LINKS = {"compound", "amod", "poss", "nmod", "appos", "conj", "det", "case", "cc", "flat"}


DIRECTED_PAIR = re.compile(r"^(?P<a>.+?)\s+to\s+(?P<b>.+?)\s*[:–-]\s*$")


def direction_of(doc, text, q: Quantity, passage, actors, metric, cue, pair, previous, fine=None,
                 m: Metrics = SHIPPED_METRICS):
    """(subject, object) codes of a figure: from its own phrase and clause; a side the text leaves open is
    filled from the document's pair only for a metric between two parties whose known side is in the pair,
    and never for a party's whole ("overall exports", "foreign debt")."""
    inside = actors_inside(actors, passage, q)
    owner = share_owner(text, q, inside)
    if owner is not None:
        # "Germany accounted for 18% of Poland's trade": a share of the owner's whole, held by the subject
        subject = _roles(doc, text, q, [a for a in inside if a.code != owner], metric, cue, m)[0]
        return (subject if subject != owner else None), owner
    subject, obj = directed_pair(text, q, inside)
    if metric == "imports" and subject:
        subject, obj = obj, subject   # "Imports from Chile to Albania": the importer is the subject
    if subject is None and obj is None:
        subject, obj = _roles(doc, text, q, inside, metric, cue, m)
        obj = cue_object(text, q, cue, inside, subject) or obj   # the figure's own phrase first
    favoured = FAVOUR.match(text, q.end)
    if fine in m.balances and favoured:
        # "a trade balance of nearly six billion dlrs in Chile's favour": the favoured side gains
        holder = next((a.code for a in inside if a.start >= q.end and a.end <= favoured.end()), None)
        if holder:
            return holder, next((c for c in (subject, obj, *pair) if c and c != holder), None)
    if fine in m.balances:
        # the partner of a balance only from its own phrase ("a surplus with the U.S."): without one, the
        # balance is the party's overall one
        obj = cue_object(text, q, cue, inside, subject) if directed_pair(text, q, inside)[0] is None else obj
        if subject == obj:
            obj = None
        if subject is None and obj is not None:
            subject = next((c for c in pair if c != obj), None)
        return (obj, subject) if m.balances[fine] and obj else (subject, obj)
    if metric == "trade":  # a two-way volume: "between A and B" in that order, else oriented afterwards
        return _between(text, passage, inside)
    if metric == "peacekeeping_contribution":
        igo = next((a.code for a in inside if a.kind == "igo"), "UN")
        if obj is None or len(obj) == 3:
            obj = igo
        return (None if _share(text, q) else subject), obj
    if subject == obj:
        obj = None
    if q.unit != "percent" and _whole(text, q, cue, m) and cue_object(text, q, cue, inside, subject) is None:
        return subject, None   # a party's own whole ("overall exports"): its one party
    if subject and not obj:
        obj = next((c for c in pair if c != subject), None) if subject in pair else \
            (previous[1] if previous and metric in AID_METRICS and previous[1] != subject else None)
    elif obj and not subject:
        subject = next((c for c in pair if c != obj), None) if obj in pair else None
    elif not subject and not obj:
        mutual = m.both_parties.search(text, passage[0], q.start)   # "The two countries have signed 15 ..."
        subject, obj = previous if previous and not mutual else (pair + (None, None))[:2]
    return subject, obj


AID_METRICS = {"oda", "aid", "oda_loans", "oda_grants", "oda_technical"}


SHARE_OF = re.compile(r"\s+of\s+(?:the\s+)?$")


def share_owner(text: str, q: Quantity, inside) -> Optional[str]:
    """The actor whose whole a percentage is a share of: "18% of Poland's trade" -> Poland."""
    if q.unit != "percent":
        return None
    for a in inside:
        if q.end < a.start <= q.end + 10 and SHARE_OF.fullmatch(text[q.end:a.start]) \
                and text[a.end:a.end + 2] in ("'s", "’s"):
            return a.code
    return None


FAVOUR = re.compile(r"\s+in\s+(?:the\s+)?[\w.\s-]{2,30}?['’]s?\s+favou?r\b")


def _whole(text: str, q: Quantity, cue, m: Metrics) -> bool:
    """"Brazil's overall exports", "a 40 billion dlr foreign debt": a word of the figure's own phrase makes
    it a party's whole (a percentage "of the total" is a share, read apart)."""
    lo = min(q.start, cue.start if cue is not None else q.start)
    before = re.split(r"[,;:()]", text[max(0, lo - 40):lo])[-1].lower().split()[-3:]
    inner = text[q.end:cue.start].lower().split() if cue is not None and cue.start >= q.end else \
        re.split(r"[,;:()]", text[q.end:q.end + 40])[0].lower().split()[:2]
    words = [w.strip(".,") for w in re.split(r"[\s-]+", " ".join(before + inner)) if w]
    return any(w in m.whole and (i == 0 or words[i - 1] != "in") for i, w in enumerate(words))


CUE_OBJECT = re.compile(r"\s+(?:with|to|in|into|from)\s+(?:the\s+)?$")


def cue_object(text: str, q: Quantity, cue, inside, subject) -> Optional[str]:
    """The actor right after the figure's cue or the figure ("assistance to Albania", "a deficit with Chile",
    "investment in Iran's mobile industry")."""
    for anchor in ([cue.end] if cue is not None else []) + [q.end]:
        for a in inside:
            if anchor <= a.start <= anchor + 14 and a.code != subject and CUE_OBJECT.fullmatch(text[anchor:a.start]):
                return a.code
    return None


def _between(text, passage, inside) -> tuple:
    """"between India and Bangladesh" -> ("IND", "BGD"); (None, None) when the passage has no such pair."""
    m = re.search(r"\bbetween\s+(.{2,60}?)\s+and\s+(\S.{0,59}?)(?=[\s,.;:]|$)", text[passage[0]:passage[1]])
    if not m:
        return None, None
    base = passage[0]
    a = next((x.code for x in inside if base + m.start(1) <= x.start < base + m.end(1)), None)
    b = next((x.code for x in inside if base + m.start(2) <= x.start < base + m.start(2) + 40), None)
    return (a, b) if a and b and a != b else (None, None)


def actors_inside(actors, passage, q: Quantity) -> list[ActorMention]:
    """Coded actors of the passage that can play a role (not the figure's own words)."""
    start, end = passage
    return [a for a in actors if start <= a.start < end and a.code and a.kind in ROLE_KINDS
            and not (a.start < q.end and q.start < a.end and a.kind != "demonym")]


def directed_pair(text, q: Quantity, inside) -> tuple:
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


def _roles(doc, text, q: Quantity, inside, metric, cue, m: Metrics = SHIPPED_METRICS) -> tuple:
    """Subject from a demonym or possessive on the figure, else the clause subject; object from to/in/into X.
    A verb or noun of receiving ("received a loan from", "a request for") turns the roles round."""
    span = token_range(doc, q.start, q.end)
    if span is None or not inside:
        return None, None
    subject, obj = None, None
    T = tokens_of(doc)
    spans = [(a, *s) for a, s in ((a, token_range(doc, a.start, a.end)) for a in inside) if s is not None]
    # "a 40 mln dlr loan approved by the World Bank": the figure's own phrase names who gives it
    doer = _phrase_agent(T, span[2], spans)
    marked, receiving = (doer, False) if doer is not None else _marked(text, q, inside, cue, m)
    if marked is not None:
        goods = metric == "imports" and any(a.code == marked and a.start >= q.end for a in inside)
        if q.rank is not None or receiving or goods:
            # "Vietnam's largest investor": the possessor is who is invested in; "bought 500,000 tonnes of
            # Spanish barley": the goods' state sells them
            obj = marked
        else:
            subject = marked
    found = {"subject": [], "object": []}
    received = False
    owned = marked is None and _owned_by_other(text, q, cue)
    for verb in verb_ancestors(T, span[2]):
        if owned:
            break   # "Turkcell's stake": the figure is its possessor's, whoever acts on it
        if T.lemma[verb] in REPORT:
            break   # "Ongpin said the loan ...": who reports a figure is not whose it is
        scope = clause_of(T, verb, span)
        received = T.lemma[verb] in m.receive or T.lower[verb] in m.receive
        for a, s_start, s_end, s_root in spans:
            if a.code == marked or not any(i in scope for i in range(s_start, s_end)):
                continue   # the actor the figure's own phrase marks keeps the role it gave
            role = _role(T, s_root, verb, metric)
            if role == "object" and a.kind == "demonym":
                continue  # "a garrison of French troops" names whose, never where
            if received and role:   # "received a loan from the Chilean Export-Import Bank"
                role = "subject" if _from(T, s_root) else "object" if role == "subject" else role
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


def _phrase_agent(T: Tokens, token: int, spans: list) -> Optional[str]:
    """The code of the actor a participle on the figure's noun names as its doer ("a loan approved by X")."""
    doers = {t for c in participles_of_figure(T, token) for g in T.children[c] if T.dep[g] == "agent"
             for t in T.subtree(g)}
    return next((a.code for a, start, end, root in spans if root in doers), None)


def _from(T: Tokens, token: int) -> bool:
    """The actor stands in a "from" phrase ("a loan from the Chilean Export-Import Bank")."""
    h = _phrase_head(T, token)
    return T.dep[h] == "pobj" and T.lower[T.head[h]] == "from"


POSSESSOR = re.compile(r"(?:^|\s)([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)['’]s\s+(?:[\w-]+\s+){0,2}$")


def _owned_by_other(text: str, q: Quantity, cue) -> bool:
    """A possessor no actor stands for owns the figure or its cue ("cut Turkcell's stake from 70% to 49%")."""
    anchor = cue.start if cue is not None and cue.start < q.start else q.start
    return POSSESSOR.search(text[max(0, anchor - 60):anchor]) is not None


PEOPLE_METRICS = {"students", "trainees", "workers", "tourists", "residents"}


def _people_of(text: str, q: Quantity, inside, metric) -> Optional[str]:
    """The nationality named right after a count of people ("... for Indonesian students")."""
    if metric not in PEOPLE_METRICS:
        return None
    after = [a for a in inside if a.kind == "demonym" and q.end <= a.start <= q.end + 50
             and "," not in text[q.end:a.start]]
    return after[0].code if after else None


def _marked(text, q: Quantity, inside, cue, m: Metrics = SHIPPED_METRICS) -> tuple:
    """(the actor a demonym, possessive or country name on the figure or its cue marks, whether a word of
    receiving stands between them): "3,000 Korean tourists", "24,000 U.S. citizens", "Korean investment was
    $2 billion", "Germany's aid of EUR 5 million"; "a Philippine request for 500 mln dlrs" marks the receiver."""
    anchors = [q.start] + ([cue.start] if cue is not None else [])
    for a in inside:
        possessive = text[a.end:a.end + 2] in ("'s", "’s")
        gap_after = text[q.end:a.start]
        if a.kind == "country" and q.unit == "people" and a.start >= q.end and not gap_after.strip() \
                and re.match(r"\s+[a-z]", text[a.end:a.end + 3]):
            return a.code, False   # "24,000 U.S. citizens": the country modifies the counted people
        if a.kind != "demonym" and not possessive:
            continue
        if a.start >= q.end and len(gap_after.split()) <= 1 and re.fullmatch(r"[\sA-Za-z-]*", gap_after):
            return a.code, False
        if q.start <= a.start < q.end:
            return a.code, False
        for anchor in anchors:
            gap = text[a.end:anchor]
            if a.end <= anchor and len(gap.split()) <= 3 and re.fullmatch(r"(?:['’]s)?[\sA-Za-z-]*", gap):
                return a.code, any(w.lower() in m.receive for w in gap.split())
    return None, False


def _role(T: Tokens, token: int, verb: int, metric: str) -> Optional[str]:
    """"subject" or "object" for an actor token seen from a verb of the figure."""
    dep, head, lower = T.dep, T.head, T.lower
    h = _phrase_head(T, token)
    if dep[h] == "pobj" and lower[head[h]] in OBJECT_PREPS | {"with"} and head[head[h]] != verb \
            and T.pos[head[head[h]]] in ("NOUN", "PROPN"):
        # "Korea's surplus with the U.S. is bound to diminish": a noun's own object, inside the subject
        return "object" if lower[head[h]] != "with" or metric == "trade" else None
    for t in [token, *T.ancestors(token)]:
        if t == verb:
            break
        if dep[t] in ("nsubj", "nsubjpass") and head[t] == verb:
            return "subject"
    if dep[h] == "pobj" and dep[head[h]] == "agent":
        return "subject"
    if dep[h] == "pobj" and lower[head[h]] == "from":
        return "object" if metric == "imports" else "subject"
    if dep[h] == "pobj" and lower[head[h]] in OBJECT_PREPS:
        return "object"
    if dep[h] in ("dobj", "attr", "dative") and head[h] == verb:
        return "object"
    if dep[h] == "pobj" and lower[head[h]] == "with" and metric == "trade":
        return "object"   # "a surplus with the U.S."
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


def scope_of(q: Quantity, passage, actors, obj, metric, others=()) -> Optional[str]:
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
