"""The JSON API: the CLI's ``--json`` shapes (shared/spec/cli.md), from the same functions.

The list views call ``storyline.api`` exactly as the CLI does, so the two can
never drift apart; the detail routes (one article, one entity, search) have
no CLI twin and read the cached corpus.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from .... import api
from ..details import article_detail, entity_detail, parse_date, search, web_state
from ..state import WebState

router = APIRouter(prefix="/api")
State = Annotated[WebState, Depends(web_state)]


@router.get("/articles")
def articles(state: State) -> dict[str, Any]:
    return api.articles(state.store)


@router.get("/articles/{article_id:path}")
def article(state: State, article_id: str) -> dict[str, Any]:
    return article_detail(state, article_id)


@router.get("/timeline")
def timeline(
    state: State,
    date_from: Annotated[str | None, Query(alias="from", description="Earliest day, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Latest day, YYYY-MM-DD")] = None,
    entity: Annotated[str | None, Query(description="Actor name, alias or id")] = None,
    query: Annotated[str | None, Query(description="Words the evidence must contain")] = None,
    limit: Annotated[int | None, Query(ge=1, description="At most N events")] = None,
) -> dict[str, Any]:
    return api.timeline(
        state.store,
        start=parse_date(date_from, "from"),
        end=parse_date(date_to, "to"),
        entity=entity,
        query=query,
        limit=limit,
        options=state.options,
    )


@router.get("/quotes")
def quotes(state: State, speaker: str | None = None) -> dict[str, Any]:
    return api.quotes(state.store, speaker=speaker)


@router.get("/entities")
def entities(state: State) -> dict[str, Any]:
    return api.entities(state.store)


@router.get("/entities/{entity_id:path}")
def entity(state: State, entity_id: str) -> dict[str, Any]:
    detail, _chart = entity_detail(state, entity_id)
    return detail


@router.get("/sources")
def sources(state: State) -> dict[str, Any]:
    return api.sources(state.store)


@router.get("/facts")
def facts(state: State) -> dict[str, Any]:
    return api.facts(state.store)


@router.get("/search")
def search_sentences(
    state: State,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find")],
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    return search(state, q, limit=limit)
