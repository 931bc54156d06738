"""Rules for clock times: "at 2 p.m.", "noon Saturday", "5 p.m. EST, Nov. 6".

The day of a clock time is the one named with it, the one named just
before it, or the dct.
"""

from __future__ import annotations

import re

from storyline.annotate.timex import anchor as A
from storyline.annotate.timex.lexicon import WEEKDAYS, word_number
from storyline.annotate.timex.patterns import (
    DAY,
    MONTH,
    NUMBER_WORD_RX,
    TZ,
    WEEKDAY,
    YEAR4,
    Ctx,
    Res,
    Rule,
    approx_trim,
    pre_mod,
    rule,
)
from storyline.annotate.timex.rules_dates import day_num, infer_year, month_num
from storyline.annotate.timex.rules_relative import TODAY_SHIFT, dct_value, weekday_date

_MONTH_DAY_RX = re.compile(r"(\w+)\.?\s*(\d+)")


def _clock(m: re.Match[str], ctx: Ctx) -> Res | None:
    g = m.groupdict()
    hour: int | None = None
    minute = 0
    if g["noon"]:
        word = g["noon"].lower()
        if ctx.previous_word(m.start()).lower() == "high":
            return None  # "high noon": an idiom
        hour, minute = (24, 0) if word == "midnight" else (12, 0)
    else:
        raw_h = g["h"] or g["h2"] or g["h4"] or g["h5"]
        if g["h3"]:
            hour, minute = int(g["h3"][:2]), int(g["h3"][2:])
        elif raw_h:
            hour = int(raw_h) if raw_h.isdigit() else word_number(raw_h)
            minute = int(g["mi"] or g["mi2"] or 0)
        if hour is None or hour > 24 or minute > 59:
            return None
        ap = (g["ap"] or g["ap5"] or "").lower().replace(".", "").replace(" ", "")
        if ap in ("pm", "afternoon", "evening") and hour < 12:
            hour += 12
        elif ap in ("am", "morning") and hour == 12:
            hour = 0
        elif not ap and hour > 24:
            return None
        if ap in ("am", "pm") and not 1 <= int(raw_h or 0) <= 12 and not g["h3"]:
            return None
    day = _clock_day(m, ctx)
    mod = pre_mod(g.get("pm")) or ("APPROX" if g.get("pm") else None)
    anchor = "dct" if ctx.dct else "none"
    return Res(
        "TIME", f"{day}T{hour:02d}:{minute:02d}", mod, anchor, trim_start=approx_trim(m, "pm")
    )


# a bracket between the time and its day: "at 1425 local time (1925 GMT) on Thursday"
_BRACKET = r"(?:\s*(?:\([^()]{1,25}\)|-LRB-[^()]{1,25}?-RRB-))?"
_DAY_AFTER_RX = re.compile(
    _BRACKET
    + r",?\s+(?:on\s+|this\s+)?((?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|today|yesterday|tomorrow)\b",
    re.IGNORECASE,
)

# "at 6:30 pm on February 11, 2013", "at 1930 CDT on 1 June": the date named right
# after, its year if written
_DATE_AFTER_RX = re.compile(
    _BRACKET
    + r",?\s+on\s+(?:"
    + WEEKDAY
    + r",?\s+)?(?:(?P<mon>"
    + MONTH
    + r")\s*(?P<day>"
    + DAY
    + r")"
    r"|(?P<day2>"
    + DAY
    + r")\s+(?:of\s+)?(?P<mon2>"
    + MONTH
    + r"))(?:\s*,?\s*(?P<year>"
    + YEAR4
    + r"))?",
    re.IGNORECASE,
)


def _calendar_day(
    ctx: Ctx, m: re.Match[str], month_word: str, day_word: str, year_word: str | None
) -> str | None:
    """The day of a month and day named with a clock time; the written year, else inferred."""
    month, day = month_num(month_word), day_num(day_word)
    year = int(year_word) if year_word else infer_year(ctx, month, day, m.start(), m.end())
    d = A.ymd(year, month, day) if year else None
    return A.day_value(d) if d is not None else None


def _clock_day(m: re.Match[str], ctx: Ctx) -> str:
    ref = m.group("dayref")
    if ref:
        r = ref.lower()
        if r in TODAY_SHIFT:
            return dct_value(ctx, "D", TODAY_SHIFT[r]) or "XXXX-XX-XX"
        if r.rstrip(".") in WEEKDAYS:
            got = weekday_date(ctx, WEEKDAYS[r.rstrip(".")], "", m.start(), m.end())
            return got[0] if got else "XXXX-XX-XX"
        md = _MONTH_DAY_RX.match(ref)
        if md:
            found = _calendar_day(ctx, m, md.group(1), md.group(2), m.group("dyear"))
            if found is not None:
                return found
    return named_day(m, ctx) or dct_value(ctx, "D") or "XXXX-XX-XX"


def named_day(m: re.Match[str], ctx: Ctx) -> str | None:
    """The day of a clock time at ``m`` that the text names around it: a date or a day
    right after it, or one just before it (None: no day is named)."""
    # "at midnight on Sunday": the day named right after
    dated = _DATE_AFTER_RX.match(ctx.text, m.end())
    if dated:
        month = dated.group("mon") or dated.group("mon2")
        day = dated.group("day") or dated.group("day2")
        found = _calendar_day(ctx, m, month, day, dated.group("year"))
        if found is not None:
            return found
    after = _DAY_AFTER_RX.match(ctx.text, m.end())
    if after:
        word = after.group(1).lower()
        if word in TODAY_SHIFT:
            return dct_value(ctx, "D", TODAY_SHIFT[word]) or "XXXX-XX-XX"
        got = weekday_date(ctx, WEEKDAYS[word], "", m.start(), m.end())
        return got[0] if got else "XXXX-XX-XX"
    # "Tuesday at 2 p.m.": the day named just before
    prev = ctx.reference(m.start(), 25)
    if prev is not None and A.granularity(prev[0]) == "day":
        return prev[0][:10]
    return None


RULES: tuple[Rule, ...] = (
    rule(
        "clock",
        r"(?:(?P<pm>about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+"
        r"(?:before|after))\s+)?(?:(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?"
        r"|(?-i:[ap]m|[AP]M))(?![a-z])|(?P<h2>\d{1,2}):(?P<mi2>[0-5]\d)(?=\s*(?:" + TZ + r"))"
        r"|(?P<h3>(?!))|(?P<noon>noon|midnight|"
        r"midday)|(?P<h4>\d{1,2}|"
        + NUMBER_WORD_RX
        + r")\s+o['’]clock|(?P<h5>\d{1,2}|"
        + NUMBER_WORD_RX
        + r")\s+in\s+the\s+(?P<ap5>morning|afternoon|evening))"
        r"(?:\s*(?:"
        + TZ
        + r"))?(?:,?\s+(?P<dayref>"
        + WEEKDAY
        + r"|today|yesterday|tomorrow|"
        + MONTH
        + r"\s*"
        + DAY
        + r"(?:\s*,?\s*(?P<dyear>"
        + YEAR4
        + r"))?))?",
        _clock,
        priority=2,
    ),
)
