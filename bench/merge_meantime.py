"""Cross-document event merging scored on MEANTIME (airbus): `merge_events` against gold event coreference.

    .venv/bin/python bench/merge_meantime.py [--docs ID ...] [-v] [--examples N]

Reads the 30 MEANTIME Wikinews articles in place from `../shared/data/meantime-airbus/`
(CC BY 4.0, never shipped), rebuilds each text from its tokens with the document creation
time as publication date (bilateral's reader turns the title and date line into metadata, so gold
mentions in titles drop out), and scores these settings, each with baselines in the same run:

- `store`: the events the store keeps (`analyze(..., international=True)`), aligned to the gold
  event mention whose tokens hold the event's trigger, then merged by `merge_events`.
- `extracted`: the same with the sentence coder's mode (`international=False`, the CAMEO verb
  dictionary where analyze offers it), so acts with an unnamed or non-state party are kept.
- `gold`: one Event per gold event mention, built from bilateral's parts (the coder's event on
  that trigger when it finds one, else the lexicon's rule for the head lemma; actors from
  actor recognition in the sentence; date and mood from the extractor's own dating rules),
  then merged.  `gold-typed` keeps the mentions bilateral gives a PLOVER type; `gold-all` also
  keeps the rest, typed by their head lemma (merging then rests on actors and dates).

Scores: pairwise precision/recall/F1 of "same event" links between mentions of different
documents, and B-cubed over the same mentions (cross-document view: a mention's own document
is left out of its cluster).  Two proposed rules are scored beside the merge (see
`proposed_clusters`), and missed and wrong links are counted by what decided them.  The last line
printed is a JSON summary; bench/README_merge.md has the numbers.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Callable, Iterable, Optional

ROOT = Path(__file__).resolve().parents[1]
MEANTIME = ROOT.parent / "shared" / "data" / "meantime-airbus" / "corpus_airbus"

# Tokens written without a space before them, and tokens that take none after them.
_NO_SPACE_BEFORE = {",", ".", ":", ";", ")", "]", "}", "?", "!", "%", "'s", "'", "n't", "'re", "'ve", "'ll",
                    "'d", "'m", "’s", "'S", "''"}
_NO_SPACE_AFTER = {"(", "[", "{", "``", "$", "US$", "#", "£", "€", "A$", "C$", "S$", "HK$", "NZ$"}


# --- reading MEANTIME ---------------------------------------------------------------------------


@dataclass
class GoldMention:
    """One annotated event mention: where it stands and the event instance it refers to."""

    doc: str              # MEANTIME doc_id
    m_id: str
    start: int            # character span of its tokens in the rebuilt text
    end: int
    sentence: int         # MEANTIME sentence number
    instance: str         # cross-document instance id, else a per-document key
    pred: Optional[str]   # the annotators' predicate lemma, when given
    spans: list = field(default_factory=list)   # (start, end) of each of its tokens


@dataclass
class Article:
    """A MEANTIME article rebuilt as plain text, with its gold event mentions."""

    doc: str
    name: str
    dct: Optional[str]
    text: str
    mentions: list         # list[GoldMention]
    dropped: int = 0       # mentions with no place in the cleaned text (the title's)


def read_article(path: Path) -> Article:
    """Rebuild the source as a plain-text article (title, date line, then the body on one line) and collect
    the event mentions with their character spans in that source."""
    root = ET.parse(path).getroot()
    doc = root.get("doc_id")
    offsets: dict = {}
    sentence_of: dict = {}
    parts: list = []
    pos = 0
    prev_sent, prev_tok, quote_open = None, None, False
    for tok in root.findall("token"):
        word, sent = tok.text or "", int(tok.get("sentence"))
        if prev_sent is None:
            sep = ""
        elif sent != prev_sent and sent <= 2:
            sep = "\n\n"      # the title, the date line and the body are paragraphs of their own
        elif word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER or (prev_tok == '"' and quote_open):
            sep = ""
        elif word == '"' and quote_open:
            sep = ""
        else:
            sep = " "
        if word == '"':
            quote_open = not quote_open
        parts.append(sep)
        pos += len(sep)
        offsets[tok.get("t_id")] = (pos, pos + len(word))
        sentence_of[tok.get("t_id")] = sent
        parts.append(word)
        pos += len(word)
        prev_sent, prev_tok = sent, word
    text = "".join(parts) + "\n"
    markables = root.find("Markables")
    dct = None
    for t in markables.findall("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = t.get("value")
    if dct is None:   # two articles carry no creation-time TIMEX3: their date line ("March 01 , 2008") says it
        line = " ".join(t.text or "" for t in root.findall("token") if t.get("sentence") == "1")
        try:
            dct = datetime.datetime.strptime(line, "%B %d , %Y").date().isoformat()
        except ValueError:
            dct = None
    instance_of = {e.get("m_id"): e.get("instance_id") or f"{doc}:e{e.get('m_id')}"
                   for e in markables.findall("EVENT")}
    refers: dict = {}
    for r in root.find("Relations").findall("REFERS_TO"):
        target = r.find("target").get("m_id")
        if target in instance_of:
            for s in r.findall("source"):
                refers[s.get("m_id")] = instance_of[target]
    mentions = []
    for m in markables.findall("EVENT_MENTION"):
        tids = [a.get("t_id") for a in m.findall("token_anchor") if a.get("t_id") in offsets]
        if not tids:
            continue
        spans = sorted(offsets[t] for t in tids)
        mentions.append(GoldMention(doc=doc, m_id=m.get("m_id"), start=spans[0][0], end=spans[-1][1],
                                    sentence=sentence_of[tids[0]],
                                    instance=refers.get(m.get("m_id"), f"{doc}:m{m.get('m_id')}"),
                                    pred=m.get("pred"), spans=spans))
    mentions.sort(key=lambda g: (g.start, g.m_id))
    return Article(doc=doc, name=path.stem, dct=dct, text=text, mentions=mentions)


def read_corpus(folder: Path = MEANTIME, docs: Optional[Iterable[str]] = None) -> list:
    """Every article of the folder (or only the MEANTIME doc_ids in `docs`), in file-name order."""
    wanted = set(docs) if docs else None
    out = []
    for path in sorted(folder.glob("*.xml")):
        if wanted is None or path.stem.split("_", 1)[0] in wanted:
            out.append(read_article(path))
    return out


# --- running bilateral ---------------------------------------------------------------------------


@dataclass
class Parsed:
    """One article through bilateral's per-document stages."""

    article: Article
    document: object       # bilateral Document
    doc: object            # spaCy Doc
    events: list           # single-mention Events of analyze(international=False)
    bilateral_events: list  # those of analyze(international=True): what the store keeps
    actors: list           # ActorMentions
    timexes: list          # Timex
    trigger_token: dict    # event_id -> token index of its trigger (None when it cannot be told)


def run_bilateral(articles: list) -> list:
    """Clean each article as a plain-text source, parse it once and code it without the bilateral filter.

    The cleaning is bilateral's own (`read.document.clean`): the title and date line become metadata,
    so gold mentions in the title have no place in the text and are left out (counted in `dropped`)."""
    from bilateral.extract import analyze
    from bilateral.model import RawDocument
    from bilateral.nlp.actors import find_actors
    from bilateral.nlp.gazetteer import Gazetteer
    from bilateral.nlp.pipeline import load_nlp
    from bilateral.options import Options
    from bilateral.nlp.timex import find_timexes
    from bilateral.read.document import clean

    nlp, gazetteer = load_nlp(), Gazetteer.load()
    documents, cleaned = [], []
    for a in articles:
        document = clean(RawDocument(source_path=f"meantime/{a.name}.txt", text=a.text, format="text",
                                     published=a.dct))
        documents.append(document)
        cleaned.append(_in_clean_text(a, document))
    out = []
    for article, document, doc in zip(cleaned, documents, nlp.pipe([d.text for d in documents], batch_size=32)):
        analysis = analyze(document, doc, gazetteer, Options.sentences())   # the sentence coder's mode
        bilateral_events = analyze(document, doc, gazetteer, Options()).events
        actors = find_actors(doc, gazetteer, date=document.published)
        timexes = find_timexes(document.text, document.published)
        trigger_token = {e.event_id: _trigger_token(e, doc) for e in analysis.events + bilateral_events}
        out.append(Parsed(article, document, doc, analysis.events, bilateral_events, actors, timexes, trigger_token))
    return out


def _in_clean_text(article: Article, document) -> Article:
    """The article with its mentions' spans moved into the cleaned text; mentions outside it are dropped."""
    import dataclasses

    def moved(start: int, end: int) -> Optional[tuple]:
        for clean_start, source_start, length in document.offsets:
            if source_start <= start and end <= source_start + length:
                return clean_start + start - source_start, clean_start + end - source_start
        return None

    kept, dropped = [], 0
    for g in article.mentions:
        spans = [moved(s, e) for s, e in g.spans]
        if any(x is None for x in spans):
            dropped += 1
            continue
        kept.append(dataclasses.replace(g, start=spans[0][0], end=spans[-1][1], spans=spans))
    return dataclasses.replace(article, text=document.text, mentions=kept, dropped=dropped)


def _trigger_token(event, doc) -> Optional[int]:
    """The token that carried the event: the one whose id recipe gives the event's id, else the only
    token of the sentence with the trigger lemma."""
    from bilateral.model import stable_id

    m = event.mentions[0]
    span = doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    if span is None:
        return None
    same = [t for t in span if t.lemma_.lower() == event.trigger]
    for t in same:
        if stable_id("ev", m.doc_id, t.idx, event.source.code, event.target.code, event.cameo) == event.event_id:
            return t.i
    return same[0].i if len(same) == 1 else None


def _gold_at(article: Article, start: int, end: int) -> Optional[GoldMention]:
    """The gold mention one of whose tokens overlaps [start, end)."""
    for g in article.mentions:
        if any(s < end and start < e for s, e in g.spans):
            return g
    return None


# --- the two settings ------------------------------------------------------------------------------


@dataclass
class Item:
    """One scored mention: its gold instance, its document, and the bilateral event standing for it."""

    gold: GoldMention
    event: object          # bilateral Event (single mention)
    text: str              # the trigger in context, for examples


def extracted_items(parsed: list, international: bool = False) -> tuple:
    """Setting `extracted` (or `store` with `international`): bilateral's events aligned to gold mentions
    (the first event per mention).

    Returns (items, events, stats); `events` is every extracted event, aligned or not, since all of
    them go into the merge as they would in the store."""
    items, events, seen = [], [], set()
    n_events = n_aligned = 0
    for p in parsed:
        for e in (p.bilateral_events if international else p.events):
            events.append(e)
            n_events += 1
            i = p.trigger_token.get(e.event_id)
            if i is None:
                continue
            tok = p.doc[i]
            g = _gold_at(p.article, tok.idx, tok.idx + len(tok.text))
            if g is None:
                continue
            n_aligned += 1
            if (g.doc, g.m_id) in seen:
                continue
            seen.add((g.doc, g.m_id))
            items.append(Item(g, e, _context(p.article.text, g)))
    stats = {"events": n_events, "aligned_events": n_aligned, "aligned_mentions": len(items),
             "gold_mentions": sum(len(p.article.mentions) for p in parsed),
             "title_mentions_dropped": sum(p.article.dropped for p in parsed)}
    return items, events, stats


def gold_items(parsed: list) -> list:
    """Setting `gold`: one bilateral Event per gold mention, built from bilateral's own parts."""
    from bilateral.extract.cameo import coding
    from bilateral.extract.triggers import find_rule
    from bilateral.model import Actor, Event, Mention

    items = []
    for p in parsed:
        by_token: dict = defaultdict(list)
        for e in p.events:
            i = p.trigger_token.get(e.event_id)
            if i is not None:
                by_token[i].append(e)
        coded_actors = [a for a in p.actors if a.code]
        date_of = _dater(p)
        for g in p.article.mentions:
            span = p.doc.char_span(g.start, g.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            head = span.root
            sent = head.sent
            found = by_token.get(head.i) or next((by_token[t.i] for t in span if t.i in by_token), None)
            mention = Mention(doc_id=p.document.doc_id, sentence=sent.text.strip(), char_start=sent.start_char,
                              char_end=sent.end_char)
            eid = f"g_{g.doc}_{g.m_id}"
            if found:
                e = found[0]
                event = Event(event_id=eid, source=e.source, target=e.target, event_type=e.event_type,
                              modality=e.modality, date=e.date, date_end=e.date_end, date_basis=e.date_basis,
                              mode=e.mode, cameo=e.cameo, quad=e.quad, goldstein=e.goldstein, summary=e.summary,
                              mentions=[mention], trigger=head.lemma_.lower(), topic=e.topic)
            else:
                lemma = head.lemma_.lower()
                objects = {t.lemma_.lower() for t in head.subtree if t.i != head.i}
                rule = find_rule(lemma, objects, noun=head.pos_ in ("NOUN", "PROPN"))
                c = coding(rule.cameo) if rule else None
                source, target = _nearest_actors(coded_actors, sent, head)
                date, date_end, basis, modality = date_of(head)
                event = Event(event_id=eid, source=Actor(source.code, source.name, source.sector) if source
                              else Actor(None, "(unnamed)"),
                              target=Actor(target.code, target.name, target.sector) if target
                              else Actor(None, "(unnamed)"),
                              event_type=c.event_type if c else None, cameo=rule.cameo if rule else None,
                              mode=c.mode if c else None, quad=c.quad if c else None,
                              goldstein=c.goldstein if c else None, date=date, date_end=date_end,
                              date_basis=basis, modality=modality, mentions=[mention], trigger=lemma)
            items.append(Item(g, event, _context(p.article.text, g)))
    return items


def _dater(p: Parsed) -> Callable:
    """head token -> (date, date_end, basis, modality) by bilateral's own dating and mood rules.

    Walks the sentences as the event extractor does (the last dated sentence is the context an undated
    past-tense clause inherits), with the extractor's own dating and mood."""
    import bisect
    import re

    from bilateral.extract.dating import date_for
    from bilateral.extract.mood import modality
    doc = p.doc
    paragraphs = [m.end() for m in re.finditer(r"\n\s*\n", doc.text)]
    dates = sorted((t for t in p.timexes if t.date or t.range_start), key=lambda t: t.start)
    starts = [t.start for t in dates]
    where: dict = {}      # sentence start token -> (sentence dates, context, paragraph, sentence index)
    context = None
    for s_i, sent in enumerate(doc.sents):
        para = bisect.bisect_right(paragraphs, sent.start_char)
        lo, hi = bisect.bisect_left(starts, sent.start_char), bisect.bisect_left(starts, sent.end_char)
        where[sent.start] = (dates[lo:hi], context, para, s_i)
        if dates[lo:hi]:
            last = dates[lo:hi][-1]
            context = (last.range_start or last.date, para, s_i)

    def date_of(head) -> tuple:
        sent = head.sent
        sent_dates, ctx, para, s_i = where[sent.start]
        date, date_end, basis = date_for(head, sent, sent_dates, ctx, para, s_i)
        mood = modality(head) or "asserted"
        published = p.document.published
        if mood == "asserted" and date and published and date[:4] > published[:4]:
            mood = "planned"
        return date, date_end, basis, mood

    return date_of


def _nearest_actors(actors: list, sent, head) -> tuple:
    """The coded actor nearest before the trigger in its sentence, and the nearest after it with another code."""
    inside = [a for a in actors if sent.start_char <= a.start and a.end <= sent.end_char]
    before = [a for a in inside if a.end <= head.idx]
    after = [a for a in inside if a.start >= head.idx + len(head.text)]
    source = before[-1] if before else None
    target = next((a for a in after if source is None or a.code != source.code), None)
    if source is None and target is not None:
        source, target = target, next((a for a in after if a.code != target.code), None)
    return source, target


def _context(text: str, g: GoldMention, width: int = 60) -> str:
    left = text[max(0, g.start - width):g.start].replace("\n", " ")
    right = text[g.end:g.end + width].replace("\n", " ")
    return f"…{left}[{text[g.start:g.end]}]{right}…"


def lemma_typed(items: list) -> list:
    """The same items, those without a PLOVER type typed by their head lemma instead (`gold-all`)."""
    import dataclasses

    out = []
    for it in items:
        e = it.event
        if e.event_type is None:
            e = dataclasses.replace(e, event_type=f"lemma:{e.trigger}")
        out.append(Item(it.gold, e, it.text))
    return out


# --- clustering and scoring -----------------------------------------------------------------------------


def merge_clusters(items: list, extra_events: Iterable = (), published: Optional[dict] = None) -> dict:
    """bilateral's `merge_events` over the items' events (plus any others), given each document's
    publication date as the store gives it: event_id -> merged event id."""
    from bilateral.reconcile.merge import merge_events

    events, seen = [], set()
    for e in [it.event for it in items] + list(extra_events):
        if e.event_id not in seen:
            seen.add(e.event_id)
            events.append(e)
    _, members = merge_events(events, published)
    return {mid: eid for eid, mid in members}


def key_clusters(items: list, key: Callable) -> dict:
    """A baseline: items with equal key(event) are one event (key None: never merged)."""
    out = {}
    for it in items:
        k = key(it.event)
        out[it.event.event_id] = ("k", k) if k is not None else ("solo", it.event.event_id)
    return out


def proposed_clusters(items: list, published: dict, window: int = 31, dated_undated: bool = False,
                      extra_events: Iterable = ()) -> dict:
    """A proposed rule, measured beside the merge: bilateral's `same_event`, except that two undated
    mentions from different documents merge only when the documents were published at most `window` days
    apart; with `dated_undated`, an undated mention also joins a dated one whose date falls in the
    `window` days before its own document's publication.  Complete-link, as `merge_events`."""
    import dataclasses

    from bilateral.reconcile.merge import same_event

    def day(doc_id: str) -> Optional[datetime.date]:
        v = published.get(doc_id)
        return datetime.date.fromisoformat(v) if v and len(v) == 10 else None

    def fits(a, b) -> bool:
        da, db = day(a.mentions[0].doc_id), day(b.mentions[0].doc_id)
        if a.mentions[0].doc_id != b.mentions[0].doc_id and a.date is None and b.date is None:
            if da is None or db is None or abs((da - db).days) > window:
                return False
        if dated_undated and (a.date is None) != (b.date is None):
            undated, dated = (a, b) if a.date is None else (b, a)
            pub = day(undated.mentions[0].doc_id)
            when = _first_day(dated.date)
            if pub is None or when is None or not (0 <= (pub - when).days <= window):
                return False
            return same_event(dataclasses.replace(undated, date=dated.date), dated)
        return same_event(a, b)

    events, seen = [], set()
    for e in [it.event for it in items] + list(extra_events):
        if e.event_id not in seen:
            seen.add(e.event_id)
            events.append(e)
    clusters: list = []
    for e in events:
        for c in clusters:
            if all(fits(e, o) for o in c):
                c.append(e)
                break
        else:
            clusters.append([e])
    return {e.event_id: c[0].event_id for c in clusters for e in c}


def _first_day(date: Optional[str]) -> Optional[datetime.date]:
    """The first day a partial date can mean: "2008-02" -> 2008-02-01."""
    if not date:
        return None
    parts = (date.split("-") + ["01", "01"])[:3]
    try:
        return datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


BASELINES = {
    "never merge": lambda e: None,
    "same lemma + year": lambda e: (e.trigger, (e.date or "")[:4]),
    "same lemma": lambda e: e.trigger,
    "merge all": lambda e: "all",
}


def score(items: list, cluster_of: dict) -> dict:
    """Pairwise P/R/F1 of cross-document links and cross-document B-cubed, over the items."""
    pred = [cluster_of[it.event.event_id] for it in items]
    gold = [it.gold.instance for it in items]
    docs = [it.gold.doc for it in items]
    tp = n_pred = n_gold = 0
    for i, j in combinations(range(len(items)), 2):
        if docs[i] == docs[j]:
            continue
        p, g = pred[i] == pred[j], gold[i] == gold[j]
        tp += p and g
        n_pred += p
        n_gold += g
    b_p = b_r = 0.0
    n_b = 0
    for i in range(len(items)):
        others_p = {j for j in range(len(items)) if docs[j] != docs[i] and pred[j] == pred[i]}
        others_g = {j for j in range(len(items)) if docs[j] != docs[i] and gold[j] == gold[i]}
        if not others_p and not others_g:
            continue   # a mention alone in its own document: nothing to score across documents
        n_b += 1
        both = len(others_p & others_g)
        b_p += (both + 1) / (len(others_p) + 1)
        b_r += (both + 1) / (len(others_g) + 1)
    out = {"links_gold": n_gold, "links_pred": n_pred, "links_right": tp,
           "p": tp / n_pred if n_pred else None, "r": tp / n_gold if n_gold else None}
    out["f1"] = (2 * out["p"] * out["r"] / (out["p"] + out["r"])) if out["p"] and out["r"] else 0.0
    if n_b:
        bp, br = b_p / n_b, b_r / n_b
        out.update(b3_p=bp, b3_r=br, b3_f1=2 * bp * br / (bp + br), b3_n=n_b)
    return out


def scorable_instances(items: list) -> int:
    """Gold instances whose items stand in at least two documents: the links there are to find."""
    docs = defaultdict(set)
    for it in items:
        docs[it.gold.instance].add(it.gold.doc)
    return sum(1 for d in docs.values() if len(d) >= 2)


def examples(items: list, cluster_of: dict, limit: int = 5) -> tuple:
    """Up to `limit` missed and wrong cross-document links, each as (left item, right item)."""
    missed, wrong = [], []
    for a, b in combinations(items, 2):
        if a.gold.doc == b.gold.doc:
            continue
        p = cluster_of[a.event.event_id] == cluster_of[b.event.event_id]
        g = a.gold.instance == b.gold.instance
        if g and not p and len(missed) < limit:
            missed.append((a, b))
        elif p and not g and len(wrong) < limit:
            wrong.append((a, b))
    return missed, wrong


def why_apart(a, b) -> str:
    """The first of `same_event`'s conditions two events fail (read off the events, for the report)."""
    if a.event_type != b.event_type:
        return "type differs"
    mood = {"planned": "future", "intended": "future"}
    if mood.get(a.modality, a.modality) != mood.get(b.modality, b.modality):
        return "mood differs"
    if {a.source.code, a.target.code} != {b.source.code, b.target.code}:
        return "actors differ"
    if (a.cameo or "")[:2] != (b.cameo or "")[:2]:
        return "CAMEO root differs"
    if a.date is None and b.date is None:
        return "both undated, other trigger or code"
    if a.date is None or b.date is None:
        return "one undated"
    return "dates disagree"


def why_together(a, b) -> str:
    """What a wrong cross-document link rested on: the actors it had and the dates it compared."""
    coded = sum(1 for c in {a.source.code, a.target.code} if c)
    actors = {0: "no actor code", 1: "one actor code", 2: "two actor codes"}[coded]
    if a.date is None and b.date is None:
        when = "both undated, same trigger"
    elif a.date is None or b.date is None:
        when = "one undated (joined through its cluster)"
    else:
        shared = min(len(a.date), len(b.date))
        when = {4: "same year", 7: "same month", 10: "same day"}.get(shared, "dates agree")
    return f"{actors}; {when}"


def reasons(items: list, cluster_of: dict) -> tuple:
    """Counters of why gold links were missed and what wrong links rested on (cross-document pairs)."""
    missed, wrong = Counter(), Counter()
    for a, b in combinations(items, 2):
        if a.gold.doc == b.gold.doc:
            continue
        p = cluster_of[a.event.event_id] == cluster_of[b.event.event_id]
        g = a.gold.instance == b.gold.instance
        if g and not p:
            missed[why_apart(a.event, b.event)] += 1
        elif p and not g:
            wrong[why_together(a.event, b.event)] += 1
    return missed, wrong


def evaluate(items: list, extra_events: Iterable = (), published: Optional[dict] = None) -> dict:
    """Scores of bilateral's merge (given publication dates), of a proposed rule, and of every baseline.

    The 31-day window for undated mentions, first measured here as a proposal, is now the merge's own
    rule; "+ dated~undated" (an undated mention joining a dated one from the month before its
    document) stays a proposal: it added links here, none right."""
    out = {"bilateral merge_events": score(items, merge_clusters(items, extra_events, published))}
    if published is not None:
        out["proposed: + dated~undated"] = score(items, proposed_clusters(items, published, 31, True, extra_events))
    for name, key in BASELINES.items():
        out[name] = score(items, key_clusters(items, key))
    return out


def coverage(parsed: list, items: list) -> dict:
    """How many mentions carry what the merge needs: a PLOVER type, a coded actor, a date."""
    n = len(items) or 1
    return {"items": len(items),
            "typed": sum(1 for it in items if it.event.event_type and not it.event.event_type.startswith("lemma:")) / n,
            "with_actor": sum(1 for it in items if it.event.source.code or it.event.target.code) / n,
            "two_actors": sum(1 for it in items if it.event.source.code and it.event.target.code) / n,
            "dated": sum(1 for it in items if it.event.date) / n,
            "coded_actor_mentions": sum(1 for p in parsed for a in p.actors if a.code)}


def settings(parsed: list) -> dict:
    """Every scored setting: name -> (items, events merged alongside them)."""
    ext_items, ext_events, _ = extracted_items(parsed)
    store_items, store_events, _ = extracted_items(parsed, international=True)
    gold = gold_items(parsed)
    return {
        "store": (store_items, store_events),
        "extracted": (ext_items, ext_events),
        "gold-typed": ([it for it in gold if it.event.event_type], ()),
        "gold-all": (lemma_typed(gold), ()),
    }


# --- report ------------------------------------------------------------------------------------------


def _fmt(x) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _describe(it: Item) -> str:
    e = it.event
    return (f"{it.gold.doc} {e.event_type or '-'}/{e.cameo or '-'} {e.source.code or '-'}→{e.target.code or '-'} "
            f"{e.date or 'undated'} {e.modality}: {it.text}")


def main(argv: Optional[list] = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(MEANTIME), help="The corpus_airbus folder of MEANTIME XML.")
    ap.add_argument("--docs", nargs="*", help="Only these MEANTIME doc_ids (e.g. 73808 8983).")
    ap.add_argument("--examples", type=int, default=5, help="Missed and wrong links shown per setting.")
    ap.add_argument("-v", "--verbose", action="store_true", help="Show examples for every setting.")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    articles = read_corpus(Path(a.data), a.docs)
    t1 = time.perf_counter()
    parsed = run_bilateral(articles)
    t2 = time.perf_counter()
    _, _, align = extracted_items(parsed)
    all_gold = [Item(g, None, "") for art in articles for g in art.mentions]
    print(f"MEANTIME airbus: {len(articles)} articles, {align['gold_mentions']} gold event mentions, "
          f"{scorable_instances(all_gold)} gold instances told in >= 2 documents")
    print(f"extracted: {align['events']} bilateral events, {align['aligned_events']} on a gold mention's token, "
          f"{align['aligned_mentions']} gold mentions aligned")
    published = {p.document.doc_id: p.document.published for p in parsed}
    summary = {"articles": len(articles), "gold_mentions": align["gold_mentions"],
               "cross_doc_instances": scorable_instances(all_gold), "alignment": align, "settings": {}}
    for name, (items, extra) in settings(parsed).items():
        t = time.perf_counter()
        results = evaluate(items, extra, published)
        cov = coverage(parsed, items)
        print(f"\n== {name}: {len(items)} mentions, {scorable_instances(items)} gold instances with mentions in "
              f">= 2 documents; typed {cov['typed']:.2f}, with an actor code {cov['with_actor']:.2f}, "
              f"two codes {cov['two_actors']:.2f}, dated {cov['dated']:.2f}")
        print(f"   {'method':<24} {'gold':>5} {'pred':>6} {'right':>5}  {'P':>5}  {'R':>5}  {'F1':>5}   "
              f"{'B3 P':>5}  {'B3 R':>5}  {'B3 F1':>5}")
        for method, s in results.items():
            print(f"   {method:<24} {s['links_gold']:>5} {s['links_pred']:>6} {s['links_right']:>5}  {_fmt(s['p'])}  "
                  f"{_fmt(s['r'])}  {_fmt(s['f1'])}   {_fmt(s.get('b3_p'))}  {_fmt(s.get('b3_r'))}  "
                  f"{_fmt(s.get('b3_f1'))}")
        clusters = merge_clusters(items, extra)
        why_missed, why_wrong = reasons(items, clusters)
        if why_missed:
            print("   missed links, by the first condition they fail: "
                  + "; ".join(f"{k} {v}" for k, v in why_missed.most_common()))
        if why_wrong:
            print("   wrong links, by what they rested on: " + "; ".join(f"{k} {v}" for k, v in why_wrong.most_common()))
        if a.verbose or name != "gold-all":
            missed, wrong = examples(items, clusters, a.examples)
            for label, pairs in (("missed", missed), ("wrong", wrong)):
                for x, y in pairs:
                    print(f"   {label}: {_describe(x)}\n   {' ' * len(label)}  {_describe(y)}")
        summary["settings"][name] = {"results": results, "coverage": cov, "missed_by": dict(why_missed),
                                     "wrong_by": dict(why_wrong),
                                     "scorable_instances": scorable_instances(items),
                                     "seconds": round(time.perf_counter() - t, 3)}
    t3 = time.perf_counter()
    summary["seconds"] = {"read": round(t1 - t0, 2), "bilateral": round(t2 - t1, 2), "score": round(t3 - t2, 2)}
    print(f"\nread {t1 - t0:.1f} s, bilateral (parse + analyze) {t2 - t1:.1f} s, merge and scoring {t3 - t2:.1f} s")
    print(json.dumps(summary, default=str))
    return summary


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main(sys.argv[1:])
