"""Word tables for the temporal tagger: months, weekdays, numbers, units.

Everything here is immutable (tuples, frozensets, MappingProxyType) so the
module holds no mutable global state.
"""

from __future__ import annotations

import re
from types import MappingProxyType

MONTHS: MappingProxyType[str, int] = MappingProxyType(
    {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
        "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
        "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
        "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    }
)  # fmt: skip

MONTH_FULL = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")

WEEKDAYS: MappingProxyType[str, int] = MappingProxyType(
    {
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3,
        "wed": 3, "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5,
        "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    }
)  # fmt: skip
WEEKDAY_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBR = ("Mon", "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun")

ONES: MappingProxyType[str, int] = MappingProxyType(
    {
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19,
    }
)  # fmt: skip
TENS: MappingProxyType[str, int] = MappingProxyType(
    {
        "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    }
)  # fmt: skip
ORDINALS: MappingProxyType[str, int] = MappingProxyType(
    {
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
        "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
        "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
        "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30, "last": -1,
    }
)  # fmt: skip

# Vague quantities: the count is unknown ("a few days" -> PXD).
VAGUE = frozenset(
    {"few", "a few", "several", "some", "many", "a number of", "numerous", "dozens of"}
)

# unit word -> (ISO letter, is time-of-day unit, calendar granularity)
UNITS: MappingProxyType[str, tuple[str, bool]] = MappingProxyType(
    {
        "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
        "day": ("D", False), "night": ("D", False), "week": ("W", False),
        "fortnight": ("2W", False), "weekend": ("WE", False), "month": ("M", False),
        "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
        "century": ("CE", False), "millennium": ("ML", False),
    }
)  # fmt: skip

SEASONS: MappingProxyType[str, str] = MappingProxyType(
    {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
)
PARTS_OF_DAY: MappingProxyType[str, str] = MappingProxyType(
    {
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
        "overnight": "NI", "midday": "MI", "noon": "MI", "dawn": "MO", "daybreak": "MO",
    }
)  # fmt: skip

SET_ADVERBS: MappingProxyType[str, str] = MappingProxyType(
    {
        "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
        "biweekly": "P2W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
        "yearly": "P1Y", "biannually": "P6M", "semiannually": "P6M",
    }
)  # fmt: skip


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation, longest first so that 'seventeen' beats 'seven'."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


NUMBER_WORD_RX = (
    r"(?:(?:" + _alt(list(TENS)) + r")(?:[- ](?:" + _alt([w for w in ONES if ONES[w] < 10]) + r"))?"
    r"|" + _alt(list(ONES)) + r")"
)
ORDINAL_WORD_RX = (
    r"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    + _alt([w for w in ORDINALS if w != "last"])
    + r")"
)


_SPLIT_RX = re.compile(r"[\s-]+")
_DECIMAL_RX = re.compile(r"\d+(?:\.\d+)?")
_YEAR_WORDS_RX = re.compile(r"(nineteen|eighteen|twenty)\s+(.+)")


def word_number(text: str) -> int | None:
    """Value of a written number up to the thousands ('ninety-nine', 'two hundred')."""
    words = _SPLIT_RX.split(text.lower().replace(" and ", " "))
    total = 0
    current = 0
    seen = False
    for w in words:
        if not w or w == "and":
            continue
        if w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif w in ("a", "an"):
            current += 1
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif w == "dozen":
            current = max(current, 1) * 12
        elif w == "couple":
            current = 2
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """A count as written: '17', '1,000', '2 1/2', 'two', 'a', 'a dozen', 'one and a half'."""
    t = text.strip().lower()
    half = 0.0
    for suffix in (" and a half", "-and-a-half", " 1/2", "½"):
        if t.endswith(suffix):
            t = t[: -len(suffix)].strip()
            half = 0.5
            break
    if t == "":
        return half or None  # "½" alone
    if t in ("a", "an", "one"):
        return 1.0 + half
    if t in ("half a", "half an", "half"):
        return 0.5
    if t in ("a couple of", "a couple", "couple of"):
        return 2.0 + half
    digits = t.replace(",", "")
    if _DECIMAL_RX.fullmatch(digits):
        return float(digits) + half
    n = word_number(t)
    return None if n is None else float(n) + half


def year_words(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand (and) one' -> 2001."""
    t = text.lower().replace("-", " ")
    m = _YEAR_WORDS_RX.fullmatch(t)
    if m and not m.group(2).startswith(("hundred", "thousand")):
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m.group(1)]
        rest = m.group(2).replace("oh ", "").strip()
        n = word_number(rest)
        if n is not None and 0 < n < 100:
            return century * 100 + n
        return None
    n = word_number(t)
    if n is not None and 1000 <= n <= 2100:
        return n
    return None
