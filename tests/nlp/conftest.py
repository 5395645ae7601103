"""Shared helper for the time-expression pattern tests: what one list of patterns finds and resolves."""
from __future__ import annotations

import pytest

from bilateral.nlp import timex_calendar as cal
from bilateral.nlp.timex_records import Context


def _resolved(patterns: list, text: str, dct: str | None = None, prev: str | None = None) -> dict:
    """Matched text -> TIMEX3 value, for every candidate the patterns build, resolved against dct and prev."""
    ref = cal.parse_ref(dct)
    context = Context(text, ref, ref.iso() if ref else None, prev=prev)
    out = {}
    for p in patterns:
        for m in p.rx.finditer(text):
            for c in p.build(m, text):
                out[text[c.start:c.end]] = c.resolve(context, c.start, c.end)["value"]
    return out


@pytest.fixture
def resolved():
    return _resolved
