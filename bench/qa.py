"""Score `bilateral ask` on question sets and time it on a large store.

    python bench/qa.py                      visible questions (../shared/qa on the seeds) and the real-dev set
    python bench/qa.py --blind              ... and the blind third of the real-dev set
    python bench/qa.py --embed              the same with sentence embeddings (needs the embed extra)
    python bench/qa.py --scale 1000         answer the real-dev questions on a store of 1,000 documents
                                            (the twenty real-dev ones among real news from ../shared/corpora):
                                            seconds per question, p50 and p95, the record's load apart
    python bench/qa.py --news               the news sets: questions written on Reuters and BBC stories of
                                            ../shared/corpora (bench/qa/news_*.jsonl; see bench/qa/README.md)
    python bench/qa.py --questions FILE --docs DIR_OR_FILES...   (or --db STORE): one set

Each set prints the pass rate by kind, the failures (not for the blind set), and a JSON summary last.
Rules (see ../shared/qa/README.md): every `answer_contains` string appears in the answer; one string of
each `answer_any` group appears; the citations include a file of `must_cite_any` (by file name); no
`must_not_contain` string appears.  An unanswerable question passes when the answer says plainly that
the documents do not say.  All comparisons are case-blind.
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

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = [SHARED / "seeds" / f for f in ("000_dfc114476a3c1e39.txt", "001_793369b2c798ab3e.txt",
                                        "003_5112c63c282622d4.txt")]
SETS = {"visible": (SHARED / "qa" / "questions.jsonl", SEEDS),
        "real-dev": (ROOT / "bench" / "qa" / "real_dev.jsonl", [SHARED / "real-dev" / "docs.jsonl"]),
        "blind": (ROOT / "bench" / "qa" / "real_dev_blind.jsonl", [SHARED / "real-dev" / "docs.jsonl"])}
NEWS = {"news-reuters": ("reuters21578.jsonl.gz", ROOT / "bench" / "qa" / "news_reuters.jsonl",
                         ROOT / "bench" / "qa" / "news_reuters_docs.txt"),
        "news-bbc": ("bbc.jsonl.gz", ROOT / "bench" / "qa" / "news_bbc.jsonl",
                     ROOT / "bench" / "qa" / "news_bbc_docs.txt"),
        "news-final": ("reuters21578.jsonl.gz", ROOT / "bench" / "qa" / "news_final.jsonl",
                       ROOT / "bench" / "qa" / "news_final_docs.txt"),
        "news-blind2": ("reuters21578.jsonl.gz", ROOT / "bench" / "qa" / "news_blind2.jsonl",
                        ROOT / "bench" / "qa" / "news_blind2_docs.txt"),
        "news-blind3": ("reuters21578.jsonl.gz", ROOT / "bench" / "qa" / "news_blind3.jsonl",
                        ROOT / "bench" / "qa" / "news_blind3_docs.txt")}

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


def run(questions: list, corpus, embed: bool = False) -> dict:
    by_kind: dict = defaultdict(lambda: [0, 0])
    failures, times = [], []
    for q in questions:
        t0 = time.perf_counter()
        answer = corpus.ask(q["question"], embed=embed).to_dict()
        times.append(time.perf_counter() - t0)
        why = judge(q, answer)
        by_kind[q.get("kind", "?")][1] += 1
        if not why:
            by_kind[q.get("kind", "?")][0] += 1
        else:
            failures.append({"id": q.get("id"), "question": q["question"], "answer": answer["answer"],
                             "cited": [os.path.basename(c["source_path"]) for c in answer["citations"]],
                             "why": why})
    passed = sum(v[0] for v in by_kind.values())
    return {"passed": passed, "total": len(questions), "rate": round(passed / max(1, len(questions)), 3),
            "by_kind": {k: {"passed": v[0], "total": v[1]} for k, v in sorted(by_kind.items())},
            "failures": failures, "seconds_per_question": round(sum(times) / max(1, len(times)), 4),
            "times": times}


def load(path) -> list:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def report(name: str, result: dict, show_failures: bool = True) -> None:
    print(f"{name}: passed {result['passed']}/{result['total']} ({result['rate']:.3f}), "
          f"{result['seconds_per_question'] * 1000:.0f} ms a question")
    for kind, v in result["by_kind"].items():
        print(f"  {kind:<13} {v['passed']}/{v['total']}")
    if show_failures:
        for f in result["failures"]:
            print(f"FAIL {f['id']}: {f['question']}\n     answer: {f['answer']}\n     cited: {f['cited']}\n"
                  f"     why: {'; '.join(f['why'])}")


def score_set(name: str, questions_path, docs: list, tmp: str, embed: bool, db=None) -> dict:
    path = db or os.path.join(tmp, name + ".duckdb")
    fresh = not (db and Path(db).exists())
    with bilateral.open(path) as corpus:
        if fresh:
            corpus.ingest([str(d) for d in docs])
    with bilateral.open(path, read_only=True) as corpus:
        result = run(load(questions_path), corpus, embed=embed)
    return result


def pct(values: list, q: float) -> float:
    xs = sorted(values)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))] if xs else 0.0


def real_news(n: int) -> list:
    """n documents of real news (Reuters and BBC from ../shared/corpora), the first ones with a body of
    some length, as JSON Lines records."""
    import gzip
    out = []
    for name in ("reuters21578.jsonl.gz", "bbc.jsonl.gz"):
        with gzip.open(SHARED / "corpora" / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if len(d.get("text", "")) >= 600:
                    out.append(d)
                if len(out) >= n:
                    return out
    return out


def corpus_stories(corpus_file: str, urls_file, tmp: str) -> str:
    """The stories a news set is asked over, taken from ../shared/corpora by url into a JSON Lines file.
    A line of the urls file is a url of `corpus_file`, or a corpus file name and a url."""
    import gzip
    want = []
    for line in Path(urls_file).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            want.append((parts[0], parts[1]) if len(parts) == 2 else (corpus_file, parts[0]))
    found = {}
    for name in sorted({c for c, _ in want}):
        urls = {u for c, u in want if c == name}
        with gzip.open(SHARED / "corpora" / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d.get("url") in urls:
                    found[(name, d["url"])] = d
    missing = [f"{c}:{u}" for c, u in want if (c, u) not in found]
    if missing:
        raise SystemExit(f"{urls_file}: not in the corpora: {', '.join(missing)}")
    out = os.path.join(tmp, Path(urls_file).stem + ".jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        for key in want:
            fh.write(json.dumps(found[key]) + "\n")
    return out


def scale(n: int, tmp: str, embed: bool, db=None) -> dict:
    """Seconds per question on a store of n documents: the twenty real-dev ones and n - 20 real news."""
    path = db or os.path.join(tmp, f"scale{n}.duckdb")
    if not Path(path).exists():
        src = os.path.join(tmp, "scale.jsonl")
        with open(src, "w", encoding="utf-8") as fh:
            for d in real_news(n - 20 + 15):   # a few repeat another story word for word
                fh.write(json.dumps(d) + "\n")
        t0 = time.perf_counter()
        with bilateral.open(path) as corpus:
            corpus.ingest([str(SHARED / "real-dev" / "docs.jsonl"), src], processes=2)
        print(f"ingested {n} documents in {time.perf_counter() - t0:.0f} s")
    questions = load(SETS["visible"][0]) + load(SETS["real-dev"][0])
    with bilateral.open(path, read_only=True) as corpus:
        docs = corpus.counts()["documents"]
        t0 = time.perf_counter()
        corpus.ask("When did the two countries establish diplomatic relations?", embed=embed)
        load_s = time.perf_counter() - t0
        result = run(load(SETS["real-dev"][0]), corpus, embed=embed)
        times = result["times"] + run(questions[:12], corpus, embed=embed)["times"]
    return {"documents": docs, "record_load_seconds": round(load_s, 2), "questions": len(times),
            "p50": round(pct(times, 0.5), 3), "p95": round(pct(times, 0.95), 3), "max": round(max(times), 3),
            "real_dev_rate_on_large_store": result["rate"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--questions")
    ap.add_argument("--docs", nargs="*", default=[])
    ap.add_argument("--db")
    ap.add_argument("--blind", action="store_true", help="also score the blind third of the real-dev set")
    ap.add_argument("--news", action="store_true", help="the news sets (Reuters and BBC stories)")
    ap.add_argument("--embed", action="store_true", help="sentence embeddings in retrieval (the embed extra)")
    ap.add_argument("--only", nargs="*", help="with --news: only these sets (news-reuters, news-bbc, news-final, news-blind2)")
    ap.add_argument("--quiet", action="store_true", help="no failures printed (a first, blind score)")
    ap.add_argument("--scale", type=int, help="time answers on a store of this many documents")
    args = ap.parse_args(argv)
    summary: dict = {"embed": args.embed}
    with tempfile.TemporaryDirectory() as tmp:
        if args.questions:
            if args.db and not args.docs:
                with bilateral.open(args.db, read_only=True) as corpus:
                    result = run(load(args.questions), corpus, embed=args.embed)
            else:
                result = score_set("one", args.questions, args.docs, tmp, args.embed, args.db)
            report(args.questions, result)
            summary["one"] = {k: v for k, v in result.items() if k not in ("failures", "times")} | \
                {"failed": [f["id"] for f in result["failures"]]}
        elif args.scale:
            summary["scale"] = scale(args.scale, tmp, args.embed, args.db)
            s = summary["scale"]
            print(f"{s['documents']} documents: record load {s['record_load_seconds']} s once; "
                  f"{s['questions']} questions: p50 {s['p50']} s, p95 {s['p95']} s, max {s['max']} s; "
                  f"real-dev pass rate on this store {s['real_dev_rate_on_large_store']}")
        elif args.news:
            for name, (corpus_file, qpath, urls) in NEWS.items():
                if args.only and name not in args.only:
                    continue
                docs = [corpus_stories(corpus_file, urls, tmp)]
                result = score_set(name, qpath, docs, tmp, args.embed)
                report(f"{name}{' (embeddings)' if args.embed else ''}", result, show_failures=not args.quiet)
                summary[name] = {k: v for k, v in result.items() if k not in ("failures", "times")} | \
                    {"failed": [f["id"] for f in result["failures"]]}
        else:
            names = ["visible", "real-dev"] + (["blind"] if args.blind else [])
            for name in names:
                qpath, docs = SETS[name]
                result = score_set(name, qpath, docs, tmp, args.embed)
                report(f"{name}{' (embeddings)' if args.embed else ''}", result, show_failures=name != "blind")
                summary[name] = {k: v for k, v in result.items() if k not in ("failures", "times")}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
