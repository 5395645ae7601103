"""Figures in running text: value, unit, qualifier and the interval the wording allows.

`find_quantities` reads plain text (no parse needed) and returns every figure a
claim could rest on: money ("US$ 4.1 billion", "12.5 billion yen", "€15m"),
counts with their noun ("3,500 investors", "two programmes"), percents and
fractions, and ranks ("third-largest investor", "top donor": value None,
rank set).  It leaves out what only looks like a figure: years, dates, ages,
durations, ordinals used as names ("65th anniversary"), phone numbers, section
and law numbers, "one of", and numbers inside compounds ("two-two model").

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

from bilateral.lexicon import SHIPPED, words
from bilateral.model import Quantity
from .windows import finditer_near

# Number words, scales and fractions: lexicon/numbers.toml. A figure's number words are the cardinals and
# the phrases of one word other than an article ("dozen"); ranks are read up to "tenth".
SCALES = dict(SHIPPED.table("numbers.scales"))
WORD_NUMBERS = {**words.cardinals(SHIPPED, 1),
                **{w: v for w, v in SHIPPED.table("numbers.phrases").items() if " " not in w and w not in ("a", "an")}}
ORDINALS = words.ordinals(SHIPPED, 1, 10)
FRACTIONS = dict(SHIPPED.table("numbers.fractions"))

# Currencies, count nouns, words that name and qualifier phrases: lexicon/currencies.toml and units.toml.
PREFIX_CURRENCIES = dict(SHIPPED.table("currencies.prefix"))
ISO_CODES = SHIPPED.items("currencies.codes.iso")
NAMED_CURRENCIES = dict(SHIPPED.table("currencies.named"))
ISO_ALIASES = dict(SHIPPED.table("currencies.aliases"))

PERSON_NOUNS = SHIPPED.words("units.nouns.people")
COMPANY_NOUNS = SHIPPED.words("units.nouns.companies")
PROJECT_NOUNS = SHIPPED.words("units.nouns.projects")
DURATION_NOUNS = SHIPPED.words("units.nouns.durations")
MONTHS = words.alternation(SHIPPED.table("calendar.months"))
NAME_WORDS = SHIPPED.words("units.words.naming")
STOP_WORDS = SHIPPED.words("units.words.stop")
QUALIFIERS = list(SHIPPED.table("units.qualifiers").items())
QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(" + "|".join(re.escape(p) for p, _ in QUALIFIERS) + r")\s*$", re.I)

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_ONES = "|".join(words.cardinals(SHIPPED, 1, 9))
_PREFIX = "|".join(re.escape(p) for p in sorted(PREFIX_CURRENCIES, key=len, reverse=True))
_ISO = "|".join(ISO_CODES)
_NAMED = "|".join(re.escape(n) for n in sorted(NAMED_CURRENCIES, key=len, reverse=True))

FIGURE_RE = re.compile(
    rf"(?:(?P<pre>(?-i:{_PREFIX}))\s?|\b(?P<iso_pre>(?-i:{_ISO}))\s?)?"
    rf"(?P<num>(?<![\w.,]){_NUM}|\b(?:{_WORD})(?:-(?:{_ONES}))?\b"
    rf"|\bhalf an?\b|\ban?\b(?=\s?(?:{_SCALE})\b))"
    rf"(?:\s?(?P<scale>(?:{_SCALE}))\b)?"
    rf"(?P<pct>\s?%|\s(?:percent|per cent)\b)?"
    rf"(?:\s(?P<iso_post>(?-i:{_ISO}))\b|\s(?P<named>{_NAMED})\b)?",
    re.I,
)
FRACTION_RE = re.compile(
    rf"\b(?P<n>{'|'.join(words.cardinals(SHIPPED, 1, 4))}|a)[- ](?P<d>(?:{'|'.join(FRACTIONS)})s?)\b(?=\s+of\b)", re.I)
RANK_RE = re.compile(
    rf"\b(?:(?P<ord>{'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th))"
    r"[\s-]+)?(?P<sup>largest|biggest|top|leading|greatest|most important)\s+"
    r"(?P<mid>(?:[A-Za-z-]+\s+){0,3}?)"
    r"(?P<role>donor|investor|trading partner|partner|contributor|lender|creditor|source|exporter"
    r"|importer|market|provider|supplier|destination)(?!s)\b",
    re.I,
)
EXCLUDED_BEFORE_RANK = re.compile(r"\b(?:one of|among)\s+(?:the\s+|[\w’'.-]+['’]s?\s+)?(?:\w+\s+)?$", re.I)
# A capitalised nationality noun right after a figure counts people ("Australians", "Vietnamese", "Swiss").
DEMONYM_PLURAL = re.compile(r"^[A-Z][a-z]+(?:ans|ers|ese|ish|ch)$|^[A-Z][a-z]{3,}[^aeiou]is$"
                            r"|^(?:Swiss|Thai|French|Dutch|British)$")
YEAR_BEFORE = re.compile(r"\b(?:in|since|until|during|before|after)\s+$|\b1\d{3}\s+(?:and|to)\s+$|\b1\d{3}\s*[-–]$", re.I)
VERBS_AFTER = {"live", "work", "study", "visit", "reside", "stay", "remain", "travel", "come", "go", "hold", "own"}
QUALIFIER_OF = dict(QUALIFIERS)
NAME_AFTER = re.compile(r"(?:st|nd|rd|th)\b|s\b|[-‐–]\w|:\d|\.\d|/\d")
MONTH_AFTER = re.compile(rf"\s*(?:{MONTHS})\b", re.I)
MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s*$", re.I)
PUNCT_NEXT = re.compile(r"\s*[,.;:()]")
LOWER_NEXT = re.compile(r"\s+[a-z]")
OF_NEXT = re.compile(r"\s+of\b")
PHONE_RE = re.compile(r"\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,}")
WORD_RE = re.compile(r"[A-Za-z][\w'’.-]*")

# Speed: FIGURE_RE tried at every character costs more than the rest of this module. Every match holds
# a number that starts a run of digits (or goes on where the previous match ended inside one), a number
# word, "half", or a scale word after "a"/"an" and one space; the match starts at most 9 characters before
# that anchor (a currency, a space, "an ") and reads at most 41 characters past the number, so it is
# searched only in windows around the anchors.
DIGIT_RUN = re.compile(r"\d+")
NUMBER_RUN = re.compile(r"[\d,.]+")
SCALE_AFTER_SPACE = re.compile(rf"(?<=\s)(?:{_SCALE})\b", re.I)
_ANCHOR_WORDS = tuple(WORD_NUMBERS) + ("half",)
# Characters other than ASCII letters that IGNORECASE matches to one (dotted and dotless i, long s, Kelvin
# sign): with one in the text, lower-cased substring tests could miss a match, so the text is searched whole.
_CASE_TRICKY = re.compile("[\u0130\u0131\u017f\u212a]")


# Words every fraction and every rank contains: a text without one is not searched for them.
FRACTION_WORDS = tuple(FRACTIONS)
RANK_WORDS = ("largest", "biggest", "top", "leading", "greatest", "most important")


def _figure_matches(text: str, lower: Optional[str]) -> list[re.Match]:
    """`FIGURE_RE.finditer(text)`, searched only near the anchors every match holds; `lower` is the text
    lower-cased, None when it holds a character IGNORECASE folds unlike str.lower."""
    if lower is None:
        return list(FIGURE_RE.finditer(text))
    anchors = {m.start() for m in DIGIT_RUN.finditer(text)}
    for w in _ANCHOR_WORDS:
        i = lower.find(w)
        while i >= 0:
            anchors.add(i)
            i = lower.find(w, i + 1)
    anchors.update(m.start() for m in SCALE_AFTER_SPACE.finditer(text))
    if not anchors:
        return []
    longest = max((len(m) for m in NUMBER_RUN.findall(text)), default=0)
    return list(finditer_near(FIGURE_RE, text, sorted(anchors), 9, max(longest, 15) + 45, digits_go_on=True))


def find_quantities(text: str) -> list[Quantity]:
    """Every figure and rank in `text`, in text order, with offsets into `text`."""
    phones = [m.span() for m in PHONE_RE.finditer(text)]
    lower = None if _CASE_TRICKY.search(text) else text.lower()
    found = [q for q in (_figure(text, m, phones) for m in _figure_matches(text, lower)) if q]
    if lower is None or any(w in lower for w in FRACTION_WORDS):
        found += [_fraction(text, m) for m in FRACTION_RE.finditer(text)]
    if lower is None or any(w in lower for w in RANK_WORDS):
        found += [q for q in (_rank(text, m) for m in RANK_RE.finditer(text)) if q]
    found.sort(key=lambda q: (q.start, -q.end))
    out: list[Quantity] = []
    for q in found:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out


def count_noun(text: str, end: int) -> Optional[str]:
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
        if words[0].endswith("s") or not nxt or nxt in STOP_WORDS or nxt.endswith("ed") or nxt in VERBS_AFTER:
            return "people"
    last = None
    for w in words[:4]:
        low = w.lower().rstrip(".")
        if low in STOP_WORDS:
            break
        if low in PERSON_NOUNS or low in COMPANY_NOUNS or low in PROJECT_NOUNS or low in DURATION_NOUNS:
            return low
        if w[:1].islower() and low.endswith("s") and not low.endswith("ss"):
            return low
        last = w
    if last and last.endswith("s") and not last.endswith("ss"):
        return "people" if last[:1].isupper() else last.lower()
    return None


def unit_of_noun(noun: Optional[str]) -> Optional[str]:
    """The export unit for a count noun: people, companies, projects, or the noun itself."""
    if noun is None:
        return None
    if noun in PERSON_NOUNS:
        return "people"
    if noun in COMPANY_NOUNS:
        return "companies"
    if noun in PROJECT_NOUNS:
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
MINUS = "-\u2212"
# A number written in scientific notation or as a power ("1e309", "10^400"): neither part is a figure.
_NOTATION_AFTER = re.compile(r"(?:[eE][+-]?\d|\^|\*\*\s*\d|[×x]\s?10\^)")
_NOTATION_BEFORE = re.compile(r"(?:\d[eE][+-]?|\^|\*\*\s*)$")


def bounded(value: Optional[float]) -> Optional[float]:
    """The value when it is a finite number within MAX_FIGURE either side of zero, else None."""
    if value is None or not math.isfinite(value) or abs(value) > MAX_FIGURE:
        return None
    return value


def _negative(text: str, start: int) -> bool:
    """A minus sign right before a figure ("-5 billion"), not a hyphen joining it to a word or number ("3-5")."""
    return start > 0 and text[start - 1] in MINUS and (start < 2 or not text[start - 2].isalnum())


def _in_notation(text: str, m: re.Match) -> bool:
    """The number is a mantissa or an exponent of scientific notation or a power."""
    at, end = m.start("num"), m.end("num")
    return bool(_NOTATION_AFTER.match(text, end) or _NOTATION_BEFORE.search(text[max(0, at - 4):at]))


def _round(value: float) -> bool:
    digits = f"{abs(value):.6g}".replace(".", "").strip("0")
    return len(digits) <= 1


def _number(raw: str) -> Optional[float]:
    low = raw.lower()
    if low in ("a", "an"):
        return 1.0
    if low.startswith("half"):
        return 0.5
    if low in WORD_NUMBERS:
        return float(WORD_NUMBERS[low])
    if "-" in low:
        tens, ones = low.split("-", 1)
        return float(WORD_NUMBERS.get(tens, 0) + WORD_NUMBERS.get(ones, 0))
    return float(raw.replace(",", ""))


def _figure(text: str, m: re.Match, phones: list) -> Optional[Quantity]:
    num, scale = m.group("num"), m.group("scale")
    currency = _currency(m)
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
    if _names_something(num, after, before, text, m, phones) or _in_notation(text, m):
        return None
    value = bounded(_number(num) * (SCALES[scale.lower()] if scale else 1.0))
    if value is None:
        return None
    if not is_word and _negative(text, start):
        value, start = -value, start - 1
    unit = currency
    if m.group("pct"):
        unit = "percent"
    elif not currency:
        noun = count_noun(text, end)
        if noun in DURATION_NOUNS:
            return None
        if not scale and num.isdigit() and len(num) == 4 and 1000 <= value <= 2100 and (
                not (noun in PERSON_NOUNS or noun in COMPANY_NOUNS or noun in PROJECT_NOUNS)
                or YEAR_BEFORE.search(text[max(0, start - 16):start])
                or not LOWER_NEXT.match(text[end:end + 3])):   # "the 1991 Paris Agreements"
            return None  # a year ("between 1904 and 1908 German troops ...")
        if is_word and noun is None and not scale:
            return None  # "one", "two" alone are words, not figures
        unit = unit_of_noun(noun)
    qual_match = QUALIFIER_RE.search(text[max(0, start - 20):start])
    raw_qual = "exact"
    if qual_match:
        raw_qual = QUALIFIER_OF[qual_match.group(1).lower()]
        start -= len(text[max(0, start - 20):start]) - qual_match.start(1)
    qualifier, low, high = interval(value, raw_qual)
    return Quantity(start=start, end=end, text=text[start:end], value=value, unit=unit,
                    qualifier=qualifier, low=low, high=high)


def _currency(m: re.Match) -> Optional[str]:
    if m.group("pre"):
        return PREFIX_CURRENCIES[m.group("pre")]
    for code in (m.group("iso_pre"), m.group("iso_post")):
        if code:
            return ISO_ALIASES.get(code.upper(), code.upper())
    if m.group("named"):
        return NAMED_CURRENCIES[m.group("named").lower()]
    return None


def _names_something(num: str, after: str, before: str, text: str, m: re.Match, phones: list) -> bool:
    """True when the number is a date, ordinal, name part, phone, compound or "one of"."""
    if NAME_AFTER.match(after) and not m.group("scale"):
        return True
    if MONTH_AFTER.match(after) or MONTH_BEFORE.search(before):
        return True
    if before[-1:] in ("-", "/") and before[-2:-1].isdigit():
        return True
    prev = before.split()[-1].lower() if before.split() else ""
    if prev in NAME_WORDS and not (m.group("pre") or m.group("iso_pre")):
        return True
    if OF_NEXT.match(after) and num.lower() == "one":
        return True
    if any(s <= m.start("num") < e for s, e in phones) and not _currency(m):
        return True
    return False


def _fraction(text: str, m: re.Match) -> Quantity:
    n = m.group("n").lower()
    count = 1 if n == "a" else WORD_NUMBERS[n]
    value = round(count * FRACTIONS[m.group("d").lower().rstrip("s")], 2)
    return Quantity(start=m.start(), end=m.end(), text=m.group(0), value=value, unit="percent",
                    qualifier="exact", low=value, high=value)


def _rank(text: str, m: re.Match) -> Optional[Quantity]:
    if EXCLUDED_BEFORE_RANK.search(text[max(0, m.start() - 40):m.start()]):
        return None
    ordinal = (m.group("ord") or "").lower()
    if not ordinal:
        rank = 1
    elif ordinal in ORDINALS:
        rank = ORDINALS[ordinal]
    else:
        digits = re.sub(r"\D", "", ordinal)
        rank = int(digits) if len(digits) <= 4 else MAX_RANK + 1
    if rank > MAX_RANK:
        return None   # not a rank a text gives ("the 99999th largest")
    return Quantity(start=m.start(), end=m.end(), text=m.group(0), value=None, unit=None,
                    qualifier="exact", rank=rank)
