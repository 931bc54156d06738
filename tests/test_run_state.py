"""Interrupted and failed runs: time-bounded commits, resumes, stale links repaired,
failures recorded once, and the CLI's messages for each (issue: hardening)."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storyline import api
from storyline.models import ItemError
from storyline.present.cli import app
from storyline.store import Store, redact, scrub

SHARED = Path(__file__).resolve().parents[2] / "shared"

runner = CliRunner()
MAIN = [sys.executable, "-c", "from storyline.present.cli import main; main()"]


def _main(*args: str, timeout: float = 300, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """The installed entry point in a child process (tracebacks and exit codes as a user sees them)."""
    return subprocess.run([*MAIN, *args], capture_output=True, text=True, timeout=timeout, **kwargs)

TEXTS = {
    "a.txt": "date 2024-03-04\nMinister Anna Berg resigned on Monday. "
    '"I leave with pride," Berg told reporters in Oslo.\n',
    "b.txt": "date 2024-03-05\nAnna Berg was replaced by Lars Dahl on Tuesday, "
    "the Oslo Times reported.\n",
    "c.txt": "date 2024-03-06\nLars Dahl met the press in Oslo on Wednesday and said "
    "the budget would pass.\n",
}


def _corpus(folder: Path, names: tuple[str, ...]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for name in names:
        path = folder / name
        path.write_text(TEXTS[name], encoding="utf-8")
        paths.append(path)
    return paths


def _views(store: Store) -> str:
    return json.dumps(
        [api.articles(store), api.timeline(store), api.quotes(store), api.entities(store), api.sources(store)],
        sort_keys=True,
    )


@pytest.mark.model
def test_interrupted_link_is_repaired_by_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _corpus(tmp_path / "in", ("a.txt", "b.txt", "c.txt"))
    whole = Store(tmp_path / "whole.db")
    api.add(whole, paths)

    store = Store(tmp_path / "broken.db")
    api.add(store, paths[:1])
    import storyline.link.incremental as link_module

    def killed(*_args: Any, **_kwargs: Any) -> Any:
        raise KeyboardInterrupt  # stands for a kill between annotation and link

    monkeypatch.setattr(link_module, "_link_one", killed)
    with pytest.raises(KeyboardInterrupt):
        api.add(store, paths)
    monkeypatch.undo()
    assert not store.links_current()  # the links still describe a.txt alone
    report = api.add(store, paths)  # nothing new to read or annotate: links are rebuilt anyway
    assert report.added == [] and not report.errors
    assert store.links_current()
    assert _views(store) == _views(whole)
    # and a run with nothing to do leaves everything as it is
    before = store.generation()
    api.add(store, paths)
    assert store.generation() == before and _views(store) == _views(whole)


@pytest.mark.model
def test_commits_by_time_and_says_what_it_resumed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _corpus(tmp_path / "in", ("a.txt", "b.txt", "c.txt"))
    store = Store(tmp_path / "s.db")
    real = api._annotate

    def interrupted(todo: Any, **kwargs: Any) -> Iterator[Any]:
        for n, result in enumerate(real(todo, **kwargs)):
            if n == 2:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(api, "COMMIT_SECONDS", 0.0)  # every result is worth committing
    monkeypatch.setattr(api, "_annotate", interrupted)
    with pytest.raises(KeyboardInterrupt):
        api.add(store, paths)
    monkeypatch.undo()
    assert store.counts()["annotated"] == 2 and store.not_annotated() == 1
    stages: list[tuple[str, int, int]] = []
    report = api.add(store, paths, progress=lambda *a: stages.append(a))
    assert report.resumed == 1 and ("resume", 1, 1) in stages
    assert store.not_annotated() == 0


@pytest.mark.model
def test_failed_article_is_recorded_and_not_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _corpus(tmp_path / "in", ("a.txt", "b.txt"))
    store = Store(tmp_path / "s.db")
    real = api._annotate

    def one_fails(todo: Any, **kwargs: Any) -> Iterator[Any]:
        for article, result in zip(todo, real(todo, **kwargs), strict=True):
            yield ItemError(article.path, "E203", "annotation failed: boom") if article.path.endswith("b.txt") else result

    monkeypatch.setattr(api, "_annotate", one_fails)
    report = api.add(store, paths)
    assert [e.code for e in report.errors] == ["E203"]
    monkeypatch.undo()
    again = api.add(store, paths)
    assert not again.errors  # the next run succeeds (exit 0) ...
    assert [e.code for e in again.earlier_failures] == ["E203"]  # ... and says what stays out
    assert store.not_annotated() == 1
    code, _out, err = _cli(tmp_path / "s.db", "timeline")
    assert code == 0 and "1 of 2 articles are not annotated" in " ".join(err.split())


def _cli(db: Path | str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", ["[bold]loud[/bold].txt", "[/red].txt", "x[link=file:///etc]y.txt"])
def test_markup_in_file_names_is_printed_as_text(tmp_path: Path, name: str) -> None:
    bad = tmp_path / name  # a "/" in the markup makes a folder: the whole path carries it
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text("   \n", encoding="utf-8")  # empty: an error that names the file
    code, _out, err = _cli(tmp_path / "s.db", "add", str(bad))
    assert code == 1
    assert str(bad) in err.replace("\n", "") and "E101" in err


def test_not_a_store(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    for args in (("articles",), ("add", str(tmp_path))):
        code, _out, err = _cli(junk, *args)
        assert code == 1 and "E405" in err and "not a storyline store" in err
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER, secret TEXT)")
    code, _out, err = _cli(other, "add", str(tmp_path))
    assert code == 1 and "E405" in err
    with sqlite3.connect(other) as conn:  # nothing of ours was written into it
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert names == {"accounts"}


def test_truncated_store_gives_a_coded_error(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = Store(db)
    store.close()
    with sqlite3.connect(db) as conn:  # a store with some pages, then cut short
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("CREATE TABLE IF NOT EXISTS filler (x TEXT)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 400)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    proc = _main("--db", str(db), "articles", "--json")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and ("E405" in proc.stderr or "E406" in proc.stderr)


SECRET = "s3cr3t-Pa55"


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://alice:{SECRET}@127.0.0.1:1/story",
        f"postgresql://alice@127.0.0.1:1/story?password={SECRET}&sslmode=disable",
    ],
)
def test_database_password_never_printed(url: str) -> None:
    assert SECRET not in redact(url) and "alice" in redact(url)
    assert SECRET not in scrub(f"failed for {url} with {SECRET}", url)
    for args in (("articles",), ("add", "nothing-here")):
        code, out, err = _cli(url, *args)
        assert code != 0 and SECRET not in out + err and "127.0.0.1" in err
    env = {**os.environ, "STORYLINE_DB": url}
    proc = _main("timeline", env=env)
    assert proc.returncode == 1 and SECRET not in proc.stdout + proc.stderr


def test_serve_on_a_busy_port(sample_db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code, _out, err = _cli(sample_db, "serve", "--port", str(port))
    assert code == 1 and "E502" in err and str(port) in err


def _t17_jsonl(folder: Path, topic: str, count: int) -> Path:
    source = SHARED / "datasets" / "t17" / topic / "articles.jsonl.gz"
    if not source.exists():
        pytest.skip("T17 is not beside the checkout")
    target = folder / f"{topic}.jsonl"
    with gzip.open(source, "rt", encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        for n, line in enumerate(lines):
            if n >= count:
                break
            out.write(line)
    return target


def _default_sigint() -> None:
    # A shell starts a background job with SIGINT ignored, and a child inherits
    # that: a suite launched with `&` would see Ctrl-C ignored, not handled.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _run(db: Path, *args: str, **kwargs: Any) -> subprocess.Popen[str]:
    """``storyline`` as a terminal runs it (Ctrl-C delivered, whatever this process ignores)."""
    return subprocess.Popen(
        [*MAIN, "--db", str(db), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_default_sigint, **kwargs,
    )


def _annotated(db: Path, table: str = "annotated") -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return 0


def _wait_annotated(
    db: Path, proc: subprocess.Popen[str], at_least: int, limit: float = 120, table: str = "annotated"
) -> None:
    deadline = time.monotonic() + limit
    while _annotated(db, table) < at_least:
        assert proc.poll() is None, "add ended before it could be interrupted"
        assert time.monotonic() < deadline, "no annotation committed in time"
        time.sleep(0.2)


def _json_views(db: Path) -> list[str]:
    views = []
    for command in ("articles", "timeline", "quotes", "entities", "sources", "facts"):
        proc = _main("--db", str(db), command, "--json")
        assert proc.returncode == 0, proc.stderr
        views.append(proc.stdout)
    return views


def _interrupted_add(
    tmp_path: Path, sig: int, table: str = "annotated"
) -> tuple[Path, Path, subprocess.Popen[str]]:
    """``add`` of 60 T17 articles, sent ``sig`` once its first row of ``table`` is
    committed (its first annotations; ``articles``: once ingest has begun)."""
    source = _t17_jsonl(tmp_path, "haiti", 60)
    db = tmp_path / "interrupted.db"
    proc = _run(db, "add", str(source))
    _wait_annotated(db, proc, 1, table=table)
    proc.send_signal(sig)
    return source, db, proc


@pytest.mark.model
def test_kill_during_add_loses_nothing(tmp_path: Path) -> None:
    """One quick kill -9 mid-annotation; the rerun ends equal to an uninterrupted run."""
    source, killed, proc = _interrupted_add(tmp_path, signal.SIGKILL)
    proc.wait(timeout=30)
    with sqlite3.connect(killed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored, unique = conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        assert stored == unique
        # an article is annotated wholly or not at all
        half = conn.execute(
            "SELECT count(DISTINCT article_id) FROM sentences WHERE article_id NOT IN (SELECT article_id FROM annotated)"
        ).fetchone()[0]
        assert half == 0
    rerun = _run(killed, "add", str(source))
    _out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    if stored == 60:
        assert "left by an interrupted run" in err
    whole = tmp_path / "whole.db"
    straight = _run(whole, "add", str(source))
    straight.communicate(timeout=600)
    assert straight.returncode == 0
    assert _json_views(killed) == _json_views(whole)


@pytest.mark.model
def test_ctrl_c_says_so_and_views_warn(tmp_path: Path) -> None:
    # Sent once the articles are stored, with their whole annotation still to come.
    _source, db, proc = _interrupted_add(tmp_path, signal.SIGINT, table="articles")
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted" in err and "run the same command again" in " ".join(err.split())
    if _annotated(db) < 60:
        view = _main("--db", str(db), "timeline")
        assert view.returncode == 0 and "not annotated" in view.stderr
