"""Answers from retrieved passages, for what the record lacks: the date, figure, rank, list, comparison,
cause or two sides a sentence states, cut from the sentence and quoted with its source.

Nothing is stated that the quoted clause does not hold; when no passage covers what the question is
about well enough (COVERED), the answer says the documents do not say."""
from __future__ import annotations

import re
from typing import Optional

from .cite import cite_passage, fmt_date, source_label
from .find import Hit, actor_offsets, coverage, in_order, locate_focus, rank, time_fit, weights
from .intent import Intent
from .model import Answer
from .record import Record
from .spans import (YEAR, causes, cause_clause, clause, dates_in, enumeration, figures_in, fits, led_by,
                    proximity)

NOT_SAID = "The documents do not say"
COVERED = 0.5          # share of the question's focus (idf-weighted) a passage must hold to answer from it
DENIAL = re.compile(r"\b(?:denied|denies|deny|rejected|rejects|ruled out|rules out|disputed|disputes|refused|"
                    r"not|never|no)\b", re.I)
HEADING = re.compile(r":\s*$|^[A-Z][A-Z \-–’'(),]+$|^[^.!?]{0,80}$")
BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def src(rec: Record, p) -> str:
    return source_label(rec.docs.get(p.doc_id))


def said(rec: Record, it: Intent, text: str, hits: list, items: Optional[list] = None) -> Answer:
    return Answer(text=text, citations=[cite_passage(rec.docs, h.p) for h in hits], items=items or [],
                  kind=it.kind, basis="passage")


def not_said(rec: Record, it: Intent, what: str, near: Optional[list] = None) -> Answer:
    """The plain answer when no passage holds it; the closest passage is cited, not quoted."""
    text = f"{NOT_SAID} {what}."
    cites = []
    if near:
        cites = [cite_passage(rec.docs, near[0].p)]
        text += " The closest passage is cited below; it does not answer the question."
    return Answer(text=text, citations=cites, kind=it.kind, answered=False, basis="passage")


def covered(hits: list) -> list:
    return [h for h in hits if h.cov >= COVERED]


def quote(rec: Record, h: Hit, piece: str) -> str:
    return f"“{piece}” ({src(rec, h.p)})"


# --- when ----------------------------------------------------------------------


def has_date(p, where) -> float:
    return 0.8 if YEAR.search(p.text) or re.search(r"\b(?:January|February|March|April|May|June|July|August|"
                                                    r"September|October|November|December|Monday|Tuesday|"
                                                    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b", p.text) \
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
            near = proximity(h.p.text, s, e, where, w)
            if led_by(h.p.text, s, where.get("@actor0", []), verbs):
                near += 0.15   # the clause whose subject is the question's first country
            if iso and iso in asked:
                near *= 0.2   # the time the question names is a constraint, not the answer
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
    found = best_dates(rec, it, hits[:8])
    if not found:
        return not_said(rec, it, "when that happened", rank(rec, it, k=1))
    _, h, s, e, iso, surface = found[0]
    when = fmt_date(iso) if iso else surface
    return said(rec, it, f"{when}: {quote(rec, h, clause(h.p.text, s, e, h.where))}.", [h])


# --- how much, how many ----------------------------------------------------------


def best_figures(rec: Record, it: Intent, hits: list, want: Optional[str]) -> list:
    out = []
    for h in hits:
        where, w = anchors(rec, it, h)
        for f in figures_in(h.p.text):
            fit = fits(f, want, it.counted, h.p.text)
            if fit <= 0:
                continue
            near = proximity(h.p.text, f.start, f.end, where, w)
            out.append((h.score + 3.0 * near + fit, h, f))
    out.sort(key=lambda c: -c[0])
    return out


def has_figure(want):
    def bonus(p, where) -> float:
        return 0.8 if any(fits(f, want) > 0 for f in figures_in(p.text)) else -1.5
    return bonus


def answer_figure(rec: Record, it: Intent) -> Answer:
    hits = covered(rank(rec, it, has_figure(it.want)))
    if it.periods:   # a figure for another time does not answer "in 2016"
        hits = [h for h in hits if time_fit(rec, it, h.i) >= 0]
    found = best_figures(rec, it, hits[:8], it.want)
    if not found:
        return not_said(rec, it, "that figure", rank(rec, it, k=1))
    _, h, f = found[0]
    return said(rec, it, f"{f.text.strip()}: {quote(rec, h, clause(h.p.text, f.start, f.end, h.where))}.", [h])


# --- rank --------------------------------------------------------------------------

SUPERLATIVE = re.compile(r"\b(?:\w+-)?(?:largest|biggest|top|leading|greatest|main|most important)\b", re.I)


def answer_rank(rec: Record, it: Intent) -> Answer:
    def bonus(p, where) -> float:
        return 0.8 if SUPERLATIVE.search(p.text) or any(f.cls == "rank" for f in figures_in(p.text)) else -1.0
    hits = covered(rank(rec, it, bonus))
    found = best_figures(rec, it, hits[:8], "rank")
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


# --- lists ---------------------------------------------------------------------------


def line_start(rec: Record, j: int) -> str:
    p = rec.passages[j]
    text = rec.docs[p.doc_id].text
    return text[text.rfind("\n", 0, p.start) + 1:p.start + 4]


def short_line(rec: Record, j: int) -> bool:
    """A line of a list: a bullet, or a short line of its own without a full stop."""
    p = rec.passages[j]
    text = rec.docs[p.doc_id].text
    whole_line = text[text.rfind("\n", 0, p.start) + 1:p.start] .strip() == "" and \
        (p.end >= len(text) or text[p.end] == "\n")
    return bool(BULLET.match(line_start(rec, j))) or (whole_line and len(p.text) < 100
                                                      and not p.text.rstrip().endswith("."))


def following_items(rec: Record, i: int, limit: int = 12) -> list:
    """The list lines right after a heading (bullets, or short lines), as passage indices; a short line that
    heads a paragraph of its own, or a line in capitals, ends the list."""
    out = []
    for j in range(i + 1, min(len(rec.passages), i + 1 + limit)):
        p = rec.passages[j]
        if p.doc_id != rec.passages[i].doc_id or not short_line(rec, j) or (p.text.isupper() and len(p.text) > 12):
            break
        nxt = rec.passages[j + 1] if j + 1 < len(rec.passages) else None
        if nxt is not None and nxt.doc_id == p.doc_id and not short_line(rec, j + 1) and len(nxt.text) > 100:
            break
        out.append(j)
    return out


def is_heading(p) -> bool:
    return bool(HEADING.search(p.text)) and len(p.text) < 120


def answer_list(rec: Record, it: Intent) -> Answer:
    found = rank(rec, it, k=15)
    w = weights(rec, it.focus)
    pool = []
    for h in found:
        items = following_items(rec, h.i) if is_heading(h.p) else []
        if items:   # a heading is judged with the lines it heads
            text = " ".join([h.p.text] + [rec.passages[j].text for j in items])
            cov = coverage(locate_focus(text, it.focus), w)
            h = Hit(h.i, h.p, h.score + 3.0 * (cov - h.cov), cov, h.where)
        pool.append((h, items))
    pool.sort(key=lambda x: -x[0].score)
    pool = [(h, items) for h, items in pool if h.cov >= COVERED]
    if not pool:
        return not_said(rec, it, "that", found[:1])
    top = pool[0][0]
    forward = in_order(rec, it, top.p.text) > 0
    chosen, items_out, used = [], [], set()
    for h, items in pool:
        if h.score < top.score - 1.5 or len(chosen) >= 6 or h.i in used:
            continue
        if forward and in_order(rec, it, h.p.text) < 0:
            continue   # the question names a direction ("from A to B"); this passage runs the other way
        used.add(h.i)
        chosen.append(h)
        if items:
            for j in items:
                used.add(j)
                chosen.append(Hit(j, rec.passages[j], h.score, h.cov))
                items_out.append(BULLET.sub("", rec.passages[j].text).strip())
        else:
            items_out.extend(enumeration(h.p.text) or [h.p.text.strip()])
            if re.search(r"\bone of (?:the )?(?:two|three|four|\d+)\b", h.p.text):   # "...the other is"
                nxt = [j for j in rec.neighbours(h.i, 0, 1) if j != h.i and j not in used]
                if nxt:
                    used.add(nxt[0])
                    chosen.append(Hit(nxt[0], rec.passages[nxt[0]], h.score, h.cov))
                    items_out.append(rec.passages[nxt[0]].text.strip())
    seen, unique = set(), []
    for x in items_out:
        key = re.sub(r"\W+", " ", x.lower()).strip()
        if key and key not in seen and not any(key in s for s in seen):
            seen.add(key)
            unique.append(x)
    lines = "; ".join(f"“{h.p.text}” ({src(rec, h.p)})" for h in chosen if not is_heading(h.p))
    text = f"The documents name: {'; '.join(x.rstrip('.') for x in unique)}."
    if lines:
        text += f" From: {lines}"
    return said(rec, it, text, chosen)


# --- comparisons -------------------------------------------------------------------------


def when_of(rec: Record, h: Hit, f) -> Optional[str]:
    """The date nearest a figure in its sentence, or its document's publication date."""
    doc = rec.docs.get(h.p.doc_id)
    dates = [d for d in dates_in(h.p.text, doc.published if doc else None) if d[2]]
    if dates:   # "300 in 2015 to 500 today": a figure's date mostly follows it
        return min(dates, key=lambda d: d[0] - f.end if d[0] >= f.end else 2 * (f.start - d[1]) + 10)[2]
    return doc.published if doc else None


CHANGE = re.compile(r"\b(?:from|compared with|compared to|against|rose|risen|rise|grew|grown|jumped|fell|fallen|"
                    r"dropped|increased|decreased|up from|down from|while|whereas)\b", re.I)


def two_figures(want):
    def bonus(p, where) -> float:
        classes = [f.cls for f in figures_in(p.text) if fits(f, want) > 0]
        if not classes:
            return -1.5
        most = max(classes.count(c) for c in set(classes))
        return 0.5 + (1.0 if most >= 2 else 0.0) + (0.3 if CHANGE.search(p.text) else 0.0)
    return bonus


def answer_compare(rec: Record, it: Intent) -> Answer:
    want = it.want if it.want not in (None, "rank") else None
    hits = covered(rank(rec, it, two_figures(want)))
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
        found = causes(p.text)
        return 1.2 if any(strong for _, _, strong in found) else (0.5 if found else -0.8)
    hits = covered(rank(rec, it, bonus))
    w = weights(rec, it.focus)
    per_doc: dict = {}
    for h in hits[:8]:
        for start, word, strong in causes(h.p.text):
            before = {f: [o for o in offs if o < start] for f, offs in h.where.items()}
            inside = [f for f, offs in h.where.items() if any(o > start for o in offs)]
            near = proximity(h.p.text, start, start + len(word), {f: o for f, o in before.items() if o}, w)
            circular = sum(w.get(f, 0.0) for f in inside) / (sum(w.values()) or 1.0)
            score = h.score + 2.0 * near + (0.8 if strong else 0.0) - 2.0 * circular
            if h.p.doc_id not in per_doc or score > per_doc[h.p.doc_id][0]:
                per_doc[h.p.doc_id] = (score, h, start)
    if not per_doc:
        return not_said(rec, it, "why", rank(rec, it, k=1))
    found = sorted(per_doc.values(), key=lambda x: -x[0])
    found = [found[0]] + [x for x in found[1:2] if x[0] >= found[0][0] - 1.0]   # another source's account
    parts = []
    for _, h, start in found:
        reason = cause_clause(h.p.text, start)
        parts.append(f"{reason[0].upper() + reason[1:]}, according to {src(rec, h.p)}: “{h.p.text}”")
    return said(rec, it, " Also: ".join(parts), [h for _, h, _ in found])


# --- whether sources agree ------------------------------------------------------------------


def answer_conflict(rec: Record, it: Intent) -> Answer:
    numeric = it.want is not None or bool(re.search(r"\bhow (?:much|many|far|big|large)\b|\bfigures?\b|\bnumbers?\b",
                                                    it.question, re.I))
    when = bool(re.search(r"\bwhen\b|\bwhat (?:date|year)\b", it.question, re.I))
    if not numeric and not when and set(it.metrics) - {"other"}:   # "agree on trade": figures if sources give them
        plain = covered(rank(rec, it, k=6))
        numeric = len({h.p.doc_id for h in plain if any(fits(f, None) >= 1 for f in figures_in(h.p.text))}) >= 2
    hits = covered(rank(rec, it, has_figure(it.want) if numeric else (has_date if when else None), k=15))
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
        found = best_figures(rec, it, hits[:8], it.want)
        if it.periods:   # "the 1986 surplus": the figure whose own date is the one asked
            asked = [p.value for p in it.periods]
            found = sorted(((score + (1.0 if any((when_of(rec, h, f) or "").startswith(a) for a in asked) else 0.0),
                             h, f) for score, h, f in found), key=lambda x: -x[0])
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
