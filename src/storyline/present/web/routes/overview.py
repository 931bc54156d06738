"""The overview: the story in brief (the ``overview`` view), with how much material,
the stories of a mixed pile, and what is new since a chosen day (``?since=``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..details import cached_page, parse_date, renderer, web_state
from ..rendering import Renderer
from ..state import WebState

router = APIRouter()


# "New since your last visit": the items shown at most (the most salient first).
NEW_SHOWN = 40


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request,
    state: Annotated[WebState, Depends(web_state)],
    render: Annotated[Renderer, Depends(renderer)],
    since: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    day = parse_date(since, "since")
    return cached_page(
        state,
        render,
        request,
        (day,),
        "overview.html",
        lambda: context(state, day),
        filtered=day is not None,
    )


def context(state: WebState, since: dt.date | None = None) -> dict[str, Any]:
    story = state.story
    brief = story.overview()
    # A mixed pile lists its stories; one story (``?story=ID``) is already picked.
    stories = story.view("stories")["stories"] if state.story_id is None else []
    new = story.view("new", since=since)["items"] if since else []
    return {
        "nav": "overview",
        "brief": brief,
        "counts": brief["counts"],
        "stories": stories if len(stories) > 1 else [],
        "since": since.isoformat() if since else "",
        "new_items": new[:NEW_SHOWN],
        "new_total": len(new),
    }
