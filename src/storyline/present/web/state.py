"""The app's one piece of state: a ``Story`` over the read-only store.

The story owns the cache of view results, kept per store state
(``views.cache``); the pages, ``/api/`` and the fragments all read through it,
so a view is computed once however it is asked for. The state lives on the app
object made by ``create_app``; nothing is global.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from ...options import Options
from ...store import Store
from ...views.cache import BUILD_SLOTS, DB_SLOTS, FILTERED_BUDGET, MAX_FILTERED, weight
from ...views.corpus import Corpus
from ...views.story import Story

T = TypeVar("T")

__all__ = [
    "BUILD_SLOTS",
    "DB_SLOTS",
    "FILTERED_BUDGET",
    "MAX_FILTERED",
    "MAX_STORIES",
    "WebState",
    "weight",
]


# Stories of a mixed pile kept open at once (``?story=ID``), least recently used
# dropped first: each holds its own cache of views, so ids a client makes up
# cannot grow the server without bound.
MAX_STORIES = 16


class WebState:
    """Holds the story over the store (opened read-only), and one ``Story`` per
    story id asked for (``?story=ID``, see ``scoped``), made on demand."""

    def __init__(
        self,
        db: str,
        options: Options | None = None,
        *,
        store: Store | None = None,
        story_id: str | None = None,
    ) -> None:
        self.db = db
        self.options = options or Options.from_env(db=db)
        self._owns_store = store is None
        self.store = store if store is not None else Store(db, read_only=True)
        self.story_id = story_id
        self.story = Story(self.store, self.options, story=story_id)
        self._scoped: OrderedDict[str, WebState] = OrderedDict()
        self._lock = threading.Lock()

    def scoped(self, story_id: str | None) -> WebState:
        """The state showing the story ``story_id`` only (this one for None): the same
        store, its own ``Story`` and cache. An unknown id fails when a view is read."""
        if not story_id:
            return self
        with self._lock:
            state = self._scoped.get(story_id)
            if state is None:
                state = WebState(self.db, self.options, store=self.store, story_id=story_id)
                self._scoped[story_id] = state
                while len(self._scoped) > MAX_STORIES:
                    self._scoped.popitem(last=False)
            self._scoped.move_to_end(story_id)
            return state

    def close(self) -> None:
        if self._owns_store:
            self.store.close()

    def fingerprint(self) -> Hashable:
        return self.store.fingerprint()

    def cached(self, key: Hashable, build: Callable[[], T], *, filtered: bool = False) -> T:
        """Something derived from views (an encoded answer, a rendered page), kept in the
        story's cache beside them; see ``ViewCache.cached``."""
        return self.story.cache.cached(key, build, filtered=filtered)

    def corpus(self) -> Corpus:
        return self.story.corpus()

    def names_actor(self, name: str) -> bool:
        """Whether ``name`` is an actor's name, alias or id (as the views' filters match)."""
        return bool(self.story.corpus().entity_by_name(name))
