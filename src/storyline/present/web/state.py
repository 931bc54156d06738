"""The app's one piece of state: the read-only store and a cache keyed by its state.

Building a ``Corpus`` and its views costs a full read of the store, so the
results are kept, but only as long as the store is unchanged: every lookup
first takes a cheap fingerprint of the store (file size and modification time
of a SQLite file and its WAL, or row counts for a server database) and drops
everything cached under an older fingerprint. The cache lives on the app
object made by ``create_app``; nothing is global.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from ...build.corpus import Corpus
from ...options import Options
from ...store import Store

T = TypeVar("T")

MAX_CACHED = 48  # views per store state (timeline filter combinations mostly)


class WebState:
    """Holds the store (opened read-only) and the per-store-state cache."""

    def __init__(self, db: str, options: Options | None = None) -> None:
        self.db = db
        self.options = options or Options.from_env(db=db)
        self.store = Store(db, read_only=True)
        self._lock = threading.Lock()
        self._fingerprint: Hashable | None = None
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()

    def close(self) -> None:
        self.store.close()

    def fingerprint(self) -> Hashable:
        """Changes whenever the store's content may have changed."""
        if self.store.dialect == "sqlite" and self.db != ":memory:" and "://" not in self.db:
            path = Path(self.db).expanduser()
            stats: list[tuple[int, int]] = []
            for suffix in ("", "-wal"):
                try:
                    st = (path.parent / (path.name + suffix)).stat()
                except FileNotFoundError:
                    stats.append((0, 0))
                else:
                    stats.append((st.st_mtime_ns, st.st_size))
            return tuple(stats)
        return tuple(sorted(self.store.counts().items()))

    def cached(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value for ``key`` under the current store state, built at most once."""
        fp = self.fingerprint()
        with self._lock:
            if fp != self._fingerprint:
                self._cache.clear()
                self._fingerprint = fp
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = build()
        with self._lock:
            if self._fingerprint == fp:
                self._cache[key] = value
                while len(self._cache) > MAX_CACHED:
                    self._cache.popitem(last=False)
        return value

    def corpus(self) -> Corpus:
        # Every view asks for the corpus first, so LRU order keeps it cached.
        return self.cached(("corpus",), lambda: Corpus.from_store(self.store))
