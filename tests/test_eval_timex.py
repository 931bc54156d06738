"""TempEval-3 style scoring on hand-worked examples, and the TimeML reader/writer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storyline.errors import EvalError
from storyline.eval.timeml import GoldTimex, read_timeml, write_timeml
from storyline.eval.timex import evaluate, match, prf, score
from storyline.models import Timex


def _sys(start: int, end: int, value: str, type_: str = "DATE") -> Timex:
    return Timex(text="x" * (end - start), start=start, end=end, type=type_, value=value)


def test_hand_worked_two_gold_three_system() -> None:
    # gold: [0,6) 2024-09-06 and [20,29) 2024-W36
    # system: [0,6) exact and right; [16,29) overlaps the 2nd with a wrong value;
    # [40,45) spurious
    gold = [
        GoldTimex(0, 6, "Friday", "DATE", "2024-09-06"),
        GoldTimex(20, 29, "last week", "DATE", "2024-W36"),
    ]
    system = [_sys(0, 6, "2024-09-06"), _sys(16, 29, "2024-W35"), _sys(40, 45, "P1Y", "DURATION")]
    c = score(gold, system)
    assert (c.gold, c.system, c.strict, c.relaxed, c.type, c.value) == (2, 3, 1, 2, 2, 1)
    # strict P = 1/3, R = 1/2 -> F1 = 2 * (1/6) / (5/6) = 0.4
    assert prf(c.strict, c.system, c.gold) == pytest.approx((1 / 3, 1 / 2, 0.4))
    # relaxed P = 2/3, R = 1 -> F1 = 0.8
    assert prf(c.relaxed, c.system, c.gold) == pytest.approx((2 / 3, 1.0, 0.8))
    # value: only the exact one is right: same as strict here
    assert prf(c.value, c.system, c.gold)[2] == pytest.approx(0.4)
    # type: both matched pairs are DATE: P = 2/3, R = 1
    assert prf(c.type, c.system, c.gold)[2] == pytest.approx(0.8)


def test_matching_is_one_to_one() -> None:
    gold = [GoldTimex(0, 10, "a", "DATE", "2020"), GoldTimex(12, 20, "b", "DATE", "2021")]
    system = [_sys(5, 15, "2020")]  # overlaps both gold spans, counts once
    assert match(gold, system) == [(0, 0)]
    c = score(gold, system)
    assert (c.relaxed, c.strict) == (1, 0)


def test_empty_cases() -> None:
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    c = score([], [_sys(0, 3, "2020")])
    assert (c.system, c.relaxed) == (1, 0)


TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-09-11" temporalFunction="false" functionInDocument="CREATION_TIME">September 11, 2024</TIMEX3></DCT>
<TEXT>
The envoy <EVENT eid="e1">arrived</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2024-09-06">Friday</TIMEX3> &amp; left <TIMEX3 tid="t2" type="DATE" value="2024-09-10">yesterday</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reader_strips_tags_and_entities(tmp_path: Path) -> None:
    p = tmp_path / "a.tml"
    p.write_text(TML, encoding="utf-8")
    doc = read_timeml(p)
    assert doc.dct == dt.date(2024, 9, 11)
    assert doc.text.strip() == "The envoy arrived on Friday & left yesterday."
    assert [(doc.text[t.start : t.end], t.value) for t in doc.timexes] == [
        ("Friday", "2024-09-06"),
        ("yesterday", "2024-09-10"),
    ]


@pytest.fixture(scope="module")
def dating_nlp():  # type: ignore[no-untyped-def]
    from storyline.eval.timex import dating_pipeline

    return dating_pipeline()


@pytest.mark.parametrize("parse", [False, pytest.param(True, marks=pytest.mark.model)])
def test_evaluate_and_predictions_round_trip(
    tmp_path: Path, parse: bool, request: pytest.FixtureRequest
) -> None:
    # parse: the tagger inside the annotation pipeline, as `add` runs it
    nlp = request.getfixturevalue("dating_nlp") if parse else None
    src = tmp_path / "gold" / "sub"
    src.mkdir(parents=True)
    (src / "a.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "gold" / "broken.tml").write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    out = tmp_path / "pred"
    res = evaluate(tmp_path / "gold", out, parse=parse, nlp=nlp)
    assert res["tagger"] == ("pipeline" if parse else "text")
    assert res["files"] == 1 and len(res["errors"]) == 1 and "[E610]" in res["errors"][0]
    assert res["strict_f1"] == 1.0 and res["value_f1"] == 1.0
    for key in ("relaxed_f1", "type_f1", "strict_precision", "strict_recall",
                "relaxed_precision", "relaxed_recall", "seconds"):  # fmt: skip
        assert key in res
    pred = read_timeml(out / "sub" / "a.tml")
    assert pred.dct == dt.date(2024, 9, 11)
    assert [(t.text, t.value) for t in pred.timexes] == [
        ("Friday", "2024-09-06"),
        ("yesterday", "2024-09-10"),
    ]
    # scoring the written predictions as gold against the tagger again is perfect too
    assert evaluate(out, parse=parse, nlp=nlp)["strict_f1"] == 1.0


def test_write_skips_overlaps(tmp_path: Path) -> None:
    p = tmp_path / "a.tml"
    p.write_text(TML, encoding="utf-8")
    doc = read_timeml(p)
    i = doc.text.index("Friday")
    write_timeml(tmp_path / "o.tml", doc, [_sys(i, i + 6, "X"), _sys(i + 2, i + 8, "Y")])
    assert [t.value for t in read_timeml(tmp_path / "o.tml").timexes] == ["X"]


def test_evaluate_errors(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"\[E601\]"):
        evaluate(tmp_path / "missing")
    with pytest.raises(EvalError, match=r"\[E602\]"):
        evaluate(tmp_path)
