"""What is new (``views.new``): on a hand-built mini story mirroring the seeds (a 2023
refusal told twice, then a 2024 change), and on the seeds themselves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.models import (
    Annotations,
    Article,
    Entity,
    EntityMention,
    MentionRef,
    Quote,
    Sentence,
    SentenceDate,
)
from storyline.present.cli import app
from storyline.views.corpus import Corpus
from storyline.views.new import (
    Novelty,
    new_items,
    reading_order,
)
from storyline.views.streamed import happenings_between, streamed_timeline
from storyline.views.tls import CandidateSentence, DateRef, build_timeline

D = dt.date


def _article(
    aid: str,
    published: dt.date,
    sentences: list[tuple[str, str | None]],
    *,
    quotes: list[tuple[int, str, str]] = (),  # type: ignore[assignment]
    names: list[tuple[int, str, str]] = (),  # type: ignore[assignment]
) -> tuple[Article, Annotations]:
    """An article of ``sentences`` (text, date value or None: dated by publication);
    ``quotes``: (sentence, speaker, words); ``names``: (sentence, name, label)."""
    text = " ".join(s for s, _v in sentences)
    built, dates, offset = [], [], 0
    for i, (s, value) in enumerate(sentences):
        built.append(Sentence(i, offset, offset + len(s), s))
        offset += len(s) + 1
        if value is None:
            dates.append(
                SentenceDate(i, published.isoformat(), published, published, "publication")
            )
            continue
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:])
            first = D(year, month, 1)
            last = (D(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
        elif len(value) == 4:
            first, last = D(int(value), 1, 1), D(int(value), 12, 31)
        else:
            first = last = D.fromisoformat(value)
        rule = "lead" if i == 0 else "timex"
        dates.append(SentenceDate(i, value, first, last, rule))
    mentions = []
    for sentence, name, label in names:
        start = text.index(name, built[sentence].start)
        mentions.append(EntityMention(name, label, start, start + len(name), sentence))
    said = []
    for sentence, speaker, words in quotes:
        start = text.index(words, built[sentence].start)
        said.append(
            Quote(
                words, start, start + len(words), True, speaker, sentence=sentence, confidence=0.9
            )
        )
    article = Article(aid, text, title=aid, outlet=f"outlet-{aid}", published=published)
    return article, Annotations(
        aid, tuple(built), tuple(mentions), (), tuple(dates), tuple(said), (), ()
    )


def _corpus(*made: tuple[Article, Annotations]) -> Corpus:
    articles = {a.id: a for a, _ann in made}
    annotations = {a.id: ann for a, ann in made}
    by_name: dict[tuple[str, str], list[MentionRef]] = {}
    for a, ann in made:
        for i, m in enumerate(ann.mentions):
            by_name.setdefault((m.text, m.label), []).append(MentionRef(a.id, i))
    entities = [
        Entity(f"e-{name}", name, label, (), tuple(refs)) for (name, label), refs in by_name.items()
    ]
    return Corpus(articles=articles, annotations=annotations, entities=entities, copies=[])


REFUSAL = _article(
    "may",
    D(2023, 5, 10),
    [
        (
            "The United States has no plans to send ATACMS missiles to Ukraine, officials said.",
            "2023-05-10",
        ),
        ("Jake Sullivan said the risk of escalation with Russia was too high.", None),
    ],
    quotes=[(1, "Jake Sullivan", "the risk of escalation with Russia was too high")],
    names=[(0, "Ukraine", "GPE"), (1, "Jake Sullivan", "PERSON")],
)
# The refusal told again, in other words, with a new quote from a known speaker.
RETOLD = _article(
    "july",
    D(2023, 7, 24),
    [
        (
            "Washington still has no plans to provide Ukraine with the ATACMS missiles, officials said.",
            "2023-07-24",
        ),
        ("In May, the United States refused to send ATACMS missiles to Ukraine.", "2023-05"),
        ("Jake Sullivan repeated that escalation with Russia was a risk too high to run.", None),
    ],
    quotes=[(2, "Jake Sullivan", "escalation with Russia was a risk too high to run")],
    names=[(0, "Ukraine", "GPE"), (2, "Jake Sullivan", "PERSON")],
)
CHANGE = _article(
    "december",
    D(2024, 12, 5),
    [
        (
            "The Biden administration is in talks with third countries to persuade them to supply Ukraine with more ATACMS.",
            "2024-12-05",
        ),
        (
            "The White House authorized Kyiv in November to fire the ATACMS into parts of Russia.",
            "2024-11",
        ),
        ("Last year the United States had refused to send ATACMS missiles to Ukraine.", "2023"),
        ("Vladimir Putin said his forces may use the new missile in combat again.", None),
    ],
    quotes=[(3, "Vladimir Putin", "his forces may use the new missile in combat again")],
    names=[(0, "Ukraine", "GPE"), (3, "Vladimir Putin", "PERSON"), (1, "White House", "ORG")],
)


def test_an_article_adds_its_own_news_and_not_what_came_before() -> None:
    corpus = _corpus(CHANGE, REFUSAL, RETOLD)  # stored out of order: read by publication
    assert reading_order(corpus) == ["may", "july", "december"]
    items = new_items(corpus, ["december"])
    texts = [it["text"] for it in items]
    events = [it for it in items if it["kind"] == "event"]
    assert any("talks with third countries" in it["text"] for it in events)
    assert any("authorized Kyiv" in it["text"] and it["date"] == "2024-11" for it in events)
    # The 2023 refusal, told again in other words, is not news in December 2024.
    assert not any("refused" in t for t in texts)
    assert {it["text"] for it in items if it["kind"] == "actor"} == {
        "Vladimir Putin",
        "White House",
    }
    quotes = [it for it in items if it["kind"] == "quote"]
    assert len(quotes) == 1 and quotes[0]["text"].startswith("Vladimir Putin:")
    assert all(it["article"] == "december" and it["first_seen"] == "2024-12-05" for it in items)
    assert items[0]["kind"] == "event"  # events rank first


def test_a_retelling_in_other_words_is_not_new() -> None:
    corpus = _corpus(REFUSAL, RETOLD, CHANGE)
    items = new_items(corpus, ["july"])
    # The lead retells the May refusal, "In May ..." retells it with its month, and the
    # known speaker's quote says again what he said: nothing here is new.
    assert items == [], [it["text"] for it in items]


def test_since_a_date_counts_each_item_once() -> None:
    corpus = _corpus(REFUSAL, RETOLD, CHANGE)
    items = new_items(corpus, ["july", "december"])
    assert {it["article"] for it in items} == {"december"}
    everything = new_items(corpus, ["may", "july", "december"])
    first = [it for it in everything if it["article"] == "may"]
    assert any(it["kind"] == "event" and "no plans" in it["text"] for it in first)
    assert {it["text"] for it in first if it["kind"] == "actor"} == {"Ukraine", "Jake Sullivan"}


def test_new_needs_one_of_since_or_article() -> None:
    result = CliRunner().invoke(app, ["--db", ":memory:", "new"])
    assert result.exit_code == 2
    both = CliRunner().invoke(app, ["new", "--since", "2024-01-01", "--article", "x"])
    assert both.exit_code == 2


@pytest.mark.model
def test_seeds_december_article_adds_the_talks_and_the_authorization(seeds_db: Path) -> None:
    from storyline.views.story import Story

    with Story.open(str(seeds_db)) as story:
        december = next(
            a["id"] for a in story.articles()["articles"] if a["published"] == "2024-12-05"
        )
        items = story.view("new", article=december)["items"]
        since = story.view("new", since=dt.date(2024, 12, 1))["items"]
    events = " ".join(it["text"] for it in items if it["kind"] == "event")
    assert "talks with third countries" in events
    assert "authorized Kyiv" in events and "fire into some parts of Russia" in events
    # what the 2023 articles already said: the ATACMS range, the refusal, its speakers
    said = " ".join(it["text"] for it in items)
    assert "190 miles" not in " ".join(it["text"] for it in items if it["kind"] == "figure")
    assert "no plans" not in said and "not a priority" not in said
    assert not {"Volodymyr Zelenskyy", "Jake Sullivan", "Pentagon"} & {
        it["text"] for it in items if it["kind"] == "actor"
    }
    assert since == items


@pytest.mark.model
def test_one_article_judged_alone_equals_the_whole_pass(seeds_db: Path) -> None:
    """Asked cold, ``new --article`` reads what came before and judges that article
    alone; the items are those of the pass over the whole pile."""
    from storyline.views.new import _every_item
    from storyline.views.story import Story

    with Story.open(str(seeds_db)) as story:
        ids = [a["id"] for a in story.articles()["articles"]]
        alone = {a: story.view("new", article=a)["items"] for a in ids}
        assert not story.cache.ready(("new items", False))
        every = _every_item(story, False)
        assert story.cache.ready(("new items", False))
        for a in ids:
            assert alone[a] == [it for it in every if it["article"] == a]
            assert story.view("new", article=a)["items"] == alone[a]
    assert any(alone.values())


# A flood told undated first (the second sentence of its first report), then with its day.
FLOOD_FIRST = _article(
    "first",
    D(2031, 3, 3),
    [
        ("The Varna river rose two metres overnight in the valley of Ostrovet.", "2031-03-03"),
        ("Rescue teams evacuated three hundred residents from the old town of Ostrovet.", None),
    ],
)
FLOOD_LATER = _article(
    "later",
    D(2031, 3, 5),
    [
        ("Mayor Ilse Dahl opened emergency shelters in the schools of Ostrovet.", "2031-03-05"),
        (
            "Rescue teams evacuated three hundred residents from the Ostrovet old town on Monday.",
            "2031-03-03",
        ),
    ],
)


def _fed(corpus: Corpus, follow: bool) -> Novelty:
    novelty = Novelty(corpus, follow=follow)
    for article_id in reading_order(corpus):
        novelty.news(article_id)
        novelty.learn(article_id)
    return novelty


def test_a_later_telling_joins_its_happening_and_is_still_not_new() -> None:
    corpus = _corpus(FLOOD_FIRST, FLOOD_LATER)
    items = new_items(corpus, ["later"])
    events = [it["text"] for it in items if it["kind"] == "event"]
    assert events == [FLOOD_LATER[1].sentences[0].text]  # the dated evacuation is not new
    followed = _fed(corpus, follow=True)
    evacuation = next(t for t in followed.tellings if ("first", 1) in [t[0][:2]])
    assert [(a, i) for a, i, _text in evacuation] == [("first", 1), ("later", 1)]
    days, told = happenings_between(followed, D(2031, 3, 1), D(2031, 3, 31))
    assert days == {D(2031, 3, 3), D(2031, 3, 5)}  # the evacuation dated by its retelling
    assert {("first", 1), ("later", 1), ("later", 0)} <= told
    # without following, only dated events make happenings, and the retelling joins none
    plain = _fed(corpus, follow=False)
    assert all(("later", 1) not in [t[:2] for t in tl] for tl in plain.tellings)
    # first told before the window: none of its tellings count in it
    _days, late = happenings_between(followed, D(2031, 3, 4), D(2031, 3, 31))
    assert ("later", 1) not in late and ("later", 0) in late


def _sentence(aid: str, index: int, day: D, text: str, named: D | None) -> CandidateSentence:
    refs = (DateRef(named, named, "day", named.isoformat(), text=""),) if named else ()
    return CandidateSentence(aid, f"outlet-{aid}", day, text, index, refs)


WINDOW = [
    _sentence("a", 0, D(2031, 3, 3), "The Varna river burst its banks in Ostrovet flooding the old town.", D(2031, 3, 3)),
    _sentence("a", 1, D(2031, 3, 3), "Rescue teams from Ostrovet evacuated residents of the flooded old town.", None),
    _sentence("b", 0, D(2031, 3, 4), "The flooded Varna river cut the railway line between Ostrovet and Belgrad.", D(2031, 3, 4)),
    _sentence("b", 1, D(2031, 3, 4), "The Varna river flood in Ostrovet burst its banks and reached the old town.", D(2031, 3, 3)),
    _sentence("c", 0, D(2031, 3, 6), "Engineers began a temporary dam across the Varna valley above Ostrovet.", D(2031, 3, 6)),
    _sentence("c", 1, D(2031, 3, 6), "The Varna flood in Ostrovet began when the river burst its banks on the old town.", D(2031, 3, 3)),
]  # fmt: skip


def test_streamed_timeline_is_the_digest_over_what_was_new() -> None:
    every = {(s.article, s.index) for s in WINDOW}
    all_days = {D(2031, 3, 3), D(2031, 3, 4), D(2031, 3, 6)}
    kw = {"n_dates": 3, "sents_per_date": 1, "query": ["Varna"]}
    batch = build_timeline(WINDOW, **kw)  # type: ignore[arg-type]
    streamed = streamed_timeline(WINDOW, all_days, every, **kw)  # type: ignore[arg-type]
    assert batch and [(e.date, e.evidence) for e in streamed] == [
        (e.date, e.evidence) for e in batch
    ]
    # a day with no new happening is left out; a sentence that told nothing new is never shown
    fewer = streamed_timeline(WINDOW, all_days - {D(2031, 3, 4)}, every - {("a", 0)}, **kw)  # type: ignore[arg-type]
    assert D(2031, 3, 4) not in {e.start for e in fewer}
    shown = {(ev.article, ev.sentence) for e in fewer for ev in e.evidence}
    assert shown and ("a", 0) not in shown and shown <= every - {("a", 0)}
    assert streamed_timeline(WINDOW, set(), every, **kw) == []  # type: ignore[arg-type]
