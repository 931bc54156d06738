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


def test_seed_004_friday_is_the_coming_one() -> None:
    # "will be a part of the discussion ... when the two meet ... on Friday", written on
    # Wednesday 2024-09-11: the coming Friday
    text, dct = _seed("004_")
    assert _at(text, tag(text, dct), "on Friday", "Friday").value == "2024-09-13"


def test_seed_003_two_weeks_after_late_may_is_june() -> None:
    text, dct = _seed("003_")
    assert _at(text, tag(text, dct), "Two weeks later", "Two weeks later").value == "2023-06"


def test_every_seed_contributes_its_lead(seeds_db: Path) -> None:
    """The news each article opens with is on the full timeline, on or just before its
    publication day (or on the day its lead names)."""
    from typer.testing import CliRunner

    from storyline.present.cli import app

    def view(*args: str) -> dict:  # type: ignore[type-arg]
        result = CliRunner().invoke(app, ["--db", str(seeds_db), *args, "--json"])
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    events = view("timeline", "--all")["events"]
    for article in view("articles")["articles"]:
        leads = [
            e["date"]
            for e in events
            for ev in e["evidence"]
            if ev["article"] == article["id"] and ev["sentence_index"] <= 1
        ]
        assert leads, f"no lead of {article['url']} on the timeline"
        published = dt.date.fromisoformat(article["published"])
        for date in leads:
            day = dt.date.fromisoformat(date)
            assert published - dt.timedelta(days=7) <= day <= published
