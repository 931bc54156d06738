"""``storyline serve``: a server-rendered workspace over one store (FastAPI, Jinja2, htmx).

    from storyline.present.web import create_app
    app = create_app("story.db")   # opens the store read-only

Pages: ``/`` overview, ``/timeline``, ``/entities``, ``/entities/{id}``, ``/quotes``,
``/sources``, ``/facts``, ``/articles``, ``/articles/{id}``, ``/search``. The JSON
API under ``/api/`` mirrors the CLI's ``--json`` shapes. No build step: htmx
2.0.4 is vendored under ``static/``. Only requests addressed to a loopback name
(or one in ``allowed_hosts``) are answered: see ``hosts``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from ...options import Options
from .errors import GuardMiddleware, install_handlers
from .hosts import HostGuard, allowed_names
from .rendering import STATIC, Renderer
from .routes import ROUTERS
from .routes.timeline import warm
from .state import WebState

__all__ = ["create_app", "WebState"]


def create_app(
    db: str, *, options: Options | None = None, allowed_hosts: Sequence[str] | None = None
) -> FastAPI:
    """The web app for the store at ``db`` (a path, or a postgresql:// URL), read-only.

    ``allowed_hosts``: host names answered besides ``localhost``, ``127.0.0.1`` and
    ``[::1]`` (any port): the name bound to, names given with ``--allow-host``;
    ``*.example.org`` allows a domain, ``*`` any name. Wildcard bind addresses
    (``0.0.0.0``, ``::``) in the list are ignored, so the address served on can be
    passed as it is.
    """
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
    # Added first, so it runs inside GuardMiddleware: a refusal gets the security headers.
    app.add_middleware(HostGuard, renderer=renderer, allowed=allowed_names(allowed_hosts))
    app.add_middleware(GuardMiddleware, renderer=renderer)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router)
    return app
