"""How two sides differ: each side's own stated position, quoted from the passage where it speaks."""
from __future__ import annotations

import re

from .find import leading_side, rank
from .intent import Intent
from .model import Answer
from .record import Record
from .telling import COVERED, not_said, said, src

STATED = re.compile(r"\b(?:said|says|say|insist\w*|argu\w*|maintain\w*|want\w*|believ\w*|propos\w*|position|view|"
                    r"stance|statement|repeatedly|calls?|called)\b", re.I)


def answer_positions(rec: Record, it: Intent) -> Answer:
    """For "how do A and B differ on X": for each side, the best sentence on X where that side (named before
    the other, or alone) states its view."""
    hits = [h for h in rank(rec, it, k=30) if h.cov >= COVERED / 2 and STATED.search(h.p.text)]
    parts, cited = [], []
    for k in range(min(2, len(it.codes))):
        for h in hits:
            if leading_side(rec, it, h.p.text) == k and h not in cited:
                parts.append(f"{rec.name(it.codes[k])}: “{h.p.text.strip()}” ({src(rec, h.p)})")
                cited.append(h)
                break
    if len(parts) < 2:
        return not_said(rec, it, "how the two sides differ on that", rank(rec, it, k=1))
    return said(rec, it, " ".join(parts), cited)
