"""bench/qa.py: its judging rules, and the pass rates on the sample corpus and (when present) the seeds."""
import importlib.util
import json
from pathlib import Path

import pytest

import bilateral

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_QUESTIONS = ROOT.parent / "shared" / "qa" / "questions.jsonl"


def load_bench():
    spec = importlib.util.spec_from_file_location("qa_bench", ROOT / "bench" / "qa.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_judge_rules():
    judge = load_bench().judge
    q = {"kind": "figure", "answer_contains": ["822"], "answer_any": [["third", "3rd"]],
         "must_cite_any": ["a.txt"], "must_not_contain": ["1.5 billion"]}
    good = {"answer": "$822 million, the third-largest", "citations": [{"source_path": "x/a.txt"}]}
    assert judge(q, good) == []
    bad = {"answer": "$822 million and 1.5 billion", "citations": [{"source_path": "x/b.txt"}]}
    assert len(judge(q, bad)) == 3
    un = {"kind": "unanswerable"}
    assert judge(un, {"answer": "The documents do not say.", "citations": []}) == []
    assert judge(un, {"answer": "Two were killed.", "citations": []}) != []


def test_sample_questions_pass(sample_corpus):
    bench = load_bench()
    questions = [json.loads(x) for x in (Path(__file__).parent / "questions_sample.jsonl").read_text().splitlines()
                 if x.strip()]
    kinds = {q["kind"] for q in questions}
    assert {"date", "figure", "rank", "list", "conflict", "compare", "why", "unanswerable"} <= kinds
    result = bench.run(questions, sample_corpus)
    assert result["passed"] >= 15, result["failures"]


@pytest.mark.skipif(not SEED_QUESTIONS.exists(), reason="shared seed questions not present")
def test_seed_questions_pass(tmp_path):
    bench = load_bench()
    questions = [json.loads(x) for x in SEED_QUESTIONS.read_text().splitlines() if x.strip()]
    docs = sorted({str(SEEDS / Path(f).name) for q in questions for f in q["must_cite_any"]})
    with bilateral.open(tmp_path / "seeds.duckdb") as corpus:
        corpus.ingest(docs)
        result = bench.run(questions, corpus)
    assert result["passed"] >= 11, result["failures"]
