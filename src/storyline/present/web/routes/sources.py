"""Sources (outlets, who cites whom, copies) and facts (numbers, disagreements)."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..details import articles_by_id, cached_page, cached_view, renderer, web_state
from ..rendering import Renderer
from ..state import WebState

router = APIRouter()
State = Annotated[WebState, Depends(web_state)]
Render = Annotated[Renderer, Depends(renderer)]


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request, state: State, render: Render) -> HTMLResponse:
    def context() -> dict[str, Any]:
        data = cached_view(state, "sources")
        pairs = Counter((c.get("outlet") or "unknown outlet", c["cites"]) for c in data["citations"])
        return {
            "nav": "sources",
            "outlets": data["outlets"],
            "peak": max((o["articles"] for o in data["outlets"]), default=1),
            "pairs": sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])),
            "citations": data["citations"],
            "copies": data["copies"],
            "articles": articles_by_id(state),
        }

    return cached_page(state, render, request, (), "sources.html", context)


@router.get("/facts", response_class=HTMLResponse)
def facts(request: Request, state: State, render: Render) -> HTMLResponse:
    def context() -> dict[str, Any]:
        data = cached_view(state, "facts")
        by_about: dict[str, list[tuple[int, dict[str, object]]]] = {}
        for i, f in enumerate(data["facts"]):
            by_about.setdefault(f["about"] or "other", []).append((i, f))
        return {
            "nav": "facts",
            "facts": data["facts"],
            "disagreements": data["disagreements"],
            "by_about": sorted(by_about.items(), key=lambda kv: (-len(kv[1]), kv[0])),
            "disputed": {i for d in data["disagreements"] for i in d["facts"]},
            "articles": articles_by_id(state),
        }

    return cached_page(state, render, request, (), "facts.html", context)
