"""The event lexicon (lexicon/triggers.toml) as the event stage reads it: rules, tried in order, and
the lemmas that can trigger an event.

Each rule names trigger lemmas, optionally the object lemmas it needs (a direct object, a
prepositional object, or a passive subject), and the CAMEO code it carries. Rules are tried in
order, so specific readings ("close" + "embassy") come before general ones.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from ..lexicon import SHIPPED, Lexicon, LexiconError


@dataclass(frozen=True)
class Rule:
    """Trigger lemmas, the object lemmas they need (None: any or none), and the CAMEO code.

    `also`, when set, is a second set the objects must meet as well ("enter" needs "force"
    and an agreement: "the treaty entered into force", not "troops entered the town")."""

    lemmas: frozenset
    cameo: str
    objects: Optional[frozenset] = None
    noun: bool = False           # the trigger is a noun ("visit", "occupation")
    also: Optional[frozenset] = None
    subjects: Optional[frozenset] = None   # words the subject must hold ("protesters", "students")
    source: str = "lexicon"      # "dictionary": coded from the CAMEO verb dictionary, not the curated lexicon
    reverse: bool = False        # the subject receives the act ("received a loan from Chile")
    unless: Optional[frozenset] = None   # objects (or a noun's modifiers) that make it no act ("meet a target")
    named: bool = False          # a state acts, on a party its object or "from" phrase names ("bought U.S. wheat")
    bound: bool = False          # one who speaks for a state goes where a "to"/"in" phrase names ("flew to Rabat")
    own_phrase: bool = False     # a noun's own phrase names both parties ("U.S. tariffs on Korean steel")
    aimed: bool = False          # force aimed at what an "at"/"on" phrase names ("fired rockets at Israeli posts")
    paired: bool = False         # a noun whose own phrase names its two sides ("the Sino-Indian War", "wars between")


class Triggers:
    """The word sets and rules of one lexicon, with the rules indexed by trigger lemma."""

    def __init__(self, lex: Lexicon):
        self.sets: dict = {}
        for name, words in lex.table("triggers.sets").items():   # a set may name sets written before it
            self.sets[name] = self._words(words, f"set {name}")
        self.rules = tuple(self._rule(r, i) for i, r in enumerate(lex.items("triggers.triggers.rules")))
        self.verbs = frozenset(lemma for rule in self.rules if not rule.noun for lemma in rule.lemmas)
        self.nouns = frozenset(lemma for rule in self.rules if rule.noun for lemma in rule.lemmas)
        # nouns that may also be a name's head ("the Sino-Indian War")
        self.named_nouns = frozenset(lemma for rule in self.rules if rule.paired for lemma in rule.lemmas)
        self._by_lemma: dict = {}
        for rule in self.rules:
            for lemma in rule.lemmas:
                self._by_lemma.setdefault((lemma, rule.noun), []).append(rule)

    def _words(self, words, where: str) -> Optional[frozenset]:
        """A rule's word list, "@name" standing for a set."""
        if words is None:
            return None
        out: set = set()
        for w in words:
            if w.startswith("@"):
                if w[1:] not in self.sets:
                    raise LexiconError(f"triggers {where}: no set named {w[1:]!r} above it")
                out |= self.sets[w[1:]]
            else:
                out.add(w)
        return frozenset(out)

    def _rule(self, r: dict, i: int) -> Rule:
        where = f"rule {i + 1} ({r.get('lemmas', '?')})"
        if not r.get("lemmas") or not r.get("cameo"):
            raise LexiconError(f"triggers {where}: needs lemmas and cameo")
        return Rule(frozenset(r["lemmas"].split()), str(r["cameo"]), self._words(r.get("objects"), where),
                    bool(r.get("noun", False)), self._words(r.get("also"), where),
                    self._words(r.get("subjects"), where), reverse=bool(r.get("reverse", False)),
                    unless=self._words(r.get("unless"), where), named=bool(r.get("named", False)),
                    bound=bool(r.get("bound", False)), own_phrase=bool(r.get("own_phrase", False)),
                    aimed=bool(r.get("aimed", False)), paired=bool(r.get("paired", False)))

    @functools.cached_property
    def _bound(self) -> frozenset:
        return frozenset(v for v in self.verbs & WEAK_VERBS if all(
            r.objects is not None or r.subjects is not None for r in self._by_lemma.get((v, False), ())))

    def object_bound(self) -> frozenset:
        """Common verbs every rule of which needs objects or subjects ("come" only "into force"): they code
        an act, and claim its time, only with those objects ("came to power in 1965" is no act of theirs)."""
        return self._bound

    def find(self, lemma: str, objects: set, noun: bool = False,
             subjects: frozenset = frozenset()) -> Optional[Rule]:
        """The first rule whose trigger, object and subject requirements fit.

        For a noun trigger, `objects` holds its modifiers and the verb that governs it."""
        for rule in self._by_lemma.get((lemma, noun), ()):
            if (rule.objects is None or rule.objects & objects) and (rule.also is None or rule.also & objects) and (
                    rule.subjects is None or rule.subjects & subjects) and not (rule.unless and rule.unless & objects):
                return rule
        return None


WEAK_VERBS = SHIPPED.words("events.words.weak_verbs")


@functools.lru_cache(maxsize=8)
def triggers(lex: Lexicon = SHIPPED) -> Triggers:
    """The trigger rules of a lexicon, read once."""
    return Triggers(lex)


_SHIPPED = triggers()
RULES = _SHIPPED.rules
TRIGGER_LEMMAS = _SHIPPED.verbs
NOUN_LEMMAS = _SHIPPED.nouns
find_rule = _SHIPPED.find
AGREEMENTS = _SHIPPED.sets["agreements"]
CROWDS = _SHIPPED.sets["crowds"]
DEMANDS = _SHIPPED.sets["demands"]
