"""Regex building blocks shared by the rule modules, and the rule record.

Every pattern is a plain string here; each rule module composes them into
its own regexes, compiled once at import time. Month and weekday names are
matched case-sensitively (Title or UPPER case) inside otherwise
case-insensitive patterns, so the verb "may" or "march" is never a month.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from storyline.annotate.timex.anchor import Tense
from storyline.annotate.timex.lexicon import (
    MONTH_ABBR,
    MONTH_FULL,
    NUMBER_WORD_RX,
    ORDINAL_WORD_RX,
    WEEKDAY_ABBR,
    WEEKDAY_FULL,
    _alt,
)


def _cased(words: tuple[str, ...]) -> str:
    forms = list(words) + [w.upper() for w in words]
    return "(?-i:" + _alt(forms) + ")"


MONTH_NAME = _cased(MONTH_FULL) + r"(?![A-Za-z])"
# "Aug." and PTB-tokenized "Aug ." (a space before the period), or "Aug 30"
MONTH_SHORT = _cased(MONTH_ABBR) + r"(?:\s?\.|(?=\s*\d))"
MONTH = r"(?:" + MONTH_NAME + "|" + MONTH_SHORT + ")"
WEEKDAY = _cased(WEEKDAY_FULL) + r"(?![A-Za-z])"
WEEKDAY_ANY = r"(?:" + WEEKDAY + "|" + _cased(WEEKDAY_ABBR) + r"(?:\s?\.)?(?=\s?,?\s+[A-Z0-9]))"
DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d|:\d|,\d{3})"
# Zones that follow a clock time, never a year ("1230 GMT"). Abbreviations are
# matched upper-case only, so the words "et" or "est" are not zones.
CLOCK_ZONE = (
    r"(?:(?-i:GMT|UTC|BST|CES?T|EES?T|E[SD]T|C[SD]T|P[SD]T|M[SD]T|MSK|JST|IST|ET|PT|AST|SGT"
    r"|HKT|AEST|AEDT|hrs|HRS)(?![A-Za-z])|local\s+time)"
)
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)(?![\d%])(?![,.]\d)(?!-\d\d-)(?!\s*" + CLOCK_ZONE + r")"
YEAR_APOS = r"['’]\d\d(?![\d%])"
YEAR_WORDS = (
    r"(?:(?:nineteen|eighteen|twenty)[- ](?:oh[- ])?" + NUMBER_WORD_RX + r"|two[- ]thousand"
    r"(?:(?:\s+and)?[- ]" + NUMBER_WORD_RX + r")?)"
)
NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2|½)?|"
    + NUMBER_WORD_RX
    + r"(?:[- ](?:hundred|thousand))?(?:[- ]and[- ]a[- ]half)?"
    r"|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|dozens\s+of|a\s+few|few|several|many"
    r"|some|a\s+number\s+of|a\s+handful\s+of|hundreds\s+of|thousands\s+of|half\s+an?"
    r"|a\s+hundred|an?)"
)
UNIT = (
    r"(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|nights?|weeks?|fortnights?|weekends?"
    r"|months?|quarters?|years?|yrs?|decades?|centur(?:y|ies)|millenni(?:um|a))(?![A-Za-z])"
)
SEASON = r"(?:spring|summer|fall|autumn|winter)(?![A-Za-z])"
ORDINAL = r"(?:" + ORDINAL_WORD_RX + r"|\d{1,2}(?:st|nd|rd|th))"
PRE_MOD = (
    r"(?:(?:more|less|fewer)\s+than|at\s+least|at\s+most|no\s+(?:more|less|fewer)\s+than"
    r"|up\s+to|nearly|almost|about|around|approximately|roughly|some|just\s+over|just\s+under"
    r"|well\s+over|close\s+to|an\s+estimated|more\s+or\s+less)"
)
# early / late / mid as parts of a period, with the phrase forms
PART = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid(?:dle)?)(?:[-\s]+part\s+of(?:\s+the)?)?"
    r"|(?:the\s+)?(?:beginning|start|end|middle|close|turn|dawn|outset)\s+of(?:\s+the)?|mid)"
)
TZ = (
    r"(?-i:E[SD]T|C[SD]T|M[SD]T|P[SD]T|GMT|UTC|BST|CES?T|EES?T|MSK|IST|JST|ET|PT|CT|Z)(?![A-Za-z])"
    r"|local\s+time|(?-i:Eastern|Pacific|Central|Mountain)(?:\s+(?:time|Standard\s+Time))?"
)

PREPOSITIONS = frozenset(
    {
        "in", "on", "at", "for", "since", "by", "until", "till", "through", "from", "to",
        "of", "during", "before", "after", "between", "and", "or", "within", "over",
        "around", "about", "than", "into", "throughout", "as", "per", "under", "across",
    }
)  # fmt: skip


def part_mod(part: str | None) -> str | None:
    """TIMEX3 mod for a part-of-period word ('late' -> END)."""
    if not part:
        return None
    p = part.lower()
    if any(w in p for w in ("early", "earlier", "beginning", "start", "dawn", "outset")):
        return "START"
    if any(w in p for w in ("late", "later", "end", "close")):
        return "END"
    if "mid" in p or "turn" in p:
        return "MID"
    return None


def pre_mod(word: str | None) -> str | None:
    """TIMEX3 mod for a quantity modifier ('more than' -> MORE_THAN)."""
    if not word:
        return None
    w = " ".join(word.lower().split())
    if w in ("more than", "just over", "well over"):
        return "MORE_THAN"
    if w in ("less than", "fewer than", "just under"):
        return "LESS_THAN"
    if w in ("at least", "no less than", "no fewer than"):
        return "EQUAL_OR_MORE"
    if w in ("at most", "no more than", "up to", "nearly", "almost", "close to"):
        return "EQUAL_OR_LESS"
    if w in ("about", "around", "approximately", "roughly", "some", "an estimated",
             "more or less"):  # fmt: skip
        return "APPROX"
    return None


# Approximators left outside the extent: TempEval-3 (AQUAINT) annotates "about [five
# hours]", while bounds ("more than", "at least", "nearly") stay inside the expression.
APPROX_WORDS = frozenset({"about", "around", "approximately", "roughly"})


def approx_trim(m: re.Match[str], group: str) -> int:
    """Characters to drop from the start of ``m`` when group ``group`` is an approximator."""
    word = m.group(group) if group in m.re.groupindex else None
    if not word or " ".join(word.lower().split()) not in APPROX_WORDS:
        return 0
    end = m.end(group)
    while end < m.end() and m.string[end].isspace():
        end += 1
    return end - m.start()


@dataclass(frozen=True)
class Res:
    """What a rule makes of a match: TIMEX3 type, value and mod.

    Type ``SKIP`` claims the span without reporting it: no other reading of
    those characters is taken (a restated clock time is no year).
    """

    type: str
    value: str
    mod: str | None = None
    anchor: str = "dct"
    trim_end: int = 0  # characters to drop from the end of the extent
    trim_start: int = 0  # characters to drop from the start ("the" before an adjective)


class Ctx(Protocol):
    """What a rule handler may look at besides its match."""

    text: str
    dct: dt.date | None
    cache: dict[str, int]  # per-text counts a rule computes once (``hhmm.stamped``)

    def tense(self, start: int, end: int) -> Tense | None: ...

    def reference(
        self,
        start: int,
        max_distance: int = ...,
        exclude: frozenset[str] = ...,
        grans: frozenset[str] | None = ...,
    ) -> tuple[str, int] | None: ...

    def references(self, start: int) -> Iterator[tuple[str, int, str]]: ...

    def previous_word(self, pos: int) -> str: ...

    def next_word(self, pos: int) -> str: ...

    def mod_of(self, end: int) -> str | None: ...


Handler = Callable[[re.Match[str], Ctx], Res | None]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler
    priority: int = 0  # higher wins between equally long matches


def rule(name: str, pattern: str, handler: Handler, priority: int = 0) -> Rule:
    rx = re.compile(r"(?<![\w'’])" + pattern + r"(?![\w])", re.IGNORECASE)
    return Rule(name, rx, handler, priority)
