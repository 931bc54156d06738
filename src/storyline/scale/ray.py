"""Scale-out on Ray: the same shard workers, run as Ray Data actors.

Optional: ``pip install 'storyline[ray]'``. ``RayExecutor.run`` maps shards of
article ids through an actor pool (``map_batches`` with a callable class):
each actor loads the spaCy pipeline once, opens its own ``Store`` (a SQLite
file on one machine, PostgreSQL across machines), reads its shard's articles
and writes their annotations itself; the driver sends ids and hears one small
report per shard. By default Ray restarts an actor that dies and retries its
shard; the store's per-article records make the retry write each article once.

Ray is joined when already initialized, or when ``RAY_ADDRESS`` names a
cluster; otherwise a local instance is started with no dashboard, no usage
report and the workers' logs kept out of the driver's output.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import AnnotateError, OptionsError
from ..models import Article
from .executor import (
    COMMIT_EVERY,
    SHARD_SIZE,
    Result,
    RunReport,
    ShardedExecutor,
    ShardProgress,
    ShardReport,
    ShardWorker,
    shards,
    shared_target,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from ..store import Store

# The local instance's shared-object store: only ids and reports travel through
# it on ``run`` (articles on ``map``); Ray spills to disk beyond it.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024
# Shards queued on each actor: with two, an actor starts its next shard without
# waiting for the driver's scheduling loop to hear that it finished one; more
# would leave an actor holding work at the end while another sits idle (the
# tapered last shards keep that wait short).
IN_FLIGHT_PER_ACTOR = 2


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise OptionsError(
            "executor 'ray' needs Ray: pip install 'storyline[ray]'", code="E010"
        ) from exc
    return ray


def start_ray(num_cpus: int) -> None:
    """Join the running Ray (or the cluster ``RAY_ADDRESS`` names), else start a
    local one with ``num_cpus`` CPUs: no dashboard, no usage report, quiet."""
    ray = _import_ray()
    if not ray.is_initialized():
        # Ray reports usage over the network unless told not to; nothing here may.
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        settings: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING}
        if not os.environ.get("RAY_ADDRESS"):
            settings.update(
                num_cpus=num_cpus,
                include_dashboard=False,
                object_store_memory=LOCAL_OBJECT_STORE_BYTES,
            )
        ray.init(**settings)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False


class _Annotator:
    """A Ray actor holding one pipeline for its lifetime (``map``: results go back)."""

    def __init__(self, models: tuple[str, ...], batch_size: int) -> None:
        from ..annotate.pipeline import load_pipeline

        self.nlp = load_pipeline(models)
        self.batch_size = batch_size

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from ..annotate.pipeline import annotate

        articles: list[Article] = list(batch["article"])
        return {"result": list(annotate(self.nlp, articles, batch_size=self.batch_size))}


class _ShardActor:
    """A Ray actor holding one ``ShardWorker`` (pipeline and store) for its lifetime."""

    def __init__(
        self, target: str, models: tuple[str, ...], version: str, settings: dict[str, Any]
    ) -> None:
        self.worker = ShardWorker(target, models, version, **settings)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        reports = [self.worker.process(json.loads(ids)).to_json() for ids in batch["ids"]]
        return {"report": reports}


class RayExecutor(ShardedExecutor):
    """Annotation on Ray Data actors; ``workers`` actors of one CPU each.

    ``retry``: let Ray restart a dead actor and retry its shard (Ray Data's
    default); false stops the run at the first death (E270), and a rerun
    resumes. ``shard_size``, ``commit_every``, ``crash_after`` as for
    ``LocalExecutor``.
    """

    name = "ray"

    def __init__(
        self,
        *,
        models: tuple[str, ...],
        workers: int = 2,
        batch_size: int = 32,
        shard_size: int = SHARD_SIZE,
        commit_every: int = COMMIT_EVERY,
        crash_after: int | None = None,
        retry: bool = True,
    ) -> None:
        super().__init__(
            models=models,
            workers=workers,
            batch_size=batch_size,
            shard_size=shard_size,
            commit_every=commit_every,
            crash_after=crash_after,
        )
        self.retry = retry

    def map(
        self,
        articles: Sequence[Article],
        *,
        nlp: Language | None = None,
        on_done: Callable[[int], None] | None = None,
    ) -> Iterator[Result]:
        """Results back to the driver (``api.add``'s committing loop); ``nlp`` is
        not used: each actor loads its own."""
        ray = _import_ray()
        start_ray(self.workers)
        dataset = ray.data.from_items([{"article": a} for a in articles])
        results = dataset.map_batches(
            _Annotator,
            fn_constructor_args=(self.models, self.batch_size),
            batch_size=self.batch_size * 4,
            compute=ray.data.ActorPoolStrategy(size=self.workers),
            num_cpus=1,
            batch_format="numpy",
        )
        for row in results.iter_rows():
            if on_done:
                on_done(1)
            yield row["result"]

    def run(
        self,
        store: Store,
        ids: Sequence[str],
        version: str,
        *,
        on_shard: ShardProgress | None = None,
    ) -> RunReport:
        ray = _import_ray()
        target = shared_target(store)
        start_ray(self.workers)
        parts = shards(ids, self.shard_size, self.workers)
        report = RunReport()
        if not parts:
            return report
        # One row per shard, one shard per call: a shard is the unit a worker
        # reads, writes and reports on.
        dataset = ray.data.from_items([{"ids": json.dumps(part)} for part in parts])
        extra: dict[str, Any] = {} if self.retry else {"max_restarts": 0, "max_task_retries": 0}
        reports = dataset.map_batches(
            _ShardActor,
            fn_constructor_args=(target, self.models, version, self.worker_settings),
            batch_size=1,
            compute=ray.data.ActorPoolStrategy(
                size=self.workers, max_tasks_in_flight_per_actor=IN_FLIGHT_PER_ACTOR
            ),
            num_cpus=1,
            batch_format="numpy",
            **extra,
        )
        try:
            for row in reports.iter_rows():
                shard = ShardReport.from_json(str(row["report"]))
                report.add(shard)
                if on_shard:
                    on_shard(shard)
        except ray.exceptions.RayError as exc:
            # A worker's own coded error (say E272) says more than Ray's wrapper.
            coded = re.search(r"\[E\d{3}\][^\n]*", str(exc))
            if coded:
                raise AnnotateError(
                    f"a Ray annotation worker stopped: {coded.group(0)}", code="E270"
                ) from exc
            raise AnnotateError(
                f"a Ray annotation worker failed ({type(exc).__name__}); what it committed "
                "is kept: run again to finish",
                code="E270",
            ) from exc
        return report


def annotate_ray(
    articles: Sequence[Article],
    *,
    models: tuple[str, ...],
    workers: int = 2,
    batch_size: int = 32,
) -> Iterator[Result]:
    """``RayExecutor(...).map(articles)``, kept for callers of the old function."""
    return RayExecutor(models=models, workers=workers, batch_size=batch_size).map(articles)
