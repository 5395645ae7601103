"""One frozen `Options` object, passed through every stage: what a run is told, in one place.

Stages read what they need from it instead of boolean flags and module constants, so a
test or a user changes a setting by passing other options, never by patching a module.
It is hashable (stages cache what they load per options) and picklable (workers get it).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Options:
    """Settings of one run; the defaults build the record as `ingest` does."""

    # --- what the rules read, besides the shipped data
    dictionary: Optional[str] = None        # a user actor dictionary (TSV or JSON), added to the gazetteer
    lexicon: Optional[str] = None           # a folder of lexicon files extending the shipped ones (lexicon/)
    model: Optional[str] = None             # a spaCy package to load; default: official small English, else re-packaged
    # --- what the event coder keeps
    domestic: bool = False                  # also acts within one state and acts with an unnamed party
    fine_moods: bool = False                # also mark conditional, hypothetical, required and refused acts
    verb_dictionary: bool = False           # also code verbs the lexicon lacks from the CAMEO verb dictionary
    # --- what is read at all
    max_bytes: int = 5_000_000              # a file (or one JSON Lines line) larger than this is refused, not read
    section_chars: int = 200_000            # texts longer than this are parsed in sections of at most this length
    # --- how work is cut
    batch_size: int = 64                    # documents per unit of work and per store transaction
    pipe_batch: int = 32                    # texts per nlp.pipe batch (16-64 parse alike; bench/throughput.py)
    pool_task: int = 16                     # documents per task sent to a worker process
    last_task: int = 4                      # documents per task of the last batch, so processes end together
    in_flight_per_worker: int = 2           # tasks queued per worker
    release_every: int = 1000               # documents stored between releases of the store's block cache
    # --- reconciliation
    pair_chunk: int = 64                    # pairs reconciled in one transaction
    chunk_rows: int = 4000                  # mentions or claims read at a time
    index_clusters: int = 16                # clusters in a merge block past which candidates are found by date
    indexed_outliers: int = 48             # claims in a group past which the outlier check is indexed

    def replace(self, **changes) -> "Options":
        """These options with some settings changed."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def sentences(cls, **changes) -> "Options":
        """The sentence coder's options (`bilateral code`): domestic acts, fine moods and the verb
        dictionary, as event data sets code sentences one by one."""
        return cls(domestic=True, fine_moods=True, verb_dictionary=True).replace(**changes)


DEFAULT = Options()
