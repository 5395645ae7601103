"""The executors agree: one process, a process pool and Ray write byte-identical exports of the same documents."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import bilateral
from bilateral.engine import ingest
from bilateral.executors import NAMES, executor
from bilateral.options import Options
from bilateral.read import clean, read_sources
from bilateral.store import Store
from bilateral.work import analyze_batch

HERE = Path(__file__).parent
SAMPLE = HERE.parent / "src" / "bilateral" / "data" / "sample"
# Four pairs in the test corpus (one document twice), three in the sample: 14 inputs.
INPUTS = [str(HERE / "docs" / "corpus"), str(SAMPLE)]
SMALL_BATCH = 3   # several batches, so order across batches and workers is exercised


def _export(tmp: Path, name: str, options: Options = Options(), **settings) -> dict:
    """Ingest INPUTS into a fresh store with the executor settings given; the four export files' bytes."""
    with bilateral.open(tmp / f"{name}.duckdb", options=options) as corpus:
        report = corpus.ingest(INPUTS, batch_size=SMALL_BATCH, **settings)
        assert report.errors == [] and report.new >= 10 and report.known == 1
        corpus.export(tmp / name, "jsonl")
    return {p.name: p.read_bytes() for p in sorted((tmp / name).iterdir())}


@pytest.fixture(scope="module")
def one_process(tmp_path_factory) -> dict:
    return _export(tmp_path_factory.mktemp("local"), "one")


def test_one_process_export_is_complete(one_process):
    assert sorted(one_process) == ["claims.jsonl", "conflicts.jsonl", "documents.jsonl", "events.jsonl",
                                   "relations.jsonl"]
    assert all(one_process[n] for n in ("claims.jsonl", "documents.jsonl", "events.jsonl"))


def test_two_processes_write_what_one_process_writes(one_process, tmp_path):
    assert _export(tmp_path, "two", processes=2) == one_process


def test_two_processes_split_batches_into_tasks_and_keep_their_order(one_process, tmp_path):
    """Batches of 7 cut into tasks of 2: some go to the worker, some stay with the driver, all in order."""
    with bilateral.open(tmp_path / "split.duckdb", options=Options(pool_task=2)) as corpus:
        report = corpus.ingest(INPUTS, batch_size=7, processes=2)
        assert report.errors == [] and report.known == 1
        corpus.export(tmp_path / "split", "jsonl")
    assert {p.name: p.read_bytes() for p in sorted((tmp_path / "split").iterdir())} == one_process


def test_pool_yields_batches_in_input_order_with_the_driver_working_too():
    docs = [clean(r) for r in read_sources([str(SAMPLE)])]
    batches = [docs[i:i + 3] for i in range(0, len(docs), 3)]
    out = list(executor("pool", Options(pool_task=1), processes=2).map_batches(iter(batches)))
    assert [[a.document.doc_id for a in b] for b in out] == [[d.doc_id for d in b] for b in batches]


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray with two CPUs, started once for the module; the engine joins it rather than starting one."""
    ray = pytest.importorskip("ray")
    from bilateral.executors.ray import start
    assert start(num_cpus=2) is True
    yield ray
    ray.shutdown()


def test_ray_writes_what_the_local_engine_writes(one_process, local_ray, tmp_path):
    assert _export(tmp_path, "ray", engine="ray") == one_process
    assert local_ray.is_initialized()   # the engine left alone the Ray it did not start


def test_ray_yields_batches_in_input_order(local_ray):
    from bilateral.executors.ray import Ray
    docs = [clean(r) for r in read_sources([str(SAMPLE)])]
    batches = [docs[i:i + 1] for i in range(len(docs))]
    out = list(Ray(actors=2).map_batches(iter(batches)))
    assert [[a.document.doc_id for a in b] for b in out] == [[d.doc_id for d in b] for b in batches]
    assert [len(a.events) for b in out for a in b] == [len(a.events) for a in analyze_batch(docs)]


def test_reingesting_stores_nothing_new_with_any_engine(tmp_path):
    store = Store(tmp_path / "x.duckdb")
    first = ingest(store, [str(SAMPLE)], processes=2)
    again = ingest(store, [str(SAMPLE)])
    assert first.new == 8 and again.new == 0 and again.known == 8
    assert store.counts()["documents"] == 8


def test_unknown_engine_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown engine"):
        ingest(Store(tmp_path / "x.duckdb"), [str(SAMPLE)], engine="spark")


def test_every_executor_is_found_by_name_and_a_local_one_with_processes_is_the_pool():
    assert {type(executor(name)).__name__ for name in ("local", "pool")} == {"Local", "Pool"}
    assert type(executor("local", processes=2)).__name__ == "Pool"
    assert sorted(NAMES) == ["local", "pool", "ray"]


def test_importing_the_package_does_not_import_ray():
    code = "import sys, bilateral, bilateral.engine, bilateral.cli; print('ray' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
