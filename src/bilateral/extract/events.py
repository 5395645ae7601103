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

from spacy.attrs import LEMMA, POS
from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc, Span, Token

from ..model import Actor, ActorMention, Document, Event, Mention, stable_id
from .cameo import coding
from .triggers import AGREEMENTS, CROWDS, NOUN_LEMMAS, TRIGGER_LEMMAS, Rule, find_rule
from .verbs import code_verb, lemmas as dictionary_lemmas
from .mood import PREVENT, REPORT, UNREAL, aspect as _aspect, chain as _chain, modality as _modality

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLAUSES = {"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "xcomp", "csubj"}
# Verbs whose object is the subject of their complement ("compelled the French to relinquish").
OBJECT_CONTROL = {"compel", "force", "urge", "ask", "allow", "permit", "press", "persuade", "invite", "help",
                  "encourage", "require", "call", "let", "enable", "pressure"}
# Verbs that only carry a nominal event ("made a visit", "held negotiations", "began talks").
LIGHT_VERBS = {"make", "pay", "hold", "conduct", "begin", "start", "open", "launch", "resume", "undertake",
               "complete", "conclude", "host", "have", "stage", "organize", "organise", "mount", "continue",
               "call", "lodge", "file"}
# Regular forms of the light verbs, for when the lemmatizer misses ("staged" -> "stag").
LIGHT_FORMS = {f for v in LIGHT_VERBS for f in (v, v + "s", v + "d", v + "ed", v + "ing", v[:-1] + "ing")}
PAIR_NOUNS = {"country", "countries", "nation", "nations", "side", "sides", "government", "governments",
              "minister", "ministers", "president", "presidents", "premier", "premiers", "delegation",
              "delegations", "envoy", "envoys", "head", "heads",
              "state", "states", "party", "parties", "leader", "leaders", "neighbour", "neighbours",
              "neighbor", "neighbors", "partner", "partners", "capital", "capitals"}
CIRCUMSTANCES = {"during", "after", "before", "since", "until", "amid", "amidst", "following", "despite",
                 "throughout"}
SYMMETRIC = {"054", "057", "161", "040", "046", "060", "061", "030"}
PAST_TAGS = {"VBD"}


@dataclass
class _Found:
    """An event candidate before dedup: the event and how central its trigger is."""

    event: Event
    depth: int
    pair: frozenset
    sent_start: int


def extract_events(document: Document, doc: Doc, actors: list, timexes: list, international: bool = True,
                   dictionary: bool = False, agents=None) -> list:
    """Every event the document reports, one mention each, in text order.

    `international` keeps only acts between two different actors, the record's unit; the sentence coder
    turns it off to also code domestic acts and acts whose other party the sentence does not name.
    `dictionary` also codes verbs the curated lexicon lacks from the CAMEO verb dictionary: wider
    coverage for coding sentences one by one, at a cost in precision on whole articles.  `agents`
    (role noun -> sector) lets the coder give "the rebels" the country its sentence names."""
    agents = agents or {}
    vocabulary = dictionary_lemmas() if dictionary else frozenset()   # loaded once, by the coder only
    index = _ActorIndex(doc, actors)
    main_pair = _main_pair(actors)
    paragraphs = [m.end() for m in re.finditer(r"\n\s*\n", doc.text)]
    dates = sorted((t for t in timexes if t.date or t.range_start), key=lambda t: t.start)
    starts = [t.start for t in dates]
    published = document.published
    triggers, anniversaries = _candidates(doc, vocabulary)
    found: list = []
    context: Optional[tuple] = None   # (date, paragraph, sentence index) of the last explicit date
    recent: list = []                 # codes of the last sentences' actors, newest last
    for s_i, sent in enumerate(doc.sents):
        para = bisect.bisect_right(paragraphs, sent.start_char)
        lo, hi = bisect.bisect_left(starts, sent.start_char), bisect.bisect_left(starts, sent.end_char)
        sent_dates = dates[lo:hi]
        local_pair = _local_pair(index, sent, recent, main_pair)
        for i in triggers[bisect.bisect_left(triggers, sent.start):bisect.bisect_left(triggers, sent.end)]:
            tok = doc[i]
            candidate = _event_at(tok, sent, index, local_pair, main_pair, international, vocabulary, agents)
            if candidate is None:
                continue
            cameo, roles, topic = candidate
            modality = _modality(tok, fine=not international)
            if modality is None or (international and modality in UNREAL):
                continue
            if modality == "required":   # "A said B must withdraw": A demands it of B
                roles = _demanded(tok, roles, index)
            date, date_end, basis = _date_for(tok, sent, sent_dates, context, para, s_i)
            if modality == "asserted" and date and published and date[:4] > published[:4]:
                modality = "planned"
            for source, target in roles:
                found.append(_make(document, sent, tok, tok, cameo, source, target, modality,
                                   date, date_end, basis, topic))
        if any(sent.start <= i < sent.end for i in anniversaries):
            found.extend(_anniversaries(document, sent, index, local_pair, sent_dates, published))
        dated = [t for t in sent_dates if t.date or t.range_start]
        if dated:
            context = ((dated[-1].range_start or dated[-1].date), para, s_i)
        codes = [m.code for m in index.in_span(sent) if m.code]
        if codes:
            recent = (recent + codes)[-12:]
    return _dedupe(found)


_LOWER: dict = {}   # lemma hash -> lower-case lemma, shared by every document of the process


def _candidates(doc: Doc, vocabulary: frozenset) -> tuple:
    """Indices of the tokens that can trigger an event (verbs and nouns of the lexicon), and of
    "anniversary": read from the token arrays once, so the rest of the tokens are never visited."""
    arr = doc.to_array([POS, LEMMA])
    strings = doc.vocab.strings
    triggers, anniversaries = [], []
    for i, (pos, lemma_hash) in enumerate(arr.tolist()):
        if pos != VERB and pos != NOUN:
            continue
        lemma = _LOWER.get(lemma_hash)
        if lemma is None:
            lemma = _LOWER[lemma_hash] = strings[lemma_hash].lower()
        if pos == VERB and (lemma in TRIGGER_LEMMAS or lemma in vocabulary):
            triggers.append(i)
        elif pos == NOUN:
            if lemma in NOUN_LEMMAS:
                triggers.append(i)
            elif lemma == "anniversary":
                anniversaries.append(i)
    return triggers, anniversaries


# --- actors -------------------------------------------------------------------


class _ActorIndex:
    """Actor mentions looked up by token."""

    def __init__(self, doc: Doc, actors: Iterable[ActorMention]):
        self.by_token: dict = {}
        self.roots: dict = {}        # id(mention) -> the root token of its span
        self.uncoded: set = set()    # tokens of people and bodies the gazetteer knows but cannot code
        for m in actors:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            if not m.code:
                if m.sector:
                    self.uncoded.update(t.i for t in span)
                continue
            self.roots[id(m)] = span.root
            for t in span:
                self.by_token.setdefault(t.i, m)

    def in_tokens(self, tokens: Iterable[Token]) -> list:
        out, seen = [], set()
        for t in sorted(tokens, key=lambda t: t.i):
            m = self.by_token.get(t.i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out

    def in_span(self, span: Span) -> list:
        out, seen = [], set()
        for i in range(span.start, span.end):
            m = self.by_token.get(i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
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
    """The token's subtree without nested clauses (their actors belong to their own verbs)."""
    out = [tok]
    for child in tok.children:
        if stop and child.dep_ in stop and child.pos_ in ("VERB", "AUX"):
            continue
        out.extend(_subtree(child, stop))
    return out


def _pair_pronoun(subj: list, trigger: Token) -> bool:
    """"They" or "we" whose verb is reported by a pair: "the two ministers said they would meet"."""
    if len(subj) != 1 or subj[0].lower_ not in ("they", "we"):
        return False
    node = trigger
    for _ in range(4):
        if node.head == node:
            return False
        node = node.head
        said_by = [c for c in node.children if c.dep_ == "nsubj"]
        if said_by:
            return _is_pair_phrase(_subtree(said_by[0], CLAUSES))
    return False


def _is_pair_phrase(tokens: list) -> bool:
    words = {t.lower_ for t in tokens}
    return bool(words & {"both", "two"}) and bool(words & PAIR_NOUNS)


def _subject(verb: Token) -> tuple:
    """The subject tokens of a verb, looking through control, coordination and relative clauses."""
    raised = False   # reached through "is expected to", "is set to": the subject acts in the complement
    own_passive = any(c.dep_ == "auxpass" for c in verb.children)
    for _ in range(4):
        subj = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subj:
            s = subj[0]
            if s.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return [verb.head] + _subtree(verb.head, CLAUSES), False
            return _subtree(s, CLAUSES), s.dep_ == "nsubjpass" and (not raised or own_passive)
        if verb.dep_ == "relcl":
            return [verb.head], False
        if verb.dep_ == "xcomp" and verb.head.lemma_ in OBJECT_CONTROL:
            obj = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
            if obj:
                return _subtree(obj[0], CLAUSES), False
        if verb.dep_ == "pcomp" and verb.head.lower_ == "for" and verb.head.head.pos_ == "VERB":
            obj = [c for c in verb.head.head.children if c.dep_ == "dobj"]
            if obj:   # "condemned B for closing the border", "thanked B for sending aid": B does it
                return _subtree(obj[0], CLAUSES), False
        if verb.dep_ == "pcomp" and verb.head.lower_ == "from" and verb.head.head.lemma_ in PREVENT:
            obj = [c for c in verb.head.head.children if c.dep_ in ("dobj", "dative")]
            if obj:   # "wars prevented A and B from resuming relations"
                return _subtree(obj[0], CLAUSES), False
        if verb.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "ccomp") and verb.head != verb:
            raised = raised or verb.dep_ == "xcomp"
            verb = verb.head
            if verb.pos_ not in ("VERB", "AUX"):
                # "an opportunity to renew ties": the noun's own verb carries the subject
                if verb.head != verb and verb.head.pos_ in ("VERB", "AUX"):
                    verb = verb.head
                else:
                    break
            continue
        break
    return [], False


def _objects(verb: Token) -> tuple:
    """Object tokens (for actors) and object lemmas (for the lexicon)."""
    tokens, lemmas = [], set()
    for child in verb.children:
        if child.dep_ in SUBJECTS or child.dep_ in ("aux", "auxpass", "neg", "punct", "mark", "cc", "advmod",
                                                     "agent", "prt"):
            continue
        if child.dep_ in CLAUSES and child.pos_ in ("VERB", "AUX"):
            continue
        if child.dep_ == "prep" and child.lower_ in CIRCUMSTANCES:
            continue   # "ended the pact during the Timor crisis": when, not with whom
        sub = _subtree(child, CLAUSES)
        tokens.extend(sub)
        for t in sub:
            if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
                lemmas.update((t.lemma_.lower(), t.lower_))
    pronoun = any(t.lower_ == "it" for t in tokens)
    for child in verb.children:
        if child.dep_ in ("nsubjpass",) or (child.dep_ == "nsubj" and not any(
                c.dep_ in ("dobj",) for c in verb.children)):
            for t in _subtree(child, CLAUSES):
                if t.pos_ in ("NOUN", "PROPN", "ADJ"):
                    lemmas.update((t.lemma_.lower(), t.lower_))
                pronoun = pronoun or t.lower_ == "it"
            if verb.dep_ == "relcl" and child.tag_ in ("WDT", "WP") and verb.head.pos_ == "NOUN":
                lemmas.add(verb.head.lemma_.lower())   # "negotiations that began": the head is the subject
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        lemmas.add(verb.head.lemma_.lower())   # "the agreement the two signed": the head is the object
    if pronoun:
        lemmas.update(_agreement_antecedent(verb))
    return tokens, lemmas


def _agreement_antecedent(verb: Token) -> set:
    """For "it" among a verb's arguments: the agreement named last before the verb, in its own or the
    previous sentence ("The pact entered into force ... after the ministers signed it")."""
    sent = verb.sent
    start = verb.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in reversed(verb.doc[start:verb.i]):
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in AGREEMENTS:
            return {t.lemma_.lower()}
    return set()


def _event_at(tok: Token, sent: Span, index: _ActorIndex, local_pair: tuple, main_pair: tuple,
              international: bool = True, dictionary: frozenset = frozenset(), agents=None):
    """(cameo, [(source, target)], topic) when the token triggers an event between two actors;
    `dictionary` holds the verb lemmas the CAMEO verb dictionary may code when the lexicon does not."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and (lemma in TRIGGER_LEMMAS or lemma in dictionary):
        obj_tokens, obj_lemmas = _objects(tok)
        subj_tokens, passive = _subject(tok)
        if any(t.lower_ == "it" for t in subj_tokens):   # "it is expected to enter into force"
            obj_lemmas = obj_lemmas | _agreement_antecedent(tok)
        subj_words = frozenset(t.lower_ for t in subj_tokens) if not passive else frozenset()
        rule = find_rule(lemma, obj_lemmas, subjects=subj_words) if lemma in TRIGGER_LEMMAS else None
        if rule is None and lemma in dictionary:
            rule = _dictionary_rule(tok, lemma, obj_tokens, subj_tokens)
        if rule is None:
            return None
        topic = _topic(rule, obj_lemmas)
        agent = [t for c in tok.children if c.dep_ == "agent" for t in _subtree(c, CLAUSES)]
    elif tok.pos_ == "NOUN" and lemma in NOUN_LEMMAS:
        modifiers = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
            modifiers.add(tok.head.lemma_.lower())
        rule = find_rule(lemma, modifiers, noun=True)
        if rule is None:
            return None
        topic = None
        subj_tokens, passive, agent = _noun_subject(tok), False, []
        obj_tokens = [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "of", "in", "into")
                      for t in _subtree(c, CLAUSES)]
        obj_tokens += [t for c in tok.children if c.dep_ in ("amod", "compound") and _against(c)
                       for t in _subtree(c, CLAUSES)]
        if tok.dep_ in ("dobj",) and _light(tok.head):
            obj_tokens += [t for c in tok.head.children if c.dep_ == "prep" for t in _subtree(c, CLAUSES)]
    else:
        return None
    roles = _roles(rule.cameo, subj_tokens, passive, agent, obj_tokens, sent, index, local_pair, main_pair, tok)
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
    if verb.lower_ == "according" or ((_light(verb) or lemma == "renew") and any(
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
    for source, target in roles:
        root = index.roots.get(id(target))
        if root is None:
            continue
        for m in obj_actors:
            tok = index.roots.get(id(m))
            if m.code in (source.code, target.code) or tok is None or any((source, m) == r for r in out):
                continue
            node, hops = tok, 0
            while node.dep_ in ("conj", "appos") and node.head != node and hops < 6:
                node, hops = node.head, hops + 1
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
    return any(t.i in index.uncoded or (t.pos_ in ("NOUN", "NUM") and (t.lower_ in agents or t.lower_ in CROWDS)
                                        and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children))
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


def _light(verb: Token) -> bool:
    """A verb that only carries a nominal event ("held talks", "staged a rally")."""
    return verb.lemma_.lower() in LIGHT_VERBS or verb.lower_ in LIGHT_FORMS


def _noun_subject(noun: Token) -> list:
    """Who does a nominal event: a possessor, an "of" phrase, or the subject of "make a visit"."""
    poss = [t for c in noun.children if c.dep_ == "poss" for t in _subtree(c, CLAUSES)]
    if poss:
        return poss
    by = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for t in _subtree(c, CLAUSES)[1:]]
    if by:   # "the killings of civilians by the army": the "by" phrase acts, the "of" phrase suffers
        return by
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        if not _light(noun.head):
            return []   # "kept the negotiations alive", "delayed the signing": the noun is no act here
        subj, _ = _subject(noun.head)
        if subj:
            return subj
    of = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in _subtree(c, CLAUSES)]
    amod = [c for c in noun.children if c.dep_ in ("amod", "compound") and not _against(c)]
    return of + amod


def _against(modifier: Token) -> bool:
    """"anti-French", "anti - government": the modifier names whom the act is against, not who acts."""
    before = modifier.doc[max(modifier.i - 2, 0):modifier.i]
    return modifier.lower_.startswith("anti") or any(t.lower_ == "anti" for t in before) or any(
        c.lower_ == "anti" for c in modifier.children)


def _core(actors: list, subj: list) -> tuple:
    """Split subject actors into agents (the phrase itself and its conjuncts) and modifiers
    ("the Embassy of X in Y": X is no agent; "Thai government under pro-Y leadership": Y is none)."""
    inside = {t.i for t in subj}
    core, rest = [], []
    for m in actors:
        tok = next(t for t in subj if t.idx >= m.start) if m.start >= 0 else None
        node, through_prep = tok, False
        while node is not None and node.head.i in inside and node.head != node:
            if node.dep_ in ("prep", "pobj", "acl", "relcl"):
                through_prep = True
            node = node.head
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
    """(source, target) pairs from the trigger's arguments, then from the sentence and context."""
    subj_actors = index.in_tokens(subj) or _antecedent(subj, sent, index)
    agent_actors = index.in_tokens(agent)
    obj_actors = _prefer_named(m for m in index.in_tokens(objs) if not _named_part(m, sent))
    if passive:
        sources = agent_actors[:1]
        rest = subj_actors + obj_actors
    else:
        core, modifiers = _core(subj_actors, subj) if subj_actors and subj_actors[0].start >= 0 else (
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
    if source is None and _is_pair_phrase(subj) and len(local_pair) == 2:
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
        if _is_pair_phrase(objs) and len(local_pair) == 2:
            other = [c for c in local_pair if c != source.code]
            return [(source, _code_actor(other[0]))] if other else []
        # An actor elsewhere in the clause ("... sanctions on Pretoria") before falling back to context.
        others = [m for m in index.in_tokens(_subtree(_clause_head(trigger)))
                  if m.code != source.code and not _named_part(m, sent)]
        if others:
            return [(source, others[0])]
        if source.code in main_pair and len(main_pair) == 2:
            other = [c for c in main_pair if c != source.code][0]
            return [(source, _code_actor(other))]
        return []
    if source is None and target is None and cameo in SYMMETRIC and (
            _is_pair_phrase(subj + objs) or _pair_pronoun(subj, trigger)):
        return [_pair_actors(local_pair)] if len(local_pair) == 2 else []
    if source is None and target is None and cameo in SYMMETRIC and trigger.dep_ in ("relcl", "acl"):
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


def _named_part(m: ActorMention, sent: Span) -> bool:
    """A place named as part of a thing ("the provinces of Transylvania") is that thing, not a party."""
    if m.start < 0 or m.kind not in ("place", "country", "capital"):
        return False
    span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ in ("conj", "appos") and tok.head != tok:
        tok = tok.head
    if tok.head.lower_ != "of" or tok.head.head.pos_ != "NOUN":
        return False
    return m.kind == "place" or tok.head.head.lemma_.lower() in TERRITORY


# Nouns for parts of a country: "the provinces of X" names territory, whatever kind of name X is.
TERRITORY = {"province", "region", "territory", "island", "district", "city", "town", "port", "state", "area",
             "part", "coast", "border", "county"}

PRONOUNS = {"it", "they", "he", "she", "we", "its", "their", "his", "her"}


def _antecedent(subj: list, sent: Span, index: _ActorIndex) -> list:
    """A pronoun subject ("Germany has said it will ...") read as the nearest earlier subject actor."""
    pron = [t for t in subj if t.lower_ in PRONOUNS and t.pos_ == "PRON"]
    if not pron or len(subj) > 2:
        return []
    before = [t for t in sent if t.i < pron[0].i and t.i in index.by_token]
    subjects = [t for t in before if any(a.dep_ in SUBJECTS for a in [t, *t.ancestors][:3])]
    for t in reversed(subjects or before):
        return [index.by_token[t.i]]
    return []


def _clause_head(tok: Token) -> Token:
    while tok.dep_ in ("xcomp", "pcomp", "prep", "pobj", "acl", "conj") and tok.head != tok:
        tok = tok.head
    return tok


def _code_actor(code: str) -> ActorMention:
    return ActorMention(start=-1, end=-1, text="", code=code, name=code, kind="context")


def _pair_actors(pair: tuple) -> tuple:
    return _code_actor(pair[0]), _code_actor(pair[1])


DEMANDING = REPORT | {"insist", "conclude", "reiterate", "stress", "warn", "demand", "maintain", "argue",
                      "remind", "issue", "urge"}


def _demanded(tok: Token, roles: list, index: _ActorIndex) -> list:
    """The party that says an act must happen asks it of the party that must act."""
    node = tok
    for _ in range(6):
        if node.head == node:
            return roles
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in DEMANDING:
            break
    else:
        return roles
    subj, _ = _subject(node)
    speakers = index.in_tokens(subj)
    if not speakers:
        return [(UNKNOWN, s) for s, _ in roles[:1]]
    return [(speakers[0], s if s.code != speakers[0].code else t) for s, t in roles[:1]]


# --- dates --------------------------------------------------------------------------


def _date_for(tok: Token, sent: Span, sent_dates: list, context, para: int, s_i: int) -> tuple:
    """(date, date_end, basis): the governing time expression, else a date carried from context."""
    if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ == "VERB":
        tok = tok.head   # "Negotiations over the 1904 killings began last year": the verb's date
    chain = {t.i for t in _chain(tok)}
    ancestors = {t.i for t in tok.ancestors}
    best, best_score = None, None
    for t in sent_dates:
        span = sent.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        score = _ownership(span.root, tok, chain, ancestors)
        if score is None:
            continue
        distance = abs(span.start - tok.i)
        key = (score, distance)
        if best_score is None or key < best_score:
            best, best_score = t, key
    if best is not None:
        basis = "relative" if best.relative else "explicit"
        if best.range_start:
            end = best.range_end if best.signal in ("between", "from") else None
            return best.range_start, end, basis
        return best.date, None, basis
    if context is not None and not sent_dates and tok.tag_ in PAST_TAGS | {"VBN"} and not _present(tok):
        date, c_para, c_s = context
        if para - c_para <= 1 and s_i - c_s <= 3:
            return date, None, "inferred"
    return None, None, "unknown"


def _ownership(node: Token, tok: Token, chain: set, ancestors: set) -> Optional[int]:
    """How closely a time expression belongs to the trigger: 0 it modifies the trigger's clause
    directly ("began late last year"), 1 it sits inside one of its noun phrases ("negotiations over
    the 1904 killings"), 2 a governing clause's, 3 the sentence's; None when another event's
    trigger claims it first."""
    through_noun = False
    for _ in range(14):
        if node.i in chain:
            return 1 if through_noun else 0
        if node.pos_ == "VERB" and node.lemma_.lower() in TRIGGER_LEMMAS:
            if node.i in ancestors or _same_time_clause(node, chain):
                return 2
            return None
        if node.head == node:
            return 3
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.i not in chain:
            through_noun = True
    return 3


def _same_time_clause(verb: Token, chain: set) -> bool:
    """"agreed ..., after their ministers met early this week": a when/after clause of the trigger shares its time."""
    head = verb.head
    attached = head.i in chain or (head.dep_ == "xcomp" and head.head.i in chain)
    return verb.dep_ == "advcl" and attached and any(
        c.dep_ == "mark" and c.lower_ in ("after", "when", "as", "while", "once") for c in verb.children)


def _present(tok: Token) -> bool:
    """Present or present perfect: the sentence speaks of now, so no date carries over."""
    for t in _chain(tok):
        for c in t.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "is", "are", "am", "'s", "'ve"):
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
        actors = index.in_tokens(of)
        codes = []
        for m in actors:
            if m.code not in codes:
                codes.append(m.code)
        pair = tuple(codes[:2]) if len(codes) >= 2 else local_pair
        if len(pair) != 2:
            continue
        src, tgt = (actors[0], next(m for m in actors if m.code == pair[1])) if len(codes) >= 2 \
            else _pair_actors(pair)
        out.append(_make(document, sent, tok, tok, "054", src, tgt, "asserted", f"{int(year) - n:04d}", None,
                         basis, "relation"))
    return out


# --- building and dedup --------------------------------------------------------------------


def _actor(m: ActorMention) -> Actor:
    return Actor(code=m.code, name=m.name or m.text or m.code or "(unnamed)", sector=m.sector)


def _make(document, sent, tok, trigger, cameo, source, target, modality, date, date_end, basis,
          topic=None) -> _Found:
    c = coding(cameo)
    src, tgt = _actor(source), _actor(target)
    when = f" ({date}{'–' + date_end if date_end else ''})" if date else ""
    mood = {"asserted": "", "planned": "planned: ", "intended": "intended: ", "negated": "not: ",
            "conditional": "if: ", "hypothetical": "maybe: ", "required": "must: ", "refused": "will not: "}[modality]
    summary = f"{mood}{c.name} — {src.name} → {tgt.name}{when}: “{_clause_text(tok)}”"
    mention = Mention(doc_id=document.doc_id, sentence=sent.text.strip(), char_start=sent.start_char,
                      char_end=sent.end_char)
    event = Event(
        event_id=stable_id("ev", document.doc_id, tok.idx, src.code, tgt.code, cameo),
        source=src, target=tgt, event_type=c.event_type, modality=modality, date=date, date_end=date_end,
        date_basis=basis if date else "unknown", mode=c.mode, context=[c.context] if c.context else [],
        cameo=cameo, quad=c.quad, goldstein=c.goldstein, summary=summary, mentions=[mention],
        trigger=tok.lemma_.lower(), topic=topic, aspect=_aspect(tok),
    )
    depth = 0
    node = tok
    while node.head != node and depth < 20:
        node, depth = node.head, depth + 1
    return _Found(event, depth, frozenset((src.code, tgt.code)), sent.start_char)


def _clause_text(tok: Token, limit: int = 110) -> str:
    """The trigger's own clause (subject, verb, objects), without subordinate clauses, for summaries."""
    subj, _ = _subject(tok) if tok.pos_ == "VERB" else ([], False)
    tokens = sorted({t.i: t for t in _subtree(tok, CLAUSES | {"advcl"}) + subj}.values(), key=lambda t: t.i)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    text = "".join(t.text_with_ws for t in tokens).strip().rstrip(",;:")
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


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
