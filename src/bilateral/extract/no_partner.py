"""Acts with no party across: a firm's own deals, a meeting of one side among themselves, talks or a
request named in passing, a request of someone who is no state or of the speaker's own side, and a market's
counted tally. Each tells `roles.roles_of` (or the trigger's coder) not to give such an act the other party
the sentence or the document's pair would otherwise lend it."""
from __future__ import annotations

from typing import Optional

from ..lexicon import SHIPPED
from ..nlp.tokens import Tokens
from .parse import CLAUSES, is_light

FIRM_WORDS = SHIPPED.words("actors.words.firm_nouns") | SHIPPED.words("actors.words.business")
PAIR_NOUNS = SHIPPED.words("events.words.pair_nouns")
MANY_STATES = frozenset({"country", "nation", "government", "state", "debtor", "creditor"})
BODIES = frozenset({"government", "administration", "authority", "regime", "ministry", "cabinet"})
MEETING_VERBS = frozenset({"meet", "confer", "convene", "gather", "huddle"})


def firm_subject(T, subj: list, index) -> bool:
    """The clause's doer is a firm no state is known for ("Consolidated TVX Mining Corp said it agreed",
    "TDK Corp and Allen-Bradley have agreed"): its acts are its own, and a place named beside them
    ("in Brazil", "in New York") is no party to them."""
    inside = set(subj)
    for h in (t for t in subj if T.head[t] not in inside or T.head[t] == t):
        if T.pos[h] == "PRON" and T.lower[h] in ("it", "they"):
            h = _reporter(T, h)   # "Corp said it agreed": the firm that said so
            if h is None:
                continue
        if index.in_tokens([h]):
            return False
        if T.doc[h].ent_type_ == "ORG" or T.lower[h] in FIRM_WORDS:
            return True
    return False


def _reporter(T, pronoun: int) -> Optional[int]:
    """The head of the subject of the verb that reports the pronoun's clause, if any."""
    verb = T.head[pronoun]
    up = T.head[verb]
    if T.dep[verb] not in ("ccomp", "conj") or up == verb:
        return None
    subj = next((c for c in T.children[up] if T.dep[c] == "nsubj"), None)
    # a wire's dateline read as the subject ("LIMA, March 2 - Andina Corp said"): the firm stands beside it
    named = [c for c in T.children[subj] if T.dep[c] == "appos"] if subj is not None else []
    return named[-1] if named else subj


def bare_noun(T, noun: int) -> bool:
    """An act noun no clause carries ("involved in Brazilian debt negotiation", "a counter-proposal to
    Argentina's request"): it names no partner of its own, and the document's pair is no ground to give it
    one (the caller asks this of talks and requests). A light verb's object ("held talks", "made a
    request") is the clause's act and may take it."""
    if T.pos[noun] != "NOUN":
        return False
    h = T.head[noun]
    return not (T.dep[noun] in ("dobj", "nsubjpass") and T.pos[h] in ("VERB", "AUX") and is_light(T, h))


def among_themselves(T, verb: int, subj: list) -> bool:
    """A meeting verb with no one met: no object, no "with" phrase, and a plural subject with no conjunct
    ("U.S. officials had been meeting on a response"); the caller rules out pair phrases ("the two sides")."""
    if T.pos[verb] != "VERB" or T.lemma[verb] not in MEETING_VERBS:
        return False
    if any(T.dep[c] in ("dobj", "dative") or (T.dep[c] == "prep" and T.lower[c] in ("with", "between", "to"))
           for c in T.children[verb]):
        return False
    heads = [t for t in subj if T.head[t] == verb]
    return bool(heads) and all(T.tag[h] in ("NNS", "NNPS") and not any(T.dep[c] == "conj" for c in T.children[h])
                               for h in heads)


def addressee_unnamed(T: Tokens, trigger: int) -> bool:
    """A request whose addressee is a plain noun that is no party ("asked the buyer to pay", "called on the
    industry to"): the one asked to act (the object before a "to" clause) is named, and it is not a state."""
    kids = T.children[trigger]
    if not any(T.dep[c] == "xcomp" for c in kids):
        return False
    heads = [c for c in kids if T.dep[c] == "dobj"] + [
        g for c in kids if T.dep[c] == "prep" and T.lower[c] in ("on", "upon", "to")
        for g in T.children[c] if T.dep[g] == "pobj"]
    return any(T.pos[h] == "NOUN" and T.lemma[h] not in ADDRESSED_STATES and T.lower[h] not in PAIR_NOUNS
               for h in heads)


# Plain nouns a request may name its other side by ("urged the government to", "called on its neighbour to").
ADDRESSED_STATES = BODIES | MANY_STATES | frozenset({"side", "neighbour", "neighbor", "partner", "leader", "people"})


def counted(T: Tokens, subj: list) -> bool:
    """A passive subject told by its number ("3,154 lots were traded"): a market's tally, not a pair's act."""
    return any(T.dep[t] == "nummod" and T.head[t] in subj for t in subj)


def addressed(T: Tokens, i: int, roles: list, index) -> list:
    """A request names whom it is made of in its object ("urged Kenya to", "called on Iran to"): only that
    party is its target; "urged the Reagan administration to offer subsidies to the Soviet Union" or "called on
    the government to seek IMF help" asks the speaker's own side, no one abroad."""
    first_prep = min((c for c in T.children[i] if T.dep[c] == "prep" and c > i), default=T.n)
    heads = [c for c in T.children[i] if T.dep[c] == "dobj" and c < first_prep] + [   # not a list the parse broke
        p for c in T.children[i] if T.dep[c] in ("prep", "prt") and T.lower[c] == "on"
        for p in T.children[c] if T.dep[p] == "pobj"]
    codes = {m.code for m in index.in_tokens([t for h in heads for t in T.subtree(h, CLAUSES)])}
    if codes:
        return [(s, t) for s, t in roles if t.code in codes]
    return [] if any(T.lemma[h] in BODIES for h in heads) else roles
