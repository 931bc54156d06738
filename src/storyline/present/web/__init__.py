"""``storyline serve``: a server-rendered workspace over one store (FastAPI, Jinja2, htmx).

    from storyline.present.web import create_app
    app = create_app("story.db")   # opens the store read-only

Pages: ``/`` overview, ``/timeline``, ``/entities``, ``/entities/{id}``, ``/quotes``,
``/sources``, ``/facts``, ``/articles``, ``/articles/{id}``, ``/search``. The JSON
API under ``/api/`` mirrors the CLI's ``--json`` shapes. No build step: htmx
2.0.4 is vendored under ``static/``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from ...options import Options
from .errors import GuardMiddleware, install_handlers
from .rendering import STATIC, Renderer
from .routes import ROUTERS
from .routes.timeline import warm
from .state import WebState

__all__ = ["create_app", "WebState"]


def create_app(db: str, *, options: Options | None = None) -> FastAPI:
    """The web app for the store at ``db`` (a path, or a postgresql:// URL), read-only."""
    state = WebState(db, options)
    renderer = Renderer()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Read the store once before serving, so the first page is as quick as the rest.
        await run_in_threadpool(warm, state)
        yield
        state.close()

    app = FastAPI(
        title="storyline",
        docs_url=None,  # the interactive docs load scripts from a CDN, which the CSP forbids
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.web = state
    app.state.renderer = renderer
    install_handlers(app, renderer)
    app.add_middleware(GuardMiddleware, renderer=renderer)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router)
    return app
