"""Finding the passages a question is about: BM25 (and sentence embeddings when the extra is installed)
over every stored sentence, re-ranked by the question's constraints: its thing and act (focus words,
synonyms matching), its countries named in the sentence, its time, and what the answer must contain."""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import Callable, Optional

from .intent import Intent
from .lexicon import group_of
from .passages import Passage
from .record import Record
from .retrieve import WORD, stem
from .spans import causes

POOL = 60
DOC_SHARE = 0.4   # what a focus word said elsewhere in the passage's document counts for
# Titles a question may name its actor by: a passage about someone else's act does not answer it.
TITLES = frozenset(stem(w) for w in """president king queen emir sultan chancellor premier ambassador envoy pope
prince princess monarch governor mayor minister""".split())


@dataclass
class Hit:
    """A ranked passage: its index in the record, score, focus coverage and where each focus word stands."""

    i: int
    p: Passage
    score: float
    cov: float
    where: dict = field(default_factory=dict)   # focus stem -> character offsets in the passage
    dense: float = 0.0


def stems_at(text: str) -> list:
    """(stem, start, end) of every word of a text."""
    return [(stem(m.group(0)), m.start(), m.end()) for m in WORD.finditer(text)]


def weights(rec: Record, focus: list) -> dict:
    """An idf weight per focus stem (the rarest member of its synonym group); unseen words weigh most."""
    top = max(rec.index.idf.values(), default=1.0)
    out = {}
    for f in focus:
        seen = [rec.index.idf[g] for g in group_of(f) if g in rec.index.idf]
        out[f] = max(seen) if seen else top
    return out


def locate_focus(text: str, focus: list) -> dict:
    """Focus stem -> offsets of the words of a text that match it (itself or a synonym)."""
    where: dict = {}
    groups = {f: group_of(f) for f in focus}
    for st, s, _ in stems_at(text):
        for f, g in groups.items():
            if st in g or (len(f) >= 5 and st.startswith(f)) or (len(st) >= 5 and f.startswith(st)) or \
                    (len(st) >= 4 and f.startswith(st) and len(f) - len(st) <= 2) or \
                    (len(f) >= 5 and f[-1] == "d" and st.startswith(f[:-1] + "s")):   # "intruded", "intrusions"
                where.setdefault(f, []).append(s)
    return where


def coverage(where: dict, w: dict) -> float:
    total = sum(w.values())
    return sum(w[f] for f in where if f in w) / total if total else 1.0


def actor_offsets(rec: Record, it: Intent, text: str) -> list:
    """Offsets of the words of a text that name each of the question's (first two) countries: any of
    their names, demonyms or capitals ("Chilean", "Tirana"), and the names the question itself wrote."""
    stems = stems_at(text)
    written = {stem(x) for n in it.names for x in WORD.findall(n)} - GENERIC_NAME_WORDS
    out = []
    for code in it.codes[:2]:
        names = set(rec.surface_stems(code))
        if len(it.codes) == 1:
            names |= written
        out.append([s for st, s, _ in stems if st in names])
    return out


def leading_side(rec: Record, it: Intent, text: str) -> Optional[int]:
    """0 or 1: which of the question's two countries a sentence names first (or alone); None for neither."""
    a, b = (actor_offsets(rec, it, text) + [[]])[:2]
    return None if not a and not b else 0 if a and (not b or min(a) < min(b)) else 1


GENERIC_NAME_WORDS = frozenset({"republic", "kingdom", "state", "united", "new", "south", "north", "west", "east",
                                "the", "of", "democratic", "people", "islamic", "federal", "city"})


def in_order(rec: Record, it: Intent, text: str) -> float:
    """1 when the question's two countries appear in the passage in the order the question names them
    ("visits from A to B"), -1 when in the reverse order, 0 when not both."""
    if len(it.codes) < 2:
        return 0.0
    first, second = actor_offsets(rec, it, text)
    if not first or not second:
        return 0.0
    return 1.0 if min(first) < min(second) else -1.0


def query_terms(rec: Record, it: Intent) -> list:
    out = list(it.query)
    for f in it.focus:
        out.extend(group_of(f))
    for c in it.codes[:2]:
        out.extend(stem(x) for x in WORD.findall(rec.name(c)))
    return out


def candidates(rec: Record, it: Intent, codes: list) -> list:
    """Passage indices worth ranking: BM25's and the dense index's best, in the documents about `codes`."""
    q = query_terms(rec, it)
    allowed = None
    if codes:
        need = set(codes[:2])
        allowed = {d for d, cs in rec.doc_codes.items() if need <= cs}
    where = (lambda p: p.doc_id in allowed) if allowed is not None else None
    found = [rec.position[(p.doc_id, p.start)] for _, p in rec.index.search(q, k=POOL, where=where)]
    dense = {}
    if rec.dense is not None and it.dense:
        for i, sim in rec.dense.search(it.question, k=POOL, allowed=allowed, passages=rec.passages):
            dense[i] = sim
            if i not in found:
                found.append(i)
    return [(i, dense.get(i)) for i in found]


def time_fit(rec: Record, it: Intent, i: int) -> float:
    """+1 for each time the question names that the passage states (a year, or "last year" resolved);
    -0.5 when the passage is dated only at other times."""
    if not it.periods:
        return 0.0
    dates = rec.dates_of(i)
    text = rec.passages[i].text
    got = 0.0
    for per in it.periods:
        v = per.value
        if per.signal in ("before", "after") and len(v) > 4:   # a bound: dates on its side fit
            if any((d[:len(v)] < v) if per.signal == "before" else (d[:len(v)] > v) for d in dates):
                got += 1.0
            continue
        if v[:4] in text or any(d.startswith(v) or (v.startswith(d) and len(d) >= 4) for d in dates):
            got += 1.0
    if not got and dates:
        return -0.5
    return got


def score_passage(rec: Record, it: Intent, i: int, w: dict, top_bm: float, q: list) -> Hit:
    """One passage scored on the question's constraints: focus covered (the sentence before and the
    document's title count half), BM25, the question's countries named, its time, their order."""
    p = rec.passages[i]
    where = locate_focus(p.text, it.focus)
    for short, long in rec.acronyms(p.doc_id).items():   # "10 other FIR infringements": the words FIR stands for
        at = [m.start() for m in re.finditer(rf"\b{short}\b", p.text)]
        for f in (locate_focus(long, it.focus) if at else ()):
            where.setdefault(f, at)
    cov = coverage(where, w)
    seen: set = set()
    if cov < 1:
        rest = [f for f in it.focus if f not in where]
        for j in rec.neighbours(i, 1, 0)[:-1]:
            seen.update(locate_focus(rec.passages[j].text, rest))
        doc = rec.docs.get(p.doc_id)
        if doc is not None and doc.title:
            seen.update(locate_focus(doc.title, rest))
        cov += 0.5 * coverage({f: [] for f in seen}, w)
        far = [f for f in rest if f not in seen]
        if far and it.kind != "figure":   # a cause, date or list stands in a document about the thing
            cov += DOC_SHARE * coverage({f: [] for f in rec.doc_says(p.doc_id, far, locate_focus)}, w)
    titles = [f for f in it.focus if f in TITLES]
    if titles and not any(f in where or f in seen for f in titles):
        cov *= 0.6   # "the Estonian president": a foreign minister's visit is not his ("he" after him is)
    codes = rec.passage_codes[i]
    actors = len(set(it.codes[:2]) & codes) / max(1, min(2, len(it.codes))) if it.codes else 0.0
    when = time_fit(rec, it, i)
    score = 3.0 * cov + min(1.0, rec.index.score(i, q) / (top_bm or 1.0)) + 0.6 * actors + 0.8 * when \
        + 0.3 * in_order(rec, it, p.text) + (0.5 if p.doc_id in it.sources else 0.0) + numbered(it.question, p.text)
    return Hit(i, p, score, cov, where)


NUMBERED = re.compile(r"\b([A-Z][A-Za-z]*)-(\d+[A-Za-z]?)\b")


def numbered(question: str, text: str) -> float:
    """A numbered name the question asks of ("Karbala-5", "SS-20"): the passage that gives it gains, one that
    gives only another number of the same name ("Karbala-7") tells of something else."""
    got = 0.0
    for name, num in {(m.group(1), m.group(2)) for m in NUMBERED.finditer(question)}:
        nums = {m.group(2) for m in NUMBERED.finditer(text) if m.group(1).lower() == name.lower()}
        got += 0.5 if num in nums else -2.0 if nums else 0.0
    return got


def support(rec: Record, it: Intent, doc_id: str, start: int, sentence: str) -> float:
    """The score of a cited sentence (found by its document and offset, or its text) on the question."""
    i = rec.position.get((doc_id, start))
    if i is None:
        i = next((k for k, p in enumerate(rec.passages) if p.doc_id == doc_id and sentence.strip() in p.text), None)
    if i is None:
        return 0.0
    q = query_terms(rec, it)
    pool = [h.i for h in rank(rec, it, k=1)]
    top_bm = max([rec.index.score(j, q) for j in pool] + [1e-9])
    return score_passage(rec, it, i, weights(rec, it.focus), top_bm, q).score


def rank(rec: Record, it: Intent, bonus: Optional[Callable[[Passage, dict], float]] = None,
         k: int = 15) -> list:
    """The best passages for a question, best first; `bonus(passage, where)` adds what the answer needs."""
    w = weights(rec, it.focus)
    pool = []
    for codes in ([it.codes[:2]] if len(it.codes) >= 2 else []) + [[c] for c in it.codes[:2]] + [[]]:
        pool = candidates(rec, it, codes)
        if pool:
            break
    if rec.dense is not None and it.dense and pool:
        missing = [i for i, d in pool if d is None]
        sims = rec.dense.similarity(it.question, missing, rec.passages) if missing else {}
        pool = [(i, d if d is not None else sims.get(i, 0.0)) for i, d in pool]
    q = query_terms(rec, it)
    top_bm = max([rec.index.score(i, q) for i, _ in pool] + [1e-9])
    hits = []
    for i, dense in pool:
        h = score_passage(rec, it, i, w, top_bm, q)
        if dense is not None:
            h.dense = dense
            h.score += 2.0 * max(0.0, dense)
        if bonus is not None:
            h.score += bonus(h.p, h.where)
        hits.append(h)
    hits.sort(key=lambda h: (-h.score, h.p.doc_id, h.p.start))
    return hits[:k]


def with_lead(rec, hits: list) -> list:
    """Why-question hits with the lead of the best one's story when that passage tells the act and gives no
    ground ("disappointed by a Canadian finding that U.S. corn has injured Ontario growers ... Ottawa would
    continue to apply a duty"): the two sentences before it that give one, just below it."""
    if not hits or hits[0].cov < 0.9 or causes(hits[0].p.text):
        return hits
    h = hits[0]
    lead = [Hit(j, rec.passages[j], h.score - 1.0, h.cov, {}) for j in rec.neighbours(h.i, 2, 0)[:-1]
            if causes(rec.passages[j].text)]
    return hits[:1] + lead + hits[1:]
