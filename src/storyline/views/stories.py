"""The stories of a mixed pile (issue 21): the ``stories`` view, and one story's
corpus for ``--story ID`` (``Story(store, story=ID)``).

Story assignment itself is link-stage work (``link.story_index``): ``add``
stores it. A store whose last articles were never assigned (made by an older
storyline, or read-only) shows what ``add`` would assign, computed in memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

from ..errors import NotFound
from ..link.story_index import story_articles, story_membership, story_rows
from ..store import Store
from .corpus import Corpus
from .registry import register

if TYPE_CHECKING:
    from .story import Story


class StoryItem(TypedDict):
    id: str
    title: str
    articles: list[str]
    first: str
    last: str
    size: int


class StoriesPayload(TypedDict):
    stories: list[StoryItem]


def story_corpus(store: Store, story_id: str) -> Corpus:
    """The corpus of one story: its articles, their annotations, the entities
    they mention (with those mentions only) and copies within the story. An id
    merged into another story leads to that story."""
    ids = story_articles(store, story_id)
    keep = set(ids)
    return Corpus(
        articles={a.id: a for a in store.articles(ids)},
        annotations=store.annotations(ids),
        entities=store.entities(ids),  # read by the story's articles, not the pile's
        copies=[c for c in store.copies(ids) if c.copy_of in keep],
    )


@register("stories", StoriesPayload)
def stories(story: Story) -> dict[str, Any]:
    """The stories in the pile, largest first: a title (the most central headline),
    first and last days, and the articles (``--story``: that story only)."""
    rows = story_rows(story.store)
    if story.story_id is not None:
        live = story_membership(story.store).resolve(story.story_id)
        if live is None:
            raise NotFound(
                f"no story with id {story.story_id!r}; `storyline stories` lists them", code="E407"
            )
        rows = [r for r in rows if r["id"] == live]
    return {
        "stories": [
            {
                "id": r["id"],
                "title": r["title"],
                "articles": list(r["articles"]),
                "first": r["first"],
                "last": r["last"],
                "size": r["size"],
            }
            for r in rows
        ]
    }
