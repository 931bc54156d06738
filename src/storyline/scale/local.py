"""The default executor: annotate in this process or in a local process pool.

Each pool worker loads the pipeline once (in its initializer) and keeps it for
its lifetime: the model-holding-worker pattern the Ray executor uses too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

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


def annotate_local(
    articles: Sequence[Article],
    *,
    models: tuple[str, ...],
    workers: int = 1,
    batch_size: int = 32,
    nlp: Language | None = None,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[Result]:
    """Yield one result per article, in input order."""
    if workers <= 1 or len(articles) < 2 * batch_size:
        pipeline = nlp or load_pipeline(models)
        for result in annotate(pipeline, articles, batch_size=batch_size):
            if on_done:
                on_done(1)
            yield result
        return
    size = max(1, min(batch_size * 4, len(articles) // (workers * 2) or 1))
    chunks = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(models,)
    ) as pool:
        for results in pool.map(_annotate_chunk, chunks, [batch_size] * len(chunks)):
            if on_done:
                on_done(len(results))
            yield from results
