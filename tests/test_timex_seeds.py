"""The five seed articles (../shared/corpora/seeds): the relative dates they rely on."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from storyline.annotate.timex import tag
from storyline.models import Timex

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "seeds"


def _seed(prefix: str) -> tuple[str, dt.date]:
    if not (SEEDS / "manifest.jsonl").is_file():
        pytest.skip("../shared/corpora/seeds is not available")
    for line in (SEEDS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["file"].startswith(prefix):
            text = (SEEDS / row["file"]).read_text(encoding="utf-8")
            return text, dt.date.fromisoformat(row["published"])
    pytest.skip(f"seed {prefix} not in the manifest")


def _at(text: str, timexes: list[Timex], phrase: str, surface: str) -> Timex:
    """The expression ``surface`` inside the first occurrence of ``phrase``."""
    i = text.find(phrase)
    assert i >= 0, f"{phrase!r} not in the seed"
    j = i + phrase.index(surface)
    for tx in timexes:
        if tx.start <= j < tx.end:
            return tx
    raise AssertionError(f"no expression at {surface!r}: {[t.text for t in timexes]}")


def test_seed_000_tuesday_news_conference() -> None:
    text, dct = _seed("000_")
    assert dct == dt.date(2023, 5, 10)
    tx = _at(text, tag(text, dct), "a Tuesday news conference", "Tuesday")
    assert tx.value == "2023-05-09"


def test_seed_003_on_thursday_and_late_may() -> None:
    text, dct = _seed("003_")
    assert dct == dt.date(2023, 7, 24)
    got = tag(text, dct)
    assert _at(text, got, "on Thursday", "Thursday").value == "2023-07-20"
    late = _at(text, got, "In late May", "late May")
    assert (late.value, late.mod) == ("2023-05", "END")


def test_seed_004_aug_30() -> None:
    text, dct = _seed("004_")
    assert dct == dt.date(2024, 9, 11)
    assert _at(text, tag(text, dct), "Aug. 30", "Aug. 30").value == "2024-08-30"


def test_all_seeds_tag_without_error() -> None:
    for prefix in ("000_", "001_", "002_", "003_", "004_"):
        text, dct = _seed(prefix)
        for tx in tag(text, dct):
            assert text[tx.start : tx.end] == tx.text
