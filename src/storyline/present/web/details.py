"""Request helpers shared by the pages and the JSON API: parameters, encoding, page cache.

Every page, fragment and ``/api/`` answer gets its data from the app's
``Story`` (``state.story.view(...)``); what is kept here is only how a request
is read and how an answer is encoded or rendered, and both are kept in the
story's cache next to the view they show.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from .errors import InvalidParam
from .rendering import VARY, Renderer
from .state import WebState

__all__ = [
    "MAX_TEXT",
    "MAX_WORDS",
    "api_answer",
    "cached_page",
    "check_words",
    "json_body",
    "json_response",
    "parse_date",
    "renderer",
    "web_state",
]

# Free text a parameter may carry (search words, a filter, a speaker): long enough
# for anything typed or pasted, short enough that every use of it stays cheap.
MAX_TEXT = 16_384
# Words a timeline text filter may hold: the filter tries each word on each
# sentence, so ten thousand words would cost seconds per request.
MAX_WORDS = 64
# Story ids are short hashes; anything longer is not one.
MAX_STORY_ID = 200


# async: these only read app.state, so they need no trip to the threadpool.
async def web_state(request: Request) -> WebState:
    """The app's state, or with ``?story=ID`` that story's (every page honours it)."""
    state: WebState = request.app.state.web
    story_id = (request.query_params.get("story") or "").strip()
    if len(story_id) > MAX_STORY_ID:
        raise InvalidParam("story", f"at most {MAX_STORY_ID} characters")
    return state.scoped(story_id or None)


async def renderer(request: Request) -> Renderer:
    r: Renderer = request.app.state.renderer
    return r


def check_words(value: str | None, name: str) -> str | None:
    """``value`` unchanged, if it holds at most ``MAX_WORDS`` words."""
    if value and len(re.findall(r"\w+", value)) > MAX_WORDS:
        raise InvalidParam(name, f"at most {MAX_WORDS} words")
    return value


def json_body(payload: Any) -> bytes:
    """``payload`` encoded exactly as FastAPI's ``JSONResponse`` would."""
    return json.dumps(
        payload, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
    ).encode()


def json_response(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _given(params: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """The parameters a view keys on (as ``Story.view`` drops None and False)."""
    return tuple(sorted((k, v) for k, v in params.items() if v is not None and v is not False))


def api_answer(state: WebState, name: str, **params: Any) -> Response:
    """The view ``name`` as JSON: the payload from the story's cache (the one the pages
    show), encoded once per store state and kept beside it."""
    given = _given(params)
    body = state.cached(
        ("api", name, given),
        lambda: json_body(state.story.view(name, **params)),
        filtered=bool(given),
    )
    return json_response(body)


def cached_page(
    state: WebState,
    render: Renderer,
    request: Request,
    key: tuple[Any, ...],
    name: str,
    context: Callable[[], dict[str, Any]],
    *,
    filtered: bool = False,
) -> HTMLResponse:
    """A rendered page or fragment, kept like the views it shows: big pages are
    rendered once per store state, not once per request."""
    body = state.cached(
        ("page", name, *key),
        lambda: render.body(request, name, **context()).encode(),
        filtered=filtered,
    )
    return HTMLResponse(body, headers=VARY)


def parse_date(value: str | None, name: str) -> dt.date | None:
    """An ISO day from a query parameter, as the CLI takes it; blank means none."""
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InvalidParam(name, f"must be an ISO date (YYYY-MM-DD), not {value[:40]!r}") from exc
