"""A past event told "in recent days" / "in recent weeks" is dated to the stretch just
before publication (rule ``timex_recent``), with and without a parse, for several
publication dates. Fixture sentences are written for these tests (none is taken from
a corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.annotate.timex import date_sentences, tag
from storyline.annotate.timex.anchor import interval
from storyline.models import SentenceDate

D = dt.date
# a Thursday, a Monday (the stretch reaches back into the previous week), the 2nd of a
# month (weeks before it are the previous month), a Sunday at a year's turn
DCTS = [D(2024, 12, 5), D(1998, 3, 2), D(2023, 7, 2), D(2010, 1, 3)]
# the first sentence is generic, so the one under test is never the article's lead
OPENING = "Ferries are slow in winter. "


def _week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _dates(doc: Doc, dct: dt.date) -> dict[int, SentenceDate]:
    return {sd.sentence: sd for sd in date_sentences(doc, tag(doc.text, dct), dct)}


def _both(nlp: Language, text: str, dct: dt.date) -> list[SentenceDate | None]:
    """The second sentence's date without a parse and with the trained model's."""
    return [_dates(doc, dct).get(1) for doc in (spacy.blank("en")(text), nlp(text))]


@pytest.mark.parametrize("dct", DCTS)
def test_recent_weeks_in_the_past_files_under_the_month_before(
    quotes_nlp: Language, dct: dt.date
) -> None:
    month = dct - dt.timedelta(weeks=2)
    want = f"{month.year:04d}-{month.month:02d}"
    for sentence in (
        "The harbour board approved the new ferry route in recent weeks.",
        "In recent weeks, the harbour board has approved the new ferry route.",
        "The harbour board approved the new ferry route over the past few weeks.",
    ):
        for got in _both(quotes_nlp, OPENING + sentence, dct):
            assert got is not None, sentence
            assert (got.rule, got.value) == ("timex_recent", want), sentence
            assert (got.interval_start, got.interval_end) == interval(want)
            assert got.timex is not None


@pytest.mark.parametrize("dct", DCTS)
def test_recent_days_in_the_past_files_under_the_week_before(
    quotes_nlp: Language, dct: dt.date
) -> None:
    want = _week_of(dct - dt.timedelta(days=3, hours=12))
    for sentence in (
        "The two ministers discussed the fishing quota in recent days.",
        "The ministers have in recent days discussed the fishing quota.",
    ):
        for got in _both(quotes_nlp, OPENING + sentence, dct):
            assert got is not None, sentence
            assert (got.rule, got.value) == ("timex_recent", want), sentence


@pytest.mark.parametrize("dct", DCTS)
def test_future_coming_and_long_stretches_do_not_date(quotes_nlp: Language, dct: dt.date) -> None:
    for sentence in (
        "The harbour board will approve the new route in coming weeks.",  # future
        "The harbour board will approve the new route in the next few days.",
    ):
        for got in _both(quotes_nlp, OPENING + sentence, dct):
            assert got is None or got.rule != "timex_recent", sentence
    # "recent months" is too long a stretch for one calendar unit: publication only
    for got in _both(
        quotes_nlp, OPENING + "The harbour board approved the route in recent months.", dct
    ):
        assert got is not None and got.rule == "publication"


@pytest.mark.parametrize("dct", DCTS)
def test_a_calendar_date_still_wins(quotes_nlp: Language, dct: dt.date) -> None:
    text = (
        OPENING + "In recent weeks the board met often, and it approved the route on May 3, 2001."
    )
    for got in _both(quotes_nlp, text, dct):
        assert got is not None and (got.rule, got.value) == ("timex", "2001-05-03")
