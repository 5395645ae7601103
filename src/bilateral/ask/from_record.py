"""Answers from the record: events for when, claims for how much and ranks, conflicts for whether
sources agree.  What the record lacks is left to the passage answerers (from_passages.py).

Every figure, date and name an answer states is taken from an event, a claim or a passage it
cites; when nothing fits, the answer says the documents do not say.
"""
from __future__ import annotations

import re
from typing import Optional

from bilateral.extract.cameo import coding
from bilateral.extract.triggers import RULES
from bilateral.model import Claim, Event

from .cite import (METRIC_LABELS, cite_claim, cite_mention, cite_passage, dedupe, figure_text, fmt_date,
                   period_phrase, source_label)
from .intent import DAY_Q, Intent
from .model import Answer
from .record import Record
from .retrieve import coverage, terms
from .spans import given

NOT_SAID = "The documents do not say"
CONFLICT_WORDS = {"value": "the figures for the same period cannot both hold",
                  "outlier": "one figure is far out of line with the other, most likely a slip of scale "
                             "(million for billion)",
                  "rank": "the sources rank it differently over overlapping times",
                  "date": "the sources date it differently",
                  "plan_vs_fact": "a plan and a reported fact disagree"}


# --- matching -------------------------------------------------------------------


def pair_fit(codes: list, a: Optional[str], b: Optional[str]) -> int:
    """How many of the question's countries (at most two counted) an item's two sides hold."""
    have = {a, b} - {None}
    return len(have & set(codes[:2])) if len(codes) <= 2 else min(2, len(have & set(codes)))


def pair_ok(codes: list, a: Optional[str], b: Optional[str]) -> bool:
    need = min(2, len(codes))
    return pair_fit(codes, a, b) >= need


def period_fit(c: Claim, periods: list) -> int:
    """3: the claim's period is the one asked; 1: it touches it; 0: another time (or none asked)."""
    best = 0
    s, e, a = c.period_start or "", c.period_end or "", c.as_of or ""
    for p in periods:
        v = p.value
        if p.signal == "since" or (p.start and not p.end):
            fit = 3 if s.startswith(v) else (1 if (s and s > v) or (not s and a > v) else 0)
        elif p.start and p.end:
            lo, hi = p.start, p.end
            fit = 3 if s.startswith(lo) and e.startswith(hi) else (1 if s and lo <= s[:len(lo)] <= hi else 0)
        elif p.signal in ("as of", "by", "until", "before"):
            fit = 3 if (e.startswith(v) or (not e and a.startswith(v))) else (1 if a.startswith(v) else 0)
        else:
            if s.startswith(v) and e.startswith(v):
                fit = 3 if c.period_kind != "cumulative" else 2
            elif not s and not e and a.startswith(v):
                fit = 2
            elif s and e and s[:len(v)] <= v <= e[:len(v)] and c.period_kind != "cumulative":
                fit = 1
            else:
                fit = 0
        best = max(best, fit)
    return best


def event_period_fit(e: Event, periods: list) -> int:
    if not periods:
        return 0
    d = e.date or ""
    for p in periods:
        if p.signal in ("before", "after") and d:   # "met before the July 2005 summit": a bound, not the time
            return 1 if (d[:len(p.value)] < p.value) == (p.signal == "before") and d[:len(p.value)] != p.value else -9
        if d.startswith(p.value) or (p.value.startswith(d) and d):
            return 2
        if p.signal == "since" and d > p.value:
            return 1
    return 0


def time_key(c: Claim) -> str:
    return c.period_end or c.period_start or c.as_of or ""


def latest_first(claims: list) -> list:
    return sorted(claims, key=lambda c: (c.as_of or time_key(c), time_key(c)), reverse=True)


def unit_ok(c: Claim, it: Intent) -> bool:
    if c.unit == "percent":
        return it.share
    if it.share:
        return False
    money = bool(c.unit) and c.unit.isupper()
    if it.money and not it.count:
        return money or c.value is None
    if it.count and not it.money:
        return not money
    return True


def scope_filter(claims: list, it: Intent) -> list:
    """Claims about the place the question names, or else those with no narrower scope."""
    if it.places:
        wanted = {p.lower() for p in it.places}
        hits = [c for c in claims if c.scope and c.scope.lower() in wanted]
        if hits:
            return hits
    plain = [c for c in claims if not c.scope]
    return plain or claims


def metric_claims(rec: Record, it: Intent, metrics: list) -> list:
    out = [c for c in rec.claims if (c.metric in metrics or c.fine_metric in metrics)
           and pair_ok(it.codes, c.subject, c.object)]
    return out


# --- phrasing ---------------------------------------------------------------------


def figure_line(rec: Record, c: Claim) -> str:
    who = f"{rec.name(c.subject)} → {rec.name(c.object)}" if c.subject or c.object else ""
    scope = f", {c.scope}" if c.scope else ""
    label = METRIC_LABELS.get(c.metric, c.metric)
    return (f"{figure_text(c)} {period_phrase(c)} ({label}{', ' + who if who else ''}{scope}; "
            f"{source_label(rec.docs.get(c.doc_id))})")


def not_said(rec: Record, it: Intent, what: str, near: Optional[list] = None) -> Answer:
    """The plain answer when nothing in the record answers; the closest passage is cited, not quoted."""
    text = f"{NOT_SAID} {what}."
    cites = [cite_passage(rec.docs, near[0])] if near else []
    if near:
        text += " The closest passage in the record is cited below; it does not answer the question."
    return Answer(text=text, citations=cites, items=[], kind=it.kind, answered=False)


def about(rec: Record, it: Intent) -> str:
    names = [rec.name(c) for c in it.codes[:2]]
    return " and ".join(names) if names else "the countries asked about"


def closest(rec: Record, it: Intent, k: int = 1) -> list:
    return [p for _, p in rec.index.search(it.query, k=k, where=lambda p: rec.about_countries(p, it.codes))] or \
        [p for _, p in rec.index.search(it.query, k=k)]


# --- handlers ---------------------------------------------------------------------


def answer_figure(rec: Record, it: Intent) -> Answer:
    if not it.metrics or it.want in ("percent", "length", "duration", "amount"):
        return answer_passage(rec, it, need_number=True)
    claims = scope_filter([c for c in metric_claims(rec, it, it.metrics) if c.value is not None and unit_ok(c, it)
                           and not given(it.question, c.value)], it)
    label = " or ".join(METRIC_LABELS.get(m, m) for m in it.metrics[:2])
    if not claims:
        return not_said(rec, it, f"what the {label} figure is for {about(rec, it)}", closest(rec, it))
    if it.counted:
        claims = [c for c in claims if it.counted in terms(c.sentence)]
        if not claims:
            return not_said(rec, it, "that: no figure in the record counts what the question asks about",
                            closest(rec, it))
    if it.terms:
        best_cov = max(coverage(it.terms, c.sentence) for c in claims)
        if best_cov < (0.5 if len(it.terms) <= 2 else 0.34):
            return not_said(rec, it, f"that: no {label} figure for {about(rec, it)} in the record fits the question",
                            closest(rec, it))
        claims = [c for c in claims if coverage(it.terms, c.sentence) >= best_cov - 1e-9] or claims
    if it.periods:
        fits = {c.claim_id: period_fit(c, it.periods) for c in claims}
        top = max(fits.values())
        if top < 2:
            others = "; ".join(figure_line(rec, c) for c in latest_first(claims)[:4])
            when = ", ".join(fmt_date(p.value) for p in it.periods)
            return Answer(text=f"{NOT_SAID} what the {label} figure for {about(rec, it)} was for {when}. "
                               f"The figures they give are for other times: {others}.",
                          citations=dedupe([cite_claim(rec.docs, c) for c in latest_first(claims)[:4]]),
                          items=[c.to_dict() for c in latest_first(claims)[:4]], kind="figure", answered=False)
        claims = [c for c in claims if fits[c.claim_id] == top]
    direction = [c for c in claims if it.codes and c.subject == it.codes[0]]
    chosen = latest_first(direction or claims)
    if it.latest:
        chosen = chosen[:1]
    lines = [figure_line(rec, c) for c in chosen]
    head = lines[0]
    text = head[0].upper() + head[1:] + "." if len(lines) == 1 else \
        "The documents give: " + "; ".join(lines) + " (latest first)."
    return Answer(text=text, citations=dedupe([cite_claim(rec.docs, c) for c in chosen]),
                  items=[c.to_dict() for c in chosen], kind="figure")


def rank_word(c: Claim) -> str:
    t = (c.text or "").strip()
    return t if t else f"number {c.rank}"


def answer_rank(rec: Record, it: Intent) -> Answer:
    metric = it.rank_metric
    claims = [c for c in rec.claims if (c.metric == metric or c.fine_metric == metric) and c.rank is not None]
    label = METRIC_LABELS.get(metric, metric)
    if len(it.codes) >= 2:
        claims = [c for c in claims if pair_ok(it.codes, c.subject, c.object)]
    elif len(it.codes) == 1:
        code = it.codes[0]
        as_object = [c for c in claims if c.object == code]
        claims = as_object if as_object and not re.search(r"\bwhere\b", it.question, re.I) else \
            [c for c in claims if code in (c.subject, c.object)]
        if re.search(r"\b(who|which)\b", it.question, re.I) and \
                re.search(r"\b(largest|biggest|top|leading|main|greatest|first)\b", it.question, re.I):
            claims = [c for c in claims if c.rank == 1] or claims
    claims = scope_filter(claims, it)
    if not claims:
        return not_said(rec, it, f"what the {label} of {about(rec, it)} is", closest(rec, it))
    if it.periods:
        fits = {c.claim_id: period_fit(c, it.periods) for c in claims}
        if max(fits.values()) >= 1:
            claims = [c for c in claims if fits[c.claim_id] == max(fits.values())]
    claims = latest_first(claims)
    parts = [f"{rec.name(c.subject)} was the {rank_word(c)} of {rec.name(c.object)} {period_phrase(c)} "
             f"({source_label(rec.docs.get(c.doc_id))})" for c in claims]
    ranks = {c.rank for c in claims}
    if len(ranks) > 1:
        text = "The sources differ: " + "; ".join(parts) + "."
    else:
        text = parts[0] + "." if len(parts) == 1 else "; ".join(parts) + "."
        text = text[0].upper() + text[1:]
    return Answer(text=text, citations=dedupe([cite_claim(rec.docs, c) for c in claims]),
                  items=[c.to_dict() for c in claims], kind="rank")


def _rule_objects(cameo: str, lemma: str) -> frozenset:
    for r in RULES:
        if r.cameo == cameo and lemma in r.lemmas and r.objects:
            return r.objects
    return frozenset()


def event_score(e: Event, it: Intent) -> float:
    best = 0.0
    for r in it.events:
        if e.cameo != r.cameo and not (e.cameo and r.cameo and e.cameo[:3] == r.cameo[:3]):
            continue
        s = 3.0
        if e.trigger == r.lemma:
            s += 2
        objs = _rule_objects(r.cameo, r.lemma)
        if e.topic and (e.topic in r.objects or e.topic in objs):
            s += 2
        best = max(best, s)
    if not best:
        return 0.0
    if it.planned == (e.modality in ("planned", "intended")):
        best += 1
    if e.modality == "negated":
        best -= 2
    return best + event_period_fit(e, it.periods)


def matching_events(rec: Record, it: Intent, every: bool = False) -> list:
    """The events the question names, for its countries: the best-fitting ones, or `every` one that fits."""
    scored = [(event_score(e, it), e) for e in rec.events if pair_ok(it.codes, e.source.code, e.target.code)]
    scored = [(s, e) for s, e in scored if s > 0]
    if not scored:
        return []
    top = 0 if every else max(s for s, _ in scored)
    return [e for s, e in scored if s >= top] if every else [e for s, e in scored if s == top]


def event_line(rec: Record, e: Event) -> str:
    name = coding(e.cameo).name if e.cameo else e.event_type
    docs = []
    for m in e.mentions:
        label = source_label(rec.docs.get(m.doc_id))
        if label not in docs:
            docs.append(label)
    mod = f" ({e.modality})" if e.modality != "asserted" else ""
    who = f"{rec.name(e.source.code) if e.source.code else e.source.name} → " \
        f"{rec.name(e.target.code) if e.target.code else e.target.name}"
    return f"{fmt_date(e.date)}: {name.lower()}{mod}, {who} (reported in {', '.join(docs)})"


def answer_date(rec: Record, it: Intent) -> Answer:
    events = matching_events(rec, it)
    dated = [e for e in events if e.date and (len(e.date) >= 7 or not DAY_Q.search(it.question))]
    if not dated:   # "on what date": a year the record gives is not the day asked
        return answer_passage(rec, it, need_year=True)
    dated.sort(key=lambda e: e.date)
    if it.latest:
        dated = dated[::-1]
    first = dated[0]
    text = event_line(rec, first)
    text = text[0].upper() + text[1:] + "."
    others = [e for e in dated[1:] if e.date != first.date]
    if others and not it.first:
        text += " Other dates the documents give for it: " + "; ".join(event_line(rec, e) for e in others[:3]) + "."
    shown = [first] + ([] if it.first else others[:3])
    cites = [cite_mention(rec.docs, m) for e in shown for m in e.mentions]
    return Answer(text=text, citations=dedupe(cites), items=[e.to_dict() for e in shown], kind="date")


def answer_event_list(rec: Record, it: Intent) -> Optional[Answer]:
    events = [e for e in matching_events(rec, it, every=True) if e.modality != "negated"]
    if not events:
        return None
    events.sort(key=lambda e: (e.date is None, e.date or ""))
    lines = [event_line(rec, e) for e in events]
    text = "The documents record these, oldest first: " + "; ".join(lines) + "." if len(events) > 1 else \
        lines[0][0].upper() + lines[0][1:] + "."
    cites = [cite_mention(rec.docs, e.mentions[0]) for e in events]
    return Answer(text=text, citations=dedupe(cites), items=[e.to_dict() for e in events], kind="list")


def answer_countries(rec: Record, it: Intent) -> Answer:
    codes: dict = {}
    for e in rec.events:
        for a in (e.source, e.target):
            if a.code and len(a.code) == 3:
                codes.setdefault(a.code, e)
    if not codes:
        return not_said(rec, it, "which countries the record holds")
    names = sorted(rec.name(c) for c in codes)
    cites = [cite_mention(rec.docs, e.mentions[0]) for e in list(codes.values())[:8]]
    return Answer(text="The record names these countries: " + ", ".join(names) + ".", citations=dedupe(cites),
                  items=[], kind="list")


def answer_list(rec: Record, it: Intent) -> Answer:
    low = it.question.lower()
    if not it.codes and re.search(r"\bcountries\b", low):
        return answer_countries(rec, it)
    if it.events and it.list_all:
        got = answer_event_list(rec, it)
        if got is not None:
            return got
    if it.metrics and it.list_all:
        return answer_figure(rec, it)
    return answer_passage(rec, it)


def answer_compare(rec: Record, it: Intent) -> Answer:
    if not it.metrics:
        return answer_passage(rec, it)
    claims = scope_filter([c for c in metric_claims(rec, it, it.metrics) if c.value is not None and unit_ok(c, it)
                           and not given(it.question, c.value)], it)
    label = METRIC_LABELS.get(it.metrics[0], it.metrics[0])
    since = next((p.value for p in it.periods if p.signal in ("since", "from", "between") or p.start), None)
    if since:
        claims = [c for c in claims if time_key(c) >= since or (c.period_start or "").startswith(since)]
    claims = [c for c in claims if c.period_kind != "cumulative" or not since] or claims
    if not claims:
        return not_said(rec, it, f"how the {label} figures for {about(rec, it)} changed", closest(rec, it))
    claims.sort(key=lambda c: (time_key(c), c.claim_id))
    if len(claims) == 1:
        text = f"The documents give only one figure: {figure_line(rec, claims[0])}."
    else:
        a, b = claims[0], claims[-1]
        text = (f"From {figure_text(a)} {period_phrase(a)} to {figure_text(b)} {period_phrase(b)} "
                f"({label}). The figures, oldest first: " + "; ".join(figure_line(rec, c) for c in claims) + ".")
    return Answer(text=text, citations=dedupe([cite_claim(rec.docs, c) for c in claims]),
                  items=[c.to_dict() for c in claims], kind="compare")


def answer_conflict(rec: Record, it: Intent) -> Answer:
    if it.rank_metric and (not it.metrics or not re.search(r"\bhow (much|many)\b", it.question, re.I)):
        answer = answer_rank(rec, it)
        if answer.answered and not answer.text.startswith("The sources differ"):
            answer.text = "The sources agree: " + answer.text[0].lower() + answer.text[1:] \
                if len(answer.items) > 1 else answer.text
        answer.kind = "conflict"
        return answer
    if not it.metrics:
        if it.events:
            return answer_date_conflict(rec, it)
        return answer_passage(rec, it)
    claims = scope_filter([c for c in metric_claims(rec, it, it.metrics) if c.value is not None and unit_ok(c, it)
                           and not given(it.question, c.value)], it)
    label = " or ".join(METRIC_LABELS.get(m, m) for m in it.metrics[:2])
    if it.periods and claims:
        fits = {c.claim_id: period_fit(c, it.periods) for c in claims}
        kept = [c for c in claims if fits[c.claim_id] >= 1]
        claims = kept or claims
    if not claims:
        return not_said(rec, it, f"what the {label} figure is for {about(rec, it)}", closest(rec, it))
    ids = {c.claim_id for c in claims}
    flagged = [k for k in rec.conflicts if set(k.claim_ids) & ids]
    for k in flagged:
        for c in rec.claims:
            if c.claim_id in k.claim_ids and c.claim_id not in ids:
                claims.append(c)
                ids.add(c.claim_id)
    claims = latest_first(claims)
    lines = "; ".join(figure_line(rec, c) for c in claims)
    values = {round(c.value_usd or c.value, 6) for c in claims}
    if flagged:
        why = "; ".join(CONFLICT_WORDS.get(k.kind, k.kind) for k in flagged)
        kinds = ", ".join(k.kind for k in flagged)
        text = f"No. The sources give: {lines}. The record flags a conflict ({kinds}): {why}."
    elif len(claims) == 1:
        text = f"Only one source gives a figure: {lines}."
    elif len(values) > 1:
        dated = {c.as_of for c in claims}
        text = f"No, they give different figures: {lines}."
        if len(dated) > 1 and None not in dated:
            text += " The figures are reported at different times, so the later one may update the earlier."
        elif None in dated:
            text += " One source gives no date for its figure, so it may be older rather than contradictory."
    else:
        text = f"Yes, they agree: {lines}."
    return Answer(text=text, citations=dedupe([cite_claim(rec.docs, c) for c in claims]),
                  items=[c.to_dict() for c in claims] + [k.to_dict() for k in flagged], kind="conflict")


def answer_date_conflict(rec: Record, it: Intent) -> Answer:
    events = [e for e in matching_events(rec, it) if e.date]
    if not events:
        return not_said(rec, it, f"when that happened between {about(rec, it)}", closest(rec, it))
    dates = sorted({e.date[:4] for e in events})
    lines = "; ".join(event_line(rec, e) for e in sorted(events, key=lambda e: e.date))
    verdict = "Yes, they agree" if len(dates) == 1 else "No, they give different dates"
    cites = [cite_mention(rec.docs, m) for e in events for m in e.mentions]
    return Answer(text=f"{verdict}: {lines}.", citations=dedupe(cites), items=[e.to_dict() for e in events],
                  kind="conflict")


def answer_passage(rec: Record, it: Intent, need_year: bool = False, need_number: bool = False) -> Answer:
    """The record holds nothing for this: the passage answerers take over."""
    return Answer(text=NOT_SAID + ".", kind=it.kind, answered=False)


def answer_why(rec: Record, it: Intent) -> Answer:
    return answer_passage(rec, it)


HANDLERS = {"date": answer_date, "figure": answer_figure, "rank": answer_rank, "list": answer_list,
            "conflict": answer_conflict, "compare": answer_compare, "why": answer_why, "passage": answer_passage}


def from_record(rec: Record, it: Intent) -> Answer:
    """Answer one parsed question from the record's events, claims and conflicts alone."""
    answer = HANDLERS.get(it.kind, answer_passage)(rec, it)
    answer.basis = "record"
    return answer
