"""Executors give the same records as annotating in process, and resume after a crash.

Ray's own tests are in ``test_ray.py``; the helpers here serve both.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storyline.annotate.pipeline import annotate, pipeline_version
from storyline.errors import AnnotateError
from storyline.models import Annotations, Article
from storyline.options import DEFAULT_MODELS, Options
from storyline.scale import annotate_store, make_executor, pipeline_version_from_files, shards
from storyline.scale.local import LocalExecutor, annotate_local
from storyline.store import Store

TEXT = (
    "Harbour director Ana Pell said on Tuesday that the terminal would open in May. "
    '"We are nearly there," she told the Velmar Gazette. The crane arrived 40 km late.'
)
OTHER = (
    "The Velmar council voted 7-2 on 4 March 2025 to fund a second berth. "
    "Councillor Jon Okafor called the plan reckless, according to the Harbour Post."
)


def scale_articles(n: int) -> list[Article]:
    """``n`` small distinct articles, alternating two texts and three weekdays."""
    return [
        Article(
            id=f"a{i:02d}",
            text=(TEXT if i % 2 else OTHER).replace(
                "Tuesday", ["Monday", "Tuesday", "Friday"][i % 3]
            )
            + f" Item {i}.",
            published=dt.date(2025, 3, 10 + i % 5),
            outlet=["Velmar Gazette", "Harbour Post"][i % 2],
        )
        for i in range(n)
    ]


def in_process(nlp, articles: list[Article]) -> dict[str, Annotations]:  # type: ignore[no-untyped-def]
    results = list(annotate(nlp, articles, batch_size=4))
    assert all(isinstance(r, Annotations) for r in results)
    return {r.article_id: r for r in results}  # type: ignore[union-attr]


def fresh_store(target: str | Path, articles: list[Article]) -> Store:
    store = Store(target)
    store.add_articles(articles)
    return store


def assert_same_records(store: Store, expected: dict[str, Annotations]) -> None:
    """Every article stored once, with exactly the in-process annotations."""
    stored = store.annotations()
    assert sorted(stored) == sorted(expected)
    assert stored == expected
    counts = store.counts()
    assert counts["annotated"] == counts["articles"] == len(expected)
    assert counts["sentences"] == sum(len(a.sentences) for a in expected.values())
    assert counts["quotes"] == sum(len(a.quotes) for a in expected.values())


def _by_id(results: list[object]) -> dict[str, Annotations]:
    assert all(isinstance(r, Annotations) for r in results)
    return {r.article_id: r for r in results}  # type: ignore[union-attr]


def test_process_pool_matches_in_process(nlp) -> None:  # type: ignore[no-untyped-def]
    articles = scale_articles(6)
    alone = _by_id(
        list(annotate_local(articles, models=DEFAULT_MODELS, workers=1, batch_size=2, nlp=nlp))
    )
    pooled = _by_id(list(annotate_local(articles, models=DEFAULT_MODELS, workers=2, batch_size=2)))
    assert alone == pooled
    assert alone["a01"].timexes and alone["a01"].quotes


def test_version_from_files_is_the_loaded_pipeline_version(nlp) -> None:  # type: ignore[no-untyped-def]
    """The driver names the pipeline without loading it; the name must not drift."""
    assert pipeline_version_from_files(DEFAULT_MODELS) == pipeline_version(nlp)
    assert pipeline_version_from_files(("no_such_model_pkg",)) is None


def test_shards_cover_the_ids_once_in_order() -> None:
    ids = [f"x{i}" for i in range(10)]
    parts = shards(ids, 4)
    assert [len(p) for p in parts] == [4, 4, 2]
    assert [i for p in parts for i in p] == ids
    assert shards([], 4) == []


def test_shards_taper_at_the_end_for_several_workers() -> None:
    """Guided cuts: full shards while much remains, then smaller ones, so two
    workers finish within a small shard of each other."""
    ids = [f"x{i}" for i in range(400)]
    parts = shards(ids, 16, workers=2)
    sizes = [len(p) for p in parts]
    assert [i for p in parts for i in p] == ids
    assert sizes[0] == 16 and max(sizes) == 16
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-1] <= 2 and min(sizes) >= 1
    assert sum(1 for n in sizes if n < 16) <= 12  # the taper is short
    assert [len(p) for p in shards(ids[:10], 4, workers=1)] == [4, 4, 2]


def test_make_executor_follows_options() -> None:
    assert make_executor(Options(executor="local", workers=3)).workers == 3
    assert make_executor(Options(executor="ray", workers=2)).name == "ray"


def test_options_executor_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_EXECUTOR", "ray")
    assert Options.from_env().executor == "ray"
    monkeypatch.setenv("STORYLINE_EXECUTOR", "spark")
    with pytest.raises(ValueError, match="E005"):
        Options.from_env()


def test_local_run_in_process_writes_the_in_process_records(nlp) -> None:  # type: ignore[no-untyped-def]
    articles = scale_articles(5)
    store = fresh_store(":memory:", articles)
    executor = LocalExecutor(models=DEFAULT_MODELS, workers=1, shard_size=2)
    report = annotate_store(store, Options(db=":memory:"), executor=executor)
    assert (report.annotated, report.shards, report.errors) == (5, 3, [])
    assert_same_records(store, in_process(nlp, articles))
    # Nothing left: a rerun has no shard to do.
    assert annotate_store(store, Options(db=":memory:"), executor=executor).shards == 0


def test_pool_worker_killed_mid_shard_then_rerun_completes(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A pool worker dies (os._exit) after committing part of a shard: the run
    stops with E270, the rerun does only the rest, and every article is stored
    once with the in-process records."""
    articles = scale_articles(8)
    store = fresh_store(tmp_path / "pool.db", articles)
    options = Options(db=str(tmp_path / "pool.db"), workers=2)
    crashing = LocalExecutor(
        models=DEFAULT_MODELS, workers=2, shard_size=4, commit_every=2, crash_after=3
    )
    with pytest.raises(AnnotateError, match="E270"):
        annotate_store(store, options, executor=crashing)
    left = len(store.unannotated(pipeline_version(nlp)))
    assert 0 < left < len(articles)  # some committed, some not: the crash was mid-run
    rerun = annotate_store(store, options, executor=LocalExecutor(models=DEFAULT_MODELS, workers=1))
    assert rerun.annotated == left
    assert_same_records(store, in_process(nlp, articles))


def test_in_memory_store_cannot_be_shared() -> None:
    store = fresh_store(":memory:", scale_articles(2))
    executor = LocalExecutor(models=DEFAULT_MODELS, workers=2, shard_size=1)
    with pytest.raises(AnnotateError, match="E271"):
        executor.run(store, ["a00", "a01"], "v")


def test_worker_with_another_pipeline_refuses_to_write(nlp) -> None:  # type: ignore[no-untyped-def]
    """Records are stored under the run's version only if the worker's pipeline is it."""
    from storyline.scale import ShardWorker

    with pytest.raises(AnnotateError, match="E272"):
        ShardWorker(":memory:", DEFAULT_MODELS, "storyline-0:another", nlp=nlp)


def test_driver_names_the_pipeline_without_importing_spacy() -> None:
    """A Ray driver computes the version and builds its executor with no spaCy."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from storyline.options import Options\n"
        "from storyline.scale import make_executor, pipeline_version_from_files\n"
        "assert pipeline_version_from_files(Options().models)\n"
        "make_executor(Options(executor='ray'))\n"
        "print('spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_scale_command_annotates_what_is_left_and_links(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from storyline.scale.__main__ import main

    articles = scale_articles(3)
    target = tmp_path / "cmd.db"
    fresh_store(target, articles).close()
    assert main(["--db", str(target), "--executor", "local", "--workers", "1"]) == 0
    with Store(target) as store:
        assert_same_records(store, in_process(nlp, articles))
        assert store.links_current()


def test_scale_command_refuses_a_missing_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from storyline.scale.__main__ import main

    assert main(["--db", str(tmp_path / "none.db")]) == 1
    assert "E401" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
