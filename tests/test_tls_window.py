"""A window of a big pile: the builder works only on what bears on the window
(``bearing_on``) and chooses exactly what it chose when it worked on everything."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import storyline.views.tls.timeline as timeline_module
from storyline.models import Annotations, Article, Copy, Sentence, Timex
from storyline.views.corpus import Corpus
from storyline.views.summary import candidates
from storyline.views.tls import CandidateSentence, DateRef, TLSParams, build_timeline
from storyline.views.tls.records import next_period
from storyline.views.tls.relevance import Tokenizer
from storyline.views.tls.timeline import bearing_on

D = dt.date


def _ref(day: dt.date) -> DateRef:
    return DateRef(day, day, "day", day.isoformat())


def _s(art: str, pub: dt.date, text: str, idx: int = 0, *days: dt.date) -> CandidateSentence:
    return CandidateSentence(art, "outlet", pub, text, idx, tuple(_ref(d) for d in days))


def pile() -> list[CandidateSentence]:
    """Three weeks of a ferry story; the middle week is the one asked for. Words of
    the other weeks ("ferry", "harbour") also appear in the middle week, so their
    document frequencies over the whole pile decide the middle week's choice."""
    out = []
    for week, (first, topic) in enumerate(
        [(D(2016, 6, 6), "harbour strike"), (D(2016, 6, 13), "ferry sinking"),
         (D(2016, 6, 20), "harbour inquiry")]
    ):  # fmt: skip
        for day in range(6):
            pub = first + dt.timedelta(days=day)
            for n in range(3):
                art = f"w{week}d{day}n{n}"
                out.append(_s(art, pub, f"The ferry {topic} report number {n} came from the harbour town today .",
                              0, pub))  # fmt: skip
                out.append(_s(art, pub, f"Officials of the port spoke about the {topic} and the ferry crews again .",
                              1))  # fmt: skip
                # a recollection of the middle week's first day, from any week
                out.append(_s(art, pub, f"The ferry sank on June 13 near the harbour , said witness {n} .",
                              2, D(2016, 6, 13)))  # fmt: skip
    # published the day after the window: a next-morning report still counts
    out.append(
        _s(
            "late",
            D(2016, 6, 20),
            "The ferry salvage began at the harbour overnight , crews said .",
            0,
        )
    )
    return out


WEEK = (D(2016, 6, 13), D(2016, 6, 19))


def test_next_period() -> None:
    assert next_period(D(2016, 6, 19), "day") == D(2016, 6, 20)
    assert next_period(D(2016, 12, 1), "month") == D(2017, 1, 1)
    assert next_period(D(2016, 1, 1), "month") == D(2016, 2, 1)
    assert next_period(dt.date.max, "day") == dt.date.max
    assert next_period(D(9999, 12, 1), "month") == D(9999, 12, 1)


def test_bearing_on_keeps_references_and_the_next_morning() -> None:
    sents = pile()
    kept = bearing_on(sents, *WEEK, TLSParams())
    assert len(kept) < len(sents)
    # every sentence naming a day of the week, whenever written
    assert {s.article for s in sents if D(2016, 6, 13) in s.refs()} <= {s.article for s in kept}
    # the day after the window is kept (next-morning reports), two days after is not
    assert any(s.published == D(2016, 6, 20) for s in kept)
    assert not any(s.published == D(2016, 6, 21) and not s.dates for s in kept)
    assert not any(s.published < D(2016, 6, 13) and not s.refs() for s in kept)


@pytest.mark.parametrize("granularity", ["day", "month"])
def test_a_window_chooses_what_the_whole_pile_chose(
    granularity: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sents = pile()
    fast = build_timeline(
        sents, n_dates=4, sents_per_date=2, query=["ferry"], start=WEEK[0], end=WEEK[1],
        granularity=granularity,
    )  # fmt: skip
    # the reference: no early filtering, every sentence tokenized and judged
    monkeypatch.setattr(timeline_module, "bearing_on", lambda s, *a, **k: list(s))
    slow = build_timeline(
        sents, n_dates=4, sents_per_date=2, query=["ferry"], start=WEEK[0], end=WEEK[1],
        granularity=granularity,
    )  # fmt: skip
    assert fast and fast == slow


def test_pre_tokenized_input_gives_the_same_window() -> None:
    tokenizer = Tokenizer()
    sents = pile()
    tokenized = [dataclasses.replace(s, tokens=tokenizer(s.text)) for s in sents]
    kwargs = {
        "n_dates": 3,
        "sents_per_date": 1,
        "query": ["ferry"],
        "start": WEEK[0],
        "end": WEEK[1],
    }
    assert build_timeline(sents, **kwargs) == build_timeline(tokenized, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("window", [WEEK, (None, None)])
def test_frequencies_counted_once_give_the_same_timeline(
    window: tuple[dt.date | None, dt.date | None],
) -> None:
    """The digest counts a pile's document frequencies once per store state and
    hands them to every window (``frequencies``): the same events as counting them
    on each call, windowed or not."""
    sents = pile()
    kwargs = {
        "n_dates": 3,
        "sents_per_date": 2,
        "query": ["ferry"],
        "start": window[0],
        "end": window[1],
    }
    shared = timeline_module.frequencies_of(sents)
    assert shared.n == len(sents)
    events = build_timeline(sents, **kwargs)  # type: ignore[arg-type]
    assert events and events == build_timeline(sents, frequencies=shared, **kwargs)  # type: ignore[arg-type]


def test_token_set_is_the_tokenizers_set() -> None:
    tokenizer = Tokenizer()
    for text in (
        "The Ferries SANK near 3 harbours -LRB- said 2016 -RRB- , the ferry's crews",
        "",
        "Officials officially said 12 officials were there and THE end",
    ):
        assert tokenizer.token_set(text) == set(tokenizer(text))


def test_a_window_with_nothing_in_it() -> None:
    assert build_timeline(pile(), n_dates=3, start=D(2020, 1, 1), end=D(2020, 1, 7)) == []


def _article(art_id: str, text: str, day: dt.date) -> tuple[Article, Annotations]:
    first, second = text.split(" | ")
    cut = len(first) + 3
    sentences = (Sentence(0, 0, len(first), first), Sentence(1, cut, len(text), second))
    at = text.index("June 13")
    timex = Timex("June 13", at, at + 7, "DATE", "2016-06-13", None, D(2016, 6, 13), D(2016, 6, 13))
    return Article(art_id, text, outlet="outlet", published=day), Annotations(
        art_id, sentences=sentences, timexes=(timex,)
    )


def test_candidates_flag_repeats_and_date_their_sentences() -> None:
    original = _article(
        "orig", "Crews worked all night at the pier . | The ferry sank on June 13 near the pier .",
        D(2016, 6, 14),
    )  # fmt: skip
    copy = _article(
        "copy", "Crews worked all night at the pier . | The ferry sank on June 13 near the pier .",
        D(2016, 6, 15),
    )  # fmt: skip
    corpus = Corpus(
        articles={a.id: a for a, _ in (original, copy)},
        annotations={a.id: ann for a, ann in (original, copy)},
        entities=[],
        copies=[Copy("copy", "orig", "syndicated", 0.99)],
    )
    found = candidates(corpus)
    assert [(s.article, s.index, s.repeat) for s in found] == [
        ("orig", 0, False), ("orig", 1, False), ("copy", 0, True), ("copy", 1, True),
    ]  # fmt: skip
    assert [s.day_refs() for s in found] == [(), (D(2016, 6, 13),)] * 2
    # the copy counts as a second article recalling the day, and is never shown
    events = build_timeline(found, n_dates=1, sents_per_date=2)
    assert events[0].start == D(2016, 6, 13)
    assert {e.article for e in events[0].evidence} == {"orig"}
