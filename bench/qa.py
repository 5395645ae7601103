"""Score `bilateral ask` on a question file: ingest the documents (or open --db), ask every question,
judge each answer by the question file's rules, and print the pass rate by kind, the failures,
and a JSON summary last.

    python bench/qa.py --questions FILE --docs DIR_OR_FILES...   (or --db STORE)

Rules (see the question files' README): every `answer_contains` string appears in the answer;
one string of each `answer_any` group appears; the citations include a file of `must_cite_any`
(by file name); no `must_not_contain` string appears.  An unanswerable question passes when the
answer says plainly that the documents do not say.  All comparisons are case-blind.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import bilateral  # noqa: E402

NOT_SAID = re.compile(r"\b(?:documents?|sources?|record|texts?) (?:do|does) not (?:say|state|give|record|mention)|"
                      r"\bno (?:document|source|passage) (?:says|states|gives)", re.I)


def judge(q: dict, answer: dict) -> list:
    """The reasons an answer fails its question (empty when it passes)."""
    text = answer["answer"].lower()
    cited = {os.path.basename(c["source_path"]).lower() for c in answer["citations"]}
    why = []
    if q.get("kind") == "unanswerable" and not NOT_SAID.search(answer["answer"]):
        why.append("does not say plainly that the documents do not say")
    for s in q.get("answer_contains", []):
        if s.lower() not in text:
            why.append(f"missing {s!r}")
    for group in q.get("answer_any", []):
        if not any(s.lower() in text for s in group):
            why.append(f"none of {group!r}")
    want = [os.path.basename(f).lower() for f in q.get("must_cite_any", [])]
    if want and not cited & set(want):
        why.append(f"cites none of {want}")
    for s in q.get("must_not_contain", []):
        if s.lower() in text:
            why.append(f"contains {s!r}")
    return why


def run(questions: list, corpus) -> dict:
    by_kind: dict = defaultdict(lambda: [0, 0])
    failures = []
    t0 = time.perf_counter()
    for q in questions:
        answer = corpus.ask(q["question"]).to_dict()
        why = judge(q, answer)
        by_kind[q.get("kind", "?")][1] += 1
        if not why:
            by_kind[q.get("kind", "?")][0] += 1
        else:
            failures.append({"id": q.get("id"), "question": q["question"], "answer": answer["answer"],
                             "cited": [os.path.basename(c["source_path"]) for c in answer["citations"]],
                             "why": why})
    seconds = time.perf_counter() - t0
    passed = sum(v[0] for v in by_kind.values())
    return {"passed": passed, "total": len(questions), "rate": round(passed / max(1, len(questions)), 3),
            "by_kind": {k: {"passed": v[0], "total": v[1]} for k, v in sorted(by_kind.items())},
            "failures": failures, "seconds_per_question": round(seconds / max(1, len(questions)), 4)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--questions", required=True)
    ap.add_argument("--docs", nargs="*", default=[])
    ap.add_argument("--db")
    args = ap.parse_args(argv)
    questions = [json.loads(line) for line in Path(args.questions).read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or os.path.join(tmp, "qa.duckdb")
        with bilateral.open(path, read_only=bool(args.db and not args.docs)) as corpus:
            if args.docs:
                corpus.ingest(args.docs)
            result = run(questions, corpus)
    print(f"questions: {args.questions}")
    for kind, v in result["by_kind"].items():
        print(f"  {kind:<13} {v['passed']}/{v['total']}")
    print(f"passed {result['passed']}/{result['total']} ({result['rate']:.0%}), "
          f"{result['seconds_per_question'] * 1000:.0f} ms a question")
    for f in result["failures"]:
        print(f"FAIL {f['id']}: {f['question']}\n     answer: {f['answer']}\n     cited: {f['cited']}\n"
              f"     why: {'; '.join(f['why'])}")
    print(json.dumps({k: v for k, v in result.items() if k != "failures"}
                     | {"failed": [f["id"] for f in result["failures"]]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
