"""The default executor: annotate in this process or in a local process pool.

Each pool worker loads the pipeline once (in its initializer) and keeps it for
its lifetime: the model-holding-worker pattern the Ray executor uses too.
``LocalExecutor`` is the executor object (``executor.Executor``);
``annotate_local`` its ``map``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from ..annotate.pipeline import annotate, load_pipeline
from ..errors import AnnotateError
from ..models import Article
from .executor import (
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
    from ..store import Store

# Per-worker-process pipeline, set by the initializer. Lives only inside pool
# worker processes, never in the caller's.
_WORKER_NLP: Language | None = None


def _init_worker(models: tuple[str, ...]) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load_pipeline(models)


def _annotate_chunk(articles: list[Article], batch_size: int) -> list[Result]:
    if _WORKER_NLP is None:  # pragma: no cover - initializer always ran
        raise RuntimeError("[E204] worker pipeline not loaded")
    return list(annotate(_WORKER_NLP, articles, batch_size=batch_size))


# About two seconds of annotation on one core: results come back, and so can
# be committed, at least this often, so an interrupted run loses seconds.
CHUNK_CHARS = 40_000


def chunks_by_size(
    articles: Sequence[Article], limit: int, max_count: int
) -> Iterator[list[Article]]:
    """Consecutive runs of articles of at most ``limit`` characters in all (an
    article longer than that alone) and at most ``max_count`` articles."""
    chunk: list[Article] = []
    size = 0
    for article in articles:
        if chunk and (size + len(article.text) > limit or len(chunk) >= max_count):
            yield chunk
            chunk, size = [], 0
        chunk.append(article)
        size += len(article.text)
    if chunk:
        yield chunk


def annotate_local(
    articles: Sequence[Article],
    *,
    models: tuple[str, ...],
    workers: int = 1,
    batch_size: int = 32,
    nlp: Language | None = None,
    on_done: Callable[[int], None] | None = None,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[Result]:
    """Yield one result per article, in input order."""
    chunks = chunks_by_size(articles, chunk_chars, batch_size)
    if workers <= 1 or len(articles) < 2 * batch_size:
        pipeline = nlp or load_pipeline(models)
        for chunk in chunks:
            for result in annotate(pipeline, chunk, batch_size=batch_size):
                if on_done:
                    on_done(1)
                yield result
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(models,)
    ) as pool:
        # ``map`` would submit every chunk at once; a bounded window of chunks in
        # flight keeps memory flat on a large input and yields results in order.
        window = workers * 2
        pending: deque[Future[list[Result]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_annotate_chunk, chunk, batch_size))
            if len(pending) >= window:
                yield from _finish(pending.popleft(), on_done)
        while pending:
            yield from _finish(pending.popleft(), on_done)


def _finish(future: Future[list[Result]], on_done: Callable[[int], None] | None) -> list[Result]:
    results = future.result()
    if on_done:
        on_done(len(results))
    return results


# ---- the executor object ---------------------------------------------------

# Per-worker-process shard worker, set by the initializer (pool processes only).
_SHARD_WORKER: ShardWorker | None = None


def _init_shard_worker(
    target: str, models: tuple[str, ...], version: str, settings: dict[str, Any]
) -> None:
    global _SHARD_WORKER
    _SHARD_WORKER = ShardWorker(target, models, version, **settings)


def _process_shard(ids: list[str]) -> ShardReport:
    if _SHARD_WORKER is None:  # pragma: no cover - initializer always ran
        raise RuntimeError("[E204] worker pipeline not loaded")
    return _SHARD_WORKER.process(ids)


class LocalExecutor(ShardedExecutor):
    """Annotation in this process (``workers=1``) or a local process pool.

    ``shard_size``, ``commit_every`` and ``crash_after`` go to the shard
    workers (``executor.ShardWorker``; ``crash_after`` is fault injection).
    """

    name = "local"

    def map(
        self,
        articles: Sequence[Article],
        *,
        nlp: Language | None = None,
        on_done: Callable[[int], None] | None = None,
    ) -> Iterator[Result]:
        return annotate_local(
            articles,
            models=self.models,
            workers=self.workers,
            batch_size=self.batch_size,
            nlp=nlp,
            on_done=on_done,
        )

    def run(
        self,
        store: Store,
        ids: Sequence[str],
        version: str,
        *,
        on_shard: ShardProgress | None = None,
        nlp: Language | None = None,
    ) -> RunReport:
        report = RunReport()
        if self.workers <= 1 or len(ids) <= self.shard_size:
            parts = shards(ids, self.shard_size)
            # In process, on the caller's store (an in-memory one included).
            worker = ShardWorker(store, self.models, version, nlp=nlp, **self.worker_settings)
            for part in parts:
                shard = worker.process(part)
                report.add(shard)
                if on_shard:
                    on_shard(shard)
            return report
        parts = shards(ids, self.shard_size, self.workers)
        target = shared_target(store)
        with ProcessPoolExecutor(
            max_workers=self.workers,
            initializer=_init_shard_worker,
            initargs=(target, self.models, version, self.worker_settings),
        ) as pool:
            window = self.workers * 2  # shards in flight: memory stays flat on a long run
            pending: deque[Future[ShardReport]] = deque()
            for part in parts:
                pending.append(pool.submit(_process_shard, part))
                if len(pending) >= window:
                    _collect(pending.popleft(), report, on_shard)
            while pending:
                _collect(pending.popleft(), report, on_shard)
        return report


def _collect(
    future: Future[ShardReport], report: RunReport, on_shard: ShardProgress | None
) -> None:
    try:
        shard = future.result()
    except BrokenProcessPool as exc:
        raise AnnotateError(
            "an annotation worker died; what it committed is kept: run again to finish", code="E270"
        ) from exc
    report.add(shard)
    if on_shard:
        on_shard(shard)
