"""Actors at document level: a person named once with a title or a nationality is that state in every
later mention ("Philippine Finance Minister Jaime Ongpin" ... "Ongpin said", "Mr Ongpin"), and "he"
or "she" is the person the text last named, when that is unambiguous.

A pure function of one document's actor mentions and parse, run after `find_actors`: it codes the
mentions the sentence alone cannot, and adds the bare surnames and pronouns it resolves as mentions
of their own (kind "person" and "pronoun"), so every stage reads one list.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc

from ..lexicon import SHIPPED
from ..model import ActorMention
from .actors import PERSON_TITLES
from .anaphora import officials_there, officials_where_met, owners_its
from .firms import code_firms
from .tokens import Tokens, tokens_of

HONORIFICS = SHIPPED.words("actors.words.honorifics")
BODY_STAFF = SHIPPED.words("actors.words.body_staff")
# Verbs by which an official reports or presses a statement ("..., Finance Minister X said").
REPORTING = SHIPPED.words("moods.words.report") | SHIPPED.words("events.words.demanding")
PRONOUNS = {"he": "subject", "she": "subject", "him": "object", "her": "object"}
# How far back (in characters) "he" or "she" looks for the person it stands for.
PRONOUN_REACH = 600
# "the country", "that nation": a state the text named before, when it is not the clause's own subject.
STATE_NOUNS = frozenset({"country", "nation"})
STATE_DETERMINERS = frozenset({"the", "that", "this"})
# Where "the country" is a party: "relations with the country", "aid to the nation", "recognized the
# country"; not a place ("in the country", "leave the country") nor a possessor ("affairs of the country").
PARTY_PREPOSITIONS = frozenset({"with", "to", "toward", "towards", "against"})
PLACE_VERBS = frozenset({"leave", "enter", "flee", "exit", "quit", "return", "tour", "cross"})


def resolve(doc: Doc, mentions: list, gazetteer=None, dateline: Optional[str] = None,
            date: Optional[str] = None) -> list:
    """The document's actor mentions with persons and pronouns resolved across sentences, in text order.

    An official the text names with a title but no nationality ("Energy Minister X said" in a wire
    from Caracas) is of the country of the dateline, as wires write it, when the text names that country."""
    T = tokens_of(doc)
    mentions = code_firms(T, mentions)
    mentions = _titled_by_states(T, mentions)
    mentions = _speakers_of_states(T, mentions)
    names = _registry(T, mentions)
    out = [_recoded(T, m, names) for m in mentions]
    if gazetteer is not None and date:
        out = _office_holders(T, out, names, gazetteer, date)
        names = _registry(T, out)
    home = _dateline_country(gazetteer, dateline, mentions, date)
    if home is not None:   # after the names: "ministers Howard" is the Howard the text named British
        out = [replace(m, code=home) if m.kind == "person" and not m.code and m.sector == "GOV" else m
               for m in out]
        names = _registry(T, out)
        out = [_recoded(T, m, names) for m in out]   # "Howard said" after "Minister Michael Howard"
    covered = {i for m in out for i in T.covering(m.start, m.end)}
    if home is not None:
        out += _host_ministers(T, covered, home)
        out += _host_government(T, covered, home, mentions)
    out += _bare_surnames(T, names, covered)
    if gazetteer is not None:
        out = _short_bodies(T, out, gazetteer)
        out += officials_there(T, out, gazetteer.agent_sector)
        out += officials_where_met(T, out, gazetteer.agent_sector)
        out.sort(key=lambda m: m.start)
        out += owners_its(T, out, gazetteer.agent_sector)
    out.sort(key=lambda m: m.start)
    out += _pronouns(T, out)
    out += _definite_states(T, out)
    out.sort(key=lambda m: m.start)
    return out


HOST_BODIES = frozenset({"government", "administration", "authorities", "cabinet"})


def _host_ministers(T: Tokens, covered: set, home: str) -> list:
    """Ministers a wire names by office alone ("in meetings with both the foreign and telecommunications
    ministers", in a wire from Lima) are the host state's: wires give a visitor's officials their nationality."""
    return [_host_mention(T, i, home) for i in _unnamed(T, covered, {"minister"}, ("the", "both"))
            if not any(T.dep[c] == "poss" or (T.dep[c] in ("amod", "compound") and c in covered)
                       for c in T.children[i])]   # "his minister", "the Kenyan minister": owned or named already


def _host_government(T: Tokens, covered: set, home: str, mentions: list) -> list:
    """"The government" of a wire from Lima about Peru ("told reporters the government decided to stop paying
    the World Bank") is the host state's, when the story names that state more than any other."""
    named = Counter(m.code for m in mentions if m.code and m.kind in ("country", "capital", "demonym"))
    if not named or named.most_common(1)[0][0] != home or list(named.values()).count(named[home]) > 1:
        return []
    return [_host_mention(T, i, home) for i in _unnamed(T, covered, HOST_BODIES, ("the",))
            if not (T.tag[i] == "NNS" and T.lower[i] != "authorities")   # "the two governments": both sides
            and not any(T.dep[c] in ("poss", "amod", "compound", "prep", "nummod", "conj") for c in T.children[i])]
    # "its government", "the Kenyan government", "the government of X": named otherwise


def _unnamed(T: Tokens, covered: set, lemmas: set, determiners: tuple) -> list:
    """Tokens of a common noun of office ("minister", "government") no actor covers, with one of the
    determiners ("the minister", "both the ministers"), not modifying another noun."""
    return [i for i in range(T.n) if T.lemma[i] in lemmas and T.pos[i] == "NOUN" and i not in covered
            and T.dep[i] != "compound" and any(T.lower[c] in determiners for c in T.children[i])]


def _host_mention(T: Tokens, i: int, home: str) -> ActorMention:
    """The host state's government, named by the office noun at token i."""
    return ActorMention(T.idx[i], T.end(i), T.orth[i], home, T.orth[i], "GOV", "org")


def _titled_by_states(T: Tokens, mentions: list) -> list:
    """An official whose title a state owns ("Ecuador's Deputy Energy Minister Fernando Santos Alvite") is of
    that state, even where a word of the title ("Energy") split the name from its owner."""
    states = [m for m in mentions if m.code and (m.kind in ("country", "capital") or (
        m.kind == "org" and len(m.code) == 3 and m.sector in (None, "GOV")))]
    if not states:
        return mentions
    out, offices = [], set()
    for m in mentions:
        if m.kind == "person" and not m.code:
            tokens = T.covering(m.start, m.end)
            head = tokens[-1] if tokens else None
            while head is not None and T.dep[head] == "compound" and T.head[head] != head:
                head = T.head[head]   # "Minister" of "Minister Fernando Santos Alvite"
            # "U.S. Energy Secretary John Herrington": a state's name inside the title owns it too
            owners = [c for c in (T.head_phrase(head) if head is not None else []) if T.dep[c] == "poss" or (
                T.dep[c] == "compound" and c < tokens[0])]
            holders = [s for s in states if any(c in T.covering(s.start, s.end) for c in owners)]
            if len({s.code for s in holders}) == 1:
                m = replace(m, code=holders[0].code)
                offices.update(id(s) for s in holders if s.kind == "org")
        out.append(m)
    # the office the title names ("U.S. Energy") is the state's government, as its holder is
    return [replace(m, sector="GOV") if id(m) in offices and m.sector is None else m for m in out]


def _speakers_of_states(T: Tokens, mentions: list) -> list:
    """An official named with a title but no nationality who reports what one state does ("Brazil would
    not have suspended payments ..., Finance Minister Dilson Funaro said") speaks for that state, wherever
    the wire was filed: the state is the subject (or its possessor) of the clause the official reports."""
    states = [m for m in mentions if m.code and m.kind in ("country", "demonym", "capital")]
    out = []
    for m in mentions:
        if m.kind == "person" and not m.code and m.sector == "GOV":
            code = _reported_state(T, m, states)
            if code:
                m = replace(m, code=code)
        out.append(m)
    return out


def _reported_state(T: Tokens, m: ActorMention, states: list) -> Optional[str]:
    """The one state named in the subject of the clause the person's verb of saying reports, or None."""
    tokens = T.covering(m.start, m.end)
    if not tokens:
        return None
    name = tokens[-1]
    verb = T.head[name]
    if T.dep[name] != "nsubj" or T.lemma[verb] not in REPORTING:
        return None
    codes = set()
    for clause in (c for c in T.children[verb] if T.dep[c] in ("ccomp", "parataxis")):
        for subj in (c for c in T.children[clause] if T.dep[c] in ("nsubj", "nsubjpass")):
            span = set(T.head_phrase(subj))
            codes |= {s.code for s in states if any(i in span for i in T.covering(s.start, s.end))}
    return codes.pop() if len(codes) == 1 else None


def _dateline_country(gazetteer, dateline: Optional[str], mentions: list, date: Optional[str] = None) -> Optional[str]:
    """The country of a dateline's place, when the text itself names that country."""
    if not dateline or gazetteer is None:
        return None
    entry = gazetteer.lookup(dateline, date)
    if entry is None or not entry.code or len(entry.code) != 3:
        return None
    return entry.code if any(m.code == entry.code for m in mentions) else None


def _surname(T: Tokens, m: ActorMention) -> Optional[str]:
    """The last word of a person's name, lower-cased ("jaime ongpin" -> "ongpin"), without a possessive."""
    tokens = [i for i in T.covering(m.start, m.end) if T.pos[i] == "PROPN" and T.orth[i][:1].isupper()]
    if not tokens:
        return None
    word = T.lower[tokens[-1]]
    return word if len(word) > 2 and word.isalpha() or "-" in word else None


def _registry(T: Tokens, mentions: list) -> dict:
    """surname -> (code, sector) of the coded persons of the document; a surname two states share is
    ambiguous and left out."""
    found: dict = {}
    for m in mentions:
        if m.kind != "person" or not m.code:
            continue
        name = _surname(T, m)
        if name is None:
            continue
        if name in found:
            if found[name] and found[name][0] != m.code:
                found[name] = None   # stays ambiguous whatever later mentions say
        else:
            found[name] = (m.code, m.sector or "GOV")
    return {k: v for k, v in found.items() if v}


def _recoded(T: Tokens, m: ActorMention, names: dict) -> ActorMention:
    """An uncoded person (or a name the tagger took for a body) whose surname the document already coded."""
    if m.code or m.kind not in ("person", "org"):
        return m
    tokens = list(T.covering(m.start, m.end))
    if m.kind == "org" and not all(T.pos[i] == "PROPN" or T.lower[i] in HONORIFICS for i in tokens):
        return m
    hit = names.get(_surname(T, m) or "")
    if hit is None:
        return m
    return replace(m, code=hit[0], sector=m.sector or hit[1], kind="person")


def _office_holders(T: Tokens, mentions: list, names: dict, gazetteer, date: str) -> list:
    """A person named by surname alone ("Reagan said") whom the dictionary has in a state's office on the
    document's date, when the text names that state and names no one else of that surname in full."""
    states = {m.code for m in mentions if m.code and m.kind in ("country", "demonym", "capital")}
    full = {_surname(T, m) for m in mentions if m.kind in ("person", "org") and len(m.text.split()) > 1}
    out = []
    for m in mentions:
        name = _surname(T, m) if m.kind == "person" and not m.code else None
        words = [w for w in m.text.split() if w.lower().rstrip(".") not in HONORIFICS]
        entry = gazetteer.office_holder(name, date) if name and len(words) == 1 and name not in full \
            and name not in names else None
        out.append(replace(m, code=entry.code, sector=m.sector or "GOV") if entry and entry.code in states else m)
    return out


def _bare_surnames(T: Tokens, names: dict, covered: set) -> list:
    """Mentions for the surnames no earlier stage marked ("Ongpin said", "Mr Nakasone's letter")."""
    out = []
    for i in range(T.n):
        if i in covered or T.lower[i] not in names or T.pos[i] != "PROPN" or not T.orth[i][:1].isupper():
            continue
        start = i - 1 if i > 0 and T.lower[i - 1].rstrip(".") in HONORIFICS and i - 1 not in covered else i
        code, sector = names[T.lower[i]]
        text = T.text[T.idx[start]:T.end(i)]
        out.append(ActorMention(T.idx[start], T.end(i), text, code, text, sector, "person"))
    return out


def _short_bodies(T: Tokens, mentions: list, gazetteer) -> list:
    """"The Fund", "the Bank", "Commission officials" after the text has named the International Monetary
    Fund, the World Bank or the European Commission: the body last named whose name, or the name it was
    written with, ends in that word, unless a name of another ending in it came between ("the Securities
    and Exchange Commission ... the Commission"); "the Bank of England", a name of its own, is not."""
    if not any(m.kind == "igo" and m.code for m in mentions):
        return mentions
    ends = [(m, {_last_word(m.text)} | ({gazetteer.name(m.code).split()[-1].lower()} if m.kind == "igo" and m.code
                                        else set())) for m in mentions
            if (m.kind == "igo" and m.code) or len(m.text.split()) > 1]   # a full name, not "Bank" again
    extra = []
    by_start = {m.start: m for m in mentions}
    for i in range(T.n):
        if not T.orth[i][:1].isupper() or T.pos[i] not in ("PROPN", "NOUN"):
            continue
        if not ((i > 0 and T.lower[i - 1] == "the" and T.pos[i] == "PROPN")
                or (i + 1 < T.n and T.lower[i + 1] in BODY_STAFF)):
            continue
        if i + 1 < T.n and (T.lower[i + 1] == "of" or T.orth[i + 1][:1].isupper()):
            continue   # "the Bank of England", "the Fund Board": other names
        before = [m for m, words in ends if m.end <= T.idx[i] and T.lower[i] in words]
        if not before or before[-1].kind != "igo" or not before[-1].code:
            continue
        known = by_start.get(T.idx[i])
        if known is not None and (known.code or known.end != T.end(i)):
            continue
        body = before[-1]
        extra.append((known, ActorMention(T.idx[i], T.end(i), T.orth[i], body.code, body.name, body.sector, "igo")))
    replaced = {id(k) for k, _ in extra if k is not None}   # an uncoded "Bank" the tagger took for a firm
    return sorted([m for m in mentions if id(m) not in replaced] + [m for _, m in extra], key=lambda m: m.start)


def _last_word(text: str) -> str:
    """The last word of a written name, lowered ("the European Commission" -> "commission")."""
    words = text.replace("'s", "").split()
    return words[-1].lower() if words else ""


def _pronouns(T: Tokens, mentions: list) -> list:
    """"he" or "she" as the person last named before it, within reach, when the last two persons named
    belong to one state (so the reading does not depend on which of them is meant); an official named by
    title alone is a person too ("India's finance minister lashed out ... He also called for")."""
    persons = [m for m in mentions if m.code and (m.kind == "person" or (
        m.sector in ("GOV", "MIL") and m.text.split()[-1].lower() in PERSON_TITLES))]
    out = []
    k = 0
    for i in range(T.n):
        if T.lower[i] not in PRONOUNS or T.pos[i] != "PRON":
            continue
        at = T.idx[i]
        while k < len(persons) and persons[k].end <= at:
            k += 1
        before = [p for p in persons[max(0, k - 2):k] if at - p.end <= PRONOUN_REACH]
        if not before or len({p.code for p in before}) > 1:
            continue
        p = before[-1]
        out.append(ActorMention(at, T.end(i), T.orth[i], p.code, p.name, p.sector, "pronoun"))
    return out


def _definite_states(T: Tokens, mentions: list) -> list:
    """"the country" or "that nation" as the state the text last named before it, within reach, skipping
    the subject of its own clause ("Mexico recognized Estonia and restored relations with the country")."""
    states = [m for m in mentions if m.kind == "country" and m.code]
    out = []
    for i in range(1, T.n):
        if T.lower[i] not in STATE_NOUNS or T.pos[i] != "NOUN" or T.lower[i - 1] not in STATE_DETERMINERS:
            continue
        if T.tag[i] != "NN" or any(T.dep[c] in ("amod", "compound", "prep") for c in T.children[i]):
            continue   # "the countries", "the country's north", "the country of origin": not one named state
        if not _party_position(T, i):
            continue
        start = T.idx[i - 1]
        if any(m.start < T.end(i) and start < m.end for m in mentions):
            continue
        own = _clause_subject(T, i)
        before = [m for m in states if m.end <= start and start - m.end <= PRONOUN_REACH
                  and not (own and own[0] <= m.start < own[1])]
        if not before:
            continue
        own_codes = {m.code for m in states if own and own[0] <= m.start < own[1]}
        candidates = [m for m in before if m.code not in own_codes]
        if not candidates:
            continue
        m = candidates[-1]
        out.append(ActorMention(start, T.end(i), T.text[start:T.end(i)], m.code, m.name, m.sector, "country"))
    return out


def _party_position(T: Tokens, i: int) -> bool:
    """The noun stands where a party to an act stands: a preposition's object of `PARTY_PREPOSITIONS`,
    or the direct object of a verb that is not one of moving in or out of a place."""
    head = T.head[i]
    if T.dep[i] == "pobj":
        return T.lower[head] in PARTY_PREPOSITIONS
    return T.dep[i] == "dobj" and T.lemma[head] not in PLACE_VERBS


def _clause_subject(T: Tokens, i: int) -> Optional[tuple]:
    """The character span of the subject of the clause a noun sits in (a conjoined verb's is its first
    verb's), or None."""
    node = i
    for _ in range(8):
        if T.pos[node] in ("VERB", "AUX") or T.head[node] == node:
            break
        node = T.head[node]
    for verb in (node, T.head[node] if T.dep[node] == "conj" else None):
        if verb is None:
            continue
        for c in T.children[verb]:
            if T.dep[c] in ("nsubj", "nsubjpass") and c != i:
                sub = T.subtree(c)
                return T.idx[min(sub)], T.end(max(sub))
    return None
