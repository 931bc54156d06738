"""Executors give the same records as annotating in process."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.models import Annotations, Article
from storyline.options import DEFAULT_MODELS
from storyline.scale.local import annotate_local

TEXT = (
    "Harbour director Ana Pell said on Tuesday that the terminal would open in May. "
    '"We are nearly there," she told the Velmar Gazette. The crane arrived 40 km late.'
)


def _articles(n: int) -> list[Article]:
    return [
        Article(id=f"a{i}", text=TEXT.replace("Tuesday", ["Monday", "Tuesday", "Friday"][i % 3]) + f" Item {i}.",
                published=dt.date(2025, 3, 13))
        for i in range(n)
    ]


def _by_id(results: list[object]) -> dict[str, Annotations]:
    assert all(isinstance(r, Annotations) for r in results)
    return {r.article_id: r for r in results}  # type: ignore[union-attr]


def test_process_pool_matches_in_process(nlp) -> None:  # type: ignore[no-untyped-def]
    articles = _articles(6)
    alone = _by_id(list(annotate_local(articles, models=DEFAULT_MODELS, workers=1, batch_size=2, nlp=nlp)))
    pooled = _by_id(list(annotate_local(articles, models=DEFAULT_MODELS, workers=2, batch_size=2)))
    assert alone == pooled
    assert alone["a1"].timexes and alone["a1"].quotes


def test_ray_matches_in_process(nlp) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("ray")
    from storyline.scale.ray import annotate_ray

    articles = _articles(4)
    alone = _by_id(list(annotate_local(articles, models=DEFAULT_MODELS, workers=1, batch_size=2, nlp=nlp)))
    on_ray = _by_id(list(annotate_ray(articles, models=DEFAULT_MODELS, workers=2, batch_size=2)))
    assert alone == on_ray
