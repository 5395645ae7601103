"""How two sides differ: each side's own stated position, quoted from the passage where it speaks."""
from __future__ import annotations

import re
from typing import Optional

from .find import actor_offsets, leading_side, rank
from .intent import Intent
from .model import Answer
from .record import Record
from .telling import COVERED, not_said, said, src

STATED = re.compile(r"\b(?:said|says|say|insist\w*|argu\w*|maintain\w*|want\w*|believ\w*|propos\w*|position|view|"
                    r"stance|statement|repeatedly|calls?|called)\b", re.I)


def speaking_side(rec: Record, it: Intent, text: str) -> Optional[int]:
    """0 or 1: the side named last before the sentence's first word of stating ("Turkey said", "Greek officials
    insist"); None when no side comes before it ("The U.S. said ... Greek and Turkish warships")."""
    m = STATED.search(text)
    if m is None:
        return None
    before = [(max(o for o in offs if o < m.start()), k) for k, offs in enumerate(actor_offsets(rec, it, text)[:2])
              if any(o < m.start() for o in offs)]
    return max(before)[1] if before else None


def answer_positions(rec: Record, it: Intent) -> Answer:
    """For "how do A and B differ on X": for each side, the best sentence on X where that side (named before
    the other, or alone) states its view."""
    hits = [h for h in rank(rec, it, k=30) if h.cov >= COVERED / 2 and STATED.search(h.p.text)]
    parts, cited = [], []
    for k in range(min(2, len(it.codes))):
        # a sentence where the side speaks ("Turkey said ...") before one that only names it first
        for h in sorted(hits, key=lambda h: speaking_side(rec, it, h.p.text) != k):
            if leading_side(rec, it, h.p.text) == k and h not in cited:
                parts.append(f"{rec.name(it.codes[k])}: “{h.p.text.strip()}” ({src(rec, h.p)})")
                cited.append(h)
                break
    if len(parts) < 2:
        return not_said(rec, it, "how the two sides differ on that", rank(rec, it, k=1))
    return said(rec, it, " ".join(parts), cited)
