"""Articles: the list, one article with its annotations highlighted, and full-text search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..details import article_detail, cached_view, renderer, search, web_state
from ..highlight import segments
from ..rendering import Renderer
from ..state import WebState

router = APIRouter()
State = Annotated[WebState, Depends(web_state)]
Render = Annotated[Renderer, Depends(renderer)]


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, state: State, render: Render) -> HTMLResponse:
    rows = cached_view(state, "articles")["articles"]
    return render.page(request, "articles.html", nav="articles", rows=rows)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, state: State, render: Render, article_id: str) -> HTMLResponse:
    detail = article_detail(state, article_id)
    corpus = state.corpus()
    ann = corpus.annotations.get(article_id)
    text = corpus.articles[article_id].text
    return render.page(
        request,
        "article.html",
        nav="articles",
        a=detail["article"],
        detail=detail,
        segments=segments(text, ann, corpus),
        quotes=list(enumerate(ann.quotes)) if ann else [],
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    state: State,
    render: Render,
    q: Annotated[str | None, Query(max_length=500)] = None,
) -> HTMLResponse:
    q = (q or "").strip()
    found = search(state, q, limit=200) if q else {"query": "", "results": []}
    words = [w.casefold() for w in q.split() if w]
    return render.page(
        request, "search.html", nav="", search_q=q, results=found["results"], words=words
    )
