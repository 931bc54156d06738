"""Date references of sentences: the regex fallback and the tagger bridge."""

from __future__ import annotations

import datetime as dt
from typing import Any

from storyline.models import Timex
from storyline.views.tls.mentions import (
    article_date_mentions,
    date_mentions,
    fallback_tag,
    granularity_of,
    qualifies_noun,
    tagger_name,
    timex_to_ref,
)
from storyline.views.tls.prepare import SourceArticle, prepare

DCT = dt.date(2015, 3, 4)  # a Wednesday


def _days(text: str) -> list[dt.date]:
    return [ref.start for _, ref in fallback_tag(text, DCT)]


def test_fallback_explicit_dates() -> None:
    assert _days("The dam broke on February 27 , 2015 .") == [dt.date(2015, 2, 27)]
    assert _days("Talks resume on 9 March.") == [dt.date(2015, 3, 9)]
    assert _days("The filing is dated 2014-12-30.") == [dt.date(2014, 12, 30)]
    # without a year: the year that puts the day nearest the publication date
    assert _days("It began on Dec. 28.") == [dt.date(2014, 12, 28)]


def test_fallback_relative_days() -> None:
    assert _days("Officials said yesterday that it was over.") == [dt.date(2015, 3, 3)]
    # a weekday name is the latest such day up to the publication date
    assert _days("On Monday the bridge reopened.") == [dt.date(2015, 3, 2)]
    assert _days("Nothing dated here, may be later.") == []


def test_fallback_rejects_impossible_days() -> None:
    assert _days("on February 30 , 2015") == []


def test_timex_to_ref_granularity() -> None:
    day = Timex("May 5", 0, 5, "DATE", "2015-05-05", None, dt.date(2015, 5, 5), dt.date(2015, 5, 5))
    month = Timex("May", 0, 3, "DATE", "2015-05", None, dt.date(2015, 5, 1), dt.date(2015, 5, 31))
    dur = Timex("two days", 0, 8, "DURATION", "P2D")
    ref = timex_to_ref(day)
    assert ref is not None and ref.granularity == "day" and ref.start == dt.date(2015, 5, 5)
    mref = timex_to_ref(month)
    assert mref is not None and mref.granularity == "month" and mref.end == dt.date(2015, 5, 31)
    assert timex_to_ref(dur) is None
    assert granularity_of("2015-W10") == "week"
    assert granularity_of("PRESENT_REF") is None


def test_possessors_are_marked() -> None:
    text = "After Tuesday's rally and Monday 's slide, stocks fell on Wednesday."
    refs = [ref for _, ref in fallback_tag(text, DCT)]
    assert [(r.text, r.modifier) for r in refs] == [
        ("Tuesday", True),
        ("Monday", True),
        ("Wednesday", False),
    ]
    assert qualifies_noun("Friday’s vote", 0, 6) and not qualifies_noun("Fridays", 0, 6)
    assert not qualifies_noun("on Friday said", 3, 9)
    # the sentence's event happens at the thing: "said at Friday's news conference"
    assert not qualifies_noun("He said at Friday's briefing", 11, 17)
    assert not qualifies_noun("Shots rang out during Friday 's march", 22, 28)
    day = Timex(
        "Friday", 5, 11, "DATE", "2015-02-27", None, dt.date(2015, 2, 27), dt.date(2015, 2, 27)
    )
    with_text = timex_to_ref(day, "Only Friday's vote counted.")
    without_text = timex_to_ref(day)
    assert with_text is not None and with_text.modifier
    assert without_text is not None and not without_text.modifier


def test_article_mentions_map_offsets_to_sentences() -> None:
    calls: list[str] = []

    def fake_tag(text: str, dct: dt.date) -> list[Any]:
        calls.append(text)
        start = text.index("Friday")
        return [
            Timex("Friday", start, start + 6, "DATE", "2015-02-27", None,
                  dt.date(2015, 2, 27), dt.date(2015, 2, 27))
        ]  # fmt: skip

    refs = article_date_mentions(["No date here.", "It closed on Friday."], DCT, tag=fake_tag)
    assert len(calls) == 1  # the article is tagged once, as one text
    assert refs[0] == []
    assert [r.start for r in refs[1]] == [dt.date(2015, 2, 27)]


def test_date_mentions_uses_whichever_tagger_is_there() -> None:
    assert tagger_name() in ("storyline.annotate.timex", "fallback")
    refs = date_mentions("The levee failed on March 1 , 2015 .", DCT)
    assert dt.date(2015, 3, 1) in [r.start for r in refs if r.granularity == "day"]


def test_prepare_reports_tagger_failures_and_goes_on() -> None:
    def broken(text: str, dct: dt.date) -> list[Any]:
        raise ValueError("boom")

    arts = [SourceArticle("a1", "Outlet", DCT, ("First line here.", "Second line."))]
    sents, errors = prepare(arts, tag=broken)
    assert [s.text for s in sents] == ["First line here.", "Second line."]
    assert all(s.dates == () for s in sents)
    assert len(errors) == 1 and errors[0].code == "E301"
    assert sents[0].tokens  # content tokens are filled in
