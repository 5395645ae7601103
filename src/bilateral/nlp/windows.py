"""Regex search in windows around anchors: what `finditer` finds, without reading the whole text.

Time expressions and figures are rare in a text, and each pattern's matches contain some word or
digit (an anchor) that is cheap to find; searching only near those anchors is what keeps them
a small share of the parse."""
from __future__ import annotations

import re
from typing import Iterator


def finditer_near(rx: re.Pattern, text: str, anchors: list[int], before: int, after: int,
                  digits_go_on: bool = False) -> Iterator[re.Match]:
    """`rx.finditer(text)` for a pattern whose every match starts at most `before` characters ahead
    of an anchor it reaches, and reads at most `after` characters past it: only those windows are
    searched.  Anchors are sorted offsets.

    Search from `pos` sees the text before it (lookbehinds, \\b) and the end of each window lies past
    every character a match could read, so each window yields exactly the matches finditer would
    find there.  `digits_go_on`: a pattern that may match a bare run of digits can find its next
    match where the last one ended ("1,5002020"), so the window is stretched to that point."""
    pos, i, n, size = 0, 0, len(anchors), len(text)
    while i < n:
        j = i
        while j + 1 < n and anchors[j + 1] - before <= anchors[j]:
            j += 1
        lo, hi = max(pos, anchors[i] - before), anchors[j]
        while lo <= hi:
            m = rx.search(text, lo, min(size, hi + after))
            if m is None or m.start() > hi:
                break
            yield m
            pos = lo = m.end() if m.end() > m.start() else m.end() + 1
            if digits_go_on and pos < size and text[pos].isdigit():
                hi = max(hi, pos)
        i = j + 1
