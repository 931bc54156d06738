"""The store: migrations tracked, idempotent writes, read-only opening."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from storyline.errors import NotFound, StoreError
from storyline.models import (
    Annotations,
    Article,
    Copy,
    Entity,
    EntityMention,
    MentionRef,
    Quote,
    Sentence,
    SentenceDate,
    Timex,
)
from storyline.store import Store, schema
from storyline.store.migrations import MIGRATIONS


def _article(n: int, published: dt.date | None = dt.date(2025, 3, 13)) -> Article:
    return Article(id=f"a{n}", text=f"Text number {n}. It said so.", outlet="Ledger", published=published)


def _annotations(article_id: str) -> Annotations:
    return Annotations(
        article_id=article_id,
        sentences=(Sentence(0, 0, 14, "Text number 1."), Sentence(1, 15, 26, "It said so.")),
        mentions=(EntityMention("Ledger", "ORG", 0, 4, 0),),
        timexes=(
            Timex("Tuesday", 0, 7, "DATE", "2025-03-11", None, dt.date(2025, 3, 11), dt.date(2025, 3, 11), "dct", "weekday"),
        ),
        sentence_dates=(SentenceDate(0, "2025-03-11", dt.date(2025, 3, 11), dt.date(2025, 3, 11), "timex", 0),),
        quotes=(Quote("so", 23, 25, True, "It", 15, 17, cue="said", anonymous=False, sentence=1),),
    )


def test_migrations_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    store = Store(path)
    with store.engine.connect() as conn:
        versions = [r[0] for r in conn.execute(select(schema.migrations.c.version))]
    assert versions == [m[0] for m in MIGRATIONS]


def _indexes(path: Path) -> set[tuple[str, str]]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'")
        return {(name, table) for name, table in rows if not name.startswith("sqlite_")}


def test_a_store_from_before_migration_seven_gets_the_indexes_a_new_one_has(
    tmp_path: Path,
) -> None:
    """The per-article ``add`` reads ``max(seq)`` and copy relations by their
    original: a store made before those indexes gets them, named as a new store's."""
    from sqlalchemy import delete, text

    new, old = tmp_path / "new.db", tmp_path / "old.db"
    Store(new).close()
    Store(old).close()
    made = Store(old)
    with made.engine.begin() as conn:  # as a store last migrated by version 6 was
        conn.execute(text("DROP INDEX ix_articles_seq"))
        conn.execute(text("DROP INDEX ix_copy_relations_copy_of"))
        conn.execute(delete(schema.migrations).where(schema.migrations.c.version == 7))
    made.close()
    assert {("ix_articles_seq", "articles"), ("ix_copy_relations_copy_of", "copy_relations")} <= _indexes(new)
    assert ("ix_articles_seq", "articles") not in _indexes(old)
    Store(old).close()  # opened for writing: migration 7 runs
    assert _indexes(old) == _indexes(new)


def test_add_articles_is_idempotent() -> None:
    store = Store(":memory:")
    assert store.add_articles([_article(1), _article(2)]) == (["a1", "a2"], [])
    assert store.add_articles([_article(2), _article(3)]) == (["a3"], ["a2"])
    assert store.counts()["articles"] == 3


def test_articles_ordered_by_date_then_arrival() -> None:
    store = Store(":memory:")
    store.add_articles([_article(1, None), _article(2, dt.date(2025, 5, 1)), _article(3, dt.date(2025, 1, 1))])
    assert [a.id for a in store.articles()] == ["a3", "a2", "a1"]
    assert store.article("a2").published == dt.date(2025, 5, 1)
    with pytest.raises(NotFound, match=r"\[E404\]"):
        store.article("nope")


def test_annotations_round_trip_and_replace() -> None:
    store = Store(":memory:")
    store.add_articles([_article(1)])
    assert store.unannotated("v1") == ["a1"]
    store.put_annotations([_annotations("a1")], "v1")
    store.put_annotations([_annotations("a1")], "v1")  # re-running changes nothing
    assert store.unannotated("v1") == []
    assert store.unannotated("v2") == ["a1"]
    got = store.annotations()["a1"]
    assert got == _annotations("a1")
    assert store.counts()["sentences"] == 2
    assert store.search_sentences("said") == [("a1", 1, "It said so.")]


def test_links_replaced_as_a_unit() -> None:
    store = Store(":memory:")
    store.add_articles([_article(1), _article(2)])
    entity = Entity("e1", "Ledger", "ORG", ("Ledger",), (MentionRef("a1", 0),))
    store.replace_links([entity], [Copy("a2", "a1", "syndicated", 0.93)])
    store.replace_links([entity], [Copy("a2", "a1", "syndicated", 0.93)])
    assert store.entities() == [entity]
    assert store.copies() == [Copy("a2", "a1", "syndicated", 0.93)]


def test_read_only_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"\[E401\]"):
        Store(tmp_path / "absent.db", read_only=True)
    Store(tmp_path / "s.db").add_articles([_article(1)])
    reader = Store(tmp_path / "s.db", read_only=True)
    assert [a.id for a in reader.articles()] == ["a1"]
    with pytest.raises(OperationalError, match="readonly"):
        reader.add_articles([_article(2)])


def test_search_input_is_not_query_syntax() -> None:
    store = Store(":memory:")
    store.add_articles([_article(1)])
    store.put_annotations([_annotations("a1")], "v1")
    assert store.search_sentences('said" OR "x') == []
    assert store.search_sentences("NEAR(") == []


def test_entities_and_copies_of_some_articles_are_the_full_lists_filtered(
    sample_db: Path,
) -> None:
    """One story's corpus reads its articles' mentions by index; it must be what
    filtering the whole pile's lists gives, in the same order."""
    with Store(sample_db, read_only=True) as store:
        ids = store.article_ids()
        some = ids[::2]
        keep = set(some)
        filtered = []
        for entity in store.entities():
            mentions = tuple(m for m in entity.mentions if m.article in keep)
            if mentions:
                filtered.append(dataclasses.replace(entity, mentions=mentions))
        assert filtered and store.entities(some) == filtered
        assert store.entities([]) == []
        assert store.copies(some) == [c for c in store.copies() if c.article in keep]
        assert store.copies() and store.copies(ids) == store.copies()
