"""One article: its row, text, and every annotation, linked mentions named.

Registered as the view ``article`` (``story.view("article", id=...)``); the
web's article page (which highlights the spans) and ``/api/articles/{id}``
show it. Offsets are into ``text``, as everywhere in storyline.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any, TypedDict

from ..errors import NotFound
from ..models import Annotations
from .registry import register
from .shapes import ArticleRow

if TYPE_CHECKING:
    from .story import Story

# An annotation record: the stored dataclass's fields, dates as ISO strings.
Record = dict[str, Any]


class ArticleText(ArticleRow, total=False):
    text: str
    boilerplate: list[str]  # lines removed as site furniture


class ArticlePayload(TypedDict):
    article: ArticleText
    annotated: bool
    sentences: list[Record]
    mentions: list[Record]  # each with "entity" (linked id or None) and "entity_name"
    timexes: list[Record]
    sentence_dates: list[Record]
    quotes: list[Record]
    citations: list[Record]
    quantities: list[Record]


def record(obj: Any) -> Record:
    return {
        k: (v.isoformat() if isinstance(v, dt.date) else v)
        for k, v in dataclasses.asdict(obj).items()
    }


def annotation_records(
    ann: Annotations | None, entity_of_mention: dict[int, tuple[str, str]] | None = None
) -> dict[str, Any]:
    """The annotation lists of a payload; ``entity_of_mention``: mention index ->
    (entity id, entity name) for the linked mentions."""
    linked = entity_of_mention or {}
    mentions = []
    for i, m in enumerate(ann.mentions if ann else ()):
        rec = record(m)
        rec["entity"], rec["entity_name"] = linked.get(i, (None, None))
        mentions.append(rec)
    return {
        "annotated": ann is not None,
        "sentences": [record(s) for s in ann.sentences] if ann else [],
        "mentions": mentions,
        "timexes": [record(t) for t in ann.timexes] if ann else [],
        "sentence_dates": [record(d) for d in ann.sentence_dates] if ann else [],
        "quotes": [record(q) for q in ann.quotes] if ann else [],
        "citations": [record(c) for c in ann.citations] if ann else [],
        "quantities": [record(q) for q in ann.quantities] if ann else [],
    }


def article_rows(story: Story) -> dict[str, ArticleRow]:
    """The rows of the articles view by id, kept per store state."""
    return story.cache.cached(
        ("articles_by_id",), lambda: {a["id"]: a for a in story.articles()["articles"]}
    )


@register("article", ArticlePayload)
def article(story: Story, *, id: str) -> dict[str, Any]:
    """One article: its row, text, removed furniture and every annotation."""
    corpus = story.corpus()
    found = corpus.articles.get(id)
    if found is None:
        raise NotFound(f"no article with id {id!r}", code="E404")
    row: dict[str, Any] = dict(article_rows(story)[id])
    row["text"] = found.text
    row["boilerplate"] = list(found.boilerplate)
    ann = corpus.annotations.get(id)
    linked: dict[int, tuple[str, str]] = {}
    if ann is not None:
        for i in range(len(ann.mentions)):
            eid = corpus.entity_of_mention.get((id, i))
            if eid is not None:
                linked[i] = (eid, corpus.entity_by_id[eid].name)
    return {"article": row, **annotation_records(ann, linked)}
