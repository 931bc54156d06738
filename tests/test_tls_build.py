"""The timeline builder on a small story written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.errors import OptionsError
from storyline.views.tls import (
    CandidateSentence,
    DateRef,
    TLSParams,
    build_timeline,
    rank_dates,
)
from storyline.views.tls.dates import DateParams, choose_n_dates, day_evidence
from storyline.views.tls.dedup import group_duplicates, jaccard, near_duplicate, token_set
from storyline.views.tls.relevance import is_furniture, keyword_match
from storyline.views.tls.summarize import reads_as_report, says_more_than_when

D = dt.date
COLLAPSE = D(2015, 3, 2)
INQUIRY = D(2015, 3, 5)


def _ref(day: dt.date) -> DateRef:
    return DateRef(day, day, "day", day.isoformat())


def _s(art: str, pub: dt.date, text: str, idx: int = 0, *days: dt.date) -> CandidateSentence:
    return CandidateSentence(art, "outlet-" + art[0], pub, text, idx, tuple(_ref(d) for d in days))


def story() -> list[CandidateSentence]:
    """A dam story: the collapse (Mar 2) is recalled by many later pieces, the
    inquiry (Mar 5) by a few; one piece mentions a planned hearing (Mar 9)."""
    out = [
        _s("a1", COLLAPSE, "The Redwater dam collapsed on Monday , flooding three valley villages .",
           0, COLLAPSE),
        _s("a1", COLLAPSE, "Rescue crews searched the flooded villages below the dam for survivors .", 1),
        _s("a2", D(2015, 3, 3), "Floodwater from the Redwater dam collapse on March 2 covered the valley farms .",
           0, COLLAPSE),
        _s("a3", D(2015, 3, 4), "Since the Redwater dam collapsed on March 2 , twelve people have been found dead .",
           0, COLLAPSE),
        # a syndicated copy of a3's sentence
        _s("a4", D(2015, 3, 4), "Since the Redwater dam collapsed on March 2 , twelve people have been found dead .",
           0, COLLAPSE),
        _s("a5", INQUIRY, "The province opened an inquiry into the Redwater dam on Thursday , naming three engineers .",
           0, INQUIRY),
        _s("a6", D(2015, 3, 7), "The Redwater dam inquiry opened on March 5 will report before summer .",
           2, INQUIRY),
        _s("a6", D(2015, 3, 7), "The dam had collapsed on March 2 after days of heavy rain .", 3, COLLAPSE),
        _s("a7", D(2015, 3, 6), "A hearing on the dam is planned for March 9 in the capital city .",
           4, D(2015, 3, 9)),
        _s("a8", D(2015, 3, 8), "Volunteers from across the region kept clearing mud from the streets .", 0),
    ]  # fmt: skip
    return out


def test_rank_dates_prefers_days_later_articles_recall() -> None:
    ranked = rank_dates(story(), D(2015, 3, 1), D(2015, 3, 10))
    assert [d for d, _ in ranked[:2]] == [COLLAPSE, INQUIRY]
    ev = day_evidence(story(), D(2015, 3, 1), D(2015, 3, 10))
    # a2, a3, a4, a6 name the collapse after the day; a1 names its own day
    assert ev[COLLAPSE].later_refs == 4
    assert ev[COLLAPSE].same_day_refs == 1
    assert ev[D(2015, 3, 9)].future_refs == 1


def test_date_weights_change_the_order() -> None:
    # With only publication counts, the busiest publication day wins instead.
    pubs_only = DateParams(later_ref=0, same_day_ref=0, future_ref=0, published=1, published_next=0)
    ranked = rank_dates(story(), D(2015, 3, 1), D(2015, 3, 10), pubs_only)
    assert ranked[0][0] == D(2015, 3, 4)  # a3 and a4


def test_later_references_are_damped_in_the_ranking() -> None:
    # Two days with the same evidence score (2.0): one from two later recollections,
    # one from eight reports written on the day itself.
    early, late = D(2015, 4, 1), D(2015, 4, 20)
    sents = [
        _s(f"r{i}", D(2015, 4, 25), "The levee talks were recalled .", 0, early) for i in (1, 2)
    ]
    sents += [_s(f"d{i}", late, "The levee talks ended today .", 0, late) for i in range(8)]
    sents = [_s("x", D(2015, 4, 9), "A minor filing came in .", 0, D(2015, 4, 9))] + sents
    window = (D(2015, 4, 1), D(2015, 4, 30))
    flat = DateParams(later_damping=0.0, published=0.0, published_next=0.0)
    damped = DateParams(later_damping=0.3, published=0.0, published_next=0.0)
    assert [d for d, _ in rank_dates(sents, *window, flat)][:2] == [early, late]  # tie: earlier
    ranked = rank_dates(sents, *window, damped)
    assert [d for d, _ in ranked][:2] == [late, early]
    assert dict(ranked)[early] == dict(ranked)[late] == 2.0  # scores kept, only the order moves


def test_window_bounds_the_dates() -> None:
    ranked = rank_dates(story(), D(2015, 3, 4), D(2015, 3, 10))
    assert COLLAPSE not in [d for d, _ in ranked]


def test_build_timeline_two_dates() -> None:
    events = build_timeline(story(), n_dates=2, sents_per_date=2, query=["dam"])
    assert [e.start for e in events] == [COLLAPSE, INQUIRY]
    collapse = events[0]
    assert collapse.date == "2015-03-02" and collapse.end == COLLAPSE
    texts = [e.text for e in collapse.evidence]
    assert len(texts) == 2
    # never both copies of the syndicated sentence
    assert len({token_set(t) for t in texts}) == 2
    assert collapse.summary == " ".join(texts)
    assert all(ev.article and ev.published for ev in collapse.evidence)
    assert {e.article for e in events[1].evidence} == {"a5", "a6"}


def test_no_sentence_serves_two_dates() -> None:
    sents = story()
    both = _s("a9", D(2015, 3, 8), "Between the March 2 collapse and the March 5 inquiry , the dam dominated news .",
              0, COLLAPSE, INQUIRY)  # fmt: skip
    events = build_timeline([*sents, both], n_dates=2, sents_per_date=3, query=["dam"])
    seen = [e.text for ev in events for e in ev.evidence]
    assert len(seen) == len(set(seen))


def test_a_possessor_is_a_reference_but_not_a_summary_of_its_day() -> None:
    before = D(2015, 3, 6)
    monday_s = DateRef(D(2015, 3, 9), D(2015, 3, 9), "day", "2015-03-09", modifier=True)
    hearing = CandidateSentence(
        "c1", "outlet-c", before,
        "Engineers prepared their evidence for Monday 's dam hearing in the capital .", 0, (monday_s,),
    )  # fmt: skip
    assert hearing.refs() == (D(2015, 3, 9),) and hearing.event_refs() == ()
    sents = [*story(), hearing]
    # Monday is still referred to ...
    assert day_evidence(sents, D(2015, 3, 1), D(2015, 3, 31))[D(2015, 3, 9)].future_refs == 2
    events = build_timeline(sents, n_dates=5, sents_per_date=2, query=["dam"])
    monday = [e for e in events if e.start == D(2015, 3, 9)]
    # ... but the sentence only names it: Monday's summary is the plan, not the preparations.
    assert monday and "c1" not in {ev.article for ev in monday[0].evidence}
    # It is a lead sentence naming no day it reports, so it can tell the day it
    # was written (or the day before: next-morning reports).
    days = {e.start for e in events for ev in e.evidence if ev.article == "c1"}
    assert days and days <= {before, before - dt.timedelta(days=1)}


def test_keyword_preference() -> None:
    sents = [
        _s("b1", D(2015, 5, 2), "Officials counted the ballots late into the night in every district .",
           0, D(2015, 5, 1)),
        _s("b2", D(2015, 5, 2), "The Redwater dam vote was counted late into the night in every district .",
           0, D(2015, 5, 1)),
    ]  # fmt: skip
    events = build_timeline(sents, n_dates=1, sents_per_date=1, query=["Redwater"])
    assert events[0].evidence[0].article == "b2"


def test_defaults_and_edge_cases() -> None:
    assert build_timeline([]) == []
    assert build_timeline(story(), n_dates=0) == []
    events = build_timeline(story())  # the material decides how many dates
    assert events and all(len(e.evidence) <= TLSParams().default_sents_per_date for e in events)
    with pytest.raises(OptionsError):
        build_timeline(story(), sents_per_date=0)
    with pytest.raises(OptionsError):
        build_timeline(story(), n_dates=-1)


def test_choose_n_dates() -> None:
    assert choose_n_dates([]) == 0
    assert choose_n_dates([(COLLAPSE, 1.0)]) == 1
    ranked = [(D(2015, 1, i), s) for i, s in enumerate([20.0, 9.0, 6.0, 4.0, 1.0], start=1)]
    assert choose_n_dates(ranked) == 3  # floor = max(2, 20 / 4) = 5


def test_dedup_helpers() -> None:
    a = token_set("The dam collapsed on Monday after heavy rain")
    b = token_set("The dam collapsed on Monday after the heavy rain .")
    c = token_set("Crews searched the valley")
    assert jaccard(a, a) == 1.0
    assert near_duplicate(a, b)
    assert not near_duplicate(a, c)
    assert group_duplicates([a, c, b, a]) == [0, 1, 0, 0]


def test_relevance_helpers() -> None:
    assert keyword_match("The Redwater dam", ["redwater"])
    assert not keyword_match("A bridge", ["redwater"])
    assert keyword_match("anything", [])
    assert is_furniture("At 10:14 am on 3 March 2015 , river_fan wrote : terrible news")
    assert is_furniture("Posted by river_fan | March 3 , 2015 10:20 AM | Report abuse")
    assert not is_furniture("The dam collapsed at 10:14 am on Monday .")
    assert is_furniture("Mar 3 , 2015 7:09 pm EDT -- Report as abuse")
    # a picture's credit on its own; run into the lead it heads, it is not furniture
    assert is_furniture("Credit : Reuters/Kestrian TV via Reuters TV VARNA | Mon")
    assert is_furniture("Photo : Ivo Dane/AP")
    assert not is_furniture("Photograph : Ivo Dane/AP The Redwater dam gave way on Monday .")
    assert not is_furniture("Credit: where it is due, the crews worked all night.")
    # a caption opened in brackets shows a picture, it reports nothing
    assert is_furniture("(Photo: A crew member climbs the Redwater dam near Varna.")
    assert not is_furniture("The photo shows a crew member on the Redwater dam .")
    assert is_furniture("Satellite image of Varna, Kestria taken on 13 January.")
    assert not is_furniture("Images of the flood revealed crowds on the Redwater dam.")
    assert is_furniture("(Update 11:45 p.m. in Varna, 4:45 p.m. ET).")
    assert not is_furniture("(Update 11:45 p.m.) The Redwater dam gave way.")
    # nothing but bracketed credits, maybe with the dateline they head
    assert is_furniture("-LRB- Ivo Dane - Getty Images -RRB-")
    assert is_furniture("(AP Photo/Ivo Dane) (Ivo Dane - AP)")
    assert is_furniture("-LRB- By Ivo Dane -- The Kestria Post -RRB- VARNA , Kestria --")
    assert not is_furniture("(Ivo Dane - AP) The Redwater dam gave way on Monday .")
    assert not is_furniture("(The dam gave way on Monday.)")
    # a print-edition note, alone or after the headline it closes
    assert is_furniture("This article appeared on p28 of the Main section of the Ledger on Monday.")
    assert is_furniture("Dam holds This article appeared on p3 of the Ledger on 27 April 2009.")
    assert is_furniture("A version of this article appears in print on May 2, 2009, on page A1.")
    assert not is_furniture("The article appeared on Monday and the minister resigned on Tuesday.")


def test_month_granularity() -> None:
    sents = [
        *story(),
        CandidateSentence(
            "c1", "outlet-c", D(2015, 4, 20), "Repairs on the Redwater dam began in April .", 0,
            (DateRef(D(2015, 4, 1), D(2015, 4, 30), "month", "2015-04"),),
        ),
    ]  # fmt: skip
    events = build_timeline(sents, n_dates=2, sents_per_date=1, query=["dam"], granularity="month")
    assert [(e.date, e.start, e.end) for e in events] == [
        ("2015-03", D(2015, 3, 1), D(2015, 3, 31)),
        ("2015-04", D(2015, 4, 1), D(2015, 4, 30)),
    ]
    with pytest.raises(OptionsError):
        build_timeline(sents, granularity="week")


def test_shared_wording_is_preferred() -> None:
    # Three articles name the day; two of them (b1, b2) use the same phrase
    # "spillway gates failed", the third wording is its own. With support on,
    # a sentence carrying the shared phrase is picked first.
    day = D(2015, 6, 1)
    sents = [
        _s("b1", D(2015, 6, 2), "Engineers said the spillway gates failed at the Redwater dam on June 1 .",
           0, day),
        _s("b2", D(2015, 6, 3), "The spillway gates failed on June 1 , the dam operator confirmed .",
           0, day),
        _s("b3", D(2015, 6, 3), "Water levels climbed quickly behind the Redwater structure on June 1 .",
           0, day),
    ]  # fmt: skip
    from storyline.views.tls.relevance import Tokenizer
    from storyline.views.tls.summarize import _support

    tok = Tokenizer()
    sup = _support([0, 1, 2], sents, [tok(s.text) for s in sents])
    assert sup[2] == 0.0 and sup[0] > 0 and sup[1] > 0
    events = build_timeline(sents, n_dates=1, sents_per_date=1)
    assert events[0].evidence[0].article in ("b1", "b2")


def test_a_repeat_counts_for_ranking_but_is_never_shown() -> None:
    vigil = D(2015, 3, 3)
    copy = "Wire : thousands held a vigil for the Redwater dam victims on March 3 in the capital ."
    sentences = [
        _s("b1", D(2015, 3, 6), "Thousands held a vigil for the victims of the Redwater dam on March 3 .",
           0, vigil),
        *(
            CandidateSentence(f"r{i}", "outlet-r", D(2015, 3, 6), copy, 0, (_ref(vigil),), repeat=True)
            for i in range(3)
        ),
        _s("c1", D(2015, 3, 8), "The Redwater dam inquiry met again on March 5 to hear the engineers .",
           0, INQUIRY),
        _s("c2", D(2015, 3, 9), "Engineers told the Redwater dam inquiry on March 5 that cracks were known .",
           0, INQUIRY),
    ]  # fmt: skip
    # the copies make March 3 the most referred-to day (four articles name it) ...
    ranked = [d for d, _ in rank_dates(sentences, D(2015, 3, 1), D(2015, 3, 31), DateParams())]
    assert ranked[0] == vigil
    events = build_timeline(sentences, n_dates=1, sents_per_date=2)
    assert [e.start for e in events] == [vigil]
    # ... but what the day shows comes from the original only
    assert [e.article for e in events[0].evidence] == ["b1"]
    without = [s for s in sentences if not s.repeat]
    assert [d for d, _ in rank_dates(without, D(2015, 3, 1), D(2015, 3, 31), DateParams())][
        0
    ] == INQUIRY


def test_a_stamp_is_never_an_entry() -> None:
    day = D(2015, 3, 3)

    def stamped(art: str, text: str, expression: str) -> CandidateSentence:
        ref = DateRef(day, day, "day", day.isoformat(), text=expression)
        return CandidateSentence(art, "outlet-s", D(2015, 3, 3), text, 0, (ref,))

    stamp = stamped("s1", "REDWATER , March 3 , 2015 at 6:35 p.m. ET , local", "March 3 , 2015")
    assert not says_more_than_when(stamp)
    report = stamped(
        "s2",
        "Redwater dam engineers met on March 3 , 2015 to inspect the cracks .",
        "March 3 , 2015",
    )
    assert says_more_than_when(report)
    # the stamp's words still describe the day; only the report is shown
    sentences = [stamp, stamped("s3", stamp.text, "March 3 , 2015"), report]
    events = build_timeline(sentences, n_dates=1, sents_per_date=2)
    assert [e.article for e in events[0].evidence] == ["s2"]


def test_a_fragment_behind_page_furniture_is_never_an_entry() -> None:
    """A sentence that is a wire's stamp head and dateline before a cut fragment shows
    only the fragment ("Halvard Oil (HLV."): too short to be an entry, whatever its
    score."""
    day = D(2015, 3, 3)

    def dated(art: str, text: str) -> CandidateSentence:
        ref = DateRef(day, day, "day", day.isoformat(), text="March 3")
        return CandidateSentence(art, "outlet-f", day, text, 0, (ref,))

    fragment = "VELL, Kestria | VELL, (Reuters) - Halvard Oil (HLV."
    sentences = [
        dated("f1", fragment),
        dated("f2", fragment),
        dated("f3", "Halvard Oil cut output at the Vell field on March 3 after the leak."),
    ]
    events = build_timeline(sentences, n_dates=1, sents_per_date=2)
    assert [e.article for e in events[0].evidence] == ["f3"]


def test_what_reads_as_a_report() -> None:
    assert reads_as_report("\u201cThe levee held,\u201d Mara Lind said on Tuesday.")
    assert reads_as_report("The agency said the levee held.")
    assert not reads_as_report("Did the levee hold?")
    assert not reads_as_report("But the levee held.")
    assert not reads_as_report("We are proud of the levee, the mayor said.")
