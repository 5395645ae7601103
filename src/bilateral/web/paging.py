"""Pages of a list and their three shapes: a JSON page, JSON Lines or CSV streamed row by row."""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Literal
from urllib.parse import urlencode

from fastapi import Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from ..export import _flat

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
Format = Literal["json", "jsonl", "csv"]


class Page:
    """limit/offset query parameters, bounded, shared by every list route."""

    def __init__(self, limit: int = Query(50, ge=1, le=MAX_LIMIT, description=f"Rows per page (1–{MAX_LIMIT})."),
                 offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip."),
                 format: Format = Query("json", description="json (a page object), jsonl or csv (streamed rows).")):
        self.limit = limit
        self.offset = offset
        self.format = format


def _next_url(request: Request, page: Page, total: int) -> str | None:
    if page.offset + page.limit >= total:
        return None
    params = dict(request.query_params)
    params["offset"] = str(page.offset + page.limit)
    params["limit"] = str(page.limit)
    return f"{request.url.path}?{urlencode(params)}"


def _jsonl(rows: Iterable[dict]):
    for r in rows:
        yield json.dumps(r, ensure_ascii=False) + "\n"


def _csv(rows: list):
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
        w.writerow(_flat(r))
        yield buf.getvalue()


def respond(request: Request, page: Page, rows: list, total: int, name: str = "items"):
    """The page as {total, limit, offset, next, items}, or its rows as JSON Lines / CSV with a Link to the next."""
    nxt = _next_url(request, page, total)
    if page.format == "json":
        return JSONResponse({"total": total, "limit": page.limit, "offset": page.offset, "next": nxt, name: rows})
    headers = {"X-Total-Count": str(total)}
    if nxt:
        headers["Link"] = f'<{nxt}>; rel="next"'
    if page.format == "jsonl":
        return StreamingResponse(_jsonl(rows), media_type="application/x-ndjson", headers=headers)
    headers["Content-Disposition"] = f'inline; filename="{name}.csv"'
    return StreamingResponse(_csv(rows), media_type="text/csv; charset=utf-8", headers=headers)
