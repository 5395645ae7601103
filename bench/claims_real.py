"""The claims ledger on real news: figures scored on ../shared/real-dev, and every conflict checked.

    .venv/bin/python bench/claims_real.py                # real-dev (whole, half A, half B), sample, 1,500 wires
    .venv/bin/python bench/claims_real.py --wires 300    # fewer wires
    .venv/bin/python bench/claims_real.py --no-wires     # real-dev and the sample only

Prints, for real-dev as a whole and its two fixed halves (bench/real_dev.py), claim precision, recall and
F1 and the scorer's metric, direction, qualifier and period accuracies; every conflict reported on
real-dev and on the shipped sample with its verdict against gold (confirmed, false, not in gold); then
the conflict check on the first N Reuters wires of ../shared/corpora (no gold there): every claim
conflict must compare figures of one metric, each with both parties identified, from different
sentences. The last line is a JSON summary.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import real_dev  # noqa: E402

WIRES = real_dev.SHARED / "corpora" / "reuters21578.jsonl.gz"
MEASURES = ("claim_p", "claim_r", "claim_f1", "claim_metric_acc", "claim_direction_acc", "claim_qualifier_acc",
            "claim_period_acc", "conflict_r", "false_conflicts")


def claim_line(label: str, s: dict) -> str:
    return (f"{label:<7} claims P {s['claim_p']:.3f} R {s['claim_r']:.3f} F1 {s['claim_f1']:.3f} (tp {s['claim_tp']}, "
            f"fp {s['claim_fp']}, fn {s['claim_fn']}) | metric {s['claim_metric_acc']:.2f} direction "
            f"{s['claim_direction_acc']:.2f} qualifier {s['claim_qualifier_acc']:.2f} period {s['claim_period_acc']:.2f}"
            f" | conflicts found {s['conflict_r']:.2f} false {s['false_conflicts']}")


def print_conflicts(title: str, found: list) -> None:
    print(f"{title}: {len(found)}")
    for c in found:
        print(f"  [{c['verdict']}] {c['kind']}: {c['explanation']}")
        for line in c["claims"]:
            print(f"      {line}")


def check_wire_conflicts(export_dir: Path) -> dict:
    """Every claim conflict of an export, checked: one metric, both parties named, different sentences."""
    claims = {c["claim_id"]: c for c in _read(export_dir / "claims.jsonl")}
    out = {"conflicts": 0, "ok": 0, "bad": []}
    for k in _read(export_dir / "conflicts.jsonl"):
        items = [claims[i] for i in k.get("claim_ids") or [] if i in claims]
        if not items:
            continue   # an event conflict
        out["conflicts"] += 1
        problems = []
        if len({c.get("fine_metric") or c["metric"] for c in items}) > 1:
            problems.append("metrics differ")
        if any(not (c["subject"] and c["object"]) for c in items):
            problems.append("a party unnamed")
        if any(a["doc_id"] == b["doc_id"] and a["sentence"] == b["sentence"] for a, b in itertools.combinations(items, 2)):
            problems.append("one sentence")
        if problems:
            out["bad"].append((k, items, problems))
        else:
            out["ok"] += 1
        print(f"  [{'ok' if not problems else ', '.join(problems)}] {k['kind']}: {k['explanation']}")
        for c in items:
            print(f"      {c['doc_id']}: {c['text']!r} ({c['metric']} {c['subject']}->{c['object']}) {c['sentence'][:90]!r}")
    return out


def _read(path: Path) -> list:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def first_wires(n: int, folder: Path) -> Path:
    """The first n Reuters wires as a JSON Lines file."""
    path = folder / f"reuters-first-{n}.jsonl"
    with gzip.open(WIRES, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in itertools.islice(src, n):
            out.write(line)
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wires", type=int, default=1500, help="how many Reuters wires to check (default 1500)")
    ap.add_argument("--no-wires", action="store_true")
    args = ap.parse_args(argv)
    summary: dict = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        out = real_dev.export([real_dev.REAL_DEV / "docs.jsonl"], tmp)
        gold = real_dev.REAL_DEV / "gold"
        names = {json.loads(p.read_text())["doc"] for p in gold.glob("*.json") if p.name != "conflicts.json"}
        for label, subset in (("all", None), ("half A", real_dev.HALF_A), ("half B", names - real_dev.HALF_A)):
            g = gold if subset is None else real_dev.gold_subset(gold, subset, tmp)
            s = real_dev.summary(out, g)
            summary[label] = {k: s[k] for k in MEASURES}
            print(claim_line(label, s))
        print_conflicts("conflicts reported on real-dev", real_dev.conflicts_with_verdicts(out, gold))
        sample = real_dev.export([real_dev.SAMPLE / f"*.{e}" for e in ("txt", "html", "jsonl")], tmp / "sample")
        sample_gold = real_dev.ROOT / "tests" / "gold" / "sample"
        s = real_dev.summary(sample, sample_gold)
        summary["sample"] = {k: s[k] for k in MEASURES}
        print(claim_line("sample", s))
        print_conflicts("conflicts reported on the sample", real_dev.conflicts_with_verdicts(sample, sample_gold))
        if not args.no_wires:
            (tmp / "wires").mkdir()
            wires = real_dev.export([first_wires(args.wires, tmp)], tmp / "wires")
            print(f"claim conflicts on the first {args.wires:,} Reuters wires:")
            checked = check_wire_conflicts(wires)
            print(f"  {checked['conflicts']} claim conflicts, {checked['ok']} of one metric, both parties named, "
                  f"different sentences; {len(checked['bad'])} not")
            summary["wires"] = {"n": args.wires, "claims": len(_read(wires / "claims.jsonl")),
                                "conflicts": checked["conflicts"], "bad": len(checked["bad"])}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
