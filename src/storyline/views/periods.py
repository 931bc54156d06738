"""Calendar periods (year, month, ISO week, day) and counts per period.

Used by the per-actor analysis (mentions over time) and by the web's timeline
zoom. Every step is held within 0001-01-01 .. 9999-12-31: articles may be
dated anywhere in that range.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter

MAX_MONTHS = 120  # longer spans are counted by year
MAX_PERIODS = 200  # years listed with the empty ones between


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held within the calendar (no OverflowError)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def period(day: dt.date, granularity: str) -> tuple[str, dt.date, dt.date]:
    """(label, first day, last day) of the period of this granularity holding ``day``;
    the ISO weeks at either end of the calendar are cut at its ends. Years have four
    digits, as in the events' own ISO values ("0001-01", not "1-01")."""
    if granularity == "year":
        return f"{day.year:04d}", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if granularity == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return f"{day.year:04d}-{day.month:02d}", day.replace(day=1), day.replace(day=last)
    if granularity == "week":
        year, week, weekday = day.isocalendar()
        monday = add_days(day, 1 - weekday)
        return f"{year:04d}-W{week:02d}", monday, add_days(day, 7 - weekday)
    return day.isoformat(), day, day


def timeline_counts(dates: list[dt.date]) -> tuple[str, list[tuple[str, int]]]:
    """Counts per period, empty periods included, at a granularity fit for the span.

    Months up to ``MAX_MONTHS`` of span, then years; a span of more than
    ``MAX_PERIODS`` years (a stray date in year 1) lists the non-empty years only.
    """
    if not dates:
        return "month", []
    first, last = min(dates), max(dates)
    span = (last - first).days
    granularity = (
        "day"
        if span <= 21
        else "week"
        if span <= 120
        else "month"
        if span <= MAX_MONTHS * 31
        else "year"
    )
    counts = Counter(period(d, granularity)[0] for d in dates)
    if granularity == "year" and last.year - first.year >= MAX_PERIODS:
        return granularity, sorted(counts.items(), key=lambda kv: int(kv[0]))
    rows: list[tuple[str, int]] = []
    day = period(first, granularity)[1]
    while day <= last:
        label, _start, end = period(day, granularity)
        rows.append((label, counts.get(label, 0)))
        if end == dt.date.max:
            break
        day = add_days(end, 1)
    return granularity, rows
