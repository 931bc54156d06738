"""Articles: the list (paged), one article with its annotations highlighted, and search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..details import MAX_TEXT, cached_page, renderer, web_state
from ..grouping import Page
from ..highlight import segments
from ..rendering import Renderer
from ..state import WebState

router = APIRouter()
State = Annotated[WebState, Depends(web_state)]
Render = Annotated[Renderer, Depends(renderer)]

PER_PAGE = 100
SEARCH_LIMIT = 200


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request,
    state: State,
    render: Render,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> HTMLResponse:
    def context() -> dict[str, Any]:
        rows = state.story.articles()["articles"]
        pager = Page.clamped(page, PER_PAGE, len(rows))
        return {
            "nav": "articles", "rows": rows[pager.start : pager.stop], "pager": pager, "params": {},
            "path": "/articles",
        }  # fmt: skip

    return cached_page(state, render, request, (page,), "articles.html", context, filtered=page > 1)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, state: State, render: Render, article_id: str) -> HTMLResponse:
    detail = state.story.view("article", id=article_id)  # 404 for an unknown id: nothing kept

    def context() -> dict[str, Any]:
        a = detail["article"]
        # What this article adds to the articles published before it; its sentences
        # are marked in the text.
        new = state.story.view("new", article=article_id)["items"] if detail["annotated"] else []
        return {
            "nav": "articles",
            "a": a,
            "detail": detail,
            "segments": segments(a["text"], detail),
            "quotes": list(enumerate(detail["quotes"])),
            "new_items": new,
            "new_sentences": {it["sentence"] for it in new if it["kind"] != "actor"},
        }

    return cached_page(
        state, render, request, (article_id,), "article.html", context, filtered=True
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    state: State,
    render: Render,
    q: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
) -> HTMLResponse:
    q = (q or "").strip()
    found = (
        state.story.view("search", q=q, limit=SEARCH_LIMIT) if q else {"query": "", "results": []}
    )
    words = [w.casefold() for w in q.split() if w]
    return render.page(
        request,
        "search.html",
        nav="",
        search_q=q,
        results=found["results"],
        words=words,
        limit=SEARCH_LIMIT,
    )
