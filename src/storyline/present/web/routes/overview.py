"""The overview: how much material, from whom, over what span; top actors, latest events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..details import cached_page, cached_view, renderer, timeline_events, web_state
from ..rendering import Renderer
from ..state import WebState

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request,
    state: Annotated[WebState, Depends(web_state)],
    render: Annotated[Renderer, Depends(renderer)],
) -> HTMLResponse:
    return cached_page(state, render, request, (), "overview.html", lambda: context(state))


def context(state: WebState) -> dict[str, Any]:
    articles = cached_view(state, "articles")["articles"]
    dates = sorted(a["published"] for a in articles if a["published"])
    events = timeline_events(state)
    entities = cached_view(state, "entities")["entities"]
    return {
        "nav": "overview",
        "articles": len(articles),
        "annotated": sum(1 for a in articles if a.get("sentences")),
        "undated": len(articles) - len(dates),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "outlets": cached_view(state, "sources")["outlets"],
        "events": len(events),
        "latest": list(reversed(events[-8:])),
        "actors": entities[:12],
        "entities": len(entities),
        "quotes": len(cached_view(state, "quotes")["quotes"]),
    }
