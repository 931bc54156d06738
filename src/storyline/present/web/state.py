"""The app's one piece of state: a ``Story`` over the read-only store.

The story owns the cache of view results, kept per store state
(``views.cache``); the pages, ``/api/`` and the fragments all read through it,
so a view is computed once however it is asked for. The state lives on the app
object made by ``create_app``; nothing is global.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from ...options import Options
from ...store import Store
from ...views.cache import BUILD_SLOTS, DB_SLOTS, FILTERED_BUDGET, MAX_FILTERED, weight
from ...views.corpus import Corpus
from ...views.story import Story

T = TypeVar("T")

__all__ = ["BUILD_SLOTS", "DB_SLOTS", "FILTERED_BUDGET", "MAX_FILTERED", "WebState", "weight"]


class WebState:
    """Holds the story over the store (opened read-only)."""

    def __init__(self, db: str, options: Options | None = None) -> None:
        self.db = db
        self.options = options or Options.from_env(db=db)
        self.store = Store(db, read_only=True)
        self.story = Story(self.store, self.options)

    def close(self) -> None:
        self.store.close()

    def fingerprint(self) -> Hashable:
        return self.store.fingerprint()

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """The store, for a short read made by a request (at most ``DB_SLOTS`` at once)."""
        with self.story.cache.slot():
            yield self.store

    def cached(self, key: Hashable, build: Callable[[], T], *, filtered: bool = False) -> T:
        """See ``ViewCache.cached``."""
        return self.story.cache.cached(key, build, filtered=filtered)

    def corpus(self) -> Corpus:
        return self.story.corpus()
