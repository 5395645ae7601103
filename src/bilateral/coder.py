"""Sentence coding without a store: JSON Lines of {id, text, date?} in, one line of coded events out per input.

The input is the usual event coder's sentence stream.  Each line becomes its own
Document (the line's date is its publication date, so relative dates resolve against
it), goes through the per-document stages, and its events come back flat: PLOVER
type, mode, CAMEO code, source and target codes, modality and date.  A line that
cannot be read yields {"id", "error"} and coding goes on.
"""
from __future__ import annotations

import json
import re
from typing import Iterable, Iterator, Optional

from spacy.tokens import Doc

from .extract import analyze
from .extract.cameo import coding
from .extract.parse import LIGHT_FORMS, LIGHT_VERBS
from .extract.mood import to_infinitive
from .extract.moodcodes import announced
from .extract.triggers import DEMANDS
from .model import Document, Event, text_id
from .nlp.gazetteer import Gazetteer
from .nlp.pipeline import load_nlp
from .nlp.wire_case import for_parser
from .options import Options
from .read.dates import parse_date

BATCH = 256
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")   # 20190611, as older coders write dates


def code_lines(path: str, options: Optional[Options] = None) -> Iterator[dict]:
    """Code every line of a JSON Lines file ("-" reads standard input), one output row per non-blank line."""
    stream = open(0, encoding="utf-8", closefd=False) if path == "-" else open(path, encoding="utf-8")
    with stream:
        yield from _code(_rows(stream), "line", options or Options.sentences())


def code_sentences(rows: Iterable[dict], options: Optional[Options] = None) -> Iterator[dict]:
    """Code {id, text, date?} rows in order: {"id", "events": [...]} or {"id", "error"} for each."""
    yield from _code(enumerate(rows, 1), "row", options or Options.sentences())


def _code(numbered: Iterable[tuple], where: str, options: Options) -> Iterator[dict]:
    """Code numbered rows in batches; errors name the row or file line by `where` and its number."""
    nlp, gazetteer = load_nlp(options.model), Gazetteer.load(options.dictionary)
    batch: list = []
    for n, row in numbered:
        batch.append(_document(row, f"{where} {n}"))
        if len(batch) >= BATCH:
            yield from _code_batch(batch, nlp, gazetteer, options)
            batch = []
    if batch:
        yield from _code_batch(batch, nlp, gazetteer, options)


def _rows(lines: Iterable[str]) -> Iterator[tuple]:
    """(line number, row) for every non-blank line; a line that is no JSON object becomes a row carrying its error."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, {"id": None, "error": f"line {n}: not JSON ({exc.msg})"}
            continue
        yield n, row if isinstance(row, dict) else {"id": None, "error": f"line {n}: not a JSON object"}


def _document(row, where: str) -> tuple:
    """(id, Document or None, error or None) for one input row."""
    if not isinstance(row, dict):
        return None, None, f"{where}: not an object"
    rid = row.get("id")
    if row.get("error"):
        return rid, None, row["error"]
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return rid, None, f"{where}: no text"
    date = row.get("date")
    published = _date(date)
    if date not in (None, "") and published is None:
        return rid, None, f"{where}: date {date!r} is not a date"
    document = Document(doc_id=text_id(text), source_path=str(rid if rid is not None else where), text=text,
                        published=published, published_basis="metadata" if published else None,
                        n_chars_raw=len(text), n_chars_clean=len(text))
    return rid, document, None


def _date(value) -> Optional[str]:
    """A row's date as partial ISO: "2019-06-11", "June 11, 2019" or the compact "20190611"."""
    if value is None:
        return None
    m = _COMPACT.match(str(value).strip())
    return parse_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else str(value))


def _code_batch(batch: list, nlp, gazetteer, options: Options) -> Iterator[dict]:
    """Parse the batch's readable rows together, then emit every row in input order."""
    readable = [doc for _, doc, error in batch if error is None]
    parsed = iter(nlp.pipe((for_parser(d.text) for d in readable), batch_size=options.pipe_batch))
    for rid, document, error in batch:
        if error is not None:
            yield {"id": rid, "error": error}
            continue
        spacy_doc = next(parsed)
        analysis = analyze(document, spacy_doc, gazetteer, options)
        yield {"id": rid, "events": coded_events(analysis.events, spacy_doc)}


def coded_events(events: list, doc: Doc) -> list:
    """Events as output rows, one per trigger (its several sources or targets joined), primary first; a
    further event needs both a source and a target code.

    The primary event is the one whose trigger stands nearest the root of its sentence, except
    that an act done in order to do another ("sent experts to investigate", "telephoned to
    discuss") gives way to the act it serves."""
    rows: dict = {}
    for event in events:
        key = (event.mentions[0].char_start if event.mentions else 0, event.trigger, event.cameo,
               event.modality, event.date)
        row = rows.setdefault(key, _row(event))
        for role, actor in (("source", event.source), ("target", event.target)):
            if actor.code and actor.code not in row[role]:
                row[role].append(actor.code)
    ranks: dict = {}
    for sent_start in {k[0] for k in rows}:
        ranks.update(_ranks(doc, sent_start, {k[1] for k in rows if k[0] == sent_start}))
    ordered = [row for _, row in sorted(rows.items(), key=lambda kv: (kv[0][0], ranks.get((kv[0][0], kv[0][1]), 99)))]
    # past the primary event, an act whose source or target no code names tells no one anything
    return ordered[:1] + [row for row in ordered[1:] if row["source"] and row["target"]]


# Verbs whose "to" complement says what they are for, so the complement is the act that counts;
# verbs of saying, wanting, agreeing and asking keep their own act ("urged B to withdraw").
MEANS = {"send", "dispatch", "deploy", "telephone", "phone", "call", "travel", "fly", "go", "come", "arrive",
         "return", "embark", "visit", "meet", "use", "mobilize", "mobilise", "issue", "organize", "organise",
         "convene", "gather", "assemble", "resort", "summon", "help", "move", "rush", "open", "launch",
         "set", "establish", "form", "create", "hold", "stage", "join", "unite", "work", "act", "converge",
         "march"}
# Verbs that carry an act named by their object or subject noun ("renewed negotiations", "launched a
# mediation effort", "the riots continued"): the noun's act is what happened.
CARRIERS = LIGHT_VERBS | {"renew", "escalate", "intensify", "step", "deliver", "issue"}
# Verbs that only say an act is planned or decided: the act they announce counts ("plans to impose").
ANNOUNCING = {"plan", "schedule", "expect", "prepare", "decide", "intend", "aim", "vow", "pledge", "promise", "swear"}


def _ranks(doc: Doc, sent_start: int, lemmas: set) -> dict:
    """(sentence start, trigger lemma) -> rank: the trigger's depth in its sentence, raised above
    the verb that only carries it, announces it or serves it as a means."""
    span = doc.char_span(sent_start, len(doc.text), alignment_mode="expand")
    sent = span[0].sent if span is not None and len(span) else None
    tokens = {}
    for tok in sent or []:
        lemma = tok.lemma_.lower()
        if lemma in lemmas and (lemma not in tokens or _depth(tok) < _depth(tokens[lemma])):
            tokens[lemma] = tok
    rank = {lemma: float(_depth(tok)) for lemma, tok in tokens.items()}
    for lemma, tok in tokens.items():
        carrier = _carrier(tok, lemmas)
        if carrier is not None:
            rank[lemma] = min(rank[lemma], _depth(carrier) - 0.5)
    for _ in range(3):   # "mobilized groups to help support": purposes chain
        for lemma, tok in tokens.items():
            head = tok.head
            served = head.lemma_.lower()
            if served not in rank:
                continue
            if tok.dep_ in ("advcl", "xcomp") and (served in ANNOUNCING and to_infinitive(tok) or served in MEANS
                                                   and (to_infinitive(tok) or served == "help")):
                rank[lemma] = min(rank[lemma], rank[served] - 0.5)
    return {(sent_start, lemma): r for lemma, r in rank.items()}


def _carrier(tok, lemmas: set) -> Optional[object]:
    """The verb that carries this trigger's act: a light verb whose object names it ("staged a
    rally", "launched a mediation effort") or whose subject it is ("the talks resumed"), a means
    verb it is the purpose of ("gathered for a rally"), or a verb issuing the statement whose
    content it is ("issued a declaration demanding"), unless that statement is an act itself
    ("issued an ultimatum")."""
    head = tok.head
    if tok.dep_ == "compound" and head.dep_ == "dobj":
        tok, head = head, head.head
    if tok.dep_ in ("dobj", "nsubj") and tok.pos_ == "NOUN" and _carries(head):
        return head
    if (tok.dep_ == "pobj" and tok.pos_ == "NOUN" and head.lower_ == "for"
            and head.head.lemma_.lower() in MEANS):
        return head.head
    if (tok.dep_ in ("acl", "ccomp") and tok.pos_ == "VERB" and head.dep_ == "dobj"
            and head.lemma_.lower() not in lemmas | DEMANDS and _carries(head.head)):
        return head.head
    return None


def _carries(verb) -> bool:
    """A carrying verb, also when the lemmatizer misses its regular form ("staged" -> "stag")."""
    return verb.lemma_.lower() in CARRIERS or verb.lower_ in LIGHT_FORMS


def _depth(tok) -> int:
    """How far a token stands from its sentence root."""
    depth = 0
    while tok.head != tok and depth < 99:
        tok, depth = tok.head, depth + 1
    return depth


def _row(event: Event) -> dict:
    event_type, mode, cameo = event.event_type, event.mode, event.cameo
    code = announced(cameo, event.modality)
    if code is not None:
        said = coding(code)
        event_type, mode, cameo = said.event_type, said.mode, code
    return {"event_type": event_type, "mode": mode, "cameo": cameo, "source": [],
            "target": [], "modality": event.modality, "date": event.date, "trigger": event.trigger,
            "act": event.event_type}
