"""The Ray executor on a local two-CPU Ray: same records as in process, on SQLite
and on PostgreSQL (``make test`` starts a throwaway server), and no record lost
or duplicated when an actor dies mid-shard.

One Ray instance serves the whole module: starting Ray takes seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.annotate.pipeline import pipeline_version
from storyline.errors import AnnotateError
from storyline.models import Annotations
from storyline.options import DEFAULT_MODELS, Options
from storyline.scale import annotate_store
from storyline.store import Store
from test_scale import assert_same_records, fresh_store, in_process, scale_articles

ray = pytest.importorskip("ray", reason="the Ray executor needs the 'ray' extra (make install)")

from storyline.scale.ray import RayExecutor, start_ray  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    started_here = not ray.is_initialized()
    start_ray(2)
    yield
    if started_here:
        ray.shutdown()


def test_ray_map_gives_the_in_process_results(nlp) -> None:  # type: ignore[no-untyped-def]
    articles = scale_articles(4)
    results = list(RayExecutor(models=DEFAULT_MODELS, workers=2, batch_size=2).map(articles))
    assert all(isinstance(r, Annotations) for r in results)
    assert {r.article_id: r for r in results} == in_process(nlp, articles)  # type: ignore[union-attr]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_ray_workers_write_the_in_process_records(nlp, backend, tmp_path: Path, request) -> None:  # type: ignore[no-untyped-def]
    target = (
        str(tmp_path / "ray.db") if backend == "sqlite" else request.getfixturevalue("pg_target")
    )
    articles = scale_articles(12)
    store = fresh_store(target, articles)
    executor = RayExecutor(models=DEFAULT_MODELS, workers=2, shard_size=4)
    report = annotate_store(store, Options(db=target, executor="ray"), executor=executor)
    assert (report.annotated, report.shards, report.errors) == (12, 5, [])  # 3, 3, 2, 2, 2: tapered
    assert_same_records(store, in_process(nlp, articles))
    store.close()


def test_ray_actor_killed_mid_shard_then_rerun_completes(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An actor exits abruptly after committing part of its shard; with Ray's
    retries off the run stops (E270); the rerun does exactly what is left."""
    target = str(tmp_path / "killed.db")
    articles = scale_articles(12)
    store = fresh_store(target, articles)
    options = Options(db=target, executor="ray")
    crashing = RayExecutor(
        models=DEFAULT_MODELS, workers=2, shard_size=4, commit_every=2, crash_after=3, retry=False
    )
    with pytest.raises(AnnotateError, match="E270"):
        annotate_store(store, options, executor=crashing)
    left = len(store.unannotated(pipeline_version(nlp)))
    assert 0 < left < len(articles)
    rerun = annotate_store(
        store, options, executor=RayExecutor(models=DEFAULT_MODELS, workers=2, shard_size=4)
    )
    assert rerun.annotated == left
    assert_same_records(store, in_process(nlp, articles))
    store.close()


def test_ray_worker_with_another_pipeline_stops_the_run(tmp_path: Path) -> None:
    """An actor whose pipeline is not the run's refuses to start (E272); the run
    ends with that reason instead of retrying, and nothing is stored."""
    target = str(tmp_path / "other.db")
    store = fresh_store(target, scale_articles(2))
    executor = RayExecutor(models=DEFAULT_MODELS, workers=1, shard_size=1)
    with pytest.raises(AnnotateError, match=r"E270.*E272"):
        executor.run(store, ["a00", "a01"], "storyline-0:another")
    assert store.counts()["annotated"] == 0
    store.close()


def test_add_with_the_ray_executor_stores_what_the_local_add_stores(tmp_path: Path) -> None:
    """``storyline add`` with ``executor="ray"``: the workers write the records
    themselves, and the store ends as the in-process ``add`` leaves it."""
    import json

    from storyline import api

    pile = tmp_path / "pile.jsonl"
    pile.write_text(
        "\n".join(
            json.dumps(
                {"id": a.id, "text": a.text, "published": a.published.isoformat(), "outlet": a.outlet}
            )
            for a in scale_articles(6)
            if a.published is not None
        ),
        encoding="utf-8",
    )
    stores = {}
    for executor in ("local", "ray"):
        db = str(tmp_path / f"{executor}.db")
        store = Store(db)
        report = api.add(store, [pile], options=Options(db=db, executor=executor, workers=2))
        assert (len(report.added), report.errors) == (6, [])
        stores[executor] = store
    assert stores["ray"].annotations() == stores["local"].annotations()
    assert stores["ray"].entities() == stores["local"].entities()
    assert stores["ray"].copies() == stores["local"].copies()
    for store in stores.values():
        store.close()
