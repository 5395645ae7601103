"""The metric lexicon (lexicon/metrics.toml) as the claim stage reads it: which words around a figure
say what it measures, and which export metric each fine metric counts as."""
from __future__ import annotations

import functools
import re

from ..lexicon import SHIPPED, Lexicon


class Metrics:
    """The metric tables of one lexicon."""

    def __init__(self, lex: Lexicon):
        self.money = {k: tuple(v) for k, v in lex.table("metrics.money").items()}
        self.people = {k: tuple(v) for k, v in lex.table("metrics.people").items()}
        self.rank_roles = dict(lex.table("metrics.rank_roles"))
        self.families = dict(lex.table("metrics.families"))
        self.stock = lex.words("metrics.words.stock")
        self.cumulative = lex.items("metrics.words.cumulative")
        self.annual = lex.items("metrics.words.annual")
        self.share = lex.items("metrics.words.share")
        self.continuations = lex.items("metrics.words.continuations")
        self.whole = lex.words("metrics.words.whole")
        self.receive = lex.words("metrics.words.receive")
        self.plan = lex.words("metrics.words.plan")
        self.both_parties = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lex.items("metrics.words.both_parties"))
                                       + r")\b", re.I)
        self.balances = {f: f in lex.words("metrics.words.partner_gains")
                         for f in lex.items("metrics.words.balances")}   # fine metric -> the partner gains
        self.export_fine = lex.words("metrics.words.exported_fine")
        self.phrases = {"money": _phrases(self.money), "people": _phrases(self.people)}
        # Units of goods ("barrels", "tonnes_per_year"): read with the money terms (lent, exported, bought).
        self.measure_units = frozenset(lex.table("units.measures").values())


def _phrases(terms: dict) -> list:
    """(phrase, fine metric, compiled word-bounded regex) of a table of terms, longest phrase first."""
    phrases = sorted(((p, f) for f, ps in terms.items() for p in ps), key=lambda x: -len(x[0]))
    return [(p, f, re.compile(rf"(?<![\w-]){re.escape(p)}(?![\w-])")) for p, f in phrases]


@functools.lru_cache(maxsize=8)
def metrics(lex: Lexicon = SHIPPED) -> Metrics:
    """The metric tables of a lexicon, read once."""
    return Metrics(lex)


SHIPPED_METRICS = _SHIPPED = metrics()
MONEY_TERMS = _SHIPPED.money
PEOPLE_TERMS = _SHIPPED.people
RANK_ROLES = _SHIPPED.rank_roles
FINE_TO_METRIC = _SHIPPED.families
STOCK_METRICS = _SHIPPED.stock
CUMULATIVE_WORDS = _SHIPPED.cumulative
ANNUAL_WORDS = _SHIPPED.annual
SHARE_WORDS = _SHIPPED.share
CONTINUATIONS = _SHIPPED.continuations
WHOLE_WORDS = _SHIPPED.whole
RECEIVE_WORDS = _SHIPPED.receive
