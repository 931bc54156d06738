"""news-tls protocol: tasks, windows, prediction files, aggregation."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from storyline.errors import EvalError
from storyline.eval.tls import GoldTimeline, evaluate, in_gold_form, load_topic, task_window
from storyline.models import Evidence, TimelineEvent
from storyline.views.tls import CandidateSentence

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "t17"


def _write_topic(
    root: Path, name: str, articles: list[dict[str, str]], timelines: list[list[object]]
) -> None:
    d = root / name
    d.mkdir(parents=True)
    with gzip.open(d / "articles.jsonl.gz", "wt", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a) + "\n")
    lines = [json.dumps(tl) for tl in timelines]
    (d / "timelines.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    (d / "keywords.json").write_text(json.dumps(["dam"]), encoding="utf-8")


def _article(i: int, day: str, *lines: str) -> dict[str, str]:
    return {"id": f"x/{day}/{i}", "time": day, "source": "wire", "text": "\n".join(lines) + "\n"}


@pytest.fixture()
def dataset(tmp_path: Path) -> Path:
    arts = [
        _article(
            1, "2015-03-02", "The Redwater dam collapsed on March 2 , 2015 , flooding villages ."
        ),
        _article(
            2, "2015-03-03", "The Redwater dam collapse on March 2 , 2015 flooded three villages ."
        ),
        _article(
            3, "2015-03-05", "An inquiry into the dam opened on March 5 , 2015 , officials said ."
        ),
        _article(
            4, "2015-03-06", "The dam inquiry that opened on March 5 , 2015 named three engineers ."
        ),
        # published after the gold window: must not be seen by the system
        _article(
            5, "2015-04-01", "The dam was rebuilt by April 1 , 2015 , the builders said proudly ."
        ),
        _article(
            6,
            "2015-04-02",
            "The dam reopened on April 1 , 2015 , after repairs were done quickly .",
        ),
    ]
    gold = [
        ["2015-03-02T00:00:00", ["The Redwater dam collapses , flooding villages ."]],
        [
            "2015-03-05T00:00:00",
            ["An inquiry into the dam collapse opens .", "Three engineers are named ."],
        ],
    ]
    _write_topic(tmp_path / "tiny", "redwater", arts, [gold])
    return tmp_path / "tiny"


def test_load_topic_and_task(dataset: Path) -> None:
    topic = load_topic(dataset / "redwater")
    assert len(topic.articles) == 6 and topic.keywords == ["dam"]
    (gold,) = topic.timelines  # the trailing blank line is not a timeline
    assert gold.index == 0 and len(gold.dates) == 2
    assert gold.k == 2  # round(mean(1, 2)) = round(1.5) = 2 (Python rounds half to even)
    assert task_window(gold, 0) == (dt.date(2015, 3, 2), dt.date(2015, 3, 5))
    assert task_window(gold, 7) == (dt.date(2015, 2, 23), dt.date(2015, 3, 12))


def test_k_rounds_like_news_tls() -> None:
    gold = GoldTimeline(
        "t", 0, {dt.date(2020, 1, 1): ["a"], dt.date(2020, 1, 2): ["a", "b", "c", "d"]}
    )
    assert gold.k == 2  # round(2.5) == 2


def test_a_prediction_is_scored_in_the_gold_s_tokens() -> None:
    day = dt.date(2020, 1, 1)
    shown = {day: ["The dam (DM-4) isn't safe."]}
    tokenized = GoldTimeline("t", 0, {day: ["The dam -LRB- DM-4 -RRB- is n't safe ."]})
    prose = GoldTimeline("t", 0, {day: ["The dam (DM-4) isn't safe."]})
    assert in_gold_form(shown, tokenized) == {day: ["The dam -LRB- DM-4 -RRB- is n't safe."]}
    assert in_gold_form(shown, prose) == shown


def test_evaluate_protocol(dataset: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int, Sequence[str], dt.date, dt.date, set[dt.date]]] = []

    def spy(
        sents: Sequence[CandidateSentence], l: int, k: int, kw: Sequence[str],  # noqa: E741
        start: dt.date, end: dt.date,
    ) -> list[TimelineEvent]:  # fmt: skip
        seen.append((l, k, kw, start, end, {s.published for s in sents}))
        day = dt.date(2015, 3, 2)
        ev = Evidence("x", 0, "The Redwater dam collapses , flooding villages .", "wire", None, day)
        return [TimelineEvent("2015-03-02", day, day, ev.text, (ev,))]

    out = tmp_path / "pred"
    res = evaluate(dataset, out, builder=spy, preparation="lines")
    (n_dates, k, kw, start, end, pubs) = seen[0]
    assert (n_dates, k, list(kw)) == (2, 2, ["dam"])
    assert (start, end) == (dt.date(2015, 3, 2), dt.date(2015, 3, 5))
    assert max(pubs) <= dt.date(2015, 3, 5)  # nothing from outside the window
    # one of two gold dates, identical words: date P = 1, R = 1/2
    assert res["timelines"] == 1
    assert res["date_precision"] == pytest.approx(1.0)
    assert res["date_recall"] == pytest.approx(0.5)
    assert res["date_f1"] == pytest.approx(2 / 3)
    assert res["ar1_precision"] == pytest.approx(1.0)
    row = res["per_timeline"][0]
    assert row["topic"] == "redwater" and row["timeline"] == 0
    assert set(row) >= {"ar1_f1", "ar2_f1", "date_f1"}
    written = json.loads((out / "redwater" / "0.jsonl").read_text())
    assert written == [
        ["2015-03-02T00:00:00", ["The Redwater dam collapses , flooding villages ."]]
    ]


@pytest.mark.parametrize("preparation", [pytest.param("product", marks=pytest.mark.model), "lines"])
def test_evaluate_with_the_real_builder(dataset: Path, tmp_path: Path, preparation: str) -> None:
    stores = tmp_path / "stores"
    res = evaluate(dataset, preparation=preparation, stores=stores)  # type: ignore[arg-type]
    assert res["preparation"] == preparation
    assert res["per_timeline"][0]["date_f1"] == pytest.approx(1.0)
    assert 0 < res["ar1_f1"] <= 1
    # the product path keeps the store `add` built, for the next run to reuse
    assert (stores / "redwater.db").is_file() == (preparation == "product")


def test_averaging_over_timelines(tmp_path: Path) -> None:
    # Two timelines; P and R are averaged first, F1 is taken from the averages.
    arts = [_article(1, "2015-03-02", "The dam collapsed on March 2 , 2015 , in the night .")]
    g1 = [["2015-03-02T00:00:00", ["The dam collapses ."]]]
    g2 = [
        ["2015-03-02T00:00:00", ["The dam collapses ."]],
        ["2015-03-03T00:00:00", ["More rain ."]],
    ]
    _write_topic(tmp_path / "ds", "t", arts, [g1, g2])

    def one_date(sents, l, k, kw, start, end):  # type: ignore[no-untyped-def]  # noqa: E741
        day = dt.date(2015, 3, 2)
        ev = Evidence("x", 0, "The dam collapses .", None, None, day)
        return [TimelineEvent("2015-03-02", day, day, ev.text, (ev,))]

    res = evaluate(tmp_path / "ds", builder=one_date, preparation="lines")
    # date P: 1, 1 -> 1; R: 1, 1/2 -> 3/4; F = 2 * 1 * .75 / 1.75
    assert res["date_f1"] == pytest.approx(2 * 0.75 / 1.75)
    assert [r["date_f1"] for r in res["per_timeline"]] == pytest.approx([1.0, 2 / 3])


def test_bad_directory(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        evaluate(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(EvalError):
        evaluate(tmp_path / "empty")


def test_t17_one_topic(tmp_path: Path) -> None:
    """Smoke run on one real T17 topic (read in place through a link), by the fast
    path (T17's sentence lines); the product path's floors are test_eval_cli's."""
    if not (T17 / "mj" / "timelines.jsonl").is_file():
        pytest.skip("../shared/datasets/t17 is not beside the checkout")
    (tmp_path / "t17").mkdir()
    (tmp_path / "t17" / "mj").symlink_to(T17 / "mj")
    res = evaluate(tmp_path / "t17", tmp_path / "pred", preparation="lines")
    assert res["timelines"] == 1
    row = res["per_timeline"][0]
    assert row["predicted_dates"] == row["dates"]
    # well above chance on this topic; the full benchmark is bench/tls.py
    assert res["date_f1"] > 0.2 and res["ar1_f1"] > 0.05
    assert (tmp_path / "pred" / "mj" / "0.jsonl").is_file()


@pytest.mark.model
def test_product_path_reuses_its_store_and_flags_repeats(tmp_path: Path) -> None:
    story = (
        "The Redwater dam collapsed on March 2 , 2015 , flooding the three villages below it .",
        "Engineers had warned about cracks in the dam wall for years , residents said .",
        "Rescue teams worked through the night to reach families trapped on rooftops .",
        "The regional governor promised an independent inquiry and help for those who lost homes .",
        "Water levels in the valley were still rising on Monday evening , officials added .",
    )
    arts = [
        _article(1, "2015-03-02", *story),
        # a wire copy of the first, published a day later: a repeat, not a new source
        _article(2, "2015-03-03", *story, "Reporting by Ann Lee ; editing by Tom Hill ."),
        _article(
            3, "2015-03-05", "An inquiry into the dam opened on March 5 , 2015 , in Ashford ."
        ),
    ]
    gold = [["2015-03-02T00:00:00", ["The dam collapses ."]]]
    _write_topic(tmp_path / "ds", "redwater", arts, [gold])
    stores = tmp_path / "stores"
    first = evaluate(tmp_path / "ds", stores=stores)
    again = evaluate(tmp_path / "ds", stores=stores)  # the store is reused, brought up to date
    assert again["ar1_f1"] == first["ar1_f1"] and again["date_f1"] == first["date_f1"]

    from storyline.eval.tls import product_candidates
    from storyline.store import Store

    with Store(stores / "redwater.db", read_only=True) as store:
        assert len(store.articles()) == 3  # not added twice
    sentences, errors = product_candidates(tmp_path / "ds" / "redwater", stores / "redwater.db")
    assert errors == []
    # the copy's sentences are candidates flagged as a repeat (evidence for ranking,
    # never shown): the collapse is told by one original
    collapse = [s for s in sentences if s.text.startswith("The Redwater dam collapsed")]
    assert sorted(s.repeat for s in collapse) == [False, True]
    assert all(s.tokens for s in sentences)


def test_an_entities_collection_widens_the_window_by_a_week(tmp_path: Path) -> None:
    """spec/cli.md: for a collection folder named ``entities`` the articles are those
    published up to 7 days either side of the gold's first and last date."""
    arts = [
        # 5 days after the gold's last date: inside only when widened
        _article(
            1, "2015-03-07", "The Redwater dam collapsed on March 2 , 2015 , flooding villages ."
        ),
        _article(2, "2015-03-08", "Engineers said the Redwater dam collapsed on March 2 , 2015 ."),
    ]
    gold = [["2015-03-01T00:00:00", ["Rain ."]], ["2015-03-02T00:00:00", ["The dam collapses ."]]]
    for name in ("entities", "t17"):
        _write_topic(tmp_path / name, "redwater", arts, [gold])
    widened = evaluate(tmp_path / "entities", preparation="lines")
    plain = evaluate(tmp_path / "t17", preparation="lines")
    assert widened["per_timeline"][0]["predicted_dates"] >= 1
    assert widened["date_recall"] > 0
    assert plain["per_timeline"][0]["predicted_dates"] == 0
