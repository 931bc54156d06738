"""The JSON API: the CLI's ``--json`` shapes (shared/spec/cli.md), from the same functions.

The list views call the ``views.payloads`` functions that ``storyline.api`` calls,
with the same arguments, but on the app's cached corpus rather than a fresh
read of the store per request; each answer is kept encoded, per store state.
The detail routes (one article, one entity, search) have no CLI twin and read
the cached corpus too.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response

from ....views import payloads as views
from ..details import (
    MAX_TEXT,
    article_detail,
    cached_view,
    check_words,
    entity_detail,
    json_body,
    json_response,
    parse_date,
    search,
    timeline_events,
    web_state,
)
from ..state import WebState
from .quotes import all_quotes

router = APIRouter(prefix="/api", default_response_class=JSONResponse)
State = Annotated[WebState, Depends(web_state)]


def plain(state: WebState, name: str) -> Response:
    """One of the unfiltered views, as ``api.<name>(store)`` returns it, encoded once."""
    return json_response(state.cached(("api", name), lambda: json_body(cached_view(state, name))))


@router.get("/articles")
def articles(state: State) -> Response:
    return plain(state, "articles")


@router.get("/articles/{article_id:path}")
def article(state: State, article_id: str) -> Response:
    key = ("api", "article", article_id)
    return json_response(state.cached(key, lambda: json_body(article_detail(state, article_id)), filtered=True))


@router.get("/timeline")
def timeline(
    state: State,
    date_from: Annotated[str | None, Query(alias="from", description="Earliest day, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Latest day, YYYY-MM-DD")] = None,
    entity: Annotated[str | None, Query(max_length=MAX_TEXT, description="Actor name, alias or id")] = None,
    query: Annotated[str | None, Query(max_length=MAX_TEXT, description="Words the evidence must contain")] = None,
    limit: Annotated[int | None, Query(ge=1, description="At most N events")] = None,
) -> Response:
    start, end = parse_date(date_from, "from"), parse_date(date_to, "to")
    check_words(query, "query")
    key = ("api", "timeline", start, end, entity, query, limit)

    def build() -> bytes:
        if limit is None and entity != "":  # the very list the timeline page shows
            events = timeline_events(state, start=start, end=end, entity=entity, query=query)
            return json_body({"events": events})
        # As api.timeline(store, ...) does, on the cached corpus.
        return json_body(
            views.timeline_view(
                state.corpus(),
                start=start,
                end=end,
                entity=entity,
                query=query,
                limit=limit,
                n_dates=state.options.timeline_dates,
                sents_per_date=state.options.timeline_sentences,
            )
        )

    return json_response(state.cached(key, build, filtered=any(k is not None for k in key[2:])))


@router.get("/quotes")
def quotes(
    state: State,
    speaker: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
    show_all: Annotated[bool, Query(alias="all", description="Every quote extracted")] = False,
) -> Response:
    """As ``api.quotes``: the confident quotes by default, ``?all=1`` every one."""
    if speaker is None:
        if show_all:
            return json_response(
                state.cached(("api", "quotes", "all"), lambda: json_body(all_quotes(state)))
            )
        return plain(state, "quotes")
    key = ("api", "quotes", speaker, show_all)
    return json_response(
        state.cached(
            key,
            lambda: json_body(views.quotes_view(state.corpus(), speaker=speaker, all=show_all)),
            filtered=True,
        )
    )


@router.get("/entities")
def entities(state: State) -> Response:
    return plain(state, "entities")


@router.get("/entities/{entity_id:path}")
def entity(state: State, entity_id: str) -> Response:
    detail, _chart = entity_detail(state, entity_id)
    return json_response(json_body(detail))


@router.get("/sources")
def sources(state: State) -> Response:
    return plain(state, "sources")


@router.get("/facts")
def facts(state: State) -> Response:
    return plain(state, "facts")


@router.get("/search")
def search_sentences(
    state: State,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="Words to find")],
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    return search(state, q, limit=limit)
