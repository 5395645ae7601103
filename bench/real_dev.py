"""Events, claims and conflicts on real news (../shared/real-dev), with the errors sorted by kind.

    .venv/bin/python bench/real_dev.py                # all twenty documents, then each half
    .venv/bin/python bench/real_dev.py --half A -v    # one half, with every miss and extra listed
    .venv/bin/python bench/real_dev.py --sample       # also the conflicts on the shipped sample
    .venv/bin/python bench/real_dev.py --news         # the project's own gold on corpus stories (bench/gold_news)
    .venv/bin/python bench/real_dev.py --news2        # a second such set, written later (bench/gold_news2)
    .venv/bin/python bench/real_dev.py --news3        # a third, kept whole as a blind check (bench/gold_news3)

The twenty documents are split in two fixed halves of the three kinds (BBC, Reuters, Wikipedia): A
is where failure classes are looked for, B where each mechanism is checked before its misses are
read. Prints the scorer's figures for the whole set and each half; for events, the errors by kind:

- actor: a gold event whose sentence holds an exported event of the right type and date but other actors;
- type: the right actors and date, another type;
- date: the right actors and type, another date;
- missed: nothing exported in the gold event's sentence;
- spurious: an exported event with no gold event in its sentence;
and how many matched events carry another modality than the gold's (the scorer does not match on it).
For claims the scorer's metric, direction, qualifier and period accuracies; and every conflict
reported on real-dev (and the sample) with its verdict against gold: confirmed, false, or not in gold.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REAL_DEV = SHARED / "real-dev"
SAMPLE = ROOT / "src" / "bilateral" / "data" / "sample"
NEWS = ROOT / "bench" / "gold_news"
NEWS2 = ROOT / "bench" / "gold_news2"   # written later, blind to the code and its output
NEWS3 = ROOT / "bench" / "gold_news3"   # written later still, and only ever scored whole: no halves, no listing
# Its halves (retold acts together): A is read for failure classes, B only scored.
NEWS2_A = {"bbc-business-008.txt", "bbc-politics-149.txt", "bbc-politics-193.txt", "reuters-02229.txt",
           "reuters-04071.txt", "reuters-12414.txt", "reuters-14820.txt", "reuters-15154.txt", "reuters-17296.txt",
           "reuters-20496.txt", "reuters-21542.txt"}
# The news gold's halves, stories told twice kept together: A to look for failure classes, B to check.
NEWS_A = {"reuters-00950.txt", "reuters-00759.txt", "reuters-18361.txt", "reuters-20090.txt", "reuters-21475.txt",
          "reuters-03854.txt", "bbc-business-241.txt", "bbc-business-210.txt", "bbc-business-065.txt",
          "bbc-business-468.txt"}
HALF_A = {"bbc-business-074.txt", "bbc-business-181.txt", "bbc-business-301.txt", "reuters-04609.txt",
          "reuters-12942.txt", "reuters-01656.txt", "reuters-17217.txt", "wikipedia-Albania–Japan_relations.md",
          "wikipedia-Iran–Qatar_relations.md", "wikipedia-Ecuador–United_States_relations.md"}


def news_docs(workdir: Path, base: Path = NEWS) -> Path:
    """The stories a news gold folder annotates, pulled from ../shared/corpora into one JSON Lines file
    (the corpora do not ship with the project; the gold names its stories by url)."""
    spec = importlib.util.spec_from_file_location("gold_sets", ROOT / "tools" / "gold_sets.py")
    gold_sets = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gold_sets)
    return gold_sets.news_stories(workdir, base)


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def export(sources: list, workdir: Path, settings: dict | None = None) -> Path:
    """Ingest the sources into a fresh store (with Options changed by `settings`) and export it."""
    sys.path.insert(0, str(ROOT / "src"))
    import bilateral
    from bilateral.options import Options
    workdir.mkdir(parents=True, exist_ok=True)
    with bilateral.open(workdir / "bench.duckdb", options=Options(**(settings or {}))) as corpus:
        corpus.ingest([str(s) for s in sources])
        corpus.export(workdir / "export")
    return workdir / "export"


def gold_subset(gold: Path, names: set, workdir: Path) -> Path:
    """A gold folder holding only the documents named (and the cross-document relations among them)."""
    out = workdir / f"gold-{len(names)}-{abs(hash(frozenset(names)))}"
    out.mkdir()
    for p in gold.glob("*.json"):
        if p.name != "conflicts.json" and json.loads(p.read_text())["doc"] in names:
            shutil.copy(p, out / p.name)
    k = json.loads((gold / "conflicts.json").read_text()) if (gold / "conflicts.json").exists() else {}

    def inside(item) -> bool:
        sides = [item.get("a"), item.get("b"), item.get("event"), *item.get("same_as", [])]
        return all(s["doc"] in names for s in sides if s)
    (out / "conflicts.json").write_text(json.dumps({key: [x for x in k.get(key, []) if inside(x)]
                                                    for key in ("conflicts", "not_conflicts", "merges")}))
    return out


def summary(export_dir: Path, gold: Path) -> dict:
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        _scorer().main(["--export", str(export_dir), "--gold", str(gold)])
    return json.loads(buf.getvalue().strip().splitlines()[-1])


def event_errors(export_dir: Path, gold: Path, verbose: bool = False) -> Counter:
    """Counts of event errors by kind (see the module docstring), and modality disagreements."""
    sc = _scorer()
    docs = sc.read_jsonl(export_dir / "documents.jsonl")
    events = sc.read_jsonl(export_dir / "events.jsonl")
    ids_by_name: dict = {}
    for d in docs:
        ids_by_name.setdefault(sc.base(d.get("source_path")), set()).add(d.get("doc_id"))
    counts: Counter = Counter()
    for p in sorted(gold.glob("*.json")):
        if p.name == "conflicts.json":
            continue
        g = json.loads(p.read_text())
        ids = ids_by_name.get(g["doc"], set())
        preds = [e for e in events if any(m.get("doc_id") in ids for m in e.get("mentions") or [])]
        gev = [dict(e, _doc_ids=ids) for e in g.get("events") or []]
        matches, _, _, fps = sc.match_split(gev, preds, sc.event_ok(ids))
        for gi, pj in matches.items():
            if not gev[gi].get("optional") and preds[pj].get("modality") != (gev[gi].get("modality") or "asserted"):
                counts["modality (matched)"] += 1
        free = set(fps)
        for gi, ge in enumerate(gev):
            if gi in matches or ge.get("optional"):
                continue
            near = [j for j in free if _same_passage(sc, ge, preds[j], ids)]
            kind, j = _closest(sc, ge, [(j, preds[j]) for j in near])
            counts[kind] += 1
            if j is not None:
                free.discard(j)
            if verbose:
                shown = f" -> {_show(preds[j])}" if j is not None else ""
                print(f"  {g['doc']}: {kind:<8} {ge['id']} {ge.get('date')} {ge.get('actors')} {ge.get('types')} "
                      f"{ge.get('note', '')[:70]}{shown}")
        optional = [ge for ge in gev if ge.get("optional")]
        for j in sorted(free):
            near = [ge for ge in optional if _same_passage(sc, ge, preds[j], ids)]
            kind = "near optional" if near else "spurious"   # an optional event told there, not matched
            counts[kind] += 1
            if verbose:
                print(f"  {g['doc']}: {kind} {_show(preds[j])}"
                      + (f" ~ {near[0]['id']} {near[0].get('date')} {near[0].get('actors')} {near[0].get('types')}"
                         if near else ""))
    return counts


def _same_passage(sc, g: dict, p: dict, ids: set) -> bool:
    ms = [m for m in p.get("mentions") or [] if m.get("doc_id") in ids]
    return sc.same_passage(g, [m.get("sentence") for m in ms]) or sc.overlaps(
        g, [(m.get("char_start"), m.get("char_end")) for m in ms])


def _closest(sc, g: dict, cands: list) -> tuple:
    """The kind of error of the nearest candidate: actor, type or date (the first field that differs)."""
    if not cands:
        return "missed", None
    actors = set(g.get("actors") or [])
    types = {sc.plover(t) for t in g.get("types") or []}

    def fields(p):
        return ({sc.code(p.get("source")), sc.code(p.get("target"))} == actors,
                sc.plover(p.get("event_type")) in types, sc.date_agrees(g.get("date"), p.get("date")))
    j, p = max(cands, key=lambda c: sum(fields(c[1])))
    ok_actor, ok_type, ok_date = fields(p)
    return ("actor" if not ok_actor else "type" if not ok_type else "date" if not ok_date else "other"), j


def _show(p: dict) -> str:
    return (f"{p.get('date')} {sc_code(p.get('source'))}->{sc_code(p.get('target'))} {p.get('event_type')} "
            f"{p.get('modality')} {p.get('summary', '')[:90]!r}")


def sc_code(actor) -> str:
    return (actor or {}).get("code") or "?"


def conflicts_with_verdicts(export_dir: Path, gold: Path) -> list:
    """Every reported conflict with its verdict against gold: confirmed, false, or not in gold."""
    sc = _scorer()
    claims = {c["claim_id"]: c for c in sc.read_jsonl(export_dir / "claims.jsonl")}
    docs = {d["doc_id"]: sc.base(d.get("source_path")) for d in sc.read_jsonl(export_dir / "documents.jsonl")}
    k = json.loads((gold / "conflicts.json").read_text()) if (gold / "conflicts.json").exists() else {}
    gold_claims: dict = {}
    for p in gold.glob("*.json"):
        if p.name != "conflicts.json":
            g = json.loads(p.read_text())
            for c in g.get("claims") or []:
                gold_claims[(g["doc"], c["id"])] = c
    out = []
    for conflict in sc.read_jsonl(export_dir / "conflicts.jsonl"):
        items = [claims[c] for c in conflict.get("claim_ids") or [] if c in claims]
        if not items:
            out.append({"kind": conflict["kind"], "verdict": "events", "explanation": conflict["explanation"],
                        "claims": []})
            continue
        sides = [_gold_claim(sc, c, docs, gold_claims) for c in items]
        verdict = "not in gold"
        for label, key in (("confirmed", "conflicts"), ("false", "not_conflicts")):
            for pair in k.get(key, []):
                if "claim" not in pair["a"] or "claim" not in pair["b"]:
                    continue   # an event conflict (a date or a plan against its fact)
                want = {(pair["a"]["doc"], pair["a"]["claim"]), (pair["b"]["doc"], pair["b"]["claim"])}
                if want <= set(filter(None, sides)):
                    verdict = label
        out.append({"kind": conflict["kind"], "verdict": verdict, "explanation": conflict["explanation"],
                    "claims": [f"{docs.get(c['doc_id'])}: {c['text']!r} ({c['metric']} {c['subject']}->{c['object']})"
                               for c in items]})
    return out


def _gold_claim(sc, c: dict, docs: dict, gold_claims: dict):
    name = docs.get(c["doc_id"])
    for (doc, cid), g in gold_claims.items():
        if doc == name and sc.claim_ok(g, c):
            return doc, cid
    return None


def _print_summary(label: str, s: dict, errors: Counter) -> None:
    print(f"{label:<8} events P {s['event_p']:.3f} R {s['event_r']:.3f} F1 {s['event_f1']:.3f} "
          f"(tp {s['event_tp']}, fp {s['event_fp']}, fn {s['event_fn']}) merges {s['merge_acc']:.2f} | "
          f"claims P {s['claim_p']:.3f} R {s['claim_r']:.3f} F1 {s['claim_f1']:.3f} metric {s['claim_metric_acc']:.2f}"
          f" direction {s['claim_direction_acc']:.2f} qualifier {s['claim_qualifier_acc']:.2f} period "
          f"{s['claim_period_acc']:.2f} | conflicts found {s['conflict_r']:.2f} false {s['false_conflicts']}")
    print("         event errors: " + ", ".join(f"{k} {errors[k]}" for k in
                                                  ("actor", "type", "date", "missed", "spurious", "near optional",
                                                   "modality (matched)")))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("A", "B"), help="only one half, listed error by error with -v")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--sample", action="store_true", help="also the conflicts of the shipped sample")
    ap.add_argument("--news", action="store_true", help="score bench/gold_news instead of real-dev")
    ap.add_argument("--news2", action="store_true", help="score bench/gold_news2 (held out: scored, not read)")
    ap.add_argument("--news3", action="store_true", help="score bench/gold_news3 (blind: the totals only)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="an Options setting for the run (e.g. verb_dictionary=true)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        settings = {k: {"true": True, "false": False}.get(v, v) for k, v in (x.split("=", 1) for x in args.set)}
        base = NEWS3 if args.news3 else NEWS2 if args.news2 else NEWS
        args.news = args.news or args.news2 or args.news3
        out = export([news_docs(tmp, base) if args.news else REAL_DEV / "docs.jsonl"], tmp, settings)
        gold = base / "gold" if args.news else REAL_DEV / "gold"
        names = {json.loads(p.read_text())["doc"] for p in gold.glob("*.json") if p.name != "conflicts.json"}
        half_a = NEWS2_A if args.news2 else NEWS_A if args.news else HALF_A
        halves = {"A": half_a & names, "B": names - half_a}
        report = {}
        if args.news3:   # a blind set: its errors are not listed, nor split into a half to read
            report["all"] = summary(out, gold)
            _print_summary("all", report["all"], event_errors(out, gold))
            print(json.dumps({"all": {m: report["all"][m] for m in ("event_f1", "event_p", "event_r", "claim_f1",
                                                                   "merge_acc")}}))
            return 0
        if not args.half:
            report["all"] = summary(out, gold)
            _print_summary("all", report["all"], event_errors(out, gold))
        for h in ([args.half] if args.half else ("A", "B")):
            sub = gold_subset(gold, halves[h], tmp)
            report[h] = summary(out, sub)
            _print_summary(f"half {h}", report[h], event_errors(out, sub, verbose=args.verbose))
        print(f"conflicts reported on {'the news gold' if args.news else 'real-dev'}:")
        for c in conflicts_with_verdicts(out, gold):
            print(f"  [{c['verdict']}] {c['kind']}: {c['explanation']}")
            for line in c["claims"]:
                print(f"      {line}")
        if args.sample:
            sample_out = export([SAMPLE / f"*.{e}" for e in ("txt", "html", "jsonl")], tmp / "sample", settings)
            print("conflicts reported on the sample:")
            for c in conflicts_with_verdicts(sample_out, ROOT / "tests" / "gold" / "sample"):
                print(f"  [{c['verdict']}] {c['kind']}: {c['explanation']}")
        print(json.dumps({k: {m: v[m] for m in ("event_f1", "event_p", "event_r", "claim_f1", "merge_acc")}
                          for k, v in report.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
