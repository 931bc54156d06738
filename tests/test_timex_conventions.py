"""TimeML / TempEval-3 value and extent conventions, each checked with the dct varied.

Fixture sentences are written for these tests (none is taken from a corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.annotate.timex import tag
from storyline.annotate.timex.anchor import text_tense
from storyline.models import Timex

D = dt.date


def found(text: str, dct: dt.date | None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct)]


def one(text: str, dct: dt.date | None, surface: str) -> Timex:
    hits = [t for t in tag(text, dct) if t.text == surface]
    assert hits, f"{surface!r} not in {found(text, dct)}"
    return hits[0]


# ---- durations -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The alarm rang for a minute and a half.", "a minute and a half", "PT1M30S"),
        ("She spoke for two and a half minutes.", "two and a half minutes", "PT2M30S"),
        ("The talks lasted an hour and a half.", "an hour and a half", "PT1H30M"),
        ("He served two and a half years.", "two and a half years", "P2Y6M"),
        ("Rebels held the town for decades.", "decades", "PXY"),
    ],
)
def test_fractional_and_vague_durations(text: str, surface: str, value: str) -> None:
    for dct in (D(2024, 9, 11), None):
        assert one(text, dct, surface).value == value


def test_approximators_stay_outside_the_extent_but_bounds_stay_inside() -> None:
    dct = D(2023, 5, 2)
    tx = one("The crew spent about five hours on the roof.", dct, "five hours")
    assert (tx.value, tx.mod) == ("PT5H", "APPROX")
    assert one("They waited around two weeks.", dct, "two weeks").value == "P2W"
    assert one("It lasted more than five hours.", dct, "more than five hours").mod == "MORE_THAN"
    assert one("It lasted nearly five months.", dct, "nearly five months").value == "P5M"
    clock = one("The blast came at about 10:35 a.m. on Friday.", D(2023, 5, 6), "10:35 a.m.")
    assert (clock.value, clock.mod) == ("2023-05-05T10:35", "APPROX")
    # "ago" expressions keep their modifier
    assert one("He left about two years ago.", dct, "about two years ago").value == "2021"


def test_a_year_next_to_a_unit_is_not_a_count() -> None:
    for text, dct in (("Net fell in the 1988 quarter.", D(1989, 11, 2)),
                      ("Sales grew in the 2019 period.", D(2020, 8, 1))):  # fmt: skip
        assert all(t.type != "DURATION" for t in tag(text, dct))


# ---- relative to the dct -----------------------------------------------------------


@pytest.mark.parametrize(
    ("dct", "past", "following"),
    [(D(1998, 3, 3), "1997", "1999"), (D(2024, 1, 2), "2023", "2025")],
)
def test_the_past_year_is_the_calendar_year_before(dct: dt.date, past: str, following: str) -> None:
    assert one("Hate groups grew over the past year.", dct, "the past year").value == past
    tx = one("Plants will close over the next year.", dct, "the next year")
    assert (tx.type, tx.value) == ("DATE", following)
    # a counted span stays a length
    assert one("Prices rose over the past three years.", dct, "the past three years").value == "P3Y"


@pytest.mark.parametrize(
    ("dct", "value"), [(D(1989, 11, 2), "1989-11-01TAF"), (D(2024, 3, 1), "2024-02-29TAF")]
)
def test_part_of_day_before_yesterday(dct: dt.date, value: str) -> None:
    tx = one("In London at mid-afternoon yesterday, shares rose.", dct, "mid-afternoon yesterday")
    assert (tx.type, tx.value, tx.mod) == ("TIME", value, "MID")


@pytest.mark.parametrize(
    ("dct", "friday", "tuesday"),
    [(D(2024, 9, 9), "2024-09-06", "2024-09-10"), (D(2000, 1, 7), "2000-01-07", "2000-01-11")],
)
def test_weekday_with_part_of_day_is_the_day(dct: dt.date, friday: str, tuesday: str) -> None:
    tx = one("Crowds rallied Friday night in the square.", dct, "Friday night")
    assert (tx.type, tx.value) == ("DATE", friday)
    assert one("The envoy will land Tuesday morning.", dct, "Tuesday morning").value == tuesday


def test_the_next_morning_is_the_day_after_the_reference() -> None:
    text = "The boy was taken to hospital on March 3, 2021. He appeared in court the next morning."
    assert one(text, D(2021, 3, 10), "the next morning").value == "2021-03-04"
    text = "The plant closed on May 9, 2019. The next day, workers struck."
    assert one(text, D(2024, 9, 11), "The next day").value == "2019-05-10"


def test_generic_today_and_programme_names_are_not_dates() -> None:
    dct = D(2024, 9, 11)
    assert found("The case is for today's youth a lesson.", dct) == []
    assert found("Hackers threaten tomorrow's world.", dct) == []
    assert found('Baker said on ABC\'s "This Week" that talks failed.', dct) == []
    assert found("This is VOA Today.", dct) == []
    assert one("Today's meeting was cancelled.", dct, "Today").value == "2024-09-11"
    assert one("This week the council met.", dct, "This week").value == "2024-W37"


def test_later_in_the_day_is_left_out() -> None:
    dct = D(2023, 8, 17)
    assert found("She flew to Nairobi later in the day.", dct) == []
    assert found("Late in the day, lawyers emerged.", dct) == []
    assert one("It ends by the end of the day.", dct, "the end of the day").value == "2023-08-17"


# ---- direction cues --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dct", "value"), [(D(1999, 5, 7), "1999-05-06"), (D(2010, 6, 4), "2010-06-03")]
)
def test_until_with_a_past_perfect_looks_back(dct: dt.date, value: str) -> None:
    # both dcts are Fridays: the Thursday meant is the day before, not next week's
    tx = one("Until Thursday, the police had not called him a suspect.", dct, "Thursday")
    assert tx.value == value
    later = one("The offer stands until Thursday.", dct, "Thursday")
    assert later.interval_start is not None and later.interval_start > dct


@pytest.mark.parametrize(
    ("dct", "value"), [(D(1998, 10, 26), "1998-10-27"), (D(2021, 3, 1), "2021-03-02")]
)
def test_a_plan_after_the_weekday_points_forward(dct: dt.date, value: str) -> None:
    # both dcts are Mondays
    text = "On Tuesday, the league plans to hold a news conference."
    assert one(text, dct, "Tuesday").value == value
    text = "Protesters planned a large march downtown on Tuesday."
    assert one(text, dct, "Tuesday").value == value
    # a plan in the past tense after the date dates the plan
    text = "On Tuesday, the league planned its response."
    got = one(text, dct, "Tuesday")
    assert got.interval_start is not None and got.interval_start < dct


def test_a_plan_in_the_past_perfect_looks_back() -> None:
    dct = D(1989, 10, 30)  # a Monday
    assert one("It had been due to expire Friday.", dct, "Friday").value == "1989-10-27"
    assert one("It is due to expire Friday.", dct, "Friday").value == "1989-11-03"


def test_an_ed_adjective_after_a_determiner_is_no_past_cue() -> None:
    text = "The vote falls on a still unspecified date in January."
    i = text.index("January")
    assert text_tense(text, i, i + 7) is None
    assert one(text, D(1989, 10, 26), "January").value == "1990-01"
    assert one(text, D(2023, 11, 30), "January").value == "2024-01"


def test_narrative_soon_is_not_the_future() -> None:
    dct = D(2000, 2, 24)
    assert found("He was soon released from hospital.", dct) == []
    assert found("A trickle of cash soon became a flood.", dct) == []
    assert one("The court will rule soon.", dct, "soon").value == "FUTURE_REF"


def test_clock_time_takes_the_day_after_a_parenthesis() -> None:
    for dct, value in ((D(1998, 8, 8), "1998-08-07T10:35"), (D(2022, 3, 12), "2022-03-11T10:35")):
        text = "The blast occurred at 10:35 a.m. (0735 GMT) Friday."
        assert one(text, dct, "10:35 a.m.").value == value


def test_clock_time_keeps_the_written_year_of_its_date() -> None:
    dct = D(2015, 6, 1)
    text = "The ferry sailed at 6:30 pm ET March 3 , 2011 from the port."
    assert one(text, dct, "6:30 pm ET March 3 , 2011").value == "2011-03-03T18:30"
    text = "The vote closed at 9 p.m. on Oct. 4, 2012, officials said."
    assert one(text, dct, "9 p.m.").value == "2012-10-04T21:00"
    # no year written: the date's own year rule decides
    assert one("Doors open at 8 a.m. on Aug. 30.", dct, "8 a.m.").value == "2015-08-30T08:00"


# ---- anaphora ---------------------------------------------------------------------------


@pytest.mark.parametrize("year", [1999, 2024])
def test_a_bare_day_after_a_date_shares_its_month(year: int) -> None:
    dct = D(year, 2, 10)
    assert found("The summit is on April 24 and 25.", dct) == [
        ("April 24", f"{year}-04-24"),
        ("25", f"{year}-04-25"),
    ]
    assert ("7", f"{year}-05-07") in found("Talks ran from May 3 to 7 in Geneva.", dct)
    # counts are not days
    assert found("On May 3 and 25 people died.", dct) == [("May 3", f"{year}-05-03")]
    assert found("Sales rose on May 3 and 4 percent later.", dct) == [("May 3", f"{year}-05-03")]


@pytest.mark.parametrize(
    ("dct", "quarter", "year_before"),
    [(D(1989, 11, 2), "1989-Q3", "1988-Q3"), (D(2024, 5, 6), "2024-Q1", "2023-Q1")],
)
def test_reporting_periods_named_by_their_year(
    dct: dt.date, quarter: str, year_before: str
) -> None:
    q = quarter[-2:]
    names = {"Q1": "first", "Q3": "third"}
    text = (
        f"Net rose in the {names[q]} quarter. In the {year_before[:4]} quarter it fell. "
        "U.K. sales for last year's quarter were flat, as in the corresponding period last "
        "year, and for the quarter a year ago."
    )
    got = dict(found(text, dct))
    assert got[f"the {names[q]} quarter"] == quarter
    assert got[f"the {year_before[:4]} quarter"] == year_before
    assert got["last year's quarter"] == year_before
    assert got["the corresponding period last year"] == year_before
    assert got["the quarter a year ago"] == year_before


def test_a_period_named_by_its_year_is_that_year() -> None:
    for dct, year in ((D(1989, 11, 2), "1988"), (D(2021, 4, 30), "2020")):
        text = f"Net rose in the third quarter, against a loss in the {year} period."
        assert one(text, dct, f"the {year} period").value == year


def test_a_year_ago_period_skips_forecasts_and_the_current_quarter() -> None:
    dct = D(1989, 10, 26)
    text = (
        "Profit fell in the third quarter. Losses may last through the third quarter of 1990. "
        "In the year-ago period, the company earned more."
    )
    assert one(text, dct, "the year-ago period").value == "1988-Q3"


def test_next_years_first_quarter() -> None:
    for dct, value in ((D(1989, 10, 31), "1990-Q1"), (D(2023, 2, 1), "2024-Q1")):
        text = "The split could be effective as early as next year's first quarter."
        assert one(text, dct, "next year's first quarter").value == value


def test_one_comparison_is_no_anchor_for_the_next() -> None:
    dct = D(1989, 10, 26)
    text = "It lost $2 a year ago. Sales were $3 billion compared with $2 billion a year earlier."
    got = found(text, dct)
    assert ("a year ago", "1988") in got and ("a year earlier", "1988") in got


def test_that_day_after_a_month_is_generic() -> None:
    dct = D(1989, 10, 27)
    text = "Redemptions rose last month. You get strong redemptions that day and then calm."
    assert "that day" not in [t for t, _ in found(text, dct)]
    text = "The vote was on June 3, 2020. That day, crowds gathered."
    assert one(text, dct, "That day").value == "2020-06-03"


# ---- PTB-tokenized text ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("On Aug . 30 , 2010 , officials said the well -LRB- 84km -RRB- was sealed .",
         "Aug . 30 , 2010", "2010-08-30"),
        ("The spill began on April 20 , 2010 , when the rig exploded .",
         "April 20 , 2010", "2010-04-20"),
        ("It closed in Dec . 2009 after a long fight .", "Dec . 2009", "2009-12"),
        ("The storm hit on Tue . , Aug . 3 , 2010 .", "Tue . , Aug . 3 , 2010", "2010-08-03"),
        ("Rescuers arrived on Sept . 5 .", "Sept . 5", "2010-09-05"),
    ],
)  # fmt: skip
def test_ptb_tokenized_dates(text: str, surface: str, value: str) -> None:
    assert one(text, D(2010, 9, 9), surface).value == value
