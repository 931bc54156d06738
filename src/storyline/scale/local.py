"""The default executor: annotate in this process or in a local process pool.

Each pool worker loads the pipeline once (in its initializer) and keeps it for
its lifetime: the model-holding-worker pattern the Ray executor uses too.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from spacy.language import Language

from ..annotate.pipeline import annotate, load_pipeline
from ..models import Annotations, Article, ItemError

Result = Annotations | ItemError

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


def chunks_by_size(articles: Sequence[Article], limit: int, max_count: int) -> Iterator[list[Article]]:
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
