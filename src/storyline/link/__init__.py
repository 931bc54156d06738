"""Link: across articles. Copies and syndication, one entity per real actor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..models import Annotations, Article, Copy, Entity, MentionRef
from .copies import find_copies
from .entities import resolve_entities
from .entity_ids import IdAssignment, article_order, assign_ids

__all__ = ["link", "link_entities", "find_copies", "resolve_entities"]


def link_entities(
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    *,
    mints: Mapping[str, MentionRef] | None = None,
    redirects: Mapping[str, str] | None = None,
) -> IdAssignment:
    """Entities across ``articles``, with ids kept from the stored ``mints`` and
    ``redirects`` (``link.entity_ids``)."""
    mentions = {aid: ann.mentions for aid, ann in annotations.items()}
    # A cited source is an organisation (quote addressees are not: "told us", "told me").
    cited = [c.cites for ann in annotations.values() for c in ann.citations]
    entities = resolve_entities(mentions, cited=cited)
    return assign_ids(entities, article_order(articles), mints, redirects)


def link(
    articles: Sequence[Article], annotations: Mapping[str, Annotations]
) -> tuple[list[Entity], list[Copy]]:
    """Corpus-wide links, recomputed from stored records (pure, deterministic);
    entity ids as a first link mints them."""
    entities = link_entities(articles, annotations).entities
    # an article naming the other's outlet ("according to X") confirms a loose rewrite
    citations = {aid: ann.citations for aid, ann in annotations.items()}
    return entities, find_copies(articles, citations=citations)
