"""The figure scanner's grammar, compiled from one lexicon: number words and scales (numbers.toml),
currencies (currencies.toml), count nouns, measures, rates, percent, range and qualifier words
(units.toml), months (calendar.toml).

`grammar(lex)` compiles it once per lexicon, so a user's lexicon folder (`Options.lexicon`) reaches the
scanner as the shipped files do: a currency name, a measure or a scale word added there is read like
a shipped one.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Optional

from ..lexicon import SHIPPED, Lexicon, words

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
RANK_SUPERLATIVES = ("largest", "biggest", "top", "leading", "greatest", "most important")


def _alt(items, spaces: bool = True) -> str:
    """A regex alternation, longest first; with `spaces`, a space in a phrase matches any run of white space."""
    out = sorted(items, key=len, reverse=True)
    return "|".join((re.escape(w).replace(r"\ ", r"\s+") if spaces else re.escape(w)) for w in out)


class Grammar:
    """The tables and compiled patterns of one lexicon."""

    def __init__(self, lex: Lexicon):
        self.scales = {k.lower(): float(v) for k, v in lex.table("numbers.scales").items()}
        self.word_numbers = {**words.cardinals(lex, 1),
                             **{w: v for w, v in lex.table("numbers.phrases").items()
                                if " " not in w and w not in ("a", "an")}}
        self.ordinals = words.ordinals(lex, 1, 10)
        self.fractions = dict(lex.table("numbers.fractions"))
        self.prefix = dict(lex.table("currencies.prefix"))
        self.iso_codes = lex.items("currencies.codes.iso")
        self.aliases = dict(lex.table("currencies.aliases"))
        self.ambiguous = {k.lower(): dict(v) for k, v in lex.table("currencies.ambiguous").items()}
        self.named = {**{k: next(iter(v.values())) for k, v in self.ambiguous.items()},
                      **{k.lower(): v for k, v in lex.table("currencies.named").items()}}
        self.person_nouns = lex.words("units.nouns.people")
        self.company_nouns = lex.words("units.nouns.companies")
        self.project_nouns = lex.words("units.nouns.projects")
        self.duration_nouns = lex.words("units.nouns.durations")
        self.naming = lex.words("units.words.naming")
        self.stop = lex.words("units.words.stop")
        self.measures = {k.lower(): v for k, v in lex.table("units.measures").items()}
        self.rates = {k.lower(): v for k, v in lex.table("units.rates").items()}
        self.qualifier_of = {k.lower(): v for k, v in lex.table("units.qualifiers").items()}
        self._compile(lex)

    def _compile(self, lex: Lexicon) -> None:
        scale, prefix = _alt(self.scales, spaces=False), _alt(self.prefix, spaces=False)
        iso, named = "|".join(self.iso_codes), _alt(self.named, spaces=False)
        ones = "|".join(words.cardinals(lex, 1, 9))
        percent = _alt(lex.items("units.words.percent"), spaces=False)
        self.figure = re.compile(
            rf"(?:(?P<pre>(?-i:{prefix}))\s?|\b(?P<iso_pre>(?-i:{iso}))\s?)?"
            rf"(?P<num>(?<![\w.,]){_NUM}|\b(?:{_alt(self.word_numbers)})(?:-(?:{ones}))?\b"
            rf"|\bhalf an?\b|\ban?\b(?=\s?(?:{scale})\b))"
            rf"(?:[\s-]?(?P<scale>(?:{scale}))\b)?"
            rf"(?P<pct>\s?%|[\s-](?:{percent})\b)?"
            rf"(?:\s(?P<iso_post>(?-i:{iso}))\b|[\s-](?P<named>{named})\b)?",
            re.I)
        self.qualifier = re.compile(r"(?:^|(?<=[\s(\"“]))(" + _alt(self.qualifier_of) + r")\s*$", re.I)
        self.fraction = re.compile(
            rf"\b(?P<n>{'|'.join(words.cardinals(lex, 1, 4))}|a)[- ](?P<d>(?:{'|'.join(self.fractions)})s?)\b"
            r"(?=\s+of\b)", re.I)
        self.rank = re.compile(
            rf"\b(?:(?P<ord>{'|'.join(self.ordinals)}|\d+(?:st|nd|rd|th))"
            rf"[\s-]+)?(?P<sup>{_alt(RANK_SUPERLATIVES)})\s+"
            r"(?P<mid>(?:[A-Za-z-]+\s+){0,3}?)"
            r"(?P<role>donor|investor|trading partner|partner|contributor|lender|creditor|source|exporter"
            r"|importer|market|provider|supplier|destination)(?!s)\b",
            re.I)
        months = words.alternation(lex.table("calendar.months"))
        self.month_after = re.compile(rf"\s*(?:{months})\b", re.I)
        self.month_before = re.compile(rf"\b(?:{months})\.?\s*$", re.I)
        self.scale_after_space = re.compile(rf"(?<=\s)(?:{scale})\b", re.I)
        self.measure = re.compile(rf"(?:\s+|-)(?P<m>{_alt(self.measures)})(?![\w/])"
                                  rf"(?:(?P<of>\s+of\s+[a-z-]+(?:\s+[a-z-]+)?)?\s+(?P<rate>{_alt(self.rates)})\b)?",
                                  re.I)
        # "1,880 dlrs per tonne", "18 dlrs a barrel": a price, in money per unit of the measure
        self.per_measure = {k[:-1] if k.endswith("s") else k: v[:-1] if v.endswith("s") else v
                            for k, v in self.measures.items() if "per" not in k and " " not in k}
        self.price = re.compile(rf"(?:\s+|-)(?:per|a|an)(?:\s+|-)(?P<m>{_alt(self.per_measure)})\b", re.I)
        self.range_join = re.compile(rf"^\s*(?:[-–—]|\s(?:{_alt(lex.items('units.words.range_joins'))})\s)\s*$", re.I)
        self.between_join = re.compile(rf"^\s+(?:{_alt(lex.items('units.words.range_between_joins'))})\s+$", re.I)
        self.between_before = re.compile(rf"\b(?:{_alt(lex.items('units.words.range_between'))})\s+$", re.I)
        self.change_before = re.compile(rf"\b(?:{_alt(lex.items('units.words.change_from'))})\s+$", re.I)
        self.negative_before = re.compile(rf"(?:\b(?:{_alt(lex.items('units.words.negative'))})\s+|(?<![\w\d,.])[-−])$",
                                          re.I)
        self.definite_before = re.compile(rf"\b(?:{_alt(lex.items('units.words.definite'))})\s+$", re.I)
        self.anchor_words = tuple(self.word_numbers) + ("half",)
        self.rank_words = RANK_SUPERLATIVES
        self.fraction_words = tuple(self.fractions)

    def currency(self, m: re.Match) -> Optional[str]:
        """The ISO 4217 code a figure match is written in, or None."""
        if m.group("pre"):
            return self.prefix[m.group("pre")]
        for code in (m.group("iso_pre"), m.group("iso_post")):
            if code:
                return self.aliases.get(code.upper(), code.upper())
        if m.group("named"):
            return self.named[" ".join(m.group("named").lower().split())]
        return None

    def measure_unit(self, m: re.Match) -> str:
        """The unit of a measure match: "barrels_per_day", "cubic_meters_per_day", "tonnes"."""
        unit = self.measures[" ".join(m.group("m").lower().split())]
        rate = m.group("rate")
        if rate and "_per_" not in unit:
            unit = f"{unit}_per_{self.rates[' '.join(rate.lower().split())]}"
        return unit

    def resolve_currency(self, figure_text: str, unit: Optional[str], countries: Counter) -> Optional[str]:
        """A currency name several countries use ("crowns", "francs") read as the currency of the country the
        document names most among them; any other unit is returned as it is."""
        low = figure_text.lower().rstrip()
        for name, codes in self.ambiguous.items():
            if low.endswith(name):
                named = [c for c in codes if countries.get(c)]
                if named:
                    return codes[max(named, key=lambda c: countries[c])]
        return unit


@functools.lru_cache(maxsize=8)
def grammar(lex: Lexicon = SHIPPED) -> Grammar:
    """The figure grammar of a lexicon, compiled once."""
    return Grammar(lex)
