"""Calendar arithmetic on TIMEX3 values, and cheap tense cues from raw text.

Values keep their granularity (``2023``, ``2023-05``, ``2023-W36``,
``2023-Q1``, ``2023-SU``, ``199``, ``2023-05-09T14:00`` ...); the helpers
here shift them, turn them into inclusive day intervals, and find the
direction (past / future) a bare weekday or month should be read in.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from types import MappingProxyType
from typing import Literal

Tense = Literal["past", "future", "present"]

_DAY_RX = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_MONTH_RX = re.compile(r"^(\d{4})-(\d\d)$")
_WEEK_RX = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_YEAR_RX = re.compile(r"^(\d{4})$")
_QUARTER_RX = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF_RX = re.compile(r"^(\d{4})-H([12])$")
_SEASON_RX = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE_RX = re.compile(r"^(\d{3})$")
_CENTURY_RX = re.compile(r"^(\d{2})$")

MIN_YEAR = 1
MAX_YEAR = 9999


def ymd(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the parts do not name one (February 30, year 0)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_value(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def week_value(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def add_days(d: dt.date, n: int) -> dt.date | None:
    try:
        return d + dt.timedelta(days=n)
    except OverflowError:
        return None


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def season_of(d: dt.date) -> tuple[int, str]:
    """Meteorological season; a winter is named by the year it starts in (Dec)."""
    if d.month in (3, 4, 5):
        return d.year, "SP"
    if d.month in (6, 7, 8):
        return d.year, "SU"
    if d.month in (9, 10, 11):
        return d.year, "FA"
    return (d.year if d.month == 12 else d.year - 1), "WI"


_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def shift_season(year: int, season: str, n: int) -> tuple[int, str]:
    k = year * 4 + _SEASON_ORDER.index(season) + n
    return k // 4, _SEASON_ORDER[k % 4]


def weekday_in_week(d: dt.date, weekday: int) -> dt.date:
    """The day with ISO ``weekday`` (1=Monday) in the ISO week of ``d``."""
    return d + dt.timedelta(days=weekday - d.isoweekday())


def resolve_weekday(dct: dt.date, weekday: int, direction: int) -> dt.date:
    """Weekday relative to ``dct``.

    ``direction`` -1: the most recent such day on or before the dct (past
    clause; "said Tuesday" on a Tuesday is the dct itself); +1: the next
    one on or after the dct; -2 / +2: strictly before / after ("last
    Friday", "next Friday"); 0: the nearest one (a present-tense clause).
    """
    diff = weekday - dct.isoweekday()
    if direction == 0:
        back = diff if diff <= 0 else diff - 7
        ahead = diff if diff >= 0 else diff + 7
        return dct + dt.timedelta(days=back if -back < ahead else ahead)
    if direction == -1:
        return dct + dt.timedelta(days=diff if diff <= 0 else diff - 7)
    if direction == 1:
        return dct + dt.timedelta(days=diff if diff >= 0 else diff + 7)
    if direction == -2:
        return dct + dt.timedelta(days=diff if diff < 0 else diff - 7)
    return dct + dt.timedelta(days=diff if diff > 0 else diff + 7)


def granularity(value: str) -> str | None:
    """'day', 'week', 'month', 'quarter', 'half', 'season', 'year', 'decade', 'century'."""
    if _DAY_RX.match(value):
        return "day"
    for rx, name in (
        (_MONTH_RX, "month"),
        (_WEEK_RX, "week"),
        (_YEAR_RX, "year"),
        (_QUARTER_RX, "quarter"),
        (_HALF_RX, "half"),
        (_SEASON_RX, "season"),
        (_DECADE_RX, "decade"),
        (_CENTURY_RX, "century"),
    ):
        if rx.match(value):
            return name
    return None


def interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The inclusive days a calendar value covers; None for durations, refs, sets."""
    try:
        return _interval(value)
    except (ValueError, OverflowError):
        return None


def _interval(value: str) -> tuple[dt.date, dt.date] | None:
    m = _DAY_RX.match(value)
    if m:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return d, d
    m = _MONTH_RX.match(value)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    m = _WEEK_RX.match(value)
    if m:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m.group(3):
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    m = _YEAR_RX.match(value)
    if m:
        y = int(m.group(1))
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = _QUARTER_RX.match(value)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        end_month = q * 3
        return (
            dt.date(y, end_month - 2, 1),
            dt.date(y, end_month, calendar.monthrange(y, end_month)[1]),
        )
    m = _HALF_RX.match(value)
    if m:
        y, h = int(m.group(1)), int(m.group(2))
        return (
            (dt.date(y, 1, 1), dt.date(y, 6, 30))
            if h == 1
            else (
                dt.date(y, 7, 1),
                dt.date(y, 12, 31),
            )
        )
    m = _SEASON_RX.match(value)
    if m:
        y, s = int(m.group(1)), m.group(2)
        if s == "WI":
            return dt.date(y, 12, 1), dt.date(y + 1, 3, 1) - dt.timedelta(days=1)
        first = {"SP": 3, "SU": 6, "FA": 9}[s]
        return dt.date(y, first, 1), dt.date(y, first + 2, calendar.monthrange(y, first + 2)[1])
    m = _DECADE_RX.match(value)
    if m:
        y = int(m.group(1)) * 10
        return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31)
    m = _CENTURY_RX.match(value)
    if m:
        y = int(m.group(1)) * 100
        return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    return None


def shift_value(value: str, n: int, unit: str) -> str | None:
    """Move a calendar value by ``n`` units, keeping its granularity where it can.

    ``unit`` is one of D, W, M, Q, Y. A day value moved by weeks stays a day;
    a quarter moved by years stays a quarter ("a year earlier" after "the
    third quarter" is the year-ago third quarter).
    """
    try:
        return _shift_value(value, n, unit)
    except (ValueError, OverflowError):
        return None


def _shift_value(value: str, n: int, unit: str) -> str | None:
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120}.get(unit)
    m = _DAY_RX.match(value)
    if m:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if unit in ("D", "W"):
            out = add_days(d, n * (7 if unit == "W" else 1))
            return None if out is None else day_value(out)
        assert months is not None
        y, mo = add_months(d.year, d.month, n * months)
        day = min(d.day, calendar.monthrange(y, mo)[1])
        return day_value(dt.date(y, mo, day))
    m = _MONTH_RX.match(value)
    if m and months:
        return month_value(*add_months(int(m.group(1)), int(m.group(2)), n * months))
    m = _WEEK_RX.match(value)
    if m and unit in ("W", "D"):
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return week_value(monday + dt.timedelta(days=7 * n if unit == "W" else n))
    if m and unit == "Y":
        return f"{int(m.group(1)) + n:04d}-W{m.group(2)}"
    m = _QUARTER_RX.match(value)
    if m and unit in ("Q", "Y"):
        k = int(m.group(1)) * 4 + int(m.group(2)) - 1 + (n if unit == "Q" else 4 * n)
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    m = _HALF_RX.match(value)
    if m and unit == "Y":
        return f"{int(m.group(1)) + n:04d}-H{m.group(2)}"
    m = _SEASON_RX.match(value)
    if m and unit == "Y":
        return f"{int(m.group(1)) + n:04d}-{m.group(2)}"
    m = _YEAR_RX.match(value)
    if m and unit in ("Y", "DE"):
        return f"{int(m.group(1)) + n * (10 if unit == 'DE' else 1):04d}"
    return None


def shift_month_by_days(value: str, mod: str | None, days: int) -> tuple[str, str | None] | None:
    """A month value (with its mod) moved by ``days``, at month granularity.

    "Two weeks later" after "late May" is early to mid June: the part of the
    month the mod names (thirds: START, MID, END) is moved, and the month
    holding its middle is the result; a mod is kept where the moved part
    falls inside one third of that month.
    """
    m = _MONTH_RX.match(value)
    if not m:
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    last = calendar.monthrange(y, mo)[1]
    lo, hi = {"START": (1, 10), "MID": (11, 20), "END": (21, last)}.get(mod or "", (1, last))
    try:
        a = dt.date(y, mo, lo) + dt.timedelta(days=days)
        b = dt.date(y, mo, hi) + dt.timedelta(days=days)
    except OverflowError:
        return None
    mid = a + (b - a) / 2
    if (a.year, a.month) != (mid.year, mid.month):
        a = mid.replace(day=1)
    if (b.year, b.month) != (mid.year, mid.month):
        b = mid.replace(day=calendar.monthrange(mid.year, mid.month)[1])
    third = {1 if d.day <= 10 else 2 if d.day <= 20 else 3 for d in (a, b)}
    part = {1: "START", 2: "MID", 3: "END"}[third.pop()] if len(third) == 1 else None
    return month_value(mid.year, mid.month), part


def truncate(value: str, unit: str) -> str | None:
    """The enclosing value at a coarser granularity: ('2023-05-09', 'Y') -> '2023'."""
    iv = interval(value)
    if iv is None:
        return None
    d = iv[0]
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "M":
        return month_value(d.year, d.month)
    if unit == "W":
        return week_value(d)
    if unit == "D":
        return day_value(d)
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    return None


# ---- tense cues ---------------------------------------------------------------

_FUTURE_WORDS = frozenset(
    {"will", "won't", "shall", "'ll", "gonna", "upcoming", "next", "forthcoming", "scheduled",
     "slated", "would"}
)  # fmt: skip
# "planned a rally on Saturday": the planned event lies ahead
_PLANNED = frozenset({"to", "a", "an", "another", "more", "further", "new"})
# first word -> second words that make a future cue with it ("plans to")
_FUTURE_PAIRS = MappingProxyType({
    "going": {"to"}, "plans": _PLANNED, "plan": {"to"}, "planning": _PLANNED, "planned": _PLANNED,
    "expected": {"to"}, "expects": {"to"}, "expect": {"to"}, "hopes": {"to"}, "hope": {"to"},
    "due": {"to", "on", "in"}, "set": {"to"}, "intends": {"to"}, "intend": {"to"},
    "aims": {"to"}, "aim": {"to"}, "is": {"to"}, "are": {"to"}, "to": {"be"},
})  # fmt: skip
_PAST_WORDS = frozenset(
    {"said", "told", "was", "were", "had", "did", "didn't", "came", "went", "took", "made",
     "gave", "met", "left", "began", "won", "lost", "saw", "found", "held", "fell", "rose",
     "got", "put", "sent", "spoke", "wrote", "became", "brought", "ran", "ago", "last",
     "earlier", "previously"}
)  # fmt: skip
# intent words in a past form: after the expression they date the plan, not the event
_PAST_INTENT_WORDS = frozenset({"planned", "expected", "hoped", "intended", "aimed", "set"})
_FALSE_PAST = frozenset(
    {
        "scheduled", "expected", "planned", "need", "speed", "seed", "feed", "indeed",
        "bed", "red", "shed", "hundred", "united", "limited", "based", "related",
        "armed", "detailed", "advanced", "interested", "concerned", "proposed",
        "supposed", "used", "alleged", "unnamed", "named", "so-called", "embed",
    }
)  # fmt: skip
# words after which an -ed form is an adjective, not a past-tense verb
_ADJ_BEFORE = frozenset(
    {"a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "this", "that",
     "these", "those", "still", "newly", "recently", "previously", "already"}
)  # fmt: skip
_WORDS_RX = re.compile(r"[A-Za-z][A-Za-z']*|'ll")
_DEADLINE_RX = re.compile(
    r"\b(?:until|till|by|as\s+(?:soon|early|late)\s+as|no\s+later\s+than|starting|beginning"
    r"|effective|payable|due)(?:\s+(?:on|at))?\s+$",
    re.IGNORECASE,
)
# a past perfect right after a fronted expression: "Until Thursday, the police had not ..."
_RIGHT_PERFECT_RX = re.compile(
    r"[\s,]*(?:[\w'’.-]+\s+){0,4}had\s+(?:not\s+|never\s+|already\s+|been\s+)?[a-z]+(?:ed|en)\b",
    re.IGNORECASE,
)
_PERFECT_RX = re.compile(r"\bhad\s+(?:not\s+|been\s+)?[a-z]+(?:ed|en)\b", re.IGNORECASE)
_BOUNDARY_RX = re.compile(r"[.!?;\n](?:\s|$)|``|''|\"")
# a full stop after these ends an abbreviation, not the sentence ("U.K. Prime Minister")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt sgt rep sen gov st jr sr prof inc corp co ltd vs no jan feb mar apr"
    " jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun".split()
)
_WORD_BEFORE_STOP_RX = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _boundaries(text: str) -> list[re.Match[str]]:
    """Sentence or quotation boundaries in ``text``, abbreviations left out."""
    out = []
    for m in _BOUNDARY_RX.finditer(text):
        if m.group().startswith("."):
            word = _WORD_BEFORE_STOP_RX.search(text, max(0, m.start() - 12), m.start() + 1)
            if word and (len(word.group(1).replace(".", "")) == 1 or "." in word.group(1)
                         or word.group(1).lower() in _ABBREVIATIONS):  # fmt: skip
                continue
        out.append(m)
    return out


_PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "not", "never", "already"})
_PAST_EED = frozenset({"agreed", "freed", "guaranteed", "decreed", "disagreed", "refereed"})


def _word_tense(words: list[str], i: int) -> Tense | None:
    """The cue word ``words[i]`` (lowercased) signals, if any."""
    w = words[i]
    future = w in _FUTURE_WORDS or (
        w in _FUTURE_PAIRS and i + 1 < len(words) and words[i + 1] in _FUTURE_PAIRS[w]
    )
    if future and w == "next" and i + 1 < len(words) and words[i + 1] == "to":
        future = False  # "next to the embassy": a place
    if future:
        if "had" in words[max(0, i - 2) : i] and w != "would":
            return "past"  # "had been due to expire Friday": a plan that is now past
        return "future"
    if w == "says":
        return "present"
    if w in _PAST_WORDS or (w == "been" and i > 0 and words[i - 1] in _PERFECT_AUX):
        return "past"  # "has been on patrol since March"
    if w.endswith("eed") and w not in _PAST_EED:
        return None  # "succeed", "exceed", "need": not past forms
    if len(w) > 4 and w.endswith("ed") and w not in _FALSE_PAST:
        if i > 0 and words[i - 1] in _ADJ_BEFORE:
            return None  # "a still unspecified date", "the revised plan": an adjective
        return "past"
    return None


def text_tense(text: str, start: int, end: int) -> Tense | None:
    """Direction cue for an expression at [start, end) from nearby words.

    The nearest cue in the same sentence (up to ~25 words left, ~20 right)
    wins: a modal or scheduling word ("will", "is scheduled to", "plans to")
    points forward, a past-tense verb backward; "until", "by", "as early
    as" right before the expression mark a deadline (forward). Cheap on
    purpose: plain word lists over a small window.
    """
    left = text[max(0, start - 160) : start]
    right = text[end : min(len(text), end + 120)]
    stops = _boundaries(left)
    if stops:
        left = left[stops[-1].end() :]
    after = _boundaries(right)
    if after:
        right = right[: after[0].start()]
    if _DEADLINE_RX.search(left) and not _PERFECT_RX.search(left):
        if not _RIGHT_PERFECT_RX.match(right):
            return "future"  # "until Tuesday", "as early as Friday", "by Dec. 15"
        # "Until Thursday, they had not called him a suspect": a past deadline
    possessive = text[end : end + 2] in ("'s", "’s")
    lw = [w.lower() for w in _WORDS_RX.findall(left)]
    if possessive:  # "get around Wednesday's ruling": the ruling is a fact, not a plan
        lw = [w for w in lw if w != "would"]
    for i in range(len(lw) - 1, -1, -1):
        tense = _word_tense(lw, i)
        if tense:
            return tense
    rw = [w.lower() for w in _WORDS_RX.findall(right)]
    for i in range(len(rw)):
        tense = _word_tense(rw, i)
        if tense == "future" and rw[i] in _PAST_INTENT_WORDS:
            continue  # "On Friday, the government planned ...": the plan, not its date
        if tense:
            return tense
    return None
