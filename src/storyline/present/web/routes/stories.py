"""The stories of a mixed pile (``/stories``): the picker that sets ``?story=ID``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..details import cached_page, renderer
from ..rendering import Renderer
from ..state import WebState

router = APIRouter()


async def whole_pile(request: Request) -> WebState:
    """The app's state over the whole store: the picker lists every story, whatever
    story the page came from."""
    state: WebState = request.app.state.web
    return state


@router.get("/stories", response_class=HTMLResponse)
def stories(
    request: Request,
    state: Annotated[WebState, Depends(whole_pile)],
    render: Annotated[Renderer, Depends(renderer)],
) -> HTMLResponse:
    def context() -> dict[str, Any]:
        return {"nav": "stories", "stories": state.story.view("stories")["stories"]}

    return cached_page(state, render, request, (), "stories.html", context)
