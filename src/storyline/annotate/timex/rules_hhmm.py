"""Rules for four-digit clock times: "1230 GMT", "by 1100 (1600 GMT)", a live-blog
"1815 Rescuers reached ..." (when such numbers are times: :mod:`.hhmm`).

Such a time is reported (TIME) when the text names its day with it ("at 1930 CDT
on 1 June", "19 JANUARY, 1300 GMT"). Without a day it is only claimed, so that
no year reading takes it: agency copy and live pages give times of the
publication day or the one before, and the publication date would be a guess
presented as the date of what the sentence tells.
"""

from __future__ import annotations

import re

from storyline.annotate.timex.hhmm import (
    COLON_STAMP,
    HHMM,
    LINE_END_RX,
    LINE_OPENING,
    OPENED_RX,
    RESTATED,
    STAMP,
    colon_stamped,
    stamped,
)
from storyline.annotate.timex.patterns import CLOCK_ZONE, Ctx, Res, Rule, rule
from storyline.annotate.timex.rules_clock import named_day


def _time(ctx: Ctx, m: re.Match[str]) -> Res:
    """The clock time on the day named with it; claimed only without one."""
    day = named_day(m, ctx)
    if day is None:
        return Res("SKIP", "")
    hh, mm = m.group("hhmm")[:2], m.group("hhmm")[2:]
    return Res("TIME", f"{day}T{hh}:{mm}", anchor="dct" if ctx.dct else "none")


def _zoned(m: re.Match[str], ctx: Ctx) -> Res | None:
    """'1230 GMT': a time. In brackets ('10:35 a.m. (0735 GMT)', 'at 1930 CDT on 1 June
    (0030 GMT 2 June)') it restates the time before it: claimed, so no year reading
    takes it, and not reported."""
    if OPENED_RX.search(ctx.text, max(0, m.start() - 8), m.start()):
        return Res("SKIP", "")
    return _time(ctx, m)


def _restated(m: re.Match[str], ctx: Ctx) -> Res | None:
    """'by 1100 (1600 GMT)': a local time, restated in brackets."""
    return _time(ctx, m)


def _stamp(m: re.Match[str], ctx: Ctx) -> Res | None:
    """A live-blog entry's time (alone on its line it tells nothing: only claimed)."""
    if not stamped(ctx):
        return None
    if LINE_END_RX.match(ctx.text, m.end()):
        return Res("SKIP", "")
    return _time(ctx, m)


def _colon_stamp(m: re.Match[str], ctx: Ctx) -> Res | None:
    """A live page's "1914: We also expect ..." (``hhmm.colon_stamped``)."""
    return _time(ctx, m) if colon_stamped(ctx) else None


RULES: tuple[Rule, ...] = (
    rule("clock_zoned", r"(?P<hhmm>" + HHMM + r")\s*" + CLOCK_ZONE, _zoned, priority=3),
    rule("clock_restated", r"(?P<hhmm>" + HHMM + r")(?=" + RESTATED + r")", _restated, priority=3),
    rule("clock_stamp", LINE_OPENING + STAMP, _stamp, priority=3),
    rule("clock_colon_stamp", LINE_OPENING + COLON_STAMP, _colon_stamp, priority=3),
)
