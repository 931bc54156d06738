"""Materialized views (issue 23): what a reader opens first, built ahead of the read.

Built from the records, the digest and the overview of a 50,000-article pile
cost two minutes and 8 GB (``bench/big_store.py``): no reader waits that long.
``storyline refresh`` (``api.refresh``) builds them once per scope, the whole
pile and each story of at least ``min_articles``, and stores their payloads
(``Store.put_snapshots``); a ``Story`` then answers those views from the stored
payload (``stored``), in milliseconds at any size. The payload carries
``as_of``: the store revision and article count it was built from, and whether
the store has moved on since (``current``), so a reader of a stale digest is
told so; ``Options(snapshots=False)`` (``--fresh``) computes from the records.

Only the views without parameters are materialized (a week, an entity or a page
of quotes is computed from the records, as before), and only where
``refresh`` was run: a store without snapshots behaves exactly as it did.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

from ..options import Options
from ..store import Store
from ..store.stories import follow

if TYPE_CHECKING:
    from .story import Story

# The views a reader opens first (the overview quotes the digest: stored together,
# they always agree).
SNAPSHOT_VIEWS = ("overview", "timeline")
PILE = ""  # the scope of the whole pile
# Stories smaller than this answer from their records: measured on the 10,000-
# article clone store (``bench/big_store.py``; a benchmark beside it), a story of
# 189 articles 0.5-0.6 s a view, one of 292 about 2 s, so 150 keeps a margin
# under 2 s. A story's records are read by its own index (its articles, then
# their annotations, mentions and copies), so this does not grow with the pile:
# a 146-article story 0.19-0.30 s a view at 10,000 and at 100,000 articles.
MIN_ARTICLES = 150


class AsOf(TypedDict):
    revision: int  # the store revision the payload was built from
    articles: int  # articles in the scope when it was built
    current: bool  # False: the store has changed since (``storyline refresh``)


def stored(story: Story, name: str) -> dict[str, Any] | None:
    """``name``'s stored payload over the story's scope, with its ``as_of``; None when
    that scope has none (then the view is computed from the records)."""
    store = story.store
    scope = story.story_id or PILE
    snap = store.snapshot(scope, name)
    if snap is None and story.story_id is not None:
        live = follow(store.story_redirects(), story.story_id)  # a merged-away id
        snap = store.snapshot(live, name) if live != story.story_id else None
    if snap is None:
        return None
    as_of = AsOf(
        revision=snap.revision, articles=snap.articles, current=snap.revision == store.revision()
    )
    return {**snap.payload, "as_of": as_of}


@dataclass(frozen=True)
class Refreshed:
    scope: str  # "" for the whole pile
    articles: int
    seconds: float


def materialize(store: Store, options: Options, scope: str = PILE) -> Refreshed:
    """Build ``SNAPSHOT_VIEWS`` over ``scope`` from the records and store them, stamped
    with the revision read before reading anything (a write during the build
    leaves them marked as not current)."""
    from .story import Story

    started = time.perf_counter()
    revision = store.revision()
    story = Story(store, options.with_(snapshots=False), story=scope or None)
    payloads = {name: story.view(name) for name in SNAPSHOT_VIEWS}
    articles = len(story.corpus().articles)
    store.put_snapshots(scope, payloads, revision=revision, articles=articles)
    return Refreshed(scope, articles, round(time.perf_counter() - started, 2))
