"""Sources (outlets, who cites whom, copies) and facts (numbers, disagreements), paged.

Each page opens on the first rows of each list; ``?show=<list>`` shows one list
alone, paged, so no page grows with the pile.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ....views.article import article_rows
from ..details import cached_page, renderer, web_state
from ..errors import InvalidParam
from ..grouping import Page
from ..rendering import Renderer
from ..state import WebState

router = APIRouter()
State = Annotated[WebState, Depends(web_state)]
Render = Annotated[Renderer, Depends(renderer)]

PREVIEW = 25  # rows of each list on the opening page
PER_PAGE = 100  # rows of one list shown alone
FACTS_PER_PAGE = 200
SOURCE_LISTS = ("outlets", "pairs", "citations", "copies")
FACT_LISTS = ("disagreements", "numbers")
PageNumber = Annotated[int, Query(ge=1, le=1_000_000)]
Show = Annotated[str | None, Query(max_length=40, description="one list alone, paged")]


def one_list(show: str | None, allowed: tuple[str, ...]) -> str | None:
    if show and show not in allowed:
        raise InvalidParam("show", f"must be one of {', '.join(allowed)}, not {show[:40]!r}")
    return show or None


def window(
    rows: list[Any], show: str | None, name: str, page: int, per_page: int | None = None
) -> tuple[list[Any], Page]:
    """The rows of list ``name`` on this page: all of one page when shown alone, else a preview."""
    if show == name:
        pager = Page.clamped(page, per_page or PER_PAGE, len(rows))
    else:
        pager = Page(1, PREVIEW, len(rows))
    return rows[pager.start : pager.stop], pager


@router.get("/sources", response_class=HTMLResponse)
def sources(
    request: Request, state: State, render: Render, show: Show = None, page: PageNumber = 1
) -> HTMLResponse:
    show = one_list(show, SOURCE_LISTS)

    def context() -> dict[str, Any]:
        data = state.story.sources()
        pairs = Counter(
            (c.get("outlet") or "unknown outlet", c["cites"]) for c in data["citations"]
        )
        lists: dict[str, list[Any]] = {
            "outlets": data["outlets"],
            "pairs": sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])),
            "citations": data["citations"],
            "copies": data["copies"],
        }
        shown = {name: window(rows, show, name, page) for name, rows in lists.items()}
        ids = {c[key] for c in shown["copies"][0] for key in ("article", "copy_of")}
        rows = article_rows(state.story)
        return {
            "nav": "sources",
            "show": show,
            "lists": shown,
            "peak": max((o["articles"] for o in data["outlets"]), default=1),
            "articles": {i: rows[i] for i in ids if i in rows},
            "params": {"show": show},
            "path": "/sources",
        }

    key = (show, page if show else 1)
    return cached_page(
        state, render, request, key, "sources.html", context, filtered=show is not None
    )


@router.get("/facts", response_class=HTMLResponse)
def facts(
    request: Request, state: State, render: Render, show: Show = None, page: PageNumber = 1
) -> HTMLResponse:
    show = one_list(show, FACT_LISTS)

    def context() -> dict[str, Any]:
        data = state.story.facts()
        # Numbers grouped by what they measure, the most reported first; paged by row.
        by_about: dict[str, list[int]] = {}
        for i, f in enumerate(data["facts"]):
            by_about.setdefault(f["about"] or "other", []).append(i)
        ordered = [
            (about, i)
            for about, ids in sorted(by_about.items(), key=lambda kv: (-len(kv[1]), kv[0]))
            for i in ids
        ]
        numbers, numbers_pager = window(ordered, show, "numbers", page, FACTS_PER_PAGE)
        if show is None:  # the opening page shows a full page of numbers
            numbers_pager = Page(1, FACTS_PER_PAGE, len(ordered))
            numbers = ordered[: numbers_pager.stop]
        groups: list[tuple[str, int, list[tuple[int, Any]]]] = []
        for about, i in numbers:
            if not groups or groups[-1][0] != about:
                groups.append((about, len(by_about[about]), []))
            groups[-1][2].append((i, data["facts"][i]))
        disagreements, disagreements_pager = window(
            data["disagreements"], show, "disagreements", page
        )
        return {
            "nav": "facts",
            "show": show,
            "facts": data["facts"],
            "disagreements": disagreements,
            "disagreements_pager": disagreements_pager,
            "groups": groups,
            "numbers_pager": numbers_pager,
            "disputed": {i for d in data["disagreements"] for i in d["facts"]},
            "params": {"show": show},
            "path": "/facts",
        }

    key = (show, page if show else 1)
    return cached_page(
        state, render, request, key, "facts.html", context, filtered=show is not None
    )
