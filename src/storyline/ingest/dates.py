"""Publication-date candidates, each scored with its provenance.

One extractor per source (manifest, header, html, url, text); ``choose``
picks by the precedence in ``models.DATE_SOURCES`` and keeps every candidate
so a user can see why a date was chosen.
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import IngestError
from ..models import DATE_SOURCES, DateCandidate

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_SCORES = {"manifest": 1.0, "header": 0.95, "html": 0.8, "url": 0.7, "text": 0.5}

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_URL_NUMERIC = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)")
_URL_MONTHNAME = re.compile(
    r"(?<!\d)(20\d{2}|19\d{2})/([a-z]{3,9})/(\d{1,2})(?!\d)", re.IGNORECASE
)
_URL_COMPACT = re.compile(r"(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)")
_TEXT_DATE = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),\s+((?:19|20)\d{2})\b"
)


def parse_iso_date(value: str) -> dt.date:
    """Parse an ISO date or datetime; raise IngestError naming what is wrong."""
    match = _ISO.match(value)
    if not match:
        raise IngestError(f"date {value!r} is not ISO 8601 (YYYY-MM-DD)", code="E110")
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise IngestError(f"impossible date {value!r}: {exc}", code="E111") from exc


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def from_url(url: str | None) -> DateCandidate | None:
    if not url:
        return None
    for pattern in (_URL_NUMERIC, _URL_MONTHNAME, _URL_COMPACT):
        match = pattern.search(url)
        if not match:
            continue
        year, month_text, day = match.groups()
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower(), 0)
        found = _safe_date(int(year), month, int(day))
        if found is not None:
            return DateCandidate(found, _SCORES["url"], "url")
    return None


def from_text(text: str) -> DateCandidate | None:
    """A full date with year in the article's opening (a dateline)."""
    match = _TEXT_DATE.search(text[:400])
    if not match:
        return None
    month = _MONTHS.get(match.group(1).lower(), 0)
    found = _safe_date(int(match.group(3)), month, int(match.group(2)))
    return DateCandidate(found, _SCORES["text"], "text") if found else None


def candidate(value: dt.date, source: str) -> DateCandidate:
    return DateCandidate(value, _SCORES[source], source)


def choose(candidates: list[DateCandidate]) -> tuple[dt.date | None, str]:
    """The candidate from the strongest source; ties keep the first found."""
    if not candidates:
        return None, "unknown"
    best = min(candidates, key=lambda c: (DATE_SOURCES.index(c.source), -c.score))
    return best.value, best.source
