"""Who acts on whom: an event's source and target from its trigger's arguments, the sentence and
the passage ("the two sides" is the pair the passage is about)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

from ..lexicon import SHIPPED
from ..model import ActorMention
from ..nlp.actors import LOCATIVE
from ..nlp.tokens import Tokens
from .actor_index import ActorIndex
from .cameo import SYMMETRIC, VISITS
from .mood import CANCEL
from .no_partner import (BODIES, MANY_STATES, PAIR_NOUNS, addressee_unnamed, among_themselves, bare_noun,
                         counted, firm_subject)
from .parse import CLAUSES, PARTICIPLE, against, clause_head, is_light, subject_of
from .speakers import UNKNOWN, antecedent
from .joined import more_targets, with_phrase
from .standing import body_venue, circumstance, listed, located, only_venue, placed, told_of
from .triggers import CROWDS

PATIENT_NOUNS = SHIPPED.words("events.words.patient_nouns")
FORCE_NOUNS = SHIPPED.words("events.words.force_nouns")
TALKED_OVER = SHIPPED.words("events.words.talk_verbs") - {"negotiate"}   # "will be discussed": by someone unsaid


def pair_pronoun(T: Tokens, subj: list, trigger: int) -> bool:
    """"They" or "we" whose verb is reported by a pair: "the two ministers said they would meet"."""
    if len(subj) != 1 or T.lower[subj[0]] not in ("they", "we"):
        return False
    node = trigger
    for _ in range(4):
        if T.head[node] == node:
            return False
        node = T.head[node]
        said_by = [c for c in T.children[node] if T.dep[c] == "nsubj"]
        if said_by:
            return is_pair_phrase(T, T.subtree(said_by[0], CLAUSES))
    return False


def is_pair_phrase(T: Tokens, tokens: list) -> bool:
    """"the two sides", "both governments", "officials from the two countries"; not who is only placed in the
    pair ("retail stores in these two countries", "banks across both countries")."""
    words = {T.lower[t] for t in tokens}
    if not (words & {"both", "two"}) or not (words & PAIR_NOUNS):
        return False
    return not all(T.dep[T.head[t]] == "prep" and T.lower[T.head[t]] in PLACED_IN
                   for t in tokens if T.lower[t] in PAIR_NOUNS)


PLACED_IN = frozenset({"in", "across", "within", "throughout", "at"})


def domestic_roles(source, target, subj: list, objs: list, sent: Span, index: ActorIndex, agents) -> tuple:
    """For coding sentences one by one: a party the sentence leaves uncoded belongs to the one
    country it names, when it is a people or body of a state ("opposition groups", "President X",
    "thousands of students"), or when it is the act's unnamed target ("rioted in Dili")."""
    if source.code and target.code:
        return source, target
    countries = {m.code for m in index.in_span(sent) if m.kind != "igo"}
    if len(countries) != 1:
        return source, target
    country = code_actor(next(iter(countries)))
    if not source.code and _domestic_party(subj, index, agents):
        source = country
    if not target.code and (source.code is None or not objs or _domestic_party(objs, index, agents)):
        target = country
    return source, target


def _domestic_party(tokens: list, index: ActorIndex, agents) -> bool:
    """Some token is an uncoded person or body, or a role or crowd noun not owned by a pronoun
    ("its embassy" is the actor's own, no other party)."""
    T = index.T
    return any(t in index.uncoded or (T.pos[t] in ("NOUN", "NUM") and (T.lower[t] in agents or T.lower[t] in CROWDS)
                                      and not any(T.dep[c] == "poss" and T.pos[c] == "PRON" for c in T.children[t]))
               for t in tokens)


def partial_roles(subj: list, objs: list, index: ActorIndex) -> tuple:
    """The actors a sentence does name, the rest unknown: for coding sentences one by one."""
    subj_actors, obj_actors = index.in_tokens(subj), index.in_tokens(objs)
    source = subj_actors[0] if subj_actors else UNKNOWN
    target = next((m for m in obj_actors if m is not source), UNKNOWN)
    return source, target


MEETINGS = SHIPPED.words("events.words.meetings")
OCCASIONS = ("in", "at", "into", "after", "following")   # what puts the clause's subject at a meeting


def noun_subject(T: Tokens, noun: int, index: Optional[ActorIndex] = None) -> list:
    """Who does a nominal event: a possessor, an "of" phrase, or the subject of "make a visit"."""
    dep, lower, children = T.dep, T.lower, T.children
    poss = [t for c in children[noun] if dep[c] == "poss" for t in T.subtree(c, CLAUSES)]
    if poss:
        return poss
    by = [t for c in children[noun] if dep[c] in ("prep", "agent") and lower[c] in ("by", "from")
          for t in T.subtree(c, CLAUSES)[1:]]
    if by:   # "the killings of civilians by the army", "a loan from Chile": that phrase acts
        return by
    h = T.head[noun]
    if dep[noun] == "dobj" and T.pos[h] == "VERB" and not any(dep[c] == "auxpass" for c in children[h]):
        stray = [t for c in children[h] if dep[c] == "agent" for t in T.subtree(c, CLAUSES)[1:]]
        if stray:   # "follows a visit by X": a "by" phrase of an active verb is its object's doer
            return stray
    if dep[noun] == "dobj" and T.pos[h] == "VERB":   # "Baker cancelled a trip": the one who would have gone
        if not is_light(T, h) and T.lemma[h] not in CANCEL:
            if T.lemma[noun] not in FORCE_NOUNS:
                return []   # "kept the negotiations alive", "delayed the signing": the noun is no act here
        else:
            subj, _ = subject_of(T, h)
            if subj:
                return subj
    of = [t for c in children[noun] if dep[c] == "prep" and lower[c] == "of" for t in T.subtree(c, CLAUSES)]
    if index is not None and T.lemma[noun] in PATIENT_NOUNS and index.in_tokens(of):
        of = []   # "a boycott of South Africa": the state boycotted, not the one boycotting
    amod = [c for c in children[noun] if dep[c] in ("amod", "compound") and not against(T, c)]
    at = dep[noun] == "pobj" and T.pos[T.head[h]] in ("VERB", "AUX")   # "in talks with X, A asked"
    met = at and lower[h] in OCCASIONS and T.lemma[noun] in MEETINGS
    if of or (amod and not (met and index is not None and not index.in_tokens(amod))):
        return of + amod   # "a closed-door meeting" in a clause: the clause's subject still meets
    if met or (at and lower[h] in ("during", "on")):
        subj, passive = subject_of(T, T.head[h])   # "discussed it during a trip to Moscow": the one who went
        return [] if passive else subj
    return []


def _core(T: Tokens, actors: list, subj: list) -> tuple:
    """Split subject actors into agents (the phrase itself and its conjuncts) and modifiers
    ("the Embassy of X in Y": X is no agent; "Thai government under pro-Y leadership": Y is none)."""
    inside = set(subj)
    idx, head, dep = T.idx, T.head, T.dep
    core, members, rest = [], [], []
    for m in actors:
        node = next(t for t in subj if idx[t] >= m.start) if m.start >= 0 else None
        through_prep = member = False
        while node is not None and head[node] in inside and head[node] != node:
            if dep[node] in ("prep", "pobj", "acl", "relcl"):
                through_prep = True
                # "allies of X, such as A", "countries including A": A is one of the subject, X is not
                member = member or (dep[node] == "prep" and T.lower[node] in MEMBER_PREPS)
            node = head[node]
        if not listed(T, m):
            (core if not through_prep else members if member else rest).append(m)
    return core, members + rest


MEMBER_PREPS = frozenset({"as", "including", "like"})


# CAMEO roots of coercion and violence: their target is named with them, or is people or land of the
# place the text is about ("killed tens of thousands of Herero", "occupied the territory"), never a
# thing ("seized a stash of weapons").
NAMED_TARGET = frozenset({"17", "18", "19", "20"})
# Roots of acts two parties named together do with each other: agreeing, meeting, cooperating, fighting.
MUTUAL = frozenset({"03", "04", "06", "18", "19", "20"})
PEOPLE = SHIPPED.words("units.nouns.people") | CROWDS


def mission_roles(T: Tokens, trigger: int, args: list, index: ActorIndex, rules) -> list:
    """An embassy or consulate opened or closed is its owner's act in the place where it stands: "the
    Embassy of Albania was opened in Santiago", "Chile's consulate in Valparaiso closed" (owner, host)."""
    missions = rules.sets.get("missions", frozenset())
    for noun in args:
        if T.pos[noun] not in ("NOUN", "PROPN") or T.lemma[noun] not in missions or not (
                T.head[noun] == trigger or T.dep[noun] == "pobj" and T.head[T.head[noun]] == trigger):
            continue   # the act's own argument, not a mission named deeper ("retaliated by releasing a statement:
            # 'the official of Bahrain's embassy in Tehran ...'")
        owner = host = None
        for c in T.children[noun]:
            if T.dep[c] in ("poss", "amod", "compound", "nmod"):
                owner = owner or _actor_in(index, T.subtree(c))
            elif T.dep[c] == "prep" and T.lower[c] == "of":
                owner = owner or _actor_in(index, T.subtree(c)[1:])
            elif T.dep[c] == "prep" and T.lower[c] in LOCATIVE:
                host = host or _actor_in(index, T.subtree(c)[1:])
        if host is None:
            for c in T.children[trigger]:
                if T.dep[c] == "prep" and T.lower[c] in LOCATIVE:
                    host = host or _actor_in(index, T.subtree(c)[1:])
        if owner is not None and host is not None and owner.code != host.code:
            return [(owner, host)]
    return []


def host_of(T: Tokens, trigger: int, index: ActorIndex) -> list:
    """Who asked them, when an invitation names no one: the owner of the meeting it is to ("were invited to
    take part in the G7 meeting"); else nobody."""
    if T.lemma[trigger] != "invite":
        return []
    for t in T.subtree(trigger):
        if T.lemma[t] in MEETINGS | {"session", "summit", "conference"}:
            owner = [c for c in T.children[t] if T.dep[c] in ("compound", "poss", "nmod", "amod")]
            found = _actor_in(index, [k for c in owner for k in T.subtree(c)])
            if found is not None:
                return [found]
    return []


def _actor_in(index: ActorIndex, tokens: list):
    found = index.in_tokens(tokens)
    return found[0] if found else None


def _heads_phrase(index: ActorIndex, m: ActorMention, tokens: list) -> bool:
    """Whether a mention is the head of its argument phrase (or a conjunct, apposition or prepositional
    object of it), rather than a modifier of another noun in it ("Chile" in "Chile's demand")."""
    root = index.roots.get(id(m))
    if root is None:
        return m.start < 0   # a party from context
    T = index.T
    inside = set(tokens)
    node = root
    while T.head[node] in inside and T.head[node] != node:
        if T.dep[node] not in ("conj", "appos", "pobj") and not (T.dep[node] == "prep" and node != root):
            return False
        node = T.head[node]
    return True


def _distinct(actors: list) -> list:
    out, seen = [], set()
    for m in actors:
        if m.code not in seen:
            seen.add(m.code)
            out.append(m)
    return out


def roles_of(cameo, subj, passive, agent, objs, sent, index, local_pair, main_pair, trigger, strict=False) -> list:
    """(source, target) pairs from the trigger's arguments (token indices), then from the sentence and context;
    `strict` (a code the lexicon did not vouch for) takes both from the trigger's own clause."""
    T = index.T
    if not passive and firm_subject(T, subj, index):
        return []
    subj_actors = [m for m in index.in_tokens(subj) if not _names_a_thing(m, index) and not placed(index, m)] \
        or antecedent(subj, sent, index)
    agent_actors = index.in_tokens(agent)
    obj_actors = _prefer_named(m for m in index.in_tokens(objs) if not _named_part(m, index)
                               and not _names_a_thing(m, index) and not listed(T, m) and not placed(index, m))
    # "In London on Thursday, India's minister lashed out at the policies of the G7": where is the last resort
    obj_actors.sort(key=lambda m: m.kind in ("capital", "place") and located(index, m))
    if strict:   # the actors must be the arguments themselves, not what modifies them ("China's attempts hit")
        subj_actors = [m for m in subj_actors if _heads_phrase(index, m, subj)]
        agent_actors = [m for m in agent_actors if _heads_phrase(index, m, agent)]
        obj_actors = [m for m in obj_actors if _heads_phrase(index, m, objs)]
    if not passive and len(local_pair) == 2 and is_pair_phrase(T, subj) and len(_distinct(subj_actors)) < 2 \
            and (cameo in SYMMETRIC or cameo[:2] in MUTUAL):   # "the two ministers met in Lima": the pair met
        return _both_ways(T, cameo, objs, pair_actors(local_pair))
    if passive:
        rest = subj_actors + obj_actors
        # "occupied by both Nazi Germany and the Soviet Union": each doer the "by" phrase joins acts
        by = [t for h in agent if T.dep[h] == "pobj" and T.head[h] in agent for t in T.subtree(h, CLAUSES)]
        doers = _distinct(_core(T, agent_actors, by)[0]) if agent_actors and by else []
        sources = doers if len(doers) >= 2 else agent_actors[:1] or host_of(T, trigger, index)
    else:
        core, modifiers = _core(T, subj_actors, subj) if subj_actors and subj_actors[0].start >= 0 else (
            subj_actors, [])
        sources = _distinct(core) or _distinct(modifiers)[:1]
        modifiers = [m for m in modifiers if m not in sources]
        rest = obj_actors + modifiers
    if len(sources) >= 2:   # "Estonia and Mexico established relations in New York": the pair acts
        targets = [m for m in rest if m.code not in {s.code for s in sources} and not located(index, m)]
        if targets:
            return [(s, targets[0]) for s in sources]
        # "A and B clashed" fight each other; "A and B denied it" act on no one between them
        if not passive and (cameo in SYMMETRIC or cameo[:2] in MUTUAL or _reciprocal(T, objs)):
            return _both_ways(T, cameo, objs, (sources[0], sources[1]))
        if not passive:
            return []
    source = sources[0] if sources else None
    if source is None and is_pair_phrase(T, subj) and len(local_pair) == 2:
        return _both_ways(T, cameo, objs, pair_actors(local_pair))
    target = next((m for m in rest if source is None or (
        m.code != source.code and not body_venue(index, m, source, cameo))), None)
    if source is None and target is not None:
        if passive == PARTICIPLE or (with_phrase(index, target) is not None and target.code not in main_pair):
            return []   # "Asked whether ..., Howard said": the one who asked is not told; "agreements were
            # reached with Chile and Venezuela": with whom is said, by whom not (unless in a text on the pair)
        if passive and target.kind in ("capital", "place") and located(index, target):
            return []   # "the measures had been discussed in Paris": where, and by whom unsaid
        rest2 = [m for m in rest if m.code != target.code]
        if rest2 and cameo in SYMMETRIC and not any(T.dep[c] == "xcomp" for c in T.children[trigger]):
            return [(target, rest2[0])]   # "talks between A and B were held"; not "A and B were invited to attend"
        others = [m for m in index.in_span(sent) if m.code != target.code and not told_of(T, m, trigger)
                  and (not passive or m not in subj_actors)]
        if T.lemma[trigger] == "invite":   # "China, India ... were invited": none invited another
            return []   # who invited them is the meeting's owner (host_of), or unsaid
        if others and passive:
            return [(others[0], target)]
        if passive and not strict and len(main_pair) == 2 and target.code in main_pair and target.sector != "BUS" \
                and cameo[:2] not in ("11", "12", "13") \
                and not any(T.dep[c] == "xcomp" for c in T.children[trigger]):   # "was forced to": by circumstance
            # "U.S. tuna boats were seized": in a text about a pair, by the other of the pair (a firm's loss, by
            # anyone: "its stake would be reduced"; words against it, by anyone: "X has been accused of")
            return [(code_actor(next(c for c in main_pair if c != target.code)), target)]
        return []
    if source is not None and target is None:
        if any(m.code == source.code and (m.sector == "BUS" or m.kind == "org") for m in obj_actors):
            return []   # "Moscow forced the sale of Yukos' assets": an act on its own firm, no one else's
        if cameo[:2] == "04" and among_themselves(T, trigger, subj) and not is_pair_phrase(T, subj):
            return []   # "U.S. officials had been meeting on a response": a meeting of one side
        if is_pair_phrase(T, objs) and len(local_pair) == 2:
            other = [c for c in local_pair if c != source.code]
            return [(source, code_actor(other[0]))] if other else []
        # An actor elsewhere in the clause ("... sanctions on Pretoria") before falling back to context.
        head = clause_head(T, trigger)
        others = [m for m in index.in_tokens(T.subtree(head))
                  if m.code != source.code and not _named_part(m, index) and not circumstance(T, m, head)
                  and not listed(T, m) and not body_venue(index, m, source, cameo) and not placed(index, m)]
        if others:   # with its conjuncts: "threatened to break off relations with Congo and Costa Rica"
            return more_targets([(source, others[0])], T.subtree(head), index)
        # a firm's words or deeds name their own counterpart; only its talks need one, the pair's other side
        # a visit or trip keeps the partner its document gives it
        in_passing = cameo[:2] in ("04", "10") and cameo not in VISITS and bare_noun(T, trigger)
        if any(T.lemma[t] in MANY_STATES and T.tag[t] == "NNS" for t in objs):
            return []   # "pressed many countries to tighten their belts": no one state of the pair
        if any(T.lemma[t] in BODIES and T.dep[t] in ("dobj", "nsubjpass") for t in objs):
            return []   # "Davis accused the government of": a body no one named, most likely the speaker's own
        if cameo[:2] == "10" and addressee_unnamed(T, trigger):
            return []   # "called on the food industry to cut adverts": asked of someone, not the pair's other side
        if source.code in main_pair and len(main_pair) == 2 and not strict and not in_passing and (
                speaks_for_state(source) or cameo[:2] == "04") and (
                cameo[:2] not in NAMED_TARGET or any(T.lower[t] in PEOPLE or T.lemma[t] in TERRITORY for t in objs)):
            other = [c for c in main_pair if c != source.code][0]   # unless named only as where a body acts
            return [] if only_venue(index, sent, other, source, cameo) else [(source, code_actor(other))]
        return []
    if source is None and target is None and cameo in SYMMETRIC and (
            is_pair_phrase(T, subj + objs) or pair_pronoun(T, subj, trigger)):
        return [pair_actors(local_pair)] if len(local_pair) == 2 else []
    if source is None and target is None and cameo in SYMMETRIC and T.dep[trigger] in ("relcl", "acl"):
        # "signed a pact, ending negotiations that began in 2010": the talks of the sentence's own pair
        codes = {m.code for m in index.in_span(sent) if m.kind != "igo"}
        if len(codes) == 2 and set(local_pair) == codes:
            return [pair_actors(local_pair)]
    if source is None and target is None and cameo in SYMMETRIC and len(main_pair) == 2 and passive and not strict \
            and T.lemma[trigger] not in TALKED_OVER and not counted(T, subj):
        # "ties were established in 1953": the pair's act; "the issue will be discussed at a council meeting":
        # who discusses it is not said
        return [pair_actors(main_pair)]
    return [(source, target)] if source is not None and target is not None else []


# Sectors of the state: an event of the record has at least one party that speaks or acts for a state
# or an international body (companies, parties and crowds act for themselves).
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "IGO", "ELI"})


def speaks_for_state(m: ActorMention) -> bool:
    """A country or its territory, a capital as its government, an international body, an official, an
    institution of the state, or a people named by its nationality ("the Chileans")."""
    if m.sector is not None:
        return m.sector in STATE_SECTORS
    return m.kind in ("country", "igo", "context", "demonym", "capital", "place")


def parties_ok(source: ActorMention, target: ActorMention, cameo: str = "") -> bool:
    """Two parties the record can hold an event between: at least one of them speaks for a state (a
    company buying a company abroad, or a firm's customers, make no event between states); firms of
    two states in talks are their economies consulting ("ONGC is in talks to buy Yukos' assets")."""
    if "BUS" in (source.sector, target.sector) and "place" in (source.kind, target.kind):
        return False   # "signed an accord with Manufacturers Hanover Trust of New York": a firm's act, a city
    return speaks_for_state(source) or speaks_for_state(target) or (
        cameo[:2] == "04" and source.sector == target.sector == "BUS")


def _prefer_named(actors) -> list:
    """In "the French protectorate of Tunisia" the place named outranks the nationality word before it."""
    actors = list(actors)
    if len(actors) > 1 and actors[0].kind == "demonym" and any(
            m.kind in ("country", "capital") for m in actors[1:]):
        return [m for m in actors if m.kind != "demonym"] + [m for m in actors if m.kind == "demonym"]
    return actors


def _named_part(m: ActorMention, index: ActorIndex) -> bool:
    """A place named as part of a thing ("the provinces of Transylvania") is that thing, not a party."""
    if m.start < 0 or m.kind not in ("place", "country", "capital"):
        return False
    tok = index.roots.get(id(m))   # the root of the mention's span, as the index found it
    if tok is None:
        return False
    T = index.T
    dep, head = T.dep, T.head
    while dep[tok] in ("conj", "appos") and head[tok] != tok:
        tok = head[tok]
    if T.lower[head[tok]] != "of" or T.pos[head[head[tok]]] != "NOUN":
        return False
    return m.kind == "place" or T.lemma[head[head[tok]]] in TERRITORY


TERRITORY = SHIPPED.words("events.words.territory")


def _names_a_thing(m: ActorMention, index: ActorIndex) -> bool:
    """A city naming a thing ("the recent Paris meeting", "the Osaka exchange") is no party to it: a capital
    or place the actor reader left without a sector, standing as a modifier of a noun."""
    if m.kind not in ("capital", "place") or m.sector is not None or m.start < 0:
        return False
    tok = index.roots.get(id(m))
    T = index.T
    return tok is not None and T.pos[tok] == "PROPN" and T.dep[tok] in ("compound", "nmod") \
        and T.pos[T.head[tok]] == "NOUN"


def code_actor(code: str) -> ActorMention:
    return ActorMention(start=-1, end=-1, text="", code=code, name=code, kind="context")


def _both_ways(T: Tokens, cameo: str, objs: list, pair: tuple) -> list:
    """A pair acting on "each other" or "one another" ("expelled each other's envoys") acts both ways:
    two events, unless the act is one both sides share anyway (talks, agreements)."""
    if _reciprocal(T, objs) and cameo not in SYMMETRIC:
        return [pair, (pair[1], pair[0])]
    return [pair]


def _reciprocal(T: Tokens, objs: list) -> bool:
    """The objects say "each other" or "one another"."""
    words = [T.lower[t] for t in sorted(objs)]
    return any(a == "each" and b == "other" or a == "one" and b == "another" for a, b in zip(words, words[1:]))


def pair_actors(pair: tuple) -> tuple:
    return code_actor(pair[0]), code_actor(pair[1])
