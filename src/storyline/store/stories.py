"""The store's story records (issue 21): the online clusterer's state, each
article's story, and the redirects merges leave. A part of ``Store``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict

from sqlalchemy import Engine, delete, insert, select, update

from ..errors import NotFound
from . import schema
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

    def put_stories(
        self,
        state: str,
        *,
        version: int,
        assignments: Mapping[str, str],
        redirects: Mapping[str, str],
        stories: Sequence[StoryRow],
    ) -> bool:
        """Write the clusterer's new ``state``, the new articles' ``assignments``
        (article -> story id), new ``redirects`` and every live story's row, as one
        unit, if the stored state is still at ``version`` (read with ``story_state``);
        returns whether it was (False: a concurrent writer got there first)."""
        with self.engine.begin() as conn:
            idx = schema.story_index
            moved = conn.execute(
                update(idx)
                .where(idx.c.key == "index", idx.c.version == version)
                .values(version=version + 1, state=state)
            ).rowcount
            if not moved:
                return False
            if assignments:
                conn.execute(
                    insert(schema.article_stories),
                    [{"article_id": a, "story_id": s} for a, s in assignments.items()],
                )
                unqueue(conn, ("stories",), assignments)
            if redirects:
                moved_ids = list(redirects)
                conn.execute(
                    delete(schema.story_redirects).where(
                        schema.story_redirects.c.old_id.in_(moved_ids)
                    )
                )
                conn.execute(
                    insert(schema.story_redirects),
                    [{"old_id": o, "new_id": n} for o, n in redirects.items()],
                )
            conn.execute(delete(schema.stories))
            if stories:
                conn.execute(
                    insert(schema.stories),
                    [
                        {
                            "id": r["id"],
                            "title": r["title"],
                            "first_day": r["first"],
                            "last_day": r["last"],
                            "size": r["size"],
                        }
                        for r in stories
                    ],
                )
        return True

    def story_titles(self) -> dict[str, str]:
        """Story id -> title, for the live stories."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.stories.c.id, schema.stories.c.title))
            return {r[0]: r[1] for r in rows}

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
