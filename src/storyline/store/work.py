"""What each stage still owes the stored articles (issue 21), read from the work
queues (``schema.pending``) rather than found by scanning the store: the cost of
one ``add`` must not grow with the store it adds to. A part of ``Store``.

The queues are kept in the same transaction as the records they stand for:
``queue`` where the work arises (an article stored, annotations stored),
``unqueue`` where it is done. A reader joins the queue to the records anyway
(an article queued but already done is not owed), so the queue only bounds
what is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Engine, FromClause, and_, delete, func, insert, select

from ..models import ItemError
from . import schema
from .rows import batches


def queue(conn: Any, stage: str, article_ids: Iterable[str]) -> None:
    """Owe ``stage``'s work on ``article_ids`` (already owed: owed once)."""
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return
    unqueue(conn, (stage,), ids)
    conn.execute(insert(schema.pending), [{"stage": stage, "article_id": i} for i in ids])


def unqueue(conn: Any, stages: Sequence[str], article_ids: Iterable[str]) -> None:
    """``stages`` are done with ``article_ids``."""
    p = schema.pending
    for batch in batches(article_ids):
        conn.execute(delete(p).where(p.c.stage.in_(list(stages)), p.c.article_id.in_(batch)))


class WorkRecords:
    """Work-owed methods of ``Store`` (which sets ``engine``)."""

    engine: Engine

    def unannotated(self, pipeline: str) -> list[str]:
        """Ids of articles with no annotations from this pipeline version, less those
        this version already failed on (``failures``), in arrival order. Read from the
        ``annotate`` queue while every stored annotation and failure is of this
        version; a new version owes every article, found by the anti-join."""
        a, n, f, p = schema.articles, schema.annotated, schema.annotation_failures, schema.pending
        with self.engine.connect() as conn:
            other = (
                conn.execute(
                    select(n.c.article_id).where(n.c.pipeline != pipeline).limit(1)
                ).first()
                or conn.execute(
                    select(f.c.article_id).where(f.c.pipeline != pipeline).limit(1)
                ).first()
            )
            owed: FromClause = a  # every article, when another version's work is stored
            if not other:  # else every article owed is in the queue
                owed = a.join(p, and_(p.c.article_id == a.c.id, p.c.stage == "annotate"))
            done = and_(n.c.article_id == a.c.id, n.c.pipeline == pipeline)
            failed = and_(f.c.article_id == a.c.id, f.c.pipeline == pipeline)
            query = (
                select(a.c.id)
                .select_from(owed.outerjoin(n, done).outerjoin(f, failed))
                .where(n.c.article_id.is_(None), f.c.article_id.is_(None))
                .order_by(a.c.seq)
            )
            return [r[0] for r in conn.execute(query)]

    def failures(self) -> list[ItemError]:
        """Articles annotation failed on (any pipeline version), as item errors, in
        arrival order: read from the failures, each article looked up by its key."""
        f, a = schema.annotation_failures, schema.articles
        with self.engine.connect() as conn:
            rows = list(conn.execute(select(f.c.article_id, f.c.code, f.c.message)))
            where: dict[str, tuple[int, str | None]] = {}
            for batch in batches(r[0] for r in rows):
                for r in conn.execute(select(a.c.id, a.c.seq, a.c.path).where(a.c.id.in_(batch))):
                    where[r[0]] = (r[1], r[2])
        known = [r for r in rows if r[0] in where]
        known.sort(key=lambda r: where[r[0]][0])
        return [ItemError(where[r[0]][1] or r[0], r[1], r[2]) for r in known]

    def outlet_pages(self, outlet_keys: Iterable[str], per_outlet: int) -> list[str]:
        """For each outlet key, the ids of its newest ``per_outlet`` stored articles
        (by publication date, then latest arrival; undated after dated): the pages
        an added article's furniture is judged against."""
        a = schema.articles
        out: list[str] = []
        with self.engine.connect() as conn:
            for key in sorted(set(outlet_keys)):
                if per_outlet <= 0:
                    break
                dated = (
                    select(a.c.id)
                    .where(a.c.outlet_key == key, a.c.published.is_not(None))
                    .order_by(a.c.published.desc(), a.c.seq.desc())
                    .limit(per_outlet)
                )
                found = [r[0] for r in conn.execute(dated)]
                if len(found) < per_outlet:
                    undated = (
                        select(a.c.id)
                        .where(a.c.outlet_key == key, a.c.published.is_(None))
                        .order_by(a.c.seq.desc())
                        .limit(per_outlet - len(found))
                    )
                    found += [r[0] for r in conn.execute(undated)]
                out.extend(found)
        return out

    def not_annotated(self) -> int:
        """How many articles have no annotations at all (an interrupted or failed run)."""
        a, n = schema.articles, schema.annotated
        query = (
            select(func.count())
            .select_from(a.outerjoin(n, n.c.article_id == a.c.id))
            .where(n.c.article_id.is_(None))
        )
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())
