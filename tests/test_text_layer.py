"""The neutral text layer: calendar values, similarity, stop words, tokens."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.text import (
    ENGLISH_STOP_WORDS,
    SMART_STOPWORDS,
    DateValue,
    StemTokenizer,
    coarser,
    containment,
    content_words,
    cosine,
    granularity_of,
    jaccard,
    porter_stem,
    words,
)

D = dt.date


@pytest.mark.parametrize(
    ("value", "granularity", "start", "end"),
    [
        ("2023", "year", D(2023, 1, 1), D(2023, 12, 31)),
        ("2023-05", "month", D(2023, 5, 1), D(2023, 5, 31)),
        ("2024-02", "month", D(2024, 2, 1), D(2024, 2, 29)),  # leap year
        ("2023-W19", "week", D(2023, 5, 8), D(2023, 5, 14)),  # ISO week: Monday to Sunday
        ("2020-W53", "week", D(2020, 12, 28), D(2021, 1, 3)),  # a week across the new year
        ("2023-05-09", "day", D(2023, 5, 9), D(2023, 5, 9)),
    ],
)
def test_parse_the_four_forms(value: str, granularity: str, start: dt.date, end: dt.date) -> None:
    parsed = DateValue.parse(value)
    assert parsed is not None
    assert (parsed.granularity, parsed.start, parsed.end, parsed.value) == (
        granularity,
        start,
        end,
        value,
    )
    assert str(parsed) == value and granularity_of(value) == granularity
    assert parsed.days == (end - start).days + 1


def test_a_day_with_a_time_part_is_that_day() -> None:
    for value in ("2023-05-09T14:30", "2023-05-09TMO"):
        parsed = DateValue.parse(value)
        assert parsed is not None and parsed.value == "2023-05-09" and parsed.granularity == "day"


@pytest.mark.parametrize(
    "value",
    ["", "PRESENT_REF", "P3D", "2023-Q2", "2023-SU", "198", "2023-13", "2023-02-30", "2023-W54",
     "2021-W53", "May 2023"],
)  # fmt: skip
def test_not_a_calendar_stretch(value: str) -> None:
    assert DateValue.parse(value) is None and granularity_of(value) is None


def test_containing_gives_the_period_of_a_day() -> None:
    day = D(2021, 1, 1)  # a Friday in ISO week 53 of 2020
    assert DateValue.containing(day, "day") == DateValue.parse("2021-01-01")
    week = DateValue.containing(day, "week")
    assert week.value == "2020-W53" and (week.start, week.end) == (D(2020, 12, 28), D(2021, 1, 3))
    assert DateValue.containing(day, "month").value == "2021-01"
    assert DateValue.containing(day, "year").value == "2021"
    for granularity in ("day", "week", "month", "year"):
        period = DateValue.containing(day, granularity)  # type: ignore[arg-type]
        assert period.covers(day) and DateValue.parse(period.value) == period


def test_containing_at_the_ends_of_the_calendar() -> None:
    assert DateValue.containing(dt.date.max, "month").end == dt.date.max
    assert DateValue.containing(dt.date.min, "week").start == dt.date.min
    assert DateValue.containing(dt.date.max, "week").end == dt.date.max


def test_ordering_by_start_then_end() -> None:
    values = ["2023-05", "2023", "2023-05-09", "2023-W19", "2023-05-01", "2022-12-31"]
    parsed = [p for p in map(DateValue.parse, values) if p is not None]
    # within one first day, the shorter stretch first: the 1st of May before May
    assert [str(p) for p in sorted(parsed)] == [
        "2022-12-31", "2023", "2023-05-01", "2023-05", "2023-W19", "2023-05-09"
    ]  # fmt: skip


def test_coarser() -> None:
    assert coarser("day", "month") == "month" and coarser("year", "week") == "year"
    assert coarser("week", "week") == "week"


def test_similarities() -> None:
    a, b = {"dam", "burst", "river"}, {"dam", "burst", "town", "flood"}
    assert jaccard(a, b) == pytest.approx(2 / 5)
    assert jaccard(set(), set()) == 1.0  # two empty sets are the same set
    assert containment(a, b) == pytest.approx(2 / 3)
    assert containment(a, set()) == 0.0
    assert cosine({"x": 1.0, "y": 1.0}, {"x": 1.0}) == pytest.approx(1 / 2**0.5)
    assert cosine({"x": 1.0}, {"y": 2.0}) == 0.0 and cosine({}, {"x": 1.0}) == 0.0


def test_stop_lists() -> None:
    assert len(SMART_STOPWORDS) == 596 and len(ENGLISH_STOP_WORDS) == 318
    assert {"said", "reuters", "according"} <= SMART_STOPWORDS
    assert "said" not in ENGLISH_STOP_WORDS and "the" in ENGLISH_STOP_WORDS


def test_english_list_is_scikit_learns() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text")
    assert frozenset(text.ENGLISH_STOP_WORDS) == ENGLISH_STOP_WORDS


def test_tokens() -> None:
    text = "The -LRB- Reuters -RRB- dam burst in 2010 , officials said ."
    assert words(text)[:3] == ["The", "LRB", "Reuters"]
    assert [w for _, w in content_words(text, SMART_STOPWORDS)] == ["dam", "burst", "officials"]
    tokenize = StemTokenizer(SMART_STOPWORDS)
    assert tokenize("Officials warned the dams were failing") == ("offici", "warn", "dam", "fail")
    assert tokenize.stem("warned") == porter_stem("warned") == "warn"
    assert tokenize.stem("ran") == "ran"  # three letters or fewer are kept as written


def test_timeline_keeps_its_own_stop_list() -> None:
    from storyline.views.tls.relevance import STOP_WORDS, Tokenizer

    assert STOP_WORDS == ENGLISH_STOP_WORDS | SMART_STOPWORDS
    assert Tokenizer()("Officials said the dam burst") == ("offici", "dam", "burst")


def test_a_live_pages_update_note_is_found_only_with_a_clock_time() -> None:
    from storyline.text.datelines import update_note_end

    text = "(Update 6:46 p.m. Tavel, 11:46 a.m. ET) - Crews reached the pier."
    assert text[update_note_end(text) or 0 :] == "Crews reached the pier."
    assert text[update_note_end("x" + text[1:], 1) or 0 :].startswith("Crews")
    assert update_note_end("UPDATE 3:05 p.m.: The vote was delayed.") == 18
    assert update_note_end("Updates to the plan: none were made.") is None
