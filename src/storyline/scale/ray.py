"""Scale-out on Ray: the same stage functions, run by model-holding actors.

Optional: ``pip install 'storyline[ray]'``. Ray Data maps batches of articles
through an actor pool; each actor loads the spaCy pipeline once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import OptionsError
from ..models import Annotations, Article, ItemError


class _Annotator:
    """A Ray actor holding one pipeline for its lifetime."""

    def __init__(self, models: tuple[str, ...], batch_size: int) -> None:
        from ..annotate.pipeline import load_pipeline

        self.nlp = load_pipeline(models)
        self.batch_size = batch_size

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from ..annotate.pipeline import annotate

        articles: list[Article] = list(batch["article"])
        return {"result": list(annotate(self.nlp, articles, batch_size=self.batch_size))}


def annotate_ray(
    articles: Sequence[Article],
    *,
    models: tuple[str, ...],
    workers: int = 2,
    batch_size: int = 32,
) -> Iterator[Annotations | ItemError]:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise OptionsError(
            "executor 'ray' needs Ray: pip install 'storyline[ray]'", code="E010"
        ) from exc
    if not ray.is_initialized():
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    dataset = ray.data.from_items([{"article": a} for a in articles])
    results = dataset.map_batches(
        _Annotator,
        fn_constructor_args=(models, batch_size),
        batch_size=batch_size * 4,
        concurrency=workers,
        batch_format="numpy",
    )
    for row in results.iter_rows():
        yield row["result"]
