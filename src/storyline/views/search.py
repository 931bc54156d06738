"""Full-text search over sentences: every word of the query, taken as plain words.

Registered as the view ``search`` (``story.view("search", q=..., limit=...)``);
the web's search page and ``/api/search`` show it. Words are passed to the
store's full-text index as words, never as query syntax.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypedDict

from .registry import register

if TYPE_CHECKING:
    from .story import Story

DEFAULT_LIMIT = 50
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class SearchHit(TypedDict):
    article: str
    sentence_index: int
    sentence: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None


class SearchPayload(TypedDict):
    query: str
    results: list[SearchHit]


def clean_text(value: str | None) -> str:
    """Free text without control characters (a NUL ends a string for SQLite's
    full-text query parser), whitespace trimmed."""
    return _CONTROLS.sub(" ", value or "").strip()


def search_words(value: str) -> str:
    """The distinct words of a search, for the full-text index (which ANDs them: a
    repeated word changes nothing, but thousands of them cost a minute)."""
    seen: dict[str, str] = {}
    for word in clean_text(value).split():
        seen.setdefault(word.lower(), word)
    return " ".join(seen.values())


@register("search", SearchPayload)
def search(story: Story, *, q: str, limit: int = DEFAULT_LIMIT) -> SearchPayload:
    """Sentences holding every word of ``q``, with their article's outlet and date."""
    words = search_words(q)
    if not words:
        return SearchPayload(query=q, results=[])
    with story.cache.slot():  # a read of the store made by a request
        found = story.store.search_sentences(words, limit=limit)
    corpus = story.corpus()
    results: list[SearchHit] = []
    for article_id, idx, text in found:
        article = corpus.articles.get(article_id)
        results.append(
            SearchHit(
                article=article_id,
                sentence_index=idx,
                sentence=text,
                title=article.title if article else None,
                outlet=article.outlet if article else None,
                url=article.url if article else None,
                published=article.published.isoformat() if article and article.published else None,
            )
        )
    return SearchPayload(query=q, results=results)
