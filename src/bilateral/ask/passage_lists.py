"""Lists from passages: the items a sentence enumerates, the lines under a heading, and the sentence that
names what another counts ("sued four companies" ... "The four are A, B, C and D")."""
from __future__ import annotations

import re

from .find import Hit, coverage, in_order, locate_focus, rank, stems_at, weights
from .intent import Intent
from .model import Answer
from .record import Record
from .retrieve import stem
from .spans import enumeration
from .telling import BULLET, COVERED, HEADING, not_said, said, src


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


COUNTED = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?:[\w-]+ ){0,2}?([a-z]+s)\b", re.I)


def counted_list(rec: Record, h: Hit) -> list:
    """The sentence that names the items a passage counts ("has sued four companies"): one of the next two
    in its document that speaks of the same count or noun and enumerates them."""
    m = COUNTED.search(h.p.text)
    if not m:
        return []
    number, noun = m.group(1).lower(), m.group(2).lower()
    for j in rec.neighbours(h.i, 0, 2)[1:]:
        text = rec.passages[j].text
        low = text.lower()
        if (number in low.split() or noun in low) and enumeration(text):
            return [j]
    return []


PEOPLE_Q = re.compile(r"^\s*who\b|\b(?:which|what)\s+(?:[\w'’-]+\s+){0,3}?(?:ministers|leaders|officials|presidents|"
                      r"premiers|politicians|diplomats|envoys|ambassadors|people|persons|executives|lawmakers)\b", re.I)


ORGS_Q = re.compile(r"\b(?:which|what)\s+(?:[\w.'’-]+\s+){0,3}?(?:banks|companies|firms|lenders|creditors|"
                    r"airlines|carriers|exporters|producers|makers|manufacturers|groups)\b", re.I)


def named_items(rec: Record, it: Intent, found: list) -> list:
    """(hit, names) for the passages that name what a question asks to list by name: people of its first
    country ("Which French ministers ..."), or firms and banks ("Which U.S. banks ..."). The names are the
    items, not the sentences."""
    if PEOPLE_Q.search(it.question):
        label, loose = "PERSON", True
    elif ORGS_Q.search(it.question):
        label, loose = "ORG", False
    else:
        return []
    from bilateral.nlp.pipeline import load_nlp
    # people: a loose share of the focus (a name stands for the title asked about), the constraint being the
    # question's country beside the name; firms: a passage that holds what is asked
    hits = [h for h in found if h.cov >= (COVERED / 3 if loose else COVERED) and
            (not it.codes or it.codes[0] in rec.passage_codes[h.i] or not loose)]
    asked = set(it.focus)
    out = []
    for h, doc in zip(hits, load_nlp().pipe(h.p.text for h in hits)):
        spans = [e for e in doc.ents if e.label_ == label]
        if label == "ORG":   # a firm the tagger missed is still the proper-noun subject of its act
            spans += [doc[min([t.i] + [c.i for c in t.children if c.dep_ == "compound"]):t.i + 1] for t in doc
                      if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN"
                      and not any(e.start <= t.i < e.end for e in doc.ents if e.label_ == "ORG")]
        names = [e.text for e in spans if e.text.lower() not in rec.surfaces and
                 not {stem(w) for w in e.text.split()} & asked and   # "Buenos Aires" read as a person
                 (" " in e.text.strip() if loose else True) and
                 (not loose or not it.codes or own_country(rec, it.codes[0], h.p.text, e.start_char, e.end_char))]
        if names:
            out.append((h, names))
    return out


COUNTRIES_Q = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(?:countries|governments|states|nations|donors)\b",
                         re.I)


def countries_acting(rec: Record, it: Intent, found: list) -> tuple:
    """(hits, names) for "which donor governments raised their pledges": the states named in the sentences
    of the best documents that tell the question's act ("Spain raised its pledge"), and in the sentences
    that run on in the same paragraph ("Britain almost trebled its contribution")."""
    if not COUNTRIES_Q.search(it.question) or not it.acts:
        return [], []
    igo = {code for code, kind in rec.surfaces.values() if kind == "igo"}
    docs = list(dict.fromkeys(h.p.doc_id for h in found if h.cov >= COVERED))[:3]
    hits, names = [], []
    for i, p in enumerate(rec.passages):
        if p.doc_id not in docs or not locate_focus(p.text, it.acts):
            continue
        run = [i]
        while run[-1] + 1 < len(rec.passages) and rec.passages[run[-1] + 1].doc_id == p.doc_id \
                and rec.passages[run[-1] + 1].start - rec.passages[run[-1]].end <= 1 and len(run) < 5:
            run.append(run[-1] + 1)
        for j in run:
            text = rec.passages[j].text
            codes = [c for c in rec.passage_codes[j] if c not in it.codes and c not in igo]
            stems = [(st, s) for st, s, _ in stems_at(text)]
            at = {c: min([s for st, s in stems if st in rec.surface_stems(c)] or [len(text)]) for c in codes}
            for c in sorted(codes, key=at.get):
                if rec.name(c) not in names:
                    names.append(rec.name(c))
            if codes and j not in hits:
                hits.append(j)
    return hits, names


def own_country(rec: Record, code: str, text: str, start: int, end: int) -> bool:
    """Whether the words just around a name give it the country ("French finance minister Herve Gaymard",
    "Nicolas Sarkozy of France"), not another's ("his German counterpart Hans Eichel")."""
    names = rec.surface_stems(code)
    before = [st for st, _, _ in stems_at(text[max(0, start - 40):start])][-4:]
    after = [st for st, _, _ in stems_at(text[end:end + 15])][:2]
    return any(st in names for st in before + after)


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
    whole: dict = {}   # passage index -> its sentence, listed whole for want of items in it
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
            listed = enumeration(h.p.text)
            if not listed:
                whole[h.i] = h.p.text.strip()
            items_out.extend(listed or [whole[h.i]])
            told = [] if listed else counted_list(rec, h)
            for j in told:   # "sued four companies ..." then "The four companies are A, B, C and D."
                used.add(j)
                chosen.append(Hit(j, rec.passages[j], h.score, h.cov))
                items_out.extend(enumeration(rec.passages[j].text))
            if re.search(r"\bone of (?:the )?(?:two|three|four|\d+)\b", h.p.text):   # "...the other is"
                nxt = [j for j in rec.neighbours(h.i, 0, 1) if j != h.i and j not in used]
                if nxt:
                    used.add(nxt[0])
                    chosen.append(Hit(nxt[0], rec.passages[nxt[0]], h.score, h.cov))
                    items_out.append(rec.passages[nxt[0]].text.strip())
    acting, states = countries_acting(rec, it, found)
    if states:   # the states are the items; their sentences are cited
        chosen = [Hit(j, rec.passages[j], top.score, top.cov) for j in acting]
        lines = "; ".join(f"“{h.p.text}” ({src(rec, h.p)})" for h in chosen)
        return said(rec, it, f"The documents name: {'; '.join(states)}. From: {lines}", chosen)
    named = named_items(rec, it, found)
    for h, names in named:
        if h.i not in used:
            used.add(h.i)
            chosen.append(h)
    if named:   # the names are the items (their sentences are cited), then what other passages say
        drop = {whole[h.i] for h, _ in named if h.i in whole}
        items_out = [n for _, names in named for n in names] + [x for x in items_out if x not in drop]
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
