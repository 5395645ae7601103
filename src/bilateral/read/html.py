"""An HTML page reduced to its article text and the metadata its markup declares (trafilatura, htmldate).

Dates come only from the page's markup (meta tags, time elements, the URL), never
from a search of the running text, so a date found here is "metadata".
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import trafilatura

from bilateral.read.dates import parse_date


@dataclass
class Page:
    """What trafilatura found in a page: paragraphs separated by blank lines, and metadata."""

    text: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    host: Optional[str] = None       # the site's host name: the outlet of last resort


def read_page(html: str, url: Optional[str] = None) -> Page:
    """The main text of a page (navigation, scripts, footers and comments left out) and its metadata."""
    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if found is None or not (found.text or "").strip():
        return Page(text=_paragraphs(trafilatura.html2txt(html) or ""))
    return Page(
        text=_paragraphs(found.text),
        title=_tidy(found.title),
        outlet=_tidy(found.sitename) if found.sitename != found.hostname else None,
        author=_tidy(found.author),
        published=parse_date(found.date) if found.date else None,
        host=_tidy(found.hostname),
    )


def _paragraphs(text: str) -> str:
    """trafilatura puts one paragraph a line; the clean text wants a blank line between them."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _tidy(value: Optional[str]) -> Optional[str]:
    return " ".join(value.split()) or None if value else None
