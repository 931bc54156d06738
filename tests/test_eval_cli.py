"""`storyline eval ...` on the shared benchmarks: the CLI contract plus the accuracy
floors of tests/floors.json (measured numbers are in docs/benchmarks.md; floors are
raised by bench/floors.py and never lowered to pass)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.present.cli import app

sys.path.insert(0, str(Path(__file__).parent))
from floors_data import floors  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "datasets"
runner = CliRunner()


def _eval(kind: str, directory: Path, predictions: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    if not directory.exists():
        pytest.skip(f"{directory} is not beside the checkout")
    args = ["eval", kind, str(directory), "--json", "--predictions", str(predictions), *extra]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _meets_floors(scores: dict, group: str) -> None:  # type: ignore[type-arg]
    below = {m: (scores[m], f) for m, f in floors(group).items() if scores[m] < f}
    assert not below, f"under the floors of tests/floors.json (measured, floor): {below}"


@pytest.mark.model
def test_eval_timex_tempeval3(tmp_path: Path) -> None:
    # the tagger inside the annotation pipeline, as `add` runs it
    scores = _eval("timex", SHARED / "tempeval3" / "TBAQ-cleaned", tmp_path / "pred")
    assert scores["files"] == 256 or scores["files"] == 257
    assert {"strict_f1", "relaxed_f1", "type_f1", "value_f1", "seconds"} <= set(scores)
    assert scores["tagger"] == "pipeline"
    _meets_floors(scores, "timex")
    written = list((tmp_path / "pred").rglob("*.tml"))
    assert len(written) == scores["files"]
    assert "<TIMEX3" in written[0].read_text(encoding="utf-8")


@pytest.mark.model
def test_eval_quotes_polnear_dev(tmp_path: Path) -> None:
    scores = _eval("quotes", SHARED / "polnear" / "dev", tmp_path / "pred")
    assert scores["documents"] == 84
    assert {
        "source_f1",
        "cue_f1",
        "content_f1",
        "source_exact_f1",
        "content_exact_f1",
        "seconds",
    } <= set(scores)
    # default = what `storyline quotes` shows (precision first); all_*: every quote
    _meets_floors(scores, "quotes")
    assert len(list((tmp_path / "pred").glob("*.ann"))) == 84


def test_eval_missing_folder_is_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "timex", str(tmp_path / "absent"), "--json"])
    assert result.exit_code == 2


@pytest.mark.model
def test_eval_tls_cli_on_one_topic(tmp_path: Path) -> None:
    topic = SHARED / "t17" / "mj"
    if not topic.exists():
        pytest.skip("T17 is not beside the checkout")
    data = tmp_path / "t17"
    data.mkdir()
    (data / "mj").symlink_to(topic)
    stores = tmp_path / "stores"
    scores = _eval("tls", data, tmp_path / "pred", "--stores", str(stores))
    assert scores["timelines"] == 1 and scores["preparation"] == "product"
    assert {"ar1_f1", "ar2_f1", "date_f1", "seconds", "per_timeline"} <= set(scores)
    assert 0 < scores["ar1_f1"] < 1 and 0 < scores["date_f1"] <= 1
    # the product path: the topic's store, built as `storyline add` builds it
    assert (stores / "mj.db").is_file()
    _meets_floors(scores, "tls.mj")
    [row] = scores["per_timeline"]
    assert (row["topic"], row["timeline"]) == ("mj", 0)
    lines = (tmp_path / "pred" / "mj" / "0.jsonl").read_text(encoding="utf-8").strip().splitlines()
    timeline = json.loads(lines[0]) if len(lines) == 1 else [json.loads(x) for x in lines]
    assert timeline and timeline[0][0].endswith("T00:00:00") and isinstance(timeline[0][1], list)
