"""Stores for the web and report tests, filled directly with hand-made records.

``story_store``: a small invented story (three outlets, a syndicated copy,
quotes, an anonymous source, numbers that disagree) plus one hostile article
whose title, URL, outlet, text, entity, quote, fact and citation carry HTML and
script payloads. ``synthetic_store``: thousands of dated events for speed
checks. No text here comes from the shared datasets.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from storyline.models import (
    Annotations,
    Article,
    Citation,
    Copy,
    Entity,
    EntityMention,
    MentionRef,
    Quantity,
    Quote,
    Sentence,
    SentenceDate,
    Timex,
)
from storyline.store import Store

# A payload that, if it ever ran, would leave a mark the browser test looks for.
PWN = "window.__pwned=1;document.title='PWNED'"
XSS_TITLE = f"<script>{PWN}</script>Bridge <b>news</b>"
XSS_URL = f"javascript:{PWN}"
XSS_OUTLET = f'Evil" onmouseover="{PWN}" x="'
XSS_NAME = f'<img src=x onerror="{PWN}">'
XSS_ID = "b00000000000e011"


@dataclass
class Doc:
    id: str
    outlet: str
    published: dt.date | None
    sentences: list[str]
    title: str | None = None
    url: str | None = None
    boilerplate: tuple[str, ...] = ()
    # (sentence, surface, label)
    mentions: list[tuple[int, str, str]] = field(default_factory=list)
    # (sentence, surface, value)
    timexes: list[tuple[int, str, str]] = field(default_factory=list)
    # (sentence, content, speaker surface, cue, anonymous)
    quotes: list[tuple[int, str, str | None, str, bool]] = field(default_factory=list)
    # (sentence, cited name, cue)
    citations: list[tuple[int, str, str]] = field(default_factory=list)
    # (sentence, surface, value, unit, about)
    quantities: list[tuple[int, str, float, str, str]] = field(default_factory=list)


def interval(value: str) -> tuple[dt.date, dt.date]:
    if "-W" in value:
        year, week = value.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week), 1)
        return monday, monday + dt.timedelta(days=6)
    if len(value) == 4:
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    if len(value) == 7:
        first = dt.date.fromisoformat(value + "-01")
        return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    day = dt.date.fromisoformat(value)
    return day, day


def build(doc: Doc) -> tuple[Article, Annotations]:
    """The article and its annotations, offsets computed from the sentences."""
    starts, pos = [], 0
    for s in doc.sentences:
        starts.append(pos)
        pos += len(s) + 1
    text = " ".join(doc.sentences)

    def span(i: int, surface: str) -> tuple[int, int]:
        at = doc.sentences[i].index(surface)
        return starts[i] + at, starts[i] + at + len(surface)

    sentences = tuple(
        Sentence(i, starts[i], starts[i] + len(s), s) for i, s in enumerate(doc.sentences)
    )
    mentions = tuple(
        EntityMention(surface, label, *span(i, surface), i) for i, surface, label in doc.mentions
    )
    timexes, dates = [], []
    for n, (i, surface, value) in enumerate(doc.timexes):
        first, last = interval(value)
        timexes.append(
            Timex(surface, *span(i, surface), "DATE", value, None, first, last, "dct", "test")
        )
        dates.append(SentenceDate(i, value, first, last, "timex", n))
    quotes = []
    for i, content, speaker, cue, anonymous in doc.quotes:
        s, e = span(i, content)
        ss, se = span(i, speaker) if speaker else (None, None)
        cs, ce = span(i, cue)
        quotes.append(
            Quote(
                content, s, e, True, speaker, ss, se, cue, cs, ce, anonymous=anonymous, sentence=i
            )
        )
    citations = tuple(Citation(name, cue, i, *span(i, name)) for i, name, cue in doc.citations)
    quantities = tuple(
        Quantity(surface, value, unit, value, unit, about, *span(i, surface), i)
        for i, surface, value, unit, about in doc.quantities
    )
    article = Article(
        id=doc.id,
        text=text,
        title=doc.title,
        outlet=doc.outlet,
        url=doc.url,
        published=doc.published,
        published_source="manifest" if doc.published else "unknown",
        boilerplate=doc.boilerplate,
    )
    ann = Annotations(
        doc.id,
        sentences,
        mentions,
        tuple(timexes),
        tuple(dates),
        tuple(quotes),
        citations,
        quantities,
    )
    return article, ann


def entity_id(name: str, label: str) -> str:
    return f"{label.lower()}:{re.sub(r'[^a-z0-9]+', '-', name.casefold()).strip('-') or 'x'}"


def link(docs: list[Doc], canonical: dict[str, str]) -> list[Entity]:
    """One entity per canonical name; ``canonical`` maps surfaces to it."""
    groups: dict[tuple[str, str], list[tuple[str, int, str]]] = {}
    for doc in docs:
        for n, (_i, surface, label) in enumerate(doc.mentions):
            name = canonical.get(surface, surface)
            groups.setdefault((name, label), []).append((doc.id, n, surface))
    return [
        Entity(
            id=entity_id(name, label),
            name=name,
            type=label,
            aliases=tuple(sorted({s for _a, _n, s in refs} | {name})),
            mentions=tuple(MentionRef(a, n) for a, n, _s in refs),
        )
        for (name, label), refs in sorted(groups.items())
    ]


def story_docs() -> list[Doc]:
    wire_text = [
        "The Kestrel Bridge in Marlow was closed on Monday after inspectors found cracks in two steel girders.",
        "Mayor Elena Ruiz said the closure would last \u201cas long as it takes to be sure\u201d.",
        "Repairs are expected to cost $12 million, according to the city.",
        "Ferries will carry commuters across the estuary from week 12, the Northline Transit Authority said.",
    ]
    return [
        Doc(
            "a000000000000001",
            "Valley Wire",
            dt.date(2024, 3, 5),
            wire_text,
            title="Marlow shuts Kestrel Bridge after cracks found",
            url="https://wire.example/marlow-bridge",
            boilerplate=("Subscribe to our newsletter", "Share this story"),
            mentions=[
                (0, "Kestrel Bridge", "FAC"),
                (0, "Marlow", "GPE"),
                (1, "Elena Ruiz", "PERSON"),
                (3, "Northline Transit Authority", "ORG"),
            ],
            timexes=[(0, "Monday", "2024-03-04"), (3, "week 12", "2024-W12")],
            quotes=[(1, "as long as it takes to be sure", "Mayor Elena Ruiz", "said", False)],
            quantities=[(2, "$12 million", 12_000_000.0, "USD", "cost")],
        ),
        Doc(
            "a000000000000002",
            "Coast Herald",
            dt.date(2024, 3, 6),
            wire_text,
            title="Kestrel Bridge closed (wire copy)",
            url="https://herald.example/news/kestrel",
            mentions=[(0, "Kestrel Bridge", "FAC"), (1, "Elena Ruiz", "PERSON")],
            timexes=[(0, "Monday", "2024-03-04")],
            quotes=[(1, "as long as it takes to be sure", "Mayor Elena Ruiz", "said", False)],
        ),
        Doc(
            "a000000000000003",
            "Marlow Gazette",
            dt.date(2024, 3, 12),
            [
                "An inspection report published on March 11 found corrosion at the base of the north pier.",
                "Engineer Tomas Berg, who led the inspection, told the Gazette that \u201cthe pier can be saved\u201d.",
                "A city official, speaking on condition of anonymity, said repairs could reach $15 million.",
                "Ruiz said work would begin in April.",
                "The Coast Herald reported that ferry fares would be waived.",
            ],
            title="Report finds corrosion on Kestrel Bridge pier",
            url="https://gazette.example/2024/03/12/report",
            mentions=[
                (1, "Tomas Berg", "PERSON"),
                (1, "Gazette", "ORG"),
                (3, "Ruiz", "PERSON"),
                (4, "Coast Herald", "ORG"),
            ],
            timexes=[(0, "March 11", "2024-03-11"), (3, "April", "2024-04")],
            quotes=[
                (1, "the pier can be saved", "Engineer Tomas Berg", "told", False),
                (2, "repairs could reach $15 million", "A city official", "said", True),
                (3, "work would begin in April", "Ruiz", "said", False),
            ],
            citations=[(4, "Coast Herald", "reported")],
            quantities=[(2, "$15 million", 15_000_000.0, "USD", "cost")],
        ),
        Doc(
            "a000000000000004",
            "Coast Herald",
            dt.date(2024, 5, 20),
            [
                "Crews started lifting the damaged girders on May 2.",
                "Elena Ruiz and Tomas Berg visited the site on May 17.",
                "The bridge should reopen in June, officials said.",
            ],
            title="Girders lifted as Kestrel repairs advance",
            url="http://herald.example/news/girders",
            mentions=[(1, "Elena Ruiz", "PERSON"), (1, "Tomas Berg", "PERSON")],
            timexes=[
                (0, "May 2", "2024-05-02"),
                (1, "May 17", "2024-05-17"),
                (2, "June", "2024-06"),
            ],
            quotes=[(2, "The bridge should reopen in June", "officials", "said", True)],
        ),
        Doc(
            XSS_ID,
            XSS_OUTLET,
            dt.date(2024, 3, 13),
            [
                f"Residents posted <script>{PWN}</script> on Tuesday.",
                f'The mayor {XSS_NAME} wrote <a href="javascript:{PWN}">a link</a>.',
            ],
            title=XSS_TITLE,
            url=XSS_URL,
            boilerplate=(f"<iframe src=javascript:{PWN}></iframe>",),
            mentions=[(1, XSS_NAME, "PERSON")],
            timexes=[(0, "Tuesday", "2024-03-12")],
            quotes=[(1, f'<a href="javascript:{PWN}">a link</a>', XSS_NAME, "wrote", False)],
            citations=[(1, XSS_NAME, "wrote")],
            quantities=[(0, "<script>", 7.0, "<b>units</b>", f"<i onclick={PWN}>")],
        ),
    ]


CANONICAL = {"Ruiz": "Elena Ruiz", "Gazette": "Marlow Gazette"}


def fill_story(store: Store) -> None:
    docs = story_docs()
    built = [build(d) for d in docs]
    store.add_articles([a for a, _ in built])
    store.put_annotations([ann for _, ann in built], "test-v1")
    copies = [Copy("a000000000000002", "a000000000000001", "syndicated", 0.97)]
    store.replace_links(link(docs, CANONICAL), copies)


def story_store(path: Path) -> Path:
    with Store(path) as store:
        fill_story(store)
    return path


WORDS = (
    "council harbor ferry bridge budget strike vote inspection court ruling storm "
    "repairs contract tender pier rail tunnel lane permit audit hearing protest"
).split()


def synthetic_store(
    path: Path, n_events: int = 5000, per_article: int = 100, seed: int = 7
) -> Path:
    """About ``n_events`` events: each day one happening, told in two sentences
    (the same words, two slots), so two pieces of evidence per event."""
    rng = random.Random(seed)
    first = dt.date(2012, 1, 1)
    outlets = [f"Outlet {k}" for k in range(12)]
    people = ["Ada Stone", "Ben Okafor", "Cleo Marsh", "Dev Rao", "Eva Lind", "Finn Holt"]
    docs: list[Doc] = []
    sentence_slots = n_events * 2
    for a in range(-(-sentence_slots // per_article)):
        sentences, mentions, timexes = [], [], []
        for k in range(min(per_article, sentence_slots - a * per_article)):
            slot = a * per_article + k
            day = first + dt.timedelta(days=slot // 2)
            if slot % 2 == 0:  # the day's happening; its second sentence tells it again
                who = people[rng.randrange(len(people))]
                words = " ".join(rng.choice(WORDS) for _ in range(8))
            sentences.append(f"On {day:%B %-d, %Y} {who} spoke about the {words} ({slot}).")
            mentions.append((k, who, "PERSON"))
            timexes.append((k, f"{day:%B %-d, %Y}", day.isoformat()))
        docs.append(
            Doc(
                f"s{a:015d}",
                outlets[a % len(outlets)],
                first + dt.timedelta(days=(a * per_article) // 2 + 1),
                sentences,
                title=f"Synthetic report {a}",
                url=f"https://synthetic.example/{a}",
                mentions=mentions,
                timexes=timexes,
            )
        )
    built = [build(d) for d in docs]
    with Store(path) as store:
        store.add_articles([art for art, _ in built])
        store.put_annotations([ann for _, ann in built], "test-v1")
        store.replace_links(link(docs, {}), [])
    return path


def test_story_store_round_trips(tmp_path: Path) -> None:
    db = story_store(tmp_path / "story.db")
    with Store(db, read_only=True) as store:
        assert len(store.articles()) == 5
        ann = store.annotations()["a000000000000003"]
        # offsets point at the surfaces they were made from
        text = store.article("a000000000000003").text
        assert all(text[m.start : m.end] == m.text for m in ann.mentions)
        assert all(text[q.start : q.end] == q.text for q in ann.quotes)
        assert {e.name for e in store.entities()} >= {"Elena Ruiz", "Tomas Berg", XSS_NAME}
        assert store.search_sentences("corrosion")[0][0] == "a000000000000003"


def test_synthetic_store_has_thousands_of_days(tmp_path: Path) -> None:
    from storyline import api

    db = synthetic_store(tmp_path / "syn.db", n_events=300)
    with Store(db, read_only=True) as store:
        events = api.timeline(store, all=True)["events"]
    assert len(events) == 300
    assert all(len(e["evidence"]) == 2 for e in events)
