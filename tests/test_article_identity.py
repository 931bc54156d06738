"""Adding the same file twice is a no-op, also after the furniture rules change.

An article's id hashes its text once its own furniture lines are cut, so a new
rule moves it; ``Article.read_id`` hashes the text as read, which no rule moves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, select, text

from storyline import api
from storyline.ingest import document
from storyline.store import Store, schema

BODY = (
    "The council voted on Tuesday to close the Mill Lane bridge.\n"
    "It will reopen in May, the council's engineer said.\n"
)
FURNITURE = "Click here to subscribe to our newsletter."


def _no_rules(text: str) -> tuple[str, tuple[str, ...]]:
    return text, ()


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_a_page_stored_before_a_new_furniture_rule_is_not_added_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _write(tmp_path, "bridge.txt", BODY + FURNITURE + "\n")
    store = Store(tmp_path / "s.db")
    with monkeypatch.context() as patch:  # the rules of an older release: nothing is furniture
        patch.setattr(document, "strip_boilerplate", _no_rules)
        first = api.ingest(store, [page])
    assert len(first.added) == 1
    second = api.ingest(store, [page])  # today's rules cut the last line: another id
    assert document.article_id(BODY) != first.added[0]
    assert second.added == [] and second.unchanged == first.added
    assert store.counts()["articles"] == 1


def test_the_same_text_twice_in_one_batch_is_one_article(tmp_path: Path) -> None:
    pages = [_write(tmp_path, f"p{n}.txt", BODY + FURNITURE + "\n") for n in (1, 2)]
    store = Store(":memory:")
    report = api.ingest(store, pages)
    assert len(report.added) == 1 and report.unchanged == report.added
    assert store.articles()[0].read_id == document.article_id(BODY + FURNITURE)
    assert store.articles()[0].boilerplate == (FURNITURE,)


def test_migration_eleven_knows_the_text_as_read_only_where_nothing_was_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    kept = _write(tmp_path, "kept.txt", BODY + FURNITURE + "\n")
    cut = _write(tmp_path, "cut.txt", BODY.replace("Tuesday", "Monday") + FURNITURE + "\n")
    store = Store(path)
    with monkeypatch.context() as patch:  # an older release's rules kept the line as text
        patch.setattr(document, "strip_boilerplate", _no_rules)
        (kept_id,) = api.ingest(store, [kept]).added
    (cut_id,) = api.ingest(store, [cut]).added
    with store.engine.begin() as conn:  # as a store last migrated by version 10 was
        conn.execute(text("DROP INDEX ix_articles_read_id"))
        conn.execute(text("ALTER TABLE articles DROP COLUMN read_id"))
        conn.execute(delete(schema.migrations).where(schema.migrations.c.version == 11))
    store.close()
    migrated = Store(path)
    a = schema.articles
    with migrated.engine.connect() as conn:
        read_ids = dict(conn.execute(select(a.c.id, a.c.read_id)).all())
    assert read_ids == {kept_id: kept_id, cut_id: None}
    again = api.ingest(migrated, [kept, cut])  # today's rules move the first one's id
    assert again.added == [] and again.unchanged == [kept_id, cut_id]
    assert migrated.counts()["articles"] == 2
    migrated.close()
