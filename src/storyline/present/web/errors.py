"""One error shape for every failure, and the security headers on every response.

API routes (``/api/...``) answer ``{"error": {"status", "code", "message"}}``;
pages answer an HTML page saying the same. Codes are storyline's own where the
failure is a coded ``StorylineError`` (``E404`` for a wrong id), else ``E`` plus
the HTTP status (``E422`` for a bad parameter, ``E500`` for a bug).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ...errors import NotFound, OptionsError, StoreError, StorylineError
from .rendering import Renderer

log = logging.getLogger("storyline.web")

# script-src 'self' and no inline script: htmx is a static file, configured by
# a JSON <meta> (no eval); styles come from the static stylesheet only.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class InvalidParam(Exception):
    """A query parameter the route cannot use (a date that is not ISO ...)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.message = f"{name}: {message}"


def payload(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message}}


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def classify(exc: BaseException) -> tuple[int, str, str]:
    """(status, code, message) for any exception."""
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, f"E{exc.status_code}", str(exc.detail)
    if isinstance(exc, RequestValidationError):
        parts = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
            parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else str(err.get("msg")))
        return 422, "E422", "; ".join(parts) or "invalid request"
    if isinstance(exc, InvalidParam):
        return 422, "E422", exc.message
    if isinstance(exc, NotFound):
        return 404, exc.code, exc.detail
    if isinstance(exc, OptionsError):
        return 422, exc.code, exc.detail
    if isinstance(exc, StoreError):
        return 503, exc.code, exc.detail
    if isinstance(exc, StorylineError):
        return 500, exc.code, exc.detail
    return 500, "E500", "internal error; the server log has the details"


def error_response(renderer: Renderer, path: str, exc: BaseException) -> Response:
    status, code, message = classify(exc)
    if status >= 500:
        log.error("%s failed", path, exc_info=(type(exc), exc, exc.__traceback__))
    headers = getattr(exc, "headers", None) or None
    if is_api(path):
        return JSONResponse(payload(status, code, message), status_code=status, headers=headers)
    body = renderer.render(
        "error.html", status=status, code=code, message=message, nav="", search_q="", request_path=path
    )
    return HTMLResponse(body, status_code=status, headers=headers)


def install_handlers(app: FastAPI, renderer: Renderer) -> None:
    async def handle(request: Request, exc: Exception) -> Response:
        return error_response(renderer, request.url.path, exc)

    for kind in (StarletteHTTPException, RequestValidationError, InvalidParam, StorylineError):
        app.add_exception_handler(kind, handle)


class GuardMiddleware:
    """Adds the security headers, and turns any uncaught exception into the error shape.

    A plain ASGI middleware (not ``BaseHTTPMiddleware``) so it also covers
    streamed and static responses, and sits inside Starlette's last-resort
    handler: a bug still answers in the one error shape, with the headers.
    """

    def __init__(self, app: ASGIApp, renderer: Renderer) -> None:
        self.app = app
        self.renderer = renderer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k not in _OURS]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            if started:  # too late to answer differently; the log says why
                log.error("%s failed mid-response", scope.get("path"), exc_info=True)
                raise
            response = error_response(self.renderer, scope.get("path", ""), exc)
            await response(scope, receive, send_with_headers)


_OURS = {name for name, _value in SECURITY_HEADERS}
