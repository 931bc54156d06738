"""One type for the calendar values the views show: ``2023``, ``2023-05``, ``2023-W19``
and ``2023-05-09``, parsed once, with their first and last day and granularity.

A day value may carry a TIMEX3 time part (``2023-05-09T14:00``, ``2023-05-09TMO``):
it names that day. Other TIMEX3 values (quarters, seasons, durations) are not
calendar stretches the views group by; ``DateValue.parse`` returns None for them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

Granularity = Literal["day", "week", "month", "year"]
# Finest first: what "coarser than" means when grouping.
GRANULARITIES: tuple[Granularity, ...] = ("day", "week", "month", "year")

# The calendar's words, lower-cased: they say when, never what (no role, no keyword).
MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december".split()
)
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
WEEKDAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
CALENDAR_WORDS = MONTH_NAMES | MONTH_ABBREVIATIONS | WEEKDAY_NAMES

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")  # a time part may follow
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, order=True)
class DateValue:
    """A calendar stretch named by its value. Ordered by first day, then last day
    (within one start, the shorter stretch first: a day before its month)."""

    start: dt.date
    end: dt.date
    value: str = field(compare=False)
    granularity: Granularity = field(compare=False)

    @classmethod
    def parse(cls, value: str) -> DateValue | None:
        """The value's stretch, or None when ``value`` is none of the four forms or
        names no real day (``2023-02-30``, ``2023-W54``)."""
        try:
            return cls._parse(value.strip())
        except (ValueError, OverflowError):
            return None

    @classmethod
    def _parse(cls, value: str) -> DateValue | None:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return cls(day, day, day.isoformat(), "day")
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return cls(monday, monday + dt.timedelta(days=6), value, "week")
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return cls(dt.date(year, month, 1), dt.date(year, month, last), value, "month")
        if m := _YEAR.match(value):
            year = int(m[1])
            return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), value, "year")
        return None

    @classmethod
    def containing(cls, day: dt.date, granularity: Granularity) -> DateValue:
        """The stretch of ``granularity`` that holds ``day`` (clipped to the calendar's
        ends: a store may hold an article dated 0001-01-01)."""
        if granularity == "day":
            return cls(day, day, day.isoformat(), "day")
        if granularity == "month":
            last = calendar.monthrange(day.year, day.month)[1]
            start, end = day.replace(day=1), day.replace(day=last)
            return cls(start, end, f"{day.year:04d}-{day.month:02d}", "month")
        if granularity == "week":
            year, week, weekday = day.isocalendar()
            start = _shift(day, 1 - weekday)
            return cls(start, _shift(start, 6), f"{year:04d}-W{week:02d}", "week")
        start, end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
        return cls(start, end, f"{day.year:04d}", "year")

    @property
    def days(self) -> int:
        """How many days the stretch covers."""
        return (self.end - self.start).days + 1

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self.value


def granularity_of(value: str) -> Granularity | None:
    """``day``, ``week``, ``month`` or ``year`` for a well-formed value, else None."""
    parsed = DateValue.parse(value)
    return parsed.granularity if parsed is not None else None


def coarser(a: Granularity, b: Granularity) -> Granularity:
    """The coarser of two granularities."""
    return a if GRANULARITIES.index(a) >= GRANULARITIES.index(b) else b


def _shift(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min if days < 0 else dt.date.max
