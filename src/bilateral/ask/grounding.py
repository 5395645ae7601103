"""Checks that an answer invents nothing: every number it states stands in a cited passage or item."""
from __future__ import annotations

import re

from .model import Answer

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
DATE_FIELDS = ("date", "date_end", "period_start", "period_end", "as_of")


def numbers(text: str) -> set:
    """The numbers in a text, commas dropped and leading zeros stripped ("3,518" -> "3518", "05" -> "5")."""
    out = set()
    for m in NUMBER.findall(text or ""):
        n = m.replace(",", "").rstrip(".")
        out.add(n.lstrip("0") or "0")
        for part in re.split(r"[.]", n):
            if part and len(n.split(".")) > 2:
                out.add(part.lstrip("0") or "0")
    return out


def unsupported_numbers(answer: Answer) -> list:
    """Numbers in the answer text that no cited sentence, source name or item date holds."""
    allowed: set = set()
    for c in answer.citations:
        for text in (c.sentence, c.source_path, c.title or "", c.published or ""):
            allowed |= numbers(text)
            allowed |= {p.lstrip("0") or "0" for p in re.findall(r"\d+", text)}
    for item in answer.items:
        for f in DATE_FIELDS:
            v = item.get(f)
            if isinstance(v, str):
                allowed |= {p.lstrip("0") or "0" for p in re.findall(r"\d+", v)}
    return sorted(n for n in numbers(answer.text) if n not in allowed)
