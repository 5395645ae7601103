"""Security middleware: strict headers on every response, no cross-site state changes, bounded requests.

Article text is untrusted, so the pages forbid inline script and style entirely (the
Content-Security-Policy below) on top of escaping everything they render.
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
MAX_QUERY = 4096


class BodyTooLarge(Exception):
    pass


async def _send_error(send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
                + HEADERS})
    await send({"type": "http.response.body", "body": body})


def cross_site(headers: dict) -> bool:
    """True when a browser says the request comes from another site (Sec-Fetch-Site, else Origin vs Host)."""
    site = headers.get(b"sec-fetch-site", b"").decode("latin-1").lower()
    if site and site not in ("same-origin", "none"):
        return True
    origin = headers.get(b"origin", b"").decode("latin-1")
    if origin:
        if origin == "null":
            return True
        host = headers.get(b"host", b"").decode("latin-1").lower()
        return urlsplit(origin).netloc.lower() != host
    return False


class SecurityMiddleware:
    """ASGI middleware: adds the headers, refuses cross-site non-GET requests (403) and oversize ones (413/414)."""

    def __init__(self, app, max_body: int = 1_000_000):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        if len(scope.get("query_string") or b"") > MAX_QUERY:
            return await _send_error(send, 414, f"the query string is longer than {MAX_QUERY} bytes")
        method = scope.get("method", "GET").upper()
        if method not in SAFE_METHODS:
            if cross_site(headers):
                return await _send_error(send, 403, "cross-site requests may not change anything here")
            length = headers.get(b"content-length")
            if length is not None:
                try:
                    too_big = int(length) > self.max_body
                except ValueError:
                    return await _send_error(send, 400, "bad Content-Length")
                if too_big:
                    return await _send_error(send, 413, f"the request body is larger than {self.max_body} bytes")
        seen = 0
        started = False

        async def bounded_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge()
            return message

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        try:
            await self.app(scope, bounded_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _send_error(send, 413, f"the request body is larger than {self.max_body} bytes")
