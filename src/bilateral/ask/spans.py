"""What answers are cut from: the dates, figures, ranks, causes and enumerations in a sentence, how close
each stands to the words the question is about, and the clause around it that an answer quotes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bilateral.nlp.quantities import find_quantities
from bilateral.nlp.timex import find_timexes
from bilateral.nlp.timex_lexicon import NUMBER_WORDS

NUMWORD = r"(?:\d[\d,.]*(?:-\d/\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|" \
          r"forty|fifty|a hundred|hundreds of|several|a few)"
PERCENT = re.compile(rf"\b{NUMWORD}\s*(?:%|pct\b|per ?cent\b|percent\b)", re.I)
LENGTH = re.compile(r"\b\d[\d,.]*\s*(?:km|kilomet(?:re|er)s?|miles?|metres|meters)\b", re.I)
DURATION = re.compile(rf"\b(?:almost |nearly |about |some |an estimated |more than )?{NUMWORD}(?:\s+|-)(?:years?|months?|"
                      r"weeks?|days?|decades?)\b(?:-old\b)?", re.I)   # "the 6-1/2-year-old war"
AGE = re.compile(r"\b[A-Z][\w'’-]+, (\d{1,3}),|\baged (\d{1,3})\b|\b(\d{1,3})-year-old (?!war|conflict|dispute|"
                 r"pact|agreement|treaty|ban|embargo|row|feud)")
RATE = re.compile(r"^\s*(?:\w+\s+){0,4}(?:per day|a day|daily|bpd|b/d|per year|a year|annually|barrels per day)\b",
                  re.I)
# a sum, or a price ("25 dlrs a barrel": USD_per_barrel)
MONEY_UNITS = re.compile(r"^(?:[A-Z]{3}|dlrs?|dollars?|yen|euros?|pounds?|francs?|rupees?|won)(?:_per_(?!day)\w+)?$")
YEAR = re.compile(r"(?<!\d)(?<!\d[.,])(1[0-9]{3}|20[0-9]{2})(?!\d)(?![.,]\d)")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b")
CLAUSE_WORDS = r", and |, but |, while |, which |, although | and (?=on |in |at |the |its |a |[\w-]+ed )| – | — "
GAP_SEPARATORS = re.compile(r";|:|" + CLAUSE_WORDS)            # parentheses do not part a date from its act
SEPARATORS = re.compile(r";|:|\(|\)|" + CLAUSE_WORDS)


@dataclass
class Figure:
    """A figure in a sentence: offsets, text, value, unit and its class (money, percent, count, ...)."""

    start: int
    end: int
    text: str
    value: Optional[float]
    unit: Optional[str]
    cls: str
    rank: Optional[int] = None


def dates_in(text: str, dct: Optional[str] = None) -> list:
    """(start, end, iso, surface) of each calendar date in a text; years and d.m.yyyy dates the tagger misses too."""
    out = []
    for t in find_timexes(text, dct):
        iso = t.date or (dct if t.value == "PRESENT_REF" and dct else None)   # "today", "now"
        if iso:
            out.append((t.start, t.end, iso, t.text))
        elif t.type == "DATE" and t.text:
            out.append((t.start, t.end, None, t.text))   # "on Tuesday" with nothing to anchor it
    for m in NUMERIC_DATE.finditer(text):
        if not any(s <= m.start() < e for s, e, *_ in out):
            out.append((m.start(), m.end(), f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}", m.group(0)))
    for m in YEAR.finditer(text):
        if not any(s <= m.start() < e for s, e, *_ in out):
            out.append((m.start(), m.end(), m.group(1), m.group(1)))
    return sorted(out)


def _cls(q, text: str) -> str:
    if q.rank is not None:
        return "rank"
    unit = q.unit or ""
    if unit == "percent":
        return "percent"
    if MONEY_UNITS.match(unit) or "$" in q.text or "£" in q.text or "€" in q.text or "¥" in q.text:
        return "money"
    if RATE.match(text[q.end:q.end + 40]) or unit.endswith("per_day"):
        return "rate"
    return "count"


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10}
RANKED = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[ -]"
                    r"(?:largest|biggest|most important|leading|greatest)\b", re.I)


def figures_in(text: str) -> list:
    """Every figure of a sentence with its class; percentages, lengths and spans of time the quantity reader skips."""
    out = []
    for q in find_quantities(text):
        out.append(Figure(q.start, q.end, text[q.start:q.end], q.value, q.unit, _cls(q, text), q.rank))
    for rx, cls in ((PERCENT, "percent"), (LENGTH, "length"), (DURATION, "duration")):
        for m in rx.finditer(text):
            clash = [f for f in out if f.start < m.end() and m.start() < f.end]
            if clash and cls == "duration":
                continue
            for f in clash:
                out.remove(f)
            out.append(Figure(m.start(), m.end(), m.group(0), None, None, cls))
    for m in AGE.finditer(text):   # "Martin Mubanga, 29, from London", "aged 32", "a 29-year-old"
        g = next(i for i in (1, 2, 3) if m.group(i))
        for f in [f for f in out if f.start < m.end(g) and m.start(g) < f.end]:
            out.remove(f)
        out.append(Figure(m.start(g), m.end(g), m.group(g), float(m.group(g)), "years", "age"))
    for m in RANKED.finditer(text):   # "was the third largest, after Canada": a rank with its noun left out
        if not any(f.start < m.end() and m.start() < f.end for f in out):
            out.append(Figure(m.start(), m.end(), m.group(0), None, None, "rank", ORDINALS.get(m.group(1).lower())))
    for f in out:
        if f.cls == "count" and (YEAR.fullmatch(f.text.strip()) and f.unit is None):
            f.cls = "year"
    out = [f for f in out if not _marker(text, f)]
    return sorted(out, key=lambda f: f.start)


def given(question: str, value: Optional[float]) -> bool:
    """Whether a figure is one the question itself names ("put into the 500 million dollar loan"): a
    constraint on the answer, never the answer."""
    if value is None:
        return False
    named = [f.value for f in figures_in(question) if f.cls not in ("year", "rank") and f.value]
    for m in re.finditer(r"\bthe (one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?!(?:days?|weeks?|months?|"
                         r"years?|decades?)\b)[a-z]", question):   # "apart from the three intrusions"
        named.append(float(NUMBER_WORDS.get(m.group(1), m.group(1))))
    return any(abs(v - value) <= 0.01 * abs(v) for v in named)


def _marker(text: str, f: "Figure") -> bool:
    """A citation marker ("visit the country.[7]") or the number of a name ("the Tango-3 satellite", "SS-20")
    is a reference, not a figure."""
    if f.text.strip().isdigit() and re.search(r"[A-Za-z]-$", text[max(0, f.start - 2):f.start]):
        return True
    return text[max(0, f.start - 1):f.start] == "[" and text[f.end:f.end + 1] == "]" and f.text.strip().isdigit()


SHARE_OF_OUTPUT = re.compile(r"\s*(?:of|of the country's|of its) (?:GDP|GNP|gross (?:domestic|national) (?:product|"
                             r"output|income)|national (?:income|output)|(?:economic )?output)\b", re.I)


def fits(f: Figure, want: Optional[str], counted: Optional[str] = None, text: str = "") -> float:
    """How well a figure's class fits what the question wants (0 = not at all)."""
    if f.cls == "year":
        return 0.0
    if want is None:
        return {"rank": 0.3, "duration": 0.4}.get(f.cls, 1.0)
    if want == f.cls:
        score = 1.0
    elif want == "amount":
        score = 1.0 if f.cls in ("count", "rate") else 0.0
    elif want == "rate":
        score = 0.6 if f.cls == "count" else 0.0
    elif want == "count":
        score = 0.6 if f.cls == "rate" else 0.0
    elif want == "money":
        score = 0.3 if f.cls == "count" and f.unit is None and re.search(r"\b(?:bn|billion|million|mln)\b", f.text,
                                                                          re.I) else 0.0
        if f.cls == "percent" and SHARE_OF_OUTPUT.match(text[f.end:f.end + 50]):
            score = 0.8   # a debt or deficit "at 80% of GDP": money told as a share of the economy
    else:
        score = 0.0
    if f.cls == "count" and f.unit is None and f.text.strip().isalpha() and want != "count":
        score *= 0.3   # "the two countries": a number word with nothing counted
    if counted and score and text:
        after = text[f.end:f.end + 40].lower()
        score += 0.5 if counted[:4] in after else 0.0
    return score


def gap(text: str, a: int, b: int) -> int:
    """Characters between two offsets, with each clause boundary between them counting as 40 more."""
    lo, hi = min(a, b), max(a, b)
    return (hi - lo) + 40 * len(GAP_SEPARATORS.findall(text[lo:hi]))


def proximity(text: str, start: int, end: int, where: dict, w: dict) -> float:
    """The weighted nearness of the question's focus words to a span (1 when all stand beside it)."""
    total = sum(w.values()) or 1.0
    got = 0.0
    for f, offsets in where.items():
        d = min(min(gap(text, o, start), gap(text, o, end)) for o in offsets)
        got += w.get(f, 0.0) / (1.0 + d / 30.0)
    return got / total


def clause_span(text: str, pos: int) -> tuple:
    """(start, end) of the clause of a sentence that holds an offset."""
    cuts = [0] + [m.start() for m in SEPARATORS.finditer(text)] + [len(text)]
    for a, b in zip(cuts, cuts[1:]):
        if a <= pos < b:
            return a, b
    return 0, len(text)


def led_by(text: str, pos: int, subject: list, verbs: list) -> bool:
    """Whether the clause holding `pos` has the subject's name before one of the asked verbs:
    "Chile opened its embassy in 1993" for "When did Chile open its embassy?"."""
    a, b = clause_span(text, pos)
    subj = [o for o in subject if a <= o < b]
    acts = [o for o in verbs if a <= o < b]
    return bool(subj and acts and min(subj) < max(acts))


def clause(text: str, start: int, end: int, where: Optional[dict] = None) -> str:
    """The clause of a sentence that holds a span, widened to the next clause that holds a focus word."""
    cuts = [0] + [m.start() for m in SEPARATORS.finditer(text)] + [len(text)]
    spans = [(cuts[k], cuts[k + 1]) for k in range(len(cuts) - 1)]
    k = next((n for n, (a, b) in enumerate(spans) if a <= start < b), 0)
    lo, hi = spans[k]
    offsets = sorted(o for os in (where or {}).values() for o in os)
    if offsets and not any(lo <= o < hi for o in offsets):
        before = [o for o in offsets if o < lo]
        after = [o for o in offsets if o >= hi]
        if before:
            lo = max(a for a, _ in spans if a <= before[-1])
        elif after:
            hi = min(b for _, b in spans if b > after[0])
    hi = max(hi, end)
    piece = text[lo:hi].strip(" ;:,()–—")
    piece = re.sub(r"^(?:and|but|while|which|although)\s+", "", piece)
    return piece if len(piece) >= 12 else text.strip()


PURPOSE_VERBS = ("get|secure|obtain|win|gain|press|promote|discuss|sign|mark|attend|strengthen|deepen|boost|avoid|"
                 "end|resolve|settle|repair|seek|draw|raise|show|express|open|support|help|meet|negotiate|attract|"
                 "build|ease|reassure|bring|offer|deliver|pledge|celebrate|commemorate|honour|honor|thank|protest|"
                 "demand|inaugurate|launch|review|inspect|reward|offset|limit|cut|reduce|curb|counter|protect|"
                 "punish|pressure|force|stop|prevent|finance|fund|pay|compensate|meet")
CAUSE = re.compile(
    r"\b(because of|because|due to|owing to|as a result of|on (?:[\w-]+ ){0,3}grounds|in response to|"
    r"in retaliation (?:for|against)|in protest (?:at|against|over)|in (?:the )?light of|in order to|so as to|"
    r"so that|in a bid to|with the aim of|aimed at|as part of|justified|justification|the reason|"
    r"(?:finding|ruling|determination|verdict) that|"
    r"fears?|feared|fearing|worried (?:that|about)|concerned (?:that|about)|"
    rf"to (?:{PURPOSE_VERBS})|following|after|amid|over|since|when|"
    r"as(?= (?:the |its |their |his |her )?(?:[a-z]+ ){1,2}(?:is|was|are|were|has|had|grew|rose|fell)\b))"
    r"\b(?!\s+(?:\d|the (?:past|last|start|end)|"
    r"(?:last|past|recent|several|many|two|three|four|five) (?:years?|months?|weeks?|decades?)))", re.I)
BLAME = re.compile(r"\bblam(?:e|es|ed|ing)\b(?:\s+[\w'’-]+){0,6}?\s+(for)\b|"
                   r"\baccus(?:e|es|ed|ing)\b(?:\s+[\w'’-]+){0,4}?\s+(of)\b", re.I)
JUDGED = re.compile(r",\s+(which)\s+(?:it|they|he|she|the\s+[\w-]+(?:\s+[\w-]+)?|[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?)\s+"
                    r"(?:says?|said|claims?|claimed|argues?|argued|contends?|contended|believes?|believed|alleges?|"
                    r"alleged|considers?|considered)\s+(?:are|is|was|were|has|have|had)\b")
WEAK = {"following", "after", "amid", "over", "since", "when", "as"}


# What a sum or a thing is for: "to be used mostly for building a dam", "a 57 mln dlr loan is for urban development"
PURPOSE = re.compile(r"\b(to be used (?:mostly |mainly |largely |partly |chiefly )?(?:for|to)|(?:is|are|was|were|will be|"
                     r"would be) (?:used |earmarked |intended |meant |designed )?(?:mostly |mainly |largely )?for|"
                     r"earmarked for|intended for|meant (?:to|for)|to (?:finance|fund|pay for|build))\b", re.I)


def causes(text: str, purpose: bool = False) -> list:
    """(start, marker, strong) of each phrase that may introduce a cause or purpose (only a purpose when the
    question asks what a thing is for)."""
    if purpose:
        return [(m.start(), m.group(1).lower(), True) for m in PURPOSE.finditer(text)]
    out = []
    for m in CAUSE.finditer(text):
        word = m.group(1).lower()
        strong = word not in WEAK and not word.startswith("to ")
        out.append((m.start(), word, strong))
    for m in BLAME.finditer(text):   # "blamed by lawmakers for job losses", "accused Greece of breaching": the ground
        g = 1 if m.group(1) else 2
        out.append((m.start(g), m.group(g), True))
    for m in JUDGED.finditer(text):  # "tariffs, which it says are inconsistent": the actor's own account
        out.append((m.start(1), "which", True))
    return sorted(out)


def cause_clause(text: str, start: int) -> str:
    """The cause from its marker to the end of its clause (a dash or a semicolon ends it)."""
    piece = text[start:]
    piece = re.split(r"\s+[–—]\s+|;|(?<![A-Z])\.\s", piece)[0]   # "U.S. corn" goes on
    m = JUDGED.match(", " + piece)
    if m:   # "which it says are inconsistent" reads "it says they are inconsistent"
        head = ", " + piece[:m.end() - 2]
        be = re.search(r"(\w+)$", head).group(1)
        said = head[len(", which"):len(head) - len(be)].strip()
        piece = f"{said} {'they' if be in ('are', 'were', 'have') else 'it'} {be}{piece[m.end() - 2:]}"
    return piece.strip().rstrip(".").strip()


LIST_LEAD = re.compile(r"^.*\b(?:including|includes?|included|such as|are|were|is|namely|comprising|of|in)\s+|^.*:\s*",
                       re.I)


def enumeration(text: str) -> list:
    """The items of a list a sentence gives ("A, B and C", "A, B as well as C"), read back from its last
    item; the first item starts after the words that lead into the list ("including", "are", a colon)."""
    body = re.sub(r"\[\d+\]", "", text).strip().rstrip(".")
    m = re.search(r"\s(?:and|as well as|or)\s+([^,]+)$", body)
    if not m:
        return []
    items = [m.group(1)]
    led = False
    for chunk in reversed(body[:m.start()].split(", ")):
        words = chunk.split()
        if len(words) <= 4 and not LIST_LEAD.match(chunk):
            items.insert(0, chunk)
            continue
        lead = LIST_LEAD.sub("", chunk) if LIST_LEAD.match(chunk) else ""
        if lead and len(lead.split()) <= 5:
            items.insert(0, lead)
            led = True
        break
    items = [x.strip(" .:;") for x in items if x.strip(" .:;")]
    return items if len(items) >= 3 or (led and len(items) == 2) else []


# "How much of Brazil's debt did the moratorium cover?": a part of the debt is asked.
PART_OF_Q = re.compile(r"\bhow (?:much|many) of (?:(?:the|its|their|his|her|[\w.'’-]+['’]s?)\s+)?(?P<noun>[a-z]+)",
                       re.I)


def whole_of(question: str, text: str, f) -> bool:
    """Whether the figure is the size of the whole a "how much of X" question asks a part of: one written
    before X's own noun ("its 113-billion-dlr foreign debt", "the $50bn debt")."""
    m = PART_OF_Q.search(question)
    if m is None:
        return False
    noun = m.group("noun").lower().rstrip("s")
    return re.match(rf"\s*(?:[\w-]+\s+){{0,2}}{re.escape(noun)}s?\b", text[f.end:], re.I) is not None
