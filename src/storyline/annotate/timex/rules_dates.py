"""Rules for calendar dates: explicit days, months, years, decades, quarters, seasons."""

from __future__ import annotations

import datetime as dt
import re
from types import MappingProxyType

from storyline.annotate.timex import anchor as A
from storyline.annotate.timex.hhmm import year_evidence
from storyline.annotate.timex.holidays import holiday_date
from storyline.annotate.timex.lexicon import MONTHS, ORDINALS, WEEKDAYS, word_number, year_words
from storyline.annotate.timex.patterns import (
    DAY,
    MONTH,
    MONTH_NAME,
    ORDINAL,
    PART,
    PREPOSITIONS,
    SEASON,
    WEEKDAY_ANY,
    YEAR4,
    YEAR_APOS,
    YEAR_WORDS,
    Ctx,
    Res,
    Rule,
    part_mod,
    rule,
)

_QUARTER_WORDS = MappingProxyType({"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                  "fourth": 4, "4th": 4, "final": 4, "last": 4})  # fmt: skip
_SEASONS = MappingProxyType(
    {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
)


_DIGITS_RX = re.compile(r"\d+")
_ORD_SUFFIX_RX = re.compile(r"(st|nd|rd|th)$")
_YEAR4_RX = re.compile(r"\d{4}")
_APOS_YEAR_RX = re.compile(r"['’]\d\d")
_DECADE4_RX = re.compile(r"(\d{3})0s")
_DECADE2_RX = re.compile(r"'?(\d)0s")
_ADJ_QUARTER_RX = re.compile(r"\w-(?:fiscal-)?quarter$", re.IGNORECASE)
_REL_WORD_RX = re.compile(r"(this|last|next|the|current)")
_ANY_YEAR_RX = re.compile(r"\d{4}|['’]\d\d")


def month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(". ")]


def day_num(word: str) -> int:
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    digits = _DIGITS_RX.match(w)
    if digits:
        return int(digits.group())
    n = word_number(_ORD_SUFFIX_RX.sub("", w))
    if n is None:
        w2 = w.replace("-", " ").split()
        if len(w2) == 2 and w2[1] in ORDINALS and w2[0] in ("twenty", "thirty"):
            return (20 if w2[0] == "twenty" else 30) + ORDINALS[w2[1]]
        return 0
    return n


def year_num(word: str, dct: dt.date | None) -> int | None:
    w = word.strip()
    if _YEAR4_RX.fullmatch(w):
        return int(w)
    if _APOS_YEAR_RX.fullmatch(w):
        yy = int(w[1:])
        base = dct.year if dct else 2000
        century = base // 100 * 100
        year = century + yy
        return year - 100 if year > base + 10 else year
    return year_words(w)


def infer_year(ctx: Ctx, month: int, day: int | None, start: int, end: int) -> int | None:
    """The year of a month (and day) given without one, from the dct and tense.

    The occurrence closest to the dct wins, inside a window that leans back
    in a past clause (up to 9 months before, 3 after), forward in a future
    one, and slightly back with no cue (news mostly reports the past).
    """
    dct = ctx.dct
    if dct is None:
        return None
    tense = ctx.tense(start, end)
    if day is None:  # whole months: count in months
        lo, hi = {"past": (-10, 0), "future": (0, 10)}.get(tense or "", (-6, 5))
        for year in (dct.year, dct.year - 1, dct.year + 1):
            diff = (year - dct.year) * 12 + month - dct.month
            if lo <= diff <= hi:
                return year
        return dct.year
    lo, hi = {"past": (-270, 95), "future": (-95, 300)}.get(tense or "", (-240, 125))
    for year in (dct.year, dct.year - 1, dct.year + 1):
        d = A.ymd(year, month, day)
        if d is None:
            continue
        if lo <= (d - dct).days <= hi:
            return year
    return dct.year


def _day_res(ctx: Ctx, m: re.Match[str], month: int, day: int, year: int | None) -> Res | None:
    if not 1 <= day <= 31:
        return None
    if year is None:
        year = infer_year(ctx, month, day, m.start(), m.end())
        if year is None:
            if A.ymd(2000, month, day) is None:  # 2000 is a leap year: Feb 29 allowed
                return None
            return Res("DATE", f"XXXX-{month:02d}-{day:02d}", anchor="none")
        if A.ymd(year, month, day) is None and month == 2 and day == 29:
            # Feb 29 with no year: the nearest leap year in the inferred direction
            y2 = year
            while A.ymd(y2, 2, 29) is None:
                y2 -= 1
            year = y2
    d = A.ymd(year, month, day)
    if d is None:
        return None
    return Res("DATE", A.day_value(d))


# ---- explicit days ------------------------------------------------------------


def _month_day(m: re.Match[str], ctx: Ctx) -> Res | None:
    month = month_num(m.group("mon"))
    day = day_num(m.group("day"))
    year = year_num(m.group("year"), ctx.dct) if m.group("year") else None
    res = _day_res(ctx, m, month, day, year)
    if res is not None and year is not None and m.group("year")[0].isdigit():
        return Res(res.type, res.value, res.mod, "none")  # fully explicit
    if res is not None and m.group("wd") and year is None and ctx.dct is not None:
        # a weekday next to a yearless date can settle the year
        wd = WEEKDAYS[m.group("wd").lower().rstrip(". ")]
        for y in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1):
            d = A.ymd(y, month, day)
            if d is not None and d.isoweekday() == wd:
                return Res("DATE", A.day_value(d))
    return res


def _iso(m: re.Match[str], ctx: Ctx) -> Res | None:
    d = A.ymd(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if d is None:
        return None
    if m.group("H"):
        hh, mm = int(m.group("H")), int(m.group("M"))
        if hh > 24 or mm > 59:
            return None
        return Res("TIME", f"{A.day_value(d)}T{hh:02d}:{mm:02d}", anchor="none")
    return Res("DATE", A.day_value(d), anchor="none")


def _numeric(m: re.Match[str], ctx: Ctx) -> Res | None:
    a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
    year = int(y)
    if len(y) == 2:
        base = ctx.dct.year if ctx.dct else 2000
        year = base // 100 * 100 + year
        if year > base + 10:
            year -= 100
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
    d = A.ymd(year, month, day)
    return None if d is None else Res("DATE", A.day_value(d), anchor="none")


# ---- months -------------------------------------------------------------------


_MONTH_OK_BEFORE = PREPOSITIONS | {"the", "this", "last", "next", "early", "late", "mid"}


def _month(m: re.Match[str], ctx: Ctx) -> Res | None:
    name = m.group("mon")
    month = month_num(name)
    mod = part_mod(m.group("part"))
    rel = (m.group("rel") or "").lower()
    rel = " ".join(rel.split())
    if rel in ("early", "late", "mid", "mid-"):
        mod = part_mod(rel)
        rel = ""
    year: int | None = None
    if m.group("year"):
        year = year_num(m.group("year"), ctx.dct)
        if year is None:
            return None
        return Res("DATE", A.month_value(year, month), mod, "none")
    elif m.group("yrel"):
        if ctx.dct is None:
            return Res("DATE", f"XXXX-{month:02d}", mod, anchor="none")
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m.group("yrel").lower()]
    elif rel:
        if ctx.dct is None:
            return Res("DATE", f"XXXX-{month:02d}", mod, anchor="none")
        if rel in ("last", "this past", "past"):
            # "last February" said in March means a year before, not the month just gone
            year = ctx.dct.year if month < ctx.dct.month - 1 else ctx.dct.year - 1
            if rel == "this past" and month < ctx.dct.month:
                year = ctx.dct.year
        elif rel in ("next", "this coming", "coming"):
            year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
        else:  # "this March"
            year = ctx.dct.year
    else:
        prev = ctx.previous_word(m.start()).lower()
        if not mod and name.lower() in ("may", "march") and prev not in _MONTH_OK_BEFORE:
            return None  # a bare "May" or "March" is too often not the month
        year = infer_year(ctx, month, None, m.start(), m.end())
        if year is None:
            return Res("DATE", f"XXXX-{month:02d}", mod, anchor="none")
    return Res("DATE", A.month_value(year, month), mod)


# ---- years, decades, centuries -----------------------------------------------

_COUNTED = re.compile(r"\s+(?:[a-z]+s|people|percent|per\s*cent|%|men|women|children)\b")


def _year(m: re.Match[str], ctx: Ctx) -> Res | None:
    raw = m.group("y")
    year = int(raw) if raw.isdigit() else year_words(raw)
    if year is None:
        return None
    start = m.start()
    before = ctx.text[max(0, start - 1) : start]
    if (
        before
        and before in "$£€#¥-/."
        and ctx.text[max(0, start - 5) : start].lower()
        not in (
            "post-",
            "-pre-",
        )
    ):
        return None
    prefixed = bool(m.group("pre") or m.group("part"))
    prev = ctx.previous_word(start).lower()
    if raw.isdigit() and not prefixed:
        nxt = _COUNTED.match(ctx.text, m.end())
        if (
            nxt
            and nxt.group().strip() not in ("was", "has", "is", "as", "its", "this", "his")
            and prev not in ("the", "'s", "since", "until", "till", "year")
            and before != "-"
        ):
            return None  # "2000 people": a count, not a year
        if prev in ("about", "around", "some", "nearly", "almost", "than", "over", "under"):
            return None  # "about 2000": a quantity
        if not year_evidence(ctx, year, prev, m.start("y"), m.end("y")):
            return None  # a clock time ("1230 GMT"), or no sign that it is a year
    return Res("DATE", f"{year:04d}", part_mod(m.group("part")), anchor="none")


_DECADE_WORDS = MappingProxyType({"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9})  # fmt: skip


def _decade(m: re.Match[str], ctx: Ctx) -> Res | None:
    raw = m.group("dec").lower().replace("’", "'").replace("'s", "s")
    mod = part_mod(m.group("part"))
    digits = _DECADE4_RX.match(raw)
    if digits:
        return Res("DATE", digits.group(1), mod, anchor="none")
    short = _DECADE2_RX.match(raw)
    word = raw.split("-")[-1]
    if short:
        tens = int(short.group(1))
    elif word in _DECADE_WORDS:
        tens = _DECADE_WORDS[word]
        if raw.startswith("nineteen"):
            return Res("DATE", f"19{tens}", mod)
    else:
        return None
    if ctx.dct is None:
        return Res("DATE", f"XX{tens}", mod, anchor="none")
    century = ctx.dct.year // 100
    if tens * 10 > ctx.dct.year % 100:
        century -= 1
    return Res("DATE", f"{century:02d}{tens}", mod)


def _century(m: re.Match[str], ctx: Ctx) -> Res | None:
    n = day_num(m.group("cn"))
    if not 1 <= n <= 99:
        return None
    return Res("DATE", f"{n - 1:02d}", part_mod(m.group("part")), anchor="none")


# ---- quarters and halves -----------------------------------------------------


def _quarter(m: re.Match[str], ctx: Ctx) -> Res | None:
    q = _QUARTER_WORDS.get(m.group("qn").lower())
    if q is None:
        q = int(m.group("qn")[-1]) if m.group("qn")[-1].isdigit() else 0
    if not 1 <= q <= 4:
        return None
    year = _period_year(m, ctx)
    if year is None and ctx.dct is not None:
        dq = A.quarter_of(ctx.dct)
        year = ctx.dct.year
        if q > dq and ctx.tense(m.start(), m.end()) != "future":
            year -= 1  # "the fourth quarter" said in January: last year's
    trim = 0
    whole = m.group(0)
    if (
        whole[:4].lower() == "the "
        and _ADJ_QUARTER_RX.search(whole)
        and not m.groupdict().get("qy")
    ):
        trim = len(whole) - len(whole[3:].lstrip())  # "the third-quarter loss"
    if year is None:
        return Res("DATE", f"XXXX-Q{q}", anchor="none", trim_start=trim)
    return Res("DATE", f"{year:04d}-Q{q}", part_mod(m.groupdict().get("part")), trim_start=trim)


def _period_year(m: re.Match[str], ctx: Ctx) -> int | None:
    """Year named around a quarter or half: '1989', 'this year's', 'fiscal 2024'."""
    for g in ("qy", "qy2"):
        raw = m.groupdict().get(g)
        if raw:
            raw = raw.lower()
            rel = _REL_WORD_RX.search(raw)
            digits = _ANY_YEAR_RX.search(raw)
            if digits:
                return year_num(digits.group(), ctx.dct)
            if rel and ctx.dct is not None:
                return ctx.dct.year + {"last": -1, "next": 1}.get(rel.group(1), 0)
    return None


def _half(m: re.Match[str], ctx: Ctx) -> Res | None:
    h = 1 if m.group("hn").lower() in ("first", "1st", "front") else 2
    year = _period_year(m, ctx)
    if year is None:
        if ctx.dct is None:
            return Res("DATE", f"XXXX-H{h}", anchor="none")
        year = ctx.dct.year
    return Res("DATE", f"{year:04d}-H{h}")


# ---- seasons -------------------------------------------------------------------


def _season(m: re.Match[str], ctx: Ctx) -> Res | None:
    s = _SEASONS[m.group("sea").lower()]
    rel = " ".join((m.group("rel") or "").lower().split())
    mod = part_mod(m.group("part"))
    if m.group("year"):
        year = year_num(m.group("year"), ctx.dct)
        if year is None:
            return None
        return Res("DATE", f"{year:04d}-{s}", mod, "none")
    prev = ctx.previous_word(m.start()).lower()
    if not rel and not mod and prev not in ("in", "during", "over", "since", "until", "by",
                                            "this", "through", "throughout", "all"):  # fmt: skip
        return None
    if rel == "the" and not mod and prev not in ("in", "during", "over", "since", "until",
                                                 "by", "through", "throughout", "all"):  # fmt: skip
        return None
    if ctx.dct is None:
        return Res("DATE", f"XXXX-{s}", mod, anchor="none")
    cy, cs = A.season_of(ctx.dct)
    # the occurrence of that season in the current cycle: this year's
    year = ctx.dct.year if not (s == "WI" and ctx.dct.month <= 2) else ctx.dct.year - 1
    order = ("SP", "SU", "FA", "WI")
    if rel in ("last", "this past", "past"):
        year, s = A.shift_season(cy, cs, -((order.index(cs) - order.index(s)) % 4 or 4))
    elif rel in ("next", "this coming", "coming"):
        year, s = A.shift_season(cy, cs, (order.index(s) - order.index(cs)) % 4 or 4)
    elif rel in ("", "the"):
        tense = ctx.tense(m.start(), m.end())
        if tense == "past" and (year, order.index(s)) > (cy, order.index(cs)):
            year -= 1
        elif tense == "future" and (year, order.index(s)) < (cy, order.index(cs)):
            year += 1
    return Res("DATE", f"{year:04d}-{s}", mod)


def _holiday(m: re.Match[str], ctx: Ctx) -> Res | None:
    name = m.group("hol")
    rel = (m.group("rel") or "").lower()
    if m.group("year"):
        year = year_num(m.group("year"), ctx.dct)
        d = holiday_date(name, year) if year else None
        return None if d is None else Res("DATE", A.day_value(d))
    if ctx.dct is None:
        return None
    dct = ctx.dct
    this = holiday_date(name, dct.year)
    if this is None:
        return None
    tense = ctx.tense(m.start(), m.end())
    before = holiday_date(name, dct.year - 1) or this
    after = holiday_date(name, dct.year + 1) or this
    if rel == "last":
        d = this if this < dct else before
    elif rel == "next":
        d = this if this > dct else after
    elif tense == "past":
        d = this if this <= dct else before
    elif tense == "future":
        d = this if this >= dct else after
    else:
        d = this
    return Res("DATE", A.day_value(d))


# ---- the rules -------------------------------------------------------------------

_YEAR_ANY = r"(?:" + YEAR4 + "|" + YEAR_APOS + ")"
_DAYW = r"(?:" + DAY + r"|" + ORDINAL + r")"
_HOLIDAYS = (
    r"(?P<hol>(?-i:Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|"
    r"Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Good\s+Friday|Halloween|Independence\s+Day|"
    r"(?:the\s+)?Fourth\s+of\s+July|July\s+Fourth|Valentine['’]s\s+Day|Veterans\s+Day|"
    r"Memorial\s+Day|Labor\s+Day|Election\s+Day|Boxing\s+Day|May\s+Day|"
    r"St\.\s+Patrick['’]s\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day))"
)
_QN = r"(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th|final)"
_QDET = (
    r"(?:(?:the|this|the\s+current|the\s+same|(?P<qy>(?:the\s+)?" + YEAR4 + r"(?:\s+fiscal)?"
    r"|(?:this|last|next)\s+year['’]s))\s+)?"
)
_QYEAR = (
    r"(?:\s+(?:of\s+)?(?:(?:the\s+)?(?:fiscal|calendar|financial)(?:\s+year)?\s+)?"
    r"(?P<qy2>" + YEAR4 + r"|this\s+year|last\s+year|next\s+year|the\s+(?:current\s+)?year))?"
)

RULES: tuple[Rule, ...] = (
    rule(
        "date_month_day",
        r"(?:(?P<wd>" + WEEKDAY_ANY + r")\s?,?\s+)?(?P<mon>" + MONTH + r")\s*(?:the\s+)?"
        r"(?P<day>" + _DAYW + r")(?:\s*,?\s*(?P<year>" + _YEAR_ANY + r"))?",
        _month_day,
        priority=5,
    ),
    rule(
        "date_day_month",
        r"(?:(?P<wd>" + WEEKDAY_ANY + r")\s?,?\s+)?(?:the\s+)?(?P<day>" + _DAYW + r")(?:\s+of)?\s+"
        r"(?P<mon>" + MONTH + r")(?:\s?,?\s*(?P<year>" + _YEAR_ANY + r"))?",
        _month_day,
        priority=5,
    ),
    rule(
        "date_iso",
        # 2009-06-19, and the 2009/06/19 or "2009 06 19" of wire datelines
        r"(?P<y>\d{4})(?P<sep>[-/.]| )(?P<m>\d\d)(?P=sep)(?P<d>\d\d)(?![-/])"
        r"(?:T(?P<H>\d\d):(?P<M>\d\d)(?::\d\d(?:\.\d+)?)?Z?)?",
        _iso,
        priority=6,
    ),
    rule(
        "date_numeric",
        r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d\d)(?![/\d])",
        _numeric,
        priority=6,
    ),
    rule(
        "month",
        r"(?:(?P<part>" + PART + r")[-\s]+)?(?:(?P<rel>last|next|this\s+past|this\s+coming|this"
        r"|past|coming|early|late|mid-?)\s*)?(?P<mon>" + MONTH_NAME + r"|" + MONTH + r"(?=\s*"
        r"(?:,\s*)?(?:of\s+)?(?:\d{4}|['’]\d\d)))(?:\s*,?\s*(?:of\s+)?(?P<year>"
        + YEAR4
        + "|"
        + YEAR_APOS
        + "|"
        + YEAR_WORDS
        + r")|\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?",
        _month,
        priority=3,
    ),
    rule(
        "year",
        r"(?:(?P<part>" + PART + r")[-\s]*)?(?P<pre>(?:the\s+)?(?:fiscal(?:[-\s]year)?|FY|"
        r"calendar(?:\s+year)?|(?:fiscal\s+|calendar\s+|financial\s+|school\s+)?year)\s*)?"
        r"(?P<y>" + YEAR4 + r"|(?<=year\s)" + YEAR_WORDS + r"|(?-i:(?:N|n)ineteen)[- ](?:\w+[- ])?"
        r"\w+ty(?:[- ]\w+)?)",
        _year,
        priority=1,
    ),
    rule(
        "decade",
        r"(?:the\s+)?(?:(?P<part>" + PART + r")[-\s]*)?(?P<dec>\d{3}0['’]?s|['’]\d0s|(?<=the\s)\d0s"
        r"|(?<=the\s)(?:nineteen-)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties"
        r"|nineties))",
        _decade,
        priority=2,
    ),
    rule(
        "century",
        r"(?:the\s+)?(?:(?P<part>" + PART + r")[-\s]*)?(?P<cn>" + ORDINAL + r")[-\s]+century",
        _century,
        priority=2,
    ),
    rule(
        "quarter",
        r"(?:(?P<part>"
        + PART
        + r")\s+)?"
        + _QDET
        + r"(?:(?:fiscal|calendar|financial)[-\s]+)?"
        + _QN
        + r"[-\s]+(?:fiscal[-\s]+)?quarter"
        + _QYEAR,
        _quarter,
        priority=2,
    ),
    rule(
        "quarter_short",
        r"(?-i:Q(?P<qn>[1-4]))(?:\s*(?:of\s+)?(?P<qy>" + YEAR4 + r"|FY\d{2,4}))?",
        _quarter,
        priority=2,
    ),
    rule(
        "half",
        r"(?:the\s+)?(?P<hn>first|second|1st|2nd|last|latter|back|front)[-\s]+half\s+of\s+"
        r"(?:the\s+)?(?:fiscal\s+)?(?P<qy>" + YEAR4 + r"|(?:this|last|next|the)\s+year|"
        r"year)",
        _half,
        priority=2,
    ),
    rule(
        "season",
        r"(?:(?P<part>" + PART + r")[-\s]*)?(?:(?P<rel>this\s+past|this\s+coming|last|next|this|"
        r"the|coming|past)\s+)?(?P<sea>"
        + SEASON
        + r")(?:\s*,?\s*(?:of\s+)?(?P<year>"
        + YEAR4
        + "|"
        + YEAR_APOS
        + "|"
        + YEAR_WORDS
        + "))?",
        _season,
        priority=1,
    ),
    rule(
        "holiday",
        r"(?:(?P<rel>last|next|this)\s+)?" + _HOLIDAYS + r"(?:\s*,?\s*(?P<year>" + YEAR4 + "))?",
        _holiday,
        priority=2,
    ),
)
