"""Event coding on the CAMEO manual's example sentences (icews-r `cameo-codes.csv`, MIT, read in place).

Each example is coded by `bilateral.coder` and its primary event's PLOVER type compared with
the PLOVER type of the example's CAMEO code (`CAMEO2PLOVER-2021.txt`, the code itself, else
its root).  Statements (root 01) have no PLOVER type and are left out.

The examples come from the same manual as the PLOVER gold standard records, and most of
them stand among those records too.  The lexicon's error analysis was done on the PLOVER
records, never on these examples, so the examples NOT among the records are a held-out set:
their score is the honest one, printed first.  `--failures` lists misses of the overlapping
examples only, to keep the held-out ones unread.

Usage: python bench/events_cameo.py [--failures]
"""
from __future__ import annotations

import csv
import json
import re
import sys
import time
from pathlib import Path

from bilateral.coder import code_sentences
from bilateral.extract.cameo import plover_name

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CODES = DATA / "icews-r" / "cameo-codes.csv"
MAPPING = DATA / "PLOVER" / "CAMEO2PLOVER-2021.txt"
RECORDS = DATA / "PLOVER" / "PLOVER_GSR_CAMEO.json"


def mapping() -> dict:
    """CAMEO code (or root) -> PLOVER type, as the 2021 conversion table gives it."""
    out: dict = {}
    for line in MAPPING.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z_]+)", line)
        if m:
            out.setdefault(m.group(1), m.group(2))
    return out


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def examples() -> list:
    """(code, gold PLOVER type, sentence, held_out) for every example with a PLOVER type."""
    table = mapping()
    seen = {_norm(r.get("text", "")) for r in json.loads(RECORDS.read_text(encoding="utf-8"))}
    out = []
    with CODES.open(encoding="cp1252", newline="") as f:
        for row in csv.DictReader(f):
            text, code = (row.get("example") or "").strip(), row.get("code") or ""
            if not text or text == "NA" or code.startswith("01"):
                continue
            gold = table.get(code) or table.get(code[:3]) or table.get(code[:2])
            if gold:
                out.append((code, plover_name(gold), text, _norm(text) not in seen))
    return out


def main(argv: list[str]) -> dict:
    items = examples()
    t0 = time.time()
    rows = list(code_sentences({"id": i, "text": text} for i, (_, _, text, _) in enumerate(items)))
    tally = {"held_out": [0, 0, 0], "overlap": [0, 0, 0]}   # right, any, all
    for (code, gold, text, held_out), row in zip(items, rows):
        events = row.get("events") or []
        part = tally["held_out" if held_out else "overlap"]
        part[0] += bool(events) and events[0]["event_type"] == gold
        part[1] += any(e["event_type"] == gold for e in events)
        part[2] += 1
        if "--failures" in argv and not held_out and not (events and events[0]["event_type"] == gold):
            got = [(e["event_type"], e["cameo"], e["trigger"]) for e in events]
            print(f"MISS {code:<5} {gold:<9} {text[:140]}\n     got {got}")
    summary = {"bench": "events_cameo", "seconds": round(time.time() - t0, 1)}
    for name, (right, anywhere, n) in tally.items():
        print(f"{name:<9} type {right}/{n} = {right / n if n else 0:.3f}   any {anywhere}/{n} = "
              f"{anywhere / n if n else 0:.3f}")
        summary[f"{name}_type_accuracy"] = round(right / n, 4) if n else 0.0
        summary[f"{name}_n"] = n
    right = sum(t[0] for t in tally.values())
    n = sum(t[2] for t in tally.values())
    summary["type_accuracy"] = round(right / n, 4) if n else 0.0
    print(f"all       type {right}/{n} = {summary['type_accuracy']:.3f}")
    print(json.dumps(summary))
    return summary


if __name__ == "__main__":
    main(sys.argv[1:])
