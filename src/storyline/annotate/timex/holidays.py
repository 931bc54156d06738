"""Calendar arithmetic for named holidays ("Christmas", "Labor Day", "Easter")."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

_FIXED = MappingProxyType(
    {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
     "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
     "independence day": (7, 4), "the fourth of july": (7, 4), "july fourth": (7, 4),
     "valentine's day": (2, 14), "veterans day": (11, 11), "boxing day": (12, 26),
     "may day": (5, 1), "new year's": (1, 1), "st. patrick's day": (3, 17)}
)  # fmt: skip


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    d = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7)
    if n > 0:
        return d + dt.timedelta(weeks=n - 1)
    while (d + dt.timedelta(weeks=1)).month == month:
        d += dt.timedelta(weeks=1)
    return d


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The day a named holiday falls on in ``year`` (None for an unknown name)."""
    n = " ".join(name.lower().replace("’", "'").split())
    if n in _FIXED:
        return dt.date(year, *_FIXED[n])
    if n.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 4, 4)
    if n.startswith("easter"):
        return _easter(year)
    if n == "good friday":
        return _easter(year) - dt.timedelta(days=2)
    if n == "memorial day":
        return _nth_weekday(year, 5, 1, -1)
    if n == "labor day":
        return _nth_weekday(year, 9, 1, 1)
    if n == "election day":
        return _nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    if n.startswith("martin luther king"):
        return _nth_weekday(year, 1, 1, 3)
    return None
