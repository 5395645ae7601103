"""Actor mentions: spans of a parsed document that name a country, a place, a person or a body.

Candidates come from the gazetteer's phrase matcher and spaCy's named entities; the
dependency parse then widens them to the phrase that names the actor ("German" ->
"the German embassy", "Olaf Scholz" -> "Chancellor Olaf Scholz") and reads nationality
off modifiers and appositions ("X, one of Germany's largest banks").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from spacy.tokens import Doc, Span

from bilateral.lexicon import SHIPPED
from bilateral.model import ActorMention
from bilateral.nlp.gazetteer import Entry, Gazetteer
from bilateral.nlp.pipeline import load_nlp
from bilateral.nlp.entity_spans import after_articles, after_possessor, first_line, inside_person, longest, person_spans
from bilateral.nlp.tokens import Tokens, tokens_of

NAME_GLUE = SHIPPED.words("actors.words.name_glue")
TITLE_WORDS = SHIPPED.words("actors.words.titles")
INSTITUTIONS = SHIPPED.words("actors.words.institutions")
BUSINESS_WORDS = SHIPPED.words("actors.words.business")
PERSON_TITLES = SHIPPED.words("actors.words.person_titles")
THING_HEADS = SHIPPED.words("actors.words.thing_heads")
STATE_HEADS = SHIPPED.words("actors.words.state_heads")
# Titles read only right before a person's name ("Deputy U.S. Trade Representative Michael Smith"): elsewhere
# the word names a body ("House of Representatives").
TITLE_HEADS = frozenset({"Representative"})
UN_ACRONYMS = SHIPPED.words("actors.words.un_acronyms")
UN_NAME = re.compile(r"^(the\s+)?(united nations|u\.?n\.?)\b", re.I)
LOCATIVE = SHIPPED.words("actors.words.locative")
LIKENESS = SHIPPED.words("actors.words.likeness")
NER_ACTORS = ("GPE", "NORP", "ORG", "PERSON", "LOC")


@dataclass
class Cand:
    """A candidate actor on token offsets, before overlaps are settled."""

    start: int
    end: int
    code: Optional[str]
    kind: str
    sector: Optional[str] = None
    core: int = -1  # token where the name that gave the code starts


def find_actors(doc: Doc, gazetteer: Gazetteer | None = None, date: str | None = None) -> list[ActorMention]:
    """Actor mentions in a parsed document: non-overlapping, sorted, character offsets into doc.text."""
    gaz = gazetteer or Gazetteer.load()
    cands = dictionary_candidates(doc, gaz, date)
    cands = cands + combining_candidates(tokens_of(doc), cands)
    cands = entity_candidates(doc, gaz, date, cands)
    cands = [widen(doc, gaz, c, cands) for c in cands]
    cands = [appositive(doc, gaz, c, cands) for c in cands]
    return to_mentions(doc, settle(cands))


# --- candidates -----------------------------------------------------------------


def cased(span: Span) -> bool:
    """Whether a span is written as a name: capitalised words; short acronyms in capitals ("US", not "us")."""
    return _cased(tokens_of(span.doc), span.start, span.end)


COMPASS = frozenset({"West", "East", "North", "South"})


def _cased(T: Tokens, start: int, end: int) -> bool:
    """`cased` of the tokens start..end, read from the token table."""
    orth, lower = T.orth, T.lower
    words = [orth[i] for i in range(start, end) if any(ch.isalpha() for ch in orth[i]) and lower[i] not in NAME_GLUE]
    if not words or any(w[0].islower() for w in words):
        return False
    if end - start > 2:
        return True
    letters = re.sub(r"[^A-Za-z]", "", T.text[T.idx[start]:T.end(end - 1)]) if end > start else ""
    return not (len(letters) <= 3 and not letters.isupper())


def reading(entry: Entry, span: Span) -> Cand:
    """A candidate from a dictionary entry, with the kind refined by how the span is used."""
    kind, sector = entry.kind, entry.sector
    if kind == "country" and (span.root.pos_ == "ADJ" or span.root.ent_type_ == "NORP"):
        kind = "demonym"
    if kind == "capital":
        root = span.root
        head = root.head
        where = root.dep_ == "pobj" and head.lower_ in LOCATIVE
        # "the Paris stock exchange", "the Lisbon targets": a city naming a thing, not its government
        named = root.dep_ in ("compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN") \
            and head.i > root.i and head.lower_ not in INSTITUTIONS
        sector = None if where or named else "GOV"
    if kind == "igo":
        sector = "IGO"
    return Cand(span.start, span.end, entry.code, kind, sector, span.start)


COMBINING = SHIPPED.table("actors.combining")
FIRM_NOUNS = SHIPPED.words("actors.words.firm_nouns")


def combining_candidates(T: Tokens, cands: list) -> list:
    """States named by a combining form before a hyphen and another national word: "Anglo" in
    "Anglo-Iranian negotiations" is British ("Anglo American", a firm, is not)."""
    national = {c.start for c in cands if c.kind in ("demonym", "country")}
    out = []
    for i in range(T.n - 2):
        code = COMBINING.get(T.lower[i])
        if code and T.orth[i + 1] == "-" and (i + 2 in national or T.lower[i + 2] in COMBINING) and not (
                T.lemma[T.head[i + 2]] in FIRM_NOUNS):   # "the Anglo-Dutch food giant": one firm, no pair
            out.append(Cand(i, i + 1, code, "demonym", core=i))
    return out


def dictionary_candidates(doc: Doc, gaz: Gazetteer, date: str | None) -> list[Cand]:
    """Gazetteer phrases written as names; places and people must also look like proper nouns."""
    T = tokens_of(doc)
    spans = []   # (start, end) token ranges
    for _, start, end in gaz.matcher(load_nlp())(doc):
        if _cased(T, start, end) or (end - start == 1 and start and T.orth[start - 1] in COMPASS):
            spans.append((start, end))   # "his West german counterpart": a wire's slip of case
    for i, tag in enumerate(T.tag):
        if tag != "NNPS":
            continue
        word = T.orth[i]
        if word.endswith("s") and not gaz.readings(word) and _plural_national(gaz, word):
            spans.append((i, i + 1))
    out = []
    persons = None  # PERSON entities as (start, end), read from doc.ents once and only when needed
    for start, end in longest(spans):
        text = T.text[T.idx[start]:T.end(end - 1)]   # the span's text
        entry = gaz.lookup(text, date) or _plural_national(gaz, text)
        if entry is None:
            continue
        span = doc[start:end]
        if entry.kind in ("place", "person") and not any(t.pos_ == "PROPN" or t.ent_type_ for t in span):
            continue
        if entry.kind in ("org", "person") and len(span) == 1 and not span[0].ent_type_:
            continue  # a one-word name that the tagger does not see as a name: "Youth", "Unity"
        if entry.kind != "person":
            if persons is None:
                persons = person_spans(doc)
                surnames = {T.orth[e - 1] for s, e in persons if e - s >= 2}
            if inside_person(span, persons):
                continue  # "Michael Jordan", "Chad Smith"
            if entry.kind == "place" and end - start == 1 and T.orth[start] in surnames:
                continue  # "Citibank's William Rhodes ... Rhodes said": the man named before, not the island
        out.append(reading(entry, span))
    return out


def entity_candidates(doc: Doc, gaz: Gazetteer, date: str | None, cands: list[Cand]) -> list[Cand]:
    """Add spaCy entities the gazetteer missed; an organisation absorbs the country or body it names."""
    T = tokens_of(doc)
    out = list(cands)
    for ent in doc.ents:
        label = ent.label_
        if label not in NER_ACTORS:
            continue
        start, end = first_line(T, ent.start, ent.end)
        if label == "ORG":
            start = after_possessor(T, start, end)
        start = after_articles(T, start, end)
        if start == end or not T.orth[start][:1].isupper():
            continue
        ent = doc[start:end]
        inside = [c for c in out if c.start >= ent.start and c.end <= ent.end]
        exact = [c for c in inside if (c.start, c.end) == (ent.start, ent.end)]
        if exact or any(c.start < ent.end and c.end > ent.start and c not in inside for c in out):
            continue
        if label in ("NORP", "GPE", "LOC") and not inside:
            entry = gaz.lookup(ent.text, date) or (gaz.lookup(ent.text[:-1], date) if ent.text.endswith("s") else None)
            if entry and entry.kind in ("country", "demonym", "capital", "place") and cased(ent):
                out.append(reading(entry, ent))  # "Argentines" -> "argentine"
        elif label == "PERSON":
            out = [c for c in out if c not in inside]
            out.append(person(doc, gaz, ent, date))
        elif label == "ORG":
            if ent[-1].lower_ in THING_HEADS and any(c.code and c.kind in ("country", "demonym") for c in inside):
                continue   # "the Indonesia-Australia Partnership Agreement": the states it is between
            out = [c for c in out if c not in inside]
            out.append(organisation(gaz, ent, inside))
    return out


def person(doc: Doc, gaz: Gazetteer, ent: Span, date: str | None) -> Cand:
    """A person entity widened over the rest of the name; code from the dictionary when known."""
    end = ent.end
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[0].isupper() \
            and doc[end].ent_type_ in ("", "PERSON"):
        end += 1
    while end - 1 > ent.start and doc[end - 1].text in ("'", "’", "'s", "’s"):
        end -= 1   # "Secretary of State George Shultz' visit": the possessive is no part of the name
    span = doc[ent.start:end]
    entry = gaz.lookup(span.text, date) or gaz.lookup(ent.text, date)
    if entry and entry.kind == "person":
        return Cand(span.start, span.end, entry.code, "person", entry.sector, span.start)
    return Cand(span.start, span.end, None, "person", None, span.start)


def organisation(gaz: Gazetteer, ent: Span, inside: list[Cand]) -> Cand:
    """An organisation: a UN body, a body in the gazetteer, or of the country it names; else unknown.

    A title before a name ("Foreign Minister X" tagged as an organisation) makes it a person."""
    titles = [t.i for t in ent if t.lower_ in PERSON_TITLES]
    if titles and titles[-1] < ent.end - 1 and ent[-1].pos_ == "PROPN" and ent[-1].lower_ not in INSTITUTIONS:
        national = [c for c in inside if c.code and c.kind in ("country", "demonym")]
        return Cand(ent.start, ent.end, national[0].code if national else None, "person", "GOV", ent.start)
    if UN_NAME.match(ent.text) or any(t.text.replace(".", "").lower() in UN_ACRONYMS for t in ent):
        return Cand(ent.start, ent.end, "UN", "igo", "IGO", ent.start)
    bodies = [c for c in inside if c.kind == "igo"]
    if bodies:
        return Cand(ent.start, ent.end, bodies[0].code, "igo", "IGO", bodies[0].start)
    national = [c for c in inside if c.code and c.kind in ("country", "demonym", "capital", "place")]
    sector = _sector_of(gaz, ent)
    if national and ent[-1].lower_ in THING_HEADS and ent[-1].text[:1].isupper():
        return Cand(ent.start, ent.end, None, "org", None, ent.start)   # "the London Interbank Offered Rate": a
        # city naming a thing (a thing named for states keeps them, above)
    if national and sector is None and _named_for_place(ent, national[0]):
        sector = "BUS"   # "Lloyd's of London", "First Savings Bank of Florida": a firm, not the state
    if national:
        if sector is None and (ent[-1].lower_ in BUSINESS_WORDS or national[0].start == ent.start):
            sector = "BUS" if ent[-1].lower_ in BUSINESS_WORDS else None
        return Cand(ent.start, ent.end, national[0].code, "org", sector, national[0].start)
    if ent[-1].lower_ in BUSINESS_WORDS:
        sector = "BUS"
    return Cand(ent.start, ent.end, None, "org", sector, ent.start)


# --- widening -----------------------------------------------------------------------


def widen(doc: Doc, gaz: Gazetteer, c: Cand, cands: list[Cand]) -> Cand:
    """Grow a candidate to the phrase naming the actor: titles before people, heads after nationals."""
    if c.kind == "person":
        return titled(doc, gaz, c, cands)
    if c.kind in ("country", "demonym", "igo", "capital") and c.code:
        return headed(doc, gaz, c)
    return c


def titled(doc: Doc, gaz: Gazetteer, c: Cand, cands: list[Cand]) -> Cand:
    """"Indonesian Foreign Minister X", "Germany's Chancellor X": title words, then a national word."""
    start, sector, code = c.start, c.sector, c.code
    by_end = {o.end: o for o in cands if o is not c and o.code}
    has_title = False
    while start > 0:
        t = doc[start - 1]
        before = by_end.get(start) or (by_end.get(start - 1) if t.text in ("'s", "’s") else None)
        role = gaz.agent_sector(t.text)
        if not before and t.tag_ in ("NNS", "NNPS"):
            break   # "with both the ministers Howard said": a plural is no one person's title
        if not before and (role or t.lower_ in TITLE_WORDS or t.lower_ in PERSON_TITLES or t.orth_ in TITLE_HEADS):
            start -= 1
            if role:
                sector, has_title = ("GOV" if role == "ELI" else role), True
            elif t.lower_ in PERSON_TITLES or t.orth_ in TITLE_HEADS:
                has_title = True   # "emir", "sultan": a ruler's title the role nouns lack
            continue
        if before and not has_title and before.kind in ("country", "igo") and _title_of(doc, gaz, before.start):
            code, start = before.code, before.start - 1   # "emir of Qatar X": the title is taken next
            continue
        if before and (has_title or before.kind == "person") \
                and before.kind in ("country", "demonym", "igo", "person"):
            code = before.code if before.kind != "person" or code is None else code
            has_title = True
            start = before.start
        break
    if has_title and sector in (None, "ELI"):
        sector = "GOV"
    return replace(c, start=start, code=code, sector=sector)


def _title_of(doc: Doc, gaz: Gazetteer, start: int) -> bool:
    """A title and "of" stand right before the token at `start` ("President of", "emir of")."""
    if start < 2 or doc[start - 1].lower_ != "of":
        return False
    word = doc[start - 2]
    return bool(gaz.agent_sector(word.text)) or word.lower_ in TITLE_WORDS or word.lower_ in PERSON_TITLES


OFFICIALS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"})   # sectors of a state's own people


def headed(doc: Doc, gaz: Gazetteer, c: Cand) -> Cand:
    """A national or body word modifying a noun: "the French embassy", "UN peacekeeping mission"."""
    T = tokens_of(doc)
    h = T.head[c.end - 1]
    if T.dep[c.end - 1] not in ("amod", "compound", "nmod", "npadvmod", "poss") or h < c.end \
            or T.pos[h] not in ("NOUN", "PROPN"):
        return c
    last, head = doc[c.end - 1], doc[h]
    if any(t.pos_ in ("VERB", "PUNCT", "ADP", "CCONJ") and t.text != "-" for t in doc[c.end:head.i]) \
            or head.i - c.end > 4 or head.ent_type_ in ("GPE", "PERSON", "NORP"):
        return c
    sector = _noun_sector(gaz, doc[c.end:head.i + 1]) or c.sector
    if last.dep_ == "poss" and head.lower_ not in INSTITUTIONS and (
            sector not in OFFICIALS or head.tag_ != "NN" or c.kind not in ("country", "capital")):
        return c   # "Chile's demand" is Chile's; "Chile's finance minister" is one of its officials
    if sector is None and head.ent_type_ != "ORG":
        return c
    kind = c.kind
    if head.lower_ in INSTITUTIONS or head.ent_type_ == "ORG":
        kind = "igo" if c.kind == "igo" else "org"
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "PROPN" \
            and head.head.i - head.i <= 3:
        head, kind = head.head, ("igo" if c.kind == "igo" else "org")  # "Korean conglomerate Samsung"
    if head.pos_ == "PROPN" and any(t.lower_ in PERSON_TITLES for t in doc[c.end:head.i]):
        kind, sector = "person", "GOV"  # "Namibian President X" parsed as one noun phrase
    end = head.i + 1
    named = [t for t in head.children if t.dep_ == "appos" and t.left_edge.i == end and t.pos_ == "PROPN"]
    if named:  # "the German carmaker Volkswagen"
        end, kind = named[0].i + 1, "org"
    start = c.start
    while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in ("PROPN", "ADJ") \
            and not doc[start - 1].is_sent_start and doc[start - 1].ent_type_ in ("", "ORG", "NORP"):
        start -= 1  # "Royal Australian Navy"
    return replace(c, start=start, end=end, kind=kind, sector=sector)


def appositive(doc: Doc, gaz: Gazetteer, c: Cand, cands: list[Cand]) -> Cand:
    """"X, one of Brazil's largest airlines" / "Y, the French ambassador": nationality from the apposition;
    a known person acts for the body his apposition names first ("Z, the head of the IAEA")."""
    if c.kind not in ("org", "person") or (c.code and c.kind != "person"):
        return c
    root = doc[c.start:c.end].root
    for app in (t for t in root.children if t.dep_ == "appos" and t.i >= c.end):
        between = re.sub(r"\([^()]*\)", "", doc[c.end:app.left_edge.i].text)
        if between.strip(" ,;:-–—"):
            continue  # the apposition belongs to something in between
        stop = min([t.i for t in app.children if t.dep_ in ("cc", "conj", "punct") and t.i > app.i]
                   + [app.right_edge.i + 1])
        phrase = doc[app.left_edge.i:stop]
        national = sorted((o for o in cands if o.code and o.kind != "person"
                           and o.core >= phrase.start and o.core < phrase.end), key=lambda o: o.core)
        if national and c.code:
            return replace(c, code=national[0].code, sector="IGO") if national[0].kind == "igo" else c
        if national:
            sector = c.sector or _noun_sector(gaz, phrase)
            return replace(c, code=national[0].code, sector=sector)
    return c


# --- settling -------------------------------------------------------------------------


def settle(cands: list[Cand]) -> list[Cand]:
    """Keep non-overlapping candidates, longer first, then those with a code."""
    chosen: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.code is None, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def to_mentions(doc: Doc, cands: list[Cand]) -> list[ActorMention]:
    """The settled candidates as mentions with character offsets, leading articles and punctuation left out."""
    T = tokens_of(doc)
    out = []
    for c in cands:
        start, end = after_articles(T, c.start, c.end), c.end
        if start == end or (end + 1 < len(T.orth) and T.orth[end] == "-" and T.lower[end + 1] in LIKENESS):
            continue   # "a Madrid-style bombing", "a London-based bank": a likeness or a seat, no actor
        start_char, end_char = T.idx[start], T.end(end - 1)
        text = T.text[start_char:end_char]   # what Span.text joins from the tokens
        out.append(ActorMention(start_char, end_char, text, c.code, text, c.sector, c.kind))
    return out


# --- helpers --------------------------------------------------------------------------------


def _named_for_place(ent: Span, national: Cand) -> bool:
    """A firm's name with the place after "of": a possessive name before it ("Lloyd's of London") or a
    business word ("First Savings Bank of Florida"); not "Republic of Korea", "Council for the Development of
    Kenya"."""
    at = national.start - 1
    if at <= ent.start or ent.doc[at].lower_ != "of":
        return False
    before = ent.doc[ent.start:at]
    if any(t.lower_ in STATE_HEADS or t.lower_ in INSTITUTIONS for t in before):
        return False
    return before[-1].lower_ in ("'s", "’s") or any(t.lower_ in BUSINESS_WORDS for t in before)


def _plural_national(gaz: Gazetteer, text: str) -> Optional[Entry]:
    """"Argentines" -> the demonym reading of "argentine", when only the singular is listed."""
    entry = gaz.lookup(text[:-1]) if text.endswith("s") else None
    if entry and entry.kind in ("country", "demonym"):
        return replace(entry, kind="demonym")
    return None


def _sector_of(gaz: Gazetteer, span: Span) -> Optional[str]:
    for t in reversed(span):
        s = gaz.agent_sector(t.text)
        if s:
            return s
    return None


def _noun_sector(gaz: Gazetteer, span: Span) -> Optional[str]:
    """Sector of the role noun a phrase ends in ("foreign ministry" -> GOV, "largest airlines" -> BUS)."""
    words = [t.lower_ for t in span]
    for i in range(len(words)):
        s = gaz.agent_sector(" ".join(words[i:]))
        if s:
            return s
    return _sector_of(gaz, span)
