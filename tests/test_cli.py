"""The command line contract (shared/spec/cli.md) end to end, on real stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.present.cli import app

runner = CliRunner()

REQUIRED = {
    "articles": (
        "articles",
        {
            "id",
            "title",
            "outlet",
            "url",
            "published",
            "published_source",
            "duplicate_of",
            "language",
        },
    ),
    "timeline": ("events", {"date", "start", "end", "summary", "evidence"}),
    "quotes": (
        "quotes",
        {
            "text",
            "speaker",
            "speaker_entity",
            "anonymous",
            "direct",
            "cue",
            "article",
            "outlet",
            "date",
        },
    ),
    "entities": ("entities", {"id", "name", "type", "aliases", "mentions", "articles"}),
}


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", sorted(REQUIRED))
def test_json_shapes(sample_db: Path, command: str) -> None:
    code, stdout, _ = run(sample_db, command, "--json")
    assert code == 0
    key, fields = REQUIRED[command]
    payload = json.loads(stdout)
    assert list(payload)[0] == key  # the spec's list first; more fields are welcome
    assert payload[key], f"{command} returned nothing on the sample corpus"
    for row in payload[key]:
        assert fields <= set(row), fields - set(row)


def test_sources_and_facts_shapes(sample_db: Path) -> None:
    code, stdout, _ = run(sample_db, "sources", "--json")
    assert code == 0
    payload = json.loads(stdout)
    assert {"outlets", "citations", "copies"} <= set(payload)
    assert all({"name", "articles"} <= set(o) for o in payload["outlets"])
    assert all({"article", "cites", "cue", "sentence"} <= set(c) for c in payload["citations"])
    assert all({"article", "copy_of", "kind"} <= set(c) for c in payload["copies"])
    code, stdout, _ = run(sample_db, "facts", "--json")
    payload = json.loads(stdout)
    assert code == 0 and {"facts", "disagreements"} <= set(payload)
    for fact in payload["facts"]:
        assert {"about", "value", "unit", "normalized", "text", "article", "outlet"} <= set(fact)
    for d in payload["disagreements"]:
        assert {"about", "facts", "spread"} <= set(d)


def test_timeline_filters(sample_db: Path) -> None:
    _, stdout, _ = run(sample_db, "timeline", "--json")
    events = json.loads(stdout)["events"]
    middle = events[len(events) // 2]["start"]
    _, stdout, _ = run(sample_db, "timeline", "--json", "--from", middle)
    later = json.loads(stdout)["events"]
    assert later and all(e["end"] >= middle for e in later)
    _, stdout, _ = run(sample_db, "timeline", "--json", "--to", middle)
    assert all(e["start"] <= middle for e in json.loads(stdout)["events"])
    _, stdout, _ = run(sample_db, "timeline", "--json", "--limit", "3")
    assert len(json.loads(stdout)["events"]) <= 3


def test_human_output_and_report(sample_db: Path, tmp_path: Path) -> None:
    for command in ("articles", "timeline", "quotes", "entities", "sources", "facts"):
        code, stdout, _ = run(sample_db, command)
        assert code == 0 and stdout.strip()
    for fmt in ("html", "md", "json", "timelinejs"):
        out = tmp_path / f"report.{fmt}"
        code, _, _ = run(sample_db, "report", "--format", fmt, "-o", str(out))
        assert code == 0 and out.stat().st_size > 500


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run(db, "add")[0] == 2
    assert run(db, "timeline", "--from", "last week")[0] == 2
    assert run(db, "report", "--format", "pdf")[0] == 2
    assert runner.invoke(app, ["nonsense"]).exit_code == 2


def test_bad_inputs_named_exit_1_rest_stored_and_readd_is_noop(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        " date 2025-03-13 The port authority in Velmar said on Tuesday that the ferry terminal would "
        'be delayed again. "We need more time," director Ana Pell said.\n',
        encoding="utf-8",
    )
    (folder / "other.html").write_text(
        "<html><head><title>Velmar</title></head><body><article><p>Ana Pell resigned on Friday, "
        "the Velmar port authority said in a statement released to reporters late in the day.</p>"
        "<p>Her deputy will take over the terminal project until a successor is appointed.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "empty.txt").write_text("")
    (folder / "cp1252.txt").write_bytes("R\xe9sum\xe9 of the week".encode("cp1252"))
    (folder / "broken.html").write_text("<html><body><div><p></div></span></body>")
    manifest = folder / "manifest.jsonl"
    manifest.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"file": "good.txt", "outlet": "Ledger"},
                {"file": "other.html", "published": "2025-13-01"},
                {"file": "vanished.txt"},
                {"file": "binary.txt"},
                {"file": "empty.txt"},
                {"file": "cp1252.txt"},
                {"file": "broken.html"},
            ]
        )
    )
    db = tmp_path / "s.db"
    code, stdout, stderr = run(db, "add", str(folder), "--manifest", str(manifest), "--json")
    assert code == 1
    summary = json.loads(stdout)
    assert len(summary["added"]) == 1
    named = " ".join(e["item"] for e in summary["errors"])
    for name in (
        "other.html",
        "vanished.txt",
        "binary.txt",
        "empty.txt",
        "cp1252.txt",
        "broken.html",
    ):
        assert name in named
        assert name in stderr
    assert len(summary["errors"]) == 6
    code, stdout, _ = run(db, "articles", "--json")
    assert [a["outlet"] for a in json.loads(stdout)["articles"]] == ["Ledger"]
    # The same batch again: nothing new stored, the same errors reported.
    code, stdout, _ = run(db, "add", str(folder), "--manifest", str(manifest), "--json")
    again = json.loads(stdout)
    assert code == 1 and again["added"] == [] and len(again["unchanged"]) == 1
    _, stdout, _ = run(db, "articles", "--json")
    assert len(json.loads(stdout)["articles"]) == 1


def test_summarized_timeline_reads_like_a_story(sample_db: Path) -> None:
    """--limit picks the dates that matter, a few distinct sentences each, and
    never the same sentence twice (the sample has a syndicated copy)."""
    _, stdout, _ = run(sample_db, "timeline", "--json", "--limit", "10")
    events = json.loads(stdout)["events"]
    assert 6 <= len(events) <= 10
    dates = [e["date"] for e in events]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    sentences = [ev["sentence"] for e in events for ev in e["evidence"]]
    assert len(sentences) == len(set(sentences))
    text = " ".join(e["summary"] for e in events).casefold()
    assert "no plans" in text and "authorized" in text
    assert text.index("no plans") < text.index("authorized")


def test_full_timeline_keeps_granularity_and_no_duplicates(sample_db: Path) -> None:
    _, stdout, _ = run(sample_db, "timeline", "--json", "--all")
    events = json.loads(stdout)["events"]
    granularities = {len(e["date"]) for e in events}
    assert {4, 7, 10} <= granularities  # years, months and days all appear
    sentences = [ev["sentence"] for e in events for ev in e["evidence"]]
    assert len(sentences) == len(set(sentences))
