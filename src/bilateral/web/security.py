"""Security middleware: strict headers on every response, no cross-site state changes, bounded requests,
a Host allow-list against DNS rebinding, and HEAD answered on every GET route.

Article text is untrusted, so the pages forbid inline script and style entirely (the
Content-Security-Policy below) on top of escaping everything they render.
"""
from __future__ import annotations

import ipaddress
import json
from typing import Iterable, Optional
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


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts_for(host: str, extra: Iterable[str] = ()) -> frozenset:
    """The Host names a server bound to `host` answers: that address, the loopback names when it is loopback or
    every interface, and any names given (`--allow-host`)."""
    names = {host.strip("[]").lower()}
    if _is_loopback(host) or host in ("0.0.0.0", "::", ""):
        names.update(LOOPBACK_NAMES)
    names.update(h.strip().strip("[]").lower() for h in extra if h.strip())
    names.discard("")
    return frozenset(names)


def host_name(value: str) -> Optional[str]:
    """The name in a Host header without its port ("[::1]:8000" -> "::1"), or None when it is malformed."""
    value = value.strip().lower()
    if not value or any(c in value for c in "/@?#\\ \t"):
        return None
    if value.startswith("["):
        end = value.find("]")
        if end < 0 or (value[end + 1:] and not value[end + 1:].startswith(":")):
            return None
        name, port = value[1:end], value[end + 2:]
    else:
        name, _, port = value.partition(":")
    if port and not port.isdigit():
        return None
    return name or None


class SecurityMiddleware:
    """ASGI middleware: refuses a Host not allowed (400), adds the headers, refuses cross-site non-GET requests
    (403) and oversize ones (413/414), and answers HEAD as the GET it stands for, without the body."""

    def __init__(self, app, max_body: int = 1_000_000, allowed_hosts: Optional[Iterable[str]] = None):
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts) if allowed_hosts is not None else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        if self.allowed_hosts is not None:
            name = host_name(headers.get(b"host", b"").decode("latin-1"))
            if name not in self.allowed_hosts:
                return await _send_error(send, 400, "this server does not answer for that Host header")
        head = scope.get("method", "GET").upper() == "HEAD"
        if head:
            scope = dict(scope, method="GET")
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
            elif head and message["type"] == "http.response.body":
                message = dict(message, body=b"")
            await send(message)

        try:
            await self.app(scope, bounded_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _send_error(send, 413, f"the request body is larger than {self.max_body} bytes")
