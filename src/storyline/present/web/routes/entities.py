"""Actors: the list, and one actor's page (aliases, mentions over time, quotes, company)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..details import (
    MAX_TEXT,
    articles_by_id,
    cached_page,
    cached_view,
    entity_detail,
    renderer,
    web_state,
)
from ..rendering import Renderer
from ..state import WebState

router = APIRouter()
State = Annotated[WebState, Depends(web_state)]
Render = Annotated[Renderer, Depends(renderer)]


@router.get("/entities", response_class=HTMLResponse)
def entities(
    request: Request,
    state: State,
    render: Render,
    kind: Annotated[str | None, Query(alias="type", max_length=MAX_TEXT)] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
) -> HTMLResponse:
    kind, q = kind or "", q or ""

    def context() -> dict[str, Any]:
        rows = cached_view(state, "entities")["entities"]
        types = sorted({r["type"] for r in rows})
        if kind:
            rows = [r for r in rows if r["type"] == kind]
        if q.strip():
            needle = q.strip().casefold()
            rows = [r for r in rows if any(needle in n.casefold() for n in [r["name"], *r["aliases"]])]
        return {
            "nav": "entities", "rows": rows[:1000], "total": len(rows), "types": types, "kind": kind, "q": q,
        }

    key = (kind, q)
    return cached_page(state, render, request, key, "entities.html", context, filtered=any(key))


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity(request: Request, state: State, render: Render, entity_id: str) -> HTMLResponse:
    detail, chart = entity_detail(state, entity_id)  # 404 for an unknown id, before the cache

    def context() -> dict[str, Any]:
        articles = articles_by_id(state)
        return {
            "nav": "entities",
            "e": detail["entity"],
            "quotes": detail["quotes"],
            "company": detail["co_occurring"],
            "chart": chart,
            "articles": [articles[a] for a in detail["entity"]["articles"] if a in articles],
        }

    return cached_page(state, render, request, (entity_id,), "entity.html", context, filtered=True)
