"""TempEval-3 platinum benchmark for bilateral.nlp.timex: span, type and value scores.

Reads the TimeML files in place (CC BY 3.0 annotations, test use only), runs
find_timexes on each TEXT against its document creation time and scores like the
TE3 evaluation: strict span, relaxed (overlap) span, and attribute F1 for type and
value, where an attribute counts only on a relaxed match (P over system timexes,
R over gold timexes).  The DCT timex sits outside TEXT and is not scored.
"""
from __future__ import annotations

import html
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bilateral.nlp.timex import find_timexes

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "te3-platinum"
TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDoc:
    name: str
    dct: str
    text: str
    timexes: list


def strip_tags(marked: str) -> tuple[str, list[GoldTimex]]:
    """Plain text of a TimeML TEXT body and the TIMEX3 spans as offsets into it."""
    out: list[str] = []
    n = 0
    open_timex: dict | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    for m in TAG.finditer(marked):
        piece = html.unescape(marked[pos:m.start()])
        out.append(piece)
        n += len(piece)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = dict(ATTR.findall(m.group(3)))
            open_timex["_start"] = n
        elif open_timex is not None:
            s = open_timex["_start"]
            timexes.append(GoldTimex(s, n, "", open_timex.get("type", ""), open_timex.get("value", "")))
            open_timex = None
    out.append(html.unescape(marked[pos:]))
    text = "".join(out)
    for t in timexes:
        t.text = text[t.start:t.end]
    return text, timexes


def read_tml(path: Path) -> TimeMLDoc:
    """One TimeML file: its DCT value, its TEXT and the gold timexes inside TEXT."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct = dict(ATTR.findall(dct_m.group(0)))["value"] if dct_m else None
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    text, timexes = strip_tags(body)
    return TimeMLDoc(path.stem, dct, text, timexes)


def load_corpus(folder: Path = DATA) -> list[TimeMLDoc]:
    return [read_tml(p) for p in sorted(folder.glob("*.tml"))]


def prf(correct: int, n_sys: int, n_gold: int) -> dict:
    p = correct / n_sys if n_sys else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def match_relaxed(gold: list, system: list) -> list[tuple]:
    """One-to-one pairs of overlapping spans, exact matches first, then by largest overlap."""
    pairs = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                exact = g.start == s.start and g.end == s.end
                pairs.append((not exact, -ov, i, j))
    pairs.sort()
    used_g, used_s, out = set(), set(), []
    for _, _, i, j in pairs:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            out.append((gold[i], system[j]))
    return out


def evaluate(docs: list[TimeMLDoc] | None = None, verbose: bool = False) -> dict:
    """Score find_timexes over the corpus; with verbose, print every miss and wrong value."""
    docs = load_corpus() if docs is None else docs
    n_gold = n_sys = strict = relaxed = typ = val = 0
    t0 = time.perf_counter()
    for doc in docs:
        system = find_timexes(doc.text, doc.dct)
        pairs = match_relaxed(doc.timexes, system)
        n_gold += len(doc.timexes)
        n_sys += len(system)
        relaxed += len(pairs)
        strict += sum(g.start == s.start and g.end == s.end for g, s in pairs)
        typ += sum(g.type == s.type for g, s in pairs)
        val += sum(g.value == s.value for g, s in pairs)
        if verbose:
            report_doc(doc, system, pairs)
    seconds = time.perf_counter() - t0
    value = prf(val, n_sys, n_gold)
    return {
        "docs": len(docs), "gold": n_gold, "system": n_sys,
        "strict": prf(strict, n_sys, n_gold), "relaxed": prf(relaxed, n_sys, n_gold),
        "type_f1": prf(typ, n_sys, n_gold)["f1"], "value": value,
        "type_accuracy": round(typ / relaxed, 4) if relaxed else 0.0,
        "value_accuracy": round(val / relaxed, 4) if relaxed else 0.0,
        "seconds": round(seconds, 3),
    }


def context(text: str, start: int, end: int, width: int = 50) -> str:
    return (text[max(0, start - width):start] + "[[" + text[start:end] + "]]" + text[end:end + width]).replace("\n", " ")


def report_doc(doc: TimeMLDoc, system: list, pairs: list) -> None:
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    for g, s in pairs:
        if g.value != s.value or g.type != s.type or (g.start, g.end) != (s.start, s.end):
            print(f"{doc.name} DIFF gold {g.type} {g.value!r} {g.text!r} | sys {s.type} {s.value!r} {s.text!r} :: "
                  f"{context(doc.text, g.start, g.end)}")
    for g in doc.timexes:
        if id(g) not in matched_g:
            print(f"{doc.name} MISS {g.type} {g.value!r} :: {context(doc.text, g.start, g.end)}")
    for s in system:
        if id(s) not in matched_s:
            print(f"{doc.name} EXTRA {s.type} {s.value!r} :: {context(doc.text, s.start, s.end)}")


def main() -> None:
    if not DATA.is_dir():
        sys.exit(f"TE3 platinum data not found at {DATA}")
    res = evaluate(verbose="-v" in sys.argv)
    print(f"TE3 platinum: {res['docs']} docs, {res['gold']} gold timexes, {res['system']} found")
    for k in ("strict", "relaxed", "value"):
        print(f"  {k:8s} P {res[k]['p']:.3f}  R {res[k]['r']:.3f}  F1 {res[k]['f1']:.3f}")
    print(f"  type accuracy {res['type_accuracy']:.3f} (type F1 {res['type_f1']:.3f}), "
          f"value accuracy {res['value_accuracy']:.3f}, {res['seconds']} s")
    print(json.dumps(res))


if __name__ == "__main__":
    main()
