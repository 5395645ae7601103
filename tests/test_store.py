"""The store's speed paths write what the plain ones would: record bodies, and a released block cache."""
from __future__ import annotations

import json
from collections import namedtuple

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
