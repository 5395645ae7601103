"""What questions are answered from: a corpus's documents, events, claims and conflicts, read through the
public `Corpus` API, with every sentence indexed for retrieval and tagged with the countries it names.

Loaded once per store state and kept while the store's counts stay the same (the only module state)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from bilateral.nlp.gazetteer import Gazetteer

from .passages import Passage, document_passages
from .retrieve import BM25, stem

ACTOR_KINDS = ("country", "capital", "demonym", "igo", "place")
NAME_WORD = re.compile(r"[A-Za-z][\w.'’-]*")
_CACHE: dict = {}   # (store path, counts, dictionary) -> Record, one entry: a cache of loaded data


ACRONYM = re.compile(r"((?:[A-Z][\w-]*\s+){1,7}?[A-Z][\w-]*)\s+\(([A-Z]{2,6})\)")


@dataclass
class Record:
    """The store's items and a sentence index: `passages[i]` names the countries in `passage_codes[i]`."""

    docs: dict
    events: list
    claims: list
    conflicts: list
    passages: list
    index: BM25
    gazetteer: Gazetteer
    passage_codes: list = field(default_factory=list)
    doc_codes: dict = field(default_factory=dict)      # doc_id -> codes its text, events and claims name
    position: dict = field(default_factory=dict)       # (doc_id, start) -> index into passages
    dense: Optional[object] = None                     # an embed.DenseIndex when the extra is used
    outlets: dict = field(default_factory=dict)        # stem of an outlet's name -> its doc_ids
    _dates: dict = field(default_factory=dict)         # passage index -> its dates, filled as asked
    surfaces: dict = field(default_factory=dict)       # lower-cased surface -> (country code, kind of name)
    _surfaces: dict = field(default_factory=dict)      # code -> stems of its names, filled as asked
    _doc_focus: dict = field(default_factory=dict)      # doc_id -> {focus stem: whether it holds it}, filled as asked
    _acronyms: dict = field(default_factory=dict)      # doc_id -> {acronym: the words it stands for}, filled once

    def sources_named(self, focus: list) -> tuple:
        """The focus words that name an outlet ("the Khmer Times figures", "the Reuters stories") and the
        documents of those outlets: a constraint on where the answer stands, not on what it says."""
        named = [f for f in focus if f in self.outlets]
        docs = set()
        for f in named:
            docs |= self.outlets[f]
        return named, docs

    def about_countries(self, p: Passage, codes: list) -> bool:
        """Whether a passage's document names the question's countries (all of the first two)."""
        if not codes:
            return True
        return set(codes[:2]) <= self.doc_codes.get(p.doc_id, set())

    def dates_of(self, i: int) -> list:
        """The calendar dates passage i states (relative ones resolved against its document's date), cached."""
        got = self._dates.get(i)
        if got is None:
            from .spans import dates_in
            p = self.passages[i]
            doc = self.docs.get(p.doc_id)
            got = [iso for _, _, iso, _ in dates_in(p.text, doc.published if doc else None) if iso]
            self._dates[i] = got
        return got

    def surface_stems(self, code: str) -> set:
        """Stems of the names of a country (name, demonym, capital; the last word of longer ones, such as
        "zealand"), for finding where a sentence names it."""
        got = self._surfaces.get(code)
        if got is None:
            got = set()
            for surface, (c, kind) in self.surfaces.items():
                if c == code and kind in ("country", "capital", "demonym") and len(surface) > 3:
                    words = surface.split()
                    if words and words[-1] not in ("city", "islands", "republic", "states", "kingdom", "of"):
                        got.add(stem(words[-1]))
            got.add(stem(self.name(code).split()[-1]))
            self._surfaces[code] = got
        return got

    def name(self, code: Optional[str]) -> str:
        return self.gazetteer.name(code) if code else "?"

    def doc_says(self, doc_id: str, focus: list, locate) -> set:
        """The focus stems a whole document holds (`locate(text, focus)` finds them), cached per document
        and stem: retrieval asks this of every candidate passage."""
        known = self._doc_focus.setdefault(doc_id, {})
        todo = [f for f in focus if f not in known]
        if todo:
            text = " ".join(p.text for p in self.passages if p.doc_id == doc_id)
            found = locate(text, todo)
            for f in todo:
                known[f] = f in found
        return {f for f in focus if known[f]}

    def acronyms(self, doc_id: str) -> dict:
        """The short forms a document defines ("the Athens Flight Information Region (FIR)"): a later "FIR" says
        those words too."""
        if not self._acronyms:   # one pass over every passage, the first time any document is asked
            self._acronyms[None] = {}   # the pass has run, whether or not any document defines a short form
            for p in self.passages:
                for m in ACRONYM.finditer(p.text) if "(" in p.text else ():
                    words, short = m.group(1).split(), m.group(2)
                    long = words[-len(short):]
                    if "".join(w[0] for w in long).upper() == short.upper():
                        self._acronyms.setdefault(p.doc_id, {})[short] = " ".join(long)
        return self._acronyms.get(doc_id, {})

    def neighbours(self, i: int, before: int = 1, after: int = 1) -> list:
        """Indices of the passages around passage i in the same document, in order."""
        doc = self.passages[i].doc_id
        out = []
        for j in range(i - before, i + after + 1):
            if 0 <= j < len(self.passages) and self.passages[j].doc_id == doc:
                out.append(j)
        return out


def surface_table(gaz: Gazetteer) -> dict:
    """Lower-cased surface -> country code, for the kinds of names that place a sentence in a country."""
    table = {}
    for surface, entries in gaz.entries.items():
        for e in sorted(entries, key=lambda e: ACTOR_KINDS.index(e.kind) if e.kind in ACTOR_KINDS else 9):
            if e.code and e.kind in ACTOR_KINDS:
                table[surface] = e.code
                break
    return table


def kinds_of(gaz: Gazetteer) -> dict:
    """Lower-cased surface -> (code, kind) for the names of countries, their capitals and demonyms."""
    out = {}
    for surface, entries in gaz.entries.items():
        for e in entries:
            if e.code and e.kind in ("country", "capital", "demonym"):
                out[surface] = (e.code, e.kind)
                break
    return out


def codes_in(text: str, table: dict, longest: int = 4) -> set:
    """Country codes named in a text: capitalised word n-grams looked up in the surface table.

    Short all-capital surfaces ("US", "UK") must be written in capitals, so "us" is not a country."""
    words = [(m.group(0).rstrip(".'’"), m.group(0)) for m in NAME_WORD.finditer(text)]
    out = set()
    for i, (w, raw) in enumerate(words):
        if not w or not w[0].isupper():
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            raws = [words[j][1] for j in range(i, i + n)]
            bare = raws[:-1] + [re.sub(r"['’]s$", "", raws[-1])]   # "the US's deficit"
            for surface in (" ".join(raws), " ".join(x.rstrip(".'’") for x in bare)):
                code = table.get(surface.lower())
                if code and (len(surface.replace(".", "")) > 3 or surface.replace(".", "").isupper()):
                    out.add(code)
                    break
            else:
                continue
            break
    return out


def build_record(corpus) -> Record:
    """Everything one question needs, read through the corpus's public API."""
    gaz = Gazetteer.load(getattr(corpus, "dictionary", None))
    docs = {d.doc_id: d for d in corpus.documents()}
    events, claims, conflicts = list(corpus.events()), list(corpus.claims()), list(corpus.conflicts())
    passages = [p for d in docs.values() for p in document_passages(d)]
    table = surface_table(gaz)
    passage_codes = [codes_in(p.text, table) for p in passages]
    doc_codes: dict = {}
    for p, codes in zip(passages, passage_codes):
        doc_codes.setdefault(p.doc_id, set()).update(codes)
    for d in docs.values():
        doc_codes.setdefault(d.doc_id, set()).update(codes_in(d.title or "", table))
    for e in events:
        for m in e.mentions:
            doc_codes.setdefault(m.doc_id, set()).update(x for x in (e.source.code, e.target.code) if x)
    for c in claims:
        doc_codes.setdefault(c.doc_id, set()).update(x for x in (c.subject, c.object) if x)
    position = {(p.doc_id, p.start): i for i, p in enumerate(passages)}
    outlets: dict = {}
    for d in docs.values():
        for w in NAME_WORD.findall(d.outlet or ""):
            if w.lower() not in ("the", "news", "of", "and", "daily", "times", "post") or len(w) > 5:
                outlets.setdefault(stem(w), set()).add(d.doc_id)
    return Record(docs=docs, events=events, claims=claims, conflicts=conflicts, passages=passages,
                  index=BM25(passages), gazetteer=gaz, passage_codes=passage_codes, doc_codes=doc_codes,
                  position=position, outlets=outlets, surfaces=kinds_of(gaz))


def load_record(corpus) -> Record:
    """The corpus's record, reused while the store is unchanged."""
    counts = corpus.counts()
    store = getattr(corpus, "store", None)
    path = str(getattr(store, "path", "") or "")
    where = path if path and path != ":memory:" else id(store)   # one file, whichever connection reads it
    key = (where, tuple(sorted(counts.items())), getattr(corpus, "dictionary", None))
    rec = _CACHE.get(key)
    if rec is None:
        rec = build_record(corpus)
        _CACHE.clear()
        _CACHE[key] = rec
    return rec
