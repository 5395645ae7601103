"""The Python API: a Corpus over one store, mirroring the command line."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from .engine import IngestReport, ingest as _ingest
from .model import Claim, Conflict, Document, Event
from .options import Options
from .store import Store, pair_key

DEFAULT_DB = "bilateral.duckdb"


class Results(list):
    """A list of data-model objects that also converts to a pandas DataFrame."""

    def to_dicts(self) -> list:
        return [x.export() if isinstance(x, Document) else x.to_dict() for x in self]

    def to_pandas(self):
        import pandas as pd
        return pd.DataFrame(self.to_dicts())


def resolve_pair(pair: Optional[Sequence[str]], dictionary: Optional[str] = None) -> Optional[str]:
    """Two country arguments (codes or names) as the store's unordered pair key."""
    if not pair:
        return None
    if isinstance(pair, str):
        pair = [p for p in pair.replace(",", " ").split() if p]
    if len(pair) != 2:
        raise ValueError(f"a pair needs two countries, got {list(pair)!r}")
    from .nlp.gazetteer import Gazetteer
    g = Gazetteer.load(dictionary)
    return pair_key(g.resolve_country(pair[0]), g.resolve_country(pair[1]))


class Corpus:
    """One store of documents, events, claims and conflicts."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, dictionary: Optional[str] = None,
                 options: Optional[Options] = None, wait: float = 0.0):
        """Open a store. For writing, this process becomes its one writer (waiting up to `wait` seconds for
        another to end, else StoreBusy) and first finishes what a stopped ingest left (`self.repaired`)."""
        self.options = (options or Options()).replace(**({"dictionary": dictionary} if dictionary else {}))
        self.store = Store(path, read_only=read_only, wait=wait)
        self.repaired = None
        if not read_only:
            from .journal import finish_pending
            try:
                self.repaired = finish_pending(self.store, self.options) or None
            except BaseException:
                self.store.close()
                raise

    def unfinished(self) -> Optional[str]:
        """What a reader should know of batches stored but not reconciled yet, or None when there are none."""
        pending = [b for b in self.store.journal_pending() if b.state == "stored"]
        if not pending:
            return None
        if self.store.writing_elsewhere():
            return f"an ingest is running: {len(pending)} stored batches are not reconciled yet"
        return (f"an ingest stopped before reconciling {len(pending)} stored batches: events and conflicts "
                "miss them until `bilateral repair` (or any ingest) finishes them")

    @classmethod
    def over(cls, store: Store, options: Optional[Options] = None) -> "Corpus":
        """A Corpus over a store already open (a server's cursor, say)."""
        corpus = cls.__new__(cls)
        corpus.store, corpus.options, corpus.repaired = store, options or Options(), None
        return corpus

    @property
    def dictionary(self) -> Optional[str]:
        """The user actor dictionary the corpus reads names with."""
        return self.options.dictionary

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ingest(self, paths: Iterable[str] | str, processes: int = 1, engine: str = "local",
               address: Optional[str] = None, progress: Optional[Callable[[int], None]] = None,
               batch_size: Optional[int] = None) -> IngestReport:
        """Read, analyze and store documents; known documents change nothing."""
        if isinstance(paths, (str, Path)):
            paths = [str(paths)]
        options = self.options.replace(batch_size=batch_size) if batch_size else self.options
        return _ingest(self.store, [str(p) for p in paths], options, processes=processes, engine=engine,
                       address=address, progress=progress)

    def documents(self) -> Results:
        return Results(self.store.documents())

    def document(self, doc_id: str) -> Optional[Document]:
        return self.store.document(doc_id)

    def timeline(self, pair: Optional[Sequence[str]] = None, start: Optional[str] = None,
                 end: Optional[str] = None, event_type: Optional[str] = None, dated_only: bool = True) -> Results:
        """Events of a pair (or all), oldest first; undated ones last unless `dated_only`."""
        key = resolve_pair(pair, self.dictionary)
        events = self.store.events(key)
        out = []
        for e in events:
            if dated_only and not e.date:
                continue
            if start and (not e.date or e.date[:len(start)] < start):
                continue
            if end and (not e.date or e.date[:len(end)] > end):
                continue
            if event_type and e.event_type != event_type.upper():
                continue
            out.append(e)
        return Results(out)

    def events(self, pair: Optional[Sequence[str]] = None) -> Results:
        return Results(self.store.events(resolve_pair(pair, self.dictionary)))

    def claims(self, metric: Optional[str] = None, pair: Optional[Sequence[str]] = None) -> Results:
        """Claims, optionally of one metric and pair, oldest as-of first."""
        key = resolve_pair(pair, self.dictionary)
        claims = self.store.claims(pairs=[key] if key else None, metric=metric)
        claims.sort(key=lambda c: (c.metric, c.as_of or "9999", c.claim_id))
        return Results(claims)

    def conflicts(self, kind: Optional[str] = None) -> Results:
        return Results(k for k in self.store.conflicts() if kind is None or k.kind == kind)

    def claim(self, claim_id: str) -> Optional[Claim]:
        return self.store.claim(claim_id)

    def event(self, event_id: str) -> Optional[Event]:
        return self.store.event(event_id)

    def pairs(self) -> list:
        """Every actor pair with its numbers of events and claims (PairCount), busiest first."""
        return self.store.pairs()

    def document_stats(self) -> list:
        """Every document with its sizes and numbers of event mentions and claims (DocumentStats)."""
        return self.store.document_stats()

    def counts(self) -> dict:
        """How many documents, event mentions, events, claims and conflicts the store holds."""
        return self.store.counts()

    def relations(self, claim_ids: Optional[list] = None) -> Results:
        """What reconciliation decided about comparable claims (agree, update, conflicts), all or those
        touching the given claims."""
        return Results(self.store.relations(claim_ids))

    def export(self, out: str | Path, fmt: str = "jsonl", pair: Optional[Sequence[str]] = None) -> list:
        """Write the export files into `out`: the record (jsonl, csv, parquet) or its events in an
        event-data format (icews, polecat, timelinejs: optionally of one pair)."""
        from .export import export
        return export(self.store, out, fmt, pair=resolve_pair(pair, self.dictionary))

    # --- other event datasets (formats/) -------------------------------------------------------

    def import_events(self, dataset: str, paths: Iterable[str] | str,
                      progress: Optional[Callable[[int], None]] = None):
        """Import GDELT, ICEWS or POLECAT files beside the record (never into its events): ImportReport."""
        from .formats.importer import import_files
        return import_files(self.store, dataset, [str(paths)] if isinstance(paths, (str, Path)) else paths,
                            progress=progress)

    def external_events(self, dataset: Optional[str] = None, pair: Optional[Sequence[str]] = None,
                        start: Optional[str] = None, end: Optional[str] = None) -> Results:
        """Imported events, by dataset, pair and period (partial ISO dates), oldest first."""
        from .store_external import ExternalStore
        return Results(ExternalStore(self.store).events(dataset, resolve_pair(pair, self.dictionary), start, end))

    def compare(self, pair: Sequence[str], dataset: str = "gdelt", start: Optional[str] = None,
                end: Optional[str] = None, window: Optional[int] = None):
        """A pair's events beside an imported dataset's (see `formats.compare`): a Comparison."""
        from .formats.compare import WINDOW_DAYS, compare
        from .store_external import ExternalStore
        key = resolve_pair(pair, self.dictionary)
        own = self.store.events(key)
        meta = self.store.document_meta({m.doc_id for e in own for m in e.mentions})
        documents = {d: (m[0], m[2], m[3]) for d, m in meta.items()}
        return compare(key, dataset, own, ExternalStore(self.store).events(dataset, key, start, end), documents, start,
                       end, WINDOW_DAYS if window is None else window)

    def ask(self, question: str, embed: bool = False):
        """Answer a question from the record with citations (see `bilateral.ask`); `embed` needs the extra."""
        from .ask import ask
        return ask(self, question, embed=embed)

    def conflict_items(self, conflict: Conflict) -> list:
        """The claims or events a conflict names, for quoting both passages."""
        if conflict.claim_ids:
            return self.store.claims_by_ids(conflict.claim_ids)
        return self.store.events_by_ids(conflict.event_ids)


def open(path: str | Path = DEFAULT_DB, read_only: bool = False, dictionary: Optional[str] = None,  # noqa: A001
         options: Optional[Options] = None, wait: float = 0.0) -> Corpus:
    """Open (or create) a corpus store."""
    return Corpus(path, read_only=read_only, dictionary=dictionary, options=options, wait=wait)
