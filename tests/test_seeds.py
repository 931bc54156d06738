"""The five real seed articles (../shared/corpora/seeds), end to end.

Nothing in storyline knows these files; these tests check that the general
abilities hold on real coverage.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyline.present.cli import app

runner = CliRunner()


def _json(db: Path, *args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["--db", str(db), *args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _seed_id(db: Path, prefix: str) -> str:
    articles = _json(db, "articles")["articles"]
    return next(a["id"] for a in articles if a["url"] and prefix in a["url"])


def _event_with(events: list[dict], date: str, article: str, words: str) -> dict | None:  # type: ignore[type-arg]
    for e in events:
        if e["date"] != date:
            continue
        for ev in e["evidence"]:
            if ev["article"] == article and words in ev["sentence"]:
                return ev
    return None


def test_relative_dates_on_the_timeline(seeds_db: Path) -> None:
    events = _json(seeds_db, "timeline", "--all")["events"]
    cases = [
        ("2023-05-09", "1lurer.am", "Tuesday news conference"),
        ("2023-07-20", "arkansasonline", "Aspen Security Forum on Thursday"),
        ("2024-08-30", "blogspot", "Aug. 30"),
    ]
    for date, site, words in cases:
        ev = _event_with(events, date, _seed_id(seeds_db, site), words)
        assert ev is not None, f"no {date} event from {site} with {words!r}"
        assert ev["outlet"] and ev["url"] and site in ev["url"]
        assert ev["published"]


def test_month_stays_a_month(seeds_db: Path) -> None:
    events = _json(seeds_db, "timeline", "--all")["events"]
    article = _seed_id(seeds_db, "arkansasonline")
    assert _event_with(events, "2023-05", article, "In late May") is not None


def test_quotes_with_speakers(seeds_db: Path) -> None:
    quotes = _json(seeds_db, "quotes")["quotes"]

    def find(words: str) -> dict:  # type: ignore[type-arg]
        return next(q for q in quotes if words in q["text"])

    policy = find("our policy on ATACMS has not changed")
    assert policy["anonymous"] is True and policy["direct"] is True
    assert "official" in (policy["speaker"] or "").casefold()
    biden = find("We’re working that out now")
    assert "Biden" in biden["speaker"] and biden["anonymous"] is False
    assert biden["speaker_entity"] is not None


def test_zelenskyy_is_one_entity(seeds_db: Path) -> None:
    entities = _json(seeds_db, "entities")["entities"]
    spellings = ("Zelenskyy", "Zelensky", "Zelenskiy")

    def spelled(alias: str) -> set[str]:
        return {s for s in spellings if alias.split()[-1] == s}

    holders = [e for e in entities if any(spelled(a) for a in e["aliases"])]
    assert len(holders) == 1, [(e["name"], e["aliases"]) for e in holders]
    found = set().union(*(spelled(a) for a in holders[0]["aliases"]))
    assert found == set(spellings)
    assert len(holders[0]["articles"]) == 4  # every seed but 000 names him


def test_one_quote_carried_by_two_outlets(seeds_db: Path) -> None:
    quotes = _json(seeds_db, "quotes")["quotes"]
    carried = [q for q in quotes if "Without long-range weapons" in q["text"]]
    assert len(carried) == 1, [q["text"] for q in carried]
    assert len(carried[0]["articles"]) == 2 and len(set(carried[0]["outlets"])) == 2
    assert "Zelensk" in (carried[0]["speaker"] or "")
