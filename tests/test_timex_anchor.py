"""Calendar arithmetic on TIMEX3 values and the text tense cues."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.annotate.timex import anchor as A

D = dt.date


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2023-05-09", D(2023, 5, 9), D(2023, 5, 9)),
        ("2023-05-09T14:00", D(2023, 5, 9), D(2023, 5, 9)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2023-W36", D(2023, 9, 4), D(2023, 9, 10)),
        ("2023-W36-WE", D(2023, 9, 9), D(2023, 9, 10)),
        ("2023-Q1", D(2023, 1, 1), D(2023, 3, 31)),
        ("2023-H2", D(2023, 7, 1), D(2023, 12, 31)),
        ("2024-SU", D(2024, 6, 1), D(2024, 8, 31)),
        ("2023-WI", D(2023, 12, 1), D(2024, 2, 29)),
        ("2023", D(2023, 1, 1), D(2023, 12, 31)),
        ("199", D(1990, 1, 1), D(1999, 12, 31)),
        ("19", D(1900, 1, 1), D(1999, 12, 31)),
    ],
)
def test_interval(value: str, start: dt.date, end: dt.date) -> None:
    assert A.interval(value) == (start, end)


@pytest.mark.parametrize("value", ["P17M", "PAST_REF", "XXXX-WXX-2", "2023-02-30", "", "9999-W60"])
def test_no_interval(value: str) -> None:
    assert A.interval(value) is None


def test_shift_keeps_granularity() -> None:
    assert A.shift_value("2023-Q3", -1, "Y") == "2022-Q3"
    assert A.shift_value("2023-Q1", -1, "Q") == "2022-Q4"
    assert A.shift_value("2023-12", 1, "M") == "2024-01"
    assert A.shift_value("2024-03-31", -1, "M") == "2024-02-29"
    assert A.shift_value("2020-W53", 1, "W") == "2021-W01"
    assert A.shift_value("2024-02-29", 1, "Y") == "2025-02-28"


def test_resolve_weekday_directions() -> None:
    wed = D(2024, 9, 11)
    assert A.resolve_weekday(wed, 3, -1) == wed  # same day, past clause: the dct
    assert A.resolve_weekday(wed, 3, 1) == wed
    assert A.resolve_weekday(wed, 3, -2) == D(2024, 9, 4)  # "last Wednesday"
    assert A.resolve_weekday(wed, 3, 2) == D(2024, 9, 18)  # "next Wednesday"
    assert A.resolve_weekday(wed, 5, -1) == D(2024, 9, 6)
    assert A.resolve_weekday(wed, 1, 1) == D(2024, 9, 16)


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("The minister said on Friday that talks failed.", "past"),
        ("The minister will travel on Friday to Rome.", "future"),
        ("The vote is scheduled to take place on Friday in the hall.", "future"),
        ("The envoy plans to arrive on Friday with aides.", "future"),
        ("Talks are postponed until Friday at the earliest.", "future"),
        ("The bridge on Friday.", None),
    ],
)
def test_text_tense(text: str, tense: str | None) -> None:
    i = text.index("Friday")
    assert A.text_tense(text, i, i + 6) == tense


def test_text_tense_stops_at_sentence_boundary() -> None:
    text = "He will go home. Rebels attacked the town on Friday."
    i = text.index("Friday")
    assert A.text_tense(text, i, i + 6) == "past"
