"""Text from documents as pages show it: control characters and bidirectional overrides made harmless.

A right-to-left override in a title would reverse the text after it on the page, and a NUL byte has
no place in HTML; each is shown as U+FFFD, one character for one, so offsets into the text still hold.
"""
from __future__ import annotations

import re

# C0 controls but tab, newline and carriage return; DEL and the C1 controls; the bidi embeddings,
# overrides and isolates (the marks that only set a direction, LRM, RLM and ALM, stay).
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def neutralise(value):
    """Strings with every unsafe character replaced by U+FFFD; other values unchanged (Jinja's finalize)."""
    if isinstance(value, str) and UNSAFE.search(value):
        return UNSAFE.sub("\ufffd", value)
    return value
