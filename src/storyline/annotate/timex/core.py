"""The tagger: find candidate expressions, pick the best non-overlapping ones,
normalize them left to right against the dct and earlier expressions.

Speed: the rule regexes only run inside windows around trigger words
(month names, units, digits, "now", ...), found with one cheap word scan,
so text without temporal vocabulary costs almost nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import MappingProxyType

from storyline.annotate.timex import anchor as A
from storyline.annotate.timex import (
    rules_anaphora,
    rules_clock,
    rules_dates,
    rules_hhmm,
    rules_misc,
    rules_relative,
)
from storyline.annotate.timex.anchor import Tense
from storyline.annotate.timex.lexicon import (
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    SET_ADVERBS,
    UNITS,
    WEEKDAYS,
)
from storyline.annotate.timex.patterns import Res, Rule
from storyline.errors import AnnotateError
from storyline.models import Timex

TenseFn = Callable[[int, int], "Tense | None"]

RULES: tuple[Rule, ...] = (
    rules_dates.RULES
    + rules_relative.RULES
    + rules_clock.RULES
    + rules_hhmm.RULES
    + rules_misc.RULES
    + rules_anaphora.RULES
)

_MONTH_WORDS = frozenset(MONTHS)
_UNIT_WORDS = frozenset(
    [w for w in UNITS]
    + [w + "s" for w in UNITS]
    + ["centuries", "millennia", "hrs", "yrs", "mins", "secs", "min", "sec", "hr", "yr"]
)
_POD_WORDS = frozenset(PARTS_OF_DAY) | {"night", "nights", "mornings", "evenings", "afternoons"}
_DIGIT = "#"
# Which words can occur in what each rule matches: a rule only runs in
# windows around its own trigger words, so most text is never scanned.
_RULE_TRIGGERS: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "date_month_day": _MONTH_WORDS,
        "date_day_month": _MONTH_WORDS,
        "date_iso": frozenset({_DIGIT}),
        "date_numeric": frozenset({_DIGIT}),
        "month": _MONTH_WORDS,
        "year": frozenset({_DIGIT, "nineteen", "year"}),
        "decade": frozenset(
            {
                _DIGIT,
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            }
        ),  # fmt: skip
        "century": frozenset({"century"}),
        "quarter": frozenset({"quarter"}),
        "quarter_short": frozenset({"q"}),
        "period_of_year": frozenset({"quarter", "period"}),
        "period_of_year_rel": frozenset({"quarter", "period"}),
        "period_year_back": frozenset({"quarter", "period"}),
        "day_after_date": _MONTH_WORDS,  # it follows a month-day date
        "half": frozenset({"half"}),
        "season": frozenset(SEASONS),
        "holiday": frozenset(
            {
                "christmas",
                "year",
                "thanksgiving",
                "easter",
                "friday",
                "halloween",
                "day",
                "july",
                "fourth",
            }
        ),  # fmt: skip
        "relative_unit": _UNIT_WORDS | _POD_WORDS | {"period"},
        "weekday": frozenset(w for w in WEEKDAYS if len(w) > 4),
        "weekday_plural": frozenset(w + "s" for w in WEEKDAYS if len(w) > 4),
        "today": frozenset({"today", "yesterday", "tomorrow", "tonight", "overnight"}),
        "ago": frozenset({"ago"}),
        "later": frozenset(
            {"later", "earlier", "afterward", "afterwards", "before", "after", "prior"}
        ),  # fmt: skip
        "year_ago_adj": frozenset({"year"}),
        "year_end": frozenset({"end"}),
        "clock": frozenset({_DIGIT, "noon", "midnight", "midday", "clock"}),
        "clock_zoned": frozenset({_DIGIT}),
        "clock_restated": frozenset({_DIGIT}),
        "clock_stamp": frozenset({_DIGIT}),
        "duration": _UNIT_WORDS,
        "duration_vague": _UNIT_WORDS,
        "duration_long": frozenset({"long"}),
        "set_adverb": frozenset(SET_ADVERBS),
        "set_every": frozenset({"every", "each"}),
        "set_rate": _UNIT_WORDS,
        "set_frequency": frozenset({"once", "twice", "thrice", "times"}),
        "reference": frozenset(
            {
                "now",
                "currently",
                "presently",
                "present",
                "nowadays",
                "days",
                "recently",
                "lately",
                "past",
                "future",
                "term",
                "soon",
                "someday",
                "recent",
                "current",
                "time",
                "moment",
                "date",
                "while",
            }
        ),
    }
)
_ALL_TRIGGERS = frozenset().union(*_RULE_TRIGGERS.values())
_WORD_RX = re.compile(r"[A-Za-z]+|\d+")
_WINDOW = 110


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    priority: int
    order: int  # rule index, for stable tie breaks
    match: re.Match[str]
    rule: Rule


class _Context:
    """What handlers see: the text, the dct, tense cues and earlier results."""

    def __init__(self, text: str, dct: dt.date | None, tense_fn: TenseFn | None) -> None:
        self.text = text
        self.dct = dct
        self._tense_fn = tense_fn
        self.prev: list[tuple[int, int, str, str]] = []
        self.mods: dict[int, str] = {}  # end -> mod of the calendar values in ``prev``
        self.cache: dict[str, int] = {}

    def tense(self, start: int, end: int) -> Tense | None:
        if self._tense_fn is not None:
            got = self._tense_fn(start, end)
            if got is not None:
                return got
        return A.text_tense(self.text, start, end)

    def reference(
        self,
        start: int,
        max_distance: int = 10**9,
        exclude: frozenset[str] = frozenset(),
        grans: frozenset[str] | None = None,
    ) -> tuple[str, int] | None:
        """The latest calendar value before ``start`` (and where it ends).

        ``grans`` keeps only values of those granularities ("quarter", ...).
        """
        for _s, e, value, rule in reversed(self.prev):
            if e > start or rule in exclude:
                continue
            if grans is not None and A.granularity(value) not in grans:
                continue
            if start - e > max_distance:
                return None
            return value, e
        return None

    def references(self, start: int) -> Iterator[tuple[str, int, str]]:
        """Calendar values ending before ``start``, latest first: (value, end, rule)."""
        for _s, e, value, rule in reversed(self.prev):
            if e <= start:
                yield value, e, rule

    def mod_of(self, end: int) -> str | None:
        """The mod ("END" for "late May") of the calendar value ending at ``end``."""
        return self.mods.get(end)

    def previous_word(self, pos: int) -> str:
        chunk = self.text[max(0, pos - 30) : pos]
        m = _PREV_WORD_RX.search(chunk)
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        m = _NEXT_WORD_RX.match(self.text, pos, min(len(self.text), pos + 30))
        return m.group(1) if m else ""


_PREV_WORD_RX = re.compile(r"([\w'’]+)[ \t\n]*$")
_NEXT_WORD_RX = re.compile(r"[ \t\n]*([\w'’]+)")


def _trigger_positions(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each trigger word occurs (digits all count as one word, '#')."""
    found: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD_RX.finditer(text):
        w = m.group()
        key = _DIGIT if w[0].isdigit() else w.lower()
        if key in _ALL_TRIGGERS:
            found.setdefault(key, []).append(m.span())
    return found


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged [start, end) windows around trigger spans, snapped to whitespace."""
    n = len(text)
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        s, e = s - _WINDOW, e + _WINDOW
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out: list[tuple[int, int]] = []
    for s, e in merged:
        # snap to a space nearby; bounded searches keep space-less text linear
        if s <= 0:
            s = 0
        else:
            ws = text.find(" ", s, s + 40)
            s = ws + 1 if ws >= 0 else s
        if e >= n:
            e = n
        else:
            ws = text.rfind(" ", e - 40, e)
            e = ws if ws > s else e
        if s < e:
            out.append((s, e))
    return out


def _candidates(text: str) -> list[_Cand]:
    cands: list[_Cand] = []
    positions = _trigger_positions(text)
    for order, r in enumerate(RULES):
        spans: list[tuple[int, int]] = []
        for word in _RULE_TRIGGERS.get(r.name, _ALL_TRIGGERS):
            spans.extend(positions.get(word, ()))
        if not spans:
            continue
        for s, e in _windows(text, spans):
            for m in r.regex.finditer(text, s, e):
                if m.end() > m.start():
                    cands.append(_Cand(m.start(), m.end(), r.priority, order, m, r))
    return cands


def _select(cands: list[_Cand], size: int, banned: set[int]) -> list[_Cand]:
    """Longest first, then rule priority; no two chosen spans overlap."""
    taken = bytearray(size + 1)
    chosen: list[_Cand] = []
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.order, c.start))
    for c in ordered:
        if id(c) in banned:
            continue
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _make_timex(text: str, c: _Cand, res: Res) -> Timex:
    end = c.end - res.trim_end
    start = c.start + res.trim_start
    iv = A.interval(res.value) if res.type in ("DATE", "TIME") else None
    anchor = res.anchor
    if res.type in ("DURATION", "SET") or res.value.endswith("_REF"):
        anchor = "none"  # nothing was resolved against a date
    return Timex(
        text=text[start:end],
        start=start,
        end=end,
        type=res.type,
        value=res.value,
        mod=res.mod,
        interval_start=iv[0] if iv else None,
        interval_end=iv[1] if iv else None,
        anchor=anchor,
        rule=c.rule.name,
    )


def tag(text: str, dct: dt.date | None, *, tense: TenseFn | None = None) -> list[Timex]:
    """Find and normalize the TIMEX3 expressions of ``text`` written on ``dct``.

    ``dct`` None leaves relative expressions unresolved (``XXXX``-style
    values). ``tense`` optionally gives the direction of the clause around
    a span (e.g. from a parse); otherwise nearby words decide.
    """
    if not isinstance(text, str):
        raise AnnotateError(f"tag() needs a str, got {type(text).__name__}", code="E210")
    if dct is not None and not isinstance(dct, dt.date):
        raise AnnotateError(f"dct must be a datetime.date, got {type(dct).__name__}", code="E211")
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    if not text:
        return []
    cands = _candidates(text)
    banned: set[int] = set()
    result: list[Timex] = []
    for _round in range(4):
        chosen = _select(cands, len(text), banned)
        ctx = _Context(text, dct, tense)
        result = []
        failed = False
        for c in chosen:
            try:
                res = c.rule.handler(c.match, ctx)
            except (ValueError, OverflowError):
                # calendar arithmetic past year 1 or 9999 (a dct at the edge of time):
                # the expression has no representable value, so it is not reported
                res = None
            if res is None:
                banned.add(id(c))
                failed = True
                continue
            if res.type == "SKIP":
                continue  # claimed so that no other reading takes it ("(0735 GMT)"), not reported
            tx = _make_timex(text, c, res)
            result.append(tx)
            if res.type in ("DATE", "TIME") and A.granularity(res.value) is not None:
                ctx.prev.append((tx.start, tx.end, res.value, c.rule.name))
                if res.mod:
                    ctx.mods[tx.end] = res.mod
        if not failed:
            break
    return result
