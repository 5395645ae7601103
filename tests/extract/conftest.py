"""A helper that reads the claims of a short text through the real parse, actors and time expressions."""
import pytest

from bilateral.extract.claims import extract_claims
from bilateral.model import Document, text_id
from bilateral.nlp.actors import find_actors
from bilateral.nlp.pipeline import load_nlp
from bilateral.nlp.timex import find_timexes


@pytest.fixture(scope="session")
def claims_of():
    """claims_of(text, published) -> {figure text: claim}."""
    nlp = load_nlp()

    def read(text: str, published: str = "2021-05-01") -> dict:
        doc = nlp(text)
        document = Document(doc_id=text_id(text), source_path="test.txt", text=text, published=published)
        return {c.text: c for c in extract_claims(document, doc, find_actors(doc), find_timexes(text, published))}
    return read
