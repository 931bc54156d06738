"""The one schema on PostgreSQL: the same views as on SQLite, byte for byte.

Runs when STORYLINE_TEST_POSTGRES names a server (``make test`` starts a
throwaway one when it can); skipped otherwise.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from storyline import api
from storyline.store import Store

URL = os.environ.get("STORYLINE_TEST_POSTGRES", "")
SAMPLE = Path(__file__).resolve().parents[1] / "src" / "storyline" / "sample"

pytestmark = pytest.mark.skipif(not URL, reason="no PostgreSQL server (STORYLINE_TEST_POSTGRES)")


@pytest.fixture(scope="module")
def pg_store():  # type: ignore[no-untyped-def]
    store = Store(URL)
    with store.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    store.close()
    store = Store(URL)
    report = api.add(store, [SAMPLE], manifest=SAMPLE / "manifest.jsonl")
    assert not report.errors
    yield store
    store.close()


def test_same_views_as_sqlite(pg_store: Store, sample_db: Path) -> None:
    sqlite = Store(sample_db, read_only=True)
    for view in (api.articles, api.timeline, api.quotes, api.entities, api.sources, api.facts):
        assert json.dumps(view(pg_store)) == json.dumps(view(sqlite)), view.__name__


def test_readd_is_a_noop_and_search_works(pg_store: Store) -> None:
    before = pg_store.counts()
    report = api.add(pg_store, [SAMPLE], manifest=SAMPLE / "manifest.jsonl")
    assert report.added == [] and len(report.unchanged) == before["articles"]
    assert pg_store.counts() == before
    assert pg_store.search_sentences("interceptors")


def test_nul_and_control_characters_reach_postgres_as_text(pg_store: Store, tmp_path: Path) -> None:
    """PostgreSQL rejects NUL in text and used to lose the whole batch: ingest drops it.
    Kept last in this file: it adds to the store the view comparison above reads."""
    import json

    lines = [
        {"text": "The ferry board met on Monday.\u0000 It approved the new route.", "published": "2024-05-06", "title": "a\u0000b"},
        {"text": "The harbour reopened on Tuesday after repairs.", "published": "2024-05-07"},
    ]
    source = tmp_path / "nul.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    report = api.add(pg_store, [source])
    assert not report.errors and len(report.added) == 2
    stored = {a.id: a for a in pg_store.articles(report.added)}
    assert all("\u0000" not in a.text and "\u0000" not in (a.title or "") for a in stored.values())
    assert pg_store.not_annotated() == 0  # annotated too: the batch was not lost
