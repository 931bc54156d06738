"""The JSON API: the CLI's ``--json`` shapes (shared/spec/cli.md), from the same views.

Every route answers ``state.story.view(name, ...)``: the payload the pages show,
from the same cache, encoded once per store state and kept beside it
(``details.api_answer``). The response models document the payloads (the
views' TypedDicts) in ``/api/openapi.json``; the answer itself is the
pre-encoded body, so no model validation runs per request.
"""

from __future__ import annotations

import types
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints, is_typeddict

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, create_model

from ....views.actor import ActorPayload
from ....views.article import ArticlePayload
from ....views.search import SearchPayload
from ....views.shapes import (
    ArticlesPayload,
    EntitiesPayload,
    FactsPayload,
    OverviewPayload,
    QuotesPayload,
    SourcesPayload,
    TimelinePayload,
)
from ..details import MAX_TEXT, api_answer, check_words, parse_date, web_state
from ..state import WebState
from .quotes import KINDS, WHO, choice

router = APIRouter(prefix="/api", default_response_class=JSONResponse)
State = Annotated[WebState, Depends(web_state)]


def _documented_type(hint: Any) -> Any:
    """``hint`` with every TypedDict in it replaced by its pydantic twin."""
    if is_typeddict(hint):
        return model_of(hint)
    origin, args = get_origin(hint), get_args(hint)
    if origin is list:
        return list.__class_getitem__(_documented_type(args[0]))
    if origin is dict:
        return dict.__class_getitem__((args[0], _documented_type(args[1])))
    if origin in (Union, types.UnionType):
        return Union.__getitem__(tuple(_documented_type(a) for a in args))
    return hint


@cache
def model_of(payload: type) -> type[BaseModel]:
    """A pydantic model mirroring the TypedDict ``payload``, for the OpenAPI document only:
    pydantic reads ``typing.TypedDict`` only from Python 3.12 on, and the answers are sent
    pre-encoded, never validated against it."""
    required: frozenset[str] = getattr(payload, "__required_keys__", frozenset())
    fields: dict[str, Any] = {
        name: (_documented_type(hint), ... if name in required else None)
        for name, hint in get_type_hints(payload).items()
    }
    config = ConfigDict(extra="allow")  # views may add fields (shapes.py: never rename or remove)
    return create_model(payload.__name__, __config__=config, __doc__=payload.__doc__, **fields)


def documented(payload: type) -> dict[str, Any]:
    """Route arguments that document ``payload`` as the 200 answer without validating it."""
    return {"response_model": None, "responses": {200: {"model": model_of(payload)}}}


@router.get("/overview", **documented(OverviewPayload))
def overview(state: State) -> Response:
    """The story in brief: top developments, latest news, key actors, quotes and figures."""
    return api_answer(state, "overview")


@router.get("/articles", **documented(ArticlesPayload))
def articles(state: State) -> Response:
    return api_answer(state, "articles")


@router.get("/articles/{article_id:path}", **documented(ArticlePayload))
def article(state: State, article_id: str) -> Response:
    return api_answer(state, "article", id=article_id)


@router.get("/timeline", **documented(TimelinePayload))
def timeline(
    state: State,
    date_from: Annotated[
        str | None, Query(alias="from", description="Earliest day, YYYY-MM-DD")
    ] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Latest day, YYYY-MM-DD")] = None,
    entity: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="Actor name, alias or id")
    ] = None,
    query: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="Words the evidence must contain")
    ] = None,
    limit: Annotated[int | None, Query(ge=1, description="At most N dates")] = None,
    show_all: Annotated[
        bool, Query(alias="all", description="Every dated happening, not the digest")
    ] = False,
) -> Response:
    """As ``storyline timeline``: the digest by default, ``?all=1`` every dated happening."""
    start, end = parse_date(date_from, "from"), parse_date(date_to, "to")
    check_words(query, "query")
    return api_answer(
        state,
        "timeline",
        start=start,
        end=end,
        entity=entity,
        query=query,
        limit=limit,
        all=show_all,
    )


@router.get("/quotes", **documented(QuotesPayload))
def quotes(
    state: State,
    speaker: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
    show_all: Annotated[bool, Query(alias="all", description="Every quote extracted")] = False,
    date_from: Annotated[
        str | None, Query(alias="from", description="Published on or after")
    ] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Published on or before")] = None,
    outlet: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
    kind: Annotated[str | None, Query(max_length=40, description="direct | indirect")] = None,
    who: Annotated[str | None, Query(max_length=40, description="named | anonymous")] = None,
    page: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    per_page: Annotated[int | None, Query(ge=1, le=1000)] = None,
) -> Response:
    """As ``storyline quotes``: the confident quotes by default, ``?all=1`` every one;
    the filters and pages of the quotes page."""
    kind, who = choice(kind, KINDS, "kind"), choice(who, WHO, "who")
    return api_answer(
        state,
        "quotes",
        speaker=speaker,
        all=show_all,
        start=parse_date(date_from, "from"),
        end=parse_date(date_to, "to"),
        outlet=(outlet or "").strip() or None,
        direct=kind == "direct",
        indirect=kind == "indirect",
        anonymous=who == "anonymous",
        named=who == "named",
        page=page,
        per_page=per_page,
    )


@router.get("/entities", **documented(EntitiesPayload))
def entities(state: State) -> Response:
    return api_answer(state, "entities")


@router.get("/entities/{entity_id:path}", **documented(ActorPayload))
def entity(state: State, entity_id: str) -> Response:
    return api_answer(state, "actor", id=entity_id)


@router.get("/sources", **documented(SourcesPayload))
def sources(state: State) -> Response:
    return api_answer(state, "sources")


@router.get("/facts", **documented(FactsPayload))
def facts(state: State) -> Response:
    return api_answer(state, "facts")


@router.get("/search", **documented(SearchPayload))
def search_sentences(
    state: State,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="Words to find")],
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    return api_answer(state, "search", q=q, limit=limit)
