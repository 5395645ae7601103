"""Actor mentions looked up by the tokens they cover: what every role rule asks of a sentence."""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span

from ..lexicon import SHIPPED
from ..model import ActorMention
from ..nlp.figure_grammar import grammar
from ..nlp.tokens import Tokens


BACKERS = SHIPPED.words("actors.words.backers")
# Currency words the figure reader knows ("dollar", "francs", "marks"): "the Australian dollar" names money.
_NAMED = {k.split()[-1] for k in grammar(SHIPPED).named}
CURRENCY_WORDS = frozenset(_NAMED) | frozenset(w[:-1] for w in _NAMED if w.endswith("s"))


def _names_money(span) -> bool:
    """A national word that only says which currency ("the US and Australian dollar", "the French franc")."""
    node = span.root
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    return node.dep_ in ("amod", "compound", "nmod") and node.head.lower_ in CURRENCY_WORDS


class ActorIndex:
    """Actor mentions looked up by token index; the document's token table rides along."""

    def __init__(self, doc: Doc, actors: Iterable[ActorMention], T: Tokens):
        self.T = T
        self._spans: dict = {}
        self.by_token: dict = {}
        self.roots: dict = {}        # id(mention) -> index of the root token of its span
        self.uncoded: set = set()    # tokens of people and bodies the gazetteer knows but cannot code
        for m in actors:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            if not m.code:
                if m.sector:
                    self.uncoded.update(range(span.start, span.end))
                continue
            if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in BACKERS:
                continue   # "the Cuban-backed Angolan government": the backer is no party to the act
            if m.kind in ("demonym", "country") and _names_money(span):
                continue
            self.roots[id(m)] = span.root.i
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, m)

    def in_tokens(self, tokens: Iterable[int]) -> list:
        """The mentions covering these token indices, each once, in token order."""
        out, seen = [], set()
        by_token = self.by_token
        for i in sorted(tokens):
            m = by_token.get(i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out

    def in_span(self, span: Span) -> list:
        """The mentions in a span, each once, in token order; kept per span, as each sentence asks
        several times (the list is read, never changed)."""
        key = (span.start, span.end)
        out = self._spans.get(key)
        if out is None:
            out, seen = [], set()
            for i in range(span.start, span.end):
                m = self.by_token.get(i)
                if m is not None and id(m) not in seen:
                    seen.add(id(m))
                    out.append(m)
            self._spans[key] = out
        return out
