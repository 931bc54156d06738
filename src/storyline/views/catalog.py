"""The views, registered once (name, function, payload); see ``views.registry``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from . import payloads
from .registry import register
from .shapes import (
    ArticlesPayload,
    EntitiesPayload,
    FactsPayload,
    QuotesPayload,
    SourcesPayload,
    TimelinePayload,
)

if TYPE_CHECKING:
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
    """What happened when: the digest, or with ``all`` every dated happening."""
    options = story.options
    if all:
        return payloads.timeline_view(story.corpus(), start=start, end=end, entity=entity, query=query)
    return payloads.timeline_view(
        story.corpus(),
        start=start,
        end=end,
        entity=entity,
        query=query,
        limit=limit,
        n_dates=options.timeline_dates,
        sents_per_date=options.timeline_sentences,
    )


@register("quotes", QuotesPayload)
def quotes(story: Story, *, speaker: str | None = None, all: bool = False) -> dict[str, Any]:
    """Who said what: precision first; ``all`` shows every quote extracted."""
    return payloads.quotes_view(story.corpus(), speaker=speaker, all=all)


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
