"""Plain records the timeline builder works on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

GRANULARITIES = ("day", "week", "month", "year")


@dataclass(frozen=True)
class DateRef:
    """One calendar stretch a sentence refers to (inclusive days)."""

    start: dt.date
    end: dt.date
    granularity: str  # day | week | month | year
    value: str  # TIMEX3-style value at that granularity: 2010-04-20, 2010-04, 2010-W16, 2010
    relative: bool = False  # resolved against the publication date ("on Tuesday", "today")
    text: str = ""  # the expression as written


@dataclass(frozen=True)
class CandidateSentence:
    """A sentence of one article with the dates it refers to.

    ``tokens`` may carry a pre-tokenized, lower-cased form (content words only);
    when empty the builder tokenizes ``text`` itself.
    """

    article: str
    outlet: str | None
    published: dt.date
    text: str
    index: int  # position in the article, from 0
    dates: tuple[DateRef, ...] = ()
    url: str | None = None
    tokens: tuple[str, ...] = ()

    def day_refs(self) -> tuple[dt.date, ...]:
        """Days this sentence names at day granularity, in text order, no repeats."""
        seen: list[dt.date] = []
        for ref in self.dates:
            if ref.granularity == "day" and ref.start not in seen:
                seen.append(ref.start)
        return tuple(seen)
