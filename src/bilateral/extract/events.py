"""Events from a parsed document: the sentence loop that finds triggers, codes them, gives them
actors, mood and a date, and keeps one event per act.

A pure function of one document's parse, its actor mentions and its time expressions. Each event
found here carries one mention; merging the same event across sentences and documents happens in
`bilateral.reconcile.merge`. Finding triggers is in `triggering`, actors in `roles`, dates in
`dating`, the clause structure they share in `parse`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span

from ..lexicon import SHIPPED, load as load_lexicon, words
from ..model import Actor, ActorMention, Document, Event, Mention, stable_id
from ..nlp.sentences import no_content
from ..nlp.tokens import Tokens, tokens_of
from ..options import DEFAULT, Options
from ..read.numbers import ORDINAL_WORDS, to_int
from .actor_index import ActorIndex
from .amounts import act_amount
from .cameo import SPOKEN, SYMMETRIC, coding
from .dating import date_for, headline_present, said_lately, stance_now, timex_root, under_way
from .mood import aspect as _aspect, complement, modality as _modality, requested, to_infinitive
from .moodcodes import UNREAL, for_record
from .parse import CLAUSES, objects_of, subject_of
from .focus import most_named, mostly_named, named_together, pair_in_focus, passage_pair
from .roles import pair_actors
from .speakers import demanded, speaker
from .triggering import candidates, event_at
from .triggers import triggers
from .verbs import lemmas as dictionary_lemmas


@dataclass
class _Found:
    """An event candidate before dedup: the event and how central its trigger is."""

    event: Event
    pair: frozenset
    sent_start: int
    token: int          # the trigger
    path: frozenset     # the trigger and the tokens it depends on, up to the root (20 at most)

    @property
    def depth(self) -> int:
        return len(self.path) - 1


def extract_events(document: Document, doc: Doc, actors: list, timexes: list, options: Options = DEFAULT,
                   agents=None, focus: Optional[tuple] = None) -> list:
    """Every event the document reports, one mention each, in text order.

    By default only acts between two different actors, the record's unit, that happened, are
    announced or explicitly did not happen. `options.domestic` also keeps domestic acts and acts
    whose other party the sentence does not name, `options.fine_moods` also conditional and
    hypothetical acts (marked), and `options.verb_dictionary` codes verbs the curated lexicon lacks
    from the CAMEO verb dictionary. `agents` (role noun -> sector) lets the coder give "the rebels"
    the country its sentence names. `focus` is the pair an act with no named other party falls to: by
    default the document's, when the text tells of the two together or tells an act between them."""
    agents = agents or {}
    main_pair = most_named(actors)
    if focus is None:
        sentences = list(doc.sents)
        focus = pair_in_focus(actors, main_pair, sentences, doc.text)
        if not focus and mostly_named(actors, main_pair) and named_together(actors, main_pair, sentences)[0]:
            # "Peru will lend Chile oil. The loan was agreed ...": an act between the two, named in one sentence
            told = extract_events(document, doc, actors, timexes, options, agents, focus=())
            if not any({e.source.code, e.target.code} == set(main_pair) for e in told):
                return told
            focus = main_pair
    vocabulary = dictionary_lemmas() if options.verb_dictionary else frozenset()   # loaded once, when asked
    T = tokens_of(doc)
    index = ActorIndex(doc, actors, T)
    paragraphs = [m.end() for m in re.finditer(r"\n\s*\n", document.text)]   # the text the doc was parsed from
    dates = sorted((t for t in timexes if (t.date or t.range_start) and not _offset(document.text, t)),
                   key=lambda t: t.start)
    starts = [t.start for t in dates]
    published = document.published
    rules = triggers(load_lexicon(options.lexicon))
    found_at, anniversaries = candidates(T, rules, vocabulary)
    bound = rules.object_bound()

    def claims(node: int) -> bool:
        """A verb that codes an act claims the time expressions it governs: one whose every rule needs
        objects ("came into force", not "came to power") only when its objects fit."""
        lemma = T.lemma[node]
        if lemma not in rules.verbs or lemma not in bound:
            return lemma in rules.verbs
        subj, passive = subject_of(T, node)
        words = frozenset() if passive else frozenset(T.lower[t] for t in subj)
        return rules.find(lemma, objects_of(T, node)[1], subjects=words) is not None
    found: list = []
    # (date, paragraph, sentence index) of the last explicit date; a wire's dateline ("LIMA, April 7 -")
    # dates its lead as an explicit date would
    context: Optional[tuple] = (published, 0, 0) if document.dateline and published else None
    recent: list = []                 # codes of the last sentences' actors, newest last
    acted: dict = {}                  # trigger token -> (pair, PLOVER type) of the events it made
    for s_i, sent in enumerate(doc.sents):
        para = bisect.bisect_right(paragraphs, sent.start_char)
        lo, hi = bisect.bisect_left(starts, sent.start_char), bisect.bisect_left(starts, sent.end_char)
        sent_dates = dates[lo:hi]
        local_pair = passage_pair(index, sent, recent, main_pair)
        if no_content(document.text[sent.start_char:sent.end_char]):
            continue   # a heading or a caption states no event, and dates none
        n_before = len(found)
        for i in found_at[bisect.bisect_left(found_at, sent.start):bisect.bisect_left(found_at, sent.end)]:
            candidate = event_at(T, i, sent, index, local_pair, focus, rules, not options.domestic, vocabulary,
                                 agents)
            if candidate is None:
                continue
            cameo, roles, topic = candidate
            tok = doc[i]
            kind = coding(cameo).event_type
            if _purpose_of_act(tok, acted, roles, kind):
                continue
            modality = _modality(tok, fine=True)
            if modality is None:
                continue
            if modality == "required":   # "A said B must withdraw": A demands it of B
                roles = demanded(T, i, roles, index, record=not options.fine_moods)
            if not options.fine_moods and requested(tok):
                continue   # "asked OPEC to allow ...": the request is the record's act
            if not options.fine_moods:   # the record: threats, demands and refusals are acts of their own
                kept = for_record(cameo, modality)
                if kept is None:
                    continue
                if modality in UNREAL:   # a threat is made by whom would act ("Howard noted Britain could ...")
                    said_by = speaker(T, i, index)
                    roles = [(s, t) for s, t in roles if said_by is not None and said_by.code == s.code]
                cameo, modality = kept
            date, date_end, basis = date_for(tok, sent, sent_dates, context, para, s_i, claims)
            if date is None and published and modality == "asserted" and (
                    under_way(T, i) or document.dateline and headline_present(T, i, s_i)):
                date, basis = published, "inferred"   # "Rha is heading a mission": going on the day it was filed
            elif date is None and published and document.dateline and modality in ("asserted", "negated") and (
                    said_lately(tok, deed=cameo[:2] not in SPOKEN and cameo[:2] != "04")):
                # a wire's "the minister has accused Chile": in its month; "banks want Brazil to ...": that day;
                # "has cancelled a trip", "has not received any request": what did not happen, in its month too
                date, basis = (published if stance_now(tok) else published[:7]), "inferred"
            if modality == "asserted" and date and published and date[:4] > published[:4]:
                modality = "planned"
            for source, target in roles:
                acted.setdefault(i, set()).add((frozenset((source.code, target.code)), kind))
                when, when_basis = date, basis
                if not date or (basis == "inferred" and T.pos[i] == "NOUN"):   # "during her meeting": the visit's
                    named = _date_of_named_act(T, i, found, source, target)
                    if named[0]:
                        when, when_basis = named
                if when is None and published and document.dateline and modality in ("planned", "intended"):
                    # a wire's "will lend Ecuador": within its year; "is to hold talks": within its month
                    when, when_basis = published[:7 if cameo[:2] == "04" and modality == "planned" else 4], "inferred"
                found.append(_make(document, sent, T, i, cameo, source, target, modality,
                                   when, date_end, when_basis or basis, topic))
                for at, t in _conjunct_dates(T, i, sent_dates, date):   # "... in 2001 and a partnership in 2009"
                    found.append(_make(document, sent, T, i, cameo, source, target, modality, t.range_start or t.date,
                                       t.range_end if t.signal in ("between", "from") else None,
                                       "relative" if t.relative else "explicit", topic, at=at))
        if any(sent.start <= i < sent.end for i in anniversaries):
            found.extend(_anniversaries(document, sent, index, local_pair, sent_dates, published))
        if sent_dates and (len(found) > n_before or not _figures(sent)):   # every one has a date or a range
            # a year a figure is given for ("53 billion in 1976") dates no act told after it
            context = ((sent_dates[-1].range_start or sent_dates[-1].date), para, s_i)
        codes = [m.code for m in index.in_span(sent) if m.code]
        if codes:
            recent = (recent + codes)[-12:]
    return _dedupe(found)


def _purpose_of_act(tok, acted: dict, roles: list, event_type: str) -> bool:
    """"will lend Ecuador crude to help it meet its commitments": a "to" infinitive of purpose under an act of
    the same kind between the same parties tells that act's aim, not a second act ("sent experts to
    investigate" still investigates)."""
    if tok.dep_ != "advcl" or not to_infinitive(tok) or complement(tok):
        return False   # "have sworn to fight": what is sworn is the act, not the aim of the swearing
    pairs = acted.get(tok.head.i)
    return bool(pairs) and any((frozenset((s.code, t.code)), event_type) in pairs for s, t in roles)


# Acts an undated act can be told as part of ("use his trip to push for", "during the visit"): it takes their date.
OCCASIONS = frozenset({"trip", "visit", "talks", "summit", "meeting", "tour", "mission", "negotiations"})


def _date_of_named_act(T: Tokens, i: int, found: list, source, target) -> tuple:
    """(date, "relative") of an earlier dated act of the same parties that the trigger's clause names as its
    occasion ("Howard said he would use his trip to push for ..." after "the trip to Lima next week"; "during his
    meeting with the king" after "made his first visit to Bahrain in 2007"), else (None, None)."""
    head = T.head[i] if T.pos[T.head[i]] == "VERB" and T.dep[i] in ("xcomp", "advcl") else i
    nouns = {T.lemma[t] for h in {i, head} for t in T.subtree(h, CLAUSES) if T.pos[t] == "NOUN"} & OCCASIONS
    if not nouns:
        return None, None
    pair = frozenset((source.code, target.code))
    for f in reversed(found):
        if f.pair == pair and f.event.date and f.event.trigger in OCCASIONS:
            return f.event.date, "relative"
    return None, None


_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)
_TENS = words.tens(SHIPPED)


def _ordinal(tok) -> Optional[int]:
    """The number an ordinal token gives ("65th", "fifth"), with the tens spaCy splits off before it
    ("sixty-fifth", "sixty fifth"); None for any other token."""
    m = _ORDINAL.match(tok.text)
    if m:
        return int(m.group(1))
    if tok.lower_ not in ORDINAL_WORDS:
        return None
    doc, start = tok.doc, tok.i
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _TENS:
        start -= 2
    elif start >= 1 and doc[start - 1].lower_ in _TENS:
        start -= 1
    return to_int(doc[start:tok.i + 1].text)


def _anniversaries(document, sent, index, local_pair, sent_dates, published) -> list:
    """"The 65th anniversary of diplomatic relations" in a text of 2018: relations established in 1953."""
    out = []
    for tok in sent:
        if tok.lemma_.lower() != "anniversary":
            continue
        n = None
        for c in tok.children:
            value = _ordinal(c)
            if value is not None:
                n = value
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
            else pair_actors(pair)
        out.append(_make(document, sent, index.T, tok.i, "054", src, tgt, "asserted", f"{int(year) - n:04d}", None,
                         basis, "relation"))
    return out


def _actor(m: ActorMention) -> Actor:
    return Actor(code=m.code, name=m.name or m.text or m.code or "(unnamed)", sector=m.sector)


def _conjunct_dates(T: Tokens, i: int, sent_dates: list, chosen: Optional[str]) -> list:
    """(conjunct, time) for each further object of the verb at i that carries its own time ("agreed a
    partnership in 2001 and a strategic partnership in 2009"): one act per conjunct, each at its own date."""
    objects = [c for c in T.children[i] if T.dep[c] == "dobj"]
    if T.pos[i] != "VERB" or not sent_dates or not objects:
        return []
    # "signed an accord in 1995, a pact in 2003": the parser may hang the second object on the verb
    chain = [c for c in T.children[i] if T.dep[c] == "conj" and T.pos[c] in ("NOUN", "PROPN")]
    node = chain[-1] if chain else objects[0]
    while True:
        nxt = [c for c in T.children[node] if T.dep[c] == "conj" and T.pos[c] in ("NOUN", "PROPN")]
        if not nxt:
            break
        node = nxt[0]
        chain.append(node)
    roots = [(timex_root(T.doc, t), t) for t in sent_dates]
    out = []
    for k, c in enumerate(chain):
        own = set(T.subtree(c, CLAUSES)) - (set(T.subtree(chain[k + 1])) if k + 1 < len(chain) else set())
        found = next((t for root, t in roots if root in own and (t.range_start or t.date) not in (None, chosen)), None)
        if found is not None:
            out.append((c, found))
    return out


def _figures(sent: Span) -> bool:
    """The sentence gives a sum, a share or a count in digits ("43 billion crowns", "12 pct")."""
    return any(e.label_ in ("MONEY", "PERCENT", "QUANTITY") or (e.label_ == "CARDINAL" and any(
        c.isdigit() for c in e.text)) for e in sent.ents)


def _make(document, sent, T: Tokens, i: int, cameo, source, target, modality, date, date_end, basis,
          topic=None, at: Optional[int] = None) -> _Found:
    """The event triggered by token i (told at token `at` when a conjunct of its object carries it), with its
    one mention and how deep the trigger sits."""
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
        event_id=stable_id("ev", document.doc_id, T.idx[i if at is None else at], src.code, tgt.code, cameo),
        source=src, target=tgt, event_type=c.event_type, modality=modality, date=date, date_end=date_end,
        date_basis=basis if date else "unknown", mode=c.mode, context=[c.context] if c.context else [],
        cameo=cameo, quad=c.quad, goldstein=c.goldstein, summary=summary, mentions=[mention],
        trigger=T.lemma[i], topic=topic, aspect=_aspect(T.doc[i]), amount=act_amount(T.doc[i]),
    )
    node, head, path = i, T.head, [i]
    while head[node] != node and len(path) <= 20:
        node = head[node]
        path.append(node)
    return _Found(event, frozenset((src.code, tgt.code)), sent.start_char, i, frozenset(path))


def _clause_text(T: Tokens, i: int, text: str, limit: int = 110) -> str:
    """The trigger's own clause (subject, verb, objects), without subordinate clauses, for summaries.

    `text` is the text the document was parsed from: each token with its trailing space is the slice up
    to the next token, so runs of adjacent tokens are cut from it in one piece."""
    subj, _ = subject_of(T, i) if T.pos[i] == "VERB" else ([], False)
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
    out = ""
    for piece in pieces:   # runs cut apart by a comma or a clause keep a space between them
        out += piece if not out or out[-1].isspace() else " " + piece.lstrip()
    out = out.strip(" ,;:\n")
    return out if len(out) <= limit else out[:limit].rsplit(" ", 1)[0] + "…"


def _offset(text: str, t) -> bool:
    """A length of time counted from another event ("18 months after relations were strained"): it
    places the act relative to that event, it is no period the act took."""
    return t.type == "DURATION" and re.match(r"\s+(?:after|before)\b", text[t.end:t.end + 10]) is not None


def _governs(a: _Found, b: _Found) -> bool:
    """a's trigger is one of the words b's trigger depends on."""
    return a.token in b.path


def _dedupe(found: list) -> list:
    """One event per sentence, actor pair, date and type, the trigger nearest the sentence root first;
    a further one only when both name different topics ("established relations ... and opened an
    embassy" are two acts, "held negotiations" and its "negotiations" one)."""
    groups: dict = {}
    for f in found:
        date = None if f.event.date_basis == "inferred" else f.event.date   # a date from the report tells no act apart
        groups.setdefault((f.sent_start, f.pair, date, f.event.event_type), []).append(f)
    for key in [k for k in groups if all(f.event.date is None for f in groups[k])]:
        # "refused to sign the pact of 1987": the undated refusal governs the dated signing, one act
        dated = [k for k in groups if k[2] is not None and (k[0], k[1], k[3]) == (key[0], key[1], key[3])]
        if len(dated) == 1 and all(_governs(f, g) or _governs(g, f) for f in groups[key] for g in groups[dated[0]]):
            groups[dated[0]].extend(groups.pop(key))
    kept = []
    for group in groups.values():
        group.sort(key=lambda f: (f.event.date is None, f.depth))
        chosen = [group[0]]
        for f in group[1:]:
            if f.event.topic and all(c.event.topic and c.event.topic != f.event.topic for c in chosen):
                chosen.append(f)
            elif f.event.cameo not in SYMMETRIC and all(
                    c.event.source.code != f.event.source.code for c in chosen):
                chosen.append(f)   # "A discussed it during a trip ..., and during B's visit to A": B's own act
        kept.extend(chosen)
    return [f.event for f in sorted(kept, key=lambda f: (f.sent_start, f.event.event_id))]
