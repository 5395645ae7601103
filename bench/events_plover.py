"""Event coding on the PLOVER gold standard records (CC BY-SA 4.0, read in place, never shipped).

Runs `bilateral.coder` on every record's sentence and reports:
  coverage   share of records with at least one event
  type       share whose primary (first) event has the gold PLOVER type
  any        share with some event of the gold type
  source     of the records with an event of the gold type and a scorable gold source,
             the share whose source code set equals the gold one
  target     the same for targets, over the records with a scorable gold target
  further    events beyond the first, per sentence
  actors     of the records with an event of the gold type and scorable gold actors,
             the share whose source and target code sets both equal the gold ones
             (a compound "A and B did X" with no gold target compares all actors as one set)
then a confusion summary (gold type -> primary type) and a JSON line.  The records come
from the CAMEO manual that the verb dictionaries grew around: measure here, never tune
rules sentence by sentence on them.

Usage: python bench/events_plover.py [PATH] [--failures] [--actor-failures]
(--failures prints the records whose primary type is wrong, --actor-failures those whose right-typed
event has the wrong source or target codes.)
"""
from __future__ import annotations

import collections
import json
import sys
import time
from pathlib import Path
from typing import Optional

import pycountry

from bilateral.coder import code_sentences
from bilateral.extract.cameo import plover_name

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "PLOVER" / "PLOVER_GSR_CAMEO.json"
# Non-ISO codes in the gold file: CAMEO's own country codes.
GOLD_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
ISO3 = {c.alpha_3 for c in pycountry.countries}


def gold_codes(record: dict, role: str) -> set:
    """Scorable codes of a record's sources or targets: ISO3 countries and "IGO"."""
    actors = record.get(role)
    if not isinstance(actors, list):
        return set()
    codes = {GOLD_FIXES.get(a.get("code"), a.get("code")) for a in actors}
    return {c for c in codes if c in ISO3 or c == "IGO"}


def as_gold(codes: list) -> set:
    """Predicted codes in the gold's terms: any international body reads as "IGO"."""
    return {c if c in ISO3 or c == "XKX" else "IGO" for c in codes}


def actors_match(record: dict, event: dict) -> bool:
    source, target = gold_codes(record, "source"), gold_codes(record, "target")
    got_source, got_target = as_gold(event["source"]), as_gold(event["target"])
    if not target:
        return source == got_source | got_target
    return source == got_source and target == got_target


def role_match(record: dict, event: dict, role: str) -> Optional[bool]:
    """Whether the event's codes in one role equal the gold's; None when the gold has none there."""
    gold = gold_codes(record, role)
    if not gold:
        return None
    if role == "source" and not gold_codes(record, "target"):
        return gold == as_gold(event["source"]) | as_gold(event["target"])
    return gold == as_gold(event[role])


def main(argv: list[str]) -> dict:
    path = Path(next((a for a in argv if not a.startswith("--")), DEFAULT))
    show = "--failures" in argv
    show_actors = "--actor-failures" in argv
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    t0 = time.time()
    rows = code_sentences({"id": r["id"], "text": r["text"], "date": r.get("date")} for r in records)
    covered = typed = anywhere = actor_ok = actor_n = further = 0
    roles = {"source": [0, 0], "target": [0, 0]}
    confusion: dict = collections.defaultdict(collections.Counter)
    per_type: dict = collections.defaultdict(lambda: [0, 0])
    for record, row in zip(records, rows):
        gold = plover_name(record["event"])
        events = row.get("events") or []
        primary = events[0]["event_type"] if events else "NONE"
        match = next((e for e in events if e["event_type"] == gold), None)
        covered += bool(events)
        further += max(len(events) - 1, 0)
        typed += primary == gold
        anywhere += match is not None
        per_type[gold][0] += primary == gold
        per_type[gold][1] += 1
        confusion[gold][primary] += 1
        if match is not None and (gold_codes(record, "source") or gold_codes(record, "target")):
            actor_n += 1
            actor_ok += actors_match(record, match)
            if show_actors and not actors_match(record, match):
                print(f"ACTORS {gold:<9} {record['text'][:150]}\n     gold {sorted(gold_codes(record, 'source'))} -> "
                      f"{sorted(gold_codes(record, 'target'))}, got {match['source']} -> {match['target']} "
                      f"({match['trigger']})")
            for role, tally in roles.items():
                ok = role_match(record, match, role)
                if ok is not None:
                    tally[0] += ok
                    tally[1] += 1
        if show and primary != gold:
            got = [(e["event_type"], e["trigger"], e["source"], e["target"]) for e in events]
            print(f"MISS {gold:<9} {record['text'][:150]}\n     got {got}")
    seconds = time.time() - t0
    n = len(records)
    print(f"coverage   {covered}/{n} = {covered / n:.3f}")
    print(f"type       {typed}/{n} = {typed / n:.3f}")
    print(f"any match  {anywhere}/{n} = {anywhere / n:.3f}")
    for role, (ok, total) in roles.items():
        print(f"{role:<10} {ok}/{total} = {ok / total if total else 0:.3f}")
    print(f"actors     {actor_ok}/{actor_n} = {actor_ok / actor_n if actor_n else 0:.3f}")
    print(f"further    {further}/{n} = {further / n:.2f} events a sentence beyond the first")
    print("confusion (gold: right/all, then what the primary event was instead)")
    for gold in sorted(per_type, key=lambda g: -per_type[g][1]):
        ok, total = per_type[gold]
        wrong = ", ".join(f"{k} {v}" for k, v in confusion[gold].most_common() if k != gold)
        print(f"  {gold:<9} {ok:>3}/{total:<3} {wrong}")
    summary = {"bench": "events_plover", "records": n, "coverage": round(covered / n, 4),
               "type_accuracy": round(typed / n, 4), "any_accuracy": round(anywhere / n, 4),
               "source_accuracy": round(roles["source"][0] / roles["source"][1], 4) if roles["source"][1] else 0.0,
               "target_accuracy": round(roles["target"][0] / roles["target"][1], 4) if roles["target"][1] else 0.0,
               "actor_accuracy": round(actor_ok / actor_n, 4) if actor_n else 0.0, "actor_records": actor_n,
               "further_per_sentence": round(further / n, 3),
               "seconds": round(seconds, 1)}
    print(json.dumps(summary))
    return summary


if __name__ == "__main__":
    main(sys.argv[1:])
