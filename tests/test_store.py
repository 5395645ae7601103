"""The store: its speed paths write what the plain ones would, and a failed batch changes nothing."""
from __future__ import annotations

import json
from collections import namedtuple

import pytest

from bilateral.model import Actor, Claim, Event, Mention
from bilateral.store import Store, _json


def _event() -> Event:
    return Event(event_id="e_1", source=Actor("KEN", "Kenya", "GOV"), target=Actor("GHA", "Ghana"),
                 event_type="AGREE", date="2021-03-04", context=[{"k": ("a", 1)}], goldstein=4.0,
                 mentions=[Mention("d_1", "Kenya and Ghana agreed to expand trade.", 10, 50)], trigger="agree")


def test_record_bodies_are_what_to_dict_gives():
    claim = Claim(claim_id="c_1", doc_id="d_1", metric="trade", subject="CHL", object="PER", value=2.5e9,
                  unit="USD", text="$2.5 billion", sentence="Trade between Chile and Peru reached $2.5 billion.",
                  char_start=5, char_end=17)
    for record in (_event(), claim):
        assert _json(record) == json.dumps(record.to_dict())


def test_container_subclasses_follow_asdict():
    pair = namedtuple("pair", "a b")
    event = _event()
    event.context = [pair("x", [1, 2])]
    assert _json(event) == json.dumps(event.to_dict())


def test_released_cache_keeps_the_data_and_the_store_usable(tmp_path):
    store = Store(tmp_path / "x.duckdb")
    store.add_source("a.txt", "d_1")
    before = store.con
    store.release_cache()
    assert store.con is not before
    assert store.con.execute("SELECT doc_id FROM sources WHERE source_path = 'a.txt'").fetchone() == ("d_1",)
    store.add_source("b.txt", "d_2")
    assert store.con.execute("SELECT count(*) FROM sources").fetchone() == (2,)
    store.close()


def test_an_in_memory_store_is_not_reopened():
    store = Store(":memory:")
    store.add_source("a.txt", "d_1")
    before = store.con
    store.release_cache()
    assert store.con is before and store.con.execute("SELECT count(*) FROM sources").fetchone() == (1,)


def test_a_batch_that_fails_halfway_leaves_the_store_as_it_was(tmp_path):
    from bilateral.model import Actor, Analysis, Document, Event, text_id
    from bilateral.store import Store
    store = Store(tmp_path / "s.duckdb")
    good = Document(doc_id=text_id("first"), source_path="a.txt", text="first")
    store.write_batch([Analysis(document=good)])
    before = store.counts()
    second = Document(doc_id=text_id("second"), source_path="b.txt", text="second")
    broken = Event(event_id="e", source=Actor("DEU", "Germany"), target=Actor("NAM", "Namibia"),
                   event_type="AID", mentions=[])   # no passage: storing it fails after the document row
    with pytest.raises(IndexError):
        store.write_batch([Analysis(document=second, events=[broken])])
    assert store.counts() == before and not store.has_document(second.doc_id)
    store.close()
