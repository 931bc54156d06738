"""When four digits are a clock time ("1230 GMT", "by 1100 (1600 GMT)", a live-blog
"1808"), and the evidence a bare four-digit number needs before it is read as a year.

Agency copy and live pages write times as ``hhmm``; read as years they put
"Just after 1230 GMT a flight left" in the year 1230. A number that is a
valid ``hhmm`` (hh < 24, mm < 60) is a clock time when a time zone follows it,
when a clock time in brackets restates it, or when it opens a line the way
live-blog entries do (at least two such lines in the text). Otherwise a bare
number is a year only with year evidence: a preposition ("in", "since"), a
prefix ("fiscal"), or a value plausible next to the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.annotate.timex.patterns import CLOCK_ZONE, Ctx

HHMM = r"(?:[01]\d|2[0-3])[0-5]\d"
OPEN = r"(?:\(|-LRB-|\[|-LSB-)"
# a clock time in brackets right after the number: "by 1100 (1600 GMT)"
RESTATED = r"\s*" + OPEN + r"\s*" + HHMM + r"\s*" + CLOCK_ZONE
_RESTATED_RX = re.compile(RESTATED)
# an opening bracket right before the number
OPENED_RX = re.compile(OPEN + r"\s*$")
# a live-blog entry: the time alone on its line, or before a capitalized sentence
LINE_OPENING = r"(?:(?<=\n)|(?<=\n[ \t])|(?<![\s\S]))"
STAMP = r"(?P<hhmm>" + HHMM + r")(?=[ \t]*(?:\r?\n|$)|[ \t]+(?-i:[\"“`'‘A-Z]))"
_STAMP_RX = re.compile(LINE_OPENING + STAMP)
# a live-blog entry written "1914: We also expect ...", which a chronology writes too
# ("1914: War breaks out"): see ``colon_stamped``
COLON_STAMP = r"(?P<hhmm>" + HHMM + r")(?=:[ \t]+(?-i:[\"“`'‘A-Z]))"
_COLON_STAMP_RX = re.compile(LINE_OPENING + COLON_STAMP)
LINE_END_RX = re.compile(r"[ \t]*(?:\r?\n|$)")

# How far from the publication year a bare number may be read as a year without
# a preposition or a prefix: history reaches back, plans and forecasts a little ahead.
YEARS_BACK = 100
YEARS_AHEAD = 30


def is_hhmm(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and int(digits[:2]) < 24 and int(digits[2:]) < 60


# Lines opening with a time that make a text a live page, not a one-off number.
LIVE_PAGE_STAMPS = 2


def stamps(text: str) -> int:
    """How many lines of ``text`` open with a live-blog time."""
    return sum(1 for _ in _STAMP_RX.finditer(text))


def live_page(text: str) -> bool:
    """Whether ``text`` is a live page: at least ``LIVE_PAGE_STAMPS`` lines open with a time."""
    return stamps(text) >= LIVE_PAGE_STAMPS


def minutes(hhmm: str) -> int:
    """Minutes after midnight of an ``hhmm`` time ("1817" is 1,097)."""
    return int(hhmm[:2]) * 60 + int(hhmm[2:])


def line_stamps(text: str) -> list[tuple[int, int]]:
    """(character offset, minutes after midnight) of each live-blog time opening a line."""
    return [(m.start(), minutes(m.group("hhmm"))) for m in _STAMP_RX.finditer(text)]


def clock_number(ctx: Ctx, start: int, end: int) -> bool:
    """Whether the four digits at [start, end) are a clock time, not a year."""
    digits = ctx.text[start:end]
    if not is_hhmm(digits):
        return False
    if re.match(r"\s*" + CLOCK_ZONE, ctx.text[end : end + 20]):
        return True
    if _RESTATED_RX.match(ctx.text, end):
        return True
    return _STAMP_RX.match(ctx.text, start) is not None and stamped(ctx)


def year_evidence(ctx: Ctx, year: int, prev: str, start: int, end: int) -> bool:
    """Whether a bare four-digit ``year`` (no prefix, no part word) reads as one.

    ``prev`` is the word before it, lowercased.
    """
    if clock_number(ctx, start, end):
        return False
    if is_hhmm(ctx.text[start:end]) and not _plausible(ctx.dct, year):
        if prev == "at":
            return False  # "at 1100": a time; "at 2008 prices" stays a year
        if prev in _ORDER_PREPS and writes_hhmm(ctx):
            # "shortly after 1100", "until 1221" in a text that also writes "at
            # about 1100": its times are hhmm; "after 1453" elsewhere stays a year
            return False
    return prev in _YEAR_PREPS or _plausible(ctx.dct, year)


# Prepositions that take a year or a time alike.
_ORDER_PREPS = frozenset({"after", "before", "until", "till", "by", "from"})
# A number only a clock time fits: "at 1100", "at about 1040", "between 1040 and".
_CLOCK_CONTEXT_RX = re.compile(
    r"\b(?:at|between)\s+(?:about\s+|around\s+|approximately\s+)?(?P<hhmm>" + HHMM + r")\b",
    re.IGNORECASE,
)


def writes_hhmm(ctx: Ctx) -> bool:
    """Whether the text writes clock times as bare ``hhmm``: a number after "at" or
    "between" that no year near the publication date fits."""
    if "writes_hhmm" not in ctx.cache:  # read once per text
        ctx.cache["writes_hhmm"] = any(
            not _plausible(ctx.dct, int(m.group("hhmm")))
            for m in _CLOCK_CONTEXT_RX.finditer(ctx.text)
        )
    return bool(ctx.cache["writes_hhmm"])


# after these a number names a year however far back ("in 1804", "since 1900")
_YEAR_PREPS = frozenset(
    {"in", "since", "of", "by", "from", "until", "till", "during", "before", "after", "circa"}
)


def _plausible(dct: dt.date | None, year: int) -> bool:
    if not 1800 <= year <= 2100:
        return False
    if dct is None:
        return True
    return dct.year - YEARS_BACK <= year <= dct.year + YEARS_AHEAD


def stamped(ctx: Ctx) -> bool:
    """At least two lines open with a time: a live page, not a one-off number."""
    if "stamps" not in ctx.cache:  # counted once per text
        ctx.cache["stamps"] = stamps(ctx.text)
    return ctx.cache["stamps"] >= LIVE_PAGE_STAMPS


def colon_stamped(ctx: Ctx) -> bool:
    """Lines open with "hhmm:" as a live page's entries, not a chronology's years: at
    least two, and one no year fits (before 1500, or after the publication year:
    "2013: President Obama's tone is firm" on a page of 2010)."""
    if "colon_stamped" not in ctx.cache:  # read once per text
        numbers = [int(m.group("hhmm")) for m in _COLON_STAMP_RX.finditer(ctx.text)]
        ctx.cache["colon_stamped"] = len(numbers) >= LIVE_PAGE_STAMPS and any(
            n < 1500 or (ctx.dct is not None and n > ctx.dct.year) for n in numbers
        )
    return bool(ctx.cache["colon_stamped"])
