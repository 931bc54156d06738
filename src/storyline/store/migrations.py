"""Registered migrations, tracked in ``storyline_migrations`` (sqlite-utils style).

Each migration is a function of a connection; ``migrate`` applies the ones a
database has not seen, in order, each in its own transaction. Never edit a
released migration: add a new one.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    MetaData,
    String,
    Table,
    bindparam,
    insert,
    literal,
    or_,
    select,
    text,
    update,
)
from sqlalchemy import inspect as sa_inspect

from ..errors import StoreError
from . import schema

Migration = tuple[int, str, Callable[[Connection], None]]


# Tables that later migrations add: the initial schema stays what it was.
_LATER = {
    "storyline_migrations",
    "store_state",
    "annotation_failures",
    "stories",
    "article_stories",
    "story_redirects",
    "story_index",
    "entity_mints",
    "entity_redirects",
    "pending",
    "story_states",
    "story_terms",
    *(t.name for t in schema.LINK_STATE_TABLES),
}
# Columns that later migrations add to tables of the initial schema (table -> columns):
# a new store gets them from those migrations too, as an old one does.
_LATER_COLUMNS = {
    "quotes": frozenset({"confidence"}),
    "articles": frozenset({"outlet_key", "read_id"}),
}


def _as_first_released(table: Table, meta: MetaData) -> Table:
    """``table`` in ``meta`` without the columns later migrations add."""
    later = _LATER_COLUMNS.get(table.name)
    if not later:
        return table.to_metadata(meta)
    columns = [
        Column(
            c.name,
            c.type,
            *[ForeignKey(fk.target_fullname) for fk in c.foreign_keys],
            primary_key=c.primary_key,
            nullable=c.nullable,
        )
        for c in table.columns
        if c.name not in later
    ]
    return Table(table.name, meta, *columns)


def _initial(conn: Connection) -> None:
    meta = MetaData()
    tables = [
        _as_first_released(t, meta)
        for name, t in schema.metadata.tables.items()
        if name not in _LATER
    ]
    meta.create_all(conn, tables=tables)


def _sentence_search(conn: Connection) -> None:
    """Full-text search over sentences: FTS5 on SQLite, a GIN index on PostgreSQL.

    The FTS5 table is external-content over ``sentences`` and kept in sync by
    triggers, so replacing an article's sentences deletes by rowid (no scan).
    """
    if conn.dialect.name == "sqlite":
        for statement in (
            "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5("
            "text, content='sentences', content_rowid='rowid', tokenize='porter unicode61')",
            "CREATE TRIGGER IF NOT EXISTS sentences_fts_insert AFTER INSERT ON sentences BEGIN "
            "INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text); END",
            "CREATE TRIGGER IF NOT EXISTS sentences_fts_delete AFTER DELETE ON sentences BEGIN "
            "INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END",
        ):
            conn.execute(text(statement))
    elif conn.dialect.name == "postgresql":
        conn.execute(
            text(
                "CREATE INDEX IF NOT EXISTS sentences_text_search ON sentences "
                "USING GIN (to_tsvector('english', text))"
            )
        )


def _run_state(conn: Connection) -> None:
    """Store-wide run state (link generation) and recorded annotation failures."""
    schema.metadata.create_all(conn, tables=[schema.store_state, schema.annotation_failures])
    # Rows exist from the start, so writers only ever UPDATE them (atomic everywhere);
    # -1 makes a store that predates this migration relink once.
    conn.execute(
        insert(schema.store_state),
        [{"key": "generation", "value": 0}, {"key": "linked_generation", "value": -1}],
    )


def _quote_confidence(conn: Connection) -> None:
    """How sure the extractor is of each quote; NULL in rows stored before (read as 1.0)."""
    conn.execute(text("ALTER TABLE quotes ADD COLUMN confidence FLOAT"))


def _stories(conn: Connection) -> None:
    """Stories in a mixed pile (issue 21): assignments, redirects, the clusterer's state."""
    tables = [schema.stories, schema.article_stories, schema.story_redirects, schema.story_index]
    schema.metadata.create_all(conn, tables=tables)
    # The row exists from the start, so writers only ever UPDATE it, guarded by its version.
    conn.execute(insert(schema.story_index).values(key="index", version=0, state=""))


def _entity_ids(conn: Connection) -> None:
    """Incremental link (issue 21): its indexes, and entity ids minted once. Each
    stored entity keeps its id, minted from its earliest mention (by publication
    date, then article id), so ids already shown keep working after the next
    link; the indexes start empty, so the next link feeds every article once."""
    tables = [schema.entity_mints, schema.entity_redirects, *schema.LINK_STATE_TABLES]
    schema.metadata.create_all(conn, tables=tables)
    a, m = schema.articles, schema.entity_mentions
    query = (
        select(m.c.entity_id, m.c.article_id, m.c.mention_idx)
        .join(a, a.c.id == m.c.article_id)
        .order_by(a.c.published.is_(None), a.c.published, a.c.id, m.c.mention_idx)
    )
    first: dict[str, tuple[str, int]] = {}
    for entity_id, article_id, index in conn.execute(query):
        first.setdefault(entity_id, (article_id, index))
    if first:
        conn.execute(
            insert(schema.entity_mints),
            [{"id": e, "article_id": a_id, "mention_idx": i} for e, (a_id, i) in first.items()],
        )


def _scale_indexes(conn: Connection) -> None:
    """Indexes each ``add`` reads through (issue 23): the arrival order (a new
    article's ``seq`` is the max plus one) and copy relations by their original
    (``LinkState.relations_around``); without them both scan the store, which
    a 20,000-article store feels on every added article. A store made since has
    them from ``schema`` already."""
    for name, table, column in (
        ("ix_articles_seq", "articles", "seq"),
        ("ix_copy_relations_copy_of", "copy_relations", "copy_of"),
    ):
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({column})"))


def _work_queues(conn: Connection) -> None:
    """What each ``add`` owes, read without scanning the store (issue 21: the cost of
    adding one article must not grow with the store). The work queues (``schema.
    pending``), filled with what the store owes now; each article's outlet key, so an
    outlet's newest pages are an index range; an index on the annotating pipeline."""
    from ..text.outlets import outlet_key_of

    conn.execute(text("ALTER TABLE articles ADD COLUMN outlet_key TEXT"))
    a = schema.articles
    keys = [
        {"b_id": r[0], "b_key": outlet_key_of(r[1], r[2])}
        for r in conn.execute(select(a.c.id, a.c.outlet, a.c.url))
    ]
    if keys:
        conn.execute(
            update(a).where(a.c.id == bindparam("b_id")).values(outlet_key=bindparam("b_key")),
            keys,
        )
    for statement in (
        "CREATE INDEX IF NOT EXISTS ix_articles_outlet_recent ON articles (outlet_key, published, seq)",
        "CREATE INDEX IF NOT EXISTS ix_annotated_pipeline ON annotated (pipeline)",
    ):
        conn.execute(text(statement))
    p, n, f = schema.pending, schema.annotated, schema.annotation_failures
    d, s = schema.link_docs, schema.article_stories
    p.create(conn, checkfirst=True)
    owed = {
        "annotate": select(a.c.id)
        .outerjoin(n, n.c.article_id == a.c.id)
        .outerjoin(f, f.c.article_id == a.c.id)
        .where(n.c.article_id.is_(None), f.c.article_id.is_(None)),
        # linked from other annotations than the stored ones: ``needs_rebuild`` sees it
        "link": select(n.c.article_id)
        .outerjoin(d, d.c.article_id == n.c.article_id)
        .where(or_(d.c.article_id.is_(None), d.c.pipeline != n.c.pipeline)),
        "stories": select(a.c.id)
        .outerjoin(s, s.c.article_id == a.c.id)
        .where(s.c.article_id.is_(None)),
    }
    for stage, query in owed.items():
        ids = query.subquery()
        conn.execute(
            insert(p).from_select(["stage", "article_id"], select(literal(stage, String), *ids.c))
        )


def _story_rows(conn: Connection) -> None:
    """The clusterer's state as rows (``schema.story_states``, ``story_terms``): an
    add reads the stories it can reach and the frequencies of its own terms, not one
    JSON of every story and term. The stored JSON is split up; its member lists go
    (``article_stories`` holds them), as do its redirects (``story_redirects`` does)."""
    tables = [schema.story_states, schema.story_terms]
    schema.metadata.create_all(conn, tables=tables)
    idx = schema.story_index
    state = conn.execute(select(idx.c.state).where(idx.c.key == "index")).scalar_one_or_none()
    if not state:
        return
    data = json.loads(state)
    stories = [
        {
            "id": str(s["id"]),
            "last_day": str(s["last"]),
            "state": json.dumps({**s, "articles": []}),
        }
        for s in data.get("stories", [])
    ]
    if stories:
        conn.execute(insert(schema.story_states), stories)
    terms = [{"term": str(k), "docs": int(v)} for k, v in data.get("df", {}).items()]
    for start in range(0, len(terms), 5000):
        conn.execute(insert(schema.story_terms), terms[start : start + 5000])
    meta = {"version": 2, "params": data.get("params", {}), "docs": int(data.get("docs", 0))}
    conn.execute(update(idx).where(idx.c.key == "index").values(state=json.dumps(meta)))


def _view_snapshots(conn: Connection) -> None:
    """Stored view payloads (``schema.view_snapshots``) and the store's ``revision``,
    moved by every write a view can see (articles, annotations, failures, links,
    stories), so one short read tells whether a stored payload is current."""
    schema.metadata.create_all(conn, tables=[schema.view_snapshots])
    conn.execute(insert(schema.store_state).values(key="revision", value=0))


def _read_ids(conn: Connection) -> None:
    """Each article's hash of the text as read (``Article.read_id``), so a new furniture
    rule, which moves an id, no longer makes the same file a new article. A stored page
    with no furniture cut had its text as read hashed into its id; one with furniture
    cut keeps NULL (its text as read is not stored), found by id alone as before."""
    conn.execute(text("ALTER TABLE articles ADD COLUMN read_id VARCHAR(32)"))
    a = schema.articles
    conn.execute(update(a).where(a.c.boilerplate == "[]").values(read_id=a.c.id))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_read_id ON articles (read_id)"))


MIGRATIONS: list[Migration] = [
    (1, "initial schema", _initial),
    (2, "sentence full-text search", _sentence_search),
    (3, "run state and annotation failures", _run_state),
    (4, "quote confidence", _quote_confidence),
    (5, "stories", _stories),
    (6, "incremental link and entity ids minted once", _entity_ids),
    (7, "indexes of the per-article add", _scale_indexes),
    (8, "work queues and outlet keys", _work_queues),
    (9, "the story clusterer's state as rows", _story_rows),
    (10, "materialized views and the store's revision", _view_snapshots),
    (11, "hashes of the text as read", _read_ids),
]


def check_is_storyline(conn: Connection, shown: str) -> None:
    """Refuse a database that holds other tables but was never a storyline store,
    rather than writing storyline's tables into someone else's data."""
    if conn.dialect.name == "sqlite":
        # Reading the schema makes SQLite check the file header ("not a database").
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    else:
        names = set(sa_inspect(conn).get_table_names())
    if names and schema.migrations.name not in names:
        raise StoreError(
            f"{shown} is not a storyline store (it holds other tables: "
            f"{', '.join(sorted(names)[:5])}); give a new file or an existing store",
            code="E405",
        )


def applied(conn: Connection) -> set[int]:
    schema.migrations.create(conn, checkfirst=True)
    return {row[0] for row in conn.execute(select(schema.migrations.c.version))}


def pending(conn: Connection) -> list[Migration]:
    done = applied(conn)
    return [m for m in MIGRATIONS if m[0] not in done]


def migrate(conn: Connection) -> list[int]:
    """Apply pending migrations; return the versions applied."""
    ran = []
    for version, name, apply in pending(conn):
        apply(conn)
        conn.execute(insert(schema.migrations).values(version=version, name=name))
        ran.append(version)
    return ran
