"""Rules for expressions that lean on the one before them.

- a bare day number after a date: "April 24 and 25" -> the 25th of that month;
- reporting periods named by their year (financial-news anaphora): earnings
  reports compare "the quarter" with "the 1988 quarter", "last year's
  quarter", "the corresponding period last year" or "the quarter a year ago".
  Each names the reporting period in focus (the latest completed quarter or
  half mentioned) moved to another year. Without such a period in the text,
  the latest completed quarter of the dct stands in for "quarter"; "the 1988
  period" (a quarter, nine months or the year) is the year.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from storyline.annotate.timex import anchor as A
from storyline.annotate.timex.patterns import DAY, YEAR4, Ctx, Res, Rule, rule
from storyline.annotate.timex.rules_relative import reported_period

_REL_YEAR = MappingProxyType({"this": 0, "last": -1, "next": 1})
_SAME = r"(?:comparable|same|corresponding|year[-\s](?:ago|earlier))"


_DATE_BEFORE_RX = re.compile(r"\s+(?:and|or|to|through)\s+$")


def _day_after_date(m: re.Match[str], ctx: Ctx) -> Res | None:
    """'25' in 'April 24 and 25': the same month as the date just before."""
    found = ctx.reference(m.start(), 12, grans=frozenset({"day"}))
    if found is None or not _DATE_BEFORE_RX.fullmatch(ctx.text, found[1], m.start()):
        return None
    day = int(m.group("day").rstrip("stndrh"))
    year = int(m.group("year") or found[0][:4])
    d = A.ymd(year, int(found[0][5:7]), day)
    if d is None or d.day <= int(found[0][8:10]) or year != int(found[0][:4]):
        return None  # a range runs forward: "May 30 and 2" is no such pair
    return Res("DATE", A.day_value(d), anchor="timex")


def _target_year(m: re.Match[str], ctx: Ctx, ref: str | None) -> int | None:
    """The year the period is moved to."""
    g = m.groupdict()
    digits = g.get("y") or g.get("y2")
    if digits:
        return int(digits)
    rel = (g.get("rel") or "").lower()
    if rel in _REL_YEAR:
        return None if ctx.dct is None else ctx.dct.year + _REL_YEAR[rel]
    back = " ".join((g.get("back") or "").lower().split())
    if back == "last year":
        return None if ctx.dct is None else ctx.dct.year - 1
    if ref is not None:  # "a year ago", "the previous year": a year before the period in focus
        return int(ref[:4]) - 1
    return None if ctx.dct is None else ctx.dct.year - 1


def _period_of_year(m: re.Match[str], ctx: Ctx) -> Res | None:
    what = m.group("what").lower()
    explicit = bool(m.groupdict().get("y"))
    # "the 1988 period" may be a quarter, nine months or the year: the year is safe
    ref = None if explicit and what == "period" else reported_period(ctx, m.start())
    year = _target_year(m, ctx, ref)
    if year is None:
        return Res("DATE", "XXXX-QX" if what == "quarter" else "XXXX", anchor="none")
    if ref is not None:
        return Res("DATE", f"{year:04d}{ref[4:]}", anchor="timex")
    if what == "quarter" and ctx.dct is not None:
        # the quarter most recently reported on: the last one completed before the dct
        k = ctx.dct.year * 4 + A.quarter_of(ctx.dct) - 2
        return Res("DATE", f"{year:04d}-Q{k % 4 + 1}")
    return Res("DATE", f"{year:04d}", anchor="none" if explicit else "dct")


# what may follow the bare day: punctuation, the end, or a function word ("25 people": no)
_DAY_END = (
    r"(?=\s*(?:[.,;:)!?]\D|[.,;:)!?]?$|(?:in|at|on|when|as|with|for|by|during|while|after"
    r"|before|but|and|or|the)\s))"
)
_WHAT = r"(?P<what>quarter|period)(?![\w-])"
_BACK = (
    r"(?P<back>last\s+year|a\s+year\s+(?:ago|earlier)|the\s+(?:previous|prior|preceding)\s+year"
    r"|(?:of\s+)?(?P<y2>" + YEAR4 + r"))"
)

RULES: tuple[Rule, ...] = (
    rule(
        "day_after_date",
        r"(?:(?<=\sand\s)|(?<=\sor\s)|(?<=\sto\s))(?P<day>"
        + DAY
        + r")(?:,\s*(?P<year>"
        + YEAR4
        + r"))?"
        + _DAY_END,
        _day_after_date,
        priority=1,
    ),
    rule(
        "period_of_year",
        r"the\s+(?:" + _SAME + r"\s+)?(?P<y>" + YEAR4 + r")\s+" + _WHAT,
        _period_of_year,
        priority=3,
    ),
    rule(
        "period_of_year_rel",
        r"(?P<rel>last|this|next)\s+year['’]s\s+(?:" + _SAME + r"\s+)?" + _WHAT,
        _period_of_year,
        priority=3,
    ),
    rule(
        "period_year_back",
        r"the\s+(?:" + _SAME + r"\s+)?" + _WHAT + r"\s+" + _BACK,
        _period_of_year,
        priority=3,
    ),
)
