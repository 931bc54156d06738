"""The dates a sentence refers to, computed through one function.

``date_mentions`` / ``article_date_mentions`` call the project's temporal
tagger ``storyline.annotate.timex.tag`` (TIMEX3 values normalized against the
publication date) and keep the DATE/TIME expressions that name calendar time
(a day, ISO week, month or year). When that tagger cannot be imported (it is
developed alongside this module) a small regex fallback finds explicit day
dates ("April 20, 2010", "20 April", "2010-04-20") plus "today",
"yesterday", "tomorrow" and weekday names; ``tagger_name()`` says which one ran.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from storyline.text.dates import DateValue, granularity_of

from .records import DateRef

__all__ = [
    "TagFn",
    "article_date_mentions",
    "date_mentions",
    "fallback_tag",
    "granularity_of",
    "qualifies_noun",
    "tagger_name",
    "timex_to_ref",
]

_SPELLED_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")

TagFn = Callable[[str, dt.date], list[Any]]


def _project_tagger() -> TagFn | None:
    try:
        from storyline.annotate.timex import tag
    except ImportError:
        return None
    return tag


def tagger_name() -> str:
    """``"storyline.annotate.timex"`` when the project tagger is used, else ``"fallback"``."""
    return "storyline.annotate.timex" if _project_tagger() is not None else "fallback"


_POSSESSIVE = re.compile(r"\s?['’]s\b")
_AT_AN_EVENT = re.compile(r"\b(?:at|during)\s+$", re.IGNORECASE)


def qualifies_noun(text: str, start: int, end: int) -> bool:
    """True when the expression at ``text[start:end]`` is a possessor that dates a
    thing rather than the sentence's event: "after Tuesday's rally" ("Tuesday 's" in
    PTB-tokenized copy). Not after "at" or "during": in "said at Tuesday's news
    conference" the sentence's event happens at the thing, so the day is its day."""
    if _POSSESSIVE.match(text, end) is None and not text[start:end].endswith(("'s", "’s")):
        return False
    return _AT_AN_EVENT.search(text, max(0, start - 12), start) is None


def timex_to_ref(timex: Any, text: str | None = None) -> DateRef | None:
    """A ``storyline.models.Timex`` as a DateRef, or None when it is not calendar time.

    ``text`` is the document the timex's offsets point into; with it, an
    expression that only qualifies a noun ("after Tuesday's rally") is marked."""
    if timex.type not in ("DATE", "TIME") or timex.interval_start is None:
        return None
    parsed = DateValue.parse(timex.value)
    if parsed is None:
        return None
    end = timex.interval_end or timex.interval_start
    # Relative: the expression does not spell out its year, so the publication
    # date (or context) fixed it ("on Tuesday", "March 3", "last month").
    relative = _SPELLED_YEAR.search(timex.text) is None
    modifier = text is not None and qualifies_noun(text, timex.start, timex.end)
    return DateRef(
        timex.interval_start,
        end,
        parsed.granularity,
        parsed.value,
        relative=relative,
        text=timex.text,
        modifier=modifier,
    )


# ---- fallback: explicit day dates only ---------------------------------------

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_RE = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_YEAR_RE = r"(?:\s*,?\s*(?P<year>(?:19|20)\d{2})\b)?"
_MONTH_DAY = re.compile(rf"\b{_MONTH_RE}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b{_YEAR_RE}")
_DAY_MONTH = re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}{_YEAR_RE}")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_RELATIVE = re.compile(
    r"\b(?P<word>today|yesterday|tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday)\b",
    re.IGNORECASE,
)


def _nearest_year(month: int, day: int, dct: dt.date) -> dt.date | None:
    # A date written without its year is taken in the year that puts it closest
    # to the publication date (ties go to the past).
    best: dt.date | None = None
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - dct).days) < abs((best - dct).days):
            best = cand
    return best


def fallback_tag(text: str, dct: dt.date) -> list[tuple[int, DateRef]]:
    """Explicit day dates and day-relative words: (character offset, DateRef) pairs."""
    found: list[tuple[int, int, DateRef]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(m: re.Match[str], day: dt.date, relative: bool) -> None:
        modifier = qualifies_noun(text, m.start(), m.end())
        ref = DateRef(day, day, "day", day.isoformat(), relative, m.group(0), modifier=modifier)
        found.append((m.start(), m.end(), ref))

    for pattern in (_ISO, _MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            month_text = m.group("month")
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
            day = int(m.group("day"))
            if m.group("year"):
                try:
                    day_date: dt.date | None = dt.date(int(m.group("year")), month, day)
                except ValueError:
                    continue
                relative = False
            else:
                day_date = _nearest_year(month, day, dct)
                relative = True
            if day_date is None:
                continue
            taken.append((m.start(), m.end()))
            add(m, day_date, relative)
    for m in _RELATIVE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        word = m.group("word").lower()
        if word == "today":
            day_date = dct
        elif word == "yesterday":
            day_date = dct - dt.timedelta(days=1)
        elif word == "tomorrow":
            day_date = dct + dt.timedelta(days=1)
        else:
            if not m.group("word")[0].isupper():
                continue
            # News reports mostly look back: the latest such weekday up to the DCT.
            back = (dct.weekday() - _WEEKDAYS.index(word)) % 7
            day_date = dct - dt.timedelta(days=back)
        add(m, day_date, True)
    found.sort(key=lambda x: x[0])
    return [(start, ref) for start, _, ref in found]


# ---- public entry points ----------------------------------------------------


def _tag_refs(text: str, pub_date: dt.date, tag: TagFn | None) -> list[tuple[int, DateRef]]:
    if tag is None:
        return fallback_tag(text, pub_date)
    out: list[tuple[int, DateRef]] = []
    for timex in tag(text, pub_date):
        ref = timex_to_ref(timex, text)
        if ref is not None:
            out.append((timex.start, ref))
    return out


def date_mentions(sentence_text: str, pub_date: dt.date) -> list[DateRef]:
    """The calendar dates one sentence refers to, in text order."""
    return [ref for _, ref in _tag_refs(sentence_text, pub_date, _project_tagger())]


def article_date_mentions(
    sentences: Sequence[str], pub_date: dt.date, tag: TagFn | None = None, use_project: bool = True
) -> list[list[DateRef]]:
    """Date references per sentence, tagging the article once (so a tagger can
    use the context of earlier sentences). ``tag`` overrides the tagger; with
    ``use_project=False`` the regex fallback runs."""
    if tag is None and use_project:
        tag = _project_tagger()
    text = "\n".join(sentences)
    starts: list[int] = []
    pos = 0
    for s in sentences:
        starts.append(pos)
        pos += len(s) + 1
    per_sentence: list[list[DateRef]] = [[] for _ in sentences]
    for offset, ref in _tag_refs(text, pub_date, tag):
        i = bisect.bisect_right(starts, offset) - 1
        if 0 <= i < len(per_sentence):
            per_sentence[i].append(ref)
    return per_sentence
