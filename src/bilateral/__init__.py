"""bilateral: articles about relations between countries in, a sourced record out.

    import bilateral
    corpus = bilateral.open("x.duckdb")
    corpus.ingest(["articles/"])
    corpus.timeline(pair=("DEU", "NAM")).to_pandas()

The flow: read → clean → parse → actors, time, figures → events and claims →
store → reconcile (merged events, conflicts) → views.  Everything before the
store is a pure function of one document.
"""
from .api import Corpus, Results, open
from .model import (Actor, ActorMention, Analysis, Claim, Conflict, Document, Event, Mention, Quantity,
                    RawDocument, Timex)

__version__ = "0.1.0"

__all__ = [
    "Actor", "ActorMention", "Analysis", "Claim", "Conflict", "Corpus", "Document", "Event", "Mention",
    "Quantity", "RawDocument", "Results", "Timex", "open", "__version__",
]
