"""The store: its speed paths write what the plain ones would, and a failed batch changes nothing."""
from __future__ import annotations

import json

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
        assert json.loads(_json(record)) == json.loads(json.dumps(record.to_dict()))   # tuples are JSON arrays


def test_figures_come_back_exactly_and_non_finite_ones_never_reach_a_body():
    claim = Claim(claim_id="c_1", doc_id="d_1", metric="trade", subject="CHL", object="PER", value=0.1 + 0.2,
                  unit="USD", value_usd=float("inf"))
    back = json.loads(_json(claim))
    assert back["value"] == 0.1 + 0.2 and back["value_usd"] is None


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


def test_big_tables_carry_no_key_index_and_ids_stay_unique(tmp_path):
    import bilateral
    from bilateral.store import SCHEMA
    corpus_dir = __import__("pathlib").Path(bilateral.__file__).parent / "data" / "sample"
    # a key index on these tables is held in memory whole: the schema leaves them without one
    for table in ("mentions", "events", "claims", "conflicts"):
        block = SCHEMA.split(f"CREATE TABLE IF NOT EXISTS {table} (")[1].split(");")[0]
        assert "PRIMARY KEY" not in block, table
    with bilateral.open(str(tmp_path / "s.duckdb")) as corpus:
        corpus.ingest([str(corpus_dir)])
        corpus.ingest([str(corpus_dir)])
        con = corpus.store.con
        for table, key in (("mentions", "mention_id"), ("events", "event_id"), ("claims", "claim_id"),
                           ("conflicts", "conflict_id")):
            total, distinct = con.execute(f"SELECT count(*), count(DISTINCT {key}) FROM {table}").fetchone()
            assert total == distinct and total > 0, table


def test_a_store_made_with_keys_on_every_table_still_takes_ingests(tmp_path):
    import bilateral
    from bilateral import store as store_module
    corpus_dir = __import__("pathlib").Path(__file__).parent / "docs" / "corpus"
    keyed = store_module.SCHEMA
    for key in ("mention_id", "event_id", "claim_id", "conflict_id"):
        keyed = keyed.replace(f"    {key} VARCHAR,", f"    {key} VARCHAR PRIMARY KEY,")
    import duckdb
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute(keyed)
    con.close()
    with bilateral.open(str(tmp_path / "old.duckdb")) as corpus:
        first = corpus.ingest([str(corpus_dir)])
        again = corpus.ingest([str(corpus_dir)])
        assert first.new > 0 and again.new == 0 and corpus.store.counts()["events"] > 0
