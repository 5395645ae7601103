"""Mood and aspect of an act from the dependency parse: whether the text reports it as done,
planned, intended, negated, conditional, hypothetical, demanded or refused, and whether as going on.

Read off the chain of verbs the trigger depends on in its own clause, so a subordinate clause
keeps its own mood ("after the flights were launched")."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..lexicon import SHIPPED

PREVENT = SHIPPED.words("moods.words.prevent")
POSSIBILITY = SHIPPED.words("moods.words.possibility")
OBLIGATION = SHIPPED.words("moods.words.obligation")
HYPOTHETICAL = SHIPPED.words("moods.words.hypothetical")
INTEND = SHIPPED.words("moods.words.intend")
REQUESTING = SHIPPED.words("moods.words.request")
PLAN = SHIPPED.words("moods.words.plan")
REFUSE = SHIPPED.words("moods.words.refuse")
CANCEL = SHIPPED.words("moods.words.cancel")
READY = SHIPPED.words("moods.words.ready")
SCHEDULED = SHIPPED.words("moods.words.scheduled")
PREPARING = SHIPPED.words("moods.words.preparing")
DOUBTED = SHIPPED.words("moods.words.doubted")
DELIBERATE = SHIPPED.words("moods.words.deliberate")
REQUEST_NOUNS = SHIPPED.words("moods.words.request_nouns")
UNREAL = {"conditional", "hypothetical"}   # moods the record leaves out: it keeps what happened or is announced
REPORT = SHIPPED.words("moods.words.report")

# Verbs that tell a noun's act happening ("the visit will take place", "talks will resume"), whose mood is the
# act's; other verbs tell what the act did ("the delay will cost them dear": the delay has happened).
OCCURRING = frozenset({"take", "begin", "start", "resume", "leave", "arrive", "happen", "occur", "proceed", "go",
                       "commence", "hold", "open", "sail"})
# Verbs that only carry a nominal event ("held talks", "made a visit").
LIGHT_VERBS = SHIPPED.words("events.words.light_verbs")
CHAIN_DEPS = ("xcomp", "ccomp", "pcomp", "prep", "pobj", "acl", "conj")


# Verbs whose subject bears the act their object names ("faces pressure", "received a request").
BEAR_VERBS = frozenset({"face", "receive", "suffer", "endure", "encounter", "resist", "withstand"})


def chain(tok: Token) -> list:
    """The trigger and the verbs it depends on in its own clause chain (for negation, mood and dates).

    Adverbial and relative clauses stop the climb: "after the flights were launched" keeps its own mood."""
    out = [tok]
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.pos_ in (
            "VERB", "AUX"):
        tok = tok.head.head   # "did not come under pressure": the verb of its being borne
        out.append(tok)
    elif tok.pos_ == "NOUN" and tok.head != tok and (
            (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in OCCURRING)
            or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS | BEAR_VERBS | CANCEL)):
        tok = tok.head   # "the shipment will leave for Quito", "will make a visit": the verb of its happening
        out.append(tok)
    while (tok.dep_ in CHAIN_DEPS or complement(tok)) and tok.head != tok and len(out) < 8:
        if tok.dep_ == "conj" and _finite(tok):
            break   # "did not suspend its aid and said it will send ...": the second verb has its own mood
        tok = tok.head
        out.append(tok)
    return out


def complement(tok: Token) -> bool:
    """A "to" infinitive the parser hangs as an adverbial clause under a verb of intending or
    planning is that verb's complement ("have sworn to fight")."""
    return tok.dep_ == "advcl" and tok.head.lemma_.lower() in INTEND | PLAN and to_infinitive(tok)


def to_infinitive(verb: Token) -> bool:
    """Whether a verb stands in a "to" infinitive."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _means_of_hypothetical(top: Token) -> bool:
    """"By investing in reforms, we can unlock ...": a means or purpose clause of a modal verb reports nothing."""
    if top.dep_ not in ("advcl", "pcomp", "pobj", "prep") or top.tag_ not in ("VBG", "VB"):
        return False
    head = top.head
    while head.dep_ in ("prep", "pcomp", "pobj") and head.head != head:
        head = head.head
    return any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in head.children)


def _finite(verb: Token) -> bool:
    """A verb with its own tense or auxiliary heads its own clause."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to"
                                                      for c in verb.children)   # "or to retaliate": an infinitive


def modality(tok: Token, fine: bool = False) -> Optional[str]:
    """asserted / planned / intended / negated, conditional ("if", "unless") or hypothetical (modal
    verbs, mere possibilities), or None for acts named only as a means of something hypothetical.

    `fine` (the sentence coder) also tells "required" ("B must withdraw": somebody demands it)
    from other modals, and "refused" ("will not accept") from acts that did not happen."""
    links = chain(tok)
    verbs = [t for t in links if t.pos_ in ("VERB", "AUX", "NOUN")]
    auxes = [c.lower_ for t in verbs for c in t.children if c.dep_ in ("aux", "auxpass")
             if not (c.lower_ == "would" and t.lemma_.lower() in ("like", "prefer"))]   # "would like": a wish now
    lemmas = {t.lemma_.lower() for t in verbs[1:]}
    if any(t.lower_ == "for" and t.head.lemma_ == "look" for t in links):
        lemmas.add("seek")   # "is looking for purchases": sought
    marks = {c.lower_ for t in verbs for c in t.children if c.dep_ == "mark"}
    negated = any(c.dep_ == "neg" for t in verbs for c in t.children) or any(
        c.lower_ in ("nor", "neither", "never") for t in verbs for c in t.children) or any(
        c.lower_ == "no" and c.dep_ == "det" for t in verbs[1:] if t.pos_ == "NOUN" for c in t.children) or (
        tok.pos_ == "VERB" and any(o.dep_ == "dobj" and any(d.lower_ == "no" and d.dep_ == "det" for d in o.children)
                                   for o in tok.children))
    # "there is no question of Brazil agreeing": the act is denied; "will impose no restrictions": not done
    if fine and negated and any(a in ("will", "wo", "would", "shall") for a in auxes):
        return "refused"   # "will not accept refugees if war starts": a refusal, whatever its condition
    if fine and negated and (any(a in ("can", "ca") for a in auxes) or "could" in auxes and lemmas & REPORT):
        return "refused"   # "cannot support the plan", "said it could not support": a stance, not a failure
    if _refused(links) and not negated:   # "declined to discuss": a refusal; the record keeps the refusing
        return "refused" if fine else "negated"
    if "if" in marks or "unless" in marks or any(_conditional(t) for t in verbs):
        return "conditional"
    if _only_possible(links):
        return "hypothetical"
    if fine and not negated and any(a in OBLIGATION for a in auxes):
        return "required"
    if any(a in HYPOTHETICAL for a in _own_auxes(verbs)):
        return "hypothetical"
    if _means_of_hypothetical(links[-1]):
        return None
    if fine and negated and (any(a in ("will", "wo", "would", "shall") for a in auxes) or lemmas & INTEND):
        return "refused"
    if negated or _prevented(lemmas, links) or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in CANCEL):
        return "negated"   # "cancelled a trip to Australia": the trip did not happen
    if lemmas & INTEND or any(t.lemma_.lower() in READY for t in links[1:] if t.pos_ == "ADJ"):
        return "intended"
    if any(t.lemma_.lower() in SCHEDULED for t in links[1:] if t.pos_ == "ADJ") or (
            tok.pos_ == "NOUN" and any(t.lower_ in PREPARING for t in links[1:3])):   # "groundwork for talks"
        return "planned"
    future = any(a in ("will", "shall", "'ll", "would") for a in auxes) or (fine and _be_to(links))
    if future and lemmas & REPORT:
        return "intended"
    if future or lemmas & PLAN and tok.tag_ in ("VB",):
        return "planned"
    if "would" in auxes:
        return "hypothetical"
    return "asserted"


def _only_possible(links: list) -> bool:
    """The act is a possibility, a proposal or under consideration, not done: "the right to ask", "is unlikely
    to sign", "is considering how to retaliate" (not "considering Korea has a debt": a bare participle gives a
    reason), "the pressure on Reagan to retaliate", "suggestions that it let the IMF play a role" (not "the
    proposal, backed by Britain": that happened), "other options would be to retaliate"."""
    for k, t in enumerate(links[1:], 1):
        lemma = t.lemma_.lower()
        if (t.pos_ == "NOUN" and lemma in POSSIBILITY or t.pos_ == "ADJ" and lemma in DOUBTED
                or t.pos_ == "VERB" and lemma in DELIBERATE and _finite(t)):
            return True
        if k <= 2 and t.pos_ == "NOUN" and lemma in REQUEST_NOUNS and links[k - 1].dep_ == "acl" \
                and links[k - 1].tag_ not in ("VBN", "VBG"):
            return True
        if lemma == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in POSSIBILITY for c in t.children):
            return True
    return False


ARRANGED = frozenset({"hold", "have", "make", "sign", "conduct", "begin", "open", "start", "resume", "pay"})


def _be_to(links: list) -> bool:
    """"The vice minister is to hold two days of meetings": "be" with a to-infinitive tells what is arranged to happen."""
    return any(k and t.lemma_.lower() == "be" and t.dep_ == "ROOT" and links[k - 1].dep_ == "xcomp"
               and (k == 1 or links[k - 1].lemma_.lower() in ARRANGED)   # not "are to look at the loan it made"
               and not any(c.dep_ in ("attr", "prep", "acomp") for c in t.children)   # "was among the first to"
               and any(c.lower_ == "to" and c.dep_ == "aux" for c in links[k - 1].children)
               for k, t in enumerate(links))


def _refused(links: list) -> bool:
    """A verb of refusing takes the act (or the verb that carries its noun) as its infinitive: "declined to
    discuss", "refused to hold talks"; not an act in what it declines to be drawn on. "Ruled out" refuses
    what it governs ("ruled out using its powers to retaliate")."""
    return any(t.lemma_.lower() in REFUSE and links[k - 1].dep_ == "xcomp" and k <= 2
               for k, t in enumerate(links) if k) or any(
        t.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children)
        for t in links[1:4] + ([links[-1].head] if links[-1].tag_ == "VBG" and links[-1].dep_ == "advcl" else []))


def _own_auxes(verbs: list) -> list:
    """Auxiliaries of the act's own clause, below the verb of saying that reports it: "said Britain could
    revoke licences" is a possibility, "may have said that B signed" reports a signing."""
    out = []
    for k, t in enumerate(verbs):
        if k and t.lemma_.lower() in REPORT:
            break
        out += [c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")]
    return out


def _prevented(lemmas: set, chain: list) -> bool:
    """A verb of preventing governs the act: "barred B from joining"; "keep" only with "from"
    ("kept B from resuming", never "will keep funding")."""
    found = lemmas & PREVENT
    return bool(found - {"keep"}) or (bool(found) and any(t.lower_ == "from" for t in chain))


def _conditional(verb: Token) -> bool:
    """The verb governs an "if" or "unless" clause of its own ("will withdraw unless X agrees")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in verb.children)


def requested(tok: Token) -> bool:
    """The act is one a party asks another to do ("will ask OPEC to allow it to pump more", "urged B to
    withdraw", "called on Iran to release the hostages"): the asking is coded, the act asked for has not
    happened."""
    head = tok.head   # whom: "urged B to", "called on B to"
    asked = [c for c in head.children if c.dep_ in ("dobj", "dative")] + [
        p for c in head.children if c.dep_ in ("prep", "prt") and c.lower_ == "on" for p in c.children
        if p.dep_ == "pobj"]
    # "ordered its troops to attack": a party's own people carry out its act
    own = any(g.dep_ == "poss" and g.pos_ == "PRON" for c in asked for g in c.children)
    return tok.dep_ == "xcomp" and head.lemma_.lower() in REQUESTING and bool(asked) and not own


CONTINUE = SHIPPED.words("moods.words.continue")


def aspect(tok: Token) -> Optional[str]:
    """"ongoing" when the act is told as going on: "continues to support", "will keep funding",
    "is still providing"."""
    for node in chain(tok)[1:3]:
        if node.lemma_.lower() in CONTINUE and node.pos_ in ("VERB", "AUX"):
            return "ongoing"
    if any(c.dep_ == "advmod" and c.lower_ in ("still", "continually", "continuously") for c in tok.children):
        return "ongoing"
    return None
