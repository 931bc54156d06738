"""Registered migrations, tracked in ``storyline_migrations`` (sqlite-utils style).

Each migration is a function of a connection; ``migrate`` applies the ones a
database has not seen, in order, each in its own transaction. Never edit a
released migration: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, insert, select, text

from . import schema

Migration = tuple[int, str, Callable[[Connection], None]]


def _initial(conn: Connection) -> None:
    tables = [t for name, t in schema.metadata.tables.items() if name != "storyline_migrations"]
    schema.metadata.create_all(conn, tables=tables)


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


MIGRATIONS: list[Migration] = [
    (1, "initial schema", _initial),
    (2, "sentence full-text search", _sentence_search),
]


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
