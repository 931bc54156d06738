"""The views, registered once (name, function, payload); see ``views.registry``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..errors import OptionsError
from . import payloads
from .quotes_view import filter_quotes, page_quotes
from .registry import register
from .shapes import (
    ArticlesPayload,
    EntitiesPayload,
    FactsPayload,
    OverviewPayload,
    QuotesPayload,
    SourcesPayload,
    TimelinePayload,
)

if TYPE_CHECKING:
    from .digest import DigestInput
    from .story import Story


@register("articles", ArticlesPayload)
def articles(story: Story) -> dict[str, Any]:
    """Every article, with where its date came from and what it copies."""
    return payloads.articles_view(story.corpus())


@register("timeline", TimelinePayload)
def timeline(
    story: Story,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    entity: str | None = None,
    query: str | None = None,
    limit: int | None = None,
    all: bool = False,
) -> dict[str, Any]:
    """What happened when: the digest (``limit`` dates, else as many as the material
    supports), or with ``all`` every dated happening."""
    if all:
        return payloads.timeline_view(
            story.corpus(), start=start, end=end, entity=entity, query=query
        )
    options = story.options

    def prepared(entity_ids: set[str] | None) -> DigestInput:
        from .digest import digest_input

        # one per entity filter and store state: every window of the digest shares it
        key = ("digest input", frozenset(entity_ids) if entity_ids is not None else None)
        return story.cache.cached(
            key, lambda: digest_input(story.corpus(), entity_ids), filtered=entity_ids is not None
        )

    return payloads.timeline_view(
        story.corpus(),
        prepared=prepared,
        start=start,
        end=end,
        entity=entity,
        query=query,
        limit=limit,
        n_dates=options.timeline_dates,
        sents_per_date=options.timeline_sentences,
        digest=True,
    )


@register("quotes", QuotesPayload)
def quotes(
    story: Story,
    *,
    speaker: str | None = None,
    all: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
    outlet: str | None = None,
    direct: bool = False,
    indirect: bool = False,
    anonymous: bool = False,
    named: bool = False,
    page: int | None = None,
    per_page: int | None = None,
) -> dict[str, Any]:
    """Who said what: precision first (``all``: every quote extracted), by date, with
    the speakers of the page and their roles; filters by publication day, outlet,
    direct or indirect, anonymous or named; ``per_page`` quotes a page."""
    if per_page is not None and per_page < 1 or page is not None and page < 1:
        raise OptionsError("page and per_page must be at least 1", code="E301")
    rows = story.cache.cached(
        ("quote rows", speaker, all),
        lambda: payloads.quotes_view(story.corpus(), speaker=speaker, all=all)["quotes"],
        filtered=speaker is not None,
    )
    kept = filter_quotes(
        rows,
        start=start,
        end=end,
        outlet=outlet,
        direct=direct,
        indirect=indirect,
        anonymous=anonymous,
        named=named,
    )
    return page_quotes(kept, page=page, per_page=per_page)


@register("overview", OverviewPayload)
def overview(story: Story) -> dict[str, Any]:
    """The story in brief: date range, top developments and who reported them first,
    the latest news, key actors, quotes and figures."""
    from .overview import overview as build

    return build(story)


@register("entities", EntitiesPayload)
def entities(story: Story) -> dict[str, Any]:
    """Who is who: one entity per actor, with aliases and mentions."""
    return payloads.entities_view(story.corpus())


@register("sources", SourcesPayload)
def sources(story: Story) -> dict[str, Any]:
    """Outlets, who cites whom, and syndicated or rewritten copies."""
    return payloads.sources_view(story.corpus())


@register("facts", FactsPayload)
def facts(story: Story) -> dict[str, Any]:
    """Figures with units, and where outlets disagree."""
    return payloads.facts_view(story.corpus())


# The views registered in their own modules (imported for their registrations).
from . import actor, article, changes, new, search, stories  # noqa: E402,F401
