"""Answers from retrieved passages, for what the record lacks: the date, figure, rank, comparison, cause
or two sides a sentence states, cut from the sentence and quoted with its source (lists: `passage_lists`).

Nothing is stated that the quoted clause does not hold; when no passage covers what the question is
about well enough (COVERED), the answer says the documents do not say."""
from __future__ import annotations

import re
from typing import Optional

from .cite import fmt_date
from .find import Hit, actor_offsets, coverage, leading_side, locate_focus, rank, time_fit, weights, with_lead
from .intent import DAY_Q, POSITIONS_Q, Intent
from .model import Answer
from .parties import (about_another, names_parties, names_partner, names_things, opposite_act, partner_phrase,
                      partner_words)
from .passage_lists import answer_list
from .positions import answer_positions
from .record import Record
from .spans import (YEAR, causes, cause_clause, clause, dates_in, figures_in, fits, led_by, whole_of,
                    given, proximity)
from .telling import COVERED, covered, not_said, quote, said, src

__all__ = ["COVERED", "from_passages"]
DENIAL = re.compile(r"\b(?:denied|denies|deny|rejected|rejects|ruled out|rules out|disputed|disputes|refused|"
                    r"not|never|no)\b", re.I)


# --- when ----------------------------------------------------------------------


def has_date(p, where) -> float:
    return 0.8 if YEAR.search(p.text) or re.search(r"\b(?:January|February|March|April|May|June|July|August|"
                                                    r"September|October|November|December|Monday|Tuesday|"
                                                    r"Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
                                                    r"tomorrow|tonight)\b", p.text) \
        else -1.0


def anchors(rec: Record, it: Intent, h: Hit) -> tuple:
    """The focus words of a passage plus the words naming the question's first country, with weights:
    an answer stands near what is asked and near who it is asked about."""
    w = dict(weights(rec, it.focus))
    mean = sum(w.values()) / max(1, len(w))
    where = dict(h.where)
    for k, offsets in enumerate(actor_offsets(rec, it, h.p.text)):
        if offsets:
            where[f"@actor{k}"] = offsets
            w[f"@actor{k}"] = (0.6 if k == 0 else 0.3) * mean
    return where, w


def best_dates(rec: Record, it: Intent, hits: list) -> list:
    """(score, hit, start, end, iso, surface) for every date in the passages, best first."""
    out = []
    asked = {p.value for p in it.periods}
    for h in hits:
        doc = rec.docs.get(h.p.doc_id)
        where, w = anchors(rec, it, h)
        verbs = [o for f, offs in h.where.items() for o in offs]
        for s, e, iso, surface in dates_in(h.p.text, doc.published if doc else None):
            if surface.lower() in ("today", "yesterday", "tonight") and \
                    re.search(r"\b(?:said|says|told|announced|reported|stated)\s+(?:[\w,]+\s+){0,3}$", h.p.text[:s]):
                continue   # "said today" dates the report, not what it tells
            near = proximity(h.p.text, s, e, where, w)
            if led_by(h.p.text, s, where.get("@actor0", []), verbs):
                near += 0.15   # the clause whose subject is the question's first country
            if iso and iso in asked:
                near *= 0.2   # the time the question names is a constraint, not the answer
            if iso and any((p.signal == "before" and iso[:len(p.value)] >= p.value) or
                           (p.signal == "after" and iso[:len(p.value)] <= p.value) for p in it.periods):
                near -= 1.0   # "Before the March 1987 earthquake": a date at or after it does not answer
            if not iso:
                near -= 0.2   # a month or weekday the text cannot place in time answers "when" poorly
            out.append((h.score + 3.0 * near, h, s, e, iso, surface))
    out.sort(key=lambda c: -c[0])
    if it.first and out:
        top = out[0][0]
        close = [c for c in out if c[0] >= top - 0.5 and c[4]]
        if close:
            first = min(close, key=lambda c: c[4])
            out.remove(first)
            out.insert(0, first)
    return out


def answer_date(rec: Record, it: Intent) -> Answer:
    hits = covered(rank(rec, it, has_date))
    hits = [h for h in hits if not about_another(rec, it, h) and not opposite_act(it.question, h.p.text)]
    if it.acts:   # a sentence without the act asked must hold the rest of the question itself, not by its neighbours
        w = weights(rec, it.focus)
        hits = [h for h in hits if locate_focus(h.p.text, it.acts) or coverage(locate_focus(h.p.text, it.focus), w)
                >= 0.75 * COVERED]
    found = best_dates(rec, it, hits[:8])
    if re.search(r"\b(?:what|which) year\b", it.question, re.I):   # a weekday is no answer to "what year"
        found = [c for c in found if YEAR.search(c[5] or "") or (c[4] and YEAR.match(c[4]))]
    if DAY_Q.search(it.question):   # "what date": a day, where one is as near; a month that answers; never a year
        found = [c for c in found if c[4] and len(c[4]) >= 7]
        found = [c for c in found if len(c[4]) >= 10 and c[0] >= found[0][0] - 1.5] or found
    if not found:
        return not_said(rec, it, "when that happened", rank(rec, it, k=1))
    top = found[0]
    finer = [c for c in found[1:] if top[4] and c[4] and len(c[4]) > len(top[4]) and c[4].startswith(top[4])
             and (c[0] >= top[0] - 1.2 or (c[1].p.doc_id == top[1].p.doc_id and 0 < c[1].i - top[1].i <= 2))]
    if finer:   # "later this month" in one sentence, "April 13" nearby or in the next: the precise date of that time
        top = max(finer, key=lambda c: c[0])
    _, h, s, e, iso, surface = top
    when = fmt_date(iso) if iso else surface
    return said(rec, it, f"{when}: {quote(rec, h, clause(h.p.text, s, e, h.where))}.", [h])


# --- how much, how many ----------------------------------------------------------


PRICE_Q = re.compile(r"\bprice\b|\bhow much (?:did|does|will|would) .{1,60}\b(?:pay|cost)\b|\bpaid\b", re.I)
SALE = re.compile(r"\b(?:sold|sells?|selling|bought|buys?|buying|paid|pays?|purchased?|acquired?|won)\b", re.I)
FOR_PRICE = re.compile(r"\bfor (?:about |around |some |nearly |almost |roughly |just |less than |more than |over |under )?"
                       r"[$£€]?$", re.I)


def sold_for(text: str, f) -> bool:
    """Whether a figure is the sum a sale in its sentence went "for" ("bought the unit for $9.3bn")."""
    return bool(SALE.search(text)) and FOR_PRICE.search(text[max(0, f.start - 30):f.start]) is not None


def best_figures(rec: Record, it: Intent, hits: list, want: Optional[str]) -> list:
    """(score, hit, figure) for every figure of the passages that fits what is asked, best first: near the
    question's focus and first country, and, when a price is asked, the sum a sale went "for"."""
    price = bool(PRICE_Q.search(it.question))
    partner = partner_words(rec, it)
    out = []
    for h in hits:
        where, w = anchors(rec, it, h)
        named = partner_phrase(partner, h.p.text)
        for f in figures_in(h.p.text):
            fit = fits(f, want, it.counted, h.p.text)
            if fit <= 0 or whole_of(it.question, h.p.text, f):
                continue
            if price and sold_for(h.p.text, f):
                fit += 1.0
            near = proximity(h.p.text, f.start, f.end, where, w)
            out.append((h.score + 3.0 * near + fit + named, h, f))
    out.sort(key=lambda c: -c[0])
    return out


def has_figure(want, question: str = ""):
    price = bool(PRICE_Q.search(question))

    def bonus(p, where) -> float:
        figures = [f for f in figures_in(p.text) if fits(f, want, text=p.text) > 0]
        if not figures:
            return -1.5
        return 1.6 if price and any(sold_for(p.text, f) for f in figures) else 0.8   # a price: what a sale went for
    return bonus


def answer_figure(rec: Record, it: Intent) -> Answer:
    hits = covered(rank(rec, it, has_figure(it.want, it.question)))
    if it.periods:   # a figure for another time does not answer "in 2016"
        hits = [h for h in hits if time_fit(rec, it, h.i) >= 0]
    hits = [h for h in hits if names_parties(rec, it, h) and names_things(rec, it, h)]
    hits = [h for h in hits if names_partner(rec, it, h)] or hits
    found = [c for c in best_figures(rec, it, hits[:8], it.want) if not given(it.question, c[2].value)]
    if not found:
        return not_said(rec, it, "that figure", rank(rec, it, k=1))
    _, h, f = found[0]
    return said(rec, it, f"{f.text.strip()}: {quote(rec, h, clause(h.p.text, f.start, f.end, h.where))}.", [h])


# --- rank --------------------------------------------------------------------------

SUPERLATIVE = re.compile(r"\b(?:\w+-)?(?:largest|biggest|top|leading|greatest|main|most important)\b", re.I)


def describes_other(rec: Record, it: Intent, h: Hit, f) -> bool:
    """Whether a rank stands in apposition to the question's second country ("the United States, the
    island's largest trading partner"): it ranks that one, not the one asked about."""
    if len(it.codes) < 2:
        return False
    second = [o for o in actor_offsets(rec, it, h.p.text)[1] if o < f.start]
    return bool(second) and re.fullmatch(r"[\w.'’ -]*,\s*(?:[\w'’-]+\s+){0,3}", h.p.text[max(second):f.start]) is not None


def answer_rank(rec: Record, it: Intent) -> Answer:
    def bonus(p, where) -> float:
        return 0.8 if SUPERLATIVE.search(p.text) or any(f.cls == "rank" for f in figures_in(p.text)) else -1.0
    hits = covered(rank(rec, it, bonus))
    found = best_figures(rec, it, hits[:8], "rank")
    found.sort(key=lambda c: -(c[0] - (1.5 if describes_other(rec, it, c[1], c[2]) else 0.0)))
    if found:
        _, h, f = found[0]
        return said(rec, it, f"{f.text.strip()}: {quote(rec, h, clause(h.p.text, f.start, f.end, h.where))}.", [h])
    asked = {w.lower() for w in re.findall(r"[A-Za-z]+", it.question)}
    best = None
    for n, h in enumerate(hits[:4]):
        if not SUPERLATIVE.search(h.p.text):
            continue
        names = [m for m in re.findall(r"(?<!^)(?<![.!?] )\b[A-Z][\w-]*(?: [A-Z/][\w-]*)*", h.p.text)
                 if m.split()[0].lower() not in asked]
        key = (bool(names), -n)
        if best is None or key > best[0]:
            best = (key, h)
    if best is not None:
        h = best[1]
        return said(rec, it, f"According to {src(rec, h.p)}: “{h.p.text}”", [h])
    return not_said(rec, it, "how it ranks", rank(rec, it, k=1))


# --- comparisons -------------------------------------------------------------------------


def when_of(rec: Record, h: Hit, f, stated: bool = False) -> Optional[str]:
    """The date nearest a figure in its sentence, or else its document's publication date (None when only a
    `stated` date will do)."""
    doc = rec.docs.get(h.p.doc_id)
    dates = [d for d in dates_in(h.p.text, doc.published if doc else None) if d[2]]
    if dates:   # "300 in 2015 to 500 today": a figure's date mostly follows it
        return min(dates, key=lambda d: d[0] - f.end if d[0] >= f.end else 2 * (f.start - d[1]) + 10)[2]
    return doc.published if doc and not stated else None


MONTHLY = re.compile(r"\b(?:in|for|during) (?:January|February|March|April|May|June|July|August|September|October|"
                     r"November|December)\b(?! \d{4})|\bmonthly\b|\b(?:a|per|each|last|this) month\b", re.I)


def dated_otherwise(rec: Record, h: Hit, f, asked: list) -> bool:
    """Whether the sentence itself dates a figure at a time other than any asked: another year, or one
    month when a whole year is asked ("narrowed in December to $56bn")."""
    if any(len(a) == 4 for a in asked) and MONTHLY.search(h.p.text) and not any(a in h.p.text for a in asked):
        return True
    own = (when_of(rec, h, f, stated=True) or "")[:4]
    return bool(own) and not any(own == a[:4] for a in asked)


CHANGE = re.compile(r"\b(?:from|compared with|compared to|against|rose|risen|rise|grew|grown|jumped|fell|fallen|"
                    r"dropped|increased|decreased|up from|down from|while|whereas)\b", re.I)


def two_figures(want):
    def bonus(p, where) -> float:
        classes = [f.cls for f in figures_in(p.text) if fits(f, want, text=p.text) > 0]
        if not classes:
            return -1.5
        most = max(classes.count(c) for c in set(classes))
        return 0.5 + (1.0 if most >= 2 else 0.0) + (0.3 if CHANGE.search(p.text) else 0.0)
    return bonus


def answer_compare(rec: Record, it: Intent) -> Answer:
    if POSITIONS_Q.search(it.question) and len(it.codes) >= 2:
        return answer_positions(rec, it)
    want = it.want if it.want not in (None, "rank") else None
    ranked = rank(rec, it, two_figures(want))
    hits = covered(ranked)
    found = best_figures(rec, it, hits[:6], want)
    if not found:
        return not_said(rec, it, "figures to compare", rank(rec, it, k=1))
    cls = found[0][2].cls
    picked, rows = [], []
    for score, h, f in found:
        same_doc = h.p.doc_id == found[0][1].p.doc_id
        if f.cls != cls or (score < found[0][0] - 2.5 and not same_doc) or len(picked) >= 4:
            continue
        if any(f.text == g.text and h.i == k.i for k, g in picked):
            continue
        picked.append((h, f))
    asked = {p.value[:4] for p in it.periods}
    if len(asked) >= 2:   # "aiming for in 1987 compared with 1986": a figure for each time asked, however far down
        have = {(when_of(rec, h, f) or "")[:4] for h, f in picked}
        near = [h for h in ranked[:10] if h.cov >= COVERED / 2]   # a sentence naming the thing for the other time
        for _, h, f in best_figures(rec, it, near, want):
            when = (when_of(rec, h, f) or "")[:4]
            if f.cls == cls and when in asked - have and len(picked) < 4:
                picked.append((h, f))
                have.add(when)
    first = leading_side(rec, it, picked[0][0].p.text) if len(picked) == 1 and len(it.codes) >= 2 else None
    if first is not None and len(asked) < 2:   # "how did the claims of Baghdad and Tehran compare": the other side's
        h0 = picked[0][0]   # the other side's count, among the best passages or in the sentences right after
        near = [h for h in ranked if h.cov >= COVERED / 2 and h.i != h0.i] + [
            Hit(j, rec.passages[j], h0.score - 1.0, h0.cov / 2, {}) for j in rec.neighbours(h0.i, 0, 2)[1:]]
        other = next(((h, f) for _, h, f in best_figures(rec, it, near, want)
                      if f.cls == cls and leading_side(rec, it, h.p.text) == 1 - first), None)
        picked += [other] if other else []
    for h, f in picked:
        rows.append((when_of(rec, h, f) or "", h, f))
    rows.sort(key=lambda r: (r[0], r[1].i, r[2].start))
    parts = [f"{f.text.strip()}{' (' + fmt_date(t) + ')' if t else ''}: "
             f"“{clause(h.p.text, f.start, f.end, h.where)}”"
             f" ({src(rec, h.p)})" for t, h, f in rows]
    hs = []
    for _, h, _ in rows:
        if h not in hs:
            hs.append(h)
    if len(rows) == 1:
        return said(rec, it, f"The documents give one figure: {parts[0]}.", hs)
    text = "The documents give, oldest first: " + "; ".join(parts) + "."
    vals = [(f.value, f) for _, _, f in rows if f.value is not None]
    if len(vals) >= 2 and vals[0][0] != vals[-1][0]:
        high = max(vals, key=lambda v: v[0])[1]
        text += f" The larger figure is {high.text.strip()}."
    return said(rec, it, text, hs)


# --- why ---------------------------------------------------------------------------------


def answer_why(rec: Record, it: Intent) -> Answer:
    def bonus(p, where) -> float:
        found = causes(p.text, it.purpose)
        strong = any(s for _, _, s in found) or CONSEQUENCE.match(p.text)
        return 1.2 if strong else (0.5 if found else -0.8)
    hits = covered(rank(rec, it, bonus))
    if it.purpose:   # "a 44.6 billion yen credit ... The facility, to be used mostly for ...": the next sentence tells
        hits = [x for h in hits[:8] for x in [h] + [Hit(j, rec.passages[j], h.score - 0.5, h.cov, {})
                                                     for j in rec.neighbours(h.i, 0, 1)[1:]]]
    else:
        hits = with_lead(rec, hits)
    w = weights(rec, it.focus)
    per_doc: dict = {}
    for h in hits[:8]:
        for start, word, strong in causes(h.p.text, it.purpose):
            before = {f: [o for o in offs if o < start] for f, offs in h.where.items()}
            inside = [f for f, offs in h.where.items() if any(o > start for o in offs)]
            near = proximity(h.p.text, start, start + len(word), {f: o for f, o in before.items() if o}, w)
            circular = sum(w.get(f, 0.0) for f in inside) / (sum(w.values()) or 1.0)
            score = h.score + 2.0 * near + (0.8 if strong else 0.0) - 2.0 * circular
            if h.p.doc_id not in per_doc or score > per_doc[h.p.doc_id][0]:
                per_doc[h.p.doc_id] = (score, [h], cause_clause(h.p.text, start))
        before = rec.neighbours(h.i, 1, 0)
        if CONSEQUENCE.match(h.p.text) and len(before) == 2:   # "That meant Moscow would not have to ...":
            prev = Hit(before[0], rec.passages[before[0]], h.score, 0.0, {})   # the sentence before is why
            score = h.score + 2.0
            if h.p.doc_id not in per_doc or score > per_doc[h.p.doc_id][0]:
                per_doc[h.p.doc_id] = (score, [prev, h], told(prev.p.text))
    if not per_doc:
        return not_said(rec, it, "why", rank(rec, it, k=1))
    found = sorted(per_doc.values(), key=lambda x: -x[0])
    found = [found[0]] + [x for x in found[1:2] if x[0] >= found[0][0] - 1.0]   # another source's account
    parts = []
    for _, hs, reason in found:
        quoted = " ".join(h.p.text for h in hs)
        reason = re.sub(r"^(?:is|are|was|were|will be|would be) (?:\w+ )??for ", "for ", reason)   # "is for urban ..."
        parts.append(f"{reason[0].upper() + reason[1:]}, according to {src(rec, hs[0].p)}: “{quoted}”")
    return said(rec, it, " Also: ".join(parts), [h for _, hs, _ in found for h in hs])


CONSEQUENCE = re.compile(r"(?:That|This|It) (?:meant|means|would mean|is why|was why)\b|"
                         r"(?:As a result|As a consequence|Consequently|Therefore|Hence),? ", re.I)
SAID_THAT = re.compile(r"\b(?:said|says|told [\w ]{1,40}?|argued|explained|noted|testified)\s+(?:that\s+)?", re.I)


def told(text: str) -> str:
    """What a sentence says, without its speaker ("Butler said there was no treaty" gives "there was no treaty")."""
    m = SAID_THAT.search(text)
    piece = text[m.end():] if m and m.end() < len(text) - 12 else text
    return piece.strip().rstrip(".").strip()


# --- whether sources agree ------------------------------------------------------------------


def answer_conflict(rec: Record, it: Intent) -> Answer:
    numeric = it.want is not None or bool(re.search(r"\bhow (?:much|many|far|big|large)\b|\bfigures?\b|\bnumbers?\b",
                                                    it.question, re.I))
    when = bool(re.search(r"\bwhen\b|\bwhat (?:date|year)\b", it.question, re.I))
    if not numeric and not when and set(it.metrics) - {"other"}:   # "agree on trade": figures if sources give them
        plain = covered(rank(rec, it, k=6))
        numeric = len({h.p.doc_id for h in plain if any(fits(f, None) >= 1 for f in figures_in(h.p.text))}) >= 2
    hits = covered(rank(rec, it, has_figure(it.want, it.question) if numeric else (has_date if when else None), k=15))
    if not hits:
        return not_said(rec, it, "whether the sources agree on that", rank(rec, it, k=1))
    if when and not numeric:
        per_doc: dict = {}
        for score, h, s, e, iso, surface in best_dates(rec, it, hits[:8]):
            per_doc.setdefault(h.p.doc_id, (score, h, s, e, iso, surface))
        sides = sorted(per_doc.values(), key=lambda x: -x[0])[:3]
        if sides:
            parts = [f"{fmt_date(iso) if iso else surface} in {src(rec, h.p)}: “{clause(h.p.text, s, e, h.where)}”"
                     for _, h, s, e, iso, surface in sides]
            dates = {iso or surface for *_, iso, surface in sides}
            undated = [h for h in hits if h.p.doc_id not in per_doc]
            if undated:   # another source ties it to a condition, not a date
                parts.append(f"no date in {src(rec, undated[0].p)}: “{undated[0].p.text}”")
            verdict = ("Yes, they agree" if len(dates) == 1 else "No, they give different dates") \
                if len(sides) > 1 else ("They differ" if undated else "Only one source dates it")
            cited = [x[1] for x in sides] + undated[:1]
            return said(rec, it, f"{verdict}: " + "; ".join(parts) + ".", cited)
    if numeric:
        partner = [h for h in hits if names_partner(rec, it, h)]   # an overall deficit is not the one with a partner
        found = best_figures(rec, it, (partner if len(partner) >= 2 else hits)[:8], it.want)
        if it.periods:   # "the 1986 surplus": the figure whose own date is the one asked, not one its sentence
            asked = [p.value for p in it.periods]   # dates at another time ("was $124bn in 2003")
            found = sorted(((score + (1.0 if any((when_of(rec, h, f) or "").startswith(a) for a in asked) else 0.0),
                             h, f) for score, h, f in found if not dated_otherwise(rec, h, f, asked)),
                           key=lambda x: -x[0])
        found = [x for x in found if x[2].cls != "rank" or it.want == "rank"]   # "second-largest" is no amount
        if found and re.search(r"\bper\b|\ba (?:day|year|tonne|ton|barrel)\b|\bprice\b|\brate\b", it.question, re.I):
            # a measure named ("the per-tonne subsidy"): the sides measure alike, and a tonnage is not one
            cls, unit = found[0][2].cls, found[0][2].unit
            found = [x for x in found if x[2].cls == cls and (x[2].unit == unit or None in (x[2].unit, unit))]
        per_doc: dict = {}
        for score, h, f in found:
            per_doc.setdefault(h.p.doc_id, (score, h, f))
        sides = sorted(per_doc.values(), key=lambda x: -x[0])[:3]
        if len(sides) >= 2:
            parts = [f"{f.text.strip()} in {src(rec, h.p)}: “{clause(h.p.text, f.start, f.end, h.where)}”"
                     for _, h, f in sides]
            values = {f.value for _, _, f in sides}
            same = len(values) == 1 and None not in values
            verdict = "Yes, they agree" if same else "No, they give different figures"
            return said(rec, it, f"{verdict}: " + "; ".join(parts) + ".", [h for _, h, _ in sides])
    sides = [hits[0]]
    other = [h for h in hits[1:] if h.p.doc_id != hits[0].p.doc_id]
    if other:
        sides.append(other[0])
    else:   # one document: the other side is told nearby, often as a denial or a "but"
        near = [j for j in rec.neighbours(hits[0].i, 2, 2) if j != hits[0].i]
        contrast = [j for j in near if DENIAL.search(rec.passages[j].text) or
                    re.search(r"\b(?:but|however|said|says|insisted|claimed)\b", rec.passages[j].text, re.I)]
        if contrast:
            j = min(contrast, key=lambda j: abs(j - hits[0].i))
            sides.append(Hit(j, rec.passages[j], hits[0].score, hits[0].cov))
        elif len(hits) > 1:
            sides.append(hits[1])
    if len(sides) == 1:
        return said(rec, it, f"Only one passage speaks to it: “{sides[0].p.text}” ({src(rec, sides[0].p)}).", sides)
    denials = [bool(DENIAL.search(h.p.text)) for h in sides]
    verdict = "No, they differ" if denials[0] != denials[1] else "The sources say"
    return said(rec, it, f"{verdict}: " + "; ".join(f"“{h.p.text}” ({src(rec, h.p)})" for h in sides) + ".",
                sides)


def answer_passage(rec: Record, it: Intent) -> Answer:
    found = rank(rec, it, k=3)
    hits = covered(found)
    if not hits:
        return not_said(rec, it, "that", found[:1])
    h = hits[0]
    return said(rec, it, f"According to {src(rec, h.p)}: “{h.p.text}”", [h])


HANDLERS = {"date": answer_date, "figure": answer_figure, "rank": answer_rank, "list": answer_list,
            "compare": answer_compare, "why": answer_why, "conflict": answer_conflict, "passage": answer_passage}


def from_passages(rec: Record, it: Intent) -> Answer:
    """Answer one parsed question from the stored sentences."""
    return HANDLERS.get(it.kind, answer_passage)(rec, it)
