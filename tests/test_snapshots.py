"""Materialized views (issue 23): ``storyline refresh`` stores the overview and the
digest per scope; views answer from them, say how current they are, and equal
what the records give when nothing changed since."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, text
from typer.testing import CliRunner

from storyline import api
from storyline.models import Annotations, Article, ItemError
from storyline.options import Options
from storyline.present.cli import app
from storyline.store import Store, schema
from storyline.views.snapshots import PILE, SNAPSHOT_VIEWS
from storyline.views.story import Story


def _copy(sample_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "sample.db"
    shutil.copyfile(sample_db, target)
    return target


def _without_as_of(payload: Any) -> Any:
    """The payload as JSON would carry it, less the stamp a stored one adds."""
    return json.loads(json.dumps({k: v for k, v in payload.items() if k != "as_of"}))


def _fresh(store: Store, name: str, story: str | None = None) -> Any:
    return _without_as_of(
        Story(store, Options(db=store.target, snapshots=False), story=story).view(name)
    )


def test_refresh_stores_what_the_records_give(sample_db: Path, tmp_path: Path) -> None:
    with Store(_copy(sample_db, tmp_path)) as store:
        built = api.refresh(store, min_articles=1)
        story_id = store.stories()[0]["id"]
        assert [r.scope for r in built] == [PILE, story_id]
        articles = store.counts()["articles"]
        for scope in (None, story_id):
            story = Story(store, story=scope)
            for name in SNAPSHOT_VIEWS:
                payload = story.view(name)
                assert payload["as_of"] == {
                    "revision": store.revision(),
                    "articles": articles,
                    "current": True,
                }
                assert _without_as_of(payload) == _fresh(store, name, scope)
        # views with parameters, and views not materialized, come from the records
        assert "as_of" not in Story(store).timeline(limit=2)
        assert "as_of" not in Story(store).quotes()
        # nothing changed: a second refresh has nothing to do
        assert api.refresh(store, min_articles=1) == []


def test_a_write_leaves_them_stale_until_the_next_refresh(sample_db: Path, tmp_path: Path) -> None:
    with Store(_copy(sample_db, tmp_path)) as store:
        api.refresh(store)  # the sample is one story of fewer than 150 articles: the pile only
        assert [s.scope for s in store.snapshot_scopes()] == [PILE]
        before = Story(store).timeline()
        store.add_articles([Article(id="late", text="A later report.", title="Later")])
        stale = Story(store).timeline()
        assert stale["as_of"]["current"] is False
        assert _without_as_of(stale) == _without_as_of(before)  # what was built, marked so
        assert "as_of" not in Story(store, Options(db=store.target, snapshots=False)).timeline()
        rebuilt = api.refresh(store)
        assert [r.scope for r in rebuilt] == [PILE]
        assert rebuilt[0].articles == store.counts()["articles"]
        assert Story(store).timeline()["as_of"]["current"] is True


def test_a_scope_that_is_gone_is_dropped(sample_db: Path, tmp_path: Path) -> None:
    with Store(_copy(sample_db, tmp_path)) as store:
        api.refresh(store, min_articles=1)
        assert len(store.snapshot_scopes()) == 2
        store.add_articles([Article(id="late", text="A later report.", title="Later")])
        api.refresh(store, min_articles=10_000)  # no story is that large now
        assert [s.scope for s in store.snapshot_scopes()] == [PILE]
        # a story without a stored payload is computed from its records
        story_id = store.stories()[0]["id"]
        assert "as_of" not in Story(store, story=story_id).overview()


def _revision_moves(store: Store, write: Any) -> None:
    before, fingerprint = store.revision(), store.fingerprint()
    write()
    assert store.revision() > before
    assert store.fingerprint() != fingerprint


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_every_write_a_view_sees_moves_the_revision(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    target = str(tmp_path / "s.db") if backend == "sqlite" else request.getfixturevalue("pg_target")
    with Store(target) as store:
        text_ = "Floods hit the valley on Monday. Officials said more rain was coming."
        _revision_moves(store, lambda: store.add_articles([Article(id="a", text=text_)]))
        _revision_moves(store, lambda: store.put_annotations([Annotations("a")], "p"))
        _revision_moves(store, lambda: store.put_failures([("a", ItemError("a", "E1", "x"))], "q"))
        _revision_moves(store, lambda: api.relink(store, force=True))
        _revision_moves(store, lambda: api.assign_stories(store))
        # storing payloads is no write a view sees
        revision = store.revision()
        store.put_snapshots(PILE, {"timeline": {"events": []}}, revision=revision, articles=1)
        assert store.revision() == revision


def test_a_store_from_before_migration_ten_gains_a_revision(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.add_articles([Article(id="a", text="Floods hit the valley.")])
        with store.engine.begin() as conn:  # as a store last migrated by version 9 was
            conn.execute(text("DROP TABLE view_snapshots"))
            conn.execute(delete(schema.store_state).where(schema.store_state.c.key == "revision"))
            conn.execute(delete(schema.migrations).where(schema.migrations.c.version == 10))
    with Store(path) as store:
        assert store.revision() == 0 and store.snapshot_scopes() == []
        store.add_articles([Article(id="b", text="More floods.")])
        assert store.revision() == 1
        assert [a.id for a in store.articles()] == ["a", "b"]


def test_cli_refresh_and_the_stale_note(sample_db: Path, tmp_path: Path) -> None:
    db = _copy(sample_db, tmp_path)
    runner = CliRunner()

    def run(*args: str) -> Any:
        return runner.invoke(app, ["--db", str(db), *args])

    result = run("refresh", "--json")
    assert result.exit_code == 0, result.stderr
    assert [r["scope"] for r in json.loads(result.stdout)["refreshed"]] == [None]
    shown = json.loads(run("timeline", "--json").stdout)
    assert shown["as_of"]["current"] is True
    assert "as_of" not in json.loads(run("--fresh", "timeline", "--json").stdout)
    with Store(db) as store:
        store.add_articles([Article(id="late", text="A later report.", title="Later")])
    result = run("timeline")
    assert result.exit_code == 0
    assert "store has changed since" in " ".join(result.stderr.split())
    again = run("refresh", "--json")
    assert len(json.loads(again.stdout)["refreshed"]) == 1
    assert "changed since" not in run("timeline").stderr


def test_the_web_overview_and_api_answer_from_them(sample_db: Path, tmp_path: Path) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from storyline.present.web import create_app

    db = _copy(sample_db, tmp_path)
    with Store(db) as store:
        api.refresh(store)
        store.add_articles([Article(id="late", text="A later report.", title="Later")])
    with TestClient(create_app(str(db)), base_url="http://localhost") as client:
        answer = client.get("/api/overview").json()
        assert answer["as_of"]["current"] is False
        page = client.get("/").text
        assert "the store has changed since" in page


def test_a_refreshed_store_serves_its_first_pages_without_reading_the_records(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 100,000 articles, reading the records is minutes: the web's startup and
    its overview and digest pages must come from the stored payloads alone."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from storyline.present.web import create_app
    from storyline.views.corpus import Corpus

    db = _copy(sample_db, tmp_path)
    with Store(db) as store:
        api.refresh(store)
        counts = _fresh(store, "overview")["counts"]
    reads: list[str] = []
    real = Corpus.from_store.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(
        Corpus,
        "from_store",
        classmethod(lambda cls, s, *a, **k: reads.append("corpus") or real(cls, s, *a, **k)),
    )
    with TestClient(create_app(str(db)), base_url="http://localhost") as client:
        page = client.get("/")
        assert page.status_code == 200
        assert f"<strong>{counts['quotes']:,}</strong> quotes" in page.text
        assert client.get("/timeline").status_code == 200
        assert reads == []
        # a page the snapshots do not hold still works, from the records
        assert client.get("/quotes").status_code == 200
        assert reads == ["corpus"]
