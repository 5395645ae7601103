"""Answers kept in memory while the store does not change: a page or list asked for again costs no query.

The served store is read-only to the dashboard, so a GET's answer depends on its path, its query string
and the store's contents alone. The store's files (the database and its write-ahead log) are looked at on
every request: when an ingest has written them since, every kept answer is dropped. Only whole 200 answers
up to `max_item` bytes are kept, least recently used first out past `max_bytes`.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Optional

from ..store_file import file_signature


class ResponseCache:
    """ASGI middleware: serve a GET from memory when the same URL was answered over the same store."""

    def __init__(self, app, path: str, max_bytes: int = 64 << 20, max_item: int = 1 << 20):
        self.app = app
        self.path = str(path)
        self.max_bytes = max_bytes
        self.max_item = min(max_item, max_bytes)
        self.items: OrderedDict = OrderedDict()   # (path, query) -> (status, headers, body)
        self.size = 0
        self.signature: Optional[tuple] = None

    def clear(self) -> None:
        self.items.clear()
        self.size = 0

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or self.max_bytes <= 0:
            return await self.app(scope, receive, send)
        signature = file_signature(self.path)
        if signature != self.signature:
            self.clear()
            self.signature = signature
        key = (scope.get("path"), scope.get("query_string") or b"")
        kept = self.items.get(key)
        if kept is not None:
            self.items.move_to_end(key)
            status, headers, body = kept
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict = {}
        chunks: list = []
        size = 0
        keep = True

        async def capture(message):
            nonlocal keep, size
            if message["type"] == "http.response.start":
                start.update(message)
                keep = message.get("status") == 200
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > self.max_item:
                    keep = False
                    chunks.clear()
                elif not message.get("more_body"):
                    self._keep(key, signature, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(self, key: tuple, signature: tuple, start: dict, body: bytes) -> None:
        if signature != self.signature:   # the store moved while this answer was made
            return
        headers = list(start.get("headers") or [])
        old = self.items.pop(key, None)
        if old is not None:
            self.size -= len(old[2])
        self.items[key] = (start.get("status", 200), headers, body)
        self.size += len(body)
        while self.size > self.max_bytes and self.items:
            _, (_, _, old) = self.items.popitem(last=False)
            self.size -= len(old)
