"""Accuracy gate on the bundled sample corpus (our own fictional story).

``gold.json`` says what storyline must find; each category has a floor in
tests/floors.json (``sample_gold.<category>``), pinned at the measured rate
(bench/sample_gold.py prints the misses). A floor is raised when the code gets
better (bench/floors.py) and never lowered to pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from storyline.store import Store
from storyline.views.corpus import Corpus

sys.path.insert(0, str(Path(__file__).parent))
from floors_data import floors  # noqa: E402
from gold_scoring import score_gold  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "storyline" / "sample"

FLOORS = floors("sample_gold")


@pytest.fixture(scope="module")
def scores(sample_db: Path):  # type: ignore[no-untyped-def]
    return score_gold(Corpus.from_store(Store(sample_db, read_only=True)), SAMPLE / "gold.json")


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_category_meets_its_floor(scores, category: str) -> None:  # type: ignore[no-untyped-def]
    score = scores[category]
    assert score.total > 0
    assert score.rate >= FLOORS[category], (
        f"{category}: {score.hits}/{score.total}; misses: {score.misses}"
    )


def test_every_category_is_gated(scores) -> None:  # type: ignore[no-untyped-def]
    assert set(scores) == set(FLOORS)
