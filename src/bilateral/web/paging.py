"""Keyset pages of a list and their three shapes: a JSON page, JSON Lines or CSV streamed row by row.

A page never skips rows with an offset: `after` is the cursor of the last row of the page before
(`next` in a JSON page, the `Link` header of a stream). CSV cells that a spreadsheet would run as
a formula are written as text.
"""
from __future__ import annotations

import csv
import io
from typing import Iterable, Literal, Optional
from urllib.parse import urlencode

import orjson
from fastapi import Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from ..export import _flat
from .filters import encode_cursor

MAX_LIMIT = 200
Format = Literal["json", "jsonl", "csv"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


class Page:
    """limit/after/format query parameters, bounded, shared by every list route."""

    def __init__(self, limit: int = Query(50, ge=1, le=MAX_LIMIT, description=f"Rows per page (1–{MAX_LIMIT})."),
                 after: Optional[str] = Query(None, max_length=600,
                                              description="The cursor `next` gave: the page after it."),
                 format: Format = Query("json", description="json (a page object), jsonl or csv (streamed rows).")):
        self.limit = limit
        self.after = after
        self.format = format


class FastJSON(JSONResponse):
    """A JSON answer serialised by orjson: the same JSON as the standard library's, a few times faster, and
    returned as is by the routes so the framework does not walk the value again."""

    def render(self, content) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


def next_url(request: Request, cursor: Optional[list]) -> Optional[str]:
    """This request's URL with `after` set to the cursor (None when there is no next page)."""
    if cursor is None:
        return None
    params = dict(request.query_params)
    params["after"] = encode_cursor(cursor)
    return f"{request.url.path}?{urlencode(params)}"


def _jsonl(rows: Iterable[dict]):
    for r in rows:
        yield orjson.dumps(r, option=orjson.OPT_NON_STR_KEYS) + b"\n"


def csv_cell(value):
    """A value as a CSV cell: text a spreadsheet would read as a formula (=, +, -, @, ...) gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_lines(rows: list):
    """A header and one line per row (nested values flattened as in the CSV export), formulas neutralised."""
    fields: list = []
    for r in rows:
        for k in r:
            if k not in fields:
                fields.append(k)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields)
    w.writeheader()
    yield buf.getvalue()
    for r in rows:
        buf.seek(0)
        buf.truncate()
        w.writerow({k: csv_cell(v) for k, v in _flat(r).items()})
        yield buf.getvalue()


def respond(request: Request, page: Page, rows: list, total: Optional[int], cursor: Optional[list],
            name: str = "items"):
    """The page as {total, limit, next, items}, or its rows as JSON Lines / CSV with a Link to the next page."""
    nxt = next_url(request, cursor)
    if page.format == "json":
        return FastJSON({"total": total, "limit": page.limit, "next": nxt, name: rows})
    headers = {}
    if total is not None:
        headers["X-Total-Count"] = str(total)
    if nxt:
        headers["Link"] = f'<{nxt}>; rel="next"'
    if page.format == "jsonl":
        return StreamingResponse(_jsonl(rows), media_type="application/x-ndjson", headers=headers)
    headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return StreamingResponse(csv_lines(rows), media_type="text/csv; charset=utf-8", headers=headers)
