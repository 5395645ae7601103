"""Question understanding: which countries, figure, event, period and kind of answer a question asks for.

Names resolve through the ingest gazetteer, figures through the metric lexicon, events through
the event lexicon and periods through the time module, so a question is read the way the
documents were.  What is left over (the words none of these explain) is what a cited passage
must also contain for the answer to hold.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from bilateral.extract import metrics as lex
from bilateral.extract.triggers import NOUN_LEMMAS, RULES, TRIGGER_LEMMAS, find_rule
from bilateral.nlp.gazetteer import Gazetteer
from bilateral.nlp.pipeline import load_nlp
from bilateral.nlp.timex import find_timexes

from .lexicon import rewrite_phrases
from .retrieve import STOP, stem

ACTOR_KINDS = ("country", "capital", "demonym", "igo", "person")
# Figure words the metric lexicon leaves out, for questions about counts of firms and people.
EXTRA_TERMS = {
    "companies": ("companies", "company", "firms", "firm", "businesses", "enterprises"),
    "residents": ("nationals", "citizens", "expatriates", "people living", "living"),
    "investors": ("investors",),
}
RANK_WORDS = frozenset("rank ranked ranks ranking largest biggest top leading main greatest first second third "
                       "fourth fifth number".split())
CHANGE_WORDS = frozenset("change changed changes grown grow grew increase increased decrease decreased risen rise "
                         "rose fallen fall fell evolve evolved trend develop developed compare compared".split())
AGREE_WORDS = ("agree", "disagree", "differ", "add up", "consistent", "contradict", "conflict", "match",
               "discrepanc", "tally")
SOURCE_WORDS = ("source", "sources", "figures", "figure", "reports", "documents", "articles", "accounts", "numbers")
# Verbs that carry another word's act ("reach a deal", "take effect"): no act of their own.
LIGHT = frozenset({"reach", "take", "make", "get", "have", "come", "go", "put", "set", "hold", "give", "do", "strike"})
PURPOSE_Q = re.compile(r"\b(?:meant|intended|designed|earmarked|used|supposed|going)\s+(?:mainly |mostly |chiefly |"
                       r"primarily |largely )?(?:to (?:pay for|finance|fund|cover|build|be used for)|for)\s*\?", re.I)
# "How do Athens and Ankara differ on ...": the two sides' positions compared
POSITIONS_Q = re.compile(r"\bhow do(?:es)?\b.{1,80}\b(?:differ|disagree)\b|\bwhere do\b.{1,60}\b(?:differ|disagree)\b|"
                         r"\bwhat (?:are|were) (?:the )?(?:two sides'|their|the) (?:positions|views|stances)\b", re.I)
WHY_CUES = re.compile(r"^\s*why\b|\bwhat (?:was|were|is) the (?:reason|purpose|cause|motive)|"
                      r"\bfor what (?:reason|purpose)\b|"
                      r"\bwhat (?:caused|led|prompted|drove|pushed|made|motivated)\b|\bhow come\b|\bon what grounds\b",
                      re.I)
WHEN_CUES = re.compile(r"^\s*(?:when|since when|until when|till when|by when)\b|\b(?:what|which) (?:year|date|month|day)\b|\bin what year\b", re.I)
DAY_Q = re.compile(r"\b(?:on )?what (?:date|day)\b", re.I)   # a day is asked: a year alone does not say it
FIGURE_CUES = re.compile(r"\bhow (?:much|many|large|big|old)\b|\bwhat (?:was|is|were|are) the (?:value|amount|"
                         r"volume|number|total|size|figure)\b|\bnumber of\b|\bworth\b|\bwhat age\b", re.I)
LIST_CUES = re.compile(r"^\s*(?:which|what|who|list|name|where|(?:in|from|to|with|over|on|at|into|for|by|among) which)\b|"
                       r"\ball (?:the )?\w+", re.I)
# Nouns that name the act a verb rule codes ("the establishment of relations").
NOMINAL = {"establishment": "establish", "signing": "sign", "severance": "sever", "severing": "sever",
           "withdrawal": "withdraw", "recognition": "recognize", "ratification": "ratify", "opening": "open",
           "closure": "close", "closing": "close", "meeting": "meet", "restoration": "restore",
           "normalization": "normalize", "normalisation": "normalise", "expulsion": "expel",
           "suspension": "suspend"}
GENERIC = frozenset(stem(w) for w in """number figure figures amount total value worth people persons nationals
citizens country countries government governments make made give given get got take taken receive received
source sources document documents report reports say said according record records two both foreign far
year years date time part happen happened kind sort mean much many up among around""".split())


@dataclass
class Period:
    """A time the question names: a partial ISO date (or a prefix such as "199"), its signal, and a range."""

    value: str
    signal: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None


@dataclass
class EventReading:
    """An event the question names: the CAMEO code, the trigger lemma and the objects that fitted the rule."""

    cameo: str
    lemma: str
    objects: frozenset


@dataclass
class Intent:
    """Everything `answer` needs from a question."""

    question: str
    kind: str
    codes: list = field(default_factory=list)        # country codes in the order named
    places: list = field(default_factory=list)       # place names (a scope) the question names
    metrics: list = field(default_factory=list)      # export metrics, best first
    rank_metric: Optional[str] = None
    events: list = field(default_factory=list)       # list[EventReading]
    periods: list = field(default_factory=list)      # list[Period]
    terms: list = field(default_factory=list)        # stems none of the above explain
    query: list = field(default_factory=list)        # every content stem, for retrieval
    first: bool = False
    latest: bool = False
    list_all: bool = False
    money: bool = False
    count: bool = False
    share: bool = False
    planned: bool = False
    acts: list = field(default_factory=list)   # the focus stems the question uses as verbs ("raised")
    purpose: bool = False   # "what is the credit meant to pay for": what a thing is for, not why something happened
    counted: Optional[str] = None                    # stem of the noun "how many" counts, when no metric names it
    focus: list = field(default_factory=list)        # the stems of what is asked about: the thing, the act
    want: Optional[str] = None                       # the kind of figure asked: money, percent, count, ...
    names: list = field(default_factory=list)        # the question's actor names as written ("Quito", "Seoul")
    sources: set = field(default_factory=set)        # doc_ids of the outlets the question names, if any
    metric_words: list = field(default_factory=list)  # stems of the words the metric lexicon read as a figure
    dense: bool = False                              # rank with sentence embeddings too (the embed extra)


def _actor_spans(doc, gaz: Gazetteer) -> list[tuple[int, int, str, str]]:
    """(token start, token end, code, kind) for names of countries, capitals, demonyms, bodies, people, places."""
    text = doc.text
    cased = any(ch.isupper() for ch in text[1:])
    out, i = [], 0
    while i < len(doc):
        hit = None
        for n in range(min(6, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            surface = span.text.lower()
            if surface in STOP or not any(ch.isalpha() for ch in surface):
                continue
            if cased and not span.text[0].isupper():
                continue
            found = gaz.readings(surface)
            if not found:
                continue
            best = found[0]
            if best.kind == "person":
                best = gaz.lookup(surface) or best
            if best.code and (best.kind in ACTOR_KINDS or best.kind == "place"):
                hit = (i, i + n, best.code, best.kind)
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def _phrases(text: str) -> list[tuple[int, int, str]]:
    """(start, end, fine metric) of every metric-lexicon phrase in a lower-cased question, longest first."""
    table = {}
    for fine, words in list(lex.MONEY_TERMS.items()) + list(lex.PEOPLE_TERMS.items()) + list(EXTRA_TERMS.items()):
        if lex.FINE_TO_METRIC.get(fine) == "other" and fine not in EXTRA_TERMS:
            continue   # casualties, prices, tariffs: no metric of the record to ask for, so the words stay terms
        for w in words:
            table.setdefault(w, fine)
    found, taken = [], []
    for phrase in sorted(table, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), table[phrase]))
    return sorted(found)


def _metrics(fines: list[str]) -> list[str]:
    out = []
    for fine in fines:
        names = ["oda", "aid"] if fine == "aid_generic" else [lex.FINE_TO_METRIC.get(fine, fine)]
        for n in names:
            if n not in out and n != "other":
                out.append(n)
    return out


def _periods(question: str) -> tuple[list[Period], list[tuple[int, int]]]:
    found = []
    spans = []
    for t in find_timexes(question):
        value = t.date or (t.value if t.value and t.value[:3].isdigit() else None)
        if not value:
            continue
        signal = t.signal
        lead = re.search(r"\b(before|after|prior to|until|since)\b[^,;]{0,20}$", question[max(0, t.start - 30):t.start], re.I)
        if signal is None and lead:   # "Before the March 1987 earthquake": a bound on the answer, not its time
            signal = lead.group(1).lower().replace("prior to", "before")
        found.append(Period(value, signal, t.range_start, t.range_end))
        spans.append((t.start, t.end))
    for m in re.finditer(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)", question):
        if any(s <= m.start() < e for s, e in spans):
            continue
        before = question[max(0, m.start() - 20):m.start()].lower()
        sig = re.search(r"\b(by|since|as of|until|before|after|in|during)\b[\s\w-]*$", before)
        found.append(Period(m.group(1), sig.group(1) if sig else None,
                            m.group(1) if sig and sig.group(1) == "since" else None))
        spans.append((m.start(), m.end()))
    return found, spans


def _events(doc) -> list[EventReading]:
    words = {t.lemma_.lower() for t in doc} | {t.lower_ for t in doc}
    out = []
    for t in doc:
        lemma = NOMINAL.get(t.lower_, t.lemma_.lower())
        rule = None
        if t.pos_ == "NOUN" and t.lower_ not in NOMINAL and lemma in NOUN_LEMMAS:
            rule = find_rule(lemma, words, noun=True)
        if rule is None and lemma in TRIGGER_LEMMAS:
            rule = find_rule(lemma, words - {lemma}, noun=False)
            if rule is None and doc[0].lower_ in ("what", "which"):
                rule = _any_rule(lemma)   # "what did A and B sign?": the object is what is asked
        if rule is not None and all(r.cameo != rule.cameo for r in out):
            objs = frozenset(words & rule.objects) if rule.objects else frozenset()
            out.append(EventReading(rule.cameo, lemma, objs))
    return out


def _any_rule(lemma: str):
    """The lexicon's first verb rule for a lemma, whatever object it needs."""
    return next((r for r in RULES if not r.noun and lemma in r.lemmas), None)


PEOPLE_NOUNS = frozenset(stem(w) for w in "people persons nationals citizens individuals men women".split())


def _counted(doc, phrases: list) -> Optional[str]:
    """The noun a "how many" question counts ("civilians"), when it is neither a metric word nor plain people."""
    for i, t in enumerate(doc[:-2]):
        if t.lower_ == "how" and doc[i + 1].lower_ == "many":
            u = doc[i + 1].head
            if u.pos_ not in ("NOUN", "PROPN") or u.text[0].isupper():
                return None
            if any(s <= u.idx < e for s, e, _ in phrases) or stem(u.text) in PEOPLE_NOUNS:
                return None
            return stem(u.text)
    return None


AGREE_Q = re.compile(r"\b(?:agree|agreement between|disagree|differ|different|consistent|contradict|conflict|"
                     r"match|tally|add up|the same way|same figure|same date|dispute|square)\b", re.I)
YES_NO = re.compile(r"^\s*(?:do|does|did|are|is|were|was|have|has)\b", re.I)
COMPARE_CUES = re.compile(r"\b(?:compare[sd]?|compared|comparison|versus|vs\.?|more than|less than|"
                          r"higher than|lower than|larger than|bigger than|smaller than|"
                          r"(?:more|less|higher|lower|larger|bigger|smaller)\b.*\b(?:than|or)\b|how much more|"
                          r"how many more)\b", re.I)
RANK_CUES = re.compile(r"\b(?:rank|ranked|ranks|ranking|position|place among|(?:stand|stands|stood) among|"
                       r"how important a)\b", re.I)
SUPERLATIVE = re.compile(r"\b(?:largest|biggest|top|leading|greatest|main|first|second|third|"
                         r"\w+-(?:largest|biggest))\b", re.I)


def _kind(q: str, low: str, metrics: list, rank_metric, events: list) -> str:
    """What the question asks for, read from its cue words and what they govern (not from templates)."""
    if AGREE_Q.search(q) and (YES_NO.search(q) or re.search(r"\b(?:sources|reports|documents|accounts)\b", low)):
        return "conflict"
    if WHY_CUES.search(q) or PURPOSE_Q.search(q):
        return "why"
    words = set(re.findall(r"[a-z]+", low))
    if words & CHANGE_WORDS and (metrics or re.search(r"\bhow (?:has|have|did|does|is|was)\b", low)):
        return "compare"
    if COMPARE_CUES.search(q) or POSITIONS_Q.search(q):
        return "compare"
    if RANK_CUES.search(q) or (rank_metric and (words & RANK_WORDS or re.search(r"\b\w+-(?:largest|biggest)\b",
                                                                                  low))):
        return "rank"
    if WHEN_CUES.search(q):
        return "date"
    if FIGURE_CUES.search(q) or WANT_CUES.search(q):
        return "figure"
    if re.search(r"^\s*(?:which|what)\b.*\b(?:is|was) the (?:world's )?(?:largest|biggest)\b", low):
        return "rank"
    if re.match(r"\s*what (?:is|was|are|were|has been|had been)\b", low) and set(metrics) - {"other"} and \
            not re.search(r"\b(?:products|goods|items|sectors|areas|issues|countries|companies|firms)\b", low):
        return "figure"   # "What was Washington's trade shortfall with Beijing?": a figure of a metric
    if LIST_CUES.search(q):
        return "list"
    return "passage"


WANT_CUES = re.compile(r"\bhow (?:much|many|large|big|long|far|high|often)\b|\bwhat (?:is|was|are|were) (?:the )?"
                       r"(?:value|amount|volume|number|total|size|figure|share|rate|interest rate|quota|cost|price|"
                       r"percentage|proportion)\b|\bwhat (?:is|was|are|were) (?:[\w'’]+ ){1,4}(?:quota|rate|debt|"
                       r"deficit|surplus|output|production|budget)\b|"
                       r"\bwhat (?:stake|share|percentage|proportion|interest)\b|"
                       r"\bwhat (?:[\w-]+ ){0,2}(?:rate|price|sum|fee|duty|premium|quota|ceiling)\b|\bwhat .{0,40}\bworth\b", re.I)


# Nouns after "how much" that ask for money ("how much Norwegian aid", "how much in damages").
MONEY_NOUNS = frozenset("""aid assistance money funding funds investment investments loans loan credit credits trade
exports imports debt grants grant financing capital oda fdi support help contribution contributions damages
compensation fine fines reparations subsidy subsidies spending budget lending borrowing financing""".split())


def _want(low: str, counted: Optional[str], metrics: list) -> Optional[str]:
    """The kind of figure a question wants: money, percent, length, duration, age, rate, count, or None."""
    if re.search(r"\b(?:share|percent|percentage|proportion|stake|pct)\b|\bwhat part\b", low):
        return "percent"
    if re.search(r"\bhow old\b|\bages?\b", low):
        return "age"
    if re.search(r"\bhow long (?:is|was|will be)\b|\bhow far\b", low):
        return "length"
    if re.search(r"\bhow long\b|\bfor how many (?:years|months|days)\b", low):
        return "duration"
    if re.search(r"\binterest rate\b|\bat what rate\b|\b(?:what|which) (?:\w+ )?interest\b|"
                 r"\binterest\b(?!\s+(?:payments?|moratorium|arrears|bills?|due|owed|was|were|is|are|had|has|added))|"
                 r"\b(?:tariff|duty|tax|growth|inflation|unemployment) rates?\b|\bgrowth (?:ceiling|limit|cap)s?\b", low):
        return "percent"
    if re.search(r"\bhow many\b", low):
        return "count"
    if re.search(r"\bby how much\b", low):
        return None   # "by how much is it undervalued": a margin, in whatever unit the text gives it
    m = re.search(r"\bhow much (?:in |of )?(?:(?:[a-z]\.){2,} ?)?(\w+)((?: \w+){0,2})", re.sub(r"['’]s\b", "", low))
    if m and m.group(1) not in ("money", "did", "does", "do", "has", "have", "had", "is", "was",
                                "will", "would", "could", "more", "less") and \
            not set((m.group(1) + m.group(2)).split()) & MONEY_NOUNS:
        return "amount"   # "how much oil", "how much U.S. grain": a quantity of a thing, not money
    if re.search(r"\b(?:a|per|each) day\b|\bdaily\b", low):
        return "rate"
    if re.search(r"\bhow much\b|\bworth\b|\bcost\b|\bprice\b|\bvalue\b|\bdebt\b|\bdeficit\b|\bsurplus\b|"
                 r"\bhow (?:large|big)\b|\bamount\b|\bpackage\b|\bspend\b|\binvest", low):
        return "money"
    return None


FOCUS_DROP = frozenset(stem(w) for w in """when why how where which what who whom whose much many long far large big
did does do is are was were has have had will would could should can may might year date month day time
agree disagree differ different same consistent contradict conflict match tally add sources source reports report
documents document accounts stories story according rank ranked ranking position change changed compare compared
comparison versus reason cause purpose led prompt happen list name mean kind sort actually really exactly first
compared view see way two both three stories among decade decades week weeks century give make take get put
let keep worth value amount size cost price figure number rate stand stands stood apart besides except further
additional say says said ground grounds argue argued argues age aged old""".split())


def _focus(question: str, skip: set, names: list) -> list:
    """The stems of what a question is about (its thing and its act), without its actors, times and cue words."""
    from .retrieve import WORD
    said_by = re.match(r"\s*according to [^,?]+,", question, re.I)   # who said it: a source, not the thing asked
    skip = skip | set(range(said_by.end())) if said_by else skip
    for m in PURPOSE_Q.finditer(question):   # "mainly meant to pay for": the cue, not the thing
        skip = skip | set(range(m.start(), m.end()))
    blanked = "".join(" " if i in skip else ch for i, ch in enumerate(question))
    text = rewrite_phrases(blanked)
    name_stems = {stem(w) for n in names for w in WORD.findall(n)}
    out = []
    for m in WORD.finditer(text):
        w = m.group(0)
        st = stem(w)
        if not st or w.lower() in STOP or st in STOP or st in FOCUS_DROP or st in name_stems or \
                any(ch.isdigit() for ch in w) or len(st) < 3 or w.lower() in FOCUS_DROP:
            continue
        if st not in out:
            out.append(st)
    for m in re.finditer(r"\b\d+(?:st|nd|rd|th)\b", question, re.I):   # "the 13th package": an ordinal names a thing
        if m.group(0).lower() not in out:
            out.append(m.group(0).lower())
    return out


def parse_question(question: str, gazetteer: Optional[Gazetteer] = None) -> Intent:
    """Read a question into an Intent: kind, countries, metrics, events, periods and leftover terms."""
    gaz = gazetteer or Gazetteer.load()
    doc = load_nlp()(question)
    low = question.lower()
    explained: set[int] = set()   # character offsets the structured readings account for

    codes, places, names = [], [], []
    actor_chars: set[int] = set()
    for s, e, code, kind in _actor_spans(doc, gaz):
        span = doc[s:e]
        explained.update(range(span.start_char, span.end_char))
        actor_chars.update(range(span.start_char, span.end_char))
        names.append(span.text)
        if kind == "place":
            places.append(span.text)
        if code not in codes and (kind != "place" or not codes):
            codes.append(code)
    for s, e, code, kind in _actor_spans(doc, gaz):
        if kind == "place" and code not in codes and len(codes) < 2:
            codes.append(code)

    phrases = _phrases(low)
    metrics = _metrics([f for _, _, f in phrases])
    for s, e, _ in phrases:
        explained.update(range(s, e))
    metric_words = [stem(w) for s, e, _ in phrases for w in re.findall(r"[a-z]+", low[s:e])]
    rank_metric = None
    for role, metric in sorted(lex.RANK_ROLES.items(), key=lambda kv: -len(kv[0])):
        m = re.search(rf"\b{re.escape(role)}s?\b", low)
        if m and metric != "other" and role not in ("source", "market", "partner"):
            rank_metric = metric
            explained.update(range(m.start(), m.end()))
            break
    periods, spans = _periods(question)
    for s, e in spans:
        explained.update(range(s, e))
        actor_chars.update(range(s, e))
    events = _events(doc)
    kind = _kind(question, low, metrics, rank_metric, events)

    cue_words = RANK_WORDS | CHANGE_WORDS | {"agree", "disagree", "differ", "add", "consistent", "sources"}
    leftover, query = [], []
    for t in doc:
        if t.is_punct or t.is_space or t.lower_ in STOP:
            continue
        st = stem(t.text)
        if not st or st in STOP:
            continue
        query.append(st)
        if t.idx in explained or t.lower_ in cue_words or st in GENERIC or any(ch.isdigit() for ch in t.text):
            continue
        if st not in leftover:
            leftover.append(st)
    counted = _counted(doc, phrases)
    focus = _focus(question, actor_chars, names)
    return Intent(
        counted=counted, focus=focus, want=_want(low, counted, metrics), names=names,
        acts=[stem(t.text) for t in doc if t.pos_ == "VERB" and stem(t.text) in focus and t.lemma_.lower() not in LIGHT
              and t.dep_ not in ("acl", "amod", "relcl", "advcl")],   # "the rule requiring clearance": not the act asked
        metric_words=metric_words,
        question=question, kind=kind, codes=codes, places=places, metrics=metrics, rank_metric=rank_metric,
        events=events, periods=periods, terms=leftover, query=query,
        first=bool(re.search(r"\b(first|initially|originally|begin|began|start)\b", low)),
        latest=bool(re.search(r"\b(latest|most recent|now|currently|today|current)\b", low)),
        list_all=bool(re.search(r"\b(all|list|every|each)\b", low)) or any(
            t.tag_ in ("NNS", "NNPS") and NOMINAL.get(t.lower_, t.lemma_.lower()) in NOUN_LEMMAS for t in doc),
        money=bool(re.search(r"\bhow much\b|\bworth\b|\bvalue\b|\bamount\b|\bprice\b|\bcost\b", low)),
        count=bool(re.search(r"\bhow many\b|\bnumber of\b", low)),
        share=bool(re.search(r"\b(share|percent|percentage|proportion)\b", low)),
        planned=bool(re.search(r"\b(will|plan|plans|planned|going to|expected|intend)\b", low)),
        purpose=bool(PURPOSE_Q.search(question)),
    )
