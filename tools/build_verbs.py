"""Regenerate the shipped CAMEO verb dictionary (src/bilateral/data/verbs/) from petrarch2's
CAMEO.2.0.txt (MIT), in a form the event extractor reads without a parser of its own.

Usage: python tools/build_verbs.py [CAMEO.2.0.txt]   (default: ../shared/data/petrarch2/CAMEO.2.0.txt)

Output: verbs.json with
  synsets  name -> [word, ...]            (&CURRENCY, &WEAPON, ...)
  verbs    lemma -> [[block, code|None, [extra word, ...]], ...]   ("take over": lemma "take", extra ["over"])
  blocks   [[code|None, [pattern, ...]], ...]   the block's own code, and its patterns
           pattern = [before terms, after terms, code]; a verb's code is its own, else its block's
A term is [kind, value]: "w" a word stem ("troop" fits "troops"; a trailing "_" asks for the
exact word), "p" a phrase of stems, "s" a synset name, "prep" [preposition, [terms]] for a
parenthesised phrase, whose terms must stand inside that preposition's phrase.  Actor markers (+ $ ^ %) and auxiliary patterns are dropped: actors
come from the gazetteer, modality from the parse.
"""
from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "bilateral" / "data" / "verbs"
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "petrarch2" / "CAMEO.2.0.txt"

CODE = re.compile(r"\[([0-9-]+)(?::[0-9-]+)?\]")
TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s(){}]+")
MARKERS = {"+", "$", "^", "%", "*"}


def _code(text: str):
    m = CODE.search(text)
    if m is None or set(m.group(1)) == {"-"}:
        return None
    return m.group(1)


def _terms(part: str) -> list:
    """Terms of one side of a pattern, in order."""
    terms = []
    for tok in TOKEN.findall(part):
        if tok.startswith("("):
            inner = tok[1:-1].split()
            if not inner:
                continue
            terms.append(["prep", [inner[0].lower(), _terms(" ".join(inner[1:]))]])
        elif tok.startswith("{"):
            words = [w.lower() for w in tok[1:-1].split() if w not in MARKERS]
            if any(w.startswith("&") for w in words):
                terms.extend(["s", w[1:]] if w.startswith("&") else ["w", w] for w in words)
            elif words:
                terms.append(["p", words])
        elif tok.startswith("&"):
            terms.append(["s", tok[1:].lower()])
        elif tok not in MARKERS and not tok.startswith("#"):
            terms.append(["w", tok.lower()])
    return terms


def parse(text: str) -> dict:
    synsets: dict = {}
    verbs: dict = {}
    blocks: list = []
    current_syn = None
    in_verbs = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            current_syn = None
            continue
        if line.startswith("&"):
            current_syn = line[1:].strip().lower()
            synsets[current_syn] = []
            continue
        if line.startswith("---"):
            in_verbs = True
            current_syn = None
            blocks.append([_code(line), []])
            continue
        if current_syn is not None and line.startswith("+"):
            synsets[current_syn].append(line[1:].strip().lower())
            continue
        if not in_verbs:
            continue
        if line.startswith("-"):
            body = CODE.split(line[1:])[0]
            code = _code(line)
            if code is None or "*" not in body:
                continue
            before, after = body.split("*", 1)
            blocks[-1][1].append([_terms(before), _terms(after), code])
            continue
        head = line.split("{", 1)[0]
        word = CODE.sub("", head).strip().lstrip("+").lower()
        if not word:
            continue
        parts = word.split("_")
        code = _code(head) or blocks[-1][0]
        verbs.setdefault(parts[0], []).append([len(blocks) - 1, code, [p for p in parts[1:] if p]])
    return {"synsets": synsets, "verbs": verbs, "blocks": blocks}


def main(argv: list) -> None:
    src = Path(argv[0]) if argv else DEFAULT_SRC
    data = parse(src.read_text(encoding="latin-1"))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "verbs.json").write_text(json.dumps(data, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    shutil.copy(src.parent / "LICENSE.upstream", OUT / "LICENSE.petrarch2")
    n_patterns = sum(len(b[1]) for b in data["blocks"])
    print(f"{len(data['verbs'])} verb lemmas, {len(data['blocks'])} blocks, {n_patterns} patterns, "
          f"{len(data['synsets'])} synsets -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
