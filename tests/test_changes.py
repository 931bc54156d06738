"""What changed: positions (stance cues, hedges, negation, grouping, dating) and figure
series (same-date disagreements, changes over time, hedges), on hand-built corpora."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest

from storyline.errors import NotFound
from storyline.models import (
    Annotations,
    Article,
    Entity,
    EntityMention,
    MentionRef,
    Quantity,
    Sentence,
    SentenceDate,
)
from storyline.views.changes import changes_view
from storyline.views.corpus import Corpus
from storyline.views.positions import government, group_positions, position_mentions
from storyline.views.series import Point, Series, disagreements, is_property, revised
from storyline.views.series import _measure as series_measure
from storyline.views.series import changes as series_changes

# Names the hand-built texts use, with their labels; an entity per distinct name.
LABELS = {
    "Ruritania": "GPE",
    "Ruritanian government": "ORG",
    "Palace of Strelsau": "ORG",
    "Strelsau": "GPE",
    "Borduria": "GPE",
    "Syldavia": "GPE",
    "Kestrel": "TERM",
    "Kestrel missile system": "TERM",
    "Mexico": "GPE",
    "Courier": "ORG",
}


@dataclass
class Doc:
    text: str
    published: dt.date
    outlet: str
    dates: dict[int, dt.date] = field(default_factory=dict)  # sentence -> the day it is about
    figures: Sequence[tuple[str, float, str]] = ()  # (text as written, value, about)
    km: bool = False  # figures are ranges in km (else head counts)
    subject: str | None = None  # what a range in km is of (default: Kestrel)


def corpus_of(docs: Sequence[Doc], *, aliases: dict[str, str] | None = None) -> Corpus:
    """A corpus whose annotations are found by plain string search in ``docs``."""
    articles: dict[str, Article] = {}
    annotations: dict[str, Annotations] = {}
    refs: dict[str, list[MentionRef]] = {}
    for n, doc in enumerate(docs):
        aid = f"a{n}"
        articles[aid] = Article(id=aid, text=doc.text, outlet=doc.outlet, published=doc.published)
        sentences = []
        for i, m in enumerate(re.finditer(r"[^.]+\.", doc.text)):
            sentences.append(Sentence(i, m.start(), m.end(), m.group(0)))
        bounds = [(s.start, s.end, s.index) for s in sentences]

        def sentence_of(at: int, bounds: list[tuple[int, int, int]] = bounds) -> int:
            return next(i for start, end, i in bounds if start <= at < end)

        mentions = []
        for name in sorted(LABELS, key=len, reverse=True):
            for m in re.finditer(re.escape(name), doc.text):
                if any(x.start <= m.start() < x.end for x in mentions):
                    continue
                mentions.append(
                    EntityMention(name, LABELS[name], m.start(), m.end(), sentence_of(m.start()))
                )
        mentions.sort(key=lambda x: x.start)
        for i, mention in enumerate(mentions):
            canonical = (aliases or {}).get(mention.text, mention.text)
            refs.setdefault(canonical, []).append(MentionRef(aid, i))
        quantities = []
        for written, value, about in doc.figures:
            at = doc.text.index(written)
            unit, norm = ("km", "km") if doc.km else (about, "count")
            quantities.append(
                Quantity(
                    written,
                    value,
                    unit,
                    value,
                    norm,
                    about,
                    at,
                    at + len(written),
                    sentence_of(at),
                    approximate=not written[0].isdigit(),
                    subject=(doc.subject or "Kestrel") if doc.km else None,
                )  # fmt: skip
            )
        dates = tuple(
            SentenceDate(i, day.isoformat(), day, day, "timex")
            for i, day in sorted(doc.dates.items())
        )
        annotations[aid] = Annotations(
            aid, tuple(sentences), tuple(mentions), (), dates, (), (), tuple(quantities)
        )
    entities = [
        Entity(
            f"E{name}",
            name,
            LABELS[name],
            tuple(a for a, c in (aliases or {}).items() if c == name),
            tuple(r),
        )
        for name, r in refs.items()
    ]
    return Corpus(articles=articles, annotations=annotations, entities=entities, copies=[])


D = dt.date


def stances(docs: Sequence[Doc]) -> list[tuple[str, str]]:
    return [(m.stance, m.proposition) for m in position_mentions(corpus_of(docs))]


def test_stance_cues_hedges_and_negation() -> None:
    docs = [
        Doc(
            "The Ruritanian government has no plans to send Kestrel missiles to Borduria.",
            D(2023, 5, 1),
            "A",
        ),
        Doc(
            "The Ruritanian government remains hesitant to provide Kestrel missiles to Borduria.",
            D(2023, 6, 1),
            "B",
        ),
        Doc(
            "The Palace of Strelsau is finalizing a plan to ease restrictions on Kestrel missiles.",
            D(2023, 7, 1),
            "C",
        ),
        Doc(
            "Ruritania ultimately authorized Borduria to fire Kestrel missiles.", D(2023, 8, 1), "D"
        ),
        Doc("Ruritania has not decided to send more Kestrel missiles.", D(2023, 9, 1), "E"),
        Doc(
            "An official of Ruritania who was not authorized to speak publicly confirmed the visit.",
            D(2023, 9, 2),
            "F",
        ),
    ]
    found = stances(docs)
    assert found == [
        ("against", "send Kestrel missiles to Borduria"),
        ("undecided", "provide Kestrel missiles to Borduria"),
        ("for", "ease restrictions on Kestrel missiles"),
        ("for", "Borduria to fire Kestrel missiles"),
        ("undecided", "send more Kestrel missiles"),
    ]


def test_government_seats_are_their_country() -> None:
    assert (
        government("White House")
        == government("United States")
        == government("Biden administration")
    )
    assert government("Kremlin") == government("Russia")
    assert government("Ruritania") == "ruritania"  # unknown names stay themselves


def test_position_grouped_and_dated_by_the_event_not_publication() -> None:
    docs = [
        # Published late, but about the earliest moment: it must come first.
        Doc(
            "Ruritania refused to send the Kestrel missile system to Borduria.",
            D(2023, 9, 1),
            "Late",
            dates={0: D(2023, 1, 10)},
        ),  # fmt: skip
        Doc(
            "Ruritania remains hesitant to provide long-range Kestrel missiles.",
            D(2023, 3, 1),
            "Mid",
        ),
        Doc(
            "Ruritania authorized Borduria to fire long-range missiles into Syldavia.",
            D(2023, 6, 1),
            "New",
        ),
        Doc("Syldavia plans to send grain to Borduria.", D(2023, 6, 2), "Other"),
    ]
    positions = group_positions(
        position_mentions(corpus_of(docs, aliases={"Kestrel missile system": "Kestrel"}))
    )
    ruritania = [p for p in positions if p.actor == "Ruritania"]
    assert len(ruritania) == 1, [(p.actor, p.claim) for p in positions]
    steps = [(m.date, m.resolved) for m in ruritania[0].mentions]
    assert steps == [("2023-01-10", "against"), ("2023-03-01", "undecided"), ("2023-06-01", "for")]
    assert all(p.actor != "Ruritania" or "grain" not in p.claim for p in positions)


def test_unchanged_keeps_the_previous_stance() -> None:
    docs = [
        Doc("Ruritania refused to send Kestrel missiles to Borduria.", D(2023, 1, 1), "A"),
        Doc(
            "Officials of Ruritania said its policy on Kestrel missiles has not changed.",
            D(2023, 2, 1),
            "B",
        ),
    ]
    payload = changes_view(corpus_of(docs))
    [position] = payload["positions"]
    assert [(s["date"], s["stance"]) for s in position["steps"]] == [
        ("2023-01-01", "against"),
        ("2023-02-01", "against"),
    ]
    assert position["steps"][1]["evidence"][0].get("stance_as_written") == "unchanged"
    # With nothing earlier to keep, "has not changed" says nothing and is not shown.
    alone = changes_view(corpus_of(docs[1:]), all=True)
    assert alone["positions"] == []


def test_entity_filter_follows_the_government() -> None:
    docs = [
        Doc(
            "The Palace of Strelsau refused to send Kestrel missiles to Borduria.",
            D(2023, 1, 1),
            "A",
        ),
        Doc("Ruritania authorized Borduria to fire Kestrel missiles.", D(2023, 2, 1), "B"),
    ]
    corpus = corpus_of(docs)
    # The seat of a government stands for it only where the table knows it (real
    # places); a made-up palace is its own actor.
    assert {p["actor"] for p in changes_view(corpus, all=True)["positions"]} == {
        "Palace of Strelsau",
        "Ruritania",
    }
    assert [
        p["actor"] for p in changes_view(corpus, entity="Ruritania", all=True)["positions"]
    ] == ["Ruritania"]
    with pytest.raises(NotFound):
        changes_view(corpus, entity="Nobody In Particular")


def _tolls(*rows: tuple[str, dt.date, str, float]) -> list[Doc]:
    return [
        Doc(
            f"The virus has killed {text} people in Mexico.",
            day,
            outlet,
            figures=[(text + " people", value, "people")],
        )
        for text, day, outlet, value in rows
    ]


def test_toll_disagreement_at_one_date_and_rise_over_days() -> None:
    docs = _tolls(
        ("at least 16", D(2009, 4, 24), "Wire", 16),
        ("up to 20", D(2009, 4, 24), "Daily", 20),
        ("over 80", D(2009, 4, 27), "Daily", 80),
        ("as many as 103", D(2009, 4, 27), "Broadcaster", 103),
        ("up to 149", D(2009, 4, 27), "Wire", 149),
        ("159", D(2009, 4, 29), "Wire", 159),
        ("about 160", D(2009, 4, 29), "Daily", 160),
    )
    payload = changes_view(corpus_of(docs))
    [figure] = payload["figures"]
    assert figure["about"] == "deaths in Mexico"
    assert [d["date"] for d in figure["disagreements"]] == ["2009-04-27"]
    assert figure["disagreements"][0]["outlets"] == ["Broadcaster", "Daily", "Wire"]
    moves = [(c["start"], c["end"], c["direction"]) for c in figure["changes"]]
    assert moves == [("2009-04-24", "2009-04-27", "up"), ("2009-04-27", "2009-04-29", "up")]


def test_hedges_make_figures_agree() -> None:
    # "over 80" and "as many as 103" overlap; "up to 81" and "over 80" too: no disagreement.
    docs = _tolls(
        ("over 80", D(2009, 4, 27), "Daily", 80), ("as many as 103", D(2009, 4, 27), "Wire", 103)
    )
    assert changes_view(corpus_of(docs))["figures"][0]["disagreements"] == []


def test_increments_and_vague_counts_are_not_tolls() -> None:
    docs = [
        Doc(
            "The flu may be to blame for 40 other deaths in Mexico.",
            D(2009, 4, 24),
            "A",
            figures=[("40 other deaths", 40, "deaths")],
        ),  # fmt: skip
        Doc(
            "The flu has killed dozens of people in Mexico.",
            D(2009, 4, 25),
            "B",
            figures=[("dozens of people", 24, "people")],
        ),  # fmt: skip
        Doc(
            "Mexico City is home to some 20 people per block.",
            D(2009, 4, 25),
            "C",
            figures=[("some 20 people", 20, "people")],
        ),  # fmt: skip
    ]
    assert changes_view(corpus_of(docs), all=True)["figures"] == []


def test_range_in_km_and_miles_within_hedges_is_no_disagreement() -> None:
    docs = [
        Doc(
            "The Kestrel has a range of 300 km.",
            D(2023, 5, 1),
            "A",
            km=True,
            figures=[("300 km", 300, "range")],
        ),
        Doc(
            "The Kestrel reaches about 305.8 km.",
            D(2023, 5, 1),
            "B",
            km=True,
            figures=[("about 305.8 km", 305.8, "range")],
        ),  # fmt: skip
        Doc(
            "The Kestrel reaches 140 km at most.",
            D(2023, 7, 1),
            "C",
            km=True,
            figures=[("140 km", 140, "range")],
        ),
    ]
    [figure] = changes_view(corpus_of(docs[:2]))["figures"]
    assert (
        figure["about"] == "range of Kestrel"
        and figure["disagreements"] == []
        and figure["changes"] == []
    )
    # A range is a property: 140 km a month later contradicts 300 km, it does not move it.
    [figure] = changes_view(corpus_of(docs))["figures"]
    assert figure["changes"] == []
    [clash] = figure["disagreements"]
    assert clash["same_date"] is False and clash["date"] == "2023-07-01"
    assert clash["outlets"] == ["A", "B", "C"] and clash["spread"] == "140–306 km"


def test_a_toll_word_in_the_figures_own_clause_decides_its_measure() -> None:
    # "1,004 people reported infected" counts cases, though "killed" comes just before.
    docs = [
        Doc(
            "Officials count 20 fatalities and 1,004 people reported infected in Mexico.",
            D(2009, 4, 25),
            "A",
            figures=[("1,004 people", 1004, "people")],
        ),  # fmt: skip
        Doc(
            "The flu has killed 20 people in Mexico.",
            D(2009, 4, 25),
            "B",
            figures=[("20 people", 20, "people")],
        ),  # fmt: skip
    ]
    figures = changes_view(corpus_of(docs), all=True)["figures"]
    assert {f["about"]: [p["value"] for p in f["series"]] for f in figures} == {
        "deaths in Mexico": [20.0],
        "cases in Mexico": [1004.0],
    }


def test_populations_and_worldwide_tolls_are_no_places_toll() -> None:
    docs = [
        Doc(
            "Most deaths happened in the capital, home to some 20 million people in Mexico.",
            D(2009, 4, 25),
            "A",
            figures=[("some 20 million people", 20e6, "people")],
        ),  # fmt: skip
        Doc(
            "A pandemic in 1957 killed 2 million people worldwide, unlike the flu in Mexico.",
            D(2009, 5, 12),
            "B",
            figures=[("2 million people", 2e6, "people")],
        ),  # fmt: skip
    ]
    assert changes_view(corpus_of(docs), all=True)["figures"] == []


def test_a_later_date_in_the_sentence_does_not_date_the_stance() -> None:
    # "a decision due in June": the stance (considering) holds when reported, in March.
    docs = [
        Doc(
            "Ruritania is considering sending Kestrel missiles to Borduria, with a decision due in June.",
            D(2024, 3, 1),
            "A",
            dates={0: D(2024, 6, 15)},
        ),  # fmt: skip
        Doc(
            "Ruritania is considering sending Kestrel missiles to Borduria.",
            D(2024, 3, 5),
            "B",
            dates={0: D(2024, 3, 4)},
        ),  # fmt: skip
    ]
    mentions = position_mentions(corpus_of(docs))
    assert [(m.stance, m.date) for m in mentions] == [
        ("undecided", "2024-03-01"),
        ("undecided", "2024-03-04"),
    ]


def _held(text: str) -> list[tuple[str, str, str]]:
    """(actor, stance, proposition) of each position mention read in ``text``."""
    return [
        (m.actor, m.stance, m.proposition)
        for m in position_mentions(corpus_of([Doc(text, D(2024, 5, 1), "A")]))
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a name after a preposition is no subject
        "With troops bogged down in Borduria, western countries have ruled out sending tanks.",
        # the cue has a subject of its own, in a clause after the name
        "Officials in Strelsau have said that a blockade would not halt Kestrel deliveries.",
        "After Ruritania ran three tests, federal officials approved the use of Kestrel missiles.",
        # a country qualifying another head: the court's, not the country's
        "A Ruritania court refused to allow exports of Kestrel missiles.",
        # a hypothetical states no stance
        "Syldavia will impose sanctions if Ruritania does not halt its attacks.",
        # a plan that is not the holder's own, or is off
        "The crisis forced Ruritania to suspend plans to send Kestrel missiles to Borduria.",
        "Ruritania's plans to send Kestrel missiles to Borduria have been suspended.",
        # a passive permission is not the permitter's
        "Ruritania was allowed to use Kestrel missiles in the exercise.",
        # a past act is no position
        "Ruritania did not send Kestrel missiles to Borduria between 2005 and 2008.",
        # an answer refused is no policy; "give" alone names no proposition
        "Ruritania declined to give a yes-or-no answer about the Kestrel missiles.",
        "Ruritania will not give up.",
        # an adjective, no one's stance
        "A Ruritania-backed no-fly zone over Borduria took effect.",
        # a plan named after someone else
        "Ruritania showed interest in the Syldavia plan to send Kestrel missiles.",
        # an "-ing" cue right after a noun is that noun's
        "The Palace of Strelsau distributed a draft calling for a no-fly zone over Borduria.",
        # calls as a noun, and a statement not made
        "The Palace of Strelsau reacted coolly to the calls for a no-fly zone over Borduria.",
        "Ruritania stopped short of saying it had decided to send Kestrel missiles.",
    ],
)
def test_what_states_no_position_of_the_named_actor(text: str) -> None:
    named = ("Ruritania", "Borduria", "Strelsau", "Syldavia", "Palace of Strelsau")
    assert not [h for h in _held(text) if h[0] in named], _held(text)


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (
            "Ruritania plans to send Kestrel missiles to Borduria.",
            ("Ruritania", "for", "send Kestrel missiles to Borduria"),
        ),
        (
            "Ruritania's new plan to send Kestrel missiles to Borduria was welcomed.",
            ("Ruritania", "for", "send Kestrel missiles to Borduria was welcomed"),
        ),
        (  # a pronoun subject stands for a country named before it, however far back
            "Ruritania said its position was unchanged and that it has no plans to send Kestrel missiles.",
            ("Ruritania", "against", "send Kestrel missiles"),
        ),
        (  # a government's officials speak for it, before or after the name
            "Ruritania officials refused to send Kestrel missiles to Borduria.",
            ("Ruritania", "against", "send Kestrel missiles to Borduria"),
        ),
        (  # a policy named without a verb
            "Ruritania called for a no-fly zone over Borduria.",
            ("Ruritania", "for", "a no-fly zone over Borduria"),
        ),
        (
            "Ruritania opposed tougher sanctions on Borduria.",
            ("Ruritania", "against", "tougher sanctions on Borduria"),
        ),
        (
            "Ruritania is considering a ceasefire.",
            ("Ruritania", "undecided", "a ceasefire"),
        ),
        (  # a time between a country and its verb
            "Ruritania last week called for a no-fly zone over Borduria.",
            ("Ruritania", "for", "a no-fly zone over Borduria"),
        ),
        (  # an "-ing" cue after an auxiliary is its subject's
            "The Palace of Strelsau is calling for a no-fly zone over Borduria.",
            ("Palace of Strelsau", "for", "a no-fly zone over Borduria"),
        ),
        (  # a commitment not to act
            "Ruritania pledged not to send Kestrel missiles to Borduria.",
            ("Ruritania", "against", "send Kestrel missiles to Borduria"),
        ),
        (  # an aside after a comma does not cut the holder off
            "Ruritania is holding firm, for now at least, on its refusal to send Kestrel missiles.",
            ("Ruritania", "against", "send Kestrel missiles"),
        ),
    ],
)
def test_the_holder_is_the_cues_subject(text: str, held: tuple[str, str, str]) -> None:
    assert _held(text) == [held]


def test_one_shared_word_outside_the_heads_does_not_join_two_propositions() -> None:
    docs = [
        Doc("Ruritania agreed to fund the new harbour in Strelsau.", D(2024, 1, 1), "A"),
        Doc("Ruritania has decided to fund the harbour at last.", D(2024, 2, 1), "B"),
        Doc(
            "Ruritania refused to send troops and tanks across the border to guard the harbour.",
            D(2024, 3, 1),
            "C",
        ),
    ]
    positions = group_positions(position_mentions(corpus_of(docs)))
    assert sorted(len(p.mentions) for p in positions) == [1, 2], [
        (p.claim, len(p.mentions)) for p in positions
    ]


def test_a_verb_of_stopping_joins_no_heads() -> None:
    # against stopping the bombing and for air strikes share only "stop": two positions,
    # not one that moves from against to for
    docs = [
        Doc("Ruritania would not stop bombing the Borduria ports.", D(2024, 1, 1), "A"),
        Doc("Ruritania called for air strikes to stop such raids.", D(2024, 2, 1), "B"),
    ]
    positions = group_positions(position_mentions(corpus_of(docs)))
    assert sorted(len(p.mentions) for p in positions) == [1, 1], [
        (p.claim, len(p.mentions)) for p in positions
    ]


def test_a_stance_in_run_on_page_parts_is_shown_with_all_only() -> None:
    highlights = " ".join(["Highlights of the day run on without a stop"] * 6)
    docs = [
        Doc("Ruritania refused to send Kestrel missiles to Borduria.", D(2024, 1, 1), "A"),
        Doc(
            f"{highlights} Ruritania agreed to send Kestrel missiles to Borduria.",
            D(2024, 2, 1),
            "B",
        ),
    ]
    corpus = corpus_of(docs)
    [low] = [m for m in position_mentions(corpus) if m.stance == "for"]
    assert low.confidence < 0.5
    assert changes_view(corpus)["positions"] == []  # one step left: no change to show
    [position] = changes_view(corpus, all=True)["positions"]
    assert [s["stance"] for s in position["steps"]] == ["against", "for"]
    assert position["steps"][1]["evidence"][0]["confidence"] == low.confidence
    assert position["steps"][1]["evidence"][0].get("low_confidence") is True
    assert "low_confidence" not in position["steps"][0]["evidence"][0]


def _toll_points(*docs: Doc) -> list[tuple[str, str]]:
    """(date, figure as written) of every point of the "deaths in Mexico" series."""
    figures = changes_view(corpus_of(docs), all=True)["figures"]
    return [
        (p["date"], p.get("text", ""))
        for f in figures
        if f["about"] == "deaths in Mexico"
        for p in f["series"]
    ]


def _death_report(text: str, figure: str, value: float, outlet: str = "B") -> Doc:
    return Doc(text, D(2009, 4, 25), outlet, figures=[(figure, value, "people")])


_RUNNING_TOLL = _death_report("The virus has killed 68 people in Mexico.", "68 people", 68, "A")


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        # one day's dead: the death verb and a day after the figure
        ("At least 28 people died in Mexico on Friday.", "At least 28 people", 28),
        # people hurt or in hospital beside the dead
        ("Gunmen killed five and 20 people wounded in Mexico.", "20 people", 20),
        ("The flu killed two, and five people in Mexico have been hospitalised.", "five people", 5),
        # history, not this story's toll
        ("A pandemic in 1957 killed 2,000 people in Mexico.", "2,000 people", 2000),
        # a hypothetical measures nothing
        ("Experts warn the outbreak could kill 5,000 people in Mexico.", "5,000 people", 5000),
        # a count of every year
        ("Seasonal flu kills 36,000 people in Mexico in an average year.", "36,000 people", 36000),
    ],
)
def test_what_is_no_point_of_a_running_toll(text: str, figure: str, value: float) -> None:
    other = _death_report(text, figure, value)
    assert _toll_points(_RUNNING_TOLL, other) == [("2009-04-25", "68 people")]


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        # a running count whose sentence names the day it was reported on stays one
        (
            "The virus has killed up to 149 people in Mexico, the agency warned on Friday.",
            "up to 149 people",
            149,
        ),
        # a running total keeps its day: "since" says it is one
        ("At least 30 people have died in Mexico since Friday.", "At least 30 people", 30),
    ],
)
def test_a_running_count_with_a_day_stays_one(text: str, figure: str, value: float) -> None:
    other = _death_report(text, figure, value)
    assert ("2009-04-25", figure) in _toll_points(_RUNNING_TOLL, other)


def test_one_outlets_figure_moves_no_series() -> None:
    docs = _tolls(
        ("at least 16", D(2009, 4, 24), "Wire", 16),
        ("16", D(2009, 4, 24), "Daily", 16),
        # one outlet, twice: no second report
        ("up to 300", D(2009, 4, 26), "Broadcaster", 300),
        ("up to 300", D(2009, 4, 26), "Broadcaster", 300),
        ("159", D(2009, 4, 29), "Wire", 159),
        ("about 160", D(2009, 4, 29), "Daily", 160),
    )
    [figure] = changes_view(corpus_of(docs))["figures"]
    assert [(c["start"], c["end"]) for c in figure["changes"]] == [("2009-04-24", "2009-04-29")]


def test_a_range_is_a_things_and_a_price_moves() -> None:
    docs = [
        Doc(
            "The Courier reported a range of 300 km.",
            D(2023, 5, 1),
            "A",
            figures=[("300 km", 300, "range")],
            km=True,
            subject="Courier",
        ),  # fmt: skip
        Doc(
            "The Courier reported a range of 450 km.",
            D(2023, 6, 1),
            "B",
            figures=[("450 km", 450, "range")],
            km=True,
            subject="Courier",
        ),  # fmt: skip
    ]
    assert changes_view(corpus_of(docs), all=True)["figures"] == []
    assert is_property("range") and is_property("production per year")
    assert not is_property("money per barrel")


def test_an_earlier_actor_carries_only_to_a_subject_that_stands_for_it() -> None:
    docs = [
        Doc(
            "Ruritania refused to send Kestrel missiles. "
            "Auditors refused to lift the export ban. "
            "Later the government agreed to send Kestrel missiles.",
            D(2024, 5, 1),
            "A",
        )
    ]
    held = [(m.actor, m.stance, m.proposition) for m in position_mentions(corpus_of(docs))]
    # the auditors' refusal is no position of Ruritania's; "the government" is Ruritania
    assert held == [
        ("Ruritania", "against", "send Kestrel missiles"),
        ("Ruritania", "for", "send Kestrel missiles"),
    ], held


def test_page_highlights_and_stamps_in_a_stance() -> None:
    docs = [
        Doc(
            "NEW: Ruritania refuses to send Kestrel missiles Officials meet in Strelsau.",
            D(2024, 5, 1),
            "A",
        ),
        Doc(
            "Ruritania refused to send Kestrel missiles.",
            D(2024, 5, 20),
            "B",
            dates={0: D(2024, 5, 19)},
        ),
    ]
    mentions = position_mentions(corpus_of(docs))
    assert [m.confidence < 0.5 for m in mentions] == [True, False]
    assert all("T" not in m.date for m in mentions)


def _rate_series(measure: str, unit: str, figures: list[tuple[str, dt.date, float]]) -> Series:
    points = []
    for n, (outlet, day, value) in enumerate(figures):
        q = Quantity(f"{value:g}", value, unit, value, unit, measure, 0, 5, 0)
        points.append(Point(day, q, f"a{n}", outlet, day, f"{value:g} {measure}"))
    return Series(measure, unit, "Macondo", None, points)


def test_a_rate_an_outlet_revises_moves_over_time() -> None:
    # a well's flow, estimated at 5,000 barrels a day, then at 60,000 by the same outlets
    flow = _rate_series(
        "barrels per day",
        "count/day",
        [("wire", D(2010, 5, 1), 5000), ("daily", D(2010, 5, 1), 5000),
         ("wire", D(2010, 6, 20), 60000), ("daily", D(2010, 6, 20), 60000)],
    )  # fmt: skip
    assert revised(flow)
    assert disagreements(flow) == []  # not "5,000-60,000" whatever the dates
    assert [(m.before, m.after) for m in series_changes(flow)] == [(5000, 60000)]


def test_a_property_given_two_ways_by_one_outlet_is_two_things() -> None:
    length = _rate_series(
        "length", "km", [("wire", D(2010, 5, 1), 0.003), ("wire", D(2010, 6, 1), 346),
                         ("daily", D(2010, 6, 2), 346)]
    )  # fmt: skip
    assert revised(length) and disagreements(length) == [] and series_changes(length) == []


def test_a_dispute_one_outlet_reports_on_one_day_is_no_revision() -> None:
    # "Halvard says 400 a year; documents show about 120": one article, both figures
    output = _rate_series(
        "production per year",
        "count/year",
        [("ledger", D(2025, 6, 13), 120), ("ledger", D(2025, 6, 13), 400),
         ("wire", D(2025, 4, 16), 400)],
    )  # fmt: skip
    assert not revised(output)
    (spread,) = disagreements(output)
    assert spread.same_date is False and spread.spread.startswith("120")


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("BP was siphoning 1,000 barrels a day from the well.", "barrels per day taken"),
        ("The cap now captures 10,000 barrels a day.", "barrels per day taken"),
        ("The well is leaking 1,000 barrels a day.", "barrels per day"),
        # the taking is another clause's
        ("Crews collected debris on the beach. The well leaks 1,000 barrels a day.",
         "barrels per day"),
    ],
)  # fmt: skip
def test_a_rate_of_what_is_taken_in_is_its_own_measure(text: str, measure: str) -> None:
    at = text.index("1,000") if "1,000" in text else text.index("10,000")
    written = text[at:].split(" a day")[0] + " a day"
    q = Quantity(written, 1000, "barrels", 1000, "count/day", "barrels per day", at,
                 at + len(written), 0)  # fmt: skip
    assert series_measure(q, text) == measure
