"""Materialized views (issue 23): stored payloads of the views a reader opens first,
and the store's revision that tells whether they are current. A part of ``Store``.

Built by ``storyline refresh`` (``api.refresh``), read by ``views.story.Story``.
Every write a view can see moves the revision (``bump_revision``, in the same
transaction as the write), so comparing a snapshot's revision with the store's
is one short read, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update

from . import schema


def bump_revision(conn: Any) -> None:
    """The stored content changed: payloads built before are no longer current."""
    state = schema.store_state
    conn.execute(update(state).where(state.c.key == "revision").values(value=state.c.value + 1))


def state_value(conn: Any, key: str) -> int:
    """A counter of ``store_state`` (-1 when the store has none of that name)."""
    state = schema.store_state
    row = conn.execute(select(state.c.value).where(state.c.key == key)).first()
    return int(row[0]) if row else -1


def read_revision(conn: Any) -> int:
    return state_value(conn, "revision")


@dataclass(frozen=True)
class Snapshot:
    """One stored payload: built from the store at ``revision``, when it held ``articles``."""

    scope: str  # "" for the whole pile, else a story id
    view: str
    revision: int
    articles: int
    payload: Any


@dataclass(frozen=True)
class ScopeInfo:
    scope: str
    revision: int
    articles: int
    views: int
    bytes: int


class SnapshotRecords:
    engine: Engine

    def revision(self) -> int:
        """Moves on every write a view can see."""
        with self.engine.connect() as conn:
            return read_revision(conn)

    def snapshot(self, scope: str, view: str) -> Snapshot | None:
        """The stored payload of ``view`` over ``scope``, or None when there is none."""
        s = schema.view_snapshots
        with self.engine.connect() as conn:
            row = conn.execute(select(s).where(s.c.scope == scope, s.c.view == view)).first()
        if row is None:
            return None
        return Snapshot(row.scope, row.view, row.revision, row.articles, json.loads(row.payload))

    def put_snapshots(
        self, scope: str, payloads: Mapping[str, Any], *, revision: int, articles: int
    ) -> None:
        """Replace every stored payload of ``scope`` by ``payloads`` as one unit, so a
        scope's views are always of one revision (the overview and the digest it
        quotes agree). Writing them does not move the revision."""
        s = schema.view_snapshots
        rows = [
            {
                "scope": scope,
                "view": view,
                "revision": revision,
                "articles": articles,
                "payload": json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
            }
            for view, payload in payloads.items()
        ]
        with self.engine.begin() as conn:
            conn.execute(delete(s).where(s.c.scope == scope))
            if rows:
                conn.execute(insert(s), rows)

    def drop_snapshots(self, scopes: list[str] | None = None) -> int:
        """Forget the stored payloads of ``scopes`` (None: all); returns the rows dropped."""
        s = schema.view_snapshots
        query = delete(s) if scopes is None else delete(s).where(s.c.scope.in_(scopes))
        with self.engine.begin() as conn:
            return int(conn.execute(query).rowcount or 0)

    def snapshot_scopes(self) -> list[ScopeInfo]:
        """What is materialized: each scope with its revision, size and view count."""
        from sqlalchemy import func

        s = schema.view_snapshots
        query = select(
            s.c.scope,
            func.min(s.c.revision),
            func.min(s.c.articles),
            func.count(),
            func.sum(func.length(s.c.payload)),
        ).group_by(s.c.scope)
        with self.engine.connect() as conn:
            return [
                ScopeInfo(r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4] or 0))
                for r in conn.execute(query.order_by(s.c.scope))
            ]
