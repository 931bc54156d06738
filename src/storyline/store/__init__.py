"""The store: every stage's records, SQLite by default, PostgreSQL for teams.

``Store("storyline.db")``, ``Store(":memory:")`` or
``Store("postgresql://user@host/db")``. Writes are idempotent: an article
already stored is left as it is; an article's annotations and the corpus-wide
links are replaced as a unit inside one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import StaticPool

from ..errors import NotFound, StoreError
from ..models import (
    Annotations,
    Article,
    Citation,
    Copy,
    Entity,
    EntityMention,
    ItemError,
    MentionRef,
    Quantity,
    Quote,
    Sentence,
    SentenceDate,
    Timex,
)
from . import schema
from .link_state import LinkState
from .migrations import check_is_storyline, migrate, pending
from .rows import article_from_row, article_row, batches, row_reader, to_row
from .snapshots import SnapshotRecords, bump_revision, read_revision, state_value
from .stories import StoryRecords, StoryRow, StoryUpdate, follow
from .work import WorkRecords, queue, unqueue

__all__ = ["Store", "StoryRow", "StoryUpdate", "database_url", "redact"]

_READ_BATCH = 10_000  # rows a streamed read fetches at a time

_ANNOTATION_FIELDS = (
    ("sentences", schema.sentences, Sentence),
    ("mentions", schema.mentions, EntityMention),
    ("timexes", schema.timexes, Timex),
    ("sentence_dates", schema.sentence_dates, SentenceDate),
    ("quotes", schema.quotes, Quote),
    ("citations", schema.citations, Citation),
    ("quantities", schema.quantities, Quantity),
)


def redact(target: str) -> str:
    """``target`` fit to print: a password in a database URL becomes ``***``."""
    if "://" not in target:
        return target
    scheme, _, rest = target.partition("://")
    netloc, slash, path = rest.partition("/")
    if "@" in netloc:
        userinfo, _, host = netloc.rpartition("@")
        if ":" in userinfo:
            userinfo = userinfo.split(":", 1)[0] + ":***"
        netloc = f"{userinfo}@{host}"
    return f"{scheme}://{netloc}{slash}{_redact_query(path)}"


def _redact_query(path: str) -> str:
    # libpq also takes ``?password=...`` in the query string.
    if "?" not in path:
        return path
    base, _, query = path.partition("?")
    parts = [
        f"{k}=***" if k.lower() == "password" else f"{k}={v}" if sep else k
        for k, sep, v in (item.partition("=") for item in query.split("&"))
    ]
    return base + "?" + "&".join(parts)


def scrub(message: str, target: str) -> str:
    """``message`` with every secret of ``target`` replaced, in case a driver echoed it."""
    if "://" not in target:
        return message
    secrets = []
    netloc = target.partition("://")[2].partition("/")[0]
    userinfo = netloc.rpartition("@")[0]
    if ":" in userinfo:
        secrets.append(userinfo.split(":", 1)[1])
    for item in target.partition("?")[2].split("&"):
        key, _, value = item.partition("=")
        if key.lower() == "password" and value:
            secrets.append(value)
    for secret in secrets:
        if secret:
            message = message.replace(secret, "***")
    return message.replace(target, redact(target))


def database_url(target: str | Path, *, read_only: bool = False) -> str:
    target = str(target)
    if "://" in target:
        if target.startswith("postgresql://"):
            return "postgresql+psycopg://" + target[len("postgresql://") :]
        return target
    if target == ":memory:":
        return "sqlite://"
    path = Path(target).expanduser().resolve()
    if read_only:
        return f"sqlite:///file:{path}?mode=ro&uri=true"
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class Store(StoryRecords, WorkRecords, SnapshotRecords):
    """Persisted records of every stage. Safe to open many times; cheap to keep."""

    def __init__(self, target: str | Path = "storyline.db", *, read_only: bool = False) -> None:
        self.target = str(target)
        self.shown = redact(self.target)  # the only form of the target any message carries
        self.read_only = read_only
        if read_only and self.target != ":memory:" and "://" not in self.target:
            if not Path(self.target).exists():
                raise StoreError(f"no store at {self.shown}; run `storyline add` first", code="E401")
        url = database_url(target, read_only=read_only)
        kwargs: dict[str, Any] = {}
        if url == "sqlite://":
            # One shared connection, or every connection would see its own empty database.
            kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        elif url.startswith("sqlite"):
            kwargs = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        self.engine: Engine = create_engine(url, **kwargs)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            with self.engine.begin() as conn:
                check_is_storyline(conn, self.shown)
                if read_only:
                    if pending(conn):
                        raise StoreError(
                            f"store {self.shown} needs migrating; open it once for writing",
                            code="E402",
                        )
                else:
                    migrate(conn)
                    if url.startswith("sqlite") and url != "sqlite://":
                        conn.execute(text("PRAGMA journal_mode=WAL"))
        except StoreError:
            self.engine.dispose()
            raise
        except OperationalError as exc:
            self.engine.dispose()
            detail = scrub(str(exc.orig), self.target)
            if "not a database" in detail or "malformed" in detail:
                raise StoreError(f"{self.shown} is not a storyline store ({detail})", code="E405") from None
            raise StoreError(f"cannot open store {self.shown}: {detail}", code="E403") from None
        except DatabaseError as exc:  # "file is not a database", a damaged file
            self.engine.dispose()
            detail = scrub(str(exc.orig), self.target)
            raise StoreError(f"{self.shown} is not a storyline store ({detail})", code="E405") from None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- articles --------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> tuple[list[str], list[str]]:
        """Insert articles not stored yet. Returns (added ids, already-present ids).

        An article is stored already when its id or its hash of the text as read
        (``Article.read_id``) is: the second finds a page whose id a newer furniture
        rule moved. Present ids are the stored ones."""
        added: list[str] = []
        present: list[str] = []
        a = schema.articles
        with self.engine.begin() as conn:
            seq = conn.execute(select(func.coalesce(func.max(a.c.seq), 0))).scalar_one()
            seen: dict[str, str] = {}  # ids and read ids of what this call adds -> its id
            for article in articles:
                keys = [article.id, *([f"r:{article.read_id}"] if article.read_id else [])]
                same = or_(a.c.id == article.id, a.c.read_id == (article.read_id or article.id))
                stored = next((seen[k] for k in keys if k in seen), None) or conn.execute(
                    select(a.c.id).where(same).limit(1)
                ).scalar()
                if stored:
                    present.append(stored)
                    continue
                seq += 1
                conn.execute(insert(a).values(**article_row(article, seq)))
                added.append(article.id)
                seen.update(dict.fromkeys(keys, article.id))
            if added:
                queue(conn, "annotate", added)
                queue(conn, "stories", added)
                _bump_generation(conn)
                bump_revision(conn)
        return added, present

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(schema.articles.c.id).order_by(schema.articles.c.seq))]

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Articles by publication date (undated last), then arrival order."""
        query = select(schema.articles)
        if ids is not None:
            query = query.where(schema.articles.c.id.in_(list(ids)))
        query = query.order_by(
            schema.articles.c.published.is_(None), schema.articles.c.published, schema.articles.c.seq
        )
        with self.engine.connect() as conn:
            return [article_from_row(r) for r in conn.execute(query)]

    def article(self, article_id: str) -> Article:
        found = self.articles([article_id])
        if not found:
            raise NotFound(f"no article with id {article_id!r}", code="E404")
        return found[0]

    # ---- annotations -----------------------------------------------------

    def put_annotations(self, annotations: Iterable[Annotations], pipeline: str) -> int:
        count = 0
        done: list[str] = []
        with self.engine.begin() as conn:
            for ann in annotations:
                self._delete_annotations(conn, ann.article_id)
                for name, table, _cls in _ANNOTATION_FIELDS:
                    columns = table.c.keys()
                    rows = [
                        {
                            k: v
                            for k, v in to_row(rec, article_id=ann.article_id, idx=i).items()
                            if k in columns
                        }
                        for i, rec in enumerate(getattr(ann, name))
                    ]
                    if rows:
                        conn.execute(insert(table), rows)
                conn.execute(insert(schema.annotated).values(article_id=ann.article_id, pipeline=pipeline))
                done.append(ann.article_id)
                count += 1
            # annotated now: owed to the link, and no longer a failure of any version
            unqueue(conn, ("annotate",), done)
            queue(conn, "link", done)
            f = schema.annotation_failures
            for batch in batches(done):
                conn.execute(delete(f).where(f.c.article_id.in_(batch)))
            if count:
                _bump_generation(conn)
                bump_revision(conn)
        return count

    def put_failures(self, failures: Iterable[tuple[str, ItemError]], pipeline: str) -> None:
        """Record (article id, error) for articles this pipeline version failed on."""
        f = schema.annotation_failures
        with self.engine.begin() as conn:
            for article_id, error in failures:
                conn.execute(delete(f).where(f.c.article_id == article_id))
                unqueue(conn, ("annotate",), [article_id])
                conn.execute(
                    insert(f).values(
                        article_id=article_id, pipeline=pipeline, code=error.code, message=error.message
                    )
                )
            bump_revision(conn)

    # ---- run state -------------------------------------------------------

    def generation(self) -> int:
        """Moves on every write of articles or annotations."""
        with self.engine.connect() as conn:
            return state_value(conn, "generation")

    def fingerprint(self) -> Hashable:
        """Changes whenever the stored content may have changed: the file and WAL
        stats of a SQLite file (no connection taken), else the store's generations
        and revision (one short read: counting rows costs seconds at 100,000 articles)."""
        if self.dialect == "sqlite" and self.target != ":memory:" and "://" not in self.target:
            path = Path(self.target).expanduser()
            stats: list[tuple[int, int]] = []
            for suffix in ("", "-wal"):
                try:
                    st = (path.parent / (path.name + suffix)).stat()
                except FileNotFoundError:
                    stats.append((0, 0))
                else:
                    stats.append((st.st_mtime_ns, st.st_size))
            return tuple(stats)
        with self.engine.connect() as conn:
            return (
                state_value(conn, "generation"),
                state_value(conn, "linked_generation"),
                read_revision(conn),
            )

    def links_current(self) -> bool:
        """Whether the stored links were computed from the stored articles and annotations."""
        with self.engine.connect() as conn:
            return state_value(conn, "linked_generation") == state_value(conn, "generation")

    def link_rules(self) -> int:
        """The version of the link rules the stored links were made by (-1: none
        recorded, a store linked before versions were kept)."""
        with self.engine.connect() as conn:
            return state_value(conn, "link_rules")

    def _delete_annotations(self, conn: Any, article_id: str) -> None:
        for _name, table, _cls in _ANNOTATION_FIELDS:
            conn.execute(delete(table).where(table.c.article_id == article_id))
        conn.execute(delete(schema.annotated).where(schema.annotated.c.article_id == article_id))

    def annotations(self, ids: Sequence[str] | None = None) -> dict[str, Annotations]:
        """Stored annotations by article id (articles never annotated are absent)."""
        with self.engine.connect() as conn:
            a = schema.articles
            # Same order as ``articles()``, so every view lists the same way on any backend.
            query = (
                select(schema.annotated.c.article_id)
                .join(a, a.c.id == schema.annotated.c.article_id)
                .order_by(a.c.published.is_(None), a.c.published, a.c.seq)
            )
            if ids is not None:
                query = query.where(schema.annotated.c.article_id.in_(list(ids)))
            done = [r[0] for r in conn.execute(query)]
            parts: dict[str, dict[str, list[Any]]] = {i: {} for i in done}
            for name, table, cls in _ANNOTATION_FIELDS:
                query = select(table).order_by(table.c.article_id, table.c.idx)
                if ids is not None:
                    query = query.where(table.c.article_id.in_(list(ids)))
                # Streamed: PostgreSQL's driver would otherwise hold a whole table's
                # rows (millions at 100,000 articles) beside the records built from them.
                result = conn.execute(query.execution_options(yield_per=_READ_BATCH))
                columns = list(result.keys())
                read, aid_at = row_reader(cls, columns), columns.index("article_id")
                for row in result:
                    aid = row[aid_at]
                    if aid in parts:
                        parts[aid].setdefault(name, []).append(read(row))
        return {
            aid: Annotations(article_id=aid, **{k: tuple(v) for k, v in fields.items()})
            for aid, fields in parts.items()
        }

    def search_sentences(self, query: str, limit: int = 50) -> list[tuple[str, int, str]]:
        """(article id, sentence index, text) matching a full-text query."""
        query = "".join(ch if ch >= " " else " " for ch in query)  # no NUL reaches either engine
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                rows = conn.execute(
                    text(
                        "SELECT s.article_id, s.idx, s.text FROM sentences_fts "
                        "JOIN sentences AS s ON s.rowid = sentences_fts.rowid "
                        "WHERE sentences_fts MATCH :q ORDER BY sentences_fts.rank LIMIT :n"
                    ),
                    {"q": _fts_query(query), "n": limit},
                )
            else:
                rows = conn.execute(
                    text(
                        "SELECT article_id, idx, text FROM sentences WHERE to_tsvector('english', text) "
                        "@@ plainto_tsquery('english', :q) LIMIT :n"
                    ),
                    {"q": query, "n": limit},
                )
            return [(r[0], int(r[1]), r[2]) for r in rows]

    # ---- links -----------------------------------------------------------

    def replace_links(
        self,
        entities: Sequence[Entity],
        copies: Sequence[Copy],
        *,
        generation: int | None = None,
        mints: Mapping[str, MentionRef] | None = None,
        redirects: Mapping[str, str] | None = None,
    ) -> bool:
        """Replace every link as one unit; ``generation`` is the store generation
        (``generation()``) read before the links were computed from the store.
        Links from an older generation than the stored ones are not written (a
        concurrent run got there with newer ones); returns whether they were.
        ``mints`` and ``redirects`` (``link.entity_ids``), when given, replace the
        stored entity-id state in the same transaction."""
        with self.engine.begin() as conn:
            if generation is not None:
                # Write first (takes the write lock at once), guarded by the generation.
                state = schema.store_state
                moved = conn.execute(
                    update(state)
                    .where(state.c.key == "linked_generation", state.c.value <= generation)
                    .values(value=generation)
                ).rowcount
                if not moved:
                    return False
            conn.execute(delete(schema.entity_mentions))
            conn.execute(delete(schema.entities))
            conn.execute(delete(schema.copies))
            bump_revision(conn)
            if entities:
                conn.execute(
                    insert(schema.entities),
                    [
                        {"id": e.id, "name": e.name, "type": e.type, "aliases": json.dumps(list(e.aliases), ensure_ascii=False)}
                        for e in entities
                    ],
                )
                refs = [
                    {"entity_id": e.id, "article_id": m.article, "mention_idx": m.index}
                    for e in entities
                    for m in e.mentions
                ]
                if refs:
                    conn.execute(insert(schema.entity_mentions), refs)
            if mints is not None:
                conn.execute(delete(schema.entity_mints))
                if mints:
                    conn.execute(
                        insert(schema.entity_mints),
                        [
                            {"id": k, "article_id": ref.article, "mention_idx": ref.index}
                            for k, ref in mints.items()
                        ],
                    )
            if redirects is not None:
                conn.execute(delete(schema.entity_redirects))
                if redirects:
                    conn.execute(
                        insert(schema.entity_redirects),
                        [{"old_id": k, "new_id": v} for k, v in redirects.items()],
                    )
            if copies:
                conn.execute(
                    insert(schema.copies),
                    [
                        {"article_id": c.article, "copy_of": c.copy_of, "kind": c.kind, "similarity": c.similarity}
                        for c in copies
                    ],
                )
        return True

    def entities(self, articles: Iterable[str] | None = None) -> list[Entity]:
        """Every entity with its mentions; with ``articles``, only the entities
        mentioned there, with those mentions only (one story's, read by index
        rather than the pile's millions of mentions)."""
        em = schema.entity_mentions
        order = (em.c.article_id, em.c.mention_idx)
        with self.engine.connect() as conn:
            if articles is None:
                queries = [select(em).order_by(*order)]
            else:
                queries = [
                    select(em).where(em.c.article_id.in_(batch)).order_by(*order)
                    for batch in batches(sorted(set(articles)))
                ]
            refs: dict[str, list[MentionRef]] = {}
            for query in queries:
                for row in conn.execute(query):
                    m = row._mapping
                    refs.setdefault(m["entity_id"], []).append(MentionRef(m["article_id"], m["mention_idx"]))
            e = schema.entities
            if articles is None:
                rows = list(conn.execute(select(e).order_by(e.c.id)))
            else:
                some = [r for b in batches(refs) for r in conn.execute(select(e).where(e.c.id.in_(b)))]
                rows = sorted(some, key=lambda r: r.id)  # ids are "E" + hex: any collation agrees
            return [
                Entity(
                    id=r.id,
                    name=r.name,
                    type=r.type,
                    aliases=tuple(json.loads(r.aliases)),
                    mentions=tuple(refs.get(r.id, ())),
                )
                for r in rows
            ]

    def entity_ids(self) -> tuple[dict[str, MentionRef], dict[str, str]]:
        """Every minted entity id with the mention it was minted from, and the
        redirects of merged ids (old id -> live id)."""
        with self.engine.connect() as conn:
            mints = {
                r.id: MentionRef(r.article_id, r.mention_idx)
                for r in conn.execute(select(schema.entity_mints))
            }
            return mints, self._entity_redirects(conn)

    @staticmethod
    def _entity_redirects(conn: Any) -> dict[str, str]:
        return {r[0]: r[1] for r in conn.execute(select(schema.entity_redirects))}

    def entity_redirects(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return self._entity_redirects(conn)

    def resolve_entity(self, entity_id: str) -> str:
        """The live id of ``entity_id`` (a merged entity's id leads to the one it
        joined); NotFound when there is none."""
        with self.engine.connect() as conn:
            entity_id = follow(self._entity_redirects(conn), entity_id)
            found = conn.execute(
                select(schema.entities.c.id).where(schema.entities.c.id == entity_id)
            ).first()
        if not found:
            raise NotFound(
                f"no entity with id {entity_id!r}; `storyline entities` lists them", code="E408"
            )
        return entity_id

    @contextmanager
    def link_transaction(self) -> Iterator[LinkState]:
        """The incremental link's indexes (``link_state``) in one transaction."""
        with self.engine.begin() as conn:
            yield LinkState(conn)
            bump_revision(conn)

    def copies(self, articles: Iterable[str] | None = None) -> list[Copy]:
        """Every copy link; with ``articles``, the links of those copies only."""
        c = schema.copies
        if articles is None:
            queries = [select(c).order_by(c.c.article_id)]
        else:
            queries = [
                select(c).where(c.c.article_id.in_(batch)).order_by(c.c.article_id)
                for batch in batches(sorted(set(articles)))
            ]
        with self.engine.connect() as conn:
            return [
                Copy(r.article_id, r.copy_of, r.kind, r.similarity)
                for query in queries
                for r in conn.execute(query)
            ]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (
                    ("articles", schema.articles),
                    ("annotated", schema.annotated),
                    ("sentences", schema.sentences),
                    ("entities", schema.entities),
                    ("quotes", schema.quotes),
                )
            }


def _bump_generation(conn: Any) -> None:
    state = schema.store_state
    conn.execute(update(state).where(state.c.key == "generation").values(value=state.c.value + 1))


def _fts_query(query: str) -> str:
    """Quote each word so user input is never FTS5 syntax."""
    words = [w.replace('"', '""') for w in query.split() if w.strip()]
    return " ".join(f'"{w}"' for w in words) or '""'
