"""Quotes by speaker; anonymous ones marked; one row per quote however many outlets ran it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ....build import views
from ..details import cached_view, renderer, web_state
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
    speaker: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    speaker = (speaker or "").strip() or None
    if speaker:
        rows = state.cached(("quotes", speaker), lambda: views.quotes_view(state.corpus(), speaker=speaker))
    else:
        rows = cached_view(state, "quotes")
    groups = by_speaker(rows["quotes"])
    name = "quotes_list.html" if htmx_target(request) == "q-list" else "quotes.html"
    return render.page(
        request, name, nav="quotes", groups=groups, total=len(rows["quotes"]), speaker=speaker or ""
    )
