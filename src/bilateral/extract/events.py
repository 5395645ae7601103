"""Events from a parsed document: trigger, source and target, CAMEO/PLOVER coding, modality and date.

A pure function of one document's parse, its actor mentions and its time
expressions.  Each event found here carries one mention; merging the same
event across sentences and documents happens in `bilateral.reconcile.merge`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon import SHIPPED
from ..model import Actor, ActorMention, Document, Event, Mention, stable_id
from ..nlp.tokens import Tokens, tokens_of
from ..options import DEFAULT, Options
from .cameo import coding
from .triggers import AGREEMENTS, CROWDS, NOUN_LEMMAS, TRIGGER_LEMMAS, Rule, find_rule
from .verbs import code_verb, lemmas as dictionary_lemmas
from .mood import PREVENT, REPORT, UNREAL, aspect as _aspect, chain as _chain, modality as _modality

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLAUSES = {"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "xcomp", "csubj"}
OBJECT_CONTROL = SHIPPED.words("events.words.object_control")
LIGHT_VERBS = SHIPPED.words("events.words.light_verbs")
# Regular forms of the light verbs, for when the lemmatizer misses ("staged" -> "stag").
LIGHT_FORMS = {f for v in LIGHT_VERBS for f in (v, v + "s", v + "d", v + "ed", v + "ing", v[:-1] + "ing")}
PAIR_NOUNS = SHIPPED.words("events.words.pair_nouns")
CIRCUMSTANCES = SHIPPED.words("events.words.circumstances")
FIGURE_NOUNS = SHIPPED.words("events.words.figure_nouns")
SYMMETRIC = SHIPPED.words("events.words.symmetric_cameo")
PAST_TAGS = {"VBD"}


@dataclass
class _Found:
    """An event candidate before dedup: the event and how central its trigger is."""

    event: Event
    depth: int
    pair: frozenset
    sent_start: int


def extract_events(document: Document, doc: Doc, actors: list, timexes: list, options: Options = DEFAULT,
                   agents=None) -> list:
    """Every event the document reports, one mention each, in text order.

    By default only acts between two different actors, the record's unit, that happened, are
    announced or explicitly did not happen. `options.domestic` also keeps domestic acts and acts
    whose other party the sentence does not name, `options.fine_moods` also conditional and
    hypothetical acts (marked), and `options.verb_dictionary` codes verbs the curated lexicon lacks
    from the CAMEO verb dictionary. `agents` (role noun -> sector) lets the coder give "the rebels"
    the country its sentence names."""
    agents = agents or {}
    vocabulary = dictionary_lemmas() if options.verb_dictionary else frozenset()   # loaded once, when asked
    T = tokens_of(doc)
    index = _ActorIndex(doc, actors, T)
    main_pair = _main_pair(actors)
    paragraphs = [m.end() for m in re.finditer(r"\n\s*\n", document.text)]   # the text the doc was parsed from
    dates = sorted((t for t in timexes if t.date or t.range_start), key=lambda t: t.start)
    starts = [t.start for t in dates]
    published = document.published
    triggers, anniversaries = _candidates(T, vocabulary)
    found: list = []
    context: Optional[tuple] = None   # (date, paragraph, sentence index) of the last explicit date
    recent: list = []                 # codes of the last sentences' actors, newest last
    for s_i, sent in enumerate(doc.sents):
        para = bisect.bisect_right(paragraphs, sent.start_char)
        lo, hi = bisect.bisect_left(starts, sent.start_char), bisect.bisect_left(starts, sent.end_char)
        sent_dates = dates[lo:hi]
        local_pair = _local_pair(index, sent, recent, main_pair)
        for i in triggers[bisect.bisect_left(triggers, sent.start):bisect.bisect_left(triggers, sent.end)]:
            candidate = _event_at(T, i, sent, index, local_pair, main_pair, not options.domestic, vocabulary, agents)
            if candidate is None:
                continue
            cameo, roles, topic = candidate
            tok = doc[i]
            modality = _modality(tok, fine=options.fine_moods)
            if modality is None or (not options.fine_moods and modality in UNREAL):
                continue
            if modality == "required":   # "A said B must withdraw": A demands it of B
                roles = _demanded(T, i, roles, index)
            date, date_end, basis = _date_for(tok, sent, sent_dates, context, para, s_i)
            if modality == "asserted" and date and published and date[:4] > published[:4]:
                modality = "planned"
            for source, target in roles:
                found.append(_make(document, sent, T, i, cameo, source, target, modality,
                                   date, date_end, basis, topic))
        if any(sent.start <= i < sent.end for i in anniversaries):
            found.extend(_anniversaries(document, sent, index, local_pair, sent_dates, published))
        if sent_dates:   # every one of them has a date or a range
            context = ((sent_dates[-1].range_start or sent_dates[-1].date), para, s_i)
        codes = [m.code for m in index.in_span(sent) if m.code]
        if codes:
            recent = (recent + codes)[-12:]
    return _dedupe(found)


def _candidates(T: Tokens, vocabulary: frozenset) -> tuple:
    """Indices of the tokens that can trigger an event (verbs and nouns of the lexicon), and of
    "anniversary": read from the token table once, so the rest of the tokens are never visited."""
    triggers, anniversaries = [], []
    lemmas = T.lemma
    for i, pos in enumerate(T.pos):
        if pos == "VERB":
            lemma = lemmas[i]
            if lemma in TRIGGER_LEMMAS or lemma in vocabulary:
                triggers.append(i)
        elif pos == "NOUN":
            lemma = lemmas[i]
            if lemma in NOUN_LEMMAS:
                triggers.append(i)
            elif lemma == "anniversary":
                anniversaries.append(i)
    return triggers, anniversaries


# --- actors -------------------------------------------------------------------


class _ActorIndex:
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


def _main_pair(actors: list) -> tuple:
    """The two codes a document is mostly about, most frequent first."""
    counts: dict = {}
    for m in actors:
        if m.code:
            counts[m.code] = counts.get(m.code, 0) + 1
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    return tuple(ranked[:2])


def _local_pair(index: _ActorIndex, sent: Span, recent: list, main_pair: tuple) -> tuple:
    """What "both countries" means here: the last two codes named, else the document's pair."""
    codes: list = []
    for code in reversed(recent + [m.code for m in index.in_span(sent)]):
        if code not in codes:
            codes.append(code)
        if len(codes) == 2:
            return tuple(reversed(codes))
    return main_pair


def _subtree(tok: Token, stop: Optional[set] = None) -> list:
    """The token's subtree without nested clauses (their actors belong to their own verbs), as Tokens."""
    doc = tok.doc
    return [doc[i] for i in tokens_of(doc).subtree(tok.i, stop)]


_VERBAL = ("VERB", "AUX")


def _pair_pronoun(T: Tokens, subj: list, trigger: int) -> bool:
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
            return _is_pair_phrase(T, T.subtree(said_by[0], CLAUSES))
    return False


def _is_pair_phrase(T: Tokens, tokens: list) -> bool:
    words = {T.lower[t] for t in tokens}
    return bool(words & {"both", "two"}) and bool(words & PAIR_NOUNS)


def _subject(T: Tokens, verb: int) -> tuple:
    """The subject token indices of a verb, looking through control, coordination and relative clauses."""
    dep, head, children, pos = T.dep, T.head, T.children, T.pos
    raised = False   # reached through "is expected to", "is set to": the subject acts in the complement
    own_passive = any(dep[c] == "auxpass" for c in children[verb])
    for _ in range(4):
        subj = [c for c in children[verb] if dep[c] in SUBJECTS]
        if subj:
            s = subj[0]
            if T.tag[s] in ("WDT", "WP") and dep[verb] == "relcl":
                return [head[verb]] + T.subtree(head[verb], CLAUSES), False
            return T.subtree(s, CLAUSES), dep[s] == "nsubjpass" and (not raised or own_passive)
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
            if pos[verb] not in _VERBAL:
                # "an opportunity to renew ties": the noun's own verb carries the subject
                if head[verb] != verb and pos[head[verb]] in _VERBAL:
                    verb = head[verb]
                else:
                    break
            continue
        break
    return [], False


_NO_OBJECT = SUBJECTS | {"aux", "auxpass", "neg", "punct", "mark", "cc", "advmod", "agent", "prt"}
_OBJECT_POS = ("NOUN", "PROPN", "ADJ", "NUM")


def _objects(T: Tokens, verb: int) -> tuple:
    """Object token indices (for actors) and object lemmas (for the lexicon)."""
    dep, pos, lower, lemma, children, head = T.dep, T.pos, T.lower, T.lemma, T.children, T.head
    tokens, lemmas = [], set()
    for child in children[verb]:
        d = dep[child]
        if d in _NO_OBJECT:
            continue
        if d in CLAUSES and pos[child] in _VERBAL:
            continue
        if d == "prep" and lower[child] in CIRCUMSTANCES:
            continue   # "ended the pact during the Timor crisis": when, not with whom
        sub = T.subtree(child, CLAUSES)
        tokens.extend(sub)
        for t in sub:
            if pos[t] in _OBJECT_POS:
                lemmas.update((lemma[t], lower[t]))
    pronoun = any(lower[t] == "it" for t in tokens)
    for child in children[verb]:
        if dep[child] in ("nsubjpass",) or (dep[child] == "nsubj" and not any(
                dep[c] in ("dobj",) for c in children[verb])):
            for t in T.subtree(child, CLAUSES):
                if pos[t] in ("NOUN", "PROPN", "ADJ"):
                    lemmas.update((lemma[t], lower[t]))
                pronoun = pronoun or lower[t] == "it"
            if dep[verb] == "relcl" and T.tag[child] in ("WDT", "WP") and pos[head[verb]] == "NOUN":
                lemmas.add(lemma[head[verb]])   # "negotiations that began": the head is the subject
    if dep[verb] == "relcl" and pos[head[verb]] in ("NOUN", "PROPN") and not any(
            dep[c] in ("dobj", "nsubjpass") for c in children[verb]):
        lemmas.add(lemma[head[verb]])   # "the agreement the two signed": the head is the object
    if pronoun:
        lemmas.update(_agreement_antecedent(T, verb))
    return tokens, lemmas


def _agreement_antecedent(T: Tokens, verb: int) -> set:
    """For "it" among a verb's arguments: the agreement named last before the verb, in its own or the
    previous sentence ("The pact entered into force ... after the ministers signed it")."""
    doc = T.doc
    sent = doc[verb].sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in range(verb - 1, start - 1, -1):
        if T.pos[t] in ("NOUN", "PROPN") and T.lemma[t] in AGREEMENTS:
            return {T.lemma[t]}
    return set()


def _event_at(T: Tokens, i: int, sent: Span, index: _ActorIndex, local_pair: tuple, main_pair: tuple,
              international: bool = True, dictionary: frozenset = frozenset(), agents=None):
    """(cameo, [(source, target)], topic) when token i triggers an event between two actors;
    `dictionary` holds the verb lemmas the CAMEO verb dictionary may code when the lexicon does not."""
    dep, children, lower = T.dep, T.children, T.lower
    lemma, pos = T.lemma[i], T.pos[i]
    if pos == "VERB" and (lemma in TRIGGER_LEMMAS or lemma in dictionary):
        obj_tokens, obj_lemmas = _objects(T, i)
        subj_tokens, passive = _subject(T, i)
        if any(lower[t] == "it" for t in subj_tokens):   # "it is expected to enter into force"
            obj_lemmas = obj_lemmas | _agreement_antecedent(T, i)
        subj_words = frozenset(lower[t] for t in subj_tokens) if not passive else frozenset()
        rule = find_rule(lemma, obj_lemmas, subjects=subj_words) if lemma in TRIGGER_LEMMAS else None
        if rule is None and lemma in dictionary:
            doc = T.doc
            rule = _dictionary_rule(doc[i], lemma, [doc[t] for t in obj_tokens], [doc[t] for t in subj_tokens])
        if rule is None or (rule.cameo.startswith("07") and any(
                dep[c] == "dobj" and T.lemma[c] in FIGURE_NOUNS for c in children[i])):
            return None   # "gave a lower figure of $1 billion": a number reported, nothing given
        topic = _topic(rule, obj_lemmas)
        agent = [t for c in children[i] if dep[c] == "agent" for t in T.subtree(c, CLAUSES)]
    elif pos == "NOUN" and lemma in NOUN_LEMMAS:
        modifiers = {T.lemma[c] for c in children[i] if dep[c] in ("amod", "compound", "nmod")}
        h = T.head[i]
        if dep[i] in ("dobj", "nsubjpass") and T.pos[h] == "VERB":
            modifiers.add(T.lemma[h])
        rule = find_rule(lemma, modifiers, noun=True)
        if rule is None:
            return None
        topic = None
        subj_tokens, passive, agent = _noun_subject(T, i), False, []
        obj_tokens = [t for c in children[i] if dep[c] == "prep" and lower[c] in ("to", "of", "in", "into")
                      for t in T.subtree(c, CLAUSES)]
        obj_tokens += [t for c in children[i] if dep[c] in ("amod", "compound") and _against(T, c)
                       for t in T.subtree(c, CLAUSES)]
        if dep[i] in ("dobj",) and _light(T, h):
            obj_tokens += [t for c in children[h] if dep[c] == "prep" for t in T.subtree(c, CLAUSES)]
    else:
        return None
    roles = _roles(rule.cameo, subj_tokens, passive, agent, obj_tokens, sent, index, local_pair, main_pair, i)
    roles = _more_targets(roles, obj_tokens, index)
    if international:
        roles = [(s, t) for s, t in roles if s.code != t.code]
    else:
        roles = roles or [_partial_roles(subj_tokens + agent, obj_tokens, index)]
        roles = [_domestic(s, t, subj_tokens + agent, obj_tokens, sent, index, agents) for s, t in roles]
    if not roles:
        return None
    return rule.cameo, roles, topic


def _dictionary_rule(verb: Token, lemma: str, obj_tokens: list, subj: list) -> Optional[Rule]:
    """A rule from the CAMEO verb dictionary for a verb the hand lexicon leaves uncoded: its
    patterns read the verb's objects and particles apart from its prepositional phrases.

    A verb whose object is itself an event noun ("staged demonstrations", "renewed negotiations")
    leaves the coding to the noun when the verb is a light one, and "according to" is no act."""
    if verb.lower_ == "according" or ((_light(tokens_of(verb.doc), verb.i) or lemma == "renew") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in NOUN_LEMMAS for c in verb.children)):
        return None
    phrases, inside = [], set()
    for c in verb.children:
        if c.dep_ in ("prep", "agent", "dative") or (c.dep_ == "prt" and any(g.dep_ == "pobj" for g in c.children)):
            words = _subtree(c, CLAUSES)[1:]
            inside.update(t.i for t in words)
            phrases.append((c.lower_, [t.lower_ for t in sorted(words, key=lambda t: t.i)]))
    for t in sorted(obj_tokens, key=lambda t: t.i):   # "troops to the border": the object's own phrases
        if t.dep_ == "prep" and t.i not in inside:
            words = _subtree(t, CLAUSES)
            inside.update(w.i for w in words)
            phrases.append((t.lower_, [w.lower_ for w in sorted(words[1:], key=lambda w: w.i)]))
    direct = sorted({t for t in obj_tokens if t.i not in inside} | {c for c in verb.children if c.dep_ == "prt"},
                    key=lambda t: t.i)
    found = code_verb(lemma, [t.lower_ for t in subj], [t.lower_ for t in direct], phrases)
    if found is None or coding(found[0]).event_type is None:   # statements (01x) are no event
        return None
    return Rule(frozenset({lemma}), found[0])


UNKNOWN = ActorMention(start=-1, end=-1, text="", code=None, name="", kind="unknown")


def _more_targets(roles: list, objs: list, index: _ActorIndex) -> list:
    """One more pair for each actor conjoined to a target ("visited Mali and Niger")."""
    obj_actors = index.in_tokens(objs)
    out = list(roles)
    dep, head = index.T.dep, index.T.head
    for source, target in roles:
        root = index.roots.get(id(target))
        if root is None:
            continue
        for m in obj_actors:
            tok = index.roots.get(id(m))
            if m.code in (source.code, target.code) or tok is None or any((source, m) == r for r in out):
                continue
            node, hops = tok, 0
            while dep[node] in ("conj", "appos") and head[node] != node and hops < 6:
                node, hops = head[node], hops + 1
                if node == root:
                    out.append((source, m))
                    break
    return out


def _domestic(source, target, subj: list, objs: list, sent: Span, index: _ActorIndex, agents) -> tuple:
    """For coding sentences one by one: a party the sentence leaves uncoded belongs to the one
    country it names, when it is a people or body of a state ("opposition groups", "President X",
    "thousands of students"), or when it is the act's unnamed target ("rioted in Dili")."""
    if source.code and target.code:
        return source, target
    countries = {m.code for m in index.in_span(sent) if m.kind != "igo"}
    if len(countries) != 1:
        return source, target
    country = _code_actor(next(iter(countries)))
    if not source.code and _domestic_party(subj, index, agents):
        source = country
    if not target.code and (source.code is None or not objs or _domestic_party(objs, index, agents)):
        target = country
    return source, target


def _domestic_party(tokens: list, index: _ActorIndex, agents) -> bool:
    """Some token is an uncoded person or body, or a role or crowd noun not owned by a pronoun
    ("its embassy" is the actor's own, no other party)."""
    T = index.T
    return any(t in index.uncoded or (T.pos[t] in ("NOUN", "NUM") and (T.lower[t] in agents or T.lower[t] in CROWDS)
                                      and not any(T.dep[c] == "poss" and T.pos[c] == "PRON" for c in T.children[t]))
               for t in tokens)


def _partial_roles(subj: list, objs: list, index: _ActorIndex) -> tuple:
    """The actors a sentence does name, the rest unknown: for coding sentences one by one."""
    subj_actors, obj_actors = index.in_tokens(subj), index.in_tokens(objs)
    source = subj_actors[0] if subj_actors else UNKNOWN
    target = next((m for m in obj_actors if m is not source), UNKNOWN)
    return source, target


def _topic(rule, obj_lemmas: set) -> Optional[str]:
    """The object word that made the rule fit, singular ("flights" -> "flight")."""
    if rule.objects is None:
        return None
    hits = sorted(rule.objects & obj_lemmas)
    return hits[0].rstrip("s") if hits else None


def _light(T: Tokens, verb: int) -> bool:
    """A verb that only carries a nominal event ("held talks", "staged a rally")."""
    return T.lemma[verb] in LIGHT_VERBS or T.lower[verb] in LIGHT_FORMS


def _noun_subject(T: Tokens, noun: int) -> list:
    """Who does a nominal event: a possessor, an "of" phrase, or the subject of "make a visit"."""
    dep, lower, children = T.dep, T.lower, T.children
    poss = [t for c in children[noun] if dep[c] == "poss" for t in T.subtree(c, CLAUSES)]
    if poss:
        return poss
    by = [t for c in children[noun] if dep[c] == "prep" and lower[c] == "by" for t in T.subtree(c, CLAUSES)[1:]]
    if by:   # "the killings of civilians by the army": the "by" phrase acts, the "of" phrase suffers
        return by
    h = T.head[noun]
    if dep[noun] == "dobj" and T.pos[h] == "VERB":
        if not _light(T, h):
            return []   # "kept the negotiations alive", "delayed the signing": the noun is no act here
        subj, _ = _subject(T, h)
        if subj:
            return subj
    of = [t for c in children[noun] if dep[c] == "prep" and lower[c] == "of" for t in T.subtree(c, CLAUSES)]
    amod = [c for c in children[noun] if dep[c] in ("amod", "compound") and not _against(T, c)]
    return of + amod


def _against(T: Tokens, modifier: int) -> bool:
    """"anti-French", "anti - government": the modifier names whom the act is against, not who acts."""
    lower = T.lower
    return lower[modifier].startswith("anti") or any(
        lower[t] == "anti" for t in range(max(modifier - 2, 0), modifier)) or any(
        lower[c] == "anti" for c in T.children[modifier])


def _core(T: Tokens, actors: list, subj: list) -> tuple:
    """Split subject actors into agents (the phrase itself and its conjuncts) and modifiers
    ("the Embassy of X in Y": X is no agent; "Thai government under pro-Y leadership": Y is none)."""
    inside = set(subj)
    idx, head, dep = T.idx, T.head, T.dep
    core, rest = [], []
    for m in actors:
        node = next(t for t in subj if idx[t] >= m.start) if m.start >= 0 else None
        through_prep = False
        while node is not None and head[node] in inside and head[node] != node:
            if dep[node] in ("prep", "pobj", "acl", "relcl"):
                through_prep = True
            node = head[node]
        (rest if through_prep else core).append(m)
    return core, rest


def _distinct(actors: list) -> list:
    out, seen = [], set()
    for m in actors:
        if m.code not in seen:
            seen.add(m.code)
            out.append(m)
    return out


def _roles(cameo, subj, passive, agent, objs, sent, index, local_pair, main_pair, trigger) -> list:
    """(source, target) pairs from the trigger's arguments (token indices), then from the sentence and context."""
    T = index.T
    subj_actors = index.in_tokens(subj) or _antecedent(subj, sent, index)
    agent_actors = index.in_tokens(agent)
    obj_actors = _prefer_named(m for m in index.in_tokens(objs) if not _named_part(m, index))
    if passive:
        sources = agent_actors[:1]
        rest = subj_actors + obj_actors
    else:
        core, modifiers = _core(T, subj_actors, subj) if subj_actors and subj_actors[0].start >= 0 else (
            subj_actors, [])
        sources = _distinct(core) or _distinct(modifiers)[:1]
        modifiers = [m for m in modifiers if m not in sources]
        rest = obj_actors + modifiers
        if len(sources) >= 2:
            targets = [m for m in rest if m.code not in {s.code for s in sources}]
            if targets:
                return [(s, targets[0]) for s in sources]
            return [(sources[0], sources[1])]
    source = sources[0] if sources else None
    if source is None and _is_pair_phrase(T, subj) and len(local_pair) == 2:
        return [_pair_actors(local_pair)]
    target = next((m for m in rest if source is None or m.code != source.code), None)
    if source is None and target is not None:
        rest2 = [m for m in rest if m.code != target.code]
        if rest2 and cameo in SYMMETRIC:
            return [(target, rest2[0])]
        others = [m for m in index.in_span(sent) if m.code != target.code]
        if others and passive:
            return [(others[0], target)]
        return []
    if source is not None and target is None:
        if _is_pair_phrase(T, objs) and len(local_pair) == 2:
            other = [c for c in local_pair if c != source.code]
            return [(source, _code_actor(other[0]))] if other else []
        # An actor elsewhere in the clause ("... sanctions on Pretoria") before falling back to context.
        others = [m for m in index.in_tokens(T.subtree(_clause_head(T, trigger)))
                  if m.code != source.code and not _named_part(m, index)]
        if others:
            return [(source, others[0])]
        if source.code in main_pair and len(main_pair) == 2:
            other = [c for c in main_pair if c != source.code][0]
            return [(source, _code_actor(other))]
        return []
    if source is None and target is None and cameo in SYMMETRIC and (
            _is_pair_phrase(T, subj + objs) or _pair_pronoun(T, subj, trigger)):
        return [_pair_actors(local_pair)] if len(local_pair) == 2 else []
    if source is None and target is None and cameo in SYMMETRIC and T.dep[trigger] in ("relcl", "acl"):
        # "signed a pact, ending negotiations that began in 2010": the talks of the sentence's own pair
        codes = {m.code for m in index.in_span(sent) if m.kind != "igo"}
        if len(codes) == 2 and set(local_pair) == codes:
            return [_pair_actors(local_pair)]
    if source is None and target is None and cameo in SYMMETRIC and len(main_pair) == 2 and passive:
        return [_pair_actors(main_pair)]
    return [(source, target)] if source is not None and target is not None else []


def _prefer_named(actors) -> list:
    """In "the French protectorate of Tunisia" the place named outranks the nationality word before it."""
    actors = list(actors)
    if len(actors) > 1 and actors[0].kind == "demonym" and any(
            m.kind in ("country", "capital") for m in actors[1:]):
        return [m for m in actors if m.kind != "demonym"] + [m for m in actors if m.kind == "demonym"]
    return actors


def _named_part(m: ActorMention, index: _ActorIndex) -> bool:
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

PRONOUNS = SHIPPED.words("events.words.pronouns")


def _antecedent(subj: list, sent: Span, index: _ActorIndex) -> list:
    """A pronoun subject ("Germany has said it will ...") read as the nearest earlier subject actor."""
    T = index.T
    pron = [t for t in subj if T.lower[t] in PRONOUNS and T.pos[t] == "PRON"]
    if not pron or len(subj) > 2:
        return []
    before = [t for t in range(sent.start, sent.end) if t < pron[0] and t in index.by_token]
    subjects = [t for t in before if any(T.dep[a] in SUBJECTS for a in ([t] + T.ancestors(t))[:3])]
    for t in reversed(subjects or before):
        return [index.by_token[t]]
    return []


def _clause_head(T: Tokens, tok: int) -> int:
    dep, head = T.dep, T.head
    while dep[tok] in ("xcomp", "pcomp", "prep", "pobj", "acl", "conj") and head[tok] != tok:
        tok = head[tok]
    return tok


def _code_actor(code: str) -> ActorMention:
    return ActorMention(start=-1, end=-1, text="", code=code, name=code, kind="context")


def _pair_actors(pair: tuple) -> tuple:
    return _code_actor(pair[0]), _code_actor(pair[1])


DEMANDING = REPORT | SHIPPED.words("events.words.demanding")


def _demanded(T: Tokens, tok: int, roles: list, index: _ActorIndex) -> list:
    """The party that says an act must happen asks it of the party that must act."""
    node = tok
    for _ in range(6):
        if T.head[node] == node:
            return roles
        node = T.head[node]
        if T.pos[node] == "VERB" and T.lemma[node] in DEMANDING:
            break
    else:
        return roles
    subj, _ = _subject(T, node)
    speakers = index.in_tokens(subj)
    if not speakers:
        return [(UNKNOWN, s) for s, _ in roles[:1]]
    return [(speakers[0], s if s.code != speakers[0].code else t) for s, t in roles[:1]]


# --- dates --------------------------------------------------------------------------


def _date_for(tok: Token, sent: Span, sent_dates: list, context, para: int, s_i: int) -> tuple:
    """(date, date_end, basis): the governing time expression, else a date carried from context."""
    doc = tok.doc
    T = tokens_of(doc)
    i = tok.i
    if T.pos[i] == "NOUN" and T.dep[i] in ("nsubj", "nsubjpass", "dobj") and T.pos[T.head[i]] == "VERB":
        i = T.head[i]   # "Negotiations over the 1904 killings began last year": the verb's date
        tok = doc[i]
    links = _chain(tok)
    chain = {t.i for t in links}
    ancestors = set(T.ancestors(i))
    best, best_score = None, None
    for t in sent_dates:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        score = _ownership(T, span.root.i, chain, ancestors)
        if score is None:
            continue
        distance = abs(span.start - i)
        key = (score, distance)
        if best_score is None or key < best_score:
            best, best_score = t, key
    if best is not None:
        basis = "relative" if best.relative else "explicit"
        if best.range_start:
            end = best.range_end if best.signal in ("between", "from") else None
            return best.range_start, end, basis
        return best.date, None, basis
    if context is not None and not sent_dates and T.tag[i] in PAST_TAGS | {"VBN"} and not _present(T, links):
        date, c_para, c_s = context
        if para - c_para <= 1 and s_i - c_s <= 3:
            return date, None, "inferred"
    return None, None, "unknown"


def _ownership(T: Tokens, node: int, chain: set, ancestors: set) -> Optional[int]:
    """How closely a time expression belongs to the trigger: 0 it modifies the trigger's clause
    directly ("began late last year"), 1 it sits inside one of its noun phrases ("negotiations over
    the 1904 killings"), 2 a governing clause's, 3 the sentence's; None when another event's
    trigger claims it first."""
    pos, head = T.pos, T.head
    through_noun = False
    for _ in range(14):
        if node in chain:
            return 1 if through_noun else 0
        if pos[node] == "VERB" and T.lemma[node] in TRIGGER_LEMMAS:
            if node in ancestors or _same_time_clause(T, node, chain):
                return 2
            return None
        if head[node] == node:
            return 3
        node = head[node]
        if pos[node] in ("NOUN", "PROPN") and node not in chain:
            through_noun = True
    return 3


def _same_time_clause(T: Tokens, verb: int, chain: set) -> bool:
    """"agreed ..., after their ministers met early this week": a when/after clause of the trigger shares its time."""
    head = T.head[verb]
    attached = head in chain or (T.dep[head] == "xcomp" and T.head[head] in chain)
    return T.dep[verb] == "advcl" and attached and any(
        T.dep[c] == "mark" and T.lower[c] in ("after", "when", "as", "while", "once") for c in T.children[verb])


def _present(T: Tokens, links: list) -> bool:
    """Present or present perfect (the trigger's clause chain `links` has such an auxiliary): the
    sentence speaks of now, so no date carries over."""
    for t in links:
        for c in T.children[t.i]:
            if T.dep[c] in ("aux", "auxpass") and T.lower[c] in ("has", "have", "is", "are", "am", "'s", "'ve"):
                return True
    return False


# --- nominal anniversaries ---------------------------------------------------------------

_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)
_ORDINAL_WORDS = {"tenth": 10, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40,
                  "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "hundredth": 100}


def _anniversaries(document, sent, index, local_pair, sent_dates, published) -> list:
    """"The 65th anniversary of diplomatic relations" in a text of 2018: relations established in 1953."""
    out = []
    for tok in sent:
        if tok.lemma_.lower() != "anniversary":
            continue
        n = None
        for c in tok.children:
            m = _ORDINAL.match(c.text)
            if m:
                n = int(m.group(1))
            elif c.lower_ in _ORDINAL_WORDS:
                n = _ORDINAL_WORDS[c.lower_]
        of = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
        if n is None or not {t.lemma_.lower() for t in of} & {"relation", "tie", "relationship"}:
            continue
        year = next((t.date[:4] for t in sent_dates if t.date), None)
        basis = "inferred"
        if year is None and published and re.search(r"\b(this year|marks?|celebrat\w+|commemorat\w+)\b",
                                                    sent.text, re.I):
            year = published[:4]
        if year is None:
            continue
        actors = index.in_tokens(t.i for t in of)
        codes = []
        for m in actors:
            if m.code not in codes:
                codes.append(m.code)
        pair = tuple(codes[:2]) if len(codes) >= 2 else local_pair
        if len(pair) != 2:
            continue
        src, tgt = (actors[0], next(m for m in actors if m.code == pair[1])) if len(codes) >= 2 \
            else _pair_actors(pair)
        out.append(_make(document, sent, index.T, tok.i, "054", src, tgt, "asserted", f"{int(year) - n:04d}", None,
                         basis, "relation"))
    return out


# --- building and dedup --------------------------------------------------------------------


def _actor(m: ActorMention) -> Actor:
    return Actor(code=m.code, name=m.name or m.text or m.code or "(unnamed)", sector=m.sector)


def _make(document, sent, T: Tokens, i: int, cameo, source, target, modality, date, date_end, basis,
          topic=None) -> _Found:
    """The event triggered by token i, with its one mention and how deep the trigger sits."""
    c = coding(cameo)
    src, tgt = _actor(source), _actor(target)
    when = f" ({date}{'–' + date_end if date_end else ''})" if date else ""
    mood = {"asserted": "", "planned": "planned: ", "intended": "intended: ", "negated": "not: ",
            "conditional": "if: ", "hypothetical": "maybe: ", "required": "must: ", "refused": "will not: "}[modality]
    summary = f"{mood}{c.name} — {src.name} → {tgt.name}{when}: “{_clause_text(T, i, document.text)}”"
    sentence = document.text[sent.start_char:sent.end_char]   # what sent.text joins from its tokens
    mention = Mention(doc_id=document.doc_id, sentence=sentence.strip(), char_start=sent.start_char,
                      char_end=sent.end_char)
    event = Event(
        event_id=stable_id("ev", document.doc_id, T.idx[i], src.code, tgt.code, cameo),
        source=src, target=tgt, event_type=c.event_type, modality=modality, date=date, date_end=date_end,
        date_basis=basis if date else "unknown", mode=c.mode, context=[c.context] if c.context else [],
        cameo=cameo, quad=c.quad, goldstein=c.goldstein, summary=summary, mentions=[mention],
        trigger=T.lemma[i], topic=topic, aspect=_aspect(T.doc[i]),
    )
    depth, node, head = 0, i, T.head
    while head[node] != node and depth < 20:
        node, depth = head[node], depth + 1
    return _Found(event, depth, frozenset((src.code, tgt.code)), sent.start_char)


def _clause_text(T: Tokens, i: int, text: str, limit: int = 110) -> str:
    """The trigger's own clause (subject, verb, objects), without subordinate clauses, for summaries.

    `text` is the text the document was parsed from: each token with its trailing space is the slice up
    to the next token, so runs of adjacent tokens are cut from it in one piece."""
    subj, _ = _subject(T, i) if T.pos[i] == "VERB" else ([], False)
    tokens = sorted(set(T.subtree(i, CLAUSES | {"advcl"})).union(subj))
    doc = T.doc
    while tokens and doc[tokens[-1]].is_punct:
        tokens.pop()
    idx, n = T.idx, T.n
    pieces, k = [], 0
    while k < len(tokens):
        first = tokens[k]
        while k + 1 < len(tokens) and tokens[k + 1] == tokens[k] + 1:
            k += 1
        last = tokens[k]
        pieces.append(text[idx[first]:idx[last + 1]] if last + 1 < n else text[idx[first]:])
        k += 1
    out = "".join(pieces).strip().rstrip(",;:")
    return out if len(out) <= limit else out[:limit].rsplit(" ", 1)[0] + "…"


def _dedupe(found: list) -> list:
    """One event per sentence, actor pair, date and type, the trigger nearest the sentence root first;
    a further one only when both name different topics ("established relations ... and opened an
    embassy" are two acts, "held negotiations" and its "negotiations" one)."""
    groups: dict = {}
    for f in found:
        groups.setdefault((f.sent_start, f.pair, f.event.date, f.event.event_type), []).append(f)
    kept = []
    for group in groups.values():
        group.sort(key=lambda f: f.depth)
        chosen = [group[0]]
        for f in group[1:]:
            if f.event.topic and all(c.event.topic and c.event.topic != f.event.topic for c in chosen):
                chosen.append(f)
        kept.extend(chosen)
    return [f.event for f in sorted(kept, key=lambda f: (f.sent_start, f.event.event_id))]
