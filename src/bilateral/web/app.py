"""The FastAPI application: the JSON API, the dashboard pages and their assets, behind the security middleware."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BilateralError
from ..nlp.gazetteer import Gazetteer
from . import api_routes, formats_routes, pages
from .db import Database, QueryTimeout
from .security import SecurityMiddleware

HERE = Path(__file__).parent


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def create_app(db_path: str | Path, dictionary: Optional[str] = None,
               query_timeout: float = 10.0, max_body: int = 1_000_000) -> FastAPI:
    """The app over one store, opened read-only: documents are ingested with the CLI or the API.

    The store stays open for the app's life (`app.state.db.close()` ends it): the ASGI lifespan does not
    close it, since test clients run a lifespan per use."""
    db = Database(db_path, read_only=True, timeout=query_timeout, dictionary=dictionary)
    app = FastAPI(title="bilateral", version="0.1.0", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Events, a claims ledger and conflicts between sources, built from articles "
                              "about relations between countries. Every item points to the characters it "
                              "came from. Lists take limit/offset and format=json|jsonl|csv.")
    app.state.db = db
    app.state.max_body = max_body
    app.state.names = dict(Gazetteer.load(dictionary).names)
    app.add_middleware(SecurityMiddleware, max_body=max_body)
    app.include_router(api_routes.router)
    app.include_router(formats_routes.router)
    app.include_router(pages.router)
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
          dictionary: Optional[str] = None) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn
    app = create_app(db_path, dictionary=dictionary)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info", limit_concurrency=64, timeout_keep_alive=5,
                    h11_max_incomplete_event_size=16 * 1024)
    finally:
        app.state.db.close()
