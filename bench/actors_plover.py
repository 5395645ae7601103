"""Actor resolution on the PLOVER gold standard records (CC BY-SA 4.0, read in place, never shipped).

For every gold source and target actor with a country or IGO code, is there an actor
mention with the same code in the sentence?  Gold "IGO" matches any mention coded
as an international body ("UN", "EU", "ASEAN" ...).  Prints accuracy for sources, targets and both, then a JSON line.

Usage: python bench/actors_plover.py [PATH] [--failures]
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pycountry

from bilateral.nlp.actors import find_actors
from bilateral.nlp.gazetteer import Gazetteer
from bilateral.nlp.pipeline import load_nlp

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "PLOVER" / "PLOVER_GSR_CAMEO.json"
# Non-ISO codes in the gold file: CAMEO's own country codes.
GOLD_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
ISO3 = {c.alpha_3 for c in pycountry.countries}


def gold_actors(record: dict, role: str) -> list[str]:
    """Scorable codes of a record's sources or targets: ISO3 countries and "IGO"."""
    actors = record.get(role)
    if not isinstance(actors, list):
        return []
    codes = [GOLD_FIXES.get(a.get("code"), a.get("code")) for a in actors]
    return [c for c in codes if c in ISO3 or c == "IGO"]


def hit(code: str, mentions) -> bool:
    if code == "IGO":  # any international body, or a person speaking for one
        return any(m.code and m.code not in ISO3 and m.code != "XKX" for m in mentions)
    return any(m.code == code for m in mentions)


def main(argv: list[str]) -> dict:
    path = Path(next((a for a in argv if not a.startswith("--")), DEFAULT))
    show = "--failures" in argv
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    nlp, gaz = load_nlp(), Gazetteer.load()
    t0 = time.time()
    counts = {"source": [0, 0], "target": [0, 0]}
    for record, doc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=64)):
        mentions = find_actors(doc, gaz)
        for role in counts:
            for code in gold_actors(record, role):
                ok = hit(code, mentions)
                counts[role][0] += ok
                counts[role][1] += 1
                if show and not ok:
                    found = [(m.text, m.code) for m in mentions]
                    print(f"MISS {role} {code}: {record['text'][:140]}\n     found {found}")
    seconds = time.time() - t0
    acc = {role: c[0] / c[1] for role, c in counts.items() if c[1]}
    total = sum(c[0] for c in counts.values()) / sum(c[1] for c in counts.values())
    print(f"sources  {counts['source'][0]}/{counts['source'][1]} = {acc['source']:.3f}")
    print(f"targets  {counts['target'][0]}/{counts['target'][1]} = {acc['target']:.3f}")
    print(f"overall  {total:.3f}   ({len(records)} records, {seconds:.1f}s)")
    summary = {"bench": "actors_plover", "records": len(records), "source_accuracy": round(acc["source"], 4),
               "target_accuracy": round(acc["target"], 4), "accuracy": round(total, 4),
               "seconds": round(seconds, 1)}
    print(json.dumps(summary))
    return summary


if __name__ == "__main__":
    main(sys.argv[1:])
