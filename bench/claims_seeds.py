"""Score the claims ledger on the seed documents against the hand gold.

    .venv/bin/python bench/claims_seeds.py [--verbose] [--keep DIR]

Builds each seed's Document, parses it, finds actors and time expressions,
extracts claims, writes documents.jsonl + claims.jsonl into a temporary export
directory and runs the shared scorer on it, printing its claims lines.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

from bilateral.extract.claims import extract_claims
from bilateral.model import ActorMention, Document, RawDocument
from bilateral.nlp.actors import find_actors
from bilateral.nlp.pipeline import load_nlp
from bilateral.nlp.timex import find_timexes
from bilateral.read import clean

SHARED = "/work/shared"


def build_document(path: str) -> Document:
    """The cleaned Document, as the project's reader makes it."""
    text = open(path, encoding="utf-8").read()
    return clean(RawDocument(source_path=path, text=text, format="text"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--keep", help="write the export here instead of a temporary directory")
    ap.add_argument("--seeds", default=f"{SHARED}/seeds")
    ap.add_argument("--gold", default=f"{SHARED}/gold")
    a = ap.parse_args(argv)
    nlp = load_nlp()
    out = a.keep or tempfile.mkdtemp(prefix="claims_bench_")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "documents.jsonl"), "w", encoding="utf-8") as fd, \
            open(os.path.join(out, "claims.jsonl"), "w", encoding="utf-8") as fc:
        for path in sorted(glob.glob(os.path.join(a.seeds, "*.txt"))):
            document = build_document(path)
            doc = nlp(document.text)
            actors: list[ActorMention] = find_actors(doc, date=document.published)
            timexes = find_timexes(document.text, document.published)
            row = document.export()
            row["source_path"] = path
            fd.write(json.dumps(row) + "\n")
            for claim in extract_claims(document, doc, actors, timexes):
                fc.write(json.dumps(claim.to_dict()) + "\n")
    cmd = [sys.executable, f"{SHARED}/eval/score.py", "--export", out, "--gold", a.gold]
    result = subprocess.run(cmd + (["--verbose"] if a.verbose else []), capture_output=True, text=True)
    for line in result.stdout.splitlines():
        if line.startswith(("claims", "   ", "  ")) or line.startswith("{"):
            print(line)
    print(result.stderr, end="", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
