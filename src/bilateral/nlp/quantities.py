"""Figures in running text: value, unit, qualifier and the interval the wording allows.

`find_quantities` reads plain text (no parse needed) and returns every figure a
claim could rest on: money ("US$ 4.1 billion", "12.5 billion yen", "€15m"),
wire style ("350 mln dlrs", "1.5 billion stg", "25 pct"), counts with their noun
("3,500 investors", "two programmes"), measures and rates ("300,000 barrels", "50,000 bpd",
"650 million cubic meters of gas per day"), percents and fractions, ranges ("$2-3 billion",
"between 75 and 80 billion yen", "150,000-200,000": the lower end as value, low and high the ends,
qualifier at_least unless a word before says otherwise), negative figures ("minus 5 pct"), and ranks ("third-largest investor", "top donor": value None,
rank set).  It leaves out what only looks like a figure: years, dates, ages,
durations, ordinals used as names ("65th anniversary"), phone numbers, section
and law numbers, "one of", numbers inside compounds ("two-two model"), number words that refer
back ("the two companies"), and two figures after "from" ("from 70% to 49%" is a change).
The words and tables come from the lexicon (`figure_grammar.grammar`).

Intervals: exact gives low = high = value; more_than and at_least give
low = value, high None; less_than and at_most give low None, high = value.
Approximate ("about", "some", "an estimated") allows +-10% around the value,
widened to +-25% for round figures (one significant digit: "200,000",
"$2 billion"), since those are usually rounded harder.  "nearly", "almost",
"close to" are approximate from below: low by the same tolerance, high = value.
"""

from __future__ import annotations

import math
import re
from typing import Optional

from bilateral.lexicon import SHIPPED, Lexicon
from bilateral.model import Quantity
from .figure_grammar import Grammar, grammar
from .windows import finditer_near

_G = grammar(SHIPPED)
PERSON_NOUNS = _G.person_nouns
COMPANY_NOUNS = _G.company_nouns
PROJECT_NOUNS = _G.project_nouns
DURATION_NOUNS = _G.duration_nouns

EXCLUDED_BEFORE_RANK = re.compile(r"\b(?:one of|among)\s+(?:the\s+|[\w’'.-]+['’]s?\s+)?(?:\w+\s+)?$", re.I)
# A capitalised nationality noun right after a figure counts people ("Australians", "Vietnamese", "Swiss").
DEMONYM_PLURAL = re.compile(r"^[A-Z][a-z]+(?:ans|ers|ese|ish|ch)$|^[A-Z][a-z]{3,}[^aeiou]is$"
                            r"|^(?:Swiss|Thai|French|Dutch|British)$")
YEAR_BEFORE = re.compile(r"\b(?:in|since|until|during|before|after)\s+$|\b1\d{3}\s+(?:and|to)\s+$|\b1\d{3}\s*[-–]$", re.I)
VERBS_AFTER = {"live", "work", "study", "visit", "reside", "stay", "remain", "travel", "come", "go", "hold", "own"}
NAME_AFTER = re.compile(r"(?:st|nd|rd|th)\b|s\b|[-‐–]\w|:\d|\.\d|/\d")
PUNCT_NEXT = re.compile(r"\s*[,.;:()]")
LOWER_NEXT = re.compile(r"\s+[a-z]")
OF_NEXT = re.compile(r"\s+of\b")
# An exchange rate: a price of one currency in another ("1.8218 marks", "eight kwacha to the dollar"), told by
# the currency it is priced against after the figure or as the clause's subject before it ("the dollar closed
# at"); the currencies quoted as such a base are these, their codes the figure grammar's own.
RATE_AFTER = re.compile(r"\s*(?:to|per|a|against)\s+(?:the\s+|one\s+|each\s+)?(?:U\.?S\.?\s+)?"
                        r"(dollar|pound|sterling|euro|mark|yen)\b", re.I)
RATE_BEFORE = re.compile(r"(?<!\d )\b(dollar|sterling|pound|euro|mark)s?\b(?!['’]?s?\s+(?:loans?|debts?|bonds?|deposits?|"
                         r"issues?|accounts?|terms|denominated|value|amounts?|reserves?|funds?))"
                         r"(?:[^.;:]|(?<=\d)\.(?=\d)){0,70}$", re.I)
PHONE_RE = re.compile(r"\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,}")
WORD_RE = re.compile(r"[A-Za-z][\w'’.-]*")

# Speed: the figure pattern tried at every character costs more than the rest of this module. Every match
# holds a number that starts a run of digits (or goes on where the previous match ended inside one), a
# number word, "half", or a scale word after "a"/"an" and one space; the match starts at most 9 characters
# before that anchor (a currency, a space, "an ") and reads at most 45 characters past the number (the
# longest currency name), so it is searched only in windows around the anchors.
DIGIT_RUN = re.compile(r"\d+")
NUMBER_RUN = re.compile(r"[\d,.]+")
# Characters other than ASCII letters that IGNORECASE matches to one (dotted and dotless i, long s, Kelvin
# sign): with one in the text, lower-cased substring tests could miss a match, so the text is searched whole.
_CASE_TRICKY = re.compile("[\u0130\u0131\u017f\u212a]")


def _figure_matches(g: Grammar, text: str, lower: Optional[str]) -> list[re.Match]:
    """`g.figure.finditer(text)`, searched only near the anchors every match holds; `lower` is the text
    lower-cased, None when it holds a character IGNORECASE folds unlike str.lower."""
    if lower is None:
        return list(g.figure.finditer(text))
    anchors = {m.start() for m in DIGIT_RUN.finditer(text)}
    for w in g.anchor_words:
        i = lower.find(w)
        while i >= 0:
            anchors.add(i)
            i = lower.find(w, i + 1)
    anchors.update(m.start() for m in g.scale_after_space.finditer(text))
    if not anchors:
        return []
    longest = max((len(m) for m in NUMBER_RUN.findall(text)), default=0)
    return list(finditer_near(g.figure, text, sorted(anchors), 9, max(longest, 15) + 45, digits_go_on=True))


def find_quantities(text: str, lex: Optional[Lexicon] = None) -> list[Quantity]:
    """Every figure and rank in `text`, in text order, with offsets into `text`, read with the grammar of
    `lex` (the shipped lexicon by default)."""
    g = _G if lex is None else grammar(lex)
    phones = [m.span() for m in PHONE_RE.finditer(text)]
    lower = None if _CASE_TRICKY.search(text) else text.lower()
    matches = _figure_matches(g, text, lower)
    found, skip = [], set()
    for i, m in enumerate(matches):
        if i in skip:
            continue
        q = _range(g, text, m, matches[i + 1], phones) if i + 1 < len(matches) else None
        if q is not None:
            skip.add(i + 1)
        else:
            q = _figure(g, text, m, phones)
        if q is not None:
            found.append(q)
    if lower is None or any(w in lower for w in g.fraction_words):
        found += [_fraction(g, text, m) for m in g.fraction.finditer(text)]
    if lower is None or any(w in lower for w in g.rank_words):
        found += [q for q in (_rank(g, text, m) for m in g.rank.finditer(text)) if q]
    found.sort(key=lambda q: (q.start, -q.end))
    out: list[Quantity] = []
    for q in found:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out


def count_noun(text: str, end: int, g: Grammar = _G) -> Optional[str]:
    """The noun a figure counts ("3,500 Korean investors" -> "investors"), lower-cased, or None.

    Looks over the next few words, past modifiers, up to the first function word;
    a capitalised plural ("4,200 Filipinos") counts as people.
    """
    words = [m.group(0) for m in WORD_RE.finditer(text[end:end + 80])]
    gap = text[end:end + 80]
    if gap[:1] not in (" ", "\u00a0") or PUNCT_NEXT.match(gap):
        return None
    if words and DEMONYM_PLURAL.match(words[0].rstrip(".")):
        # "180,000 Koreans live in ..." counts people; "200 Vietnamese companies" counts companies.
        nxt = words[1].lower() if len(words) > 1 else ""
        if words[0].endswith("s") or not nxt or nxt in g.stop or nxt.endswith("ed") or nxt in VERBS_AFTER:
            return "people"
    last = None
    for w in words[:4]:
        low = w.lower().rstrip(".")
        if low in g.stop:
            break
        if low in g.person_nouns or low in g.company_nouns or low in g.project_nouns or low in g.duration_nouns:
            return low
        if w[:1].islower() and _plural(low):
            return low
        last = w
    if last and _plural(last):
        return "people" if last[:1].isupper() else last.lower()
    return None


def _plural(word: str) -> bool:
    """A plural noun by its ending ("vessels"), not a singular in -s ("surplus", "basis", "access")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def unit_of_noun(noun: Optional[str], g: Grammar = _G) -> Optional[str]:
    """The export unit for a count noun: people, companies, projects, or the noun itself."""
    if noun is None:
        return None
    if noun in g.person_nouns:
        return "people"
    if noun in g.company_nouns:
        return "companies"
    if noun in g.project_nouns:
        return "projects"
    return noun


def interval(value: Optional[float], qualifier: str) -> tuple[str, Optional[float], Optional[float]]:
    """(qualifier, low, high) for a value under the tolerances in the module docstring."""
    if value is None:
        return ("approximate" if qualifier == "approximate_below" else qualifier), None, None
    if qualifier in ("more_than", "at_least"):
        return qualifier, value, None
    if qualifier in ("less_than", "at_most"):
        return qualifier, None, value
    if qualifier in ("approximate", "approximate_below"):
        tol = 0.25 if _round(value) else 0.10
        high = value if qualifier == "approximate_below" else value * (1 + tol)
        low = value * (1 - tol)
        return ("approximate", low, high) if value >= 0 else ("approximate", min(low, high), max(low, high))
    return "exact", value, value


# Figures are finite and no larger than a billion billion: past that a number is not a figure a text
# reports (and its products and sums would overflow). Ranks are at most a thousand.
MAX_FIGURE = 1e18
MAX_RANK = 1000
# A number written in scientific notation or as a power ("1e309", "10^400"): neither part is a figure.
_NOTATION_AFTER = re.compile(r"(?:[eE][+-]?\d|\^|\*\*\s*\d|[×x]\s?10\^)")
_NOTATION_BEFORE = re.compile(r"(?:\d[eE][+-]?|\^|\*\*\s*)$")


def bounded(value: Optional[float]) -> Optional[float]:
    """The value when it is a finite number within MAX_FIGURE either side of zero, else None."""
    if value is None or not math.isfinite(value) or abs(value) > MAX_FIGURE:
        return None
    return value


def _in_notation(text: str, m: re.Match) -> bool:
    """The number is a mantissa or an exponent of scientific notation or a power."""
    at, end = m.start("num"), m.end("num")
    return bool(_NOTATION_AFTER.match(text, end) or _NOTATION_BEFORE.search(text[max(0, at - 4):at]))


def _round(value: float) -> bool:
    digits = f"{abs(value):.6g}".replace(".", "").strip("0")
    return len(digits) <= 1


def _number(g: Grammar, raw: str) -> float:
    low = raw.lower()
    if low in ("a", "an"):
        return 1.0
    if low.startswith("half"):
        return 0.5
    if low in g.word_numbers:
        return float(g.word_numbers[low])
    if "-" in low:
        tens, ones = low.split("-", 1)
        return float(g.word_numbers.get(tens, 0) + g.word_numbers.get(ones, 0))
    return float(raw.replace(",", ""))


def _scale(g: Grammar, m: re.Match) -> float:
    return g.scales[m.group("scale").lower()] if m.group("scale") else 1.0


def _figure(g: Grammar, text: str, m: re.Match, phones: list, in_range: bool = False) -> Optional[Quantity]:
    """The figure of one match, or None when it names, dates or refers rather than counts."""
    num, scale = m.group("num"), m.group("scale")
    currency = g.currency(m)
    is_word = not num[0].isdigit()
    start, end = m.start(), m.end()
    if m.group("pre") is None and m.group("iso_pre") is None:
        start = m.start("num")
    if scale and scale.lower() in ("m", "b", "k") and not currency:
        return None  # "5 m" is a length, "5 b" is noise: letter scales need a currency
    if is_word and num.lower() in ("a", "an") and not scale:
        return None
    if is_word and num.lower().startswith("half") and not scale:
        return None
    after, before = text[end:end + 40], text[max(0, start - 40):start]
    if _names_something(g, num, after, "" if in_range else before, m, phones) or _in_notation(text, m):
        return None
    if is_word and not scale and g.definite_before.search(before):
        return None  # "the two companies" refers to companies already named
    value = bounded(_number(g, num) * _scale(g, m))
    if value is None:
        return None
    unit = currency
    measure = None if currency or m.group("pct") else g.measure.match(text, end)
    price = g.price.match(text, end) if currency else None
    if price:   # "1,880 dlrs per tonne"
        unit = f"{currency}_per_{g.per_measure[price.group('m').lower()]}"
        end = price.end()
    elif currency and not scale:
        unit, end = _rate(g, text, start, end, currency)
    if m.group("pct"):
        unit = "percent"
    elif measure:
        unit = g.measure_unit(measure)
        end = measure.end("rate") if measure.group("rate") and not measure.group("of") else measure.end("m")
    elif not currency:
        noun = count_noun(text, end, g)
        if noun in g.duration_nouns:
            return None
        if not scale and num.isdigit() and len(num) == 4 and 1000 <= value <= 2100 and (
                not (noun in g.person_nouns or noun in g.company_nouns or noun in g.project_nouns)
                or YEAR_BEFORE.search(text[max(0, start - 16):start])
                or not LOWER_NEXT.match(text[end:end + 3])):   # "the 1991 Paris Agreements"
            return None  # a year ("between 1904 and 1908 German troops ...")
        if is_word and noun is None and not scale:
            return None  # "one", "two" alone are words, not figures
        unit = unit_of_noun(noun, g)
    if g.negative_before.search(text[max(0, start - 8):start]):
        value = -value
        start -= len(text[max(0, start - 8):start]) - g.negative_before.search(text[max(0, start - 8):start]).start()
    start, raw_qual = _qualified(g, text, start)
    qualifier, low, high = interval(value, raw_qual)
    return Quantity(start=start, end=end, text=text[start:end], value=value, unit=unit,
                    qualifier=qualifier, low=low, high=high)


def _qualified(g: Grammar, text: str, start: int) -> tuple[int, str]:
    """(start widened over a qualifier phrase before the figure, the raw qualifier)."""
    window = text[max(0, start - 20):start]
    found = g.qualifier.search(window)
    if not found:
        return start, "exact"
    return start - (len(window) - found.start(1)), g.qualifier_of[" ".join(found.group(1).lower().split())]


def _range(g: Grammar, text: str, a: re.Match, b: re.Match, phones: list) -> Optional[Quantity]:
    """"$2-3 billion", "5 to 7 pct", "between 75 and 80 billion yen", "150,000-200,000": one figure, the lower
    end as its value; None when the two matches are no range."""
    gap = text[a.end():b.start()]
    before = text[max(0, a.start() - 12):a.start()]
    between = g.between_before.search(before)
    if not (g.range_join.match(gap) or (between and g.between_join.match(gap))):
        return None
    if g.change_before.search(before) or a.group("scale") and b.group("scale") is None:
        return None
    if a.group("pct") and not b.group("pct") or (a.group("named") or a.group("iso_post")) and not b.group("scale"):
        return None
    high = _figure(g, text, b, phones, in_range=True)
    if high is None or high.value is None:
        return None
    currency = g.currency(a)
    if currency and high.unit != currency and g.currency(b) is not None:
        return None
    if not (currency or high.unit) and _year(a.group("num")) and _year(b.group("num")):
        return None   # "1904-1908"
    low_value = _number(g, a.group("num")) * (_scale(g, a) if a.group("scale") else _scale(g, b))
    if not 0 <= low_value < high.value:
        return None
    start = a.start() if (a.group("pre") or a.group("iso_pre")) else a.start("num")
    if between:
        start -= len(before) - between.start()
    start, raw_qual = _qualified(g, text, start)
    qualifier = raw_qual if raw_qual in ("approximate", "approximate_below") else "at_least"
    return Quantity(start=start, end=high.end, text=text[start:high.end], value=low_value,
                    unit=currency or high.unit, qualifier="approximate" if qualifier != "at_least" else qualifier,
                    low=low_value, high=high.value)


def _year(num: str) -> bool:
    return num.isdigit() and len(num) == 4 and 1000 <= int(num) <= 2100


def _joined(m: re.Match) -> bool:
    """A figure written as one hyphenated word with its unit ("500-mln-dlr", "15-dlr", "5-pct")."""
    return "-" in m.group(0)[m.end("num") - m.start():] and bool(m.group("named") or m.group("pct") or m.group("scale"))


def _names_something(g: Grammar, num: str, after: str, before: str, m: re.Match, phones: list) -> bool:
    """True when the number is a date, ordinal, name part, phone, compound or "one of"."""
    if NAME_AFTER.match(after) and not m.group("scale") and not _joined(m):
        return True   # "Khark-5", "G-7s"; not the wire's "15-dlr-per-tonne subsidy"
    if g.month_after.match(after) or g.month_before.search(before):
        return True
    if before[-1:] in ("-", "/") and before[-2:-1].isdigit():
        return True
    prev = before.split()[-1].lower() if before.split() else ""
    if prev in g.naming and not (m.group("pre") or m.group("iso_pre")):
        return True
    if OF_NEXT.match(after) and num.lower() == "one":
        return True
    if any(s <= m.start("num") < e for s, e in phones) and not g.currency(m):
        return True
    return False


def _fraction(g: Grammar, text: str, m: re.Match) -> Quantity:
    n = m.group("n").lower()
    count = 1 if n == "a" else g.word_numbers[n]
    value = round(count * g.fractions[m.group("d").lower().rstrip("s")], 2)
    start, raw_qual = _qualified(g, text, m.start())
    qualifier, low, high = interval(value, raw_qual)
    return Quantity(start=start, end=m.end(), text=text[start:m.end()], value=value, unit="percent",
                    qualifier=qualifier, low=low, high=high)


def _rank(g: Grammar, text: str, m: re.Match) -> Optional[Quantity]:
    if EXCLUDED_BEFORE_RANK.search(text[max(0, m.start() - 40):m.start()]):
        return None
    ordinal = (m.group("ord") or "").lower()
    if not ordinal:
        rank = 1
    elif ordinal in g.ordinals:
        rank = g.ordinals[ordinal]
    else:
        digits = re.sub(r"\D", "", ordinal)
        rank = int(digits) if len(digits) <= 4 else MAX_RANK + 1
    if rank > MAX_RANK:
        return None   # not a rank a text gives ("the 99999th largest")
    return Quantity(start=m.start(), end=m.end(), text=m.group(0), value=None, unit=None,
                    qualifier="exact", rank=rank)


def _rate(g: Grammar, text: str, start: int, end: int, currency: str) -> tuple:
    """(unit, end) of a currency figure: "DEM_per_USD" when it prices another currency ("1.8218 marks" after
    "the dollar was fixed at", "21 kwacha to the dollar"), else the currency itself."""
    after = RATE_AFTER.match(text, end)
    base = after or RATE_BEFORE.search(text[max(0, start - 70):start])
    word = base.group(1).lower() if base else ""
    code = g.named.get(word) or g.named.get(word + "s") if base else None
    if code is None or code == currency:
        return currency, end
    return f"{currency}_per_{code}", after.end() if after else end
