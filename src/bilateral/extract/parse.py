"""Clause structure read off the dependency parse: subjects, objects, light verbs.

What the event stages share to walk one trigger's clause: its subject (through control, coordination
and relative clauses), its objects, and whether a verb only carries a nominal event.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..lexicon import SHIPPED
from ..nlp.tokens import Tokens, tokens_of
from .triggers import AGREEMENTS
from .mood import LIGHT_VERBS, OBLIGATION, PREVENT


SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


CLAUSES = {"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "xcomp", "csubj"}


OBJECT_CONTROL = SHIPPED.words("events.words.object_control")


# Regular forms of the light verbs, for when the lemmatizer misses ("staged" -> "stag").
LIGHT_FORMS = {f for v in LIGHT_VERBS for f in (v, v + "s", v + "d", v + "ed", v + "ing", v[:-1] + "ing")}


CIRCUMSTANCES = SHIPPED.words("events.words.circumstances")


def token_subtree(tok: Token, stop: Optional[set] = None) -> list:
    """The token's subtree without nested clauses (their actors belong to their own verbs), as Tokens."""
    doc = tok.doc
    return [doc[i] for i in tokens_of(doc).subtree(tok.i, stop)]


VERBAL = ("VERB", "AUX")
# The object word a to-infinitive complement adds ("told B to withdraw"): rules can ask for one.
INFINITIVE = "to-infinitive"
OBLIGED = "obliged-clause"   # "said Brazil should come up with a plan": a duty the speaker lays on a party
# "charged that Korea was dumping steel", "charged Brazil with breaking the accord": what a party is said to do
CHARGED = "charged-clause"
# subject_of's passive flag for a bare participle ("Asked whether ..., X said"): its doer is nowhere in the text.
PARTICIPLE = "participle"


def subject_of(T: Tokens, verb: int) -> tuple:
    """The subject token indices of a verb, looking through control, coordination and relative clauses."""
    dep, head, children, pos = T.dep, T.head, T.children, T.pos
    raised = False   # reached through "is expected to", "is set to": the subject acts in the complement
    own_passive = any(dep[c] == "auxpass" for c in children[verb])
    # "Asked whether ..., Howard said": a bare past participle's borrowed subject undergoes the act
    participle = dep[verb] == "advcl" and (T.tag[verb] == "VBN" or T.tag[verb] == "VBD" and _opens_sentence(T, verb)) and not any(
        dep[c] in ("aux", "auxpass") or dep[c] in SUBJECTS for c in children[verb])
    if reduced_relative(T, verb):   # "sanctions imposed by the US": the noun undergoes the act
        return T.subtree(head[verb], CLAUSES), True
    for _ in range(4):
        subj = [c for c in children[verb] if dep[c] in SUBJECTS] or [
            s for a in children[verb] if dep[a] in ("aux", "auxpass") for s in children[a] if dep[s] in SUBJECTS] or (
            [c for c in children[head[verb]] if dep[c] in SUBJECTS] if dep[verb] == "acomp" else [])
        if subj:   # (the parser sometimes hangs the subject on the auxiliary: "relations were frozen")
            s = subj[0]
            if T.tag[s] in ("WDT", "WP") and dep[verb] == "relcl":
                return [head[verb]] + T.subtree(head[verb], CLAUSES), False
            return T.subtree(s, CLAUSES), PARTICIPLE if participle else (dep[s] == "nsubjpass" or dep[head[s]] == "auxpass") and (
                not raised or own_passive)
        d, h = dep[verb], head[verb]
        if d == "relcl":
            return [h], False
        if d == "xcomp" and T.doc[h].lemma_ in OBJECT_CONTROL:
            obj = [c for c in children[h] if dep[c] in ("dobj", "dative")]
            if obj:
                return T.subtree(obj[0], CLAUSES), False
        if d == "pcomp" and T.lower[h] == "for" and pos[head[h]] == "VERB":
            obj = [c for c in children[head[h]] if dep[c] == "dobj"]
            if obj:   # "condemned B for closing the border", "thanked B for sending aid": B does it
                return T.subtree(obj[0], CLAUSES), False
        if d == "pcomp" and T.lower[h] == "from" and T.doc[head[h]].lemma_ in PREVENT:
            obj = [c for c in children[head[h]] if dep[c] in ("dobj", "dative")]
            if obj:   # "wars prevented A and B from resuming relations"
                return T.subtree(obj[0], CLAUSES), False
        if d in ("xcomp", "conj", "advcl", "acl", "pcomp", "ccomp") and h != verb:
            raised = raised or d == "xcomp"
            verb = h
            if pos[verb] not in VERBAL:
                # "an opportunity to renew ties": the noun's own verb carries the subject
                if head[verb] != verb and pos[head[verb]] in VERBAL:
                    verb = head[verb]
                elif d == "pcomp" and T.lower[verb] == "by" and _governing_verb(T, verb) is not None:
                    # "followed the decision by severing relations": the means is the doer's, wherever it hangs
                    verb = _governing_verb(T, verb)
                else:
                    break
            continue
        break
    if dep[verb] == "ROOT" and T.tag[verb] in ("VBD", "VBZ", "VBP"):
        stray = _stray_subject(T, verb)
        if stray:
            return stray, False
    return [], False


def _opens_sentence(T: Tokens, i: int) -> bool:
    """The token opens its sentence, or follows only "when" or "if" there ("Asked whether ...", "When asked")."""
    doc = T.doc
    start = doc[i].sent.start
    return i == start or (i == start + 1 and T.lower[start] in ("when", "if", "once"))


def reduced_relative(T: Tokens, verb: int) -> bool:
    """A past participle after the noun it tells of, with no subject or auxiliary of its own ("the treaty
    signed by A and B", "troops sent to Mali"): a passive whose subject is that noun."""
    return T.dep[verb] == "acl" and T.tag[verb] == "VBN" and T.head[verb] < verb and T.pos[T.head[verb]] in (
        "NOUN", "PROPN") and not any(T.dep[c] in ("aux", "auxpass") or T.dep[c] in SUBJECTS for c in T.children[verb])


def _stray_subject(T: Tokens, verb: int) -> list:
    """A finite main verb's subject that the parser hung as an apposition inside the fronted phrase before
    it ("In 1991, following the war, former emir of Qatar X welcomed ..."): the apposition that ends
    right before the verb, when the verb has no subject of its own."""
    tok = verb - 1
    if tok < 0 or T.pos[tok] not in ("PROPN", "NOUN"):
        return []
    for _ in range(6):
        h = T.head[tok]
        if h == tok or h == verb:
            return []
        if T.dep[tok] == "appos" and h < tok:
            sub = T.subtree(tok, CLAUSES)
            return sub if max(sub) == verb - 1 else []
        tok = h
    return []


def _governing_verb(T: Tokens, tok: int):
    """The verb a preposition's phrase hangs from through at most two nouns and prepositions, or None."""
    for _ in range(3):
        h = T.head[tok]
        if h == tok or T.dep[tok] not in ("prep", "dobj", "pobj", "nsubjpass"):
            return None
        if T.pos[h] in VERBAL:
            return h
        tok = h
    return None


def asked_of(T: Tokens, clause: int) -> Optional[int]:
    """The subject of a "to" clause a verb takes whole ("wants South Korea to cut"), or None."""
    return _subject_under(T, clause, frozenset({"to"}))


def obliged(T: Tokens, clause: int) -> Optional[int]:
    """The subject of a reported clause of duty ("said Brazil should come up with a plan"), or None; a duty
    denied ("should not open") lays none."""
    return _subject_under(T, clause, OBLIGATION, denied=False)


def _subject_under(T: Tokens, clause: int, auxes: frozenset, denied: bool = True) -> Optional[int]:
    """The clause's subject when one of `auxes` marks it (and, unless `denied`, no negation does)."""
    kids = T.children[clause]
    if not any(T.dep[c] == "aux" and T.lower[c] in auxes for c in kids) or (
            not denied and any(T.dep[c] == "neg" for c in kids)):
        return None
    return next((c for c in kids if T.dep[c] == "nsubj"), None)


_NO_OBJECT = SUBJECTS | {"aux", "auxpass", "neg", "punct", "mark", "cc", "advmod", "agent", "prt"}


_OBJECT_POS = ("NOUN", "PROPN", "ADJ", "NUM")


def objects_of(T: Tokens, verb: int) -> tuple:
    """Object token indices (for actors) and object lemmas (for the lexicon)."""
    dep, pos, lower, lemma, children, head = T.dep, T.pos, T.lower, T.lemma, T.children, T.head
    tokens, lemmas = [], set()
    for child in children[verb]:
        d = dep[child]
        if d in _NO_OBJECT:
            continue
        if d in CLAUSES and pos[child] in VERBAL:
            if d == "xcomp" and any(T.lower[c] == "to" for c in children[child]):
                lemmas.add(INFINITIVE)   # "told Peru to resolve the row": an act asked for
            doer = asked_of(T, child) if d == "ccomp" else None
            if doer is not None:   # "wants South Korea to cut its surplus": the one asked is the object
                lemmas.add(INFINITIVE)
                tokens.extend(T.subtree(doer, CLAUSES))
            if d == "ccomp":
                lemmas.add(CHARGED)
            doer = obliged(T, child) if d == "ccomp" else None
            if doer is not None:
                lemmas.add(OBLIGED)
                tokens.extend(T.subtree(doer, CLAUSES))
            continue
        if d == "prep" and lower[child] in CIRCUMSTANCES:
            continue   # "ended the pact during the Timor crisis": when, not with whom
        if d == "prep" and lower[child] == "as" and child < verb:
            continue   # "As an EU member, Bulgaria supports ...": what the subject is, not whom it acts on
        sub = T.subtree(child, CLAUSES)
        if (d == "prep" and lower[child] == "with" and any(dep[c] == "dobj" for c in children[verb])) or (
                d == "dobj" and any(lower[t] == "with" and dep[t] == "prep" for t in sub)):
            lemmas.add(CHARGED)   # "charged A, B and C with unfair practices": "with" may hang on the last one
        tokens.extend(sub)
        for t in sub:
            if pos[t] in _OBJECT_POS:
                lemmas.update((lemma[t], lower[t]))
    pronoun = any(lower[t] == "it" for t in tokens)
    subjects = list(children[verb]) + [s for a in children[verb] if dep[a] == "auxpass" for s in children[a]] + (
        [c for c in children[head[verb]] if dep[c] in SUBJECTS] if dep[verb] == "acomp" else [])
    for child in subjects:
        if dep[child] in ("nsubjpass",) or (dep[child] == "nsubj" and not any(
                dep[c] in ("dobj",) for c in children[verb])):
            for t in T.subtree(child, CLAUSES):
                if pos[t] in ("NOUN", "PROPN", "ADJ"):
                    lemmas.update((lemma[t], lower[t]))
                pronoun = pronoun or lower[t] == "it"
            if dep[verb] == "relcl" and T.tag[child] in ("WDT", "WP") and pos[head[verb]] == "NOUN":
                lemmas.add(lemma[head[verb]])   # "negotiations that began": the head is the subject
            if dep[verb] == "conj" and lower[child] in ("they", "it") and dep[child] == "nsubjpass":
                lemmas.update(_first_subject(T, head[verb]))   # "relations were frozen and they were restored"
    if (dep[verb] == "relcl" or reduced_relative(T, verb)) and pos[head[verb]] in ("NOUN", "PROPN") and not any(
            dep[c] in ("dobj", "nsubjpass") and T.tag[c] not in ("WDT", "WP") for c in children[verb]):
        # "the agreement the two signed", "a pact that Chile ended", "troops sent by": the head is the object
        lemmas.add(lemma[head[verb]])
    if pronoun:
        lemmas.update(agreement_antecedent(T, verb))
    return tokens, lemmas


def _first_subject(T: Tokens, verb: int) -> set:
    """The noun lemmas of the subject of the clause a coordinated clause's pronoun subject stands for."""
    for c in T.children[verb]:
        if T.dep[c] in ("nsubj", "nsubjpass") and T.pos[c] == "NOUN":
            return {T.lemma[c], T.lower[c]}
    return set()


def agreement_antecedent(T: Tokens, verb: int) -> set:
    """For "it" among a verb's arguments: the agreement named last before the verb, in its own or the
    previous sentence ("The pact entered into force ... after the ministers signed it")."""
    doc = T.doc
    sent = doc[verb].sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in range(verb - 1, start - 1, -1):
        if T.pos[t] in ("NOUN", "PROPN") and T.lemma[t] in AGREEMENTS:
            return {T.lemma[t]}
    return set()


def is_light(T: Tokens, verb: int) -> bool:
    """A verb that only carries a nominal event ("held talks", "staged a rally")."""
    return T.lemma[verb] in LIGHT_VERBS or T.lower[verb] in LIGHT_FORMS


def clause_head(T: Tokens, tok: int) -> int:
    dep, head = T.dep, T.head
    while dep[tok] in ("xcomp", "pcomp", "prep", "pobj", "acl", "conj") and head[tok] != tok:
        tok = head[tok]
    return tok


def against(T: Tokens, modifier: int) -> bool:
    """"anti-French", "anti - government": the modifier names whom the act is against, not who acts."""
    lower = T.lower
    return lower[modifier].startswith("anti") or any(
        lower[t] == "anti" for t in range(max(modifier - 2, 0), modifier)) or any(
        lower[c] == "anti" for c in T.children[modifier])


# --- figures: the tokens of a character range and the clauses above them ----------------------

CLAUSAL = {"relcl", "advcl", "ccomp", "acl", "csubj", "parataxis"}


def token_range(doc: Doc, start: int, end: int) -> Optional[tuple]:
    """(first token, end token, root token) of the characters start..end, widened to whole tokens; the
    root is -1 for an empty range.  None when the characters hold no token."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return None if span is None else (span.start, span.end, span.root.i if len(span) else -1)


def participles_of_figure(T: Tokens, token: int) -> list[int]:
    """The past participles on the noun a figure's token quantifies ("a 300 mln dlr loan [approved by X in
    March]"): the phrase that tells who gave the figure's money and when."""
    noun = token
    while T.dep[noun] in ("nummod", "compound", "amod", "nmod", "quantmod") and T.head[noun] != noun:
        noun = T.head[noun]
    return [c for c in T.children[noun] if T.dep[c] == "acl" and T.tag[c] == "VBN"]


def verb_ancestors(T: Tokens, token: int) -> list[int]:
    """The first three verbs among a token and the heads above it."""
    out = [t for t in [token, *T.ancestors(token)] if T.pos[t] in VERBAL]
    return out[:3]


def clause_of(T: Tokens, verb: int, span: tuple) -> set:
    """Token indexes of the verb's clause, without nested clauses that do not hold the figure (span: the
    figure's tokens as `token_range` gives them)."""
    figure = range(span[0], span[1])
    subtree = T.subtree(verb)
    keep = set(subtree)
    dep = T.dep
    for t in subtree:
        if dep[t] in CLAUSAL and t != verb:
            inner = set(T.subtree(t))
            if not any(i in inner for i in figure):
                keep -= inner
    return keep
