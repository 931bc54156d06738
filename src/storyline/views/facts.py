"""Where the numbers disagree: the same measure of the same thing, incompatible values.

Facts are grouped by what they measure: ``Quantity.about`` ("range", "production
per year", "missiles" ...), its normalized unit, and its subject, the entity the
figure is attached to (``Quantity.subject``, else the nearest fitting mention in
the same sentence from ``annotations``). ``term_entity`` maps surface forms to
entity ids so that "ATACMS" and "Army Tactical Missile System" are one subject.
Facts with no subject are not compared: "a range of 300 km" about nothing in
particular cannot contradict anything; nor are those whose subject is of a kind the
measure cannot be about (``misread_subject``: "the weight of Gaddafi").

Only measures that are properties of their subject are compared by default
(``COMPARABLE``: range, length, speed, weight, area, and rates of things such
as "production per year" or "barrels per day"). Head counts, sums of money,
percentages and distances between places describe events ("at least 20
people", "$3 million in aid") that differ from one report to the next without
contradicting each other; pass ``measures=None`` to compare them all anyway
(counts below ten never are).

Tolerance rule. Every figure stands for an interval of values it is consistent
with, in its written unit, then converted:

* rounding as written: half a step of the last significant digit ("190" ± 5,
  "300" ± 50, "3.5" ± 0.05), at most 10 % of the value (so "300" is ± 30);
* hedges widen it: "about / around / roughly / some" ± 10 %; "nearly / almost /
  up to / as far as" 15 % below to the figure; "more than / over / at least" to
  50 % above; "less than / under" to half below; vague words ("hundreds",
  "several hundred", "dozens") span from two thirds of their least value to five
  times it (three times for "several" / "a few"); a written range "150 to 190"
  is that range.

Two facts disagree when their intervals do not overlap. A group is reported
when two facts from different articles disagree (``across_articles``), with all
its facts, lowest value first. So 300 km, "nearly 200 miles" (321.9 km) and
"about 190 miles" (305.8 km) agree, while 300 km and 140 miles (225.3 km) for
the same missile do not.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..link.names import fold, singular_key
from ..models import Annotations, EntityMention, Quantity
from ..text.datelines import TIME_ZONE

_BOTH = ("about", "around", "roughly", "some", "approximately", "approx", "circa", "~", "estimated", "an estimated")  # fmt: skip
_BELOW = ("nearly", "almost", "up to", "as far as", "as much as", "as many as", "close to", "just under", "at most", "no more than", "as long as", "as high as")  # fmt: skip
_ABOVE = ("more than", "over", "at least", "upwards of", "in excess of", "well over", "just over", "no fewer than")  # fmt: skip
_UNDER = ("less than", "under", "fewer than", "as little as", "as few as")
_FEW_WORDS = frozenset({"several", "few", "couple"})
_VAGUE = _FEW_WORDS | {"dozens", "scores", "tens", "hundreds", "thousands", "millions", "billions"}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def is_vague(text: str) -> bool:
    """A figure written as a vague amount ("dozens of Mexicans", "hundreds of missiles",
    "several thousand"): a size, not a number to report."""
    return not _VAGUE.isdisjoint(re.findall(r"[a-z]+", text.lower()))


_RANGE_LABELS = ("TERM", "PRODUCT")
MIN_COUNT = 10.0  # counts below this are details, never compared nor led with
# Measures that belong to their subject rather than to an event.
COMPARABLE = frozenset({"range", "length", "speed", "weight", "area", "radius"})
# Who acts, not what is measured (``misread_subject``).
ACTOR_KINDS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


# Names that hold a number ("Three Mile Island", "5 Live Sport from Lord's", "Six
# Nations", "a 777-300ER"): the number names, it does not count.
_NAMING_LABELS = frozenset({"FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
_CLOCK_OR_CALENDAR = re.compile(
    rf"^(?:{TIME_ZONE}|[ap]\.?m\.?|January|February|March|April|May|June|July|August"
    r"|September|October|November|December)$",
    re.I,
)


def names_no_figure(q: Quantity, mentions: Sequence[EntityMention]) -> bool:
    """Whether ``q`` is no figure at all: its number is part of a name (inside a longer
    name, or a name of a place, work, event, law or product: "Three Mile Island", "Six
    Nations") or it is a clock time or a calendar date ("16.53 BST", "23-25 October")."""
    if _CLOCK_OR_CALENDAR.match(q.about or ""):
        return True
    for m in mentions:
        if m.sentence == q.sentence and m.start <= q.start and q.end <= m.end:
            if m.label in _NAMING_LABELS or m.end - m.start > q.end - q.start:
                return True
    return False


def misread_subject(measure: str, kinds: Collection[str]) -> bool:
    """Whether a figure of ``measure`` cannot be about a subject of these entity kinds:
    a range, a length or a weight is a thing's ("the length of BP", "the weight of
    Gaddafi" are misreads of the nearest name); a rate can be a company's or a
    country's ("400 interceptors a year") but not a person's. No kinds known: no."""
    if not kinds:
        return False
    return set(kinds) <= (ACTOR_KINDS if measure in COMPARABLE else {"PERSON"})


@dataclass(frozen=True)
class Disagreement:
    """Facts (indices into the input) that measure one thing and cannot all be right."""

    about: str  # "range of ATACMS"
    facts: tuple[int, ...]
    spread: str  # "225–300 km"
    subject: str | None = None
    unit: str = ""


def _is_output_rate(q: Quantity) -> bool:
    """A rate of things ("500 a year", "5,000 barrels a day"), not of money."""
    return " per " in q.about and not q.about.startswith("money")


def _marker(text: str) -> str | None:
    lower = text.lower()
    for group in (_ABOVE, _UNDER, _BELOW, _BOTH):
        for marker in sorted(group, key=len, reverse=True):
            if lower.startswith(marker + " ") or lower.startswith(marker):
                if marker == "~" or lower[len(marker) : len(marker) + 1] in (" ", "$", "€", "£"):
                    return marker
    return None


def _rounding(written: str, value: float) -> float:
    """Half a step of the last significant digit of the figure as written, ≤ 10 %."""
    digits = written.replace(",", "")
    if "." in digits:
        decimals = len(digits.split(".")[1])
        step = 10.0**-decimals
    else:
        stripped = digits.rstrip("0")
        step = 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0
    return min(step / 2, 0.1 * abs(value))


def value_interval(q: Quantity) -> tuple[float, float]:
    """The normalized values ``q`` is consistent with (see the module docstring)."""
    factor = q.normalized_value / q.value if q.value else 1.0
    v = q.value
    text = q.text
    numbers = _NUMBER.findall(text)
    lower = text.lower()
    if len(numbers) >= 2 and q.approximate:
        values = sorted(float(n.replace(",", "")) for n in numbers[:2])
        scale = v / ((values[0] + values[1]) / 2) if values[0] + values[1] else 1.0
        lo, hi = values[0] * scale, values[1] * scale
        return lo * factor, hi * factor
    r = _rounding(numbers[0], float(numbers[0].replace(",", ""))) if numbers else 0.0
    if numbers:
        written = float(numbers[0].replace(",", ""))
        r *= v / written if written else 1.0
    words = set(re.findall(r"[a-z]+", lower))
    if words & _VAGUE:
        top = 3.0 if words & _FEW_WORDS else 5.0
        return v * 2 / 3 * factor, v * top * factor
    lo, hi = v - r, v + r
    marker = _marker(text)
    if marker in _BOTH:
        lo, hi = v * 0.9 - r, v * 1.1 + r
    elif marker in _BELOW:
        lo, hi = v * 0.85 - r, v + r
    elif marker in _ABOVE:
        lo, hi = v - r, v * 1.5 + r
    elif marker in _UNDER:
        lo, hi = v * 0.5 - r, v + r
    elif q.approximate:
        lo, hi = v * 0.9 - r, v * 1.1 + r
    return lo * factor, hi * factor


def _nearest_subject(q: Quantity, mentions: Sequence[EntityMention]) -> str | None:
    labels = _RANGE_LABELS if q.about == "range" else None
    best: tuple[int, str] | None = None
    for m in mentions:
        if m.sentence != q.sentence or (labels is not None and m.label not in labels):
            continue
        if q.start < m.end and m.start < q.end:
            continue
        gap = q.start - m.end if m.end <= q.start else m.start - q.end
        if best is None or gap < best[0]:
            best = (gap, m.text)
    return best[1] if best else None


def _fmt(value: float) -> str:
    if value == 0:
        return "0"
    digits = max(3 - int(math.floor(math.log10(abs(value)))) - 1, 0)
    return f"{round(value, digits):,.{digits}f}"


def find_disagreements(
    facts: Sequence[tuple[str, Quantity]],
    *,
    annotations: Mapping[str, Annotations] | None = None,
    term_entity: Mapping[str, str] | None = None,
    across_articles: bool = True,
    measures: Collection[str] | None = COMPARABLE,
    entity_kinds: Mapping[str, str] | None = None,
    sources: Mapping[str, tuple[str | None, dt.date | None]] | None = None,
) -> list[Disagreement]:
    """Groups of facts (article id, quantity) that disagree; see the module docstring.

    ``measures`` limits the comparison to those ``about`` labels (rates, "... per
    year", always count); None compares every measure. ``entity_kinds`` (entity id ->
    type) tells what kind of thing a subject is (``misread_subject``). ``sources``
    (article id -> outlet, publication day): a group that one outlet gives as
    non-overlapping figures on different days is no disagreement (``revised_by_one``):
    a rate it revised (a well's flow, 5,000 then 60,000 barrels a day) or two things read
    as one; the changes view compares such figures day by day.
    """
    folded: dict[str, str] = {}
    for surface, entity in (term_entity or {}).items():
        folded.setdefault(fold(surface), entity)

    def subject_key(article: str, q: Quantity) -> tuple[str, str] | None:
        mentions = annotations[article].mentions if annotations and article in annotations else ()
        subject = q.subject or _nearest_subject(q, mentions)
        if not subject:
            return None
        key = fold(subject)
        if term_entity and subject in term_entity:
            entity: str | None = term_entity[subject]
        else:
            entity = folded.get(key) or folded.get(singular_key(key))
        # The story's reading of a name first ("ATACMS" is a weapon), then the sentence's.
        if entity is not None and entity_kinds and entity in entity_kinds:
            kinds = {entity_kinds[entity]}
        else:
            kinds = {m.label for m in mentions if m.sentence == q.sentence and m.text == subject}
        if misread_subject(q.about, kinds):
            return None
        return (entity or singular_key(key)), subject

    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    names: dict[tuple[str, str, str], str] = {}
    for i, (article, q) in enumerate(facts):
        if q.normalized_unit.startswith("count") and q.value < MIN_COUNT and not q.approximate:
            continue
        if measures is not None and q.about not in measures and not _is_output_rate(q):
            continue
        found = subject_key(article, q)
        if found is None:
            continue
        key = (q.about, q.normalized_unit, found[0])
        groups[key].append(i)
        names.setdefault(key, found[1])
    out: list[Disagreement] = []
    for key, members in groups.items():
        if len(members) < 2:
            continue
        intervals = {i: value_interval(facts[i][1]) for i in members}
        if not _conflict(members, intervals, facts, across_articles):
            continue
        if sources is not None and revised_by_one(members, intervals, facts, sources):
            continue
        ordered = sorted(members, key=lambda i: (facts[i][1].normalized_value, i))
        low = facts[ordered[0]][1].normalized_value
        high = facts[ordered[-1]][1].normalized_value
        unit = key[1]
        out.append(
            Disagreement(
                about=f"{key[0]} of {names[key]}",
                facts=tuple(ordered),
                spread=f"{_fmt(low)}–{_fmt(high)} {unit}",
                subject=names[key],
                unit=unit,
            )
        )
    out.sort(key=lambda d: (d.about, d.facts))
    return out


def revised_by_one(
    members: list[int],
    intervals: Mapping[int, tuple[float, float]],
    facts: Sequence[tuple[str, Quantity]],
    sources: Mapping[str, tuple[str | None, dt.date | None]],
) -> bool:
    """One outlet (one article where the outlet is unknown) gives figures of the group
    that do not overlap, on different days (``one_source_revises``)."""
    figures = []
    for i in members:
        outlet, day = sources.get(facts[i][0], (None, None))
        figures.append((outlet or facts[i][0], day, *intervals[i]))
    return one_source_revises(figures)


def one_source_revises(figures: Iterable[tuple[str, dt.date | None, float, float]]) -> bool:
    """Among (source, day, low, high) figures, one source gives two that do not overlap
    on different days: it revised the value, or it speaks of two things. Two figures
    on one day are a dispute the source reports ("says 400, documents show about 120")
    and do not count."""
    by_source: dict[str, list[tuple[float, float, dt.date | None]]] = defaultdict(list)
    for source, day, low, high in figures:
        by_source[source].append((high, low, day))
    for items in by_source.values():
        items.sort(key=lambda item: item[0])
        for x, (high, _low, day) in enumerate(items):
            # a later item's high is at least this one's: only its low can clear it
            if any(low > high and other != day for _high, low, other in items[x + 1 :]):
                return True
    return False


def _conflict(
    members: list[int],
    intervals: Mapping[int, tuple[float, float]],
    facts: Sequence[tuple[str, Quantity]],
    across_articles: bool,
) -> bool:
    # Sorting by upper bound: the tightest upper bound against every later lower bound.
    by_high = sorted(members, key=lambda i: intervals[i][1])
    for x, i in enumerate(by_high):
        for j in by_high[x + 1 :]:
            if intervals[j][0] > intervals[i][1] and (
                not across_articles or facts[i][0] != facts[j][0]
            ):
                return True
    return False
