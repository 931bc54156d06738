"""One actor: their row, what they said, who they appear with, mentions over time.

Registered as the view ``actor`` (``story.view("actor", id=...)``); the web's
actor page and ``/api/entities/{id}`` show it, kept in the story's cache like
any view with parameters.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, TypedDict

from ..errors import NotFound
from ..models import Entity
from .corpus import Corpus
from .periods import timeline_counts
from .registry import register
from .shapes import EntityRow, QuoteRow

if TYPE_CHECKING:
    from .story import Story

MAX_COMPANY = 25


class Company(TypedDict):
    id: str
    name: str
    type: str
    sentences: int  # sentences naming both


class PeriodCount(TypedDict):
    period: str
    mentions: int


class MentionsOverTime(TypedDict):
    granularity: str  # day | week | month | year
    counts: list[PeriodCount]
    undated: int


class ActorPayload(TypedDict):
    entity: EntityRow
    quotes: list[QuoteRow]
    co_occurring: list[Company]
    mentions_over_time: MentionsOverTime


def co_occurring(corpus: Corpus, entity: Entity, limit: int = MAX_COMPANY) -> list[Company]:
    """Entities named in the same sentences as ``entity``, by number of shared sentences."""
    sentences = set()
    for ref in entity.mentions:
        ann = corpus.annotations.get(ref.article)
        if ann is not None and ref.index < len(ann.mentions):
            sentences.add((ref.article, ann.mentions[ref.index].sentence))
    counts: Counter[str] = Counter()
    for article_id, sentence in sentences:
        for other in corpus.sentence_entities(article_id, sentence):
            if other != entity.id:
                counts[other] += 1
    by_id = corpus.entity_by_id
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], by_id[kv[0]].name))[:limit]
    return [
        Company(id=eid, name=by_id[eid].name, type=by_id[eid].type, sentences=n)
        for eid, n in ranked
    ]


def mention_dates(corpus: Corpus, entity: Entity) -> tuple[list[dt.date], int]:
    """A date per mention (the article's publication day, else the sentence's date)
    and how many mentions have neither."""
    dates: list[dt.date] = []
    undated = 0
    for ref in entity.mentions:
        day = corpus.published(ref.article) if ref.article in corpus.articles else None
        if day is None:
            ann = corpus.annotations.get(ref.article)
            if ann is not None and ref.index < len(ann.mentions):
                sd = corpus.sentence_date(ref.article, ann.mentions[ref.index].sentence)
                day = sd.interval_start if sd else None
        if day is None:
            undated += 1
        else:
            dates.append(day)
    return dates, undated


def entity_row(story: Story, entity_id: str) -> EntityRow:
    rows: dict[str, EntityRow] = story.cache.cached(
        ("entities_by_id",), lambda: {r["id"]: r for r in story.entities()["entities"]}
    )
    return rows[entity_id]


@register("actor", ActorPayload)
def actor(story: Story, *, id: str) -> ActorPayload:
    """One actor: aliases, their quotes, the actors named with them, mentions over time."""
    corpus = story.corpus()
    entity = corpus.entity_by_id.get(id)
    if entity is None:
        # An id merged into another entity leads to it: old links keep working.
        try:
            entity = corpus.entity_by_id.get(story.store.resolve_entity(id))
        except NotFound:  # no such id, merged or not: the view's own E404 below
            entity = None
    if entity is None:
        raise NotFound(f"no entity with id {id!r}", code="E404")
    dates, undated = mention_dates(corpus, entity)
    granularity, counts = timeline_counts(dates)
    # Their quotes from the story's quote rows (kept per store state), not a pass of
    # the quotes view over every article per actor: seconds on a 5,000-article pile.
    quotes: list[QuoteRow] = story.quotes()["quotes"]
    return ActorPayload(
        entity=entity_row(story, entity.id),
        quotes=[q for q in quotes if q["speaker_entity"] == entity.id],
        co_occurring=co_occurring(corpus, entity),
        mentions_over_time=MentionsOverTime(
            granularity=granularity,
            counts=[PeriodCount(period=label, mentions=n) for label, n in counts],
            undated=undated,
        ),
    )
