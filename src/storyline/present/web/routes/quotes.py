"""Quotes by speaker; anonymous ones marked; one row per quote however many outlets ran it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ....views import payloads as views
from ..details import MAX_TEXT, cached_page, cached_view, renderer, web_state
from ..rendering import Renderer, htmx_target
from ..state import WebState

router = APIRouter()


def by_speaker(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Groups of quotes per speaker (entity, else name as written), most quoted first;
    anonymous and unattributed quotes each form one group at the end."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for q in quotes:
        if q["anonymous"]:
            key = ("~anonymous", "")
        elif q["speaker_entity"]:
            key = ("entity", q["speaker_entity"])
        elif q["speaker"]:
            key = ("name", q["speaker"].casefold())
        else:
            key = ("~unknown", "")
        group = groups.setdefault(
            key,
            {
                "speaker": None if key[0].startswith("~") else q["speaker"],
                "entity": q["speaker_entity"] if key[0] == "entity" else None,
                "anonymous": key[0] == "~anonymous",
                "quotes": [],
            },
        )
        group["quotes"].append(q)
    return sorted(groups.values(), key=lambda g: (g["speaker"] is None, -len(g["quotes"]), g["speaker"] or ""))


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request,
    state: Annotated[WebState, Depends(web_state)],
    render: Annotated[Renderer, Depends(renderer)],
    speaker: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
    show_all: Annotated[bool, Query(alias="all", description="Every quote extracted")] = False,
) -> HTMLResponse:
    """The confident quotes (``QUOTE_CONFIDENCE``), as ``storyline quotes``; ``?all=1``: all."""
    who = (speaker or "").strip()

    def context() -> dict[str, Any]:
        if who:
            rows = views.quotes_view(state.corpus(), speaker=who, all=show_all)
        elif show_all:
            rows = all_quotes(state)
        else:
            rows = cached_view(state, "quotes")
        groups = by_speaker(rows["quotes"])
        return {
            "nav": "quotes",
            "groups": groups,
            "total": len(rows["quotes"]),
            "speaker": who,
            "all": show_all,
        }

    name = "quotes_list.html" if htmx_target(request) == "q-list" else "quotes.html"
    return cached_page(state, render, request, (who, show_all), name, context, filtered=bool(who))


def all_quotes(state: WebState) -> dict[str, Any]:
    """Every quote extracted (``storyline quotes --all``), kept per store state like the default."""
    return state.cached(("quotes", "all"), lambda: views.quotes_view(state.corpus(), all=True))
