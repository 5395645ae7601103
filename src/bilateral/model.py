"""The data model: every object that flows between stages, in one place.

Stages are pure functions from one of these to the next (see the package
docstring); the store and the views read and write nothing else.  Dates are
partial ISO strings cut to their known precision ("1953", "1953-01",
"1945-03-09"); unknown is None.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Optional

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# What the record keeps; the sentence coder also marks "conditional", "hypothetical", "required"
# ("B must ...") and "refused" ("will not ...") (extract/mood.py).
MODALITIES = ("asserted", "planned", "intended", "negated")
QUALIFIERS = ("exact", "approximate", "more_than", "at_least", "less_than", "at_most")
PERIOD_KINDS = ("point", "flow", "cumulative", "annual")
CONFLICT_KINDS = ("value", "rank", "date", "outlier", "plan_vs_fact")
METRICS = (
    "oda", "oda_loans", "oda_grants", "oda_technical", "aid", "fdi", "trade", "exports", "imports", "donor_rank", "investor_rank",
    "tourists", "residents", "companies", "investors", "students", "trainees", "workers",
    "peacekeeping_contribution", "troops", "other",
)


def stable_id(prefix: str, *parts: Any) -> str:
    """A short id that depends only on its parts, so re-runs give the same ids."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return f"{prefix}_{h.hexdigest()[:16]}"


# A hyphen that ended a wrapped line ("long-\nterm" became "long- term"): the wrap, not the word.
_WRAPPED_HYPHEN = re.compile(r"(?<=\w)- (?=\w)")


def identity_text(text: str) -> str:
    """The text a document is identified by: every run of whitespace one space, and a hyphen at a line
    wrap joined to its word, so hard wraps, tabs and double spaces do not make another document."""
    return _WRAPPED_HYPHEN.sub("-", " ".join(text.split()))


def text_id(text: str) -> str:
    """The document id: a hash of the cleaned text normalised by `identity_text` (same words, same id).

    The stored text and every offset stay those of the text as cleaned."""
    return "d_" + hashlib.sha256(identity_text(text).encode("utf-8", "surrogatepass")).hexdigest()[:16]


class Record:
    """Shared helpers for the dataclasses below."""

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls, data: dict):
        """The record from a dict such as `to_dict` gives; unknown keys (from newer versions) are dropped."""
        names = _FIELD_NAMES.get(cls)
        if names is None:   # dataclasses.fields is slow enough to matter when a store reads 100k rows
            names = _FIELD_NAMES[cls] = frozenset(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
        if names.issuperset(data):
            return cls(**data)
        return cls(**{k: v for k, v in data.items() if k in names})


_FIELD_NAMES: dict = {}


# --- reading ---------------------------------------------------------------


@dataclass
class RawDocument(Record):
    """One source as read from disk or a JSONL line: decoded text plus what the source said of itself."""

    source_path: str
    text: str                       # decoded text (HTML source for format "html")
    format: str                     # "text", "markdown", "html"
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None


@dataclass
class Document(Record):
    """A cleaned document: the text every offset points into, and its metadata."""

    doc_id: str
    source_path: str
    text: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    published_basis: Optional[str] = None   # metadata | text | inferred | None
    n_chars_raw: int = 0
    n_chars_clean: int = 0
    # [clean_start, source_start, length] runs: where each piece of `text` stands in the source
    offsets: list = field(default_factory=list)
    # The place a news dateline named ("CARACAS, March 12 -"), taken off the text when cleaning: where the
    # reporter stood, which tells whose an official without a nationality is. Read by analysis, not stored.
    dateline: Optional[str] = None

    def source_offset(self, i: int) -> Optional[int]:
        """Map an offset in the cleaned text to the same character in the source, if known."""
        for clean_start, source_start, length in self.offsets:
            if clean_start <= i <= clean_start + length:
                return source_start + (i - clean_start)
        return None

    def export(self) -> dict:
        d = self.to_dict()
        d.pop("text")
        d.pop("offsets")
        d.pop("dateline")
        return d


# --- mentions found in a parsed document -----------------------------------


@dataclass
class ActorMention(Record):
    """A span that names an actor, resolved to a code ("NAM", "UN") or None with its name."""

    start: int
    end: int
    text: str
    code: Optional[str]
    name: str
    sector: Optional[str] = None      # GOV, MIL, BUS, CVL, IGO, ...
    kind: str = "country"             # country, demonym, capital, place, person, org, igo


@dataclass
class Timex(Record):
    """A time expression with its TIMEX3 type and value, normalized against an anchor."""

    start: int
    end: int
    text: str
    type: str                         # DATE, TIME, DURATION, SET
    value: str                        # TIMEX3 value: "1941-03", "2013-W12", "P3D", "PRESENT_REF"
    mod: Optional[str] = None         # START, END, MID, BEFORE, AFTER, APPROX, ...
    anchor: Optional[str] = None      # the date it was resolved against, if relative
    relative: bool = False            # resolved against the document date or context
    signal: Optional[str] = None      # governing preposition: since, from, between, in, by, as of, until
    range_start: Optional[str] = None  # for "from 2010 to 2017", "between 1941 and 1945", "since 1992"
    range_end: Optional[str] = None

    @property
    def date(self) -> Optional[str]:
        """The value as a partial ISO date, or None when it is not a calendar date."""
        return timex_to_date(self.value) if self.type in ("DATE", "TIME") else None


def timex_to_date(value: Optional[str]) -> Optional[str]:
    """"1941-03" -> "1941-03"; "2013-03-22T10:00" -> "2013-03-22"; "2019-W23" -> "2019-06" (the month of
    the week's Thursday); "199X", "PRESENT_REF" -> None."""
    if not value:
        return None
    v = value.split("T")[0]
    parts = v.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return None
    if len(parts) > 1 and parts[1][:1] == "W" and parts[1][1:3].isdigit():
        import datetime
        try:
            thursday = datetime.date.fromisocalendar(int(parts[0]), int(parts[1][1:3]), 4)
        except ValueError:
            return parts[0]
        return f"{thursday.year:04d}-{thursday.month:02d}"
    out = [parts[0]]
    for p in parts[1:3]:
        if p.isdigit() and len(p) == 2:
            out.append(p)
        else:
            break
    return "-".join(out)


@dataclass
class Quantity(Record):
    """A number in the text with its scale, unit and qualifier (not yet a claim)."""

    start: int
    end: int
    text: str
    value: Optional[float]
    unit: Optional[str]               # ISO 4217 or a count noun, None when bare
    qualifier: str = "exact"
    low: Optional[float] = None
    high: Optional[float] = None
    rank: Optional[int] = None        # for ordinals ("third-largest")


# --- extracted items ---------------------------------------------------------


@dataclass
class Actor(Record):
    """An event's source or target as exported."""

    code: Optional[str]
    name: str
    sector: Optional[str] = None


@dataclass
class Mention(Record):
    """A passage that reports an event."""

    doc_id: str
    sentence: str
    char_start: int
    char_end: int


@dataclass
class Event(Record):
    """Who did what to whom and when, with every passage that reports it."""

    event_id: str
    source: Actor
    target: Actor
    event_type: str
    modality: str = "asserted"
    date: Optional[str] = None
    date_end: Optional[str] = None
    date_basis: str = "unknown"       # explicit | relative | inferred | unknown
    mode: Optional[str] = None
    context: list = field(default_factory=list)
    cameo: Optional[str] = None
    quad: Optional[str] = None
    goldstein: Optional[float] = None
    summary: str = ""
    mentions: list = field(default_factory=list)   # list[Mention]
    trigger: Optional[str] = None     # the verb or noun that carried the event
    topic: Optional[str] = None       # the object the lexicon rule matched ("relations", "flights")
    aspect: Optional[str] = None      # "ongoing" when the text tells the act as continuing ("continues to fund")
    amount: Optional[str] = None      # the figure the act moves ("50000 barrels"), when its object names one

    @classmethod
    def from_dict(cls, data: dict) -> "Event":
        d = dict(data)
        d["source"] = Actor.from_dict(d["source"]) if isinstance(d.get("source"), dict) else d.get("source")
        d["target"] = Actor.from_dict(d["target"]) if isinstance(d.get("target"), dict) else d.get("target")
        d["mentions"] = [Mention.from_dict(m) if isinstance(m, dict) else m for m in d.get("mentions") or []]
        return super().from_dict.__func__(cls, d)  # type: ignore[attr-defined]


@dataclass
class Claim(Record):
    """A quantitative statement in one document: a figure, or a rank."""

    claim_id: str
    doc_id: str
    metric: str
    subject: Optional[str]
    object: Optional[str]
    value: Optional[float]
    unit: Optional[str]
    qualifier: str = "exact"
    low: Optional[float] = None
    high: Optional[float] = None
    scope: Optional[str] = None
    period_start: Optional[str] = None
    period_end: Optional[str] = None
    period_kind: Optional[str] = None
    as_of: Optional[str] = None
    rank: Optional[int] = None
    rank_group: Optional[str] = None   # "after China": the reference the rank is stated against
    value_usd: Optional[float] = None
    fine_metric: Optional[str] = None  # e.g. oda_loans, mapped onto metric
    modality: str = "asserted"         # asserted, or planned / intended (a target, forecast, offer) / negated
    direction_basis: Optional[str] = None  # "text": a party named in the figure's sentence; "document": both
                                           # sides from the document's pair or an earlier figure
    period_basis: Optional[str] = None     # "text": the period is stated; "document": a flow the text leaves
                                           # undated, taken to be of the month the document came out
    text: str = ""
    sentence: str = ""
    char_start: int = 0
    char_end: int = 0


@dataclass
class Conflict(Record):
    """Two or more items that cannot all hold, with a sentence a person can check."""

    conflict_id: str
    kind: str
    explanation: str
    claim_ids: list = field(default_factory=list)
    event_ids: list = field(default_factory=list)


RELATION_KINDS = ("agree", "update", "plan_vs_fact", "value", "outlier", "rank")


@dataclass
class Relation(Record):
    """What reconciliation decided about two comparable claims, with a sentence a person can check.

    `agree`: their intervals overlap; `update`: a later, larger cumulative total; `plan_vs_fact`: a target
    or forecast and a reported figure that differ; the other kinds are conflicts (and stand in the
    conflicts table too)."""

    grp: str
    claim_a: str
    claim_b: str
    kind: str
    explanation: str


class PairCount(NamedTuple):
    """An actor pair ("DEU|NAM", the store's unordered key) with its numbers of events and claims."""

    pair: str
    events: int
    claims: int


class DocumentStats(NamedTuple):
    """A stored document as listings show it: metadata, sizes and its numbers of event mentions and claims."""

    doc_id: str
    title: Optional[str]
    outlet: Optional[str]
    published: Optional[str]
    published_basis: Optional[str]
    n_chars_raw: int
    n_chars_clean: int
    events: int
    claims: int
    source_path: str


@dataclass
class Analysis(Record):
    """Everything the per-document stages produce for one document: the unit a worker returns."""

    document: Document
    events: list = field(default_factory=list)   # list[Event], one mention each, not yet merged
    claims: list = field(default_factory=list)   # list[Claim]
    n_tokens: int = 0


# --- event data from elsewhere (GDELT, ICEWS, POLECAT) ---------------------------


EXTERNAL_DATASETS = ("gdelt", "icews", "polecat")


@dataclass
class ExternalEvent(Record):
    """One record of another event dataset, kept apart from the record's own events.

    `date` is the dataset's own event date; `reported` the date its source was published or
    added (GDELT's DATEADDED, POLECAT's Publication Date) when the dataset gives one."""

    dataset: str
    native_id: str
    date: Optional[str]
    source: Actor
    target: Actor
    cameo: Optional[str] = None
    event_type: Optional[str] = None   # PLOVER, mapped from CAMEO when the dataset gives CAMEO
    mode: Optional[str] = None
    context: list = field(default_factory=list)
    quad: Optional[str] = None
    goldstein: Optional[float] = None  # GDELT's GoldsteinScale, ICEWS's and POLECAT's intensity
    reported: Optional[str] = None
    url: Optional[str] = None
    text: Optional[str] = None         # the sentence, where the dataset gives it
    story_id: Optional[str] = None
    sentence_number: Optional[int] = None
    publisher: Optional[str] = None
    source_file: str = ""
    line: int = 0

    @classmethod
    def from_dict(cls, data: dict) -> "ExternalEvent":
        d = dict(data)
        for side in ("source", "target"):
            if isinstance(d.get(side), dict):
                d[side] = Actor.from_dict(d[side])
        return super().from_dict.__func__(cls, d)  # type: ignore[attr-defined]


@dataclass
class Counterpart(Record):
    """An own event and an external event of the same pair and type family, with their dates apart.

    `kind` is `match` (dates within the window) or `retrospective` (the external dataset dates by a
    report that tells an older event: a document citing the own event came out near the external date)."""

    kind: str
    event_id: str
    external_id: str
    own_date: Optional[str]
    external_date: Optional[str]
    days_apart: Optional[int]
    event_type: Optional[str]
    explanation: str


@dataclass
class EventRef(Record):
    """An own or external event as a comparison lists it: enough to show and find it."""

    id: str
    date: Optional[str]
    event_type: Optional[str]
    cameo: Optional[str]
    label: str
    url: Optional[str] = None


@dataclass
class Comparison(Record):
    """The record of a pair beside an external dataset over a period."""

    pair: str
    dataset: str
    start: Optional[str]
    end: Optional[str]
    window_days: int
    counterparts: list = field(default_factory=list)    # list[Counterpart]
    own: list = field(default_factory=list)             # list[EventRef]: the own events compared
    external: list = field(default_factory=list)        # list[EventRef]: the external events compared
    own_only: list = field(default_factory=list)        # ids of own events with no external counterpart
    external_only: list = field(default_factory=list)   # ids of external events with none among ours
    uncategorised: int = 0                              # external events with no PLOVER category (CAMEO 01)
