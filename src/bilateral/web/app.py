"""The FastAPI application: the JSON API, the dashboard pages and their assets, behind the security middleware."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BilateralError
from ..nlp.gazetteer import Gazetteer
from . import api_routes, formats_routes, page_lists, pages
from .cache import ResponseCache
from .db import Database, QueryTimeout
from .security import SecurityMiddleware, allowed_hosts_for

HERE = Path(__file__).parent


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def create_app(db_path: str | Path, dictionary: Optional[str] = None,
               query_timeout: float = 10.0, max_body: int = 1_000_000,
               allowed_hosts: Optional[Iterable[str]] = None, cache_mb: float = 64) -> FastAPI:
    """The app over one store, opened read-only: documents are ingested with the CLI or the API.

    It answers only requests whose Host names it (`allowed_hosts`, by default the loopback names),
    so a page on another site cannot reach it through a rebound DNS name. Answers are kept in memory (up to
    `cache_mb`, 0 keeps none) until the store's files change.

    The store stays open for the app's life (`app.state.db.close()` ends it): the ASGI lifespan does not
    close it, since test clients run a lifespan per use."""
    db = Database(db_path, read_only=True, timeout=query_timeout, dictionary=dictionary)
    app = FastAPI(title="bilateral", version="0.1.0", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Events, a claims ledger and conflicts between sources, built from articles "
                              "about relations between countries. Every item points to the characters it "
                              "came from. Lists are keyset pages: limit, after (the `next` cursor) and "
                              "format=json|jsonl|csv.")
    app.state.db = db
    app.state.max_body = max_body
    app.state.names = dict(Gazetteer.load(dictionary).names)
    hosts = allowed_hosts_for("127.0.0.1") if allowed_hosts is None else allowed_hosts
    app.add_middleware(ResponseCache, path=db.path, max_bytes=int(cache_mb * (1 << 20)))   # inside the security checks
    app.add_middleware(SecurityMiddleware, max_body=max_body, allowed_hosts=hosts)
    app.include_router(api_routes.router)
    app.include_router(formats_routes.router)
    app.include_router(pages.router)
    app.include_router(page_lists.router)
    # no redirect to "path/": a redirect is built from the Host header, and an unknown path is simply 404
    app.router.redirect_slashes = False
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def error(request: Request, status: int, message: str):
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=status)
        return pages.error_page(request, status, message)

    @app.exception_handler(QueryTimeout)
    async def _timeout(request: Request, exc: QueryTimeout):
        return error(request, 503, str(exc))

    @app.exception_handler(BilateralError)
    async def _bad_input(request: Request, exc: BilateralError):
        return error(request, 400, str(exc))

    @app.exception_handler(ValueError)
    async def _bad_value(request: Request, exc: ValueError):
        return error(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        if _wants_json(request):
            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        msg = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors())
        return pages.error_page(request, 422, msg or "invalid request")

    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000,
          dictionary: Optional[str] = None, allow_hosts: Iterable[str] = (), workers: int = 1,
          cache_mb: float = 64) -> None:
    """Run the app with uvicorn until interrupted; it answers for the address served and `allow_hosts`.

    With several workers each process opens the store read-only itself (uvicorn imports `worker_app`)."""
    import os
    import uvicorn
    hosts = allowed_hosts_for(host, allow_hosts)
    opts = dict(host=host, port=port, log_level="info", limit_concurrency=64, timeout_keep_alive=5,
                h11_max_incomplete_event_size=16 * 1024)
    if workers > 1:
        Database(db_path, read_only=True).close()       # a missing or unreadable store fails here, once
        os.environ["BILATERAL_SERVE"] = json.dumps({"db": str(db_path), "dictionary": dictionary,
                                                    "hosts": sorted(hosts), "cache_mb": cache_mb})
        uvicorn.run("bilateral.web.app:worker_app", factory=True, workers=workers, **opts)
        return
    app = create_app(db_path, dictionary=dictionary, allowed_hosts=hosts, cache_mb=cache_mb)
    try:
        uvicorn.run(app, **opts)
    finally:
        app.state.db.close()


def worker_app() -> FastAPI:
    """The app of one worker process of `serve(workers=N)`, configured through the environment."""
    import os
    conf = json.loads(os.environ["BILATERAL_SERVE"])
    return create_app(conf["db"], dictionary=conf["dictionary"], allowed_hosts=conf["hosts"],
                      cache_mb=conf.get("cache_mb", 64))
