"""A document's text cut into plain pieces for the template: which spans cover each piece, where anchors stand.

The text stays plain strings here; the template escapes every piece, so article text is never
trusted as markup.
"""
from __future__ import annotations


def segments(text: str, spans: list) -> list:
    """Cut `text` at every span boundary; each piece lists the spans covering it and the anchors starting there.

    A piece is {"text", "kinds" (sorted span kinds), "anchors" (ids of spans that start at it),
    "labels" (the covering spans' labels), "quad"} ; spans may nest or overlap."""
    n = len(text)
    clean = []
    for s in spans:
        a, b = max(0, int(s["char_start"])), min(n, int(s["char_end"]))
        if a < b:
            clean.append((a, b, s))
    cuts = sorted({0, n} | {a for a, _, _ in clean} | {b for _, b, _ in clean})
    out = []
    started: set = set()
    for lo, hi in zip(cuts, cuts[1:]):
        covering = [s for a, b, s in clean if a <= lo and hi <= b]
        anchors = []
        for a, _, s in clean:
            if a == lo and s["anchor"] not in started:
                started.add(s["anchor"])
                anchors.append(s["anchor"])
        quad = next((s.get("quad") for s in covering if s["kind"] == "event" and s.get("quad")), None)
        out.append({"text": text[lo:hi], "kinds": sorted({s["kind"] for s in covering}), "anchors": anchors,
                    "labels": [s["label"] for s in covering], "quad": quad})
    return out
