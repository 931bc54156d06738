"""The work queues (``store.work``): what each stage owes is read from them, and
they say what the anti-joins over the whole store said, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text

from storyline import api
from storyline.models import Article, ItemError
from storyline.store import Store, schema
from test_store import _annotations


def _article(
    n: int, published: dt.date | None, outlet: str | None = "Ledger", url: str | None = None
) -> Article:
    return Article(
        id=f"a{n}",
        text=f"Text number {n}. It said so.",
        outlet=outlet,
        url=url,
        published=published,
    )


def _owed(store: Store) -> set[tuple[str, str]]:
    with store.engine.connect() as conn:
        return {(r[0], r[1]) for r in conn.execute(select(schema.pending))}


def _anti_joins(store: Store, pipeline: str) -> dict[str, list[str]]:
    """What the stages owe, found as before the queues: by scanning the store."""
    a, n, f = schema.articles, schema.annotated, schema.annotation_failures
    d, s = schema.link_docs, schema.article_stories
    with store.engine.connect() as conn:
        annotate = select(a.c.id).where(
            ~select(n.c.article_id)
            .where(n.c.article_id == a.c.id, n.c.pipeline == pipeline)
            .exists(),
            ~select(f.c.article_id)
            .where(f.c.article_id == a.c.id, f.c.pipeline == pipeline)
            .exists(),
        )
        link = select(n.c.article_id).where(
            ~select(d.c.article_id).where(d.c.article_id == n.c.article_id).exists()
        )
        stories = select(a.c.id).where(
            ~select(s.c.article_id).where(s.c.article_id == a.c.id).exists()
        )
        return {
            name: sorted(r[0] for r in conn.execute(q))
            for name, q in (("annotate", annotate), ("link", link), ("stories", stories))
        }


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    target = (
        tmp_path / "q.db" if request.param == "sqlite" else request.getfixturevalue("pg_target")
    )
    made = Store(target)
    yield made
    made.close()


def test_each_stage_reads_what_it_owes_from_its_queue(store: Store) -> None:
    day = dt.date(2025, 3, 13)
    store.add_articles(
        [_article(1, day), _article(2, None), _article(3, day - dt.timedelta(days=1))]
    )
    assert store.unannotated("v1") == ["a1", "a2", "a3"]  # arrival order
    assert store.unassigned() == ["a3", "a1", "a2"]  # publication order, undated last
    store.put_annotations([_annotations("a1"), _annotations("a3")], "v1")
    store.put_failures([("a2", ItemError("a2", "E201", "too long"))], "v1")
    assert store.unannotated("v1") == [] == _anti_joins(store, "v1")["annotate"]
    assert _owed(store) >= {("link", "a1"), ("link", "a3")}
    assert store.unannotated("v2") == ["a1", "a2", "a3"]  # a new version owes every article
    api.relink(store)
    api.assign_stories(store)
    assert not store.unassigned() and _owed(store) == set()
    assert _anti_joins(store, "v1") == {"annotate": [], "link": [], "stories": []}
    # annotated again by another version: back in the link queue, and the link relinks all
    store.put_annotations([_annotations("a1")], "v2")
    with store.link_transaction() as state:
        assert state.needs_rebuild()
    api.relink(store)
    assert _owed(store) == set()
    # an article the failed version later annotates is no failure any more
    store.put_annotations([_annotations("a2")], "v1")
    assert [e.item for e in store.failures()] == []
    # storing the same article again owes nothing new
    store.add_articles([_article(1, day)])
    assert _owed(store) == {("link", "a2")}


def test_outlet_pages_are_each_outlets_newest_stored_pages(store: Store) -> None:
    day = dt.date(2025, 3, 13)
    store.add_articles(
        [
            _article(1, day - dt.timedelta(days=3), outlet="Wire"),
            _article(2, day, outlet="Post"),
            _article(3, day - dt.timedelta(days=1), outlet=" wire "),  # the same outlet
            _article(4, None, outlet="Wire"),  # undated: after the dated ones
            _article(5, day, outlet=None, url="https://www.herald.example/a"),
            _article(6, day, outlet="Wire"),
        ]
    )
    assert store.outlet_pages(["wire"], 2) == ["a6", "a3"]
    assert store.outlet_pages(["wire", "herald.example"], 9) == ["a5", "a6", "a3", "a1", "a4"]
    assert store.outlet_pages(["wire"], 0) == []


def test_a_store_from_before_migration_eight_owes_what_it_owed(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = Store(path)
    day = dt.date(2025, 3, 13)
    store.add_articles(
        [_article(n, day, url=f"https://www.w{n % 2}.example/{n}") for n in range(1, 5)]
    )
    store.put_annotations([_annotations(f"a{n}") for n in (1, 2, 3)], "v1")
    store.put_failures([("a4", ItemError("a4", "E201", "too long"))], "v1")
    api.relink(store)
    api.assign_stories(store)
    store.add_articles([_article(5, day), _article(6, None)])
    store.put_annotations([_annotations("a5")], "v1")
    owed = _owed(store)
    assert owed == {("link", "a5"), ("stories", "a5"), ("annotate", "a6"), ("stories", "a6")}
    keys = _outlet_keys(store)
    with store.engine.begin() as conn:  # as a store last migrated by version 7 was
        for statement in (
            "DROP TABLE pending",
            "DROP INDEX ix_articles_outlet_recent",
            "DROP INDEX ix_annotated_pipeline",
            "ALTER TABLE articles DROP COLUMN outlet_key",
        ):
            conn.execute(text(statement))
        conn.execute(delete(schema.migrations).where(schema.migrations.c.version == 8))
    store.close()
    migrated = Store(path)
    assert _owed(migrated) == owed
    assert _outlet_keys(migrated) == keys and keys["a1"] == "ledger"
    api.relink(migrated)
    api.assign_stories(migrated)
    assert _owed(migrated) == {("annotate", "a6")}
    migrated.close()


def _outlet_keys(store: Store) -> dict[str, str]:
    a = schema.articles
    with store.engine.connect() as conn:
        return {r[0]: r[1] for r in conn.execute(select(a.c.id, a.c.outlet_key))}


def test_the_outlet_key_of_an_unreadable_url_is_empty() -> None:
    from storyline.text.outlets import outlet_key_of

    assert outlet_key_of(None, "http://[oops/x") == ""
    assert outlet_key_of(None, "https://www.herald.example/a") == "herald.example"
    assert outlet_key_of("  The Wire ", "https://x.example") == "the wire"
