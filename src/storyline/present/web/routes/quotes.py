"""Quotes grouped by speaker (with the role the text gives), paged and filtered.

The ``quotes`` view does the work (filters, pages, speakers of the page);
this route reads the request and renders. One row per quote however many
outlets ran it; anonymous quotes are marked.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..details import MAX_TEXT, cached_page, parse_date, renderer, web_state
from ..errors import InvalidParam
from ..rendering import Renderer, htmx_target
from ..state import WebState

router = APIRouter()

PER_PAGE = 50
KINDS = ("direct", "indirect")
WHO = ("named", "anonymous")
PICK_LIST = 300


def choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    value = (value or "").strip() or None
    if value is not None and value not in allowed:
        raise InvalidParam(name, f"must be one of {', '.join(allowed)}, not {value[:40]!r}")
    return value


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request,
    state: Annotated[WebState, Depends(web_state)],
    render: Annotated[Renderer, Depends(renderer)],
    speaker: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
    show_all: Annotated[bool, Query(alias="all", description="Every quote extracted")] = False,
    date_from: Annotated[
        str | None, Query(alias="from", description="Published on or after, YYYY-MM-DD")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", description="Published on or before, YYYY-MM-DD")
    ] = None,
    outlet: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
    kind: Annotated[str | None, Query(max_length=40, description="direct | indirect")] = None,
    who: Annotated[str | None, Query(max_length=40, description="named | anonymous")] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> HTMLResponse:
    """The confident quotes (``QUOTE_CONFIDENCE``), as ``storyline quotes``; ``?all=1``: all."""
    name = (speaker or "").strip() or None
    start, end = parse_date(date_from, "from"), parse_date(date_to, "to")
    if start and end and start > end:
        raise InvalidParam("from", f"{start} is after to ({end})")
    place = (outlet or "").strip() or None
    kind, who = choice(kind, KINDS, "kind"), choice(who, WHO, "who")
    params = {
        "speaker": name, "all": 1 if show_all else None, "from": start and start.isoformat(),
        "to": end and end.isoformat(), "outlet": place, "kind": kind, "who": who,
    }  # fmt: skip

    def context() -> dict[str, Any]:
        payload = state.story.quotes(
            speaker=name, all=show_all, start=start, end=end, outlet=place,
            direct=kind == "direct", indirect=kind == "indirect",
            anonymous=who == "anonymous", named=who == "named", page=page, per_page=PER_PAGE,
        )  # fmt: skip
        rows = payload["quotes"]
        groups = [
            {**g, "rows": [rows[i] for i in g["quotes"]]} for g in payload.get("speakers", [])
        ]
        return {
            "nav": "quotes",
            "groups": groups,
            "total": payload.get("total", len(rows)),
            "page_no": payload.get("page", 1),
            "pages": payload.get("pages", 1),
            "shown": len(rows),
            "params": params,
            "filters": params,
            "outlets": [o["name"] for o in state.story.sources()["outlets"][:PICK_LIST]],
        }

    template = "quotes_list.html" if htmx_target(request) == "q-list" else "quotes.html"
    key = tuple(params.values()) + (page,)
    filtered = any(v is not None for v in params.values()) or page > 1
    return cached_page(state, render, request, key, template, context, filtered=filtered)
