"""What `ask` returns: an answer's text, its kind and basis, the passages it cites and the record items it rests on."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional

BASES = ("record", "passage")


@dataclass
class Citation:
    """One cited passage: the document it stands in and the sentence with its character offsets."""

    doc_id: str
    source_path: str
    title: Optional[str]
    published: Optional[str]
    sentence: str
    char_start: int
    char_end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Answer:
    """The answer text, its citations, and the events or claims (as dicts) it was composed from.

    `kind` is what the question asked (date, figure, rank, list, compare, why, conflict, passage);
    `basis` says whether the answer rests on the record's events and claims or on passages
    retrieved because the record lacks the item; `answered` is False when the documents do not say."""

    text: str
    citations: list = field(default_factory=list)   # list[Citation]
    items: list = field(default_factory=list)       # list[dict]
    kind: str = "passage"
    answered: bool = True
    basis: str = "passage"

    def to_dict(self) -> dict:
        return {"answer": self.text, "kind": self.kind, "basis": self.basis, "answered": self.answered,
                "citations": [c.to_dict() for c in self.citations], "items": list(self.items)}
