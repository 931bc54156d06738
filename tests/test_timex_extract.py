"""Extraction and normalization of each kind of expression, with the dct varied."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.annotate.timex import tag
from storyline.models import Timex

D = dt.date


def one(text: str, dct: dt.date | None, surface: str) -> Timex:
    """The expression whose extent is exactly ``surface``."""
    found = [t for t in tag(text, dct) if t.text == surface]
    assert found, f"{surface!r} not found in {[(t.text, t.value) for t in tag(text, dct)]}"
    tx = found[0]
    assert text[tx.start : tx.end] == tx.text
    assert tx.rule
    return tx


# ---- explicit dates ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The vote was held on Aug. 30 in the capital.", "Aug. 30", "2024-08-30"),
        ("Talks resumed Sept. 2 after a pause.", "Sept. 2", "2024-09-02"),
        ("The envoy arrived on 30 August with aides.", "30 August", "2024-08-30"),
        ("It was signed on August 30, 2021, in Paris.", "August 30, 2021", "2021-08-30"),
        ("Filed 2023-07-24 by the clerk.", "2023-07-24", "2023-07-24"),
        ("Posted Mon May 24, 2010 by staff.", "Mon May 24, 2010", "2010-05-24"),
        ("The form dated 7/24/2023 was lost.", "7/24/2023", "2023-07-24"),
        ("The board met on Monday, Oct. 26, 2015, to vote.", "Monday, Oct. 26, 2015", "2015-10-26"),
        ("It happened on the 5th of May, 2019.", "the 5th of May, 2019", "2019-05-05"),
        ("Shares rose in August 1998 and fell later.", "August 1998", "1998-08"),
    ],
)
def test_explicit_dates(text: str, surface: str, value: str) -> None:
    tx = one(text, D(2024, 9, 11), surface)
    assert (tx.type, tx.value) == ("DATE", value)


def test_explicit_day_interval_is_the_day() -> None:
    tx = one("It opened on Aug. 30.", D(2024, 9, 11), "Aug. 30")
    assert tx.interval_start == tx.interval_end == D(2024, 8, 30)


def test_yearless_date_takes_the_nearest_year_across_new_year() -> None:
    assert one("The deal closed Dec. 28.", D(2024, 1, 3), "Dec. 28").value == "2023-12-28"
    assert one("Payments start Jan. 5.", D(2023, 12, 20), "Jan. 5").value == "2024-01-05"


def test_feb_29_in_a_leap_year() -> None:
    assert one("The flood came on Feb. 29.", D(2024, 3, 10), "Feb. 29").value == "2024-02-29"


def test_feb_29_without_a_leap_year_nearby_is_still_a_real_day() -> None:
    for tx in tag("The flood came on Feb. 29.", D(2023, 3, 10)):
        if tx.interval_start is not None:
            assert tx.interval_start.month in (2,) or tx.value.startswith("2023")
        if tx.value.endswith("-02-29"):
            year = int(tx.value[:4])
            assert year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# ---- months, years, decades, seasons, quarters --------------------------------------


def test_month_follows_tense() -> None:
    past = one("The rebels retreated in March.", D(2024, 1, 15), "March")
    assert past.value == "2023-03"
    future = one("The assembly will vote in March.", D(2024, 1, 15), "March")
    assert future.value == "2024-03"


def test_late_may_has_mod_end() -> None:
    tx = one("In late May the army advanced.", D(2023, 7, 24), "late May")
    assert (tx.value, tx.mod) == ("2023-05", "END")
    assert tx.interval_start == D(2023, 5, 1) and tx.interval_end == D(2023, 5, 31)


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod"),
    [
        ("Early this month the mayor resigned.", "Early this month", "2024-09", "START"),
        ("Growth slowed in mid-2023 as rates rose.", "mid-2023", "2023", "MID"),
        ("It ends by the end of this year.", "the end of this year", "2024", "END"),
        ("Prices have risen since last year.", "last year", "2023", None),
        ("Most of it was built in the 1990s.", "the 1990s", "199", None),
        ("Factories closed in the early 1980s.", "the early 1980s", "198", "START"),
        ("It shaped the 20th century.", "the 20th century", "19", None),
        ("Sales rose in the third quarter.", "the third quarter", "2024-Q3", None),
        ("Revenue in fiscal 2024 grew.", "fiscal 2024", "2024", None),
        ("The base was expanded this summer.", "this summer", "2024-SU", None),
        ("Quarterly profit in Q4 2022 fell.", "Q4 2022", "2022-Q4", None),
    ],
)
def test_periods(text: str, surface: str, value: str, mod: str | None) -> None:
    tx = one(text, D(2024, 9, 11), surface)
    assert (tx.value, tx.mod) == (value, mod)


def test_period_intervals() -> None:
    dct = D(2024, 9, 11)
    q = one("Sales rose in the third quarter.", dct, "the third quarter")
    assert (q.interval_start, q.interval_end) == (D(2024, 7, 1), D(2024, 9, 30))
    s = one("The base was expanded this summer.", dct, "this summer")
    assert (s.interval_start, s.interval_end) == (D(2024, 6, 1), D(2024, 8, 31))
    d = one("Most of it was built in the 1990s.", dct, "the 1990s")
    assert (d.interval_start, d.interval_end) == (D(1990, 1, 1), D(1999, 12, 31))


# ---- relative to the dct -------------------------------------------------------------


def test_last_week_and_this_week_across_a_year_boundary() -> None:
    dct = D(2024, 1, 2)  # ISO week 2024-W01
    lw = one("Officials met last week.", dct, "last week")
    assert lw.value == "2023-W52"
    assert (lw.interval_start, lw.interval_end) == (D(2023, 12, 25), D(2023, 12, 31))
    assert one("Officials meet this week.", dct, "this week").value == "2024-W01"


def test_next_month_in_december_and_last_month_in_january() -> None:
    assert one("Troops leave next month.", D(2023, 12, 15), "next month").value == "2024-01"
    assert one("Troops left last month.", D(2024, 1, 15), "last month").value == "2023-12"


@pytest.mark.parametrize(
    ("word", "value"),
    [("today", "2024-09-11"), ("yesterday", "2024-09-10"), ("tomorrow", "2024-09-12")],
)
def test_today_yesterday_tomorrow(word: str, value: str) -> None:
    tx = one(f"The minister spoke {word} in Kyiv.", D(2024, 9, 11), word)
    assert (tx.type, tx.value) == ("DATE", value)


def test_tonight_is_the_dct_night() -> None:
    tx = one("The summit opens tonight.", D(2024, 9, 11), "tonight")
    assert tx.value == "2024-09-11TNI" and tx.interval_start == D(2024, 9, 11)


def test_ago_keeps_the_unit_granularity() -> None:
    dct = D(2024, 9, 11)
    assert one("It began a week ago.", dct, "a week ago").value == "2024-W36"
    assert one("It began three days ago.", dct, "three days ago").value == "2024-09-08"
    assert one("It began two years ago.", dct, "two years ago").value == "2022"


# ---- weekdays and tense ----------------------------------------------------------------


def test_friday_in_a_past_clause_said_on_a_monday() -> None:
    tx = one("The agreement was signed on Friday.", D(2024, 9, 9), "Friday")
    assert tx.value == "2024-09-06"


@pytest.mark.parametrize(
    "sentence",
    [
        "The leaders will meet on Friday.",
        "The leaders are scheduled to meet on Friday.",
        "The minister plans to visit on Friday.",
    ],
)
def test_friday_with_a_future_cue_is_the_next_one(sentence: str) -> None:
    assert one(sentence, D(2024, 9, 9), "Friday").value == "2024-09-13"


def test_same_day_weekday_is_the_dct() -> None:
    assert one("The president said Friday he agreed.", D(2024, 9, 13), "Friday").value == (
        "2024-09-13"
    )
    assert one("They will meet Friday.", D(2024, 9, 13), "Friday").value == "2024-09-13"
    assert one("They will meet next Friday.", D(2024, 9, 13), "next Friday").value == ("2024-09-20")


def test_weekday_before_and_after_the_dct_weekday() -> None:
    # dct Wednesday: a past Thursday is last week's, a past Tuesday yesterday
    dct = D(2024, 9, 11)
    assert one("Rebels attacked on Thursday.", dct, "Thursday").value == "2024-09-05"
    assert one("Rebels attacked on Tuesday.", dct, "Tuesday").value == "2024-09-10"


def test_weekday_with_part_of_day() -> None:
    # TempEval-3 (AQUAINT) convention: "Friday night" spans both words, valued as the day
    tx = one("Shelling resumed Friday night.", D(2024, 9, 9), "Friday night")
    assert (tx.type, tx.value) == ("DATE", "2024-09-06")
    tx = one("Talks will resume Tuesday morning.", D(2024, 9, 12), "Tuesday morning")
    assert tx.value == "2024-09-17"


# ---- anchored on earlier expressions ------------------------------------------------


def test_three_days_earlier_is_anchored_on_the_previous_date() -> None:
    text = "The plant closed on March 3, 2024. Three days earlier, workers had walked out."
    tx = one(text, D(2024, 9, 11), "Three days earlier")
    assert (tx.value, tx.anchor) == ("2024-02-29", "timex")


def test_two_weeks_later_and_the_following_day() -> None:
    text = "The talks opened on June 3, 2022. Two weeks later they collapsed."
    assert one(text, D(2024, 1, 1), "Two weeks later").value == "2022-06-17"
    text2 = "The storm hit on Oct. 2, 2019. The following day the river rose."
    tx = one(text2, D(2024, 1, 1), "The following day")
    assert (tx.value, tx.anchor) == ("2019-10-03", "timex")


def test_that_month_refers_back() -> None:
    text = "Elections were held in May 2019. Protests began that month."
    assert one(text, D(2024, 1, 1), "that month").value == "2019-05"


# ---- durations, sets, times, vague references -------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The war has lasted 17 months.", "17 months", "P17M"),
        ("It took a decade to finish.", "a decade", "P10Y"),
        ("He served two years in prison.", "two years", "P2Y"),
        ("The strike went on for ninety-nine days.", "ninety-nine days", "P99D"),
        ("The meeting lasted three hours.", "three hours", "PT3H"),
        ("The loan runs 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("Prices rose over the past three years.", "the past three years", "P3Y"),
    ],
)
def test_durations(text: str, surface: str, value: str) -> None:
    tx = one(text, D(2024, 9, 11), surface)
    assert (tx.type, tx.value) == ("DURATION", value)
    assert tx.interval_start is None


def test_duration_modifier() -> None:
    tx = one("The siege lasted more than two years.", D(2024, 9, 11), "more than two years")
    assert (tx.value, tx.mod) == ("P2Y", "MORE_THAN")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The fair returns each season.", "each season", "P1Y"),
        ("Inspectors come every week.", "every week", "P1W"),
        ("The report is published annually.", "annually", "P1Y"),
        ("The market opens every Tuesday.", "every Tuesday", "XXXX-WXX-2"),
    ],
)
def test_sets(text: str, surface: str, value: str) -> None:
    tx = one(text, D(2024, 9, 11), surface)
    assert (tx.type, tx.value) == ("SET", value)


def test_clock_time_on_the_dct_day() -> None:
    tx = one("The vote begins at 2 p.m. in the hall.", D(2024, 9, 11), "2 p.m.")
    assert (tx.type, tx.value) == ("TIME", "2024-09-11T14:00")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The army is now in retreat.", "now", "PRESENT_REF"),
        ("The plant is currently closed.", "currently", "PRESENT_REF"),
        ("The mayor recently resigned.", "recently", "PAST_REF"),
        ("Such raids happened in the past.", "the past", "PAST_REF"),
        ("It may change in the future.", "the future", "FUTURE_REF"),
    ],
)
def test_vague_references(text: str, surface: str, value: str) -> None:
    tx = one(text, D(2024, 9, 11), surface)
    assert (tx.type, tx.value, tx.interval_start) == ("DATE", value, None)


# ---- no dct, no expressions ------------------------------------------------------------


def test_without_dct_relative_values_stay_unresolved() -> None:
    text = "The treaty was signed on Friday. Aug. 30 was chosen last year."
    got = {t.text: t for t in tag(text, None)}
    assert got["Friday"].value == "XXXX-WXX-5"
    assert got["Aug. 30"].value == "XXXX-08-30"
    assert got["last year"].value == "XXXX"
    for t in got.values():
        assert t.interval_start is None and t.anchor == "none"


def test_absolute_dates_need_no_dct() -> None:
    assert one("It was signed on August 30, 2021.", None, "August 30, 2021").value == ("2021-08-30")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The cat sat on the mat.",
        "He may go if he wants, and they will march to the square.",
        "Rebels fired 1500 rounds at the 3rd battalion.",
        "About 2000 people gathered.",
    ],
)
def test_no_expressions(text: str) -> None:
    assert tag(text, D(2024, 9, 11)) == []


def test_anchor_says_what_a_value_was_resolved_against() -> None:
    text = "On August 30, 2021, talks began. Two days later they ended. On Friday they met for 17 months."
    got = {t.text: t for t in tag(text, D(2024, 9, 11))}
    assert got["August 30, 2021"].anchor == "none"  # explicit: nothing to resolve
    assert got["Two days later"].anchor == "timex"
    assert got["Two days later"].value == "2021-09-01"
    assert got["Friday"].anchor == "dct"
    assert got["17 months"].anchor == "none"
