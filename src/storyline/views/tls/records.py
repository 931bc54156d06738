"""Plain records the timeline builder works on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storyline.text.dates import DateValue

GRANULARITIES = ("day", "week", "month", "year")
TIMELINE_GRANULARITIES = ("day", "month")  # what build_timeline can group events by


def period_key(day: dt.date, granularity: str) -> dt.date:
    """The first day of the period (day or month) ``day`` falls in."""
    return day if granularity == "day" else day.replace(day=1)


def previous_period(key: dt.date, granularity: str) -> dt.date:
    """The period before ``key``'s; the calendar's first period is its own
    (a store may hold an article dated 0001-01-01)."""
    if key <= dt.date.min:
        return key
    if granularity == "day":
        return key - dt.timedelta(days=1)
    return (key - dt.timedelta(days=1)).replace(day=1)


def next_period(key: dt.date, granularity: str) -> dt.date:
    """The period after ``key``'s; the calendar's last period is its own."""
    if granularity == "day":
        return key if key >= dt.date.max else key + dt.timedelta(days=1)
    if key.year == dt.MAXYEAR and key.month == 12:
        return key
    return (key.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def period_span(key: dt.date, granularity: str) -> tuple[str, dt.date, dt.date]:
    """(value, first day, last day) of a period key: ``2010-04-20`` or ``2010-04``."""
    period = DateValue.containing(key, "day" if granularity == "day" else "month")
    return period.value, period.start, period.end


@dataclass(frozen=True)
class DateRef:
    """One calendar stretch a sentence refers to (inclusive days)."""

    start: dt.date
    end: dt.date
    granularity: str  # day | week | month | year
    value: str  # TIMEX3-style value at that granularity: 2010-04-20, 2010-04, 2010-W16, 2010
    relative: bool = False  # year not written out: resolved against the publication date
    text: str = ""  # the expression as written
    # It only qualifies a noun ("in advance of Tuesday's vote"): it dates that
    # thing, not the sentence's own event (see ``event_refs``).
    modifier: bool = False


@dataclass(frozen=True)
class CandidateSentence:
    """A sentence of one article with the dates it refers to.

    ``tokens`` may carry a pre-tokenized, lower-cased form (content words only);
    when empty the builder tokenizes ``text`` itself. ``repeat`` marks a sentence of
    an article that repeats another: evidence for ranking, never an entry.
    """

    article: str
    outlet: str | None
    published: dt.date
    text: str
    index: int  # position in the article, from 0
    dates: tuple[DateRef, ...] = ()
    url: str | None = None
    tokens: tuple[str, ...] = ()
    # A close copy of another article (syndicated, duplicated): it counts as coverage
    # when dates are ranked and wording is shared, but is never shown.
    repeat: bool = False

    def day_refs(self) -> tuple[dt.date, ...]:
        """Days this sentence names at day granularity, in text order, no repeats."""
        return self.refs("day")

    def refs(self, granularity: str = "day") -> tuple[dt.date, ...]:
        """Period keys this sentence names: days, or months (a day named counts
        for its month too), in text order, no repeats."""
        return self._keys(granularity, modifiers=True)

    def event_refs(self, granularity: str = "day") -> tuple[dt.date, ...]:
        """The periods of ``refs`` that can date what the sentence reports: without
        modifiers of a noun. "Doors open at 6 pm for Saturday's show" and "Bargain
        hunters returned after Tuesday's rally" name Saturday and Tuesday (they
        count as references to those days) but do not say what happened on them."""
        return self._keys(granularity, modifiers=False)

    def _keys(self, granularity: str, modifiers: bool) -> tuple[dt.date, ...]:
        allowed = ("day",) if granularity == "day" else ("day", "month")
        seen: list[dt.date] = []
        for ref in self.dates:
            if ref.granularity in allowed and (modifiers or not ref.modifier):
                key = period_key(ref.start, granularity)
                if key not in seen:
                    seen.append(key)
        return tuple(seen)
