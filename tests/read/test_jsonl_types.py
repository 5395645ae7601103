"""JSON Lines fields are checked for their type: a body that is not a string is the line's error; a
metadata value of the wrong type, a date that is not one or an unpaired surrogate is a warning and
the document is read without it; a line JSON cannot hold in memory is an error of its own."""
from __future__ import annotations

import json

from bilateral.errors import InputError, InputWarning
from bilateral.model import RawDocument
from bilateral.read import read_sources

BODY = "Chile and Peru signed a fisheries accord in Lima."


def _read(tmp_path, lines: list) -> tuple:
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_sources([str(path)]))
    docs = [r for r in results if isinstance(r, RawDocument)]
    warnings = [r for r in results if isinstance(r, InputWarning)]
    errors = [r for r in results if isinstance(r, InputError) and not isinstance(r, InputWarning)]
    return path, docs, errors, warnings


def test_a_text_that_is_not_a_string_is_the_lines_error(tmp_path):
    path, docs, errors, _ = _read(tmp_path, [json.dumps({"text": 12345}), json.dumps({"text": ["a", "b"]}),
                                             json.dumps({"html": {"p": 1}}), json.dumps({"text": BODY})])
    assert [d.text for d in docs] == [BODY]
    assert [e.reason for e in errors] == ["line 1: 'text' is a number, not a string",
                                          "line 2: 'text' is a list, not a string",
                                          "line 3: 'html' is an object, not a string"]


def test_metadata_of_the_wrong_type_is_left_out_with_a_warning(tmp_path):
    path, docs, errors, warnings = _read(tmp_path, [json.dumps({"text": BODY, "url": 5, "title": ["x"],
                                                                "author": {"n": 1}, "outlet": True})])
    (doc,) = docs
    assert errors == []
    assert doc.source_path == f"{path}#L1" and doc.url is None and doc.title is None and doc.outlet is None
    assert sorted(w.reason for w in warnings) == [
        "line 1: 'author' is an object, not a string or a list of strings: left out",
        "line 1: 'outlet' is a boolean, not a string: left out",
        "line 1: 'title' is a list, not a string: left out",
        "line 1: 'url' is a number, not a string: left out"]


def test_dates_are_parsed_or_reported(tmp_path):
    path, docs, errors, warnings = _read(tmp_path, [
        json.dumps({"text": BODY, "published": "yesterday"}),
        json.dumps({"text": BODY + " Again.", "published": "2021-02-30"}),
        json.dumps({"text": BODY + " Once more.", "published": 2019}),
        json.dumps({"text": BODY + " Last.", "published": 20.5})])
    assert [d.published for d in docs] == [None, None, "2019", None]
    assert [w.reason for w in warnings] == [
        "line 1: 'published' is not a date ('yesterday'): left out",
        "line 2: 'published' is not a date ('2021-02-30'): left out",
        "line 4: 'published' is a number, not a string or a year: left out"]


def test_unpaired_surrogates_are_replaced_and_said(tmp_path):
    line = '{"text": "%s \\ud83d\\ude00 \\udc00", "url": "https://x.example/\\ud800", "title": "T\\ud800"}' % BODY
    path, docs, errors, warnings = _read(tmp_path, [line])
    (doc,) = docs
    assert doc.url == "https://x.example/\ufffd" and doc.title == "T\ufffd"
    assert doc.text == BODY + " \U0001f600 \ufffd"     # a proper pair is one character and stays
    assert len(warnings) == 3 and all("unpaired surrogate" in w.reason for w in warnings)
    doc.text.encode("utf-8")   # storable


def test_numbers_and_nesting_json_cannot_hold_are_errors_of_their_line(tmp_path):
    path, docs, errors, _ = _read(tmp_path, ['{"text": "%s", "n": %s}' % (BODY, "9" * 5000),
                                             "[" * 100_000 + "]" * 100_000,
                                             json.dumps({"text": BODY + " Still read."})])
    assert [d.source_path for d in docs] == [f"{path}#L3"]
    assert errors[0].reason.startswith("line 1: cannot be read as JSON (Exceeds the limit")
    assert errors[1].reason.startswith("line 2:") and "JSON" in errors[1].reason
    assert all(e.code == "jsonl" for e in errors)


def test_control_characters_never_reach_the_stored_text(tmp_path):
    from bilateral.read import clean
    line = json.dumps({"text": "Chile\x07 and Peru\x00 signed\x1b a\x0cfisheries accord\u0085in Lima.",
                       "title": "Chile\x08 and Peru"})
    _, docs, _, _ = _read(tmp_path, [line])
    doc = clean(docs[0])
    assert doc.text == "Chile and Peru signed a fisheries accord in Lima." and doc.title == "Chile and Peru"
    assert not any(ord(c) < 32 and c != "\n" or 0x7f <= ord(c) < 0xa0 for c in doc.text)
