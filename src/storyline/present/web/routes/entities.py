"""Actors: the list (paged), and one actor's page (aliases, mentions over time, quotes, company)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ....views.article import article_rows
from ..details import MAX_TEXT, cached_page, renderer, web_state
from ..grouping import Page
from ..insights import chart
from ..rendering import Renderer
from ..state import WebState

router = APIRouter()
State = Annotated[WebState, Depends(web_state)]
Render = Annotated[Renderer, Depends(renderer)]

PER_PAGE = 100
# An actor's page lists this many of their quotes and articles, newest first (each
# list links to the paged whole: the quotes page, the timeline filtered to them).
ACTOR_QUOTES = 50
ACTOR_ARTICLES = 50


@router.get("/entities", response_class=HTMLResponse)
def entities(
    request: Request,
    state: State,
    render: Render,
    kind: Annotated[str | None, Query(alias="type", max_length=MAX_TEXT)] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> HTMLResponse:
    kind, q = kind or "", q or ""

    def context() -> dict[str, Any]:
        rows = state.story.entities()["entities"]
        types = sorted({r["type"] for r in rows})
        if kind:
            rows = [r for r in rows if r["type"] == kind]
        if q.strip():
            needle = q.strip().casefold()
            rows = [
                r for r in rows if any(needle in n.casefold() for n in [r["name"], *r["aliases"]])
            ]
        pager = Page.clamped(page, PER_PAGE, len(rows))
        return {
            "nav": "entities", "rows": rows[pager.start : pager.stop], "pager": pager, "types": types,
            "kind": kind, "q": q, "params": {"type": kind, "q": q}, "path": "/entities",
        }  # fmt: skip

    key = (kind, q, page)
    return cached_page(
        state,
        render,
        request,
        key,
        "entities.html",
        context,
        filtered=kind != "" or q != "" or page > 1,
    )


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity(request: Request, state: State, render: Render, entity_id: str) -> HTMLResponse:
    detail = state.story.view("actor", id=entity_id)  # 404 for an unknown id, before the cache

    def context() -> dict[str, Any]:
        rows = article_rows(state.story)
        articles = [rows[a] for a in detail["entity"]["articles"] if a in rows]
        articles.sort(key=lambda a: a["published"] or "", reverse=True)
        quotes = sorted(detail["quotes"], key=lambda q: q["date"] or "", reverse=True)
        return {
            "nav": "entities",
            "e": detail["entity"],
            "quotes": quotes[:ACTOR_QUOTES],
            "quotes_total": len(quotes),
            "company": detail["co_occurring"],
            "chart": chart(detail["mentions_over_time"]),
            "articles": articles[:ACTOR_ARTICLES],
            "articles_total": len(articles),
        }

    return cached_page(state, render, request, (entity_id,), "entity.html", context, filtered=True)
