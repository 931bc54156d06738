"""Figures over time: one series per subject and measure, points per outlet and date.

A figure's *measure* is what it counts or measures. For counts of people the
noun alone says little ("up to 149 people"), so the words around the figure
decide: killed / died / deaths make it ``deaths``, infected / cases ``cases``,
and a figure said to be *confirmed* is kept apart from the estimates
(``confirmed deaths``), since outlets report both on the same day. Counts of
people with no such word, and increments ("40 other deaths", "three more
deaths", "another 83"), are not tolls and are left out. Other figures keep
their ``Quantity.about`` (range, doses ...).

A toll is a running count, so what reads as another kind of count is no point of
it: one day's dead ("At least 28 people died ... on Friday", "killed in Friday's
attacks"; a running total, "since Friday", "so far", is kept), people wounded,
missing or arrested beside the dead, and a count said of every year ("seasonal flu
kills 36,000 people ... in an average year").

Its *subject* is the place or thing it is about: for tolls the place after
"in" ("killed 149 people in Mexico"), else the annotation's subject, else the
nearest named thing in the sentence; subjects are compared by entity, so
"ATACMS" and "Army Tactical Missile System" are one.

A point is dated by the day its sentence is about when that is a single day no
later than publication, else by publication (a toll is what was known then).
Each point keeps the interval of values its wording allows
(``facts.value_interval``: "at least", "up to", "as many as", rounding).
Between outlets on one date, points whose intervals do not overlap are a
*disagreement*; along the dates, a date whose reported values all lie above (or
below) the last distinct state is a *change*, counted only where a second outlet
bears the date's figure out (one report's number is no new state). A property of a thing (a range, a
length: ``facts.COMPARABLE``) or a rate ("400 interceptors a year") does not
move the way a toll does: two outlets whose figures for it do not overlap
disagree whatever their dates (``same_date`` False), and such a series has no
changes, unless an outlet gives it two ways (``revised``, ``comparison``): a rate it
revises moves (a well's flow, 5,000 then 60,000 barrels a day) and is compared as a toll
is, a range or a length given two ways is two things read as one and is compared not at
all. A price or a spending rate ("money per barrel") moves from day to day and is no
property. A range, a length or a weight is a thing's, never an actor's ("the
length of BP" is a misread); a rate is never a person's. A figure in a hypothetical
("could release a further 240,000 barrels a day", "the worst case envisaged was ...")
measures nothing and is left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from ..link.names import fold, singular_key
from ..models import Annotations, EntityMention, Quantity
from .corpus import Corpus
from .facts import (
    COMPARABLE,
    _fmt,
    _nearest_subject,
    misread_subject,
    one_source_revises,
    value_interval,
)

_DEATH = re.compile(
    r"\b(kill(?:ed|ing|s)?|died|dead|deaths?|death toll|fatalit(?:y|ies)|lives)\b", re.I
)
_CASES = re.compile(r"\b(infect(?:ed|ing|ions?)|cases|sickened|ill)\b", re.I)
# "confirmed" said of the figure itself: "confirmed 20 deaths", "20 deaths confirmed".
_CONFIRMED_BEFORE = re.compile(r"\bconfirm(?:ed|s)?(?: that)?\s*$", re.I)
_CONFIRMED_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,3}(?:were |was |are |is |have been |had been )?confirmed\b", re.I
)
_VAGUE = frozenset(
    {"dozens", "scores", "hundreds", "thousands", "millions", "tens", "several", "few"}
)
_INCREMENT = re.compile(r"\b(other|more|another|further|additional|new)\b", re.I)
_INCREMENT_BEFORE = re.compile(r"\b(another|other|more|additional|further)\s*$", re.I)
_WORD = re.compile(r"[a-z]+")
_IN_PLACE = re.compile(r"^[^.;:]{0,40}?\b(?:in|across|inside)\s+(?:the\s+)?$", re.I)
# A head count that is a population, not a toll: "home to some 20 million people".
_POPULATION = re.compile(
    r"\b(?:home to|population of|city of|nation of|country of|region of)\s+(?:some|about|around|nearly|almost|more than|over)?\s*$",
    re.I,
)
# A toll said of the whole world: "killed 2 million people worldwide" is no place's toll.
_WORLDWIDE = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:worldwide|globally|around the world|across the world)\b", re.I
)
# The clause that ends a figure's own words: a toll word beyond it is another figure's.
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|while|but|with)\b", re.I)
# Counts whose noun names people (or their deaths): the measure comes from the verb.
_PEOPLE = frozenset(
    {"people", "persons", "deaths", "fatalities", "lives", "dead", "victims", "others"}
)
_CASE_NOUNS = frozenset({"cases", "infections"})
_PLACES = ("GPE", "LOC", "FAC")
_WINDOW = 30  # characters around a figure read for its measure words ("has killed up to")
_DIRECTIONS = ("up", "down")
# One day's dead are no reading of a running toll: the death verb in the simple past (or
# "killing"), and a day after the figure in its clause ("At least 28 people died ... on
# Friday", "23 people were killed ... in shelling Sunday", "killed in Friday's attacks",
# "have already died in Misrata this week"); a running total says so ("since", "so far",
# "toll") and is kept, as is a death told without a day ("The quake killed 200,000").
_CLAUSE_WINDOW = 120
# Verbs of taking in: a rate they govern is what was caught, not what flowed.
_TAKEN = re.compile(r"\b(?:collect|siphon|funnel|captur|recover|divert|skim|suction|suck)\w*", re.I)
# A figure in a hypothetical is no measurement: "could release a further 240,000
# barrels a day", "the worst case envisaged was", "capacity to capture 40,000".
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:could|would|might|worst[- ]case|worst case|capacity|able to|if)\b[^.;:]*$", re.I
)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_SINCE_YEAR = re.compile(r"\bsince\s+(?:\w+\s+)?(?:19|20)\d\d\b", re.I)
# A count said of every year is a rate of things in general, not this story's toll.
_EVERY_YEAR = re.compile(
    r"\b(?:each|every|a|per|an average|a typical|a normal|in an average|in a typical) year\b"
    r"|\bannually\b|\byearly\b|\bseasonal\b",
    re.I,
)
# A count of people whose own verb is another fate than death or illness.
_OTHER_FATE = re.compile(
    r"^\s*(?:(?:in|across)\s+(?:the\s+)?[\w.]+\s+)?(?:(?:were|are|was|have been|had been|being)\s+)?(?:\w+ly\s+)?(?:wounded|injured|hurt"
    r"|missing|arrested|detained|displaced|evacuated|rescued|hospitali[sz]ed|treated|homeless"
    r"|stranded|trapped|held|freed|released)\b",
    re.I,
)
_DEATH_EVENT_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:(?:were|was|are|had been)\s+)?(?:killed|died|dead)\b", re.I
)
_DEATH_EVENT_BEFORE = re.compile(r"\b(?:killing|killed|leaving)\s+(?:[\w-]+\s+){0,3}$", re.I)
_ONE_DAY = re.compile(
    r"\b(?:(?:on|last|this|early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday)(?:'s)?\b|\b(?:today|yesterday|overnight|tonight|this morning|this week|last week"
    r"|the past (?:week|24 hours|day)|over the weekend)\b",
    re.I,
)
_RUNNING_TOTAL = re.compile(
    r"\b(?:since|so far|toll|total|in all|to date|altogether|overall|cumulative)\b", re.I
)
_PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:already\s+|now\s+)?(?:been\s+)?(?:killed|died|claimed|caused)\b"
    r"(?:\s+[\w-]+){0,3}\s*$"
    r"|^\s*(?:[\w-]+\s+){0,3}?(?:has|have|had)\s+(?:already\s+|now\s+)?(?:been\s+)?(?:killed|died)\b",
    re.I,
)
_CLAUSE_STOP = re.compile(r"[.;:]\s|\s[-–—]\s|\bsaid\b|\bsays\b")


@dataclass(frozen=True)
class Point:
    date: dt.date
    quantity: Quantity
    article: str
    outlet: str | None
    published: dt.date | None
    sentence: str

    @cached_property
    def interval(self) -> tuple[float, float]:
        """The values its wording allows; computed when compared (most never are)."""
        return value_interval(self.quantity)

    @property
    def low(self) -> float:
        return self.interval[0]

    @property
    def high(self) -> float:
        return self.interval[1]


@dataclass
class Series:
    measure: str
    unit: str
    subject: str  # as first written
    subject_id: str | None  # entity id when the subject is a linked entity
    points: list[Point]

    @property
    def about(self) -> str:
        return (
            f"{self.measure} in {self.subject}"
            if self.measure in TOLLS
            else f"{self.measure} of {self.subject}"
        )


TOLLS = frozenset({"deaths", "confirmed deaths", "cases", "confirmed cases"})


def is_property(measure: str) -> bool:
    """A fixed property of a thing or a rate: compared across dates, never a change. A
    price or a spending rate ("money per barrel", "money per month") is neither: it moves
    from day to day, so outlets' figures for it are compared on one date only."""
    return measure in COMPARABLE or (
        " per " in f" {measure} " and not measure.startswith("money per")
    )


def revised(series: Series) -> bool:
    """Some outlet gives figures for it that do not overlap, on different dates (an
    article, where the outlet is unknown; two figures on one date are a dispute the
    outlet reports): the outlet itself says it is not one fixed value. A rate an
    outlet revises moves over time (a well's flow, estimated at 5,000 and then 60,000
    barrels a day); a range or a length an outlet gives two ways is two things read as
    one ("the Gulf of Mexico" 0.003 km and 346 km)."""
    return one_source_revises((p.outlet or p.article, p.date, p.low, p.high) for p in series.points)


def comparison(series: Series) -> str:
    """How a series' figures are compared: "dates" (a toll, a price, a rate an outlet
    revises: outlets on one date, changes along the dates), "whatever dates" (a fixed
    property: outlets whatever their dates, no changes) or "none" (a range or a length
    an outlet gives two ways: two things read as one)."""
    if not is_property(series.measure):
        return "dates"
    if not revised(series):
        return "whatever dates"
    return "none" if series.measure in COMPARABLE else "dates"


def _nearest_kind(before: str, after: str) -> str | None:
    """The toll word closest to the figure: "deaths" or "cases" (None: neither). One
    after the figure in its own clause wins ("... fatalities and 1,004 people
    reported infected" counts cases): the words before belong to the figure before."""
    own = after[: m.start()] if (m := _CLAUSE_BREAK.search(after)) else after
    for kind, pattern in (("deaths", _DEATH), ("cases", _CASES)):
        found = pattern.search(own)
        if found and not any(
            (other := p.search(own)) and other.start() < found.start()
            for k, p in (("deaths", _DEATH), ("cases", _CASES))
            if k != kind
        ):
            return kind
    best: tuple[int, str] | None = None
    for kind, pattern in (("deaths", _DEATH), ("cases", _CASES)):
        for m in pattern.finditer(after):
            if best is None or m.start() < best[0]:
                best = (m.start(), kind)
            break
        for m in pattern.finditer(before):
            distance = len(before) - m.end()
            if best is None or distance < best[0]:
                best = (distance, kind)
    return best[1] if best else None


def _about_is_measure(q: Quantity) -> bool:
    """Whether ``_measure`` can only answer ``q.about`` (or None): not a count of people,
    cases or deaths, whose measure the words around it decide."""
    if q.normalized_unit != "count":
        return True
    return q.about not in _PEOPLE and q.about not in _CASE_NOUNS and not _DEATH.search(q.text)


def _measure(q: Quantity, text: str) -> str | None:
    """What ``q`` counts, read from the words around it; None for no toll. A rate of
    what someone takes in ("BP was siphoning 1,000 barrels a day") is its own measure,
    not the rate of what it is taken from (the well's flow)."""
    if q.normalized_unit != "count":
        before = text[max(0, q.start - _CLAUSE_WINDOW) : q.start]
        if " per " in f" {q.about} " and _TAKEN.search(_clause_before(before)):
            return f"{q.about} taken"
        return q.about
    words = set(_WORD.findall(q.text.lower()))
    if _INCREMENT.search(q.text) or words & _VAGUE:
        return None
    before = text[max(0, q.start - _WINDOW) : q.start]
    after = text[q.end : q.end + _WINDOW]
    if _INCREMENT_BEFORE.search(before):
        return None
    if _POPULATION.search(before):
        return None
    if _DEATH.search(q.text):
        kind: str | None = "deaths"
    elif q.about in _PEOPLE:
        kind = _nearest_kind(before, after)
    elif q.about in _CASE_NOUNS:
        kind = "cases"
    else:
        return q.about
    if kind is None or not _running_count(before, text[q.end : q.end + _CLAUSE_WINDOW]):
        return None
    confirmed = (
        _CONFIRMED_BEFORE.search(before) or _CONFIRMED_AFTER.search(after) or "confirmed" in words
    )
    return f"confirmed {kind}" if confirmed else kind


def _running_count(before: str, following: str) -> bool:
    """Whether a count of people, with ``before`` and ``following`` the text around it,
    can be a reading of a running toll: not one day's dead (``_one_days_count``), not
    people hurt beside the dead ("... killed and 20 people wounded"), not a count of
    every year ("seasonal flu kills 36,000 people in the US in an average year")."""
    return not (
        _one_days_count(before, following)
        or _OTHER_FATE.match(following)
        or _EVERY_YEAR.search(_clause(following))
        or _EVERY_YEAR.search(before)
    )


def _clause(after: str) -> str:
    """The words after a figure up to the end of its clause (see ``_CLAUSE_STOP``)."""
    stop = _CLAUSE_STOP.search(after)
    return after[: stop.start()] if stop else after


def _clause_before(before: str) -> str:
    """The words before a figure back to a stop, a semicolon or a colon (``_clause``
    also cuts at "said" and a dash; cutting there too changes bpoil's rates, so the
    boundaries stay as measured)."""
    cut = max(before.rfind(". "), before.rfind("; "), before.rfind(": "))
    return before[cut + 1 :] if cut >= 0 else before


def _one_days_count(before: str, after: str) -> bool:
    """Whether a death count reports one day's dead (see ``_ONE_DAY``): ``before`` and
    ``after`` are the text around the figure."""
    clause = _clause(after)
    if not (_DEATH_EVENT_AFTER.search(clause) or _DEATH_EVENT_BEFORE.search(before)):
        return False
    if _PERFECT.search(before[-40:]) or _PERFECT.match(clause):
        return False  # "has killed up to 149 ... the WHO said on Monday": a running count
    return bool(_ONE_DAY.search(clause)) and not _RUNNING_TOTAL.search(before[-60:] + clause)


def _of_an_earlier_year(sentence: str, published: dt.date | None) -> bool:
    """A count told of an earlier year ("an outbreak of swine flu in 1976 infected 200
    people", "between 2005 and January 2009, there were 12 human cases") is history,
    not this story's toll; "since 2011" counts up to now and is kept."""
    if published is None or _SINCE_YEAR.search(sentence):
        return False
    return any(int(y) < published.year for y in _YEAR.findall(sentence))


def _place_after(q: Quantity, places: list[tuple[int, EntityMention]], text: str) -> int | None:
    """Index of the place mention right after the figure ("... people in Mexico")."""
    for i, m in places:  # in text order: the first that fits is the nearest
        if m.start < q.end:
            continue
        if m.start - q.end > 2 * _WINDOW:
            break
        if _IN_PLACE.match(text[q.end : m.start]):
            return i
    return None


def _subject(
    corpus: Corpus,
    article: str,
    q: Quantity,
    measure: str,
    places: dict[int, list[tuple[int, EntityMention]]],
) -> tuple[str, str | None] | None:
    """(subject as written, entity id or None) of a figure."""
    ann = corpus.annotations[article]
    text = corpus.articles[article].text
    if measure in TOLLS:
        if _WORLDWIDE.match(text[q.end : q.end + _WINDOW]):
            return None
        found = _place_after(q, places.get(q.sentence, []), text)
        if found is not None:
            return ann.mentions[found].text, corpus.entity_of_mention.get((article, found))
        if q.subject is None:
            return None
        written = [m for m in ann.mentions if m.sentence == q.sentence and m.text == q.subject]
        if not written or written[0].label not in _PLACES:
            return None  # a toll "of" a person or an agency is not a place's toll
    # Only a range's subject is chosen by label (a weapon, a product): relabel for it alone.
    mentions = _as_linked(corpus, article, ann, q.sentence) if q.about == "range" else ann.mentions
    subject = q.subject or _nearest_subject(q, mentions)
    if not subject:
        return None
    entities = corpus.entity_by_name(subject)
    if is_property(measure):
        kinds = {e.type for e in entities} or {
            m.label for m in mentions if m.sentence == q.sentence and m.text == subject
        }
        if misread_subject(measure, kinds):
            return None
    return subject, (entities[0].id if len(entities) == 1 else None)


def _as_linked(
    corpus: Corpus, article: str, ann: Annotations, sentence: int
) -> list[EntityMention]:
    """The sentence's mentions labelled with their linked entity's type: the story's
    reading of a name ("ATACMS" is a weapon) over one sentence's ("ATACMS" as an ORG)."""
    out = []
    for i, m in enumerate(ann.mentions):
        if m.sentence != sentence:
            continue
        entity_id = corpus.entity_of_mention.get((article, i))
        entity = corpus.entity_by_id.get(entity_id) if entity_id else None
        out.append(replace(m, label=entity.type) if entity and entity.type != m.label else m)
    return out


def _date(corpus: Corpus, article: str, q: Quantity) -> dt.date | None:
    published = corpus.published(article)
    sd = corpus.sentence_date(article, q.sentence)
    if (
        sd is not None
        and sd.interval_start == sd.interval_end
        and (published is None or sd.interval_start <= published)
    ):
        return sd.interval_start
    return published


def figure_series(corpus: Corpus, keep: Callable[[str], bool] | None = None) -> list[Series]:
    """Every series of figures with one subject and measure, points in date order;
    with ``keep``, only those of the measures it keeps (the others are not read further)."""
    groups: dict[tuple[str, str, str], Series] = {}
    for article, ann in corpus.annotations.items():
        if corpus.is_repeat(article):
            continue
        a = corpus.articles[article]
        places: dict[int, list[tuple[int, EntityMention]]] | None = None
        for q in ann.quantities:
            if keep is not None and not keep(q.about) and _about_is_measure(q):
                continue  # what it measures is plain without reading around it, and not kept
            measure = _measure(q, a.text)
            if measure is None or (keep is not None and not keep(measure)):
                continue
            sentence = ann.sentences[q.sentence].text if q.sentence < len(ann.sentences) else ""
            if measure in TOLLS and _of_an_earlier_year(sentence, a.published):
                continue
            if _HYPOTHETICAL_BEFORE.search(a.text[max(0, q.start - _WINDOW * 2) : q.start]):
                continue  # "the worst case envisaged was 250,000 barrels a day"
            if places is None:
                places = defaultdict(list)
                for i, m in enumerate(ann.mentions):
                    if m.label in _PLACES:
                        places[m.sentence].append((i, m))
            subject = _subject(corpus, article, q, measure, places)
            day = _date(corpus, article, q)
            if subject is None or day is None:
                continue
            key_subject = subject[1] or singular_key(fold(subject[0]))
            key = (measure, q.normalized_unit, key_subject)
            point = Point(day, q, article, a.outlet, a.published, sentence.strip())
            series = groups.get(key)
            if series is None:
                name = (
                    corpus.entity_by_id[subject[1]].name
                    if subject[1] in corpus.entity_by_id
                    else subject[0]
                )
                series = groups[key] = Series(measure, q.normalized_unit, name, subject[1], [])
            series.points.append(point)
    for series in groups.values():
        series.points.sort(
            key=lambda p: (p.date, p.outlet or "", p.quantity.normalized_value, p.article)
        )
    return list(groups.values())


@dataclass(frozen=True)
class SameDateSpread:
    date: dt.date  # the date, or for a property the latest date of the clashing figures
    points: tuple[int, ...]  # indices into the series' points
    outlets: tuple[str, ...]
    spread: str
    same_date: bool = True


def disagreements(series: Series) -> list[SameDateSpread]:
    """Dates on which two outlets give figures whose intervals do not overlap; for a
    property (``is_property``) outlets whose figures do not overlap at any dates, unless
    an outlet revises it (``revised``): a rate then moves and is compared date by date,
    a range or a length mixes two things and has none."""
    how = comparison(series)
    if how == "none":
        return []
    if how == "whatever dates":
        everything = {series.points[-1].date: list(range(len(series.points)))}
        found = _spreads(everything, series, only_clashing=True)
        return [
            SameDateSpread(
                max(series.points[i].date for i in d.points), d.points, d.outlets, d.spread, False
            )
            for d in found
        ]
    return _spreads(_by_date(series), series)


def _by_date(series: Series) -> dict[dt.date, list[int]]:
    by_date: dict[dt.date, list[int]] = defaultdict(list)
    for i, p in enumerate(series.points):
        by_date[p.date].append(i)
    return by_date


def _spreads(
    by_date: dict[dt.date, list[int]], series: Series, *, only_clashing: bool = False
) -> list[SameDateSpread]:
    """Per date, its points when two outlets' intervals do not overlap (``only_clashing``:
    only the points in such a pair, as a whole series holds many consistent ones)."""
    out: list[SameDateSpread] = []
    for day, members in sorted(by_date.items()):
        clashing: set[int] = set()
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                pi, pj = series.points[i], series.points[j]
                if pi.outlet == pj.outlet or pi.outlet is None or pj.outlet is None:
                    continue
                if pi.high < pj.low or pj.high < pi.low:
                    clashing.update((i, j))
        if not clashing:
            continue
        ordered = tuple(
            sorted(
                clashing if only_clashing else members,
                key=lambda i: (series.points[i].quantity.normalized_value, i),
            )
        )
        values = [series.points[i].quantity.normalized_value for i in ordered]
        outlets = tuple(sorted({series.points[i].outlet or "" for i in ordered}))
        out.append(
            SameDateSpread(
                day, ordered, outlets, f"{_fmt(values[0])}–{_fmt(values[-1])} {series.unit}"
            )
        )
    return out


@dataclass(frozen=True)
class Move:
    start: dt.date
    end: dt.date
    before: float  # the date's middle figure (upper median of its points)
    after: float
    direction: str  # up | down


def middle(points: list[Point]) -> Point:
    """The upper median point of one date: robust to one outlet's outlier."""
    ordered = sorted(points, key=lambda p: p.quantity.normalized_value)
    return ordered[len(ordered) // 2]


def _corroborated(mid: Point, points: list[Point]) -> bool:
    """Whether another outlet (another article where outlets are unknown) gives a
    figure on ``mid``'s date that ``mid``'s interval overlaps: one outlet's updates of
    its own report are not two reports."""
    return any(
        (p.outlet != mid.outlet if p.outlet and mid.outlet else p.article != mid.article)
        and p.low <= mid.high
        and p.high >= mid.low
        for p in points
    )


def changes(series: Series) -> list[Move]:
    """Moves over time: the middle figure of a date against the last distinct one,
    a move when their intervals do not overlap (so "about 190" after "200" is none).
    Only dates whose middle figure a second article bears out count (``_corroborated``).
    A lone date whose figure the next date contradicts (back within the old
    state) is an outlier, not a move: a retrospective "60" amid "176"s."""
    if comparison(series) != "dates":
        return []
    by_date: dict[dt.date, list[Point]] = defaultdict(list)
    for p in series.points:
        by_date[p.date].append(p)
    # A state needs two reports: a date's middle figure counts only when another
    # outlet gives a figure its interval overlaps that date. One report's number (a
    # day's dead in one town, a misread) moved whole series before.
    middles = [
        mid
        for _day, points in sorted(by_date.items())
        if _corroborated(mid := middle(points), points)
    ]
    out: list[Move] = []
    state: Point | None = None
    for i, mid in enumerate(middles):
        if state is None:
            state = mid
            continue
        if mid.low <= state.high and mid.high >= state.low:
            continue
        following = middles[i + 1] if i + 1 < len(middles) else None
        if following is not None and following.low <= state.high and following.high >= state.low:
            continue
        direction = _DIRECTIONS[0] if mid.low > state.high else _DIRECTIONS[1]
        out.append(
            Move(
                state.date,
                mid.date,
                state.quantity.normalized_value,
                mid.quantity.normalized_value,
                direction,
            )
        )
        state = mid
    return out
