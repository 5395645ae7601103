"""Who speaks for whom: a pronoun subject's antecedent, "we" in a quotation, and the speaker who says or
demands an act ("Howard noted that Britain could revoke ...")."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Span

from ..lexicon import SHIPPED
from ..model import ActorMention
from ..nlp.tokens import Tokens
from .actor_index import ActorIndex
from .mood import REPORT
from .parse import SUBJECTS, subject_of

UNKNOWN = ActorMention(start=-1, end=-1, text="", code=None, name="", kind="unknown")


PRONOUNS = SHIPPED.words("events.words.pronouns")


def antecedent(subj: list, sent: Span, index: ActorIndex) -> list:
    """A pronoun subject ("Germany has said it will ...") read as the nearest earlier subject actor."""
    T = index.T
    pron = [t for t in subj if T.lower[t] in PRONOUNS and T.pos[t] == "PRON"]
    if not pron or len(subj) > 2:
        return []
    if T.lower[pron[0]] in FIRST_PERSON:
        said_by = quoted_speaker(T, pron[0], index)   # outside the subject: held as context, like a pair's code
        return [replace(said_by, start=-1, end=-1)] if said_by is not None else []
    before = [t for t in range(sent.start, sent.end) if t < pron[0] and t in index.by_token]
    subjects = [t for t in before if any(T.dep[a] in SUBJECTS for a in ([t] + T.ancestors(t))[:3])]
    for t in reversed(subjects or before):
        return [index.by_token[t]]
    return []


FIRST_PERSON = frozenset({"we", "us", "our"})


def quoted_speaker(T: Tokens, tok: int, index: ActorIndex) -> Optional[ActorMention]:
    """Who "we" are: the party of whoever says the whole sentence, the subject of its outermost verb of
    saying ('"The Peruvians have indicated we may not get it," the Bolivian minister said' is Bolivia's side,
    never Peru's); None when that subject names no actor."""
    node, outer = tok, None
    for _ in range(12):
        if T.head[node] == node:
            break
        node = T.head[node]
        if T.pos[node] == "VERB" and T.lemma[node] in REPORT:
            outer = node
    if outer is None:
        return None
    subj, _ = subject_of(T, outer)
    if any(T.lower[t] in FIRST_PERSON for t in subj):
        return None
    speakers = [m for m in index.in_tokens(subj) if m.code]
    return speakers[0] if speakers else None


DEMANDING = REPORT | SHIPPED.words("events.words.demanding")


def speaker(T: Tokens, tok: int, index: ActorIndex):
    """The actor who says what the trigger's clause says: the subject of the verb of saying or demanding
    above it ("Howard noted that Britain could revoke ..."), or None when nobody in the text says it
    (the author's own words)."""
    node = tok
    for _ in range(6):
        if T.head[node] == node:
            return None
        node = T.head[node]
        if T.pos[node] == "VERB" and T.lemma[node] in DEMANDING:
            subj, _ = subject_of(T, node)
            speakers = index.in_tokens(subj)
            return speakers[0] if speakers else UNKNOWN
    return None


def demanded(T: Tokens, tok: int, roles: list, index: ActorIndex, record: bool = True) -> list:
    """The party that says an act must happen asks it of the party that must act; with nobody saying
    it, the author's opinion, which the record leaves out (the sentence coder keeps the act's pair)."""
    said_by = speaker(T, tok, index)
    if said_by is None:
        return [] if record else roles
    if said_by is UNKNOWN:   # a speaker nobody can place ("Ullman said the US should ..."): no party of the record
        return [] if record else [(UNKNOWN, s) for s, _ in roles[:1]]
    return [(said_by, s if s.code != said_by.code else t) for s, t in roles[:1]]
