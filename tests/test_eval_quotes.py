"""The PolNeAR scorer and brat reader/writer, on hand-worked examples (no model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from storyline.errors import EvalError
from storyline.eval.brat import BratAttribution, format_ann, parse_ann
from storyline.eval.quotes import (
    evaluate,
    gold_pairs,
    match_exact,
    match_overlap,
    quotes_to_brat,
    score,
)
from storyline.models import Quote

ANN = (
    "T1\tSource 0 5\tMaria\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1 Content2:T5\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 20;22 30\tthe plan\nspills onto a second line\n"
    "T4\tAttribution 6 10\tsaid\n"
    "T5\tContent 40 45\tmore\n"
    "T6\tDiscuss 50 60\tnot an attribution\n"
    "E2\tAttribution-no-source:T8 Cue:T7 Content:T9\n"
    "T7\tCue 70 78\texpected\n"
    "T8\tAttribution 70 78\texpected\n"
    "T9\tContent 79 90\tto pass\n"
    "#1\tAnnotatorNotes T1\ta note\n"
)


def test_parse_ann_joins_fragments_and_skips_noise() -> None:
    atts = parse_ann(ANN)
    assert atts == [
        BratAttribution(source=((0, 5),), cue=((6, 10),), content=((11, 20), (22, 30), (40, 45))),
        BratAttribution(source=(), cue=((70, 78),), content=((79, 90),)),
    ]


def test_parse_ann_missing_span_is_an_error() -> None:
    with pytest.raises(EvalError, match="E631"):
        parse_ann("E1\tAttribution:T9 Cue:T2\n")


def test_format_ann_round_trips() -> None:
    text = "Maria said the plan is\nfine. The bill is expected to pass soon."
    atts = [
        BratAttribution(source=((0, 5),), cue=((6, 10),), content=((11, 19), (20, 27))),
        BratAttribution(source=(), cue=((41, 49),), content=((50, 57),)),
    ]
    out = format_ann(text, atts)
    assert "Attribution-no-source" in out
    assert "\n\n" not in out  # the newline inside a span's text is flattened
    assert parse_ann(out) == atts


def test_exact_matching_is_one_to_one() -> None:
    a, b = ((0, 5),), ((7, 9),)
    assert match_exact([a, b], [a, a, b]) == 2
    assert match_exact([a], [((0, 4),)]) == 0
    # discontinuous span sets must agree on every fragment
    assert match_exact([((0, 5), (10, 15))], [((0, 5), (10, 15))]) == 1
    assert match_exact([((0, 5), (10, 15))], [((0, 5),)]) == 0


def test_overlap_matching_is_a_maximum_matching() -> None:
    gold = [((0, 10),), ((12, 20),)]
    # X overlaps the first gold span by 5 chars and the second by 3; Y only the first.
    x, y = ((5, 15),), ((8, 11),)
    # a greedy pass by largest overlap would pair X with the first and leave Y alone (1);
    # the maximum matching pairs Y with the first and X with the second
    assert match_overlap(gold, [x, y]) == 2
    assert match_overlap(gold, [((0, 1),), ((19, 25),)]) == 2
    assert match_overlap(gold, [((10, 12),)]) == 0  # touching is not overlapping
    assert match_overlap([((0, 5), (10, 15))], [((12, 13),)]) == 1
    # one prediction over two gold spans still counts once
    assert match_overlap(gold, [((0, 20),)]) == 1


def test_a_shared_span_counts_once() -> None:
    # one source serving two attributions ("Ann said A, adding B") is one Source span
    g1 = BratAttribution(source=((0, 3),), cue=((4, 8),), content=((9, 20),))
    g2 = BratAttribution(source=((0, 3),), cue=((22, 28),), content=((29, 40),))
    p1 = BratAttribution(source=((0, 3),), cue=((4, 8),), content=((9, 20),))
    p2 = BratAttribution(source=((0, 3),), cue=((50, 54),), content=((55, 60),))
    r = score([([g1, g2], [p1, p2])])
    assert r["source_gold"] == 1 and r["source_predicted"] == 1
    assert r["source_f1"] == pytest.approx(1.0)
    assert r["cue_gold"] == 2 and r["cue_f1"] == pytest.approx(0.5)


def test_scores_are_micro_averaged() -> None:
    g1 = BratAttribution(source=((0, 5),), cue=((6, 10),), content=((11, 30),))
    g2 = BratAttribution(source=((40, 45),), cue=((46, 50),), content=((51, 60),))
    p1 = BratAttribution(source=((0, 5),), cue=((6, 11),), content=((11, 20),))
    doc1 = ([g1, g2], [p1])
    g3 = BratAttribution(source=(), cue=((0, 4),), content=((5, 9),))
    p2 = BratAttribution(source=((20, 25),), cue=((0, 4),), content=((5, 9),))
    p3 = BratAttribution(source=((30, 35),), cue=((40, 44),), content=((50, 55),))
    doc2 = ([g3], [p2, p3])
    r = score([doc1, doc2])
    assert r["documents"] == 2
    # source: gold 2, predicted 3, matched 1 (exactly)
    assert r["source_precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert r["source_recall"] == pytest.approx(0.5)
    assert r["source_f1"] == pytest.approx(0.4)
    assert r["source_exact_f1"] == pytest.approx(0.4)
    # cue: gold 3, predicted 3; overlap matches 2, exact only the second document's
    assert r["cue_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert r["cue_exact_f1"] == pytest.approx(1 / 3, abs=1e-4)
    # content: overlap 2 of 3/3, exact 1
    assert r["content_precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert r["content_exact_recall"] == pytest.approx(1 / 3, abs=1e-4)


def test_empty_scores_are_zero_not_errors() -> None:
    r = score([([], [])])
    assert r["source_f1"] == 0.0 and r["content_exact_f1"] == 0.0


def _quote(text: str, start: int, end: int, **kw: object) -> Quote:
    return Quote(text=text[start:end], start=start, end=end, **kw)  # type: ignore[arg-type]


def test_quotes_to_brat_groups_parts_and_restores_marks() -> None:
    text = '"We will win," she said. "Then we rest."'
    common = {
        "direct": True,
        "speaker": "she",
        "speaker_start": 15,
        "speaker_end": 18,
        "cue": "said",
        "cue_start": 19,
        "cue_end": 23,
    }
    q1 = _quote(text, 1, 12, **common)  # "We will win" (comma and marks stripped)
    q2 = _quote(text, 26, 39, **common)
    atts = quotes_to_brat(text, [q1, q2])
    assert len(atts) == 1
    assert atts[0].source == ((15, 18),) and atts[0].cue == ((19, 23),)
    assert [text[a:b] for a, b in atts[0].content] == ['"We will win,"', '"Then we rest."']


def test_quotes_to_brat_drops_nested_reports() -> None:
    text = "Ann said Bob thinks it works."
    outer = _quote(
        text,
        9,
        28,
        direct=False,
        speaker="Ann",
        speaker_start=0,
        speaker_end=3,
        cue="said",
        cue_start=4,
        cue_end=8,
    )
    inner = _quote(
        text,
        20,
        28,
        direct=True,
        speaker="Bob",
        speaker_start=9,
        speaker_end=12,
        cue="thinks",
        cue_start=13,
        cue_end=19,
    )
    atts = quotes_to_brat(text, [outer, inner])
    assert [a.cue for a in atts] == [((4, 8),)]


def _polnear_dir(tmp_path: Path) -> Path:
    root = tmp_path / "split"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "a.txt").write_text("Maria said the plan works.", encoding="utf-8")
    (root / "text" / "b.txt").write_text("No annotation file for this one.", encoding="utf-8")
    ann = "T1\tSource 0 5\tMaria\nT2\tCue 6 10\tsaid\nT3\tContent 11 25\tthe plan works\n"
    ann += "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    (root / "attributions" / "a_x2.ann").write_text(ann, encoding="utf-8")
    (root / "attributions" / "a_x1.ann").write_text(ann, encoding="utf-8")
    return root


def test_gold_pairs_takes_first_annotator_and_skips_unannotated(tmp_path: Path) -> None:
    root = _polnear_dir(tmp_path)
    pairs = gold_pairs(root)
    assert [(t.name, a.name) for t, a in pairs] == [("a.txt", "a_x1.ann")]
    with pytest.raises(EvalError, match="E632"):
        gold_pairs(tmp_path / "missing")


def test_evaluate_records_failures_and_writes_predictions(tmp_path: Path) -> None:
    # a blank pipeline has no parse: extraction fails per doc, which is recorded, not raised
    root = _polnear_dir(tmp_path)
    out = tmp_path / "pred"
    result = evaluate(root, predictions=out, nlp=spacy.blank("en"))
    assert result["documents"] == 1
    assert result["source_f1"] == 0.0 and result["source_recall"] == 0.0
    assert any("E246" in e for e in result["errors"])
    assert (out / "a.ann").read_text(encoding="utf-8") == ""
    assert result["seconds"] >= 0
