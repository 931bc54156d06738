"""The timeline: the digest by default, every dated event with ``all``; zoom (year /
month / week / day), filters, paging, evidence on demand.

The digest (``story.timeline()``) is what a reader sees first: the dates that
matter, a few sentences each. A short span (a week, a month: what a zoom into a
week or a day opens) lists its digest ranked by importance on one screen;
``order=date`` puts it back in date order. ``all=1`` is the full dated record
(``story.timeline(all=True)``), paged.

One URL serves three shapes, chosen by the element an htmx request swaps:
the whole page (a plain load or a history restore), ``#tl-main`` (controls
and list, after a zoom link), ``#tl-list`` (the list, after a filter change)
and ``#tl-more`` (the next page of events). Evidence sentences are fetched
per event when it is opened, so a page of thousands of events stays light.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from ....errors import NotFound
from ..details import MAX_TEXT, check_words, parse_date, renderer, web_state
from ..errors import InvalidParam
from ..grouping import (
    FINER,
    GRANULARITIES,
    Page,
    auto_granularity,
    blocks,
    event_rows,
    filter_outlet,
    group_events,
    period,
)
from ..rendering import Renderer, htmx_target
from ..state import WebState

router = APIRouter()

PAGE_SIZE = 250
MAX_PAGE_SIZE = 5000
COARSER = {"day": "week", "week": "month", "month": "year", "year": "year"}
ORDERS = ("date", "rank")
# A digest over at most this many days is ranked by importance by default: a
# week or a month read as "what mattered most", not as a calendar.
RANKED_SPAN = 31
# Actors and outlets offered in the filter's pick lists (the most mentioned first).
PICK_LIST = 300

State = Annotated[WebState, Depends(web_state)]
Render = Annotated[Renderer, Depends(renderer)]


class Filters:
    """The filter parameters shared by the list and the evidence requests."""

    def __init__(
        self,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
        entity: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
        outlet: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
        q: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
        show_all: Annotated[
            bool, Query(alias="all", description="Every dated event, not the digest")
        ] = False,
        order: Annotated[str | None, Query(description="date | rank")] = None,
    ) -> None:
        self.start = parse_date(date_from, "from")
        self.end = parse_date(date_to, "to")
        if self.start and self.end and self.start > self.end:
            raise InvalidParam("from", f"{self.start} is after to ({self.end})")
        self.entity = (entity or "").strip() or None
        self.outlet = (outlet or "").strip() or None
        self.q = check_words((q or "").strip(), "q") or None
        self.all = show_all
        if order and order not in ORDERS:
            raise InvalidParam("order", f"must be one of {', '.join(ORDERS)}, not {order[:40]!r}")
        self.order = order

    @property
    def ranked(self) -> bool:
        """Whether the events are listed by importance (a digest of a short span, by default)."""
        if self.order is not None:
            return self.order == "rank" and not self.all
        short = (
            self.start is not None
            and self.end is not None
            and (self.end - self.start).days <= RANKED_SPAN
        )
        return short and not self.all

    def params(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
            "entity": self.entity,
            "outlet": self.outlet,
            "q": self.q,
            "all": 1 if self.all else None,
            "order": self.order,
        }

    def key(self) -> tuple[Any, ...]:
        return (self.start, self.end, self.entity, self.outlet, self.q, self.all, self.ranked)

    def events(self, state: WebState) -> list[dict[str, Any]]:
        """The digest (or with ``all`` every dated event) under these filters, as listed."""

        def build() -> list[dict[str, Any]]:
            payload = state.story.timeline(
                start=self.start, end=self.end, entity=self.entity, query=self.q, all=self.all
            )
            events: list[dict[str, Any]] = filter_outlet(
                cast(list[dict[str, Any]], payload["events"]), self.outlet
            )
            if self.ranked:
                events = sorted(events, key=lambda e: -e.get("score", 0.0))
            return events

        if self.outlet is None and not self.ranked:  # the view's own list: nothing to keep
            return build()
        return state.cached(("tl-events", *self.key()), build, filtered=True)

    def rows(self, state: WebState, events: list[dict[str, Any]]) -> list[Markup]:
        key = ("rows", *self.key())
        filtered = any(k not in (None, False) for k in key[1:])
        return state.cached(key, lambda: event_rows(events), filtered=filtered)


def warm(state: WebState) -> None:
    """Build what the unfiltered pages need (run once at startup): the views the
    overview draws on, the full record (one click from the digest), then the
    digest's rendered rows."""
    story = state.story
    filters = Filters(
        date_from=None, date_to=None, entity=None, outlet=None, q=None, show_all=False, order=None
    )
    if story.materialized("timeline"):
        # A store refreshed ahead of reading (a big one): the first pages answer
        # from the stored payloads; the record-wide views, minutes and gigabytes
        # at 100,000 articles, are built when a page first asks for them.
        story.overview()
        if state.story_id is None:
            story.view("stories")
        filters.rows(state, filters.events(state))
        return
    for build in (
        story.articles,
        story.entities,
        story.sources,
        story.facts,
        story.quotes,
        story.overview,
    ):
        build()
    if state.story_id is None:
        story.view("stories")  # the overview lists a mixed pile's stories
    story.timeline(all=True)
    filters.rows(state, filters.events(state))


def pick_lists(state: WebState, events: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """The actors and outlets offered in the filters (any name may be typed): the most
    mentioned of the story; on a store refreshed ahead of reading, those the stored
    overview and the listed events name, since the full lists read every record."""
    story = state.story
    if story.materialized("timeline"):
        actors = [a["name"] for a in story.overview()["actors"]]
        outlets = {ev["outlet"] for e in events for ev in e.get("evidence", ()) if ev.get("outlet")}
        return actors, sorted(outlets)[:PICK_LIST]
    return (
        [e["name"] for e in story.entities()["entities"][:PICK_LIST]],
        [o["name"] for o in story.sources()["outlets"][:PICK_LIST]],
    )


def zoom_out(granularity: str, start: dt.date | None, end: dt.date | None) -> dict[str, Any]:
    """Parameters one level coarser, the date range widened to match (or dropped at years)."""
    coarser = COARSER[granularity]
    if coarser == "year" or start is None or end is None:
        return {"gran": coarser, "from": None, "to": None}
    outer = COARSER[coarser]
    return {
        "gran": coarser,
        "from": period(start, outer)[1].isoformat(),
        "to": period(end, outer)[2].isoformat(),
    }


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    state: State,
    render: Render,
    filters: Annotated[Filters, Depends()],
    gran: Annotated[str | None, Query(description="year | month | week | day")] = None,
    page: Annotated[int, Query(ge=1)] = 1,
    size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = PAGE_SIZE,
) -> Response:
    if gran and gran not in GRANULARITIES:
        raise InvalidParam("gran", f"must be one of {', '.join(GRANULARITIES)}, not {gran!r}")
    events = filters.events(state)
    granularity = gran or auto_granularity(events)
    pager = Page(page, size, len(events))
    chunk = events[pager.start : pager.stop]
    groups = group_events(chunk, granularity, offset=pager.start)
    continued = False
    if groups and pager.start > 0:
        before = group_events(events[pager.start - 1 : pager.start], granularity)
        continued = before[0].label == groups[0].label
    params = {**filters.params(), "gran": granularity, "size": size if size != PAGE_SIZE else None}
    unknown_actor = bool(filters.entity) and not state.names_actor(filters.entity or "")
    context: dict[str, Any] = {
        "nav": "timeline",
        "groups": groups,
        "blocks": blocks,
        "continued": continued,
        "pager": pager,
        "params": params,
        "filters": filters.params(),
        "granularity": granularity,
        "granularities": GRANULARITIES,
        "finer": FINER,
        "zoom_out": zoom_out(granularity, filters.start, filters.end),
        "rows": filters.rows(state, events),
        "unknown_actor": unknown_actor,
        "total": len(events),
        "digest": not filters.all,
        "ranked": filters.ranked,
    }
    target = htmx_target(request)
    if target == "tl-more":
        return render.stream(request, "timeline_chunk.html", **context)
    if target == "tl-list":
        return render.stream(request, "timeline_list.html", **context)
    context["actors"], context["all_outlets"] = pick_lists(state, events)
    if target == "tl-main":
        return render.stream(request, "timeline_main.html", **context)
    return render.stream(request, "timeline.html", **context)


@router.get("/timeline/evidence", response_class=HTMLResponse)
def evidence(
    request: Request,
    state: State,
    render: Render,
    filters: Annotated[Filters, Depends()],
    date: Annotated[str, Query(min_length=1, max_length=40)],
    i: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    """The evidence sentences of one event: the ``i``-th of the filtered list, if its date
    matches (else the first event with that date)."""
    events = filters.events(state)
    event = events[i] if i < len(events) and events[i]["date"] == date else None
    if event is None:
        event = next((e for e in events if e["date"] == date), None)
    if event is None:
        raise NotFound(f"no event dated {date!r} under these filters", code="E404")
    name = "evidence.html" if htmx_target(request) is not None else "evidence_page.html"
    return render.page(request, name, nav="timeline", event=event, filters=filters.params())
