"""A cache of view results, kept per store state.

Building a ``Corpus`` and its views costs a full read of the store, so results
are kept, but only while the store is unchanged: every lookup first takes a
cheap fingerprint of the store (``Store.fingerprint``) and drops everything
cached under an older one. The cache belongs to one ``Story``; nothing is global.

Two kinds of entries: the store's own views (the corpus, each view without
parameters) are few and always kept; entries made for one set of parameters
(a filter, a speaker, one entity, one page) are ``filtered`` and kept in
least-recently-used order within a budget, so hostile or merely varied
parameters cannot grow a server without bound. Each key is built by one thread
at a time: fifty clients arriving together wait for one build.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

MAX_FILTERED = 256  # entries made for one set of parameters (most are small)
# Rough items (events plus their evidence, quotes, rows; 200 bytes of a
# rendered body) that filtered entries may hold together: a few copies of a
# large timeline. The newest entry is always kept, whatever its size.
FILTERED_BUDGET = 40_000
# Filtered entries built at once: each build is a pass over the corpus, so more
# at a time would only share the CPU (and hold more memory), while requests
# answered from the cache wait behind them.
BUILD_SLOTS = 2
# Concurrent reads of the store by requests (search). Below SQLAlchemy's
# default pool size (5), so a burst of requests can never wait on the pool.
DB_SLOTS = 4

_MISS = object()


def weight(value: object) -> int:
    """A rough size of a cached value, in items (see ``FILTERED_BUDGET``); cheap to take."""
    if isinstance(value, bytes | str):
        return 1 + len(value) // 200
    if isinstance(value, dict):
        return 1 + sum(
            weight(v) for v in value.values() if isinstance(v, list | tuple | dict | bytes)
        )
    if isinstance(value, list | tuple):
        total = 1
        for v in value:  # an event counts its evidence; a row or a string counts one
            if isinstance(v, dict) and "evidence" in v:
                total += 1 + len(v["evidence"])
            elif isinstance(v, list | tuple | dict | bytes):
                total += weight(v)
            else:
                total += 1
        return total
    return 1


class ViewCache:
    """Values kept per store state: dropped whenever ``fingerprint()`` changes."""

    def __init__(self, fingerprint: Callable[[], Hashable], *, db_slots: int = DB_SLOTS) -> None:
        self.fingerprint = fingerprint
        self._lock = threading.Lock()
        self._fingerprint: Hashable | None = None
        self._cache: OrderedDict[Hashable, tuple[Any, int | None]] = OrderedDict()
        self._held = 0  # weight of the filtered entries
        self._gates: dict[Hashable, threading.Lock] = {}
        self._db_slots = threading.BoundedSemaphore(db_slots)
        self._build_slots = threading.BoundedSemaphore(BUILD_SLOTS)
        self._local = threading.local()  # .building: this thread holds a build slot

    @contextmanager
    def slot(self) -> Iterator[None]:
        """One of ``DB_SLOTS`` short reads of the store at once."""
        with self._db_slots:
            yield

    def _lookup(self, fp: Hashable, key: Hashable) -> Any:
        """The cached value or ``_MISS``; call with ``_lock`` held."""
        if fp != self._fingerprint:
            self._cache.clear()
            self._held = 0
            self._fingerprint = fp
        entry = self._cache.get(key)
        if entry is None:
            return _MISS
        self._cache.move_to_end(key)
        return entry[0]

    def _store(self, fp: Hashable, key: Hashable, value: Any, filtered: bool) -> None:
        """Keep ``value``, then drop the oldest filtered entries over the budget; ``_lock`` held."""
        if fp != self._fingerprint:  # the store changed while building: keep nothing
            return
        held = weight(value) if filtered else None
        self._cache[key] = (value, held)
        self._held += held or 0
        over = [k for k, (_v, w) in self._cache.items() if w is not None]
        while len(over) > 1 and (len(over) > MAX_FILTERED or self._held > FILTERED_BUDGET):
            oldest = over.pop(0)
            self._held -= self._cache.pop(oldest)[1] or 0

    def ready(self, key: Hashable) -> bool:
        """Whether ``key``'s value is built for the current store state (a view that
        can answer from a whole-store value when there is one, and more cheaply
        from its own parameters when there is not, asks this first)."""
        fp = self.fingerprint()
        with self._lock:
            return self._lookup(fp, key) is not _MISS

    def cached(self, key: Hashable, build: Callable[[], T], *, filtered: bool = False) -> T:
        """The value for ``key`` under the current store state, built once however many
        requests ask at the same time. ``filtered``: made for one set of request
        parameters, so kept within the budget rather than for the store's life, and
        built in one of ``BUILD_SLOTS``. (Unfiltered builds never need filtered ones.)"""
        fp = self.fingerprint()
        with self._lock:
            hit = self._lookup(fp, key)
        if hit is not _MISS:
            return hit
        if not filtered or getattr(self._local, "building", False):
            return self._build(key, build, filtered)
        # The slot before the key's gate, so no thread waits for a slot holding a gate.
        with self._build_slots:
            self._local.building = True
            try:
                return self._build(key, build, filtered)
            finally:
                self._local.building = False

    def _build(self, key: Hashable, build: Callable[[], T], filtered: bool) -> T:
        with self._lock:
            gate = self._gates.setdefault(key, threading.Lock())
        with gate:
            fp = self.fingerprint()
            with self._lock:
                hit = self._lookup(fp, key)
            if hit is not _MISS:
                return hit
            try:
                value = build()
                with self._lock:
                    self._store(fp, key, value, filtered)
            finally:
                with self._lock:
                    if self._gates.get(key) is gate:
                        del self._gates[key]
        return value
