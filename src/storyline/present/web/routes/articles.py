"""Articles: the list, one article with its annotations highlighted, and full-text search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..details import (
    MAX_TEXT,
    article_detail,
    cached_page,
    cached_view,
    renderer,
    search,
    web_state,
)
from ..highlight import segments
from ..rendering import Renderer
from ..state import WebState

router = APIRouter()
State = Annotated[WebState, Depends(web_state)]
Render = Annotated[Renderer, Depends(renderer)]


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, state: State, render: Render) -> HTMLResponse:
    def context() -> dict[str, Any]:
        return {"nav": "articles", "rows": cached_view(state, "articles")["articles"]}

    return cached_page(state, render, request, (), "articles.html", context)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, state: State, render: Render, article_id: str) -> HTMLResponse:
    def context() -> dict[str, Any]:
        detail = article_detail(state, article_id)  # 404 for an unknown id: nothing kept
        corpus = state.corpus()
        ann = corpus.annotations.get(article_id)
        return {
            "nav": "articles",
            "a": detail["article"],
            "detail": detail,
            "segments": segments(corpus.articles[article_id].text, ann, corpus),
            "quotes": list(enumerate(ann.quotes)) if ann else [],
        }

    return cached_page(state, render, request, (article_id,), "article.html", context, filtered=True)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    state: State,
    render: Render,
    q: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
) -> HTMLResponse:
    q = (q or "").strip()
    found = search(state, q, limit=200) if q else {"query": "", "results": []}
    words = [w.casefold() for w in q.split() if w]
    return render.page(
        request, "search.html", nav="", search_q=q, results=found["results"], words=words
    )
