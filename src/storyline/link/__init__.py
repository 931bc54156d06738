"""Link: across articles. Copies and syndication, one entity per real actor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..models import Annotations, Article, Copy, Entity
from .copies import find_copies
from .entities import resolve_entities

__all__ = ["link", "find_copies", "resolve_entities"]


def link(
    articles: Sequence[Article], annotations: Mapping[str, Annotations]
) -> tuple[list[Entity], list[Copy]]:
    """Corpus-wide links, recomputed from stored records (pure, deterministic)."""
    mentions = {aid: ann.mentions for aid, ann in annotations.items()}
    # an article naming the other's outlet ("according to X") confirms a loose rewrite
    citations = {aid: ann.citations for aid, ann in annotations.items()}
    # a cited source is an organisation (quote addressees are not: "told us", "told me")
    cited = [c.cites for cs in citations.values() for c in cs]
    entities = resolve_entities(mentions, cited=cited)
    return entities, find_copies(articles, citations=citations)
