"""Rules for expressions relative to the dct or to a previous expression.

"last week", "next month", "this year", "Tuesday", "yesterday", "two years
ago", "three days later", "the following day" ... (clock times: :mod:`.rules_clock`)
"""

from __future__ import annotations

import datetime as dt
import re
from types import MappingProxyType

from storyline.annotate.timex import anchor as A
from storyline.annotate.timex.lexicon import PARTS_OF_DAY, WEEKDAYS, parse_number
from storyline.annotate.timex.patterns import (
    NUM,
    PART,
    PRE_MOD,
    UNIT,
    WEEKDAY,
    Ctx,
    Res,
    Rule,
    part_mod,
    pre_mod,
    rule,
)

_UNIT_CODE = MappingProxyType({"sec": "S", "min": "MIN", "hou": "H", "hr": "H", "day": "D", "nig": "D",
              "wee": "W", "for": "FN", "mon": "M", "qua": "Q", "yea": "Y", "yr": "Y",
              "dec": "DE", "cen": "CE", "mil": "ML"})  # fmt: skip


def unit_code(word: str) -> str:
    w = word.lower()
    if w.startswith("weekend"):
        return "WE"
    if w.startswith("period"):
        return "P"
    return _UNIT_CODE.get(w[:3], _UNIT_CODE.get(w[:2], "?"))


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def dct_value(ctx: Ctx, code: str, shift: int = 0) -> str | None:
    """The dct-containing period of a unit, shifted: ('W', -1) -> last week."""
    dct = ctx.dct
    if dct is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX",
                "Y": "XXXX", "DE": "XXX", "CE": "XX", "WE": "XXXX-WXX-WE"}.get(code)  # fmt: skip
    if code == "D":
        d = A.add_days(dct, shift)
        return None if d is None else A.day_value(d)
    if code in ("W", "WE"):
        d = A.add_days(dct, 7 * shift)
        return None if d is None else A.week_value(d) + ("-WE" if code == "WE" else "")
    if code == "M":
        return A.month_value(*A.add_months(dct.year, dct.month, shift))
    if code == "Q":
        k = dct.year * 4 + A.quarter_of(dct) - 1 + shift
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    if code == "Y":
        return f"{dct.year + shift:04d}"
    if code == "DE":
        return f"{dct.year // 10 + shift:03d}"
    if code == "CE":
        return f"{dct.year // 100 + shift:02d}"
    return None


def _anchored(
    ctx: Ctx,
    start: int,
    code: str,
    shift: int,
    keep_day: bool = False,
    exclude: frozenset[str] = frozenset(),
) -> Res | None:
    """A value ``shift`` units from the previous expression (or the dct).

    ``keep_day``: a day moved by weeks stays a day ("two weeks later");
    ``exclude``: rules whose expressions are no anchor.
    """
    ref = ctx.reference(start, exclude=exclude)
    if ref is None:
        value = dct_value(ctx, code, shift)
        return None if value is None else Res("DATE", value, anchor="dct" if ctx.dct else "none")
    base = ref[0]
    unit = {"WE": "W"}.get(code, code)
    gran = A.granularity(base)
    if code in ("D", "W") and gran == "month" and shift:
        # "two weeks later" after "late May": early June, a month like its anchor
        moved = A.shift_month_by_days(base, ctx.mod_of(ref[1]), shift * (7 if code == "W" else 1))
        if moved is not None:
            return Res("DATE", moved[0], moved[1], anchor="timex")
    if code in ("D", "W", "WE") and gran not in ("day", "week"):
        return Res("DATE", base, anchor="timex")  # too coarse to move by days
    if code == "M" and gran not in ("day", "month"):
        return Res("DATE", base, anchor="timex")
    if code in ("D",) and gran == "week":
        unit = "W"
        shift = 0 if abs(shift) < 7 else shift // 7
    trunc = {"W": "W", "WE": "W", "M": "M", "Q": "Q", "Y": "Y"}.get(code)
    if keep_day and code == "W" and gran == "day":
        trunc = None
    if trunc and not (code == "Q" and gran == "quarter"):
        base = A.truncate(base, trunc) or base
    if code == "DE":
        unit = "DE"
    value = A.shift_value(base, shift, unit) if shift else base
    if value is None:
        return None
    if code == "WE":
        value += "-WE"
    return Res("DATE", value, anchor="timex")


# ---- this / last / next + unit ------------------------------------------------

_ENDED_RX = re.compile(r"\s+(?:ended|ending|to\s+date|through)\b", re.IGNORECASE)
_ENDED_AGO_RX = re.compile(r"\s+(?:ended|ending|to\s+date|through|ago)\b", re.IGNORECASE)
_ANAPHOR_AFTER_RX = re.compile(
    r"\s+(?:before|after|that|when|in\s+which|earlier|later|of)\b", re.IGNORECASE
)
_DUR_UNITS = MappingProxyType({"D": "P1D", "W": "P1W", "WE": "P2D", "M": "P1M", "Q": "P3M", "Y": "P1Y",
              "DE": "P10Y", "CE": "P100Y"})  # fmt: skip
_POD_UNITS = ("morning", "afternoon", "evening", "night", "tonight")


def _relative(m: re.Match[str], ctx: Ctx) -> Res | None:
    rel = _norm(m.group("rel"))
    word = m.group("u").lower()
    mod = part_mod(m.group("part"))
    prev = ctx.previous_word(m.start()).lower()
    if word in _POD_UNITS:
        return _part_of_day_rel(m, ctx, rel, word, mod)
    if m.group("u")[0].isupper() and m.group("u")[1:].islower() and not _at_sentence_start(m, ctx):
        return None  # ABC's "This Week": a title, the unit word capitalized mid-sentence
    code = unit_code(word)
    if code == "D" and rel == "the" and _norm(m.group("part")).endswith(" in"):
        return None  # "later in the day": a time relative to the story's events, not annotated
    fiscal = bool(m.group("fisc"))
    ended = _ENDED_RX.match(ctx.text, m.end())
    if rel == "the" and ended and code == "Y" and not mod:
        return Res("DURATION", "P1Y")
    if rel in ("the past", "the last", "the next", "the coming") and not mod:
        if code == "W" and rel == "the last" and prev == "of":
            return None
        if code == "Y" and ctx.dct is not None:
            # TimeBank annotates "in the past year" / "over the next year" as the calendar
            # year before / after the dct, not as a length (which "the past two years" is)
            value = dct_value(ctx, "Y", 1 if rel in ("the next", "the coming") else -1)
            return None if value is None else Res("DATE", value)
        if code == "D" and rel == "the next":
            return _anchored(ctx, m.start(), "D", 1)  # "the next day": the day after
        return Res("DURATION", _DUR_UNITS.get(code, "PXX"))
    if rel in ("this", "current", "the current", "the present") or (
        rel == "the" and (mod or fiscal or word in ("weekend",))
    ):
        if code == "WE":
            return _weekend(m, ctx, 0 if rel == "this" else None, mod)
        if code == "Q" and ctx.dct is not None and rel == "the":
            return _latest_quarter(m, ctx, mod)
        value = dct_value(ctx, code)
        return None if value is None else Res("DATE", value, mod, _dct_anchor(ctx))
    if rel == "the":
        if code == "Y" and _ENDED_AGO_RX.match(ctx.text, m.end()):
            return Res("DURATION", "P1Y")
        if code == "Q":
            if _ENDED_RX.match(ctx.text, m.end()):
                return Res("DATE", dct_value(ctx, "Q", -1) or "XXXX-QX")
            return _latest_quarter(m, ctx, mod)
        if (
            code == "Y"
            and prev in ("for", "during", "throughout", "in", "of")
            and not _ANAPHOR_AFTER_RX.match(ctx.text, m.end())
        ):
            value = dct_value(ctx, "Y")
            return None if value is None else Res("DATE", value, mod)
        return None
    if rel in ("last", "past", "previous", "this past") and not rel.startswith("the"):
        if code == "WE":
            return _weekend(m, ctx, -1, mod)
        value = dct_value(ctx, code, -1)
        return None if value is None else Res("DATE", value, mod, _dct_anchor(ctx))
    if rel in ("next", "coming", "this coming"):
        if code == "WE":
            return _weekend(m, ctx, 1, mod)
        value = dct_value(ctx, code, 1)
        return None if value is None else Res("DATE", value, mod, _dct_anchor(ctx))
    if rel in ("the latest", "the most recent", "the recent") and code in ("Q", "P"):
        return _latest_quarter(m, ctx, mod)
    shift = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1,
             "the preceding": -1, "the prior": -1}.get(rel)  # fmt: skip
    if shift is None:
        return None
    res = _anchored(ctx, m.start(), code, shift)
    if res is None or (code == "D" and A.granularity(res.value) != "day"):
        return None  # "redemptions that day" after a month or a year: a generic day
    return Res(res.type, res.value, mod, res.anchor)


_SENTENCE_END_RX = re.compile(r"(?:^|[.!?:;]['\"’”]*|\n)\s*$")


def _at_sentence_start(m: re.Match[str], ctx: Ctx) -> bool:
    """Whether ``m`` starts a sentence (or a line), so that a capital says nothing."""
    return _SENTENCE_END_RX.search(ctx.text, max(0, m.start() - 5), m.start()) is not None


def _dct_anchor(ctx: Ctx) -> str:
    return "dct" if ctx.dct is not None else "none"


def _latest_quarter(m: re.Match[str], ctx: Ctx, mod: str | None) -> Res | None:
    if ctx.dct is None:
        return Res("DATE", "XXXX-QX", mod, anchor="none")
    future = ctx.tense(m.start(), m.end()) == "future"
    return Res("DATE", dct_value(ctx, "Q", 0 if future else -1) or "XXXX-QX", mod)


def _weekend(m: re.Match[str], ctx: Ctx, shift: int | None, mod: str | None) -> Res | None:
    dct = ctx.dct
    if dct is None:
        return Res("DATE", "XXXX-WXX-WE", mod, anchor="none")
    if shift is None:  # "the weekend": the last one in a past clause, else the coming one
        on_weekend = dct.isoweekday() >= 6
        past = ctx.tense(m.start(), m.end()) != "future"
        shift = 0 if on_weekend or not past else -1
    d = dct + dt.timedelta(weeks=shift)
    return Res("DATE", A.week_value(d) + "-WE", mod)


def _part_of_day_rel(
    m: re.Match[str], ctx: Ctx, rel: str, word: str, mod: str | None
) -> Res | None:
    pod = PARTS_OF_DAY.get(word, "NI")
    if rel in ("this", "the"):
        if rel == "the":
            return None
        day = dct_value(ctx, "D")
    elif rel == "last":
        if word != "night":
            return None
        day = dct_value(ctx, "D", -1)
    elif rel in ("that", "the same", "the following", "the next", "the previous"):
        res = _anchored(ctx, m.start(), "D", {"the following": 1, "the next": 1,
                                               "the previous": -1}.get(rel, 0))  # fmt: skip
        if res is None or A.granularity(res.value) != "day":
            return None
        # "the next morning": a day named through another, valued as that day like "Friday
        # morning" (TempEval-3 convention)
        return Res("DATE", res.value, mod, res.anchor)
    else:
        return None
    return None if day is None else Res("TIME", f"{day}T{pod}", mod, _dct_anchor(ctx))


# ---- weekdays, today ----------------------------------------------------------


def weekday_date(ctx: Ctx, wd: int, rel: str, start: int, end: int) -> tuple[str, str] | None:
    """(day value, anchor) for a weekday with an optional 'last'/'next'/... word."""
    if rel in ("the previous", "the preceding", "the following", "the next", "that"):
        ref = ctx.reference(start)
        if ref is not None and A.granularity(ref[0]) == "day":
            base = dt.date.fromisoformat(ref[0][:10])
            direction = {"that": 1, "the following": 2, "the next": 2}.get(rel, -2)
            return A.day_value(A.resolve_weekday(base, wd, direction)), "timex"
    dct = ctx.dct
    if dct is None:
        return f"XXXX-WXX-{wd}", "none"
    if rel in ("last", "this past", "the previous", "the preceding"):
        direction = -2
    elif rel in ("next", "this coming", "coming", "the following", "the next"):
        direction = 2
    else:
        # a present tense in news is a schedule or a report: the nearest such day
        tense = ctx.tense(start, end)
        direction = {"future": 1, "present": 0}.get(tense or "", -1)
    return A.day_value(A.resolve_weekday(dct, wd, direction)), "dct"


_NOT_WEEKDAY_AFTER = re.compile(
    r"\s+(?-i:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Observer|Independent|Star|Night\s+"
    r"Football|Sport|Review|Magazine|Tribune|Business|Morning\s+Herald)\b"
)
_NOT_WEEKDAY_BEFORE = re.compile(
    r"(?i:good|black|super|bloody|ash|cyber|holy|maundy|palm|easter|giving|small\s+business)\s+$"
)


def _weekday(m: re.Match[str], ctx: Ctx) -> Res | None:
    if _NOT_WEEKDAY_AFTER.match(ctx.text, m.end()) or _NOT_WEEKDAY_BEFORE.search(
        ctx.text[max(0, m.start() - 20) : m.start()]
    ):
        return None
    wd = WEEKDAYS[m.group("wd").lower()]
    rel = _norm(m.group("rel"))
    got = weekday_date(ctx, wd, rel, m.start(), m.end())
    if got is None:
        return None
    value, anchor = got
    mod = part_mod(m.group("part"))
    pod = (m.group("pod") or "").lower()
    if pod in ("noon", "midday"):
        return Res("TIME", f"{value}T12:00", mod, anchor)
    # "Friday night": TempEval-3's AQUAINT annotations give the day itself (TimeBank would
    # add "TNI"); the newer convention is followed, as held-out news is annotated like it
    return Res("DATE", value, mod, anchor)


def _weekday_plural(m: re.Match[str], ctx: Ctx) -> Res | None:
    wd = WEEKDAYS[m.group("wd").lower()[:-1]]
    pod = (m.group("pod") or "").lower().rstrip("s")
    return Res("SET", f"XXXX-WXX-{wd}" + (f"T{PARTS_OF_DAY[pod]}" if pod else ""))


TODAY_SHIFT = MappingProxyType({"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": -1,
          "the day before yesterday": -2, "the day after tomorrow": 2})  # fmt: skip


_PRE_POD_RX = re.compile(r"(early|late|mid)[-\s]?(morning|afternoon|evening)")


# "today's world", "tomorrow's leaders": the present or future age, not a calendar day
_GENERIC_AFTER_RX = re.compile(
    r"\s*['’]s\s+(?:world|society|youth|young|generation|children|kids|leaders|age|era|economy"
    r"|standards|technology|culture|families|consumers?|students|workers|women|men|people)\b",
    re.IGNORECASE,
)


def _today(m: re.Match[str], ctx: Ctx) -> Res | None:
    word = _norm(m.group("w"))
    if word in ("today", "tomorrow") and _GENERIC_AFTER_RX.match(ctx.text, m.end()):
        return None
    prev = ctx.previous_word(m.start())
    if m.group("w")[0].isupper() and prev[:1].isupper() and not _at_sentence_start(m, ctx):
        return None  # "VOA Today", "Good Morning America Today": a programme's name
    day = dct_value(ctx, "D", TODAY_SHIFT[word])
    if day is None:
        return None
    mod = part_mod(m.group("part"))
    pod = (m.group("pod") or "").lower()
    pre = (m.group("pre") or "").lower()
    pre_m = _PRE_POD_RX.fullmatch(pre)
    if pre_m and not pod:  # "mid-afternoon yesterday"
        pod, mod = pre_m.group(2), part_mod(pre_m.group(1))
    if word in ("tonight", "overnight"):
        pod = "night"
    if pod:
        return Res("TIME", f"{day}T{PARTS_OF_DAY[pod]}", mod, _dct_anchor(ctx))
    return Res("DATE", day, mod, _dct_anchor(ctx))


# ---- ago / later ---------------------------------------------------------------

# rules whose expressions compare with an earlier time ("a year ago", "the 1988 quarter"):
# no anchor for the next comparison
_YEAR_AGO_RULES = frozenset(
    {"year_ago_adj", "ago", "later", "period_of_year", "period_of_year_rel", "period_year_back"}
)
_GRAN_OF_UNIT = MappingProxyType({"S": "D", "MIN": "D", "H": "D", "D": "D", "W": "W", "FN": "W", "M": "M",
                 "Q": "Q", "Y": "Y", "DE": "Y", "CE": "Y", "ML": "Y", "WE": "W"})  # fmt: skip
_VAGUE_RX = re.compile(r"few|several|many|some|number|handful|dozens|hundreds|thousands")


def _count(raw: str | None) -> float | None:
    if not raw:
        return None
    if _VAGUE_RX.search(raw.lower()):
        return None
    return parse_number(raw)


def _ago(m: re.Match[str], ctx: Ctx) -> Res | None:
    code = unit_code(m.group("u"))
    n = _count(m.group("n"))
    mod = pre_mod(m.group("pm")) or ("APPROX" if m.group("orso") else None)
    if n is None:
        return Res("DATE", "PAST_REF", mod)
    if code == "Y" and n == 1:
        # "up from $10 million a year ago" after "the third quarter": that quarter, a year back
        ref = ctx.reference(m.start(), 400, _YEAR_AGO_RULES)
        if ref is not None and A.granularity(ref[0]) in ("quarter", "half"):
            value = A.shift_value(ref[0], -1, "Y")
            if value is not None:
                return Res("DATE", value, mod, "timex")
    return _shifted_dct(ctx, code, -n, mod)


def _shifted_dct(ctx: Ctx, code: str, n: float, mod: str | None) -> Res | None:
    scale = {"FN": ("W", 2), "DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000)}
    unit, k = scale.get(code, (code, 1))
    steps = int(n * k) if abs(n * k - round(n * k)) < 1e-9 else None
    if unit in ("S", "MIN", "H"):
        steps = 0
    if steps is None:  # "two and a half years ago": keep year granularity
        if unit == "Y":
            steps = int(n * k)
        elif unit == "M":
            steps = int(n)
        else:
            return None
    gran = _GRAN_OF_UNIT.get(unit, "D")
    if unit in ("W",) and gran == "W":
        value = dct_value(ctx, "W", steps)
    else:
        value = dct_value(ctx, gran if unit not in ("S", "MIN", "H") else "D", steps)
    return None if value is None else Res("DATE", value, mod, _dct_anchor(ctx))


def _later(m: re.Match[str], ctx: Ctx) -> Res | None:
    code = unit_code(m.group("u"))
    n = _count(m.group("n"))
    if n is None or n != int(n):
        return None
    direction = -1 if m.group("dir").lower() in ("earlier", "before", "prior") else 1
    mod = pre_mod(m.group("pm"))
    scale = {"FN": ("W", 2), "DE": ("Y", 10), "CE": ("Y", 100)}
    unit, k = scale.get(code, (code, 1))
    if unit in ("S", "MIN", "H", "WE", "ML"):
        return None
    if unit == "Y":
        # "up 5% from a year earlier" after "the third quarter": that quarter, a year back
        ref = ctx.reference(m.start(), 10**9, _YEAR_AGO_RULES)
        if ref is not None and A.granularity(ref[0]) in ("quarter", "half"):
            value = A.shift_value(ref[0], direction * int(n) * k, "Y")
            if value is not None:
                return Res("DATE", value, mod, "timex")
    # "$2 a share a year ago ... $3 a year earlier": both compare with the same time,
    # so one comparison is no anchor for the next
    exclude = _YEAR_AGO_RULES if unit == "Y" else frozenset()
    res = _anchored(ctx, m.start(), unit, direction * int(n) * k, keep_day=True, exclude=exclude)
    return None if res is None else Res(res.type, res.value, mod, res.anchor)


def reported_period(ctx: Ctx, start: int, rules: frozenset[str] = _YEAR_AGO_RULES) -> str | None:
    """The quarter or half a report is about: the latest one named before ``start``
    that was over by the dct (results are reported for completed periods, so neither
    a forecast for "the third quarter of 1990" nor the current quarter is it)."""
    for value, _end, rule_name in ctx.references(start):
        if rule_name in rules or A.granularity(value) not in ("quarter", "half"):
            continue
        iv = A.interval(value)
        if ctx.dct is not None and iv is not None and iv[1] >= ctx.dct:
            continue
        return value
    return None


def _year_ago_adj(m: re.Match[str], ctx: Ctx) -> Res | None:
    """'the year-ago quarter', 'year-earlier results': the period compared, a year back."""
    trim = 0
    if not m.group("what") and not m.group("qn") and m.group(0).lower().startswith("the"):
        trim = len(m.group(0)) - len(m.group(0)[3:].lstrip())  # "the year-ago results"
    q = m.group("qn")
    if q:
        qn = {"first": 1, "second": 2, "third": 3, "fourth": 4}[q.lower()]
        year = ctx.dct.year - 1 if ctx.dct else None
        return Res("DATE", f"{year:04d}-Q{qn}" if year else f"XXXX-Q{qn}", trim_start=trim)
    period = reported_period(ctx, m.start())
    if period is not None:
        value = A.shift_value(period, -1, "Y")
        if value is not None:
            return Res("DATE", value, anchor="timex", trim_start=trim)
    value = dct_value(ctx, "Q", -5) if m.group("what") else dct_value(ctx, "Y", -1)
    return None if value is None else Res("DATE", value, trim_start=trim)


def _year_end(m: re.Match[str], ctx: Ctx) -> Res | None:
    rel = (m.group("rel") or "this").lower()
    value = dct_value(ctx, "Y", {"this": 0, "last": -1, "next": 1}[rel])
    return None if value is None else Res("DATE", value, "END", _dct_anchor(ctx))


# ---- the rules -------------------------------------------------------------------

_REL = (
    r"this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+current|"
    r"the\s+previous|the\s+preceding|the\s+prior|the\s+following|the\s+same|the\s+latest|"
    r"the\s+most\s+recent|the\s+recent|the\s+present|this|last|next|past|coming|current|"
    r"previous|that|the"
)
_PART_REL = r"(?:" + PART + r"|(?:earlier|later|early|late)\s+in)"

RULES: tuple[Rule, ...] = (
    rule(
        "relative_unit",
        r"(?:(?P<part>" + _PART_REL + r")[-\s]+)?(?P<rel>" + _REL + r")\s+(?:(?P<fisc>fiscal|"
        r"calendar|financial|full)[-\s]+)?(?P<u>week|weekend|month|year|quarter|decade|century"
        r"|day|morning|afternoon|evening|night|(?<=latest\s)period)(?![\w-])",
        _relative,
        priority=2,
    ),
    rule(
        "weekday",
        r"(?:(?P<part>(?:the\s+)?(?:very\s+)?(?:early|late|mid))\s+(?:on\s+)?)?(?:(?P<rel>last|next|this\s+past|"
        r"this\s+coming|this|coming|the\s+previous|the\s+preceding|the\s+following|the\s+next|"
        r"that)\s+)?(?P<wd>" + WEEKDAY + r")(?:\s+(?P<pod>morning|afternoon|evening|night|noon"
        r"|midday)(?![\w-]))?",
        _weekday,
        priority=1,
    ),
    rule(
        "weekday_plural",
        r"(?P<wd>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))"
        r"(?:\s+(?P<pod>mornings|afternoons|evenings|nights))?",
        _weekday_plural,
    ),
    rule(
        "today",
        r"(?:(?P<part>early|late|earlier|later)\s+|(?P<pre>(?:early|late|mid)[-\s]?(?:morning|"
        r"afternoon|evening))\s+)?(?P<w>today|yesterday|tomorrow|tonight|"
        r"overnight(?!\s+(?:rate|loan|trading|index|stay|bag|sensation|success))|"
        r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night))?",
        _today,
        priority=2,
    ),
    rule(
        "ago",
        r"(?:(?P<pm>" + PRE_MOD + r")\s+)?(?:(?P<n>" + NUM + r")[-\s]+)?(?P<u>" + UNIT + r")"
        r"(?:\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?\s+ago",
        _ago,
        priority=3,
    ),
    rule(
        "later",
        r"(?:(?P<pm>" + PRE_MOD + r")\s+)?(?P<n>" + NUM + r")[-\s]+(?P<u>" + UNIT + r")"
        r"(?:\s+or\s+so)?\s+(?P<dir>later|earlier|afterwards?|before(?=\s*[,.;])|"
        r"after(?=\s*[,.;]))",
        _later,
        priority=3,
    ),
    rule(
        "year_ago_adj",
        r"(?:the\s+)?(?:comparable\s+|same\s+|corresponding\s+)?year[-\s](?:ago|earlier)"
        r"(?:\s+(?P<qn>first|second|third|fourth))?(?:\s+(?P<what>quarter|period))?",
        _year_ago_adj,
        priority=1,
    ),
    rule(
        "year_end",
        r"(?:(?P<rel>this|last|next)\s+)?year(?:['’]s)?[-\s]end(?![\w-])",
        _year_end,
        priority=2,
    ),
)
