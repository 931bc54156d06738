"""One event per happening on the default timeline (views/happenings.py, views/timeline.py)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyline.present.cli import app
from storyline.views.happenings import HappeningIndex, group_happenings

# Background sentences so that the story's own names are common, as in a real story.
STORY = [
    "Defence Minister Ilse Marten said Kestria had no plans to send interceptors to Esterholm.",
    "Marten said in February that Kestria had no plans to send the interceptors to its ally.",
    "Defence Minister Ilse Marten said the first battery would arrive by the end of the year.",
    'Prime Minister Tomas Reinholt said the transfer was "still in play" for Esterholm.',
    'In late May, Reinholt told the Capital Post the system was "still in play."',
    "Marine insurers raised premiums for voyages into the Gulf of Sarn again.",
    "Esterholm's navy lost a patrol boat to a Vareshi missile off the northern cape.",
    "Kestria and Esterholm concluded a defense pact after months of talks.",
]


def test_same_statement_told_twice_is_one_happening() -> None:
    index = HappeningIndex(STORY)
    assert index.same(0, 1)  # the same refusal, with and without the title
    assert index.same(3, 4)  # the same quoted words


def test_shared_names_alone_are_not_one_happening() -> None:
    index = HappeningIndex(STORY)
    assert not index.same(0, 2)  # one minister, two statements
    assert not index.same(5, 6)
    assert not index.same(6, 7)


def test_grouping_keeps_order_and_splits_unrelated_sentences() -> None:
    index = HappeningIndex(STORY)
    groups = group_happenings(index, [0, 5, 1, 3, 4])
    assert groups == [[0, 1], [5], [3, 4]]


def _events(db: Path) -> list[dict]:  # type: ignore[type-arg]
    """The full dated record (`timeline --all`): these tests read every happening."""
    result = CliRunner().invoke(app, ["--db", str(db), "timeline", "--all", "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["events"]  # type: ignore[no-any-return]


def test_a_month_retelling_joins_the_dated_happening(sample_db: Path) -> None:
    """'In late May, Reinholt said ... "still in play"' is the statement of Tuesday
    May 27 told again: evidence of that event, not a second, vaguer one."""
    events = _events(sample_db)
    still = [e for e in events if any("still in play" in ev["sentence"] for ev in e["evidence"])]
    assert [e["date"] for e in still] == ["2025-05-27"]
    sentences = [ev["sentence"] for ev in still[0]["evidence"]]
    assert "said on Tuesday" in sentences[0]  # the finer-dated report leads
    assert any(s.startswith("In late May") for s in sentences[1:])


def test_one_date_holds_several_happenings(sample_db: Path) -> None:
    events = _events(sample_db)
    march = [e for e in events if e["date"] == "2025-03"]
    assert len(march) >= 3
    summaries = [e["summary"] for e in march]
    insurers = next(s for s in summaries if "insurers" in s)
    assert "request" not in insurers
    assert any("formal request" in s for s in summaries)
    # "formally requested ... in March" retells the request the Ledger's lead reported
    # on its publication day: evidence of that finer-dated event
    (request,) = [
        e for e in events if any("formally requested" in ev["sentence"] for ev in e["evidence"])
    ]
    assert request["date"] == "2025-03-06"
    assert request["evidence"][0]["sentence"].startswith("Esterholm has formally asked")


def test_seeds_quote_is_one_event_on_its_day(seeds_db: Path) -> None:
    """The 'Without long-range weapons' remark: 'at a July 7 news conference' in one
    outlet, 'earlier this month' in the other; one event, dated July 7."""
    events = _events(seeds_db)
    quoted = [
        e
        for e in events
        if any("Without long-range weapons" in ev["sentence"] for ev in e["evidence"])
    ]
    assert [e["date"] for e in quoted] == ["2023-07-07"]
    assert len({ev["outlet"] for ev in quoted[0]["evidence"]}) == 2
