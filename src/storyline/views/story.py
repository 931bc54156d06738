"""The read core: one story over a store, whose methods are the views.

    from storyline import Story
    story = Story.open("story.db")
    story.timeline()["events"][0]          # the digest
    story.view("quotes", speaker="Blinken")

In the spirit of Datasette's ``Datasette`` object: a ``Story`` owns the store,
the options and the cache of view results (kept per store state, see
``views.cache``). Views live in the catalogue (``views.registry``); the CLI,
the web pages, ``/api/``, the report and ``storyline.api`` all call them
through a story, so each is computed one way, once per store state.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from ..options import Options
from ..store import Store
from . import catalog  # noqa: F401  (fills the catalogue)
from .cache import ViewCache
from .corpus import Corpus
from .registry import get, run
from .shapes import (
    ArticlesPayload,
    EntitiesPayload,
    FactsPayload,
    OverviewPayload,
    QuotesPayload,
    SourcesPayload,
    TimelinePayload,
)
from .snapshots import SNAPSHOT_VIEWS, stored


def _key(params: dict[str, Any]) -> tuple[tuple[str, Hashable], ...]:
    return tuple(sorted(params.items()))


class Story:
    """A story over ``store``: its views, computed once per store state."""

    def __init__(
        self, store: Store, options: Options | None = None, *, story: str | None = None
    ) -> None:
        self.store = store
        self.options = options or Options(db=store.target)
        self.cache = ViewCache(store.fingerprint)
        # One story of a mixed pile (``stories``): the corpus holds its articles only.
        self.story_id = story

    @classmethod
    def open(cls, db: str, options: Options | None = None, *, story: str | None = None) -> Story:
        """A story over the store at ``db``, opened read-only (``story``: that story only)."""
        return cls(Store(db, read_only=True), options or Options(db=db), story=story)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Story:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def corpus(self) -> Corpus:
        """Everything the views read, loaded once per store state."""
        if self.story_id is None:
            return self.cache.cached(("corpus",), lambda: Corpus.from_store(self.store))
        from .stories import story_corpus

        story_id = self.story_id
        return self.cache.cached(("corpus", story_id), lambda: story_corpus(self.store, story_id))

    def view(self, name: str, **params: Any) -> Any:
        """The payload of the registered view ``name``; parameters left at their
        defaults (None, False) are dropped, so equal requests share one entry."""
        get(name)  # an unknown name is an error before anything is built
        given = {k: v for k, v in params.items() if v is not None and v is not False}
        if not given and self.materialized(name):
            return self.cache.cached(("stored", name), lambda: stored(self, name))
        return self.cache.cached(
            (name, _key(given)), lambda: run(self, name, given), filtered=bool(given)
        )

    def materialized(self, name: str) -> bool:
        """Whether ``name`` without parameters answers from a payload stored by
        ``storyline refresh`` (``views.snapshots``) rather than from the records."""
        if not (self.options.snapshots and name in SNAPSHOT_VIEWS):
            return False
        return self.cache.cached(("stored", name), lambda: stored(self, name)) is not None

    # ---- the views, typed ------------------------------------------------------

    def articles(self) -> ArticlesPayload:
        return self.view("articles")

    def overview(self) -> OverviewPayload:
        """The story in brief (``views.overview``)."""
        return self.view("overview")

    def timeline(self, **params: Any) -> TimelinePayload:
        """The digest; ``all=True``: every dated happening. Parameters: start, end
        (dates), entity, query, limit, all."""
        return self.view("timeline", **params)

    def quotes(self, **params: Any) -> QuotesPayload:
        """Parameters: speaker, all; start, end (publication days), outlet, direct,
        indirect, anonymous, named (flags keep only that kind); page, per_page."""
        return self.view("quotes", **params)

    def entities(self) -> EntitiesPayload:
        return self.view("entities")

    def sources(self) -> SourcesPayload:
        return self.view("sources")

    def facts(self) -> FactsPayload:
        return self.view("facts")
