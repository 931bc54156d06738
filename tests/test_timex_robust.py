"""Absurd inputs, huge inputs, bad arguments: no crash, no runaway regex."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from storyline.annotate.timex import tag
from storyline.errors import AnnotateError

DCT = dt.date(2024, 9, 11)


def test_absurd_year_is_not_a_date() -> None:
    for tx in tag("It will happen in the year 99999 or in year 0.", DCT):
        assert "99999" not in tx.value


def test_february_30_is_not_a_day() -> None:
    for tx in tag("The court sat on February 30 and on Feb. 31, 2023.", DCT):
        assert tx.value not in ("2024-02-30", "2023-02-31")
        assert "-02-30" not in tx.value and "-02-31" not in tx.value
        if tx.interval_start is not None:
            assert tx.interval_start <= tx.interval_end  # type: ignore[operator]


def test_dct_at_the_edges_of_the_calendar() -> None:
    text = (
        "Last week, next month, next year, the following day, on Friday and in 2 weeks. "
        "The troops left last Friday, a decade ago, last winter and yesterday. "
        "They will return next Sunday, next winter, tomorrow night and in the third quarter."
    )
    for dct in (dt.date(1, 1, 1), dt.date(1, 1, 3), dt.date(9999, 12, 31)):
        for tx in tag(text, dct):
            assert tx.value


def test_bad_arguments_raise_coded_errors() -> None:
    with pytest.raises(AnnotateError, match=r"\[E210\]"):
        tag(b"bytes", DCT)  # type: ignore[arg-type]
    with pytest.raises(AnnotateError, match=r"\[E211\]"):
        tag("text", "2024-09-11")  # type: ignore[arg-type]


def test_datetime_dct_is_accepted() -> None:
    got = tag("It rained yesterday.", dt.datetime(2024, 9, 11, 15, 30))
    assert got[0].value == "2024-09-10"


def _huge_text() -> str:
    """~2 MB: ordinary news prose with dates, plus chunks built to trip up regexes."""
    news = (
        "The ministry said on Friday that 1,500 troops had left the region in late May, two "
        "weeks after the talks of Aug. 30, 2023. Officials in the capital declined to comment "
        "on the report, which was first published by a regional newspaper. The opposition "
        "called for an inquiry into the decision and for a vote in parliament. Residents of "
        "the border villages described long queues at the checkpoints and shortages of fuel, "
        "while aid groups warned that the situation could deteriorate. The government will "
        "decide next month whether to extend the measures. "
    )
    hostile = [
        "1 " * 3000,
        "2023-" * 2000,
        "the " * 3000,
        "very very " * 1000,
        "Aug. " * 2000,
        " " * 20000,
        "x" * 50000 + "1" + "y" * 50000,
        ("1a" * 3000),
        "nineteen " * 1000,
        "more than " * 1000 + "two years",
    ]
    parts: list[str] = []
    size = 0
    i = 0
    while size < 2_000_000:
        chunk = news * 30 + hostile[i % len(hostile)]
        parts.append(chunk)
        size += len(chunk)
        i += 1
    return "".join(parts)


def test_huge_input_is_fast_and_sane() -> None:
    text = _huge_text()
    assert len(text) >= 2_000_000
    t0 = time.perf_counter()
    got = tag(text, DCT)
    elapsed = time.perf_counter() - t0
    assert elapsed < 30, f"2 MB took {elapsed:.1f} s"
    assert len(got) > 1000
    ends = [t.start for t in got]
    assert ends == sorted(ends)
    for a, b in zip(got, got[1:], strict=False):
        assert a.end <= b.start
