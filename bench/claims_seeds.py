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
import re
import subprocess
import sys
import tempfile

from bilateral.model import ActorMention, Document, RawDocument, Timex, text_id
from bilateral.nlp.actors import find_actors
from bilateral.nlp.pipeline import load_nlp


def _claims_stage():
    """extract_claims; TEMPORARY: skips the package __init__ while its sibling stages are unwritten."""
    try:
        from bilateral.extract.claims import extract_claims
    except ImportError:
        import types
        import bilateral
        shell = types.ModuleType("bilateral.extract")
        shell.__path__ = [os.path.join(list(bilateral.__path__)[0], "extract")]
        sys.modules["bilateral.extract"] = shell
        from bilateral.extract.claims import extract_claims
    return extract_claims

SHARED = "/work/shared"
# Publication dates for the fallback reader only (the real reader finds them in the text).
FALLBACK_PUBLISHED = {"000": "2018", "001": "2018-02-02", "002": "2014-07-03", "003": None, "004": "2025"}


def build_document(path: str) -> Document:
    """The cleaned Document: the project's reader when it exists, else the raw text."""
    text = open(path, encoding="utf-8").read()
    raw = RawDocument(source_path=path, text=text, format="text")
    try:
        from bilateral.read import clean  # type: ignore[attr-defined]
        return clean(raw)
    except ImportError:
        pass
    return Document(doc_id=text_id(text), source_path=path, text=text,
                    published=FALLBACK_PUBLISHED.get(os.path.basename(path)[:3]),
                    n_chars_raw=len(text), n_chars_clean=len(text))


def timexes_of(text: str, published: str | None) -> list[Timex]:
    """The project's time stage when it exists, else the temporary fallback below."""
    try:
        from bilateral.nlp.timex import find_timexes  # type: ignore[import-not-found]
        return find_timexes(text, published)
    except ImportError:
        return fallback_timexes(text, published)


# --- TEMPORARY FALLBACK: a few year-shaped expressions, until nlp/timex.py lands ----------
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_MONTH = "|".join(MONTHS)


def fallback_timexes(text: str, published: str | None) -> list[Timex]:
    out: list[Timex] = []
    pub_year = int(published[:4]) if published else None
    pats = [
        (rf"\bfrom ((?:{_MONTH}) )?(\d{{4}}) to ((?:{_MONTH}) )?(\d{{4}})\b", "range"),
        (r"\bin the first (\w+) months (?:in|of) (\d{4})\b", "months"),
        (r"\bover the (?:last|past) (\d+) years\b", "duration"),
        (rf"\b(since|by|as of|in|until|during)? ?((?:{_MONTH}) )?(\d{{4}})\b", "year"),
        (r"\((\d{4})\)", "paren"),
        (r"\blast year\b", "last"),
        (r"\b(annually|a year|each year|every year)\b", "set"),
        (r"\b[Nn]ow\b", "now"),
    ]
    taken: list[tuple] = []
    for pat, kind in pats:
        for m in re.finditer(pat, text, re.I):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            t = Timex(start=m.start(), end=m.end(), text=m.group(0), type="DATE", value="")
            if kind == "range":
                t.value, t.signal = m.group(2), "from"
                t.range_start, t.range_end = m.group(2), m.group(4)
            elif kind == "months":
                n = {"three": 3, "six": 6, "nine": 9, "eleven": 11, "11": 11}.get(m.group(1).lower(), 12)
                t.value, t.signal = m.group(2), "in"
                t.range_start, t.range_end = f"{m.group(2)}-01", f"{m.group(2)}-{n:02d}"
            elif kind == "duration":
                if not pub_year:
                    continue
                t.type, t.value = "DURATION", f"P{m.group(1)}Y"
                t.range_start, t.range_end = str(pub_year - int(m.group(1))), str(pub_year)
            elif kind in ("year", "paren"):
                year = m.group(3) if kind == "year" else m.group(1)
                if not 1500 <= int(year) <= 2100:
                    continue
                month = (m.group(2) or "").strip().lower() if kind == "year" else ""
                t.value = f"{year}-{MONTHS.index(month) + 1:02d}" if month else year
                t.signal = (m.group(1) or "in").lower() if kind == "year" else "in"
            elif kind == "last":
                if not pub_year:
                    continue
                t.value, t.signal = str(pub_year - 1), "in"
            elif kind == "set":
                t.type, t.value = "SET", "P1Y"
            else:
                t.value = "PRESENT_REF"
            out.append(t)
    return sorted(out, key=lambda t: t.start)
# --- end of temporary fallback -----------------------------------------------------------


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--keep", help="write the export here instead of a temporary directory")
    ap.add_argument("--seeds", default=f"{SHARED}/seeds")
    ap.add_argument("--gold", default=f"{SHARED}/gold")
    a = ap.parse_args(argv)
    nlp = load_nlp()
    extract_claims = _claims_stage()
    out = a.keep or tempfile.mkdtemp(prefix="claims_bench_")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "documents.jsonl"), "w", encoding="utf-8") as fd, \
            open(os.path.join(out, "claims.jsonl"), "w", encoding="utf-8") as fc:
        for path in sorted(glob.glob(os.path.join(a.seeds, "*.txt"))):
            document = build_document(path)
            doc = nlp(document.text)
            actors: list[ActorMention] = find_actors(doc)
            timexes = timexes_of(document.text, document.published)
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
