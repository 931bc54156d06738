"""The store's story records (issue 21): the online clusterer's state, each
article's story, and the redirects merges leave. A part of ``Store``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from sqlalchemy import Engine, delete, func, insert, select
from sqlalchemy import update as sa_update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..errors import NotFound
from . import schema
from .rows import batches
from .snapshots import bump_revision
from .work import unqueue


def follow(redirects: Mapping[str, str], record_id: str) -> str:
    """Where ``record_id`` leads after merges (itself when it was never merged);
    a cycle stops where it would repeat."""
    seen: set[str] = set()
    while record_id in redirects and record_id not in seen:
        seen.add(record_id)
        record_id = redirects[record_id]
    return record_id


class StoryRow(TypedDict):
    """A story as stored: the shape of ``stories`` in spec/cli.md."""

    id: str
    title: str
    first: str  # ISO dates
    last: str
    size: int
    articles: list[str]


@dataclass(frozen=True)
class StoryUpdate:
    """What one assignment of new articles changes (``link.story_index``)."""

    meta: str  # the clusterer's settings and document count (JSON)
    assignments: Mapping[str, str]  # new: article -> story id
    redirects: Mapping[str, str]  # new: merged-away id -> the id it joined
    rows: Sequence[StoryRow]  # stories started, joined or merged into (members not read)
    states: Mapping[str, str]  # their clusterer states (JSON), by id
    gone: Sequence[str]  # stories merged away: their rows and states go
    terms: Mapping[str, int]  # articles added per term (document frequencies)


def _add_term_counts(conn: Any, counts: Mapping[str, int]) -> None:
    """Add ``counts`` to the stored document frequencies, one statement a batch."""
    t = schema.story_terms
    dialect = conn.dialect.name
    for batch in batches(sorted(counts.items())):
        values = [{"term": k, "docs": n} for k, n in batch]
        if dialect in ("sqlite", "postgresql"):
            upsert = sqlite_insert if dialect == "sqlite" else postgresql_insert
            statement = upsert(t).values(values)
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=[t.c.term], set_={"docs": t.c.docs + statement.excluded.docs}
                )
            )
            continue
        for v in values:  # another database: one term at a time
            if not conn.execute(
                sa_update(t).where(t.c.term == v["term"]).values(docs=t.c.docs + v["docs"])
            ).rowcount:
                conn.execute(insert(t).values(**v))


class StoryRecords:
    """Story methods of ``Store`` (which sets ``engine``)."""

    engine: Engine

    def story_state(self) -> tuple[int, str]:
        """The online story clusterer's state (JSON, "" before any) and its version."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(schema.story_index.c.version, schema.story_index.c.state).where(
                    schema.story_index.c.key == "index"
                )
            ).first()
        return (int(row[0]), str(row[1])) if row else (0, "")

    def unassigned(self) -> list[str]:
        """Ids of articles in no story yet, by publication date (undated last), then
        arrival: the ``stories`` queue (``work``)."""
        a, s, p = schema.articles, schema.article_stories, schema.pending
        query = (
            select(a.c.id)
            .select_from(p)
            .join(a, a.c.id == p.c.article_id)
            .outerjoin(s, s.c.article_id == a.c.id)
            .where(p.c.stage == "stories", s.c.article_id.is_(None))
            .order_by(a.c.published.is_(None), a.c.published, a.c.seq)
        )
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(query)]

    def story_states(self, since: str | None) -> list[str]:
        """The stored stories (JSON states) whose last day is ``since`` or later
        (every one for None)."""
        t = schema.story_states
        query = select(t.c.state).order_by(t.c.id)
        if since is not None:
            query = query.where(t.c.last_day >= since)
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(query)]

    def latest_story_day(self) -> str | None:
        """The last day of the most recent story (ISO), None before any."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(schema.story_states.c.last_day))).scalar_one()

    def story_terms(self, terms: Iterable[str]) -> dict[str, int]:
        """How many stored articles have each of ``terms`` (absent: none)."""
        t = schema.story_terms
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for batch in batches(terms):
                out.update(
                    (r[0], int(r[1])) for r in conn.execute(select(t).where(t.c.term.in_(batch)))
                )
        return out

    def put_stories(self, update: StoryUpdate, *, version: int) -> bool:
        """Write what one assignment changed (``StoryUpdate``) as one unit, if the
        stored state is still at ``version`` (read with ``story_state``); returns
        whether it was (False: a concurrent writer got there first)."""
        with self.engine.begin() as conn:
            idx = schema.story_index
            moved = conn.execute(
                sa_update(idx)
                .where(idx.c.key == "index", idx.c.version == version)
                .values(version=version + 1, state=update.meta)
            ).rowcount
            if not moved:
                return False
            bump_revision(conn)
            if update.assignments:
                conn.execute(
                    insert(schema.article_stories),
                    [{"article_id": a, "story_id": s} for a, s in update.assignments.items()],
                )
                unqueue(conn, ("stories",), update.assignments)
            if update.redirects:
                moved_ids = list(update.redirects)
                conn.execute(
                    delete(schema.story_redirects).where(
                        schema.story_redirects.c.old_id.in_(moved_ids)
                    )
                )
                conn.execute(
                    insert(schema.story_redirects),
                    [{"old_id": o, "new_id": n} for o, n in update.redirects.items()],
                )
            rows, states = schema.stories, schema.story_states
            for batch in batches([*update.gone, *(r["id"] for r in update.rows)]):
                conn.execute(delete(rows).where(rows.c.id.in_(batch)))
                conn.execute(delete(states).where(states.c.id.in_(batch)))
            if update.rows:
                conn.execute(
                    insert(rows),
                    [
                        {
                            "id": r["id"],
                            "title": r["title"],
                            "first_day": r["first"],
                            "last_day": r["last"],
                            "size": r["size"],
                        }
                        for r in update.rows
                    ],
                )
                conn.execute(
                    insert(states),
                    [
                        {"id": r["id"], "last_day": r["last"], "state": update.states[r["id"]]}
                        for r in update.rows
                    ],
                )
            _add_term_counts(conn, update.terms)
        return True

    def story_titles(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """Story id -> title, for the live stories (those of ``ids`` when given)."""
        st = schema.stories
        with self.engine.connect() as conn:
            if ids is None:
                return {r[0]: r[1] for r in conn.execute(select(st.c.id, st.c.title))}
            out: dict[str, str] = {}
            for batch in batches(ids):
                query = select(st.c.id, st.c.title).where(st.c.id.in_(batch))
                out.update((r[0], r[1]) for r in conn.execute(query))
            return out

    def story_redirects(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {r[0]: r[1] for r in conn.execute(select(schema.story_redirects))}

    def resolve_story(self, story_id: str) -> str:
        """The live id of ``story_id`` (after merges); NotFound when there is none."""
        story_id = follow(self.story_redirects(), story_id)
        with self.engine.connect() as conn:
            found = conn.execute(
                select(schema.stories.c.id).where(schema.stories.c.id == story_id)
            ).first()
        if not found:
            raise NotFound(
                f"no story with id {story_id!r}; `storyline stories` lists them", code="E407"
            )
        return story_id

    def story_assignments(self) -> dict[str, str]:
        """Article id -> live story id (redirects followed), by publication date."""
        redirects = self.story_redirects()
        a, s = schema.articles, schema.article_stories
        query = (
            select(s.c.article_id, s.c.story_id)
            .join(a, a.c.id == s.c.article_id)
            .order_by(a.c.published.is_(None), a.c.published, a.c.seq)
        )
        with self.engine.connect() as conn:
            return {r[0]: follow(redirects, r[1]) for r in conn.execute(query)}

    def story_members(self, story_id: str) -> list[str]:
        """The articles of the live story ``story_id`` (and of every story merged into
        it), by publication date: read through the story index, not the pile's."""
        redirects = self.story_redirects()
        ids = [story_id, *(old for old in redirects if follow(redirects, old) == story_id)]
        a, s = schema.articles, schema.article_stories
        found: list[tuple[Any, ...]] = []
        with self.engine.connect() as conn:
            for batch in batches(ids):
                query = (
                    select(s.c.article_id, a.c.published, a.c.seq)
                    .join(a, a.c.id == s.c.article_id)
                    .where(s.c.story_id.in_(batch))
                )
                found.extend(tuple(r) for r in conn.execute(query))
        found.sort(key=lambda r: (r[1] is None, r[1] or dt.date.min, r[2]))
        return [r[0] for r in found]

    def stories(self) -> list[StoryRow]:
        """Every live story with its articles (by publication date), largest first."""
        members: dict[str, list[str]] = {}
        for article_id, story_id in self.story_assignments().items():
            members.setdefault(story_id, []).append(article_id)
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(schema.stories).order_by(
                    schema.stories.c.size.desc(), schema.stories.c.first_day, schema.stories.c.id
                )
            )
            return [
                StoryRow(
                    id=r.id,
                    title=r.title,
                    first=r.first_day,
                    last=r.last_day,
                    size=r.size,
                    articles=members.get(r.id, []),
                )
                for r in rows
            ]
