"""A RawDocument cleaned into the Document every later stage reads: body text, metadata, offsets."""
from __future__ import annotations

import re
from typing import Optional

from bilateral.model import Document, RawDocument, text_id
from bilateral.read.dates import parse_date
from bilateral.read.published import publication_date
from bilateral.read.text import clean_text


def clean(raw: RawDocument) -> Document:
    """Clean one source: what the source says of itself comes first, then the page markup, then the text's header."""
    if raw.format == "html":
        from bilateral.read.html import read_page   # trafilatura and lxml load only when a page comes
        page = read_page(raw.text, raw.url)
        body = clean_text(page.text, title=raw.title or page.title)
        title = _first(raw.title, page.title, body.title)
        outlet = _first(raw.outlet, page.outlet, body.outlet, page.host)
        author = _first(raw.author, page.author, body.author)
        declared = parse_date(raw.published) or page.published
        offsets: list = []
    else:
        body = clean_text(raw.text, title=_tidy(raw.title))
        title = _first(raw.title, body.title)
        outlet = _first(raw.outlet, body.outlet)
        author = _first(raw.author, body.author)
        declared = parse_date(raw.published)
        offsets = body.offsets
    published, basis = publication_date(body.text, declared or body.published, body.stated)
    return Document(
        doc_id=text_id(body.text),
        source_path=raw.source_path,
        text=body.text,
        title=title,
        outlet=outlet,
        author=author,
        url=raw.url,
        published=published,
        published_basis=basis,
        n_chars_raw=len(raw.text),
        n_chars_clean=len(body.text),
        offsets=offsets,
        dateline=body.dateline,
    )


def _first(*values: Optional[str]) -> Optional[str]:
    """The first value that is not blank, tidied."""
    return next((v for v in map(_tidy, values) if v), None)


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _tidy(value: Optional[str]) -> Optional[str]:
    """Metadata strings on one line with single spaces, without control characters; blank is None."""
    return " ".join(_CONTROL.sub("", value).split()) or None if value else None
