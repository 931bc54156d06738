"""Actors: the list, and one actor's page (aliases, mentions over time, quotes, company)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..details import cached_view, entity_detail, renderer, web_state
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
    kind: Annotated[str | None, Query(alias="type", max_length=40)] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    rows = cached_view(state, "entities")["entities"]
    types = sorted({r["type"] for r in rows})
    if kind:
        rows = [r for r in rows if r["type"] == kind]
    if q and q.strip():
        needle = q.strip().casefold()
        rows = [r for r in rows if any(needle in n.casefold() for n in [r["name"], *r["aliases"]])]
    return render.page(
        request, "entities.html", nav="entities", rows=rows[:1000], total=len(rows), types=types,
        kind=kind or "", q=q or "",
    )


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity(request: Request, state: State, render: Render, entity_id: str) -> HTMLResponse:
    detail, chart = entity_detail(state, entity_id)
    articles = {a["id"]: a for a in cached_view(state, "articles")["articles"]}
    return render.page(
        request,
        "entity.html",
        nav="entities",
        e=detail["entity"],
        quotes=detail["quotes"],
        company=detail["co_occurring"],
        chart=chart,
        articles=[articles[a] for a in detail["entity"]["articles"] if a in articles],
    )
