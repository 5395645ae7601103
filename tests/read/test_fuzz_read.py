"""Fuzzing the readers: random bytes as files of every format, random JSON Lines lines and random
documents to clean. Whatever comes in, what comes out is a document or a named error, never an
exception, and no document carries text UTF-8 cannot store or a control character into the store."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.errors import InputError
from bilateral.model import RawDocument
from bilateral.read import clean, read_sources
from bilateral.read.jsonl import line_document

FUZZ = settings(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".htm"]

# Bytes with a bias toward what breaks decoders: byte-order marks, NULs, high bytes, newlines.
PREFIXES = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"])
BODIES = st.one_of(st.binary(max_size=300),
                   st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
                   st.text(max_size=200).map(lambda t: t.encode("utf-16", "surrogatepass")))
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                       max_size=4), max_leaves=12)
FIELDS = st.sampled_from(["text", "html", "url", "title", "published", "outlet", "author", "content", "authors",
                          "date", "link", "source", "maintext"])


def _check(results: list) -> list:
    docs = []
    for r in results:
        assert isinstance(r, (RawDocument, InputError)), r
        if isinstance(r, InputError):
            assert r.path and r.reason and r.code
            continue
        for value in (r.text, r.url, r.title, r.published, r.outlet, r.author):
            assert value is None or isinstance(value, str)
            if value is not None and r.format != "html":
                value.encode("utf-8")        # no unpaired surrogate
        docs.append(r)
    return docs


@settings(FUZZ, max_examples=600)
@given(prefix=PREFIXES, body=BODIES, suffix=st.sampled_from(SUFFIXES))
def test_random_files_read_as_documents_or_named_errors(prefix, body, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(prefix + body)
        for raw in _check(list(read_sources([tmp], max_bytes=10_000))):
            assert raw.text.strip()


@settings(FUZZ, max_examples=1200)
@given(record=st.dictionaries(FIELDS, JSON_VALUES, max_size=6))
def test_random_json_lines_records(record):
    line = json.dumps(record)
    docs = _check(list(line_document("f.jsonl", 1, line)))
    if docs:
        (doc,) = docs
        assert doc.text.strip() and doc.format in ("text", "html")


@settings(FUZZ, max_examples=400)
@given(line=st.text(max_size=120))
def test_random_lines_are_never_an_exception(line):
    _check(list(line_document("f.jsonl", 3, line)))


@settings(FUZZ, max_examples=500)
@given(text=st.text(min_size=1, max_size=400), fmt=st.sampled_from(["text", "markdown"]),
       title=st.none() | st.text(max_size=30), published=st.none() | st.text(max_size=20))
def test_cleaning_random_text_keeps_no_control_character_and_maps_its_offsets(text, fmt, title, published):
    raw = RawDocument(source_path="f.txt", text=text, format=fmt, title=title, published=published)
    doc = clean(raw)
    assert not CONTROL.search(doc.text.replace("\n", ""))
    assert doc.title is None or not CONTROL.search(doc.title)
    for clean_start, source_start, length in doc.offsets:
        assert doc.text[clean_start:clean_start + length] == text[source_start:source_start + length]


@settings(FUZZ, max_examples=150)
@given(body=st.text(max_size=300), tag=st.sampled_from(["p", "div", "article", "script", "table", "h1"]))
def test_cleaning_random_html(body, tag):
    doc = clean(RawDocument(source_path="f.html", text=f"<html><body><{tag}>{body}</{tag}></body></html>",
                            format="html"))
    assert not CONTROL.search(doc.text.replace("\n", ""))
