"""The "what changed" view: positions and figures over time, each step with its evidence.

``positions`` (``views.positions``): an actor's stance on a proposition per dated
mention, grouped into steps (one per date and stance, in date order). By default
only positions with two steps or more are shown (one mention cannot show a
change); those whose stance moves come first.

``figures`` (``views.series``): one series per subject and measure, a point per
figure as reported by each outlet; ``disagreements`` are dates on which outlets'
figures cannot all be right (their hedged intervals do not overlap; for a
property or a rate, whatever the dates: ``same_date`` False), ``changes`` moves
over time (tolls and counts only: a property that differs is a disagreement). By default only series reported by two articles or more are
shown, of tolls (deaths, cases) and of properties of a thing (range, length ...:
``facts.COMPARABLE``) and rates ("400 interceptors a year"; not prices, which move
daily: ``series.is_property``); head counts, sums and percentages of other kinds describe
different events from one report to the next. Those with a change or a
disagreement come first.

A position mention read in a run-on "sentence" of page parts (``views.holders``) is
left out by default.

``entity`` keeps the positions whose actor is that entity, or the same
government (the White House for the United States), and the figures about it.
``all`` shows every position and series found.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypedDict

from ..errors import NotFound
from ..link.names import fold
from .corpus import Corpus
from .holders import POSITION_CONFIDENCE
from .positions import Mention, Position, government, group_positions, position_mentions
from .registry import register
from .series import TOLLS, Series, changes, disagreements, figure_series, is_property

if TYPE_CHECKING:
    from .story import Story


class _StepEvidenceExtra(TypedDict, total=False):
    sentence_index: int
    cue: str
    proposition: str
    confidence: float  # ``views.holders.mention_confidence``
    low_confidence: bool  # under ``POSITION_CONFIDENCE``: shown with --all only
    stance_as_written: str  # "unchanged" where the text only says nothing changed


class StepEvidence(_StepEvidenceExtra):
    article: str
    sentence: str
    outlet: str | None
    published: str | None


class _StepExtra(TypedDict, total=False):
    start: str


class Step(_StepExtra):
    date: str
    stance: str
    evidence: list[StepEvidence]


class _PositionExtra(TypedDict, total=False):
    actor_key: str
    changed: bool
    mentions: int


class PositionRow(_PositionExtra):
    actor: str
    claim: str
    steps: list[Step]


class _PointExtra(TypedDict, total=False):
    text: str
    low: float
    high: float
    sentence: str
    sentence_index: int
    published: str | None


class SeriesPoint(_PointExtra):
    date: str
    value: float
    unit: str
    article: str
    outlet: str | None


class _FigureDisagreementExtra(TypedDict, total=False):
    same_date: bool  # False: a property's figures that clash across dates


class FigureDisagreement(_FigureDisagreementExtra):
    date: str
    spread: str
    outlets: list[str]
    points: list[int]


class FigureChange(TypedDict):
    start: str
    end: str
    before: float
    after: float
    direction: str


class _FigureExtra(TypedDict, total=False):
    measure: str
    subject: str
    unit: str
    disagreements: list[FigureDisagreement]
    changes: list[FigureChange]


class FigureRow(_FigureExtra):
    about: str
    series: list[SeriesPoint]


class ChangesPayload(TypedDict):
    positions: list[PositionRow]
    figures: list[FigureRow]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _evidence(m: Mention) -> StepEvidence:
    row: StepEvidence = {
        "article": m.article,
        "sentence": m.text,
        "outlet": m.outlet,
        "published": _iso(m.published),
        "sentence_index": m.sentence,
        "cue": m.cue,
        "proposition": m.proposition,
        "confidence": m.confidence,
    }
    if m.stance != m.resolved:
        row["stance_as_written"] = m.stance
    if m.confidence < POSITION_CONFIDENCE:
        row["low_confidence"] = True  # read in run-on page parts: shown with --all only
    return row


def position_row(p: Position) -> PositionRow:
    steps: list[Step] = []
    for m in p.mentions:
        if steps and steps[-1]["date"] == m.date and steps[-1]["stance"] == m.resolved:
            if all(
                (e["article"], e.get("sentence_index")) != (m.article, m.sentence)
                for e in steps[-1]["evidence"]
            ):
                steps[-1]["evidence"].append(_evidence(m))
            continue
        steps.append(
            {
                "date": m.date,
                "stance": m.resolved,
                "evidence": [_evidence(m)],
                "start": m.start.isoformat(),
            }
        )
    return {
        "actor": p.actor,
        "claim": p.claim,
        "steps": steps,
        "actor_key": p.actor_key,
        "changed": len({s["stance"] for s in steps}) > 1,
        "mentions": len(p.mentions),
    }


def figure_row(s: Series) -> FigureRow:
    return {
        "about": s.about,
        "measure": s.measure,
        "subject": s.subject,
        "unit": s.unit,
        "series": [
            {
                "date": p.date.isoformat(),
                "value": round(p.quantity.normalized_value, 3),
                "unit": s.unit,
                "article": p.article,
                "outlet": p.outlet,
                "text": p.quantity.text,
                "low": round(p.low, 3),
                "high": round(p.high, 3),
                "sentence": p.sentence,
                "sentence_index": p.quantity.sentence,
                "published": _iso(p.published),
            }
            for p in s.points
        ],
        "disagreements": [
            {
                "date": d.date.isoformat(),
                "spread": d.spread,
                "outlets": list(d.outlets),
                "points": list(d.points),
                "same_date": d.same_date,
            }
            for d in disagreements(s)
        ],
        "changes": [
            {
                "start": m.start.isoformat(),
                "end": m.end.isoformat(),
                "before": m.before,
                "after": m.after,
                "direction": m.direction,
            }  # fmt: skip
            for m in changes(s)
        ],
    }


def _entity_keys(corpus: Corpus, name: str) -> tuple[set[str], set[str]]:
    """(actor keys, entity ids) an ``entity`` parameter stands for; E330 when unknown."""
    found = corpus.entity_by_name(name)
    names = {name, *(n for e in found for n in (e.name, *e.aliases))}
    keys = {government(n) for n in names} | {fold(n) for n in names}
    if not found and government(name) == fold(name):  # neither an entity nor a known country
        raise NotFound(f"no entity named {name!r} in this story", code="E330")
    return keys, {e.id for e in found}


def shown_measure(measure: str) -> bool:
    """Series shown by default: tolls and properties of a thing (see the module docstring)."""
    return measure in TOLLS or is_property(measure)


def changes_view(corpus: Corpus, *, entity: str | None = None, all: bool = False) -> ChangesPayload:
    """Positions and figures over time (see the module docstring)."""
    mentions = position_mentions(corpus)
    if not all:  # a stance read in run-on page parts is shown with --all only
        mentions = [m for m in mentions if m.confidence >= POSITION_CONFIDENCE]
    positions = group_positions(mentions)
    # By default only tolls and properties are shown: the others are not built at all.
    series = figure_series(corpus, None if all else shown_measure)
    if entity is not None:
        keys, ids = _entity_keys(corpus, entity)
        positions = [p for p in positions if p.actor_key in keys]
        series = [s for s in series if (s.subject_id in ids) or fold(s.subject) in keys or government(s.subject) in keys]  # fmt: skip
    position_rows = [position_row(p) for p in positions]
    if not all:
        position_rows = [r for r in position_rows if len(r["steps"]) >= 2]
    position_rows.sort(
        key=lambda r: (not r.get("changed"), -r.get("mentions", 0), r["actor"], r["claim"])
    )
    figure_rows = []
    for s in series:
        if not all and len({p.article for p in s.points}) < 2:
            continue
        figure_rows.append(figure_row(s))
    figure_rows.sort(
        key=lambda r: (
            not (r.get("changes") or r.get("disagreements")),
            -len({p["outlet"] for p in r["series"]}),
            -len(r["series"]),
            r["about"],
        )
    )
    return {"positions": position_rows, "figures": figure_rows}


@register("changes", ChangesPayload)
def changes_registered(
    story: Story, *, entity: str | None = None, all: bool = False
) -> ChangesPayload:
    """What changed: positions (stance per dated mention) and figures over time."""
    return changes_view(story.corpus(), entity=entity, all=all)
