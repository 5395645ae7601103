"""Which tokens trigger which event: trigger verbs and nouns of the lexicon (and of the CAMEO verb
dictionary when asked), the rule their objects meet, and the actors they join.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Span, Token

from ..lexicon import SHIPPED
from ..nlp.gazetteer import Gazetteer
from ..nlp.tokens import Tokens, tokens_of
from .actor_index import ActorIndex
from .cameo import coding
from .flows import flow_roles
from .force import figurative, figurative_noun
from .mood import BEAR_VERBS
from .no_partner import addressed
from .paired import paired_roles
from .parse import (CHARGED, CLAUSES, INFINITIVE, OBLIGED, agreement_antecedent, against, asked_of, is_light,
                    objects_of, obliged, reduced_relative, subject_of, token_subtree)
from .speech import only_speech
from .roles import (MEETINGS, PEOPLE, domestic_roles, mission_roles, more_targets, noun_subject, parties_ok, partial_roles,
                    roles_of, speaks_for_state)
from .triggers import Rule, Triggers
from .verbs import code_verb


FIGURE_NOUNS = SHIPPED.words("events.words.figure_nouns")
NO_ACT_COMPLEMENTS = SHIPPED.words("events.words.no_act_complements")
FRAME_NOUNS = SHIPPED.words("events.words.frame_nouns")
# Prepositions after an event noun that name its other party ("sanctions on Libya", "talks with Chile").
NOUN_OBJECT_PREPS = frozenset({"to", "of", "in", "into", "with", "on", "against", "between", "for"})
# Nominal protests name their target or none: "the 2011 Kenya protests" happened in Kenya, against no
# state the document is about (CAMEO 14x)
TARGET_NAMED_NOUNS = ("14",)


def candidates(T: Tokens, rules: Triggers, vocabulary: frozenset) -> tuple:
    """Indices of the tokens that can trigger an event (verbs and nouns of the lexicon), and of
    "anniversary": read from the token table once, so the rest of the tokens are never visited."""
    triggers, anniversaries = [], []
    lemmas = T.lemma
    for i, pos in enumerate(T.pos):
        if pos == "VERB" or (pos == "ADJ" and lemmas[i] in rules.verbs and _participle(T, i)):
            lemma = lemmas[i]
            if lemma in rules.verbs or lemma in vocabulary:
                triggers.append(i)
        elif pos == "NOUN" or pos == "PROPN" and T.lower[i] in rules.named_nouns:
            lemma = lemmas[i] if pos == "NOUN" else T.lower[i]
            if lemma in rules.nouns:
                triggers.append(i)
            elif lemma == "anniversary":
                anniversaries.append(i)
    return triggers, anniversaries


def event_at(T: Tokens, i: int, sent: Span, index: ActorIndex, local_pair: tuple, main_pair: tuple,
             rules: Triggers, international: bool = True, dictionary: frozenset = frozenset(), agents=None):
    """(cameo, [(source, target)], topic) when token i triggers an event between two actors by the
    lexicon's `rules`; `dictionary` holds the verb lemmas the CAMEO verb dictionary may code when the
    lexicon does not."""
    dep, children, lower = T.dep, T.children, T.lower
    lemma, pos = T.lemma[i], T.pos[i]
    occasion = False   # a noun placed by "in"/"at"/"during" under a verb: the occasion of the clause's act
    if (pos == "VERB" or pos == "ADJ") and (lemma in rules.verbs or lemma in dictionary):
        obj_tokens, obj_lemmas = objects_of(T, i)
        subj_tokens, passive = subject_of(T, i)
        # "relations were frozen", "the proposals are welcome": the subject undergoes what an adjective says,
        # unless an "of" phrase names what the subject's attitude is about ("Iran was critical of Bahrain")
        passive = passive or (pos == "ADJ" and not any(dep[c] == "prep" and lower[c] == "of" for c in children[i]))
        if pos == "ADJ":   # "critical of Bahrain": the preposition says what the adjective is about
            obj_lemmas = obj_lemmas | {lower[c] for c in children[i] if dep[c] == "prep"}
        if any(lower[t] == "it" for t in subj_tokens):   # "it is expected to enter into force"
            obj_lemmas = obj_lemmas | agreement_antecedent(T, i)
        subj_words = frozenset(lower[t] for t in subj_tokens) if not passive else frozenset()
        rule = rules.find(lemma, obj_lemmas, subjects=subj_words) if lemma in rules.verbs else None
        if rule is None and lemma in dictionary:
            doc = T.doc
            rule = _dictionary_rule(doc[i], lemma, [doc[t] for t in obj_tokens], [doc[t] for t in subj_tokens],
                                    rules)
        if rule is None or (rule.cameo.startswith("07") and any(
                dep[c] == "dobj" and T.lemma[c] in FIGURE_NOUNS for c in children[i])):
            return None   # "gave a lower figure of $1 billion": a number reported, nothing given
        if any(dep[c] == "xcomp" and T.lemma[c] in NO_ACT_COMPLEMENTS for c in children[i]) or only_speech(T, i) \
                or (dep[i] == "amod" and T.tag[i] == "VBG"):   # "pressing business": a quality, no act
            return None   # "refused to comment", "asked not to be identified": nothing refused or asked of a party
        instead = figurative(T, i, rule.cameo, subj_tokens, passive, index, rules.sets)
        if instead == "":
            return None   # "fight the ruling", a firm "battling the authorities": no force used
        if instead:
            rule = replace(rule, cameo=instead)   # "attacked the plan": words against it
        if rule.cameo == "130" and lemma in WARNING_VERBS and _warned_of(T, i, subj_tokens, index):
            rule = replace(rule, cameo="111")   # "warned that India's deficit was too large": criticism
        topic = _topic(rule, obj_lemmas)
        agent = [t for c in children[i] if dep[c] == "agent" for t in T.subtree(c, CLAUSES)]
    elif pos == "PROPN" and lower[i] in rules.named_nouns or pos == "NOUN" and lemma in rules.nouns:
        lemma = lower[i] if pos == "PROPN" else lemma   # "the Sino-Indian War": a name's head
        n = _framed(T, i)   # "undertook a mediation mission between A and B": the frame carries the act's roles
        talked = _talked_about(T, n)   # "negotiations on a troop pullback", "discussed the withdrawal"
        modifiers = {T.lemma[c] for c in children[i] + children[n] if dep[c] in ("amod", "compound", "nmod")} - {lemma}
        h = T.head[n]
        if dep[n] in ("dobj", "nsubjpass") and T.pos[h] == "VERB" and T.lemma[h] in rules.verbs and not is_light(T, h):
            carrier = rules.find(T.lemma[h], {lemma, lower[i]})
            if carrier is not None and carrier.objects and {lemma, lower[i]} & carrier.objects:
                return None   # "received aid from Iran": the verb codes the act its object names
        if dep[n] in ("dobj", "nsubjpass") and T.pos[h] == "VERB":
            modifiers.add(T.lemma[h])
        if any(dep[c] == "prep" and lower[c] == "between" for c in children[n]):
            modifiers.add("between")   # "a meeting between A and B": the two it names meet
        at = dep[n] == "pobj" and T.pos[T.head[h]] in ("VERB", "AUX")
        if at:   # "in talks with X, A asked": the preposition places the clause's subject at the occasion
            modifiers.add(lower[h])
        rule = rules.find(lemma, modifiers, noun=True)
        if rule is None or (talked and rule.cameo[:2] not in ("18", "19", "20")):
            return None   # a subject of talks is no act done, unless force, talked over only once used
        if rule.paired:   # "the Iran-Iraq War (1980-1988)": its own phrase names both sides, or it is no one's
            return (rule.cameo, sides, None) if (sides := paired_roles(T, n, index)) else None
        if figurative_noun(T, i, rule.cameo, index, rules.sets):
            return None   # "an attack on the policy": words, not force
        topic = instead = None
        subj_tokens, passive, agent = noun_subject(T, n, index), False, []
        obj_tokens = [t for c in children[n] if dep[c] == "prep" and lower[c] in NOUN_OBJECT_PREPS
                      for t in T.subtree(c, CLAUSES)]
        bearer = undergoes(T, n) if rule.cameo[:2] in UNDERGONE else []
        if bearer:   # "China faces G7 pressure", "Lima came under U.S. pressure": the clause's subject bears it
            if not index.in_tokens(bearer):
                return None   # "domestic demand came under pressure": no party bears it
            subj_tokens, obj_tokens = laid_on_by(T, n), bearer
        obj_tokens += [t for c in children[i] if dep[c] in ("amod", "compound") and against(T, c)
                       for t in T.subtree(c, CLAUSES)]
        if dep[n] in ("dobj",) and is_light(T, h):
            obj_tokens += [t for c in children[h] if dep[c] == "prep" for t in T.subtree(c, CLAUSES)]
        occasion = at and bool(rule.objects) and lower[h] in rule.objects
        if occasion:
            if subj_tokens and all(T.tag[t] == "PRP$" for t in subj_tokens):   # "after his talks with X, Y said"
                subj_tokens = subject_of(T, T.head[h])[0] or subj_tokens
            # an occasion joins the clause's subject and whom it is "with", not where it is or what it is for
            obj_tokens = [t for c in children[n] if dep[c] == "prep" and lower[c] in ("with", "between")
                          for t in T.subtree(c, CLAUSES)]
            if not obj_tokens:   # "she and Ryzhkov set targets during talks": the two the subject joins meet
                subj_tokens, obj_tokens = _each_other(T, subj_tokens, index)
            obj_tokens = obj_tokens or [
                t for c in children[n] if (dep[c] == "prep" and lower[c] in ("about", "on", "over")) or (
                    dep[c] == "acl" and T.tag[c] == "VB") for t in T.subtree(c)]   # "in talks to buy Yukos' assets"
            if not subj_tokens or not obj_tokens:
                return None
    else:
        return None
    if pos == "NOUN" and rule.named:   # goods moved: "a shipment of Venezuelan oil for Ecuador"
        roles = flow_roles(T, i, index, local_pair if len(local_pair) == 2 else main_pair, rule.reverse)
        return (rule.cameo, roles, None) if roles else None
    if pos == "VERB" and rule.cameo[:2] in WORDS_ON_ACTS:
        obj_tokens = _act_owner(T, i, index) or obj_tokens
    roles = mission_roles(T, i, subj_tokens + obj_tokens, index, rules) or roles_of(
        rule.cameo, subj_tokens, passive, agent, obj_tokens, sent, index, local_pair, main_pair, i,
        strict=rule.source == "dictionary" or bool(instead))   # words against a thing: its owner named
    roles = more_targets(roles, obj_tokens + (subj_tokens if passive else []), index)
    if pos == "VERB" and rule.objects and OBLIGED in rule.objects:   # "said Brazil should ...": Brazil is asked
        duties = [(c, d) for c in children[i] if dep[c] == "ccomp" for d in [obliged(T, c)] if d is not None]
        if any(event_at(T, c, sent, index, local_pair, main_pair, rules, international, dictionary, agents)
               for c, _ in duties):
            return None   # "said Seoul must withdraw its troops": the act itself carries the demand
        roles = _targets_in(roles, [t for _, d in duties for t in T.subtree(d, CLAUSES)], index)
    if pos == "VERB" and rule.cameo[:2] == "10" and not passive:
        roles = addressed(T, i, roles, index)
    if pos == "VERB" and rule.objects and INFINITIVE in rule.objects:   # "told Peru to resolve": Peru is asked
        asked = [c for c in children[i] if dep[c] in ("dobj", "dative") + (("nsubjpass",) if passive else ())
                 or (passive and lower[c] == "along")] + [
            a for c in children[i] if dep[c] == "ccomp" for a in [asked_of(T, c)] if a is not None]
        roles = _targets_in(roles, [t for c in asked for t in T.subtree(c, CLAUSES)], index)
    if pos == "VERB" and rule.objects and CHARGED in rule.objects:   # "charged that Korea was dumping": Korea
        roles = _targets_in(roles, [t for c in children[i] if dep[c] == "dobj" for t in T.subtree(c, CLAUSES)] + [
            t for c in children[i] if dep[c] == "ccomp" for s in children[c] if dep[s] in ("nsubj", "nsubjpass")
            for t in T.subtree(s, CLAUSES)], index)
    if pos == "VERB" and reduced_relative(T, i):
        roles = _own_phrase_roles(roles, agent, subj_tokens + obj_tokens, index)
    if pos == "VERB" and lemma in ("help", "assist") and not any(dep[c] in ("dobj", "dative") for c in children[i]):
        # "helped rebuild Chile's roads" helps whom its clause names; "has helped push up prices" helps no one,
        # nor does "help reduce the surplus with the United States" help the party a phrase of its object names
        roles = _targets_in(roles, [t for c in children[i] if dep[c] in ("xcomp", "ccomp", "prep")
                                    for t in _helped(T, c)], index)
    if pos == "VERB" and lemma in ("help", "assist") and subj_tokens and not passive and _thing(T, subj_tokens, index):
        roles = []   # "strong sales outside Europe helped Renault": a thing helps no one as a party would
    if rule.bound:   # "flew in from Helsinki to a meeting": the journey's end is its other party, not where it began
        roles = [(s, t) for s, t in _targets_in(roles, [t for c in children[i] if dep[c] == "prep" and lower[c] in (
            "to", "in", "into", "at") for t in T.subtree(c, CLAUSES)], index) if speaks_for_state(s)] if (
            _goer(T, subj_tokens, index)) else []
    if rule.aimed:   # "fired shells at the Rostam rig east of Bahrain": what is aimed at, by a doer the clause names
        roles = _targets_in(roles, _aimed_at(T, i), index) if subj_tokens and not passive else []
    if rule.named:   # "Taiwan bought U.S. soybeans": the other party stands in the act's own words, not the pair's
        roles = [(s, t) for s, t in _targets_in(roles, _named_in(T, i), index) if speaks_for_state(s)]
    if pos == "NOUN" and rule.own_phrase:
        roles = _own_phrase_pair(roles, T, i, index)
    if pos == "NOUN" and (rule.cameo.startswith(TARGET_NAMED_NOUNS) or occasion):
        roles = _targets_in(roles, obj_tokens + T.subtree(i, CLAUSES), index)
    if occasion:   # "planned a new system after talks with the World Bank and the IMF": those met, not meeting
        met = {m.code for m in index.in_tokens(obj_tokens)} - {m.code for m in index.in_tokens(subj_tokens)}
        roles = [(s, t) for s, t in roles if s.code not in met]
    if rule.reverse:   # "Manila received a loan from Santiago": Santiago gives, Manila receives
        roles = [(t, s) for s, t in roles]
    if international:
        roles = [(s, t) for s, t in roles if s.code != t.code and parties_ok(s, t, rule.cameo)]
        if rule.cameo.startswith("16"):   # only a state cuts ties, halts talks or expels: a firm's pull-out is its own
            roles = [(s, t) for s, t in roles if speaks_for_state(s)]
    else:
        roles = roles or [partial_roles(subj_tokens + agent, obj_tokens, index)]
        roles = [domestic_roles(s, t, subj_tokens + agent, obj_tokens, sent, index, agents) for s, t in roles]
    if not roles:
        return None
    return rule.cameo, roles, topic


TALK_VERBS = SHIPPED.words("events.words.talk_verbs")
# Acts a party can be told to undergo ("faces pressure", "came under criticism"): coercion, criticism, threats,
# sanctions, demands.
UNDERGONE = frozenset({"10", "11", "13", "16", "17"})


def _heads(T: Tokens, phrase: list) -> list:
    """The tokens of a phrase whose head stands outside it (its root, or roots when the parse splits it)."""
    return [t for t in phrase if T.head[t] not in phrase or T.head[t] == t]


def _each_other(T: Tokens, subject: list, index: ActorIndex) -> tuple:
    """(the one, the other) of a subject that joins two parties ("she and the Soviet premier"), else (subject, [])."""
    heads = _heads(T, subject)
    conj = [c for h in heads for c in T.children[h] if T.dep[c] == "conj"]
    if len(conj) != 1 or sum(T.dep[t] == "conj" for t in subject) != 1:
        return subject, []   # "Britain, Canada, France ... agreed at a meeting": who met whom is not told
    others = T.subtree(conj[0], CLAUSES)
    first = [t for t in subject if t not in others and T.dep[t] not in ("cc", "punct")]
    if others and index.in_tokens(first) and index.in_tokens(others):
        return first, others
    return subject, []


def undergoes(T: Tokens, noun: int) -> list:
    """The tokens of who bears an act named as a noun: the subject of "face"/"receive" whose object it is, or of
    the verb it is "under" ("came under pressure from X"); [] for any other place of the noun."""
    h = T.head[noun]
    if T.dep[noun] == "dobj" and T.pos[h] == "VERB" and T.lemma[h] in BEAR_VERBS:
        verb = h
    elif T.dep[noun] == "pobj" and T.lower[h] == "under" and T.pos[T.head[h]] in ("VERB", "AUX"):
        verb = T.head[h]
    else:
        return []
    subj, passive = subject_of(T, verb)
    return [] if passive else subj


def laid_on_by(T: Tokens, noun: int) -> list:
    """Who lays a borne act on its bearer: the noun's own modifier ("U.S. pressure") or its "from" phrase, that
    phrase's head and modifiers only ("from Washington", not a place hung on it: "from policy in Denmark")."""
    dep, children = T.dep, T.children
    doers = [c for c in children[noun] if dep[c] in NAMING_DEPS] + [
        g for c in children[noun] if dep[c] == "prep" and T.lower[c] == "from" for g in children[c] if dep[g] == "pobj"]
    return [t for d in doers for t in [d] + [k for k in children[d] if dep[k] in NAMING_DEPS + ("det",)]]


NAMING_DEPS = ("amod", "compound", "poss", "nmod")


def _helped(T: Tokens, c: int) -> list:
    """Who a clause under "help" can help: a party named by a "to"/"with" phrase or as (the owner of) its
    verb's object ("rebuild Chile's roads", "the Chilean army"), never in a phrase hung on that object."""
    if T.dep[c] == "prep":
        return T.subtree(c)
    out = []
    for o in T.children[c]:
        if T.dep[o] in ("dobj", "dative", "nsubj"):
            out += [o] + [t for k in T.children[o] if T.dep[k] in ("poss", "compound", "amod") for t in T.subtree(k)]
        elif T.dep[o] == "prep" and T.lower[o] in ("to", "with", "for"):
            out += T.subtree(o)
    return out


def _talked_about(T: Tokens, noun: int) -> bool:
    """The noun is what talks are about, not an act done: the object of "discuss" or "negotiate", or of an
    "on", "about" or "over" phrase hung on a noun of talks."""
    h = T.head[noun]
    if any(T.lower[t] == "by" or T.doc[t].ent_type_ == "DATE" for t in T.subtree(noun)):
        return False   # "talks over the killings by colonial troops between 1904 and 1908": a past act, talked over
    if T.dep[noun] == "dobj" and T.lemma[h] in TALK_VERBS:
        return True
    if T.dep[noun] != "pobj" or T.lower[h] not in ("on", "about", "over", "concerning"):
        return False
    g = T.head[h]   # "renewed negotiations today on a pullback": the phrase may hang on the verb of the talks
    return T.lemma[g] in MEETINGS or T.lemma[g] in TALK_VERBS or (T.pos[g] == "VERB" and any(
        T.dep[c] == "dobj" and T.lemma[c] in MEETINGS for c in T.children[g]))


def _thing(T: Tokens, phrase: list, index: ActorIndex) -> bool:
    """A phrase headed by a common noun no party owns or qualifies ("strong sales outside Europe"; not
    "Korean aid", "Chile's loan", "the minister")."""
    head = T.root(phrase)
    own = [head] + [c for c in T.children[head] if T.dep[c] in ("amod", "compound", "poss", "nmod")]
    return T.pos[head] == "NOUN" and not index.in_tokens(own) and head not in index.uncoded \
        and T.lower[head] not in PEOPLE and not Gazetteer.load().agent_sector(T.lower[head])


def _framed(T: Tokens, i: int) -> int:
    """The noun whose phrase carries an act noun's roles: a frame it names ("a mediation mission between A and
    B", "a peace bid by X"), else the noun itself."""
    h = T.head[i]
    if T.dep[i] == "compound" and h != i and T.pos[h] == "NOUN" and T.lemma[h] in FRAME_NOUNS:
        return h
    return i


# Words said of a party's act (praise, criticism, accusation, rejection): they are said to whom the act is owned by.
WORDS_ON_ACTS = frozenset({"05", "11", "12"})


THREAT_CONTENT = SHIPPED.words("events.words.threat_content")
WARNING_VERBS = SHIPPED.words("events.words.warning_verbs")


def _warned_of(T: Tokens, verb: int, warner: list, index: ActorIndex) -> bool:
    """A warning that another party is or does something ("warned that India's deficit was too large", "that
    U.S. tariffs would hurt trade"), with no act of the warner's nor consequence threatened in it."""
    own = {m.code for m in index.in_tokens(warner)}
    for c in T.children[verb]:
        if T.dep[c] != "ccomp" or any(T.lemma[t] in THREAT_CONTENT for t in T.subtree(c)):
            continue
        for s in T.children[c]:
            if T.dep[s] in ("nsubj", "nsubjpass") and T.pos[s] != "PRON":
                codes = {m.code for m in index.in_tokens(T.subtree(s, CLAUSES))}
                if codes and not codes & own:
                    return True
    return False


def _act_owner(T: Tokens, verb: int, index: ActorIndex) -> list:
    """The tokens of whose act a verb's object is ("condemned the Israeli raid on Tunisia": Israel's, not
    Tunisia's), when a party stands before the object's noun; [] otherwise."""
    for c in T.children[verb]:
        if T.dep[c] == "dobj" and T.pos[c] == "NOUN":
            own = _own_words(T, c)
            if index.in_tokens(own):
                return own
    return []


def _own_words(T: Tokens, noun: int) -> list:
    """The tokens of the modifiers before a noun ("the Israeli raid", "Canada's duties", "U.S. tariffs")."""
    return [t for m in T.children[noun] if T.dep[m] in ("poss", "amod", "compound") and m < noun
            for t in T.subtree(m, CLAUSES)]


def _goer(T: Tokens, subject: list, index: ActorIndex) -> bool:
    """Whether a subject that goes somewhere is one who can: a name, a pronoun, a party's own noun ("U.S.
    officials", "the IMF mission"), people; not a thing a national word qualifies ("the first Korean cars")."""
    heads = _heads(T, subject)
    return bool(heads) and all(T.pos[h] in ("PROPN", "PRON") or h in index.by_token or T.lemma[h] in PEOPLE
                               for h in heads)


AIMS = ("at", "on", "upon", "into", "against")
WHEREABOUTS = SHIPPED.words("events.words.whereabouts")


def _aimed_at(T: Tokens, i: int) -> list:
    """The tokens of what force is aimed at: an "at"/"on" phrase of the verb or of the fire it opens, less
    where that stands ("the Rostam rig 120 miles east of Bahrain", "a hulk off its port")."""
    heads = [i] + [c for c in T.children[i] if T.dep[c] == "dobj" and T.lemma[c] == "fire"]
    out = [t for h in heads for c in T.children[h] if T.dep[c] == "prep" and T.lower[c] in AIMS
           for t in T.subtree(c, CLAUSES)]
    away = {t for t in out if T.lower[t] in WHEREABOUTS for t in T.subtree(t)}
    return [t for t in out if t not in away]


def _named_in(T: Tokens, i: int) -> list:
    """Where a `named` verb's other party stands: its object or "from" phrase ("bought U.S. wheat", "imports
    from Chile")."""
    return [t for c in T.children[i] if T.dep[c] in ("dobj", "nsubjpass") or (
        T.dep[c] == "prep" and T.lower[c] == "from") for t in T.subtree(c, CLAUSES)]


def _own_phrase_pair(roles: list, T: Tokens, noun: int, index: ActorIndex) -> list:
    """The roles a noun's own phrase names both sides of: who acts before the noun ("U.S. tariffs", "Canada's
    duties") and on whom after "on"/"against" ("on Korean steel"); with no such phrase ("its own duties", "the
    new tariffs on goods") the passage's pair is left out of it."""
    laid_on = [t for c in T.children[noun] if T.dep[c] == "prep" and T.lower[c] in ("on", "against")
               for t in T.subtree(c, CLAUSES)]
    layers = {m.code for m in index.in_tokens(_own_words(T, noun))}
    return [(s, t) for s, t in _targets_in(roles, laid_on, index) if s.code in layers]


def _targets_in(roles: list, tokens: list, index: ActorIndex) -> list:
    """The roles whose target is named among the tokens (the act's own phrase, not the passage's pair)."""
    named = {m.code for m in index.in_tokens(tokens)}
    return [(s, t) for s, t in roles if t.code in named]


def _own_phrase_roles(roles: list, agent: list, phrase: list, index: ActorIndex) -> list:
    """A reduced relative ("the ban on Libya imposed by the US", "the treaty signed by A and B") names both
    parties itself: the doer in its "by" phrase, the other there too or in the noun's phrase; the
    passage's pair does not stand in for a missing one ("money pledged by the US")."""
    T = index.T

    def named(tokens: list) -> set:   # "the Swiss bank UBS", "English language": a modifier, no party
        return {m.code for m in index.in_tokens(tokens) if not (m.kind == "demonym" and any(
            T.dep[i] in ("amod", "compound") for i in T.covering(m.start, m.end)))}
    doers = named(agent)
    others = named(phrase) | (doers if len(doers) >= 2 else set())
    return [(s, t) for s, t in roles if s.code in doers and t.code in others]


def _dictionary_rule(verb: Token, lemma: str, obj_tokens: list, subj: list, rules: Triggers) -> Optional[Rule]:
    """A rule from the CAMEO verb dictionary for a verb the hand lexicon leaves uncoded: its
    patterns read the verb's objects and particles apart from its prepositional phrases.

    A verb whose object is itself an event noun ("staged demonstrations", "renewed negotiations")
    leaves the coding to the noun when the verb is a light one, and "according to" is no act."""
    if verb.lower_ == "according" or ((is_light(tokens_of(verb.doc), verb.i) or lemma == "renew") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in rules.nouns for c in verb.children)):
        return None
    phrases, inside = [], set()
    for c in verb.children:
        if c.dep_ in ("prep", "agent", "dative") or (c.dep_ == "prt" and any(g.dep_ == "pobj" for g in c.children)):
            words = token_subtree(c, CLAUSES)[1:]
            inside.update(t.i for t in words)
            phrases.append((c.lower_, [t.lower_ for t in sorted(words, key=lambda t: t.i)]))
    for t in sorted(obj_tokens, key=lambda t: t.i):   # "troops to the border": the object's own phrases
        if t.dep_ == "prep" and t.i not in inside:
            words = token_subtree(t, CLAUSES)
            inside.update(w.i for w in words)
            phrases.append((t.lower_, [w.lower_ for w in sorted(words[1:], key=lambda w: w.i)]))
    direct = sorted({t for t in obj_tokens if t.i not in inside} | {c for c in verb.children if c.dep_ == "prt"},
                    key=lambda t: t.i)
    found = code_verb(lemma, [t.lower_ for t in subj], [t.lower_ for t in direct], phrases)
    if found is None or coding(found[0]).event_type is None:   # statements (01x) are no event
        return None
    return Rule(frozenset({lemma}), found[0], source="dictionary")


def _participle(T: Tokens, i: int) -> bool:
    """An adjective that is a verb's participle after "be" ("the relations were frozen")."""
    return any(T.lemma[c] == "be" for c in T.children[i]) or T.lemma[T.head[i]] == "be"


def _topic(rule, obj_lemmas: set) -> Optional[str]:
    """The object word that made the rule fit, singular ("flights" -> "flight")."""
    if rule.objects is None:
        return None
    hits = sorted(rule.objects & obj_lemmas)
    return hits[0].rstrip("s") if hits else None
